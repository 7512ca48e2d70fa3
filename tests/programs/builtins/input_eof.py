# builtins: input() with no stdin (the harness gives none): prompt goes to stdout, then EOFError
import sys
print("before input")
try:
    line = input("prompt> ")
    print("got", repr(line))
except EOFError as e:
    print()
    print("EOFError:", repr(e), str(e))
try:
    input()
except EOFError as e:
    print("second EOFError:", e)
try:
    input("a", "b")
except TypeError as e:
    print("TypeError:", e)
print(sys.stdin.read() == "", sys.stdin.readline() == "")
