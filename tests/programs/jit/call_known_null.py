# Compiled calls whose callable slots the compiler can prove are [NULL, function] (a global or
# local called directly, arguments of known stack effect) and ones it cannot (methods, a
# callable chosen by a conditional, calls nested as arguments).


def add(a, b):
    return a + b


def neg(x):
    return -x


class K:
    def add(self, a, b):
        return a * 100 + b


def direct(n):
    t = 0
    xs = [1, 2, 3]
    for i in range(n):
        t += add(i, xs[i % 3])
        t += add(i * 2 + 1, -i)
        t += neg(add(i, 1))
        t += add(add(i, 2), add(3, i))
        t += len((i, i))
        h = add
        t += h(i, 1)
    return t


def chosen(n, k):
    t = 0
    for i in range(n):
        t += (add if i % 2 else k.add)(i, 1)
        t += k.add(i, 2)
        f = neg if i % 3 else abs
        t += f(i)
    return t


def main():
    print(direct(50), chosen(50, K()))
    # A global rebound to a bound method, to a builtin, and to a class: the same call sites.
    global add
    k = K()
    saved = add
    add = k.add
    print(direct(5))
    add = max
    print(direct(5))
    add = saved
    print(direct(5))


main()
