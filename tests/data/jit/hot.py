# A hot loop (compiled with --jit) and a local whose overwrite frees an object in compiled code.
def hot_loop(n):
    s = 0
    i = 0
    while i < n:
        s = s + i
        i = i + 1
    return s


def churn(obj):
    obj = 0
    return obj


print(hot_loop(100_000))
print(churn([1, 2, 3]))
