"""How soon the graph view is drawn and responsive in headless Chromium (target: 1.5 s).

For the bundled graph and for synthetic graphs of several sizes (``aikg.synth``: the curated
graph's shape, cut to the entities nearest its hubs), this renders the page with
``aikg.view.render`` (timed), opens it in Debian's Chromium through Playwright with every
request elsewhere blocked, and measures, from the start of navigation:

- ready: the first frame of the drawn network (the page sets ``data-ready`` then);
- responsive: a node selected and its side panel shown (a click's work), right after ready;
- still: whether any node moved during the second after ready (physics is off: it must not).

Usage: .venv/bin/python -m benchmarks.performance.view_readiness [--sizes 500,1500,5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from aikg.view.page import page_data, render
from aikg.view.screenshot import CHROMIUM_ARGS, chromium_path

TARGET_MS = 1500.0


def synthetic(n: int, seed: int = 1) -> tuple[Graph, nx.MultiDiGraph]:
    """A synthetic graph (``aikg.synth``) and its entity network cut to ``n`` entities: those
    nearest the hubs (breadth first from the most connected), as a view of a region shows."""
    from aikg.store.files import ontology_graph
    from aikg.synth import Synthesizer
    from aikg.view.network import build_network, relations

    graph = ontology_graph()
    triples = max(n * 40, 2_000)
    graph.parse(data="".join(Synthesizer(triples, seed).lines()), format="nt")
    net = build_network(graph)
    undirected = nx.Graph(relations(net).to_undirected(as_view=True))
    order = sorted(undirected.nodes, key=lambda node: (-undirected.degree(node), node))
    kept: list[str] = []
    seen: set[str] = set()
    for root in order:
        if len(kept) >= n:
            break
        if root in seen:
            continue
        for node in nx.bfs_tree(undirected, root):
            if node not in seen:
                seen.add(node)
                kept.append(node)
            if len(kept) >= n:
                break
    return graph, net.subgraph(kept).copy()


def select_of(html: bytes) -> str:
    """The most connected entity of a rendered page (the one the benchmark selects)."""
    data = page_data(html)
    return max(data["details"], key=lambda k: data["details"][k]["degree"])


def readiness(html: bytes, runs: int = 3) -> dict[str, Any] | None:
    """Median ready and responsive times (ms) of ``html`` in headless Chromium, and whether
    the drawing stayed still; ``None`` when Chromium is not installed."""
    try:
        chromium_path()
    except Exception:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        path.write_bytes(html)
        marks: list[dict[str, int]] = []
        ready, responsive, still = measure(path, select_of(html), runs, marks)
    return {
        "ready_ms": statistics.median(ready),
        "click_ms": statistics.median(responsive),
        "still": still,
        "marks": marks[-1] if marks else {},
    }


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
    from aikg.store.files import load_graph
    from aikg.view.network import build_network

    bundled = load_graph()
    graphs: list[tuple[str, Graph, nx.MultiDiGraph]] = [
        ("bundled", bundled, build_network(bundled))
    ]
    for n in map(int, args.sizes.split(",") if args.sizes else []):
        graph, net = synthetic(n)
        graphs.append((f"synthetic {n}", graph, net))
    print(f"target: drawn and responsive within {TARGET_MS / 1000:g} s of load")
    header = (
        f"{'graph':<16}{'entities':>9}{'relations':>10}{'render s':>10}{'page KiB':>10}"
        f"{'ready ms':>10}{'ratio':>7}{'click ms':>10}{'still':>7}"
    )
    print(header)
    worst = 0.0
    steps: list[tuple[str, dict[str, int]]] = []
    for name, graph, net in graphs:
        start = time.perf_counter()
        result = render(graph, net)
        seconds = time.perf_counter() - start
        found = readiness(result.html, args.runs)
        if found is None:
            raise SystemExit("headless Chromium is not installed (scripts/install-system-deps)")
        steps.append((name, found["marks"]))
        ready_ms, click_ms = found["ready_ms"], found["click_ms"]
        worst = max(worst, click_ms)
        print(
            f"{name:<16}{result.nodes:>9}{result.edges:>10}{seconds:>10.2f}"
            f"{len(result.html) / 1024:>10.0f}{ready_ms:>10.0f}{ready_ms / TARGET_MS:>7.2f}"
            f"{click_ms:>10.0f}{'yes' if found['still'] else 'NO':>7}"
        )
    print("page steps (ms from navigation start, last run):")
    for name, marked in steps:
        print(f"  {name:<16}" + "  ".join(f"{k} {v}" for k, v in marked.items()))
    print(f"worst ready-and-responsive time: {worst:.0f} ms = {worst / TARGET_MS:.2f} x target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
