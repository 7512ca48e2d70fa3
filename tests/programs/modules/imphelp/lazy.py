"""A module with a PEP 562 __getattr__."""
existing = 1


def __getattr__(name):
    if name == "computed":
        return "computed value"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
