"""How long ``aikg extract`` takes to draft a long text (issue 15, item 11): it must grow
linearly with the text.

The texts are made here, in a temporary folder, and never kept: the bodies of the corpus
documents (``../shared/sources``) one after another, repeated until the text reaches the size
asked for (cut at a paragraph), under a front matter of its own; and a text of short lines of
numbers. Each is drafted against the bundled graph, loaded once beforehand; the time is that of
:func:`aikg.extraction.extract` (layout, rules, anchors and the compiled draft graph), the work
``aikg extract`` does for a text after it has opened its store. ``--cli`` also times the whole
command (a fresh process: opening the store, drafting, SHACL validation, writing the draft).

Usage::

    python -m benchmarks.extraction.speed                    # ~20 KB, ~200 KB, 2,000 number lines
    python -m benchmarks.extraction.speed --cli              # and the whole command on each
    python -m benchmarks.extraction.speed --sizes 40 --profile   # cProfile's top functions

It prints one row a text (its size in UTF-8 bytes and characters, the facts drafted, the
seconds) and the ratio of the ~200 KB time to the ~20 KB time against the ratio of their sizes:
equal ratios mean linear growth.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from aikg import paths
from aikg.sources import parse_front_matter

FRONT = """---
title: Synthetic long text for the extraction speed benchmark
url: https://example.org/speed
publisher: Example
date: 2025-01-01
---

"""


def body(text: str) -> str:
    """``text`` without its front matter."""
    if not parse_front_matter(text):
        return text
    return text.split("\n---", 1)[1].split("\n", 1)[1]


def corpus_text(shared: Path, size: int) -> str:
    """The corpus documents' bodies one after another, repeated up to ``size`` UTF-8 bytes (cut
    at the last paragraph that fits), under :data:`FRONT`."""
    bodies = [
        body(path.read_text(encoding="utf-8")).strip()
        for path in sorted((shared / "sources").glob("*.md"))
        if path.name != "README.md"
    ]
    paragraphs = [p for b in bodies for p in b.split("\n\n") if p.strip()]
    parts, total, i = [], len(FRONT.encode()), 0
    while True:
        paragraph = paragraphs[i % len(paragraphs)] + "\n\n"
        need = len(paragraph.encode())
        if total + need > size:
            break
        parts.append(paragraph)
        total += need
        i += 1
    return FRONT + "".join(parts)


def number_lines(count: int) -> str:
    """``count`` short lines of numbers (a table pasted as text)."""
    lines = [f"{i} {i * 7919 % 100000:,} {i % 97}.{i % 10}%" for i in range(1, count + 1)]
    return FRONT + "\n".join(lines) + "\n"


@dataclass
class Row:
    name: str
    size: int
    chars: int
    facts: int
    seconds: float
    cli: float | None = None


def draft(path: Path, known, shared: Path | None, profile: bool) -> tuple[int, float]:
    from aikg.extraction import extract

    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    # every figure drafted (--draft-unsure): the most work a text can make, not less for
    # the figures a draft would leave out as unsure (number lines state no date)
    result = extract(path, known, shared=shared, draft_unsure=True)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return len(result.facts), seconds


def whole_command(path: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "aikg", "extract", str(path), "-o", str(out), "--draft-unsure"],
        check=True,
        capture_output=True,
        env={**os.environ},
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20,200", help="corpus text sizes in KB (1,000 bytes)")
    parser.add_argument("--lines", type=int, default=2000, help="number lines (0: none)")
    parser.add_argument("--cli", action="store_true", help="also time the whole command")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    args = parser.parse_args(argv)
    shared = paths.shared_dir()
    if shared is None:
        parser.error("the shared corpus was not found: set AIKG_SHARED")
    from aikg.store.files import load_graph

    known = load_graph()
    texts = {f"corpus {kb} KB": corpus_text(shared, int(kb) * 1000) for kb in args.sizes.split(",")}
    if args.lines:
        texts[f"{args.lines:,} number lines"] = number_lines(args.lines)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, text) in enumerate(texts.items()):
            path = Path(tmp) / f"text-{i}.md"
            path.write_text(text, encoding="utf-8")
            facts, seconds = draft(path, known, shared, args.profile)
            row = Row(name, len(text.encode()), len(text), facts, seconds)
            if args.cli:
                row.cli = whole_command(path, Path(tmp) / f"draft-{i}.ttl")
            rows.append(row)
            print(f"{name}: {row.seconds:.2f} s", file=sys.stderr, flush=True)
    header = "| text | bytes | characters | facts drafted | extract s |"
    print(header + (" whole command s |" if args.cli else ""))
    print("|---|---:|---:|---:|---:|" + ("---:|" if args.cli else ""))
    for row in rows:
        cells = [row.name, f"{row.size:,}", f"{row.chars:,}", str(row.facts), f"{row.seconds:.2f}"]
        if row.cli is not None:
            cells.append(f"{row.cli:.2f}")
        print("| " + " | ".join(cells) + " |")
    print(f"\nload average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    corpus = [r for r in rows if r.name.startswith("corpus")]
    if len(corpus) >= 2:
        small, large = corpus[0], corpus[-1]
        print(
            f"{large.name} / {small.name}: time ×{large.seconds / small.seconds:.1f} "
            f"for size ×{large.size / small.size:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
