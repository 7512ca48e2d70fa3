# An exception raised in a hot loop that runs as compiled code (under the JIT): the traceback's
# lines and carets must be tier 1's.
def step(total, i):
    return total + 1000 // (300 - i)


def hot(n):
    total = 0
    i = 0
    while i < n:
        total = step(total, i)
        total = total + i * 2
        i = i + 1
    return total


def outer():
    x = 0
    for k in range(3):
        x = x + k
    return hot(500) + x


outer()
