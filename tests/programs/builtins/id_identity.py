# builtins: id() only via equality comparisons: same object <=> same id; is/is not on containers and singletons
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c, a is not c)
print(id(None) == id(None), None is None, True is True, ... is ..., NotImplemented is NotImplemented)
t = (a, a)
print(id(t[0]) == id(t[1]), t[0] is t[1])
d = {"k": a}
print(d["k"] is a, id(d["k"]) == id(a))
def ret(x):
    return x
print(ret(a) is a, id(ret(c)) == id(c))
lst = [a] * 3
print(all([x is a for x in lst]), len(set([id(x) for x in lst])))
copy = a[:]
print(copy is a, copy == a, id(copy) != id(a))
a.append(3)
print(b, c, id(a) == id(b))
print(type(id(a)).__name__, id(a) > 0)
s1 = "hello"
s2 = s1
print(s1 is s2, id(s1) == id(s2))
try:
    id()
except TypeError as e:
    print("TypeError:", e)
