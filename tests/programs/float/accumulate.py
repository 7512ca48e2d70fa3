# float: floating-point algorithms in loops (Newton sqrt, series, Kahan sum, integration) exact to the bit
def newton_sqrt(x):
    g = x / 2 if x > 1 else 1.0
    for _ in range(60):
        g = (g + x / g) / 2
    return g

print([newton_sqrt(v) for v in [2.0, 10.0, 0.25, 1e10, 12345.678]])
s = 0.0
for k in range(1, 100001):
    s += 1.0 / (k * k)
print(s, (s * 6) ** 0.5)
pi4 = 0.0
sign = 1.0
for k in range(200000):
    pi4 += sign / (2 * k + 1)
    sign = -sign
print(pi4 * 4)
e = 0.0
term = 1.0
for k in range(1, 25):
    e += term
    term /= k
print(e)
total = 0.0
comp = 0.0
for i in range(1000):
    y = 0.1 - comp
    t = total + y
    comp = (t - total) - y
    total = t
naive = 0.0
for i in range(1000):
    naive += 0.1
print(total, naive, total == 100.0)
n = 1000
h = 1.0 / n
acc = 0.0
for i in range(n):
    x = (i + 0.5) * h
    acc += 4.0 / (1.0 + x * x)
print(acc * h)
x = 0.5
for _ in range(50):
    x = 3.7 * x * (1 - x)
print(x)
vals = [1e100, 1.0, -1e100, 1.0]
print(sum(vals), sum(sorted(vals)))
m = [[1.5, 2.0], [0.5, 4.0]]
det = m[0][0] * m[1][1] - m[0][1] * m[1][0]
print(det, [[m[1][1] / det, -m[0][1] / det], [-m[1][0] / det, m[0][0] / det]])
