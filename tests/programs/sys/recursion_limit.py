# sys: getrecursionlimit default, setrecursionlimit effects on how deep recursion may go, invalid values
import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
for limit in [100, 300, 1000, 2000]:
    sys.setrecursionlimit(limit)
    d = depth(0)
    print(limit, sys.getrecursionlimit(), d <= limit, d > limit // 2)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["10", 1.5]:
    try:
        sys.setrecursionlimit(bad)
    except TypeError as e:
        print("TypeError:", e)
sys.setrecursionlimit(1000)
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(len(str(fact(900))))
