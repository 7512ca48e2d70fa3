# Deep recursion under the JIT: a RecursionError (never a crash), and recursive numeric code.
import sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(20))

def down(n):
    return down(n + 1) + 1

try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)

def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1

print(depth(900))
sys.setrecursionlimit(3000)
print(depth(2500))
try:
    depth(5000)
except RecursionError as e:
    print(type(e).__name__, e)

def loop_then_recurse(n):
    s = 0
    i = 0
    while i < 50:
        s = s + i
        i = i + 1
    if n == 0:
        return s
    return s + loop_then_recurse(n - 1)

print(loop_then_recurse(500))

class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None

try:
    Node(10_000)
except RecursionError as e:
    print(type(e).__name__, e)
