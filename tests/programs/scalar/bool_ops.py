# bool: truthiness of builtin values, and/or/not returning operands, bool() constructor, repr
vals = [0, 1, -1, 0.0, -0.0, 0.5, float("nan"), 0j, 1j, "", " ", "0", "False", b"", b"\x00", [], [0], (), ((),),
        {}, {0: 0}, set(), {0}, frozenset(), range(0), range(1), None, True, False, bytearray(), 2**100]
print([bool(v) for v in vals])
print([(1 if v else 0) for v in vals])
print(repr(True), repr(False), str(True), True.__repr__(), bool(), bool(bool))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0, "a" and "b" and "c", "a" and "" and "c")
print(not 1, not 0, not "", not [1], not None, not not 5)
print(True and False or True, False or True and False, not True == False, (not True) == False)
print(bool.__name__, type(True).__name__, type(not 1).__name__, type(1 == 1).__name__, type(1 < 2 < 3).__name__)
print(True is (1 == 1), False is (1 == 2), (0 or False) is False, (0 and True) == 0)
x = [] or {} or "" or 0 or None
print(x)
y = [1] and {2: 2} and "s"
print(y)
calls = []
def f(v):
    calls.append(v)
    return v
r = f(0) and f(1)
r2 = f(2) or f(3)
r3 = f(0) or f("") or f(4) or f(5)
print(r, r2, r3, calls)
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(sum([x > 2 for x in range(6)]), [True] * 3, True * "ab", "ab" * False)
print(True.__and__(False), True.__or__(False), True.__xor__(True), False.__neg__())
print(all([True, 1, "x"]), any([0, "", None]), True.conjugate(), (True).as_integer_ratio())
