# Generator methods on a class.
class Bag:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        for x in self.items:
            yield x

    def pairs(self):
        yield from zip(self.items, self.items[1:])


bag = Bag(1, 2, 3)
print(list(bag), list(bag.pairs()), [x for x in bag])
print(type(iter(bag)).__name__, bag.pairs().__qualname__)
