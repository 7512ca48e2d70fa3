# exc: implicit chaining (__context__), explicit (__cause__), suppression, and chains across functions
def level3():
    raise KeyError("level3")
def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("level2") from e
def level1():
    try:
        level2()
    except ValueError:
        raise RuntimeError("level1")
try:
    level1()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        link = "cause" if cur.__cause__ is not None else "context"
        chain.append((type(cur).__name__, str(cur), link, cur.__suppress_context__))
        cur = cur.__cause__ or cur.__context__
    print(chain)
try:
    try:
        raise TypeError("a")
    except TypeError as first:
        raise TypeError("b")
except TypeError as second:
    print(second, second.__context__, second.__context__ is not None, second.__cause__)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(e.__cause__, e.__suppress_context__, repr(e.__context__))
e.__suppress_context__ = True
print(e.__suppress_context__)
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise OSError("io")
    except OSError:
        raise ValueError("v") from None
except ValueError as v:
    print(v.__cause__, type(v.__context__).__name__, v.__suppress_context__)
def handled_inside():
    try:
        raise KeyError("handled")
    except KeyError:
        pass
    raise IndexError("fresh")
try:
    handled_inside()
except IndexError as ie:
    print(ie, ie.__context__)
try:
    try:
        1 / 0
    finally:
        raise NameError("in finally")
except NameError as ne:
    print(ne, type(ne.__context__).__name__)
def self_context():
    err = ValueError("loop")
    try:
        raise err
    except ValueError:
        try:
            raise err
        except ValueError as again:
            return again.__context__
print(self_context())
