# lang (phase 3): deterministic finalization: abandoned generators run finally when the last reference goes; __del__ timing
log = []
def gen():
    try:
        yield 1
        yield 2
    finally:
        log.append("gen finally")
g = gen()
next(g)
log.append("before del")
del g
log.append("after del")
print(log)
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append("del " + self.name)
log.clear()
r = Res("a")
r = Res("b")
log.append("rebound")
del r
print(log)
log.clear()
def scope():
    x = Res("local")
    log.append("leaving scope")
scope()
log.append("after scope")
print(log)
log.clear()
items = [Res(str(i)) for i in range(3)]
items.clear()
print(sorted(log))
log.clear()
for v in gen():
    break
log.append("after loop")
print(log)
