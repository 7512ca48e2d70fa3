# lang (phase 3): contextlib: @contextmanager (setup/teardown around yield, exceptions thrown in), suppress, ExitStack
import contextlib
log = []
@contextlib.contextmanager
def tag(name):
    log.append("<" + name + ">")
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled " + repr(e))
    finally:
        log.append("</" + name + ">")
with tag("a") as t:
    log.append(t)
with tag("b"):
    raise KeyError("k")
print(log)
log.clear()
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    log.append("outside " + str(e))
print(log)
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
log.clear()
with contextlib.ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(tag(n))
    stack.callback(log.append, "callback")
print(log)
with contextlib.nullcontext(5) as v:
    print(v)
