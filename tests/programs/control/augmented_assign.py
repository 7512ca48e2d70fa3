# control: every augmented assignment operator on ints, floats, strings, lists, tuples, sets, dicts, and subscripts/attrs
a = 10
a += 5; print(a)
a -= 3; print(a)
a *= 4; print(a)
a /= 8; print(a)
a //= 2; print(a)
a = 17
a %= 5; print(a)
a **= 3; print(a)
a <<= 2; print(a)
a >>= 1; print(a)
a &= 0b1010; print(a)
a |= 0b0101; print(a)
a ^= 0b1111; print(a)
s = "ab"
s += "cd"; s *= 2; print(s)
l = [1]
alias = l
l += [2]; l *= 2; print(l, alias is l)
t = (1,)
talias = t
t += (2,); print(t, talias, talias is t)
st = {1, 2}
st |= {3}; st &= {2, 3, 4}; st -= {4}; st ^= {9}; print(sorted(st))
d = {"a": 1}
d |= {"b": 2}; print(d)
d["a"] += 10; d["b"] *= 3; print(d)
lst = [1, 2, 3]
lst[0] += 100; lst[-1] **= 2; lst[1:2] += [7]; print(lst)
nested = {"k": [0, 0]}
nested["k"][1] -= 5; print(nested)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
def f():
    pass
f.counter = 0
f.counter += 1; f.counter += 1
print(f.counter)
x = 2**62
x += 2**62; print(x, type(x).__name__)
y = 0.1
y += 0.2; print(y)
for bad in ["s", None]:
    try:
        v = 1
        v += bad
    except TypeError as e:
        print("TypeError:", e)
