"""Python-to-Python calls with exact positional arguments (CALL_PY_EXACT_ARGS)."""
def add(a, b):
    return a + b
def main():
    t = 0
    for i in range(3_000_000):
        t = add(t, i)
    print(t)
main()
