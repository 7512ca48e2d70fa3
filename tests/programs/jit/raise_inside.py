# Exceptions raised inside compiled code (hot loops): type, message, where, and handlers.
def divide_down(n):
    total = 0
    i = n
    while i > -5:
        total = total + 1000 // i
        i = i - 1
    return total

try:
    divide_down(400)
except ZeroDivisionError as e:
    print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)

def handled(n):
    out = 0
    for i in range(n):
        try:
            out = out + 10 % (i - 300)
        except ZeroDivisionError as e:
            out = out + 1_000_000
            print("caught at", i, type(e).__name__, e)
    return out

print(handled(600))

def type_error(n):
    s = 0
    i = 0
    while i < n:
        s = s + i
        if i == n - 2:
            s = "x"
        i = i + 1
    return s

try:
    type_error(500)
except TypeError as e:
    print(type(e).__name__, e)

def unbound(n):
    i = 0
    while i < n:
        if i == n - 1:
            del i
            return i
        i = i + 1

try:
    unbound(200)
except UnboundLocalError as e:
    print(type(e).__name__, e)

def float_div(n):
    x = 1.0
    i = 0
    while i < n:
        x = x / (n - 1 - i)
        i = i + 1
    return x

try:
    float_div(300)
except ZeroDivisionError as e:
    print(type(e).__name__, e)

def nested_finally(n):
    log = []
    try:
        i = 0
        while True:
            i = i + 1
            if i > n:
                raise ValueError("past %d" % n)
    except ValueError as e:
        log.append(str(e))
    finally:
        log.append("finally")
    return log

print(nested_finally(700))
