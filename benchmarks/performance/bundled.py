"""Whole commands on the bundled graph: time and peak memory of each, as a ratio to `aikg stats`.

What a curator waits for in each round (`build`, `validate`, `check`, a query, the view) on the
graph the project ships, each command a process of its own run as a user would, in turn
(`--runs N`: the median), with its peak resident memory read from the kernel for that process
alone (:func:`os.wait4`).

    .venv/bin/python -m benchmarks.performance.bundled            # one run each, ~3 min
    .venv/bin/python -m benchmarks.performance.bundled --runs 3 --only stats,build
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def commands(out: Path) -> dict[str, list[str]]:
    """The commands measured, by name (`stats` first: the others are read against it)."""
    return {
        "stats": ["stats"],
        "query metrics": ["query", "metrics", "--format", "csv"],
        "query series": ["query", "series", "-p", "metric=var:internet-users", "--format", "csv"],
        "export turtle": ["export", "--format", "turtle", "-o", str(out / "g.ttl")],
        "check": ["check"],
        "validate": ["validate"],
        "analyze": ["analyze"],
        "view": ["view", "-o", str(out / "graph.html")],
        "build": ["build", "-o", str(out / "build")],
    }


def run(args: list[str]) -> tuple[float, float, int]:
    """Seconds, peak resident MiB and exit code of ``aikg ARGS`` in a process of its own."""
    entry = Path(sys.executable).parent / "aikg"
    argv = [str(entry)] if entry.exists() else [sys.executable, "-m", "aikg"]
    start = time.perf_counter()
    child = subprocess.Popen(
        [*argv, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each command (median)")
    parser.add_argument("--only", default="", help="comma-separated command names")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        table = commands(Path(folder))
        chosen = [n for n in table if not options.only or n in options.only.split(",")]
        if "stats" not in chosen:
            chosen.insert(0, "stats")
        times: dict[str, list[float]] = {name: [] for name in chosen}
        peaks: dict[str, float] = {}
        codes: dict[str, int] = {}
        for _ in range(options.runs):  # in turn: a moment of load does not skew one ratio
            for name in chosen:
                seconds, peak, code = run(table[name])
                times[name].append(seconds)
                peaks[name] = max(peaks.get(name, 0.0), peak)
                codes[name] = code
    base = statistics.median(times["stats"])
    print(f"load average {os.getloadavg()[0]:.1f}; {options.runs} run(s) each, median")
    print("| command | s | × `aikg stats` | peak MiB | exit |\n|---|---:|---:|---:|---:|")
    for name in chosen:
        seconds = statistics.median(times[name])
        print(
            f"| `aikg {' '.join(table[name][:2]) if name.startswith('query') else name}` "
            f"| {seconds:.2f} | {seconds / base:.1f} | {peaks[name]:.0f} | {codes[name]} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
