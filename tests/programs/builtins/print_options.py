# builtins: print() with sep/end/file/flush, multiple and zero args, non-str objects, None for defaults, errors
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end=" <end>\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, True, [1, "x"], (1,), {"k": 1}, b"b", sep=" | ")
print("x", sep=None, end=None)
print("y", file=None)
print("flushed", flush=True)
print(*range(5))
print(*[], sep="-")
print("", "", sep="|")
print("multi\nline", "arg")
print("to stderr", file=sys.stderr)
print("tab\tsep", "é日🐍", sep="\t")
for bad in [lambda: print(sep=1), lambda: print(end=5), lambda: print(foo=1), lambda: print(file=5)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
sys.stdout.write("written directly\n")
n = sys.stdout.write("count me")
print()
print(n)
print("done", end="!\n")
