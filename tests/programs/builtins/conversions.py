# builtins: bool/int/float/complex/str/list/tuple/set/dict constructors with no args, copies and odd inputs
print(bool(), int(), float(), complex(), str(), list(), tuple(), set(), dict(), frozenset(), bytes(), bytearray())
print(int("  12  "), int(12.9), int(True), int("-0"), float(" 1e3 "), float(7), float("-inf"), complex(2), complex("1-1j"))
print(str(12), str(1.25), str([1, "a"]), str(None), str(b"x"), str(1e300), str(-0.0))
print(list("ab"), list((1, 2)), list({1: 2}), list(range(3)), tuple([1]), tuple("xy"), sorted(set("aba")), dict([(1, 2)]))
l = [1, 2]
print(list(l) is l, list(l) == l, tuple((1,)) == (1,), set({1}) is not None)
print(int("0b101", 0), int("0o17", 8), int("z", 36), float("1_0.5"), int(" +7 "))
print(bool("False"), bool(0.0), bool(0j), bool([0]), bool(" "), bool(-1))
print(chr(int("41", 16)), ord(str(7)), str(int("010")), repr(float(int("9" * 20))))
for f, arg in [(int, "1.5"), (float, "x"), (complex, "1+"), (int, [1]), (float, None), (list, 1), (dict, [1, 2]), (tuple, 5)]:
    try:
        print(f(arg))
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__ + ":", e)
