"""The tables of ``docs/benchmarks.md``, from the JSON that ``benchmarks.performance.run`` leaves.

Usage: python -m benchmarks.performance.report [--out build/bench]          # prints Markdown
       python -m benchmarks.performance.report --update docs/benchmarks.md  # rewrites its tables
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from benchmarks.performance.run import ROOT, geometric_mean

ORDER = ["bundled", "10k", "100k", "1m", "10m"]


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    if not math.isfinite(value):
        return "timeout"
    return f"{value * 1000:,.1f}" if value < 10 else f"{value * 1000:,.0f}"


def _ratio(value: float | None) -> str:
    return "—" if value is None or not math.isfinite(value) else f"{value:.2f}"


def load_results(folder: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for size in ORDER:
        path = folder / f"results-{size}.json"
        if path.is_file():
            found[size] = json.loads(path.read_text())
    return found


def queries_table(result: dict[str, Any]) -> str:
    stores = [s for s in ("memory", "oxigraph", "dir") if any(s in q for q in result["queries"])]
    head = ["query", "rows", *[f"{s} ms" for s in stores], "raw ms", "mem/ox", "ox/raw", "same"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for q in result["queries"]:
        cells = [q["query"], str(q["rows"])]
        cells += [_ms(q.get(s)) for s in stores]
        cells += [_ms(q["raw"]), _ratio(q.get("mem/ox")), _ratio(q.get("ox/raw"))]
        cells.append("yes" if q["same"] else "**no**")
        lines.append("| " + " | ".join(cells) + " |")
    pairs = [q["mem/ox"] for q in result["queries"] if q.get("mem/ox")]
    overheads = [q["ox/raw"] for q in result["queries"] if q.get("ox/raw")]
    if pairs:
        lines.append(f"\nGeometric mean memory/oxigraph: **{geometric_mean(pairs):.1f}x**.")
    if overheads:
        lines.append(
            f"Geometric mean oxigraph/raw pyoxigraph: **{geometric_mean(overheads):.2f}x**."
        )
    return "\n".join(lines)


def load_table(result: dict[str, Any]) -> str:
    lines = ["| store | seconds | triples | peak MiB |", "|---|---|---|---|"]
    for row in result["load"]:
        label = row["label"].replace(str(ROOT) + "/", "")
        lines.append(
            f"| {label} | {row['seconds']:.2f} | {row['triples']:,} | {row['peak_mb']:,.0f} |"
        )
    return "\n".join(lines)


def growth_table(results: dict[str, dict[str, Any]]) -> str:
    """Time against size: load, and the slowest saved query, per store."""
    lines = [
        "| size | triples | load memory s | load oxigraph s | peak oxigraph MiB "
        "| slowest query on oxigraph | its ms | same on memory ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for size, result in results.items():
        loads = {row["store"]: row for row in result["load"]}
        memory, oxigraph = loads.get("memory"), loads.get("oxigraph")
        triples = (oxigraph or memory or {}).get("triples", 0)
        timed = [q for q in result["queries"] if q.get("oxigraph") is not None]
        slowest = max(timed, key=lambda q: q["oxigraph"]) if timed else None
        cells = [
            size,
            f"{triples:,}",
            f"{memory['seconds']:.2f}" if memory else "—",
            f"{oxigraph['seconds']:.2f}" if oxigraph else "—",
            f"{oxigraph['peak_mb']:,.0f}" if oxigraph else "—",
            slowest["query"] if slowest else "—",
            _ms(slowest["oxigraph"]) if slowest else "—",
            _ms(slowest.get("memory")) if slowest else "—",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def commands_table(commands: dict[str, dict[str, Any]]) -> str:
    lines = ["| command | seconds | x stats | peak MiB | exit |", "|---|---|---|---|---|"]
    for label, found in commands.items():
        seconds = found["seconds"]
        shown = f"{seconds:.2f}" if math.isfinite(seconds) else "timeout"
        peak = found.get("peak_mb")
        memory = f"{peak:,.0f}" if peak is not None else "—"
        exit_code = str(found.get("exit", "—"))
        cells = [f"`{label}`", shown, _ratio(found.get("x stats")), memory, exit_code]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def commands_growth(results: dict[str, dict[str, Any]]) -> str:
    """Each command's seconds (x stats) and peak memory at each size."""
    sizes = [s for s, r in results.items() if r.get("commands")]
    if not sizes:
        return ""
    labels = list(dict.fromkeys(k for s in sizes for k in results[s]["commands"]))
    head = ["command", *[f"{s}" for s in sizes]]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * len(sizes) + "|"]
    for label in labels:
        cells = [f"`{label}`"]
        for size in sizes:
            found = results[size]["commands"].get(label)
            if found is None:
                cells.append("—")
                continue
            times = found.get("x stats")
            peak = found.get("peak_mb")
            text = f"{found['seconds']:.2f} s"
            if times is not None and label != "stats":
                text += f" ({times:.1f}x)"
            if peak is not None:
                text += f", {peak:,.0f} MiB"
            if found.get("exit") not in (0, 1, None):
                text += f", exit {found['exit']}"
            cells.append(text)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def report(results: dict[str, dict[str, Any]]) -> str:
    """The measured tables, as Markdown."""
    out = ["### Time against size", "", growth_table(results)]
    growth = commands_growth(results)
    if growth:
        out += ["", "### Whole-graph commands against size", "",
                "Whole processes on `oxigraph:DIR`, the median of the runs: seconds (x `aikg "
                "stats` in the same run), peak resident memory.", "", growth]  # fmt: skip
    for size, result in results.items():
        box = result.get("machine", {})
        out += ["", f"### {size}", ""]
        if box:
            out += [
                f"{box.get('cpu', '')}, {box.get('cores')} cores, {box.get('memory')}; Python "
                f"{box.get('python')}, pyoxigraph {box.get('pyoxigraph')}, rdflib "
                f"{box.get('rdflib')}.",
                "",
            ]
        out += ["Load (a process each):", "", load_table(result), ""]
        if result.get("queries"):
            out += ["Saved queries (median, ms):", "", queries_table(result)]
        if result.get("export"):
            cells = ", ".join(f"{k} {v:.2f} s" for k, v in result["export"].items())
            out += ["", f"Export to Turtle: {cells}."]
        if result.get("view"):
            cells = ", ".join(
                f"{k} {v:.0f}" if k.endswith("ms") else f"{k} {v:.2f} s"
                for k, v in result["view"].items()
            )
            out += ["", f"View: {cells}."]
        if result.get("commands"):
            out += ["", "Whole-graph commands (a process each, on `oxigraph:DIR`):", ""]
            out += [commands_table(result["commands"])]
        if result.get("process"):
            cells = ", ".join(f"{k} {v:.3f} s" for k, v in result["process"].items())
            out += ["", f"Whole processes (median): {cells}."]
        if result.get("targets"):
            out += [""]
            out += [
                f"- {'met' if t['met'] else '**gap**'}: {t['target']}: {t['detail']}"
                for t in result["targets"]
            ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument(
        "--update", type=Path, help="rewrite the measured section of this file (docs/benchmarks.md)"
    )
    args = parser.parse_args(argv)
    results = load_results(args.out)
    if not results:
        print(
            f"no results in {args.out}: run python -m benchmarks.performance.run first",
            file=sys.stderr,
        )
        return 1
    text = report(results)
    if args.update is None:
        print(text, end="")
        return 0
    page = args.update.read_text(encoding="utf-8")
    if BEGIN not in page or END not in page:
        print(f"{args.update}: no {BEGIN} ... {END} section", file=sys.stderr)
        return 1
    head, rest = page.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    args.update.write_text(f"{head}{BEGIN}\n{text}{END}{tail}", encoding="utf-8")
    print(f"updated {args.update}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
