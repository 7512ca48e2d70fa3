# float: arithmetic and comparisons involving inf and nan, nan identity vs equality in containers
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, inf * -1, inf / inf, 1 / inf, -1 / inf, inf // 1, inf % 2)
print(nan + 1, nan * 0, -nan, abs(-inf), abs(nan), nan ** 0, 1 ** nan, inf ** 0)
print(inf == inf, inf > 1e308, -inf < -1e308, inf == -inf, nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan)
print(inf > 10**1000, inf > 2**1000, -inf < -(2**1000))
lst = [nan]
print(nan in lst, lst == lst, [nan] == [nan], lst.count(nan), lst.index(nan))
x = float("nan")
print(x in [nan], [x] == [nan], (nan,) == (nan,))
print(max(1, nan), max(nan, 1), min(nan, 1), min(1, nan), sorted([3, 1, 2]))
print(str(inf), repr(-inf), str(nan), repr(-nan), f"{inf}", f"{nan:>6}", format(-inf, "e"), format(nan, "f"))
print(float("inf") is inf, inf == float("Infinity"))
print(inf % 1, 5 % inf, -5 % inf, 5 // -inf, -5 // -inf)
for a, b in [(inf, 1.0), (1.0, inf), (-inf, 1.0), (nan, 1.0), (1.0, nan), (inf, inf)]:
    try:
        print(divmod(a, b))
    except Exception as e:
        print(type(e).__name__, e)
s = 0.0
for v in [1.0, inf, 2.0]:
    s += v
print(s, s - inf, sum([inf, -inf]), sum([1e308, 1e308]))
print(bool(nan), bool(inf), nan is nan, 0 * inf != 0 * inf)
