#!/usr/bin/env python3
"""Regenerate the expected outputs of the differential test corpus with CPython 3.12.

For every test program tests/programs/<area>/<name>.py (files directly inside an
area directory whose name does not start with '_'; subdirectories and '_*.py'
files are helper modules, not tests) this writes

    tests/expected/<area>/<name>.out   stdout, byte for byte
    tests/expected/<area>/<name>.err   the last non-empty line of stderr (empty file if none)
    tests/expected/<area>/<name>.code  the exit code

The program runs with cwd = its own directory and argv = [<name>.py], no stdin,
exactly as tests/differential.rs runs apython.

Each program is run twice with different PYTHONHASHSEED values; if the two runs
differ the program is not deterministic (e.g. it prints a set of strings) and
regen reports it and exits non-zero. Programs of areas not listed in
tests/programs/PENDING are also linted: they may not use later-phase features
(generators/genexps, class, with, match, except*, imports other than sys/math/time,
eval/exec), and no program's file name may shadow a stdlib module.

Usage:
    tests/regen.py                 # everything
    tests/regen.py int str/split   # only programs whose "<area>/<name>" contains a filter
    tests/regen.py tests/programs/int/bigint_ops.py   # a path works too
Options:
    --python PATH   CPython 3.12 to use (default: $APYTHON_PYTHON, else ~/.pyenv/versions/3.12.*)
    --no-check      run each program once (skip the determinism check)
    --check-only    do not write anything; report programs whose expectations are stale
"""

import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
EXPECTED = os.path.join(HERE, "expected")
TIMEOUT = 60


def find_python(explicit):
    cands = []
    if explicit:
        cands.append(explicit)
    if os.environ.get("APYTHON_PYTHON"):
        cands.append(os.environ["APYTHON_PYTHON"])
    cands += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12.*/bin/python3.12")), reverse=True)
    cands += ["/usr/local/bin/python3.12", "/usr/bin/python3.12", "python3.12"]
    for c in cands:
        try:
            out = subprocess.run([c, "-c", "import sys; print(sys.version_info[:2])"],
                                 capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.strip() == "(3, 12)":
            return c
    sys.exit("regen.py: no working CPython 3.12 found (use --python)")


def all_programs():
    progs = []
    for area in sorted(os.listdir(PROGRAMS)):
        d = os.path.join(PROGRAMS, area)
        if not os.path.isdir(d) or area.startswith((".", "_")):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".py") and not f.startswith("_") and os.path.isfile(os.path.join(d, f)):
                progs.append((area, f[:-3]))
    return progs


# Features that belong to later phases: programs outside the PENDING areas must not use them.
PHASE2_IMPORTS = {"sys", "math", "time"}
LINT_SCRIPT = r"""
import dis, sys
CO_ASYNC = 0x80 | 0x200  # coroutine, async generator (generators are supported)
def walk(co, out):
    if co.co_flags & CO_ASYNC:
        out.add("coroutine/async generator (" + co.co_name + ")")
    for ins in dis.get_instructions(co):
        op = ins.opname
        if op == "LOAD_BUILD_CLASS":
            out.add("class statement")
        elif op == "BEFORE_WITH":
            out.add("with statement")
        elif op.startswith("MATCH_"):
            out.add("match statement")
        elif op == "CHECK_EG_MATCH":
            out.add("except*")
        elif op == "IMPORT_NAME" and ins.argval.split(".")[0] not in @IMPORTS@:
            out.add("import " + ins.argval)
        elif op in ("LOAD_NAME", "LOAD_GLOBAL") and ins.argval in ("eval", "exec", "compile", "__import__"):
            out.add(ins.argval + "()")
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c, out)
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        src = f.read()
    out = set()
    base = path.rsplit("/", 1)[-1][:-3]
    if base in sys.stdlib_module_names:
        out.add("file name shadows the stdlib module " + base)
    walk(compile(src, path, "exec"), out)
    if out:
        print(path + ": " + ", ".join(sorted(out)))
""".replace("@IMPORTS@", repr(sorted(PHASE2_IMPORTS)))


def pending_areas():
    try:
        with open(os.path.join(PROGRAMS, "PENDING")) as f:
            return {l.split("#")[0].strip().rstrip("/") for l in f if l.split("#")[0].strip()}
    except OSError:
        return set()


# Areas testing the module system (implemented): imports and eval/exec/compile are allowed there.
MODULE_SYSTEM_AREAS = {"modules"}


def _module_system_feature(feature):
    return feature.startswith("import ") or feature in ("eval()", "exec()", "compile()", "__import__()")


# Areas that test the whole language (classes, generators, with, match, except*, modules), and
# `modules` (native and standard-library modules: weakref, collections, _thread, io ... need
# classes and `with` to be exercised): every feature apython implements may appear there. The
# other areas stay focused on the core types and control flow, so a failure there points at
# the core.
WHOLE_LANGUAGE_AREAS = {"lang", "gen", "gen_class", "specialize", "modules", "jit"}


