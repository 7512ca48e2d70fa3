# Helper module imported by lang/import_user_module.py (not a test: names starting with "_" are skipped).
CONSTANT = 42
counter = 0
load_count = 1
__all__ = ["public_fn", "greet"]


def greet(name):
    return f"hello, {name}"


def bump():
    global counter
    counter += 1


def public_fn():
    return "public"


def _private_fn():
    return "private"
