# lang (phase 3): mapping patterns: required keys, extra keys ignored, **rest, nested mappings, guards
def handle(msg):
    match msg:
        case {"type": "ping"}:
            return "pong"
        case {"type": "add", "args": [a, b]}:
            return a + b
        case {"type": "user", "user": {"name": str(name), "age": int(age)}} if age >= 18:
            return f"adult {name}"
        case {"type": "user", "user": {"name": name}}:
            return f"minor {name}"
        case {"type": t, **rest} if rest:
            return f"unknown {t} with {sorted(rest)}"
        case {"type": t}:
            return f"unknown {t}"
        case _:
            return "malformed"
msgs = [{"type": "ping"}, {"type": "ping", "extra": 1}, {"type": "add", "args": [2, 3]}, {"type": "add", "args": [1]},
        {"type": "user", "user": {"name": "ann", "age": 30}}, {"type": "user", "user": {"name": "bo", "age": 9}},
        {"type": "zzz", "a": 1, "b": 2}, {"type": "zzz"}, {}, [("type", "ping")], "ping"]
for m in msgs:
    print(m, "->", handle(m))
