# lang (phase 3): user iterators: __iter__/__next__, StopIteration, iter() on __getitem__ objects, reversed via __reversed__
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), list(Countdown(4)), sum(Countdown(10)))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Countdown(self.n)
    def __reversed__(self):
        return iter(range(1, self.n + 1))
    def __len__(self):
        return self.n
r = Range2(3)
print(list(r), list(r), list(reversed(r)), len(r), 2 in r, sorted(r))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class NotIterable:
    pass
try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print("TypeError:", e)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "end"))
a, b, *rest = Range2(5)
print(a, b, rest, dict(zip(Range2(2), "xy")))
