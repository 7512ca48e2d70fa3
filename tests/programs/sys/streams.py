# sys: sys.stdout/sys.stderr write() return values, print(file=...), flush, interleaving on stdout, encoding name
import sys
n = sys.stdout.write("abc\n")
m = sys.stdout.write("é日🐍\n")
print(n, m)
k = sys.stderr.write("error stream line\n")
print(k)
print("explicit stdout", file=sys.stdout)
sys.stdout.flush()
sys.stderr.flush()
print(sys.stdout.writable(), sys.stderr.writable(), sys.stdin.readable())
print(sys.stdout.encoding.lower().replace("-", ""), sys.stderr.encoding.lower().replace("-", ""))
out = sys.stdout
out.write("via alias\n")
for i in range(3):
    sys.stdout.write(str(i))
sys.stdout.write("\n")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
print("stderr last", file=sys.stderr)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr)
