# lang: __del__ runs at the last reference (locals, rebinding, del, list clear, after an exception), errors reported as unraisable
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    r = R("local")
    print("in f")
f()
print("after f")
x = R("global")
x = None
print("rebound")
class Bad:
    def __del__(self):
        raise ValueError("oops")
b = Bad()
del b
print("after bad")
l = [R("in list")]
l.clear()
try:
    r = R("unwind")
    1 / 0
except ZeroDivisionError:
    print("caught")
del r
print("end")
