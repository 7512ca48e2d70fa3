# _thread on a single thread: locks, re-entrant locks, thread-local data, identifiers, and
# clear errors for what one thread cannot do.
import _thread
import sys
import time


def show(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(blocking=False))
print(repr(lock).split(" at ")[0])
lock.release()
print(repr(lock).split(" at ")[0], lock.locked())
show("release unlocked", lock.release)
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())
try:
    with lock:
        raise ValueError("boom")
except ValueError as e:
    print("with released on error:", e, lock.locked())

# timeouts: nobody else can release a held lock, so a timed wait runs out
lock.acquire()
t0 = time.monotonic()
print(lock.acquire(True, 0.05), lock.acquire(timeout=0), time.monotonic() - t0 >= 0.04)
lock.release()
print(lock.acquire(timeout=1.5), lock.locked())
lock.release()
show("timeout non-blocking", lambda: lock.acquire(False, 1))
show("negative timeout", lambda: lock.acquire(timeout=-2))
show("str timeout", lambda: lock.acquire(timeout="1"))
show("nan timeout", lambda: lock.acquire(timeout=float("nan")))
show("huge timeout", lambda: lock.acquire(timeout=1e300))
show("too many args", lambda: lock.acquire(True, 1, 2))
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())
show("new lock type", lambda: _thread.LockType())
print(_thread.allocate_lock() is not _thread.allocate_lock())

# RLock
r = _thread.RLock()
print(type(r).__name__, repr(r).split(" owner=")[0])
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
print(repr(r).split(" owner=")[0], repr(r).split(" count=")[1].split(" ")[0])
r.release()
print(r._recursion_count())
r.release()
print(r._is_owned(), r._recursion_count())
show("release unowned", r.release)
with r:
    with r:
        print("nested with:", r._recursion_count())
print(r._recursion_count())
r.acquire()
r.acquire()
state = r._release_save()
print(state[0], r._is_owned())
r._acquire_restore(state)
print(r._recursion_count())
r.release()
r.release()
show("release_save unowned", r._release_save)


class MyRLock(_thread.RLock):
    pass


m = MyRLock()
print(m.acquire(), type(m).__name__, isinstance(m, _thread.RLock))
m.release()

# thread-local data: one thread, one namespace
loc = _thread._local()
loc.x = 1
loc.y = [2]
print(loc.x, loc.y, sorted(loc.__dict__))
del loc.x
show("deleted attr", lambda: loc.x)
show("init args", lambda: _thread._local(1))


class MyLocal(_thread._local):
    def __init__(self, v):
        self.v = v


print(MyLocal(5).v)

# what threading.excepthook receives, and the default hook (prints to stderr)
args = _thread._ExceptHookArgs([ValueError, ValueError("escaped"), None, None])
print(args, args.exc_type, args.exc_value, args.thread, len(args), args[0], type(args).__name__)
print(isinstance(args, tuple), args == (ValueError, args.exc_value, None, None))
show("short args", lambda: _thread._ExceptHookArgs([1, 2]))
show("hook of tuple", lambda: _thread._excepthook((1, 2, 3, 4)))
print(_thread._excepthook(_thread._ExceptHookArgs([SystemExit, SystemExit(1), None, None])))
sys.stdout.flush()
_thread._excepthook(args)

# identifiers and module constants
ident = _thread.get_ident()
print(type(ident).__name__, ident == _thread.get_ident(), ident > 0)
print(type(_thread.get_native_id()).__name__)
print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX, _thread._count(), _thread.stack_size())
print(_thread.daemon_threads_allowed())

# (start_new_thread and endless waits differ from CPython on purpose: tests/single_thread.rs)
try:
    _thread.exit()
except SystemExit as e:
    print("SystemExit", e.args)
try:
    _thread.interrupt_main()
    for i in range(1000):
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt from interrupt_main")
