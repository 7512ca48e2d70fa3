# Tier 1's `x[j] = v` with the list and the index in locals (LOAD_FAST x, LOAD_FAST j and
# STORE_SUBSCR_LIST_INT as one instruction): swaps in a list, then a negative or
# out-of-range index, a non-int index, a dict, a bytearray and a list subclass at the site.


class L(list):
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v * 10)


def reverse(work, k):
    i = 0
    j = k
    while i < j:
        t = work[i]
        work[i] = work[j]
        work[j] = t
        i += 1
        j -= 1


def put(x, j, v):
    x[j] = v
    return x


def attempt(x, j, v):
    try:
        return put(x, j, v)
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


def main():
    w = list(range(10))
    for k in range(300):
        reverse(w, k % 10)
    print(w)
    print(attempt([1, 2, 3], -1, 9), attempt([1, 2], 2, 9), attempt([1], 1.0, 9))
    print(attempt({}, 3, "v"), attempt(bytearray(b"ab"), 1, 65), attempt(L([1, 2]), 0, 4))
    print(attempt([1, 2], True, "t"), attempt((1, 2), 0, 5))
    big = [0] * 5
    for i in range(300):
        put(big, i % 5, i)
    print(big)


main()
