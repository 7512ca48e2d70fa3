# Built-in sequences concatenate and repeat only after the right operand's reflected dunder
# had its chance (CPython tries nb_add/nb_multiply of both operands before sq_concat/sq_repeat).
class V:
    def __radd__(self, other):
        return ("radd", other)
    def __rmul__(self, other):
        return ("rmul", other)

class W:
    def __radd__(self, other):
        return NotImplemented

for left in ([5], (1,), "s", b"b"):
    print(left + V(), left * 1)
for e in ["[1] + (2,)", "(1,) + [2]", "'a' + 1", "[1] + None", "[1] + W()", "'x' + W()", "b'a' + 'b'"]:
    try:
        print(eval(e))
    except TypeError as ex:
        print("TypeError", ex)
s = "a"
try:
    s += 1
except TypeError as ex:
    print("TypeError", ex)
x = [1]
x += (2,)
print(x, 3 * V(), [1] * V())
class L(list):
    pass
try:
    L([1]) + 5
except TypeError as ex:
    print("TypeError", ex)
print(L([1]) + [2], [2] + L([1]))
