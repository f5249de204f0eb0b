"""The main job: load and validate the graph, then write every output atomically."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aikg.errors import FindingsError
from aikg.store.export import serialize, write_atomic
from aikg.store.files import load_graph
from aikg.store.stats import Summary, summarize
from aikg.validation import Report, validate

if TYPE_CHECKING:
    from aikg.store.base import GraphStore

#: Output file name -> export format.
GRAPH_OUTPUTS = {"aikg.ttl": "turtle", "aikg.jsonld": "jsonld", "aikg.nt": "nt"}


@dataclass
class BuildResult:
    out_dir: Path
    files: list[Path]
    summary: Summary
    report: Report


def build(
    out_dir: Path, data: Sequence[Path] | None = None, *, store: GraphStore | None = None
) -> BuildResult:
    """Validate, then write the graph exports, the ontology page and the graph view.

    The graph is ``store``'s (see :mod:`aikg.store`), else the ontology and ``data`` (or the
    bundled graph) read with rdflib. A graph that does not conform raises
    :class:`FindingsError` and writes nothing. Every output is rendered in memory before the
    first file is written, and each write is atomic.
    """
    from aikg.ontology_docs import ontology_html
    from aikg.view.page import render as render_view

    graph = store.graph() if store is not None else load_graph(data)
    report = validate(graph)
    if not report.conforms:
        raise FindingsError(
            f"the graph does not conform to the shapes ({len(report.findings)} findings); "
            "run 'aikg validate' for the report"
        )
    export = store.export if store is not None else lambda fmt: serialize(graph, fmt)
    rendered = {name: export(fmt) for name, fmt in GRAPH_OUTPUTS.items()}
    rendered["ontology.html"] = ontology_html()
    rendered["graph.html"] = render_view(graph).html
    files = []
    for name, payload in rendered.items():
        target = out_dir / name
        write_atomic(target, payload)
        files.append(target)
    return BuildResult(out_dir, files, summarize(graph), report)
