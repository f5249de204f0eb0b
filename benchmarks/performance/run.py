"""The benchmark suite of issue #6: every figure printed with its ratios, and kept as JSON.

For a synthetic graph of the given size (``aikg synth``, made once under ``--out``) or for the
bundled graph, it measures, per store (rdflib ``memory``, ``oxigraph`` in memory,
``oxigraph:DIR`` on disk) and against raw pyoxigraph:

- load: time and peak memory, each in a process of its own (``benchmarks.performance.probe``);
- every saved query: the median of ``--runs`` runs, with the rows compared by value across
  stores; IRI parameters get a hub (the most connected instance) and a typical one (the median);
  raw pyoxigraph runs the same bound text, so ``ox/raw`` is aikg's overhead;
- export to Turtle;
- ``aikg view --focus HUB`` as a whole command, and rendering a 5,000-node view (with its
  readiness in headless Chromium when it is installed);
- whole processes: ``aikg --help`` against a one-command Typer app's, and
  ``aikg query metrics`` on the bundled graph;
- whole-graph commands (``validate``, ``build``) as whole processes, each timed in turn with
  ``aikg stats`` on the same data, with its peak memory: the ratio to ``stats`` is the figure
  the targets of issue 13 set.

Then it checks the targets of the issue that apply at that size and prints met or the gap.

Usage:
  python -m benchmarks.performance.run --size 10k|100k|1m|bundled [--runs 5]
      [--stores memory,oxigraph,dir]
  python -m benchmarks.performance.run --size 10k --quick      # CI: a few seconds, every section
  python -m benchmarks.performance.report                     # the tables of docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
SEED = 1
#: Stores measured by default at each size (rdflib's queries take hours at 1M: by request only).
DEFAULT_STORES = {
    "bundled": ["memory", "oxigraph", "dir"],
    "10k": ["memory", "oxigraph", "dir"],
    "100k": ["memory", "oxigraph", "dir"],
    "1m": ["oxigraph", "dir"],
    "10m": ["oxigraph", "dir"],
}
#: The queries the memory store runs in --quick mode (the fast ones).
QUICK_MEMORY = ("counts", "policies", "provenance", "source-facts", "targets")
#: The classes whose most and least connected instances fill each IRI parameter.
PARAMETER_CLASSES = {
    "entity": "https://schema.org/Organization",
    "organization": "https://schema.org/Organization",
    "fact": "https://schema.org/Observation",
    "sector": "https://w3id.org/aikg/ontology#Sector",
    "metric": "https://schema.org/StatisticalVariable",
    "source": "https://w3id.org/aikg/ontology#SourceDocument",
    "policy": "https://schema.org/Legislation",
    "subject": "https://schema.org/Legislation",
}
TEXT = "人工智能"


#: ``--skip`` sections and the parts of the results they fill.
SECTIONS = {
    "load": ["load"],
    "queries": ["queries", "export"],
    "export": ["export"],
    "view": ["view"],
    "commands": ["commands"],
    "process": ["process"],
}


#: An aggregate in a query's text (after its comments): the whole-graph aggregates.
AGGREGATE = re.compile(r"\b(?:GROUP\s+BY|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\b", re.I)


def sparql_body(text: str) -> str:
    """``text`` without its comment lines (the grlc header, notes)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


class Timeout(BaseException):
    """A run took longer than its budget (not an Exception: nothing catches it on the way)."""


