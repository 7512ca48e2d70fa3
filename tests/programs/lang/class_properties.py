# lang (phase 3): property (getter/setter/deleter), classmethod, staticmethod, and class-level state
class Temperature:
    scale = "C"
    instances = 0
    def __init__(self, c):
        self._c = c
        Temperature.instances += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def valid(v):
        return v >= -273.15
t = Temperature(100)
print(t.celsius, t.fahrenheit, Temperature.from_f(212).celsius, Temperature.valid(-300), t.valid(0), Temperature.instances)
t.celsius = 25
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -500
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
print(type(Temperature.__dict__["celsius"]).__name__, type(Temperature.__dict__["from_f"]).__name__, type(Temperature.__dict__["valid"]).__name__)
class Sub(Temperature):
    scale = "K"
s = Sub.from_f(32)
print(type(s).__name__, s.celsius, s.scale, Temperature.instances)
