# uncaught: "raise X from Y" prints both tracebacks; the last stderr line is the final exception X
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"could not parse {s!r}") from e
print(parse("12"))
print(parse("twelve"))