@contextlib.contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (rdflib's evaluation is pure Python)."""
    if not seconds:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(
    func: Callable[[], Any], runs: int, limit: float | None = None, enough: float = 20.0
) -> tuple[float, Any]:
    """The median seconds of up to ``runs`` calls, and the last result. Calls stop once they
    took ``enough`` seconds in all (a slow query is timed once or twice); ``(inf, None)`` when
    a call exceeds ``limit``."""
    times: list[float] = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        try:
            with budget(limit):
                result = func()
        except Timeout:
            return math.inf, None
        times.append(time.perf_counter() - start)
        if sum(times) > enough:
            break
    return statistics.median(times), result


def timed_pair(
    first: Callable[[], Any], second: Callable[[], Any], runs: int, enough: float = 20.0
) -> tuple[float, Any, float]:
    """Median seconds of ``first`` and of ``second`` called in turn (so that both see the same
    machine: a ratio of the two is not skewed by a moment of load), and ``first``'s result.
    Short calls get more runs, up to ``5 * runs`` or a second in all."""
    a: list[float] = []
    b: list[float] = []
    result = None
    while len(a) < runs * 5:
        start = time.perf_counter()
        result = first()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        second()
        b.append(time.perf_counter() - start)
        spent = sum(a) + sum(b)
        if spent > enough or (len(a) >= runs and spent > 1.0):
            break
    return statistics.median(a), result, statistics.median(b)


def geometric_mean(values: list[float]) -> float:
    finite = [v for v in values if v > 0 and math.isfinite(v)]
    return math.exp(sum(map(math.log, finite)) / len(finite)) if finite else math.nan


def ms(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "timeout"
    return f"{seconds * 1000:.1f}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or not b or not math.isfinite(b):
        return "-"
    return f"{a / b:.2f}" if math.isfinite(a) else "timeout"


def say(text: str = "") -> None:
    print(text, flush=True)


# --------------------------------------------------------------------------------------------
# The data


def dataset(size: str, out: Path) -> list[Path]:
    """``--data`` for the size: a synthetic graph (written afresh: a few seconds at 1M), or
    none (the bundled graph)."""
    if size == "bundled":
        return []
    from aikg.synth import write_synth

    folder = out / f"synth-{size}"
    start = time.perf_counter()
    write_synth(folder, SIZES[size], SEED)
    say(f"wrote {folder} ({SIZES[size]:,} triples) in {time.perf_counter() - start:.1f} s")
    return [folder]


def store_spec(name: str, out: Path, size: str) -> str:
    return f"oxigraph:{out / f'store-{size}'}" if name == "dir" else name


def probe(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.performance.probe", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"probe {' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# Sections


@dataclass
class Results:
    size: str
    machine: dict[str, Any]
    load: list[dict[str, Any]] = field(default_factory=list)
    queries: list[dict[str, Any]] = field(default_factory=list)
    export: dict[str, float] = field(default_factory=dict)
    view: dict[str, Any] = field(default_factory=dict)
    process: dict[str, Any] = field(default_factory=dict)
    commands: dict[str, dict[str, Any]] = field(default_factory=dict)
    targets: list[dict[str, Any]] = field(default_factory=list)


def machine() -> dict[str, Any]:
    import pyoxigraph
    import rdflib

    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
        "system": platform.platform(),
    }


def measure_load(results: Results, data: list[Path], stores: list[str], out: Path) -> None:
    say("\n== load (a process each; peak = maximum resident memory of that process)")
    say(f"{'store':<34}{'seconds':>9}{'triples':>11}{'peak MiB':>10}{'vs raw':>8}")
    rows = []
    raw = probe("load", "raw", *map(str, data))
    rows.append(("raw pyoxigraph", raw))
    if "memory" not in stores and results.size != "10m":  # loaded even where it is not queried
        stores = ["memory", *stores]
    for name in stores:
        spec = store_spec(name, out, results.size)
        if name == "dir":
            shutil.rmtree(out / f"store-{results.size}", ignore_errors=True)
            rows.append((f"{spec} (first use)", probe("load", spec, *map(str, data))))
            rows.append((f"{spec} (reused)", probe("load", spec, *map(str, data))))
        else:
            rows.append((spec, probe("load", spec, *map(str, data))))
    if "oxigraph" in stores:  # what validate, check and view pay for an rdflib graph
        rows.append(("oxigraph: the rdflib graph", probe("graph", "oxigraph", *map(str, data))))
    for label, found in rows:
        found["label"] = label
        results.load.append(found)
        say(
            f"{label[-34:]:<34}{found['seconds']:>9.2f}{found['triples']:>11,}"
            f"{found['peak_mb']:>10.0f}{found['seconds'] / raw['seconds']:>8.2f}"
        )


@dataclass
class Case:
    label: str
    name: str
    given: dict[str, str]


def parameter_values(store: Any) -> dict[str, tuple[str, str]]:
    """For each IRI parameter: the most connected instance of its class, and a typical one
    (the median), found with pyoxigraph ``store``."""
    found: dict[str, tuple[str, str]] = {}
    for name, cls in PARAMETER_CLASSES.items():
        rows = raw_query(
            store,
            f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?x a <{cls}> . {{ ?x ?p ?o }} UNION "
            f"{{ ?s ?q ?x }} }} GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
        )
        iris = [row[0].value for row in rows]
        if iris:
            found[name] = (iris[0], iris[len(iris) // 2])
    return found


def cases(catalog: dict[str, Any], values: dict[str, tuple[str, str]]) -> list[Case]:
    out = []
    for name, query in sorted(catalog.items()):
        required = [p for p in query.parameters if p.required]
        iris = [p for p in required if p.kind == "iri"]
        base = {p.name: TEXT for p in required if p.kind != "iri"}
        if not iris:
            out.append(Case(name, name, base))
            continue
        for index, kind in enumerate(("hub", "typical")):
            given = {**base, **{p.name: values[p.name][index] for p in iris}}
            out.append(Case(f"{name} ({kind})", name, given))
    return out


def sparql_cache_clear() -> None:
    from aikg.query import sparql

    sparql._parsed.cache_clear()


def raw_store(data: list[Path]) -> Any:
    import pyoxigraph

    from aikg.store.files import input_files
    from aikg.store.formats import OXIGRAPH_FORMATS

    store = pyoxigraph.Store()
    for path in input_files(data or None):
        fmt = getattr(pyoxigraph.RdfFormat, OXIGRAPH_FORMATS[path.suffix.lower()])
        store.load(path=str(path), format=fmt, lenient=True)
    return store


def raw_query(store: Any, text: str) -> Any:
    """pyoxigraph alone: run the text and read every solution (as a user of it would)."""
    import pyoxigraph

    found = store.query(text)
    if isinstance(found, pyoxigraph.QueryBoolean):
        return bool(found)
    if isinstance(found, pyoxigraph.QuerySolutions):
        return [tuple(solution) for solution in found]
    return list(found)


def rows_of(result: Any) -> Any:
    from aikg.query.results import GraphResult, Table, comparable_graph, comparable_rows

    if isinstance(result, Table):
        return comparable_rows(result.rows)
    if isinstance(result, GraphResult):
        return comparable_graph(result.graph)
    return result.value if result is not None else None


def count_of(result: Any) -> int:
    from aikg.query.results import GraphResult, Table

    if isinstance(result, Table):
        return len(result.rows)
    if isinstance(result, GraphResult):
        return len(result.graph)
    return 1


def measure_queries(
    results: Results,
    data: list[Path],
    stores: list[str],
    out: Path,
    runs: int,
    limit: float,
    quick: bool,
    only: set[str] | None = None,
) -> dict[str, Any]:
    from aikg.query.catalog import load_catalog
    from aikg.query.parameters import bind
    from aikg.query.run import run_embedded
    from aikg.store import open_store

    catalog = load_catalog()
    opened = {
        name: open_store(store_spec(name, out, results.size), data or None) for name in stores
    }
    for store in opened.values():
        len(store)  # loaded before anything is timed
    raw = raw_store(data)
    values = parameter_values(raw)
    all_cases = [c for c in cases(catalog, values) if not only or c.name in only]
    say(
        f"\n== saved queries (median of {runs} runs, fewer past 20 s, up to {runs * 5} under 1 s; "
        "oxigraph and raw in turn; ms; rows compared by value across stores)"
    )
    header = f"{'query':<30}{'rows':>7}"
    for name in stores:
        header += f"{name:>11}"
    header += f"{'raw':>10}"
    if "memory" in stores and "oxigraph" in stores:
        header += f"{'mem/ox':>8}"
    header += f"{'ox/raw':>8}{'same':>6}"
    say(header)
    for case in all_cases:
        query = catalog[case.name]
        text = bind(query, case.given)
        record: dict[str, Any] = {
            "query": case.label,
            "name": case.name,
            "params": case.given,
            "aggregate": bool(AGGREGATE.search(sparql_body(query.text))),
        }
        answers = {}
        for name, store in opened.items():
            if name == "memory" and quick and case.name not in QUICK_MEMORY:
                record[name] = None
                continue
            if name == "memory":  # each aikg command parses its query with rdflib: counted
                run = lambda store=store, query=query, given=case.given: (  # noqa: E731
                    sparql_cache_clear(),
                    run_embedded(query, given, store=store),
                )[1]
            else:
                run = lambda store=store, query=query, given=case.given: (  # noqa: E731
                    run_embedded(query, given, store=store)
                )
            if name == "oxigraph":  # in turn with raw pyoxigraph: their ratio is the overhead
                seconds, answer, record["raw"] = timed_pair(
                    run, lambda text=text: raw_query(raw, text), runs
                )
            else:
                seconds, answer = timed(run, runs, limit if name == "memory" else None)
            record[name] = seconds
            if answer is not None:
                answers[name] = answer
        if "raw" not in record:
            record["raw"], _ = timed(lambda text=text: raw_query(raw, text), runs)
        first = next(iter(answers.values()), None)
        record["rows"] = count_of(first)
        reference = rows_of(first)
        record["same"] = all(rows_of(a) == reference for a in answers.values())
        line = f"{case.label[:30]:<30}{record['rows']:>7}"
        for name in stores:
            line += f"{ms(record[name]) if record[name] is not None else '-':>11}"
        line += f"{ms(record['raw']):>10}"
        if "memory" in stores and "oxigraph" in stores:
            mem, ox = record["memory"], record["oxigraph"]
            record["mem/ox"] = mem / ox if mem is not None and ox else None
            line += f"{(ratio(mem, ox) if mem is not None else '-'):>8}"
        if "oxigraph" in stores:
            record["ox/raw"] = record["oxigraph"] / record["raw"] if record["raw"] else None
            line += f"{ratio(record['oxigraph'], record['raw']):>8}"
        line += f"{'yes' if record['same'] else 'NO':>6}"
        say(line)
        results.queries.append(record)
    if "memory" in stores and "oxigraph" in stores:
        pairs = [q["mem/ox"] for q in results.queries if q.get("mem/ox")]
        timeouts = sum(1 for q in results.queries if q.get("memory") == math.inf)
        note = (
            f" ({timeouts} memory runs stopped at {limit:g} s: a lower bound)" if timeouts else ""
        )
        say(f"geometric mean memory/oxigraph over {len(pairs)} queries: "
            f"{geometric_mean(pairs):.1f}x{note}")  # fmt: skip
    if "oxigraph" in stores:
        overheads = [q["ox/raw"] for q in results.queries if q.get("ox/raw")]
        say(f"geometric mean oxigraph/raw pyoxigraph: {geometric_mean(overheads):.2f}x")
    return {"opened": opened, "values": values}


def measure_export(
    results: Results, opened: dict[str, Any], data: list[Path], limit: float
) -> None:
    import pyoxigraph

    say("\n== export to Turtle (one run, seconds)")
    raw = raw_store(data)
    seconds, _ = timed(
        lambda: raw.dump(format=pyoxigraph.RdfFormat.TURTLE, from_graph=pyoxigraph.DefaultGraph()),
        1,
    )
    results.export["raw"] = seconds
    say(f"{'raw pyoxigraph (unsorted dump)':<34}{seconds:>9.2f}")
    for name, store in opened.items():
        seconds, _ = timed(
            lambda store=store: store.export("turtle"), 1, limit if name == "memory" else None
        )
        results.export[name] = seconds
        shown = f"{seconds:.2f}" if math.isfinite(seconds) else f"> {limit:g}"
        say(f"{name:<34}{shown:>9}{ratio(seconds, results.export['raw']):>8} x raw")


def aikg(*args: str, timeout: float = 3600) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "aikg", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return time.perf_counter() - start


def measure_view(
    results: Results, data: list[Path], stores: list[str], out: Path, hub: str | None, quick: bool
) -> None:
    say("\n== aikg view --focus (the hub organization, depth 1; whole command, seconds)")
    data_args = [a for path in data for a in ("--data", str(path))]
    with tempfile.TemporaryDirectory() as folder:
        page = str(Path(folder) / "view.html")
        for name in stores:
            spec = store_spec(name, out, results.size)
            if hub is None:
                break
            try:
                seconds = aikg(*data_args, "--store", spec, "view", "--focus", hub, "-o", page)
            except subprocess.TimeoutExpired:
                seconds = math.inf
            results.view[f"focus {name}"] = seconds
            say(f"{name:<34}{seconds:>9.2f}")
    if quick:
        return
    say("\n== a 5,000-node view (synthetic entities; render in Python, then headless Chromium)")
    from benchmarks.performance.view_readiness import readiness, synthetic

    graph, net = synthetic(5000)
    start = time.perf_counter()
    from aikg.view.page import render

    rendered = render(graph, net)
    seconds = time.perf_counter() - start
    results.view["render 5000"] = seconds
    say(f"rendered {rendered.nodes} entities, {rendered.edges} relations in {seconds:.2f} s "
        f"({len(rendered.html) / 1024:.0f} KiB)")  # fmt: skip
    found = readiness(rendered.html, runs=3)
    if found is None:
        say("headless Chromium is not installed: readiness not measured")
        return
    results.view["ready 5000 ms"] = found["ready_ms"]
    results.view["click 5000 ms"] = found["click_ms"]
    say(f"ready {found['ready_ms']:.0f} ms, selected and shown {found['click_ms']:.0f} ms "
        f"after navigation (median of 3; target 1500 ms)")  # fmt: skip


#: The whole-graph commands of issue 13, each a whole process on the ``dir`` store
#: (``oxigraph:DIR``, loaded beforehand), measured against ``aikg stats`` on the same data in the
#: same run. HUB is the most connected organization, TYPICAL the median one.
COMMANDS: dict[str, list[str]] = {
    "stats": ["stats"],
    "check": ["check", "--format", "json"],
    "check (text report)": ["check"],
    "analyze": ["analyze", "--top", "10"],
    "view --focus HUB": ["view", "--focus", "HUB", "-o", "PAGE"],
    # the hub's page with every neighbour drawn (no --max-neighbours limit): what it costs
    "view --focus HUB --max-neighbours 0": [
        "view",
        "--focus",
        "HUB",
        "--max-neighbours",
        "0",
        "-o",
        "PAGE",
    ],
    "view --focus TYPICAL": ["view", "--focus", "TYPICAL", "-o", "PAGE"],
    "view --focus HUB --depth 2": ["view", "--focus", "HUB", "--depth", "2", "-o", "PAGE"],
    "view --focus TYPICAL --depth 2": ["view", "--focus", "TYPICAL", "--depth", "2", "-o", "PAGE"],
    "view (whole graph)": ["view", "-o", "PAGE"],
    "validate": ["validate"],
    "validate --engine pyshacl": ["validate", "--engine", "pyshacl"],
    "build": ["build", "-o", "BUILD"],
    "build --engine pyshacl": ["build", "--engine", "pyshacl", "-o", "BUILD"],
}
#: pySHACL, the reference engine, only where it takes about a minute or less (not in --quick).
PYSHACL_SIZES = ("bundled", "10k")


def run_measured(args: list[str], timeout: float) -> dict[str, Any]:
    """One whole process: its seconds, peak resident memory (MiB, of that process alone, from
    ``wait4``) and exit code."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            os.wait4(child.pid, 0)
            return {"seconds": math.inf, "peak_mb": None, "exit": None}
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "exit": child.returncode}


def organizations(data: list[Path]) -> tuple[str, str] | None:
    """The most connected organization and the median one (what ``--focus`` draws)."""
    store = raw_store(data)
    rows = raw_query(
        store,
        f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?x a <{PARAMETER_CLASSES['organization']}> . "
        "{ ?x ?p ?o } UNION { ?s ?q ?x } } GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
    )
    iris = [row[0].value for row in rows]
    return (iris[0], iris[len(iris) // 2]) if iris else None


def measure_commands(
    results: Results,
    data: list[Path],
    out: Path,
    hub: str | None,
    limit: float,
    *,
    runs: int = 1,
    quick: bool = False,
    only: set[str] | None = None,
) -> None:
    """:data:`COMMANDS` (or ``only`` of them) and ``aikg stats``, each a whole process on the
    ``dir`` store, in turn ``runs`` times (the median)."""
    say(f"\n== whole-graph commands (a process each, oxigraph:DIR; median of {runs}; x aikg stats)")
    spec = store_spec("dir", out, results.size)
    data_args = [a for path in data for a in ("--data", str(path))]
    found = organizations(data)
    hub, typical = (hub or found[0], found[1]) if found else (hub, None)
    aikg_bin = [sys.executable, "-m", "aikg", *data_args, "--store", spec]
    run_measured([*aikg_bin, "stats"], limit)  # the store loaded (or reused) before timing
    labels = [
        label
        for label in COMMANDS
        if "pyshacl" not in label or (results.size in PYSHACL_SIZES and not quick)
        if not only or label in only or label == "stats"
    ]
    runs_of: dict[str, list[dict[str, Any]]] = {label: [] for label in labels}
    with tempfile.TemporaryDirectory() as folder:
        named = {"HUB": hub, "TYPICAL": typical, "PAGE": str(Path(folder) / "page.html"),
                 "BUILD": str(Path(folder) / "build")}  # fmt: skip
        for _ in range(runs):
            for label in labels:
                args = COMMANDS[label]
                if any(named.get(a, "") is None for a in args):
                    continue
                args = [named.get(a) or a for a in args]
                runs_of[label].append(run_measured([*aikg_bin, *args], limit))
    for label, measured in runs_of.items():
        if measured:
            peaks = [m["peak_mb"] for m in measured if m["peak_mb"] is not None]
            results.commands[label] = {
                "seconds": statistics.median(m["seconds"] for m in measured),
                "peak_mb": max(peaks) if peaks else None,
                "exit": measured[-1]["exit"],
                "runs": len(measured),
            }
    base = results.commands.get("stats", {}).get("seconds")
    say(f"{'command':<38}{'seconds':>9}{'x stats':>9}{'peak MiB':>10}{'exit':>6}")
    for label, found in results.commands.items():
        found["x stats"] = found["seconds"] / base if base else None
        peak = f"{found['peak_mb']:.0f}" if found["peak_mb"] is not None else "—"
        say(f"{label:<38}{found['seconds']:>9.2f}{ratio(found['seconds'], base):>9}{peak:>10}"
            f"{found['exit'] if found['exit'] is not None else 'timeout':>6}")  # fmt: skip
    if hub is not None and not quick and any("view --focus HUB" in label for label in labels):
        measure_page_reads(results, data, spec.partition(":")[2], hub)


def measure_page_reads(results: Results, data: list[Path], folder: str, hub: str) -> None:
    """What ``view --focus HUB`` reads from the store folder, through aikg and as pyoxigraph
    alone reading the same triples (``probe page``): the floor of a page that shows them."""
    say("\n== what view --focus HUB reads (oxigraph:DIR; in a process of its own, seconds)")
    say(f"{'depth':<8}{'entities':>9}{'triples':>9}{'aikg read':>11}{'pyoxigraph':>12}")
    for depth in (1, 2):
        found = probe("page", folder, hub, str(depth), *map(str, data))
        results.view[f"page reads HUB depth {depth}"] = found
        say(f"{depth:<8}{found['entities']:>9,}{found['triples']:>9,}"
            f"{found['aikg_read_seconds']:>11.2f}{found['raw_read_seconds']:>12.2f}")  # fmt: skip


ONE_COMMAND_APP = '''
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(name)
app()
'''


def measure_process(results: Results, runs: int) -> None:
    say(f"\n== whole processes (median of {runs}, run in turn; seconds)")
    with tempfile.TemporaryDirectory() as folder:
        app = Path(folder) / "one.py"
        app.write_text(ONE_COMMAND_APP, encoding="utf-8")

        def run(*args: str) -> float:
            start = time.perf_counter()
            subprocess.run([*args], cwd=ROOT, check=True, capture_output=True)
            return time.perf_counter() - start

        aikg_bin = str(Path(sys.executable).parent / "aikg")
        entry = [aikg_bin] if Path(aikg_bin).exists() else [sys.executable, "-m", "aikg"]
        commands = {
            "typer one-command --help": [sys.executable, str(app), "--help"],
            "aikg --help": [*entry, "--help"],
            "aikg query metrics (oxigraph, default)": [*entry, "query", "metrics"],
            "aikg query metrics (--store memory)": [
                *entry,
                "--store",
                "memory",
                "query",
                "metrics",
            ],
        }
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(runs):  # in turn, so that a moment of load does not skew one ratio
            for label, command in commands.items():
                times[label].append(run(*command))
        found = {label: statistics.median(seconds) for label, seconds in times.items()}
    results.process = found
    base = found["typer one-command --help"]
    for label, seconds in found.items():
        say(f"{label:<40}{seconds:>8.3f}{seconds / base:>8.2f} x typer --help")


# --------------------------------------------------------------------------------------------
# Targets


#: Issue 13's targets for :data:`COMMANDS`: size -> label -> (most x stats, most seconds).
COMMAND_TARGETS: dict[str, dict[str, tuple[float | None, float | None]]] = {
    "100k": {
        "validate": (10, None),
        "check": (10, None),
        "analyze": (15, None),
        "view --focus HUB --depth 2": (5, None),
    },
    "1m": {
        "check": (None, 60),
        "analyze": (None, 120),
        "view --focus HUB": (None, 3),
        "view --focus TYPICAL": (None, 3),
        "validate": (None, 60),
        "build": (None, 90),
    },
}


def check_targets(results: Results) -> None:
    """The issue's targets that apply at this size: met, or the gap."""
    found: list[dict[str, Any]] = []

    def target(what: str, met: bool, detail: str) -> None:
        found.append({"target": what, "met": met, "detail": detail})

    size = results.size
    queries = results.queries
    if size == "100k" and any(q.get("mem/ox") for q in queries):
        gm = geometric_mean([q["mem/ox"] for q in queries if q.get("mem/ox")])
        target("oxigraph >= 20x faster than memory (geometric mean, 100k)", gm >= 20, f"{gm:.1f}x")
    if size in ("1m", "10m") and queries:

        def whole(q: dict[str, Any]) -> bool:  # an aggregate over the whole graph
            return not q["params"] and bool(q.get("aggregate"))

        small = [q for q in queries if q["rows"] < 1000 and q.get("oxigraph") is not None]
        slow = [q for q in small if q["oxigraph"] > 0.05 and not whole(q)]
        detail = ", ".join(f"{q['query']} {ms(q['oxigraph'])} ms" for q in slow) or "all"
        target(
            f"queries under 1,000 rows < 50 ms ({len([q for q in small if not whole(q)])} cases; "
            "whole-graph aggregates are held to the ratio below)",
            not slow,
            detail,
        )
        aggregates = [q for q in queries if whole(q) and q.get("ox/raw")]
        over = [q for q in aggregates if q["ox/raw"] > 1.3]
        detail = ", ".join(f"{q['query']} {q['ox/raw']:.2f}x" for q in over) or "all"
        heavy = [q for q in aggregates if q["rows"] < 1000 and q["oxigraph"] > 0.05]
        if heavy:
            detail += "; under 1,000 rows but over 50 ms (raw pyoxigraph as slow): " + ", ".join(
                f"{q['query']} {ms(q['oxigraph'])} ms (raw {ms(q['raw'])})" for q in heavy
            )
        target(
            f"whole-graph aggregates within 1.3x of raw pyoxigraph ({len(aggregates)} queries)",
            not over,
            detail,
        )
        loads = {row["store"]: row for row in results.load}
        if "oxigraph" in loads:
            row = loads["oxigraph"]
            target(
                "loading 1M triples < 5 s and < 2 GiB (oxigraph)",
                row["seconds"] < 5 and row["peak_mb"] < 2048,
                f"{row['seconds']:.2f} s, {row['peak_mb']:.0f} MiB",
            )
    if results.process:
        base = results.process["typer one-command --help"]
        help_ratio = results.process["aikg --help"] / base
        target(
            "aikg --help <= 1.5x a one-command Typer app", help_ratio <= 1.5, f"{help_ratio:.2f}x"
        )
        metrics = results.process["aikg query metrics (oxigraph, default)"]
        target("aikg query metrics (bundled) < 1 s", metrics < 1, f"{metrics:.2f} s")
    commands = results.commands
    for label, limits in COMMAND_TARGETS.get(size, {}).items():
        measured = commands.get(label)
        if measured is None:
            continue
        most_ratio, most_seconds = limits
        seconds, times = measured["seconds"], measured.get("x stats")
        if most_ratio is not None and times is not None:
            target(f"{label} <= {most_ratio:g}x aikg stats ({size})", times <= most_ratio,
                   f"{times:.1f}x ({seconds:.2f} s)")  # fmt: skip
        if most_seconds is not None:
            target(f"{label} < {most_seconds:g} s ({size})", seconds < most_seconds,
                   f"{seconds:.2f} s")  # fmt: skip
    if size in ("1m", "10m") and commands:
        peaks = {k: v["peak_mb"] for k, v in commands.items() if v.get("peak_mb") is not None}
        worst = max(peaks, key=lambda k: peaks[k]) if peaks else None
        if worst is not None:
            target("every command's peak memory < 4 GiB", peaks[worst] < 4096,
                   f"highest {worst} {peaks[worst]:,.0f} MiB")  # fmt: skip
    if "build" in commands and "build --engine pyshacl" in commands:
        fast, before = commands["build"]["seconds"], commands["build --engine pyshacl"]["seconds"]
        target(
            f"build no slower than with pySHACL, as before issue 13 ({size})",
            fast <= before,
            f"{fast:.1f} s against {before:.1f} s",
        )
    if "ready 5000 ms" in results.view:
        ready = results.view["ready 5000 ms"]
        target("5,000-node view ready in Chromium < 1.5 s", ready < 1500, f"{ready:.0f} ms")
    results.targets = found
    if found:
        say("\n== targets")
        for item in found:
            say(f"{'met' if item['met'] else 'GAP':<5}{item['target']}: {item['detail']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="10k", choices=["bundled", *SIZES])
    parser.add_argument("--runs", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--stores", help="comma-separated: memory, oxigraph, dir")
    parser.add_argument("--limit", type=float, default=300.0, help="seconds per rdflib run")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--quick", action="store_true", help="CI: one run, fewer rdflib queries")
    parser.add_argument("--only", default="", help="comma-separated saved queries to run")
    parser.add_argument(
        "--commands", default="", help="comma-separated whole-graph commands to time (of COMMANDS)"
    )
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated sections: load, queries, export, view, process, commands",
    )
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    only = set(filter(None, args.only.split(",")))
    stores = args.stores.split(",") if args.stores else DEFAULT_STORES[args.size]
    runs = 1 if args.quick else args.runs
    limit = 20.0 if args.quick else args.limit
    args.out.mkdir(parents=True, exist_ok=True)
    results = Results(args.size, machine())
    box = results.machine
    say(f"aikg benchmarks: size {args.size}, stores {', '.join(stores)}; "
        f"{box['cpu']}, {box['cores']} cores, {box['memory']}")  # fmt: skip
    data = dataset(args.size, args.out)
    if "load" not in skip:
        measure_load(results, data, stores, args.out)
    hub = None
    if "queries" not in skip:
        found = measure_queries(
            results, data, stores, args.out, runs, limit, args.quick, only or None
        )
        hub = found["values"].get("organization", (None, None))[0]
        if "export" not in skip:
            measure_export(results, found["opened"], data, limit)
        del found
    if "view" not in skip:
        measure_view(results, data, stores, args.out, hub, args.quick)
    if "process" not in skip:
        measure_process(results, 3 if args.quick else 15)
    if "commands" not in skip:
        once = args.quick or args.size in ("bundled", "1m", "10m")  # pySHACL, or slow at 1M
        chosen = set(filter(None, args.commands.split(","))) or None
        measure_commands(
            results,
            data,
            args.out,
            hub,
            3600.0,
            runs=1 if once else 3,
            quick=args.quick,
            only=chosen,
        )
    suffix = ("-quick" if args.quick else "") + ("-only" if only else "")
    target = args.out / f"results-{args.size}{suffix}.json"
    if skip and target.is_file():  # skipped sections keep the figures of an earlier run
        earlier = json.loads(target.read_text(encoding="utf-8"))
        for section, keys in SECTIONS.items():
            if section in skip:
                for key in keys:
                    setattr(results, key, earlier.get(key, getattr(results, key)))
    check_targets(results)
    target.write_text(json.dumps(results.__dict__, indent=2, default=str) + "\n", encoding="utf-8")
    say(f"\nresults: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
