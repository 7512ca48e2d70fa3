# Speed sanity check of the _sre engine: searches over a 1 MB string, timed in milliseconds.
# Run it under CPython 3.12 and apython (tests/speed/re_speed.sh) and compare: apython should
# not be more than a few times slower. The code lists are what CPython 3.12's re._compiler
# emits for each pattern, so this needs `_sre` only (not the `re` package).
import _sre
import time

PATTERNS = [
    ('literal', 'needle', 32, [14, 18, 3, 6, 6, 6, 6, 110, 101, 101, 100, 108, 101, 0, 0, 0, 0, 0, 0, 16, 110, 16, 101, 16, 101, 16, 100, 16, 108, 16, 101, 1], 0),
    ('literal_prefix', 'ne+dle', 32, [14, 8, 1, 5, 4294967295, 1, 1, 110, 0, 16, 110, 24, 6, 1, 4294967295, 16, 101, 1, 16, 100, 16, 108, 16, 101, 1], 0),
    ('class', '[XYZ]q', 32, [14, 8, 4, 2, 2, 22, 88, 90, 0, 13, 5, 22, 88, 90, 0, 16, 113, 1], 0),
    ('ignorecase', '(?i)needle', 34, [14, 4, 0, 6, 6, 40, 110, 40, 101, 40, 101, 40, 100, 40, 108, 40, 101, 1], 0),
    ('words', '\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0),
    ('digits', '\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0),
    ('groups', '(\\w+)a\\b', 32, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 97, 6, 10, 1], 1),
    ('alternation', '(?:alpha|gamma)\\b', 32, [14, 9, 4, 5, 5, 16, 97, 16, 103, 0, 7, 13, 16, 97, 16, 108, 16, 112, 16, 104, 16, 97, 15, 15, 13, 16, 103, 16, 97, 16, 109, 16, 109, 16, 97, 15, 2, 0, 6, 10, 1], 0),
]

words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', '42', 'x9', 'foo_bar']
text = ' '.join(words[i % 8] for i in range(200000))[:1000000]
for name, pattern, flags, code, groups in PATTERNS:
    p = _sre.compile(pattern, flags, code, groups, {}, (None,) * (groups + 1))
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        if name in ('words', 'digits', 'groups', 'alternation'):
            n = len(p.findall(text))
        else:
            n = p.search(text) is not None
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print('%-14s %-22r %10.2f ms  %s' % (name, pattern, best * 1000, n))
