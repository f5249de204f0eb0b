"""How soon the graph view is drawn and responsive in headless Chromium (target: 1.5 s).

For the bundled graph and for synthetic graphs of several sizes, this renders the page with
``aikg.view.render`` (timed), opens it in Debian's Chromium through Playwright with every
request elsewhere blocked, and measures, from the start of navigation:

- ready: the first frame of the drawn network (the page sets ``data-ready`` then);
- responsive: a node selected and its side panel shown (a click's work), right after ready;
- still: whether any node moved during the second after ready (physics is off: it must not).

Usage: .venv/bin/python benchmarks/view_readiness.py [--sizes 500,1500,5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS

from aikg.loading import ontology_graph
from aikg.namespaces import AIKG, SCHEMA
from aikg.screenshot import CHROMIUM_ARGS, chromium_path
from aikg.view import render

TARGET_MS = 1500.0
SYN = Namespace("https://example.org/aikg-benchmark/")
CLASSES = [
    (SCHEMA.Organization, "机构"),
    (AIKG.Technology, "技术"),
    (AIKG.Sector, "行业"),
    (SCHEMA.Legislation, "政策"),
    (SCHEMA.StatisticalVariable, "指标"),
]
RELATIONS = [AIKG.appliesToSector, AIKG.empowers, SCHEMA.legislationPassedBy, SCHEMA.about]


def synthetic(n: int, seed: int = 1) -> Graph:
    """``n`` entities of five classes, about two relations each, with Chinese labels."""
    rng = random.Random(seed)
    graph = ontology_graph()
    nodes = []
    for i in range(n):
        cls, word = CLASSES[i % len(CLASSES)]
        node = SYN[f"e{i}"]
        graph.add((node, RDF.type, cls))
        graph.add((node, RDFS.label, Literal(f"{word}{i:05d}", lang="zh-hans")))
        graph.add((node, RDFS.label, Literal(f"{word} entity {i}", lang="en")))
        nodes.append(node)
    for i, node in enumerate(nodes):
        for _ in range(2):
            # mostly local links (clusters), some long ones
            j = i + rng.randint(1, 12) if rng.random() < 0.85 else rng.randrange(n)
            if j < n and j != i:
                graph.add((node, rng.choice(RELATIONS), nodes[j]))
    return graph


def measure(
    page_path: Path, select: str, runs: int, marks: list[dict[str, int]]
) -> tuple[list[float], list[float], bool]:
    from playwright.sync_api import sync_playwright

    ready: list[float] = []
    responsive: list[float] = []
    still = True
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS)
        blocked: list[str] = []
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            context.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if r.request.url.startswith("file:")
                    else (blocked.append(r.request.url), r.abort())
                ),
            )
            page = context.new_page()
            page.goto(page_path.resolve().as_uri())
            while not page.evaluate("document.documentElement.dataset.ready === 'true'"):
                page.wait_for_timeout(5)
            ready.append(page.evaluate("window.aikgReadyAt"))
            marks.append(
                page.evaluate(
                    "Object.fromEntries(performance.getEntriesByType('mark')"
                    ".filter(m => m.name.startsWith('aikg:'))"
                    ".map(m => [m.name.slice(5), Math.round(m.startTime)]))"
                )
            )
            shown = page.evaluate(
                """id => {
                    window.aikg.network.selectNodes([id]);
                    window.aikg.select(id);
                    return performance.now();
                }""",
                select,
            )
            responsive.append(shown)
            before = page.evaluate("JSON.stringify(window.aikg.network.getPositions())")
            page.wait_for_timeout(1000)
            after = page.evaluate("JSON.stringify(window.aikg.network.getPositions())")
            still = still and before == after
            context.close()
        browser.close()
    if blocked:
        raise SystemExit(f"the page requested other hosts: {blocked[:3]}")
    return ready, responsive, still


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="500,1500,5000", help="synthetic graph sizes")
    parser.add_argument("--runs", type=int, default=3, help="page loads per graph")
    args = parser.parse_args()
    from aikg.loading import load_graph

    graphs: list[tuple[str, Graph]] = [("bundled", load_graph())]
    graphs += [
        (f"synthetic {n}", synthetic(n))
        for n in map(int, args.sizes.split(",") if args.sizes else [])
    ]
    print(f"target: drawn and responsive within {TARGET_MS / 1000:g} s of load")
    header = (
        f"{'graph':<16}{'entities':>9}{'relations':>10}{'render s':>10}{'page KiB':>10}"
        f"{'ready ms':>10}{'ratio':>7}{'click ms':>10}{'still':>7}"
    )
    print(header)
    worst = 0.0
    steps: list[tuple[str, dict[str, int]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, graph in graphs:
            start = time.perf_counter()
            result = render(graph)
            seconds = time.perf_counter() - start
            path = Path(folder) / "graph.html"
            path.write_bytes(result.html)
            import json
            import re

            data = json.loads(
                re.search(rb'id="aikg-data">(.*?)</script>', result.html, re.S)[1]  # type: ignore[index]
            )
            select = max(data["details"], key=lambda k: data["details"][k]["degree"])
            marks: list[dict[str, int]] = []
            ready, responsive, still = measure(path, select, args.runs, marks)
            steps.append((name, marks[-1]))
            ready_ms = statistics.median(ready)
            click_ms = statistics.median(responsive)
            worst = max(worst, click_ms)
            print(
                f"{name:<16}{result.nodes:>9}{result.edges:>10}{seconds:>10.2f}"
                f"{len(result.html) / 1024:>10.0f}{ready_ms:>10.0f}{ready_ms / TARGET_MS:>7.2f}"
                f"{click_ms:>10.0f}{'yes' if still else 'NO':>7}"
            )
    print("page steps (ms from navigation start, last run):")
    for name, marked in steps:
        print(f"  {name:<16}" + "  ".join(f"{k} {v}" for k, v in marked.items()))
    print(f"worst ready-and-responsive time: {worst:.0f} ms = {worst / TARGET_MS:.2f} x target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
