"""What the benchmark measures in a process of its own, printed as one line of JSON.

Peak memory is the process's maximum resident set size (``getrusage``), which counts what
pyoxigraph and RocksDB allocate outside Python (``tracemalloc`` would not).

- ``load STORE [DATA]``: open the store on the ontology and ``DATA`` (default: the bundled graph)
  and load it; STORE is ``memory``, ``oxigraph``, ``oxigraph:DIR`` or ``raw`` (pyoxigraph alone:
  a ``Store()`` and ``load()`` of each file, no aikg).
- ``graph STORE [DATA]``: the rdflib graph that validate, check and view get from the store.

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


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("load", "graph"):
        print(__doc__, file=sys.stderr)
        return 2
    measure = load if argv[0] == "load" else graph
    print(json.dumps(measure(argv[1], [Path(a) for a in argv[2:]])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
