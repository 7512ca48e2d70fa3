# lang (phase 3): single and multiple inheritance, method overriding, super() chains, C3 MRO
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog/" + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
p = Puppy("rex", 1)
print(p.speak(), p.kind(), isinstance(p, Animal), issubclass(Puppy, Dog), [c.__name__ for c in Puppy.__mro__])
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def template(self):
        return self.hook() * 2
    def hook(self):
        return 1
class Derived(Base):
    def hook(self):
        return 21
print(Base().template(), Derived().template())
class Explicit(Dog):
    def speak(self):
        return Animal.speak(self) + "!"
print(Explicit("e").speak(), Dog.__bases__[0].__name__, Puppy.__base__.__name__)
print(issubclass(bool, int), D.__mro__[-1].__name__, type(D).__name__)
