"""What the benchmark measures in a process of its own, printed as one line of JSON.

Peak memory is the process's maximum resident set size (``getrusage``), which counts what
pyoxigraph and RocksDB allocate outside Python (``tracemalloc`` would not).

- ``load STORE [DATA]``: open the store on the ontology and ``DATA`` (default: the bundled graph)
  and load it; STORE is ``memory``, ``oxigraph``, ``oxigraph:DIR`` or ``raw`` (pyoxigraph alone:
  a ``Store()`` and ``load()`` of each file, no aikg).
- ``graph STORE [DATA]``: the rdflib graph that validate, check and view get from the store.
- ``page DIR FOCUS DEPTH [DATA]``: what ``aikg view --focus FOCUS --depth DEPTH`` reads from the
  store folder ``DIR`` (``oxigraph:DIR``, loaded beforehand): the time of aikg's read
  (:func:`aikg.view.neighbourhood.neighbourhood`), and then pyoxigraph alone reading the same
  triples (every triple of each subject of the page's graph) from the same folder opened
  read-only -- the floor of any page that shows them.

Usage: python -m benchmarks.performance.probe load oxigraph build/bench/synth-1m
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def raw_load(files: list[Path]) -> int:
    """pyoxigraph alone, as a user of it would load the same files."""
    import pyoxigraph

    from aikg.store.formats import OXIGRAPH_FORMATS

    store = pyoxigraph.Store()
    for path in files:
        fmt = getattr(pyoxigraph.RdfFormat, OXIGRAPH_FORMATS[path.suffix.lower()])
        store.load(path=str(path), format=fmt, lenient=True)
    return len(store)


def load(spec: str, data: list[Path]) -> dict[str, object]:
    baseline = peak_mb()
    start = time.perf_counter()
    from aikg.store import open_store
    from aikg.store.files import input_files

    if spec == "raw":
        triples = raw_load(input_files(data or None))
    else:
        store = open_store(spec, data or None)
        triples = len(store.graph()) if spec == "memory" else len(store)
    return {
        "store": spec,
        "seconds": time.perf_counter() - start,
        "triples": triples,
        "peak_mb": peak_mb(),
        "interpreter_mb": baseline,
    }


def graph(spec: str, data: list[Path]) -> dict[str, object]:
    baseline = peak_mb()
    start = time.perf_counter()
    from aikg.store import open_store

    triples = len(open_store(spec, data or None).graph())
    return {
        "store": f"{spec} (rdflib graph)",
        "seconds": time.perf_counter() - start,
        "triples": triples,
        "peak_mb": peak_mb(),
        "interpreter_mb": baseline,
    }


def page(folder: str, focus: str, depth: int, data: list[Path]) -> dict[str, object]:
    import pyoxigraph
    from rdflib import BNode

    from aikg.store import open_store
    from aikg.view.neighbourhood import neighbourhood

    store = open_store(f"oxigraph:{folder}", data or None)
    store.entity_count()  # opened (and the manifest checked) before timing
    start = time.perf_counter()
    around = neighbourhood(store, focus, depth)
    aikg_seconds = time.perf_counter() - start
    subjects = sorted({str(s) for s in around.graph.subjects() if not isinstance(s, BNode)})
    entities, triples = len(around.entities), len(around.graph)
    del around, store
    raw = pyoxigraph.Store.read_only(str(Path(folder) / "oxigraph"))
    start = time.perf_counter()
    read = 0
    for subject in subjects:
        for quad in raw.quads_for_pattern(
            pyoxigraph.NamedNode(subject), None, None, pyoxigraph.DefaultGraph()
        ):
            read += quad.object is not None
    return {
        "entities": entities,
        "triples": triples,
        "subjects": len(subjects),
        "aikg_read_seconds": aikg_seconds,
        "raw_read_seconds": time.perf_counter() - start,
        "raw_triples": read,
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["page"] and len(argv) >= 4:
        print(json.dumps(page(argv[1], argv[2], int(argv[3]), [Path(a) for a in argv[4:]])))
        return 0
    if len(argv) < 2 or argv[0] not in ("load", "graph"):
        print(__doc__, file=sys.stderr)
        return 2
    measure = load if argv[0] == "load" else graph
    print(json.dumps(measure(argv[1], [Path(a) for a in argv[2:]])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
