# time: types of the clock functions' results and the relationships between ns and float variants
import time
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic()).__name__, type(time.monotonic_ns()).__name__)
print(type(time.perf_counter()).__name__, type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__, type(time.process_time_ns()).__name__)
t_ns = time.time_ns()
t = time.time()
print("time_ns close to time()*1e9:", abs(t_ns / 1e9 - t) < 60)
print("time_ns is a big int:", t_ns > 10**18, t_ns.bit_length() > 60)
m_ns = time.monotonic_ns()
m = time.monotonic()
print("monotonic_ns vs monotonic within 60s:", abs(m_ns / 1e9 - m) < 60)
pt = time.process_time()
print("process_time non-negative:", pt >= 0)
print(callable(time.sleep), callable(time.time))
