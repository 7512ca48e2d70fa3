"""Finds where tier 1 stalls: compares each eval-loop arm's (and each address's) share of the
run time with its share of the instructions executed.

    python3 tools/stalls.py target/release/apython prog.py [small.py]

Time comes from `perf record -e cpu-clock` on `prog.py` (a software clock: it works where the
hardware counters do not); instructions from `valgrind --tool=callgrind --dump-instr=yes` on
`small.py` (the same program at a smaller size; `prog.py` when omitted). Both are attributed to
the innermost `src/vm/eval.rs` line of each address (`addr2line -i`), then to the match arm or
`macro_rules!` that line belongs to.

An arm or address whose time share far exceeds its instruction share is waiting on something
that instruction counts cannot show: a mispredicted branch, a long dependency chain, a cache
miss, or a store that cannot forward to the load after it. This is how the conditional moves
of the fused jumps (`jump_if!`) and the 16-byte stack accesses (`Value::read_split`,
`write_split`) were found. For the top addresses it prints the two instructions before the
sampled one, which is usually where the stall is.
"""

import collections
import os
import re
import subprocess
import sys
import tempfile

EVAL_RS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "vm", "eval.rs")


def callgrind_counts(binary, prog, tmp):
    """Instructions executed per address (self cost), from callgrind's position lines."""
    out = os.path.join(tmp, "cg.out")
    subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes",
                    f"--callgrind-out-file={out}", binary, prog],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    counts = collections.Counter()
    last = [0, 0]
    skip_next = False
    for line in open(out):
        if line.startswith("calls="):
            skip_next = True  # the next cost line is the call's inclusive cost
            continue
        if not line or not (line[0].isdigit() or line[0] in "+-*"):
            continue
        parts = line.split()
        if len(parts) < 3:
            continue
        pos = []
        for i, tok in enumerate(parts[:2]):
            pos.append(last[i] if tok == "*" else
                       last[i] + int(tok, 0) if tok[0] in "+-" else int(tok, 0))
        last = pos
        if skip_next:
            skip_next = False
            continue
        counts[pos[0]] += int(parts[2])
    return counts


def perf_counts(binary, prog, tmp):
    """cpu-clock samples per address of `binary` (symbol + offset, so PIE or not)."""
    data = os.path.join(tmp, "perf.data")
    subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", "10000", "-o", data,
                    binary, prog], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    syms = {}
    for line in subprocess.run(["nm", binary], capture_output=True, text=True).stdout.splitlines():
        p = line.split()
        if len(p) == 3:
            syms[p[2]] = int(p[0], 16)
    script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,symoff,dso",
                             "--no-demangle"], capture_output=True, text=True).stdout
    counts = collections.Counter()
    name = os.path.basename(binary)
    for line in script.splitlines():
        m = re.search(r"\s(\S+)\+0x([0-9a-f]+)\s", line)
        if m and name in line and m.group(1) in syms:
            counts[syms[m.group(1)] + int(m.group(2), 16)] += 1
    return counts


def arm_of_lines():
    """Line number of eval.rs -> the arm (first opcode of its pattern) or macro it is in."""
    pattern = re.compile(r"^\s{16,24}(?!_ )([A-Z_][A-Z0-9_]*(?:\s*\|\s*[A-Z_][A-Z0-9_]*)*)"
                         r"\s*(?:if .*)?=>")
    arms, cur = {}, "?"
    for i, line in enumerate(open(EVAL_RS), 1):
        m = pattern.match(line)
        if m:
            cur = m.group(1).split("|")[0].strip()
        m = re.match(r"\s*macro_rules!\s*(\w+)", line)
        if m:
            cur = "macro:" + m.group(1)
        if re.match(r"\s*let mut op: u8;", line):
            cur = "DISPATCH"
        arms[i] = cur
    return arms


def locate(binary, addrs):
    """Address -> (innermost eval.rs line or None, first source location) via addr2line -i."""
    out = subprocess.run(["addr2line", "-i", "-a", "-e", binary] + [hex(a) for a in addrs],
                         capture_output=True, text=True).stdout.splitlines()
    where, cur, chain = {}, None, []

    def flush():
        if cur is None:
            return
        line = next((int(m.group(1)) for c in chain
                     for m in [re.search(r"src/vm/eval\.rs:(\d+)", c)] if m), None)
        first = next((c for c in chain if "src/" in c), "?")
        where[cur] = (line, re.sub(r".*/src/", "src/", first))

    for line in out:
        if line.startswith("0x"):
            flush()
            cur, chain = int(line, 16), []
        else:
            chain.append(line)
    flush()
    return where


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = os.path.realpath(sys.argv[1])
    prog, small = sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        instrs = callgrind_counts(binary, small, tmp)
        samples = perf_counts(binary, prog, tmp)
    ti, ts = sum(instrs.values()), sum(samples.values())
    addrs = sorted(set(samples) | {a for a, n in instrs.items() if n * 10000 > ti})
    where = locate(binary, addrs)
    arms = arm_of_lines()

    def arm(a):
        line, first = where.get(a, (None, "?"))
        if line:
            return arms.get(line, "?")
        if first.startswith("src/vm/eval.rs"):
            return "eval.rs, no line (mostly dispatch)"
        return "outside eval.rs: " + first.split(":")[0]

    by_arm_t, by_arm_i = collections.Counter(), collections.Counter()
    for a, n in samples.items():
        by_arm_t[arm(a)] += n
    for a in addrs:
        by_arm_i[arm(a)] += instrs.get(a, 0)
    print(f"{ts} samples, {ti} instructions\n\n{'arm':44} time%  instr%")
    for name, n in by_arm_t.most_common(20):
        print(f"{name:44} {100 * n / ts:5.1f}  {100 * by_arm_i[name] / ti:5.1f}")

    dis = {}
    lo, hi = min(samples), max(samples) + 16
    text = subprocess.run(["objdump", "-d", "--no-show-raw-insn", "-M", "intel",
                           f"--start-address={lo:#x}", f"--stop-address={hi:#x}", binary],
                          capture_output=True, text=True).stdout
    order = []
    for line in text.splitlines():
        m = re.match(r"\s+([0-9a-f]+):\s+(.*)", line)
        if m:
            a = int(m.group(1), 16)
            dis[a] = m.group(2).split("<")[0].strip()
            order.append(a)
    index = {a: i for i, a in enumerate(order)}
    print(f"\n{'address':10} time%  instr%  (two instructions before | the sampled one)")
    gaps = sorted(samples, key=lambda a: instrs.get(a, 0) / ti - samples[a] / ts)
    for a in gaps[:15]:
        i = index.get(a)
        code = " | ".join(dis[order[j]] for j in range(max(0, i - 2), i + 1)) if i else "?"
        print(f"{a:#10x} {100 * samples[a] / ts:5.1f}  {100 * instrs.get(a, 0) / ti:5.1f}  "
              f"{code}   [{where.get(a, (None, '?'))[1]}]")


if __name__ == "__main__":
    main()
