# list: sort with key= and reverse= is stable (equal keys keep order, also with reverse), multi-key sorting
people = [("ann", 30), ("bob", 25), ("cid", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
s = sorted(people, key=lambda p: p[0], reverse=True)
s.sort(key=lambda p: p[1])
print(s)
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig", "Fig", "date"]
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w.lower())))
nums = [-5, 3, -2, 8, -8, 2, 0]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, key=lambda n: n % 3))
calls = []
def k(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=k), calls)
recs = [{"n": i % 3, "i": i} for i in range(9)]
print([r["i"] for r in sorted(recs, key=lambda r: r["n"])])
print([r["i"] for r in sorted(recs, key=lambda r: r["n"], reverse=True)])
try:
    sorted([1, 2], key=lambda x: None if x == 1 else 0)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(key=5)
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2, 3]
try:
    lst.sort(key=lambda x: lst.append(x) or x)
except ValueError as e:
    print("ValueError:", e)
