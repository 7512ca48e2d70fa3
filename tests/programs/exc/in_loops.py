# exc: exceptions inside loops: continue/break from handlers, retry loops, collecting errors, else clauses
results = []
for s in ["1", "x", "3", "", "5.5", "7"]:
    try:
        results.append(int(s))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("|")
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 4:
            raise ConnectionError("try again %d" % attempts)
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("failed:", e)
errors = {}
for i, d in enumerate([2, 0, 5, 0, "a"]):
    try:
        10 / d
    except ZeroDivisionError as e:
        errors[i] = str(e)
    except TypeError as e:
        errors[i] = "type: " + str(e)
        break
    else:
        errors[i] = "ok"
print(errors)
total = 0
for x in range(10):
    try:
        if x % 3 == 0:
            raise ValueError
        total += x
    except ValueError:
        total -= 1
print(total)
def first_valid(items):
    for it in items:
        try:
            return int(it)
        except (TypeError, ValueError):
            pass
    return "none valid"
print(first_valid([None, "z", "42", "7"]), first_valid([]), first_valid([[], {}]))
i = 0
while i < 5:
    try:
        i += 1
        if i == 3:
            raise StopIteration("three")
    except StopIteration as e:
        print("caught", e)
        continue
    print("i =", i)
