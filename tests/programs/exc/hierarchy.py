# exc: the builtin exception hierarchy via issubclass/isinstance, and which handlers catch what
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (FloatingPointError, ArithmeticError),
         (IndexError, LookupError), (KeyError, LookupError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (FileNotFoundError, OSError), (PermissionError, OSError), (TimeoutError, OSError),
         (UnicodeDecodeError, UnicodeError), (UnicodeError, ValueError), (ModuleNotFoundError, ImportError),
         (StopIteration, Exception), (StopAsyncIteration, Exception), (SystemExit, Exception), (KeyboardInterrupt, Exception),
         (GeneratorExit, Exception), (SystemExit, BaseException), (Exception, BaseException), (BaseExceptionGroup, BaseException),
         (ExceptionGroup, Exception), (ExceptionGroup, BaseExceptionGroup), (Warning, Exception), (DeprecationWarning, Warning),
         (UserWarning, Warning), (SyntaxError, Exception), (IndentationError, SyntaxError), (TabError, IndentationError),
         (AssertionError, Exception), (AttributeError, Exception), (EOFError, Exception), (TypeError, ValueError),
         (BufferError, Exception), (MemoryError, Exception), (ReferenceError, Exception), (ConnectionResetError, ConnectionError),
         (BrokenPipeError, ConnectionError), (ChildProcessError, OSError), (IsADirectoryError, OSError), (BlockingIOError, OSError),
         (IOError, OSError), (EnvironmentError, OSError), (bool, int), (KeyError, KeyError)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print(IOError is OSError, EnvironmentError is OSError)
for exc in [ZeroDivisionError("z"), KeyError("k"), FileNotFoundError(2, "nf"), SystemExit(0), StopIteration(1)]:
    print(type(exc).__name__, isinstance(exc, Exception), isinstance(exc, BaseException), isinstance(exc, (LookupError, ArithmeticError)))
def catch(exc, handler):
    try:
        raise exc
    except handler:
        return "caught by " + (handler.__name__ if isinstance(handler, type) else str([h.__name__ for h in handler]))
    except BaseException as e:
        return "fell through to BaseException: " + type(e).__name__
print(catch(KeyError("x"), LookupError), catch(IndexError, (KeyError, ValueError)), catch(ZeroDivisionError, ArithmeticError))
print(catch(SystemExit(3), Exception), catch(KeyboardInterrupt, Exception), catch(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), ValueError))
print(ZeroDivisionError.__bases__, KeyError.__bases__[0].__name__, BaseException.__bases__, type(ValueError).__name__)