def lint(python, progs):
    """Core-area programs (not in PENDING or WHOLE_LANGUAGE_AREAS) may not use later-phase features."""
    skip = pending_areas() | WHOLE_LANGUAGE_AREAS
    paths = [os.path.join(PROGRAMS, a, n + ".py") for a, n in progs if a not in skip]
    if not paths:
        return []
    p = subprocess.run([python, "-c", LINT_SCRIPT] + paths, capture_output=True, text=True)
    if p.returncode != 0:
        return ["lint failed: " + p.stderr.strip()]
    errors = []
    for line in p.stdout.splitlines():
        path, _, features = line.rpartition(": ")
        rel = os.path.relpath(path, PROGRAMS)
        found = features.split(", ")
        if rel.split(os.sep)[0] in MODULE_SYSTEM_AREAS:
            found = [f for f in found if not _module_system_feature(f)]
        if found:
            errors.append("uses a later-phase feature: " + rel + ": " + ", ".join(found))
    return errors


def last_line(stderr):
    lines = [l for l in stderr.replace(b"\r\n", b"\n").split(b"\n") if l.strip()]
    return lines[-1] if lines else b""


def run(python, area, name, seed):
    d = os.path.join(PROGRAMS, area)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = str(seed)
    env["LC_ALL"] = "C.UTF-8"
    # -B: no __pycache__ next to the programs; -s: no user site; -X utf8: UTF-8 stdio
    # whatever the locale. Not -E: it would drop PYTHONHASHSEED.
    try:
        p = subprocess.run([python, "-B", "-s", "-X", "utf8", name + ".py"], cwd=d, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return p.stdout, last_line(p.stderr), p.returncode


def sweep_scratch_files():
    """Removes scratch files programs left in /tmp (apython_test_*: the core-area programs have
    no os module to delete them); only ones older than ten minutes, so concurrent runs keep
    theirs. tests/differential.rs does the same."""
    import tempfile
    import time
    d = tempfile.gettempdir()
    for f in os.listdir(d):
        p = os.path.join(d, f)
        try:
            if f.startswith("apython_test_") and time.time() - os.path.getmtime(p) > 600:
                os.remove(p)
        except OSError:
            pass


def main():
    sweep_scratch_files()
    args = sys.argv[1:]
    python = None
    check = True
    check_only = False
    filters = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--python":
            python = args[i + 1]
            i += 1
        elif a == "--no-check":
            check = False
        elif a == "--check-only":
            check_only = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return
        else:
            a = os.path.abspath(a) if os.path.exists(a) else a
            if a.startswith(PROGRAMS + os.sep):
                a = os.path.relpath(a, PROGRAMS)
            if a.endswith(".py"):
                a = a[:-3]
            filters.append(a)
        i += 1
    python = find_python(python)
    progs = all_programs()
    if filters:
        progs = [(a, n) for (a, n) in progs if any(f in a + "/" + n for f in filters)]
    print(f"regen: {len(progs)} programs with {python}", file=sys.stderr)

    bad = lint(python, progs)
    notes = []
    stale = []
    for area, name in progs:
        r1 = run(python, area, name, 1)
        if r1 is None:
            bad.append(f"{area}/{name}: timed out after {TIMEOUT}s")
            continue
        if check:
            r2 = run(python, area, name, 2)
            if r2 != r1:
                bad.append(f"{area}/{name}: output differs between two runs (nondeterministic)")
                continue
        out, err, code = r1
        if code == 0 and err:
            notes.append(f"{area}/{name}: exit code 0 but stderr ends with {err.decode(errors='replace')!r}")
        files = {
            ".out": out,
            ".err": err + b"\n" if err else b"",
            ".code": f"{code}\n".encode(),
        }
        ed = os.path.join(EXPECTED, area)
        for ext, data in files.items():
            path = os.path.join(ed, name + ext)
            old = None
            if os.path.exists(path):
                with open(path, "rb") as f:
                    old = f.read()
            if old != data:
                stale.append(f"{area}/{name}{ext}")
                if not check_only:
                    os.makedirs(ed, exist_ok=True)
                    with open(path, "wb") as f:
                        f.write(data)

    # Expectations of programs that no longer exist (only when regenerating everything).
    if not filters:
        live = {(a, n) for a, n in all_programs()}
        for path in sorted(glob.glob(os.path.join(EXPECTED, "*", "*.*"))):
            area = os.path.basename(os.path.dirname(path))
            name = os.path.basename(path).rsplit(".", 1)[0]
            if (area, name) not in live:
                stale.append(os.path.relpath(path, EXPECTED) + " (orphan)")
                if not check_only:
                    os.remove(path)

    for s in stale:
        print(("stale: " if check_only else "updated: ") + s, file=sys.stderr)
    for n in notes:
        print("note: " + n, file=sys.stderr)
    for b in bad:
        print("ERROR: " + b, file=sys.stderr)
    print(f"regen: {len(progs)} programs, {len(stale)} files {'stale' if check_only else 'updated'}, "
          f"{len(bad)} errors", file=sys.stderr)
    if bad or (check_only and stale):
        sys.exit(1)


if __name__ == "__main__":
    main()
