# argparse (through gettext, os, shutil.get_terminal_size): parsing, help text, errors.
import argparse
import os

os.environ["COLUMNS"] = "70"
p = argparse.ArgumentParser(prog="tool", description="A tool that does things.")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-v", "--verbose", action="store_true", help="talk more")
p.add_argument("--count", type=int, default=3, help="how many (default: %(default)s)")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
sub = p.add_subparsers(dest="cmd")
run = sub.add_parser("run", help="run it")
run.add_argument("--dry", action="store_true")
ns = p.parse_args(["a", "b", "-v", "--count", "5"])
print(ns, ns.files, ns.verbose, ns.count)
print(p.parse_args(["--mode", "slow", "run", "--dry"]))
print(p.format_help())
print(p.format_usage())
for bad in (["--count", "x"], ["--mode", "medium"], ["--nope"]):
    try:
        p.parse_args(bad)
    except SystemExit as e:
        print("exit", e.code)
