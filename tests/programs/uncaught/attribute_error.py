# uncaught: AttributeError on a builtin type, with CPython's message
value = 42
print(value.bit_length())
value.append(1)
