# bytes: bytearray mutation: item/slice assignment and deletion, append/extend/insert/pop/remove/reverse/clear
ba = bytearray(b"hello")
ba[0] = 72
print(ba)
ba[1:3] = b"EL"
print(ba)
ba[1:3] = b"xyz123"
print(ba)
ba[::2] = b"ABCDE"
print(ba)
del ba[0]
print(ba)
del ba[::3]
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.insert(0, 35)
ba.insert(-1, 36)
ba.insert(100, 37)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
ba.reverse()
print(ba, len(ba))
c = ba.copy()
ba.clear()
print(ba, c, ba == bytearray())
for f in [lambda: c.__setitem__(0, 256), lambda: c.__setitem__(0, b"a"), lambda: c.append(-1), lambda: c.remove(200),
          lambda: bytearray().pop(), lambda: c.__setitem__(slice(None, None, 2), b"a"), lambda: c.extend([1, "x"]),
          lambda: c.__setitem__(99, 1)]:
    try:
        f()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
d = bytearray(b"abc")
d += b"def"
d *= 2
print(d, d.upper(), d.find(b"c"), d[2:4])
d[2:4] = []
print(d)
d[0:0] = b"<<"
print(d)
