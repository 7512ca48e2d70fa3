# uncaught: output printed before an uncaught ZeroDivisionError is flushed; last stderr line and exit code 1
print("before the error")
for i in range(3):
    print("line", i)
x = 10
y = x - 10
print(x / y)
print("never printed")
