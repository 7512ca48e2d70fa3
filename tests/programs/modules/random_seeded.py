# random / _random: the Mersenne Twister gives CPython's exact sequences for a seed; state
# round trips; _sha2 (used to seed from str/bytes).
import random
import _random
import _sha2

random.seed(42)
print(random.random(), random.random(), random.getrandbits(100), random.getrandbits(32), random.getrandbits(0))
print(random.randint(1, 100), random.choice("abcdef"), random.randrange(0, 100, 7), random.uniform(1, 2))
l = list(range(20))
random.shuffle(l)
print(l)
print(random.sample(range(1000), 6), random.choices("abc", k=8), random.choices("abc", weights=[1, 0, 5], k=5))
print(random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5), random.triangular(0, 10, 3))
print(random.betavariate(2, 3), random.gammavariate(2.5, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.paretovariate(3), random.weibullvariate(1, 2), random.binomialvariate(20, 0.3), random.randbytes(6))
for seed in [0, 1, -5, 2**100, 12345678901234567890, "hello", b"hello", bytearray(b"x"), 1.5, True]:
    random.seed(seed)
    print(repr(seed), random.random())
random.seed("hello", version=1)
print(random.random())

st = random.getstate()
a = [random.random() for _ in range(5)]
random.setstate(st)
print(a == [random.random() for _ in range(5)], st[0], len(st[1]), st[2])

r1 = random.Random(7)
r2 = random.Random(7)
print(r1.random() == r2.random(), r1.randint(0, 10**30), r1.getrandbits(65))

class MyRandom(random.Random):
    def double(self):
        return 2 * self.random()
m = MyRandom(3)
print(m.double(), isinstance(m, _random.Random), type(m).__mro__[1:3])

r = _random.Random(5)
print(r.random(), r.getrandbits(8), len(r.getstate()), r.getstate()[-1])
s = r.getstate()
x = r.random()
r.setstate(s)
print(x == r.random())
r.seed(5)
print(r.random())

def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(_random.Random, 1, 2)
err(_random.Random, x=1)
err(r.getrandbits, -1)
err(r.getrandbits, 1.5)
err(r.setstate, (1, 2))
err(r.setstate, [1, 2])
err(r.setstate, (0,) * 624 + (625,))
err(random.seed, [1, 2])
err(random.randrange, 0)
err(random.choice, [])

for f in (_sha2.sha224, _sha2.sha256, _sha2.sha384, _sha2.sha512):
    h = f(b"abc")
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    h2 = f()
    h2.update(b"a" * 200)
    c = h2.copy()
    h2.update(b"x")
    print(c.hexdigest()[:24], h2.hexdigest()[:24], f(b"").digest()[:6], f(usedforsecurity=False).name)
err(_sha2.sha256, "text")
err(_sha2.sha256, 5)
