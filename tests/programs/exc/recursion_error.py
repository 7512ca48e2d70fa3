# exc: unbounded recursion raises RecursionError (caught), the interpreter recovers, and the limit can be changed
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e, isinstance(e, RuntimeError))
def depth_reached():
    d = [0]
    def rec():
        d[0] += 1
        rec()
    try:
        rec()
    except RecursionError:
        pass
    return d[0]
print(depth_reached() > 500)
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(500))
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(200)
try:
    ok(500)
except RecursionError as e:
    print("with limit 200:", e)
print(ok(100))
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old, ok(800))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)
def recurse_in_handler(n):
    try:
        return recurse_in_handler(n + 1)
    except RecursionError:
        return "caught at some depth"
print(recurse_in_handler(0))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
for i in range(3):
    try:
        down(0)
    except RecursionError:
        print("recovered", i)
