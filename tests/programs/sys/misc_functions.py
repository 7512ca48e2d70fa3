# sys: assorted sys functions with deterministic results: getrecursionlimit, get_int_max_str_digits, exc_info outside handlers
import sys
print(sys.exc_info(), sys.exception())
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(10**4500)))
sys.set_int_max_str_digits(4300)
try:
    str(10**4500)
except ValueError as e:
    print("ValueError:", e)
print(callable(sys.getrecursionlimit), type(sys.argv).__name__, isinstance(sys.path, list))
print(sys.flags.optimize, type(sys.flags.optimize).__name__)
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError:", e)
