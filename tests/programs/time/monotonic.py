# time: monotonic/perf_counter (and their _ns forms) never go backwards; differences are small and non-negative
import time
prev = time.monotonic()
ok = True
for _ in range(1000):
    now = time.monotonic()
    if now < prev:
        ok = False
    prev = now
print("monotonic non-decreasing:", ok)
a = time.perf_counter()
s = 0
for i in range(10000):
    s += i
b = time.perf_counter()
print("perf_counter diff >= 0:", b - a >= 0, "and < 30s:", b - a < 30, s)
n1 = time.monotonic_ns()
n2 = time.monotonic_ns()
print("monotonic_ns:", type(n1).__name__, n2 >= n1)
p1 = time.perf_counter_ns()
p2 = time.perf_counter_ns()
print("perf_counter_ns:", type(p1).__name__, p2 >= p1)
t = time.time()
print("time() after 2020:", t > 1577836800.0, type(t).__name__)
