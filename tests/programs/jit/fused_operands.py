# Binary ops and compares that compiled code runs fused with the loads feeding them and the
# store or jump after them: every operand shape (stack, local, constant), results pushed or
# stored, guards that fail inside a hot loop (a local turning float, bool or big), kernels'
# slow cases (overflow to a big int, division by zero), stores over heap values, and a
# jump target just after a fused load.


def shapes(n):
    a, b, t = 0, 1, 0
    for i in range(n):
        a = i + 3            # LC store
        b = a * i            # LL store
        t = t + (a - b)      # LL push, then SS store
        t = t ^ 5            # LC store
        c = (t & 1023) % 7   # SC push, SC store
        if i < c:            # LL jump
            t += 1
        if c > 3:            # LC jump
            t -= c
        if (t // 3) >= b:    # SL jump
            t -= 2
        if t % 2 == 0:       # SC jump
            t += i << 2
    return a, b, t


def floats(n):
    x, y, s = 0.5, 1.25, 0.0
    for i in range(n):
        y = x * 2.0          # LC store
        s = s + y / x        # LL push, SS store
        s = s - 0.25         # LC store
        if s > 100.0:        # LC jump
            s = s / 3.0
        if x < y:            # LL jump
            x = x + 0.125
    return x, y, s


def turns_float(vals):
    # The guard of a fused op fails when a local stops being an int, every time.
    out = []
    for v in vals:
        w = v + 1
        out.append(w)
        if v > 2:
            out.append(v * 2)
    return out


def overflow(n):
    x = 1
    for i in range(n):
        x = x * 1000003      # goes big: the kernel's slow case
    return x % 1000000007, x > 10 ** 100


def div_zero(vals):
    out = []
    for v in vals:
        try:
            q = 100 // v
            out.append(q)
        except ZeroDivisionError as e:
            out.append(str(e))
        try:
            f = 1.5 / v
            out.append(f)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


class Big:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("freed", self.n)


def store_over_heap(n):
    k = Big(1)               # a heap value the fused store drops
    j = 0
    for i in range(n):
        k = i + 1
        j = k * 2
    return k, j


def mixed_kinds(vals):
    # Int, bool and float operands through the same fused sites.
    out = []
    for v in vals:
        r = v + 2
        s = v * v
        if v < 3:
            out.append((r, s, "lt"))
        else:
            out.append((r, s, "ge"))
    return out


def loop_target(n):
    # The `while` condition's loads are a jump target (the loop's back edge lands there).
    i, s = 0, 0
    while i < n:
        s += i
        i += 1
    return s


def int_then_float_const(n):
    # A float op with an int constant is not fused (its guard would differ); it still works.
    x = 0.5
    for i in range(n):
        x = x * 2 + 1
        x = x / 4
    return x


print(shapes(2000))
print(floats(3000))
print(turns_float([1, 2, 3, 4.5, 5, 6.25, True, 7]))
print(overflow(60))
print(div_zero([5, 0, -3, 0, 7]))
print(store_over_heap(100))
print(mixed_kinds([1, 2, True, 2.5, 4, 10**20, -3]))
print(loop_target(1000))
print(int_then_float_const(500))
for _ in range(3):
    print(shapes(300), floats(100), turns_float([1, 2.5, 3]))
