# control: if/elif/else chains, nested ifs, conditions on many value kinds, early exit paths in functions
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2:
            return "small odd"
        else:
            return "small even"
    elif n < 100:
        return "medium"
    else:
        return "large"

print([classify(n) for n in [-5, 0, 3, 4, 10, 99, 100, 2**70]])
def grade(score):
    if score >= 90:
        g = "A"
    elif score >= 80:
        g = "B"
    elif score >= 70:
        g = "C"
    else:
        g = "F"
    if score == 100:
        g += "+"
    return g
print([grade(s) for s in [100, 95, 85, 75, 10, 90, 89.999]])
for v in [0, 1, "", "x", [], [0], None, 0.0, float("nan"), {}, (), range(0)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 5
if x > 3: print("one-line if")
if x > 10: print("no")
elif x > 4: print("one-line elif")
else: print("no")
if not x:
    print("no")
elif x and not x - 5:
    print("x is five")
y = 0
if x > 0:
    if x > 3:
        if x > 4:
            y = 3
        else:
            y = 2
    else:
        y = 1
print(y)
if (n := len("abc")) > 2:
    print("walrus in if", n)
