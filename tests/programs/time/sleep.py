# time: time.sleep blocks at least the requested time (measured with monotonic), sleep(0) works, bad arguments raise
import time
start = time.monotonic()
r = time.sleep(0.01)
elapsed = time.monotonic() - start
print("sleep returns", r, "elapsed >= 0.009:", elapsed >= 0.009, "elapsed < 5:", elapsed < 5)
time.sleep(0)
time.sleep(0.0)
time.sleep(False)
print("sleep(0) ok")
start = time.perf_counter()
time.sleep(0.02)
print("perf_counter sees sleep:", time.perf_counter() - start >= 0.019)
for bad in [-1, -0.5]:
    try:
        time.sleep(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["1", None, [1]]:
    try:
        time.sleep(bad)
    except TypeError as e:
        print("TypeError:", e)
