"""Module globals and builtins in a loop (LOAD_GLOBAL_MODULE, LOAD_GLOBAL_BUILTIN)."""
K = 3
def main():
    t = 0
    for i in range(2_000_000):
        t += K + len("ab")
    print(t)
main()
