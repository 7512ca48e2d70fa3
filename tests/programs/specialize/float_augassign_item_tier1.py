# Tier 1's `a[i] op= x` on floats, the float op and the item store as one instruction: lists
# of floats with += -= *=, then an int operand, a negative or out-of-range index, a dict, a
# tuple, a list subclass and a str meeting the specialized site.


class L(list):
    pass


def step(a, i, x):
    a[i] += x * 0.5
    a[i] -= x
    a[i] *= 1.5


def run(a, i, x):
    try:
        step(a, i, x)
        return a
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


def main():
    a = [0.0, 1.0, 2.0, 3.0]
    for k in range(400):
        step(a, k % 4, 0.25)
    print([round(v, 6) for v in a])
    print(run([1.0, 2.0], 1, 3), run([1.0, 2.0], -1, 2.0), run([1, 2], 0, 2.0))
    print(run([1.0], 5, 1.0), run((1.0, 2.0), 0, 1.0))
    print(run({0: 1.0}, 0, 2.0), run(L([1.0, 2.0]), 0, 4.0))
    print(run(["s"], 0, 1.0))
    b = [1.0, 2.0]
    for _ in range(300):
        b[1] += 0.5
        b[0] *= 1.0
    b[0] /= 4.0
    print(b)


main()
