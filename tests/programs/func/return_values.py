# func: return semantics: implicit None, multiple values as tuple, early returns in loops, return in nested blocks
def nothing():
    pass
def bare():
    return
def multi():
    return 1, "two", [3]
def early(lst, target):
    for i, v in enumerate(lst):
        if v == target:
            return i
    return -1
def nested(x):
    if x > 0:
        while True:
            for i in range(10):
                if i * x > 20:
                    return i
    return None
print(nothing(), bare(), multi(), type(multi()).__name__, early([5, 6, 7], 7), early([], 1), nested(3), nested(0))
a, b, c = multi()
print(a, b, c)
def returns_function():
    def inner():
        return "inner result"
    return inner
print(returns_function()())
def returns_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before return completes")
print(returns_in_try())
def conditional_types(flag):
    if flag == 0:
        return 0
    if flag == 1:
        return "one"
    if flag == 2:
        return [2]
print([conditional_types(i) for i in range(4)])
def gen_list(n):
    out = []
    for i in range(n):
        if i == 3:
            return out
        out.append(i)
    return out
print(gen_list(2), gen_list(10))
def swap(a, b):
    return b, a
print(swap(1, 2), swap(*swap(1, 2)))
