# lang (phase 3): protocol fallbacks: __bool__ -> __len__, `in` -> __iter__ -> __getitem__, __index__ for slicing/bin, __int__/__float__
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(LenOnly(0)), bool(LenOnly(2)))
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly(), list(IterOnly()), sorted(IterOnly(), reverse=True))
class GetItemOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return "abc"[i]
print("b" in GetItemOnly(), list(GetItemOnly()), "".join(GetItemOnly()))
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print([10, 20, 30, 40][Idx(1)], "abcdef"[Idx(1):Idx(4)], bin(Idx(5)), hex(Idx(255)), range(Idx(3)), (2).__pow__(Idx(3)))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
print(int(Num()), float(Num()), complex(Num()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class Hashless:
    __hash__ = None
try:
    {Hashless()}
except TypeError as e:
    print("TypeError:", e)
