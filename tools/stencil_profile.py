#!/usr/bin/env python3
"""Time per stencil of compiled code: joins a `perf record` with the JIT's listing.

    APYTHON_JIT_DUMP=1 perf record -o perf.data apython --jit prog.py 2>listing.txt
    tools/stencil_profile.py perf.data listing.txt [N]

Prints the N (default 40) stencils with the most samples, as a share of all samples, each
named by function, bytecode offset and stencil. Both files must come from the same run
(compiled code lands at different addresses each run).
"""

import bisect
import collections
import re
import subprocess
import sys


def main():
    data, listing = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    rows = []  # (address, label), one per stencil
    func = "?"
    for line in open(listing):
        m = re.match(r"(py::\S+) at (0x[0-9a-f]+)", line)
        if m:
            func = m.group(1).split(":")[2] if m.group(1).count(":") >= 2 else m.group(1)
            continue
        m = re.match(r"\s+\d+ (0x[0-9a-f]+) \+\d+\s+(\S+)\s+(\S+)$", line)
        if m:
            rows.append((int(m.group(1), 16), f"{func} {m.group(2):>5} {m.group(3)}"))
    rows.sort()
    starts = [a for a, _ in rows]
    ips = subprocess.run(
        ["perf", "script", "-i", data, "-F", "ip"], capture_output=True, text=True, check=True
    ).stdout.split()
    counts = collections.Counter()
    for ip in ips:
        ip = int(ip, 16)
        i = bisect.bisect_right(starts, ip) - 1
        # A stencil is at most a few KiB; past that the address is not compiled code.
        if i >= 0 and ip - starts[i] < 4096:
            counts[rows[i][1]] += 1
    total = max(len(ips), 1)
    for label, n in counts.most_common(top):
        print(f"{100 * n / total:6.2f}%  {label}")


if __name__ == "__main__":
    main()
