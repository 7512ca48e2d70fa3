# func: assert with and without messages, message evaluated only on failure, AssertionError args/str
assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args, repr(str(e)))
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e, e.args)
calls = []
def msg():
    calls.append("called")
    return "lazy message"
assert True, msg()
print(calls)
try:
    assert [], msg()
except AssertionError as e:
    print(e, calls)
try:
    assert 0, ("tuple", "message")
except AssertionError as e:
    print(e.args, e)
try:
    assert None, 42
except AssertionError as e:
    print(e.args, type(e.args[0]).__name__)
def checked_sqrt(x):
    assert x >= 0, f"negative input: {x}"
    return x ** 0.5
print(checked_sqrt(16))
try:
    checked_sqrt(-4)
except AssertionError as e:
    print("AssertionError:", e)
print(isinstance(AssertionError(), Exception), AssertionError.__mro__[1].__name__)
