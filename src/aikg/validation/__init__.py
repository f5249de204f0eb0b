"""The validation wing: SHACL validation of the graph against ``ontology/shapes.ttl``.

In: the graph, as the store a command holds (:mod:`aikg.store`) or an rdflib ``Graph``, and the
shapes. Out: a :class:`~aikg.validation.report.Report` of findings (focus node, path, message,
severity, constraint component).

Two engines give the same findings (tests/test_validation_engines.py):

- ``sparql`` (the default): the shapes compiled to SPARQL and run on Oxigraph
  (:mod:`~aikg.validation.engine`; :mod:`~aikg.validation.compile` reads the shapes, one module
  per family of constraints: :mod:`~aikg.validation.cardinality`,
  :mod:`~aikg.validation.values`, :mod:`~aikg.validation.pairs`,
  :mod:`~aikg.validation.logical`, :mod:`~aikg.validation.sparql`). About a hundred times
  faster than pySHACL on 100k triples, and it needs no rdflib copy of an Oxigraph store's graph.
- ``pyshacl``: pySHACL, the reference (:mod:`~aikg.validation.reference`).

Shapes the SPARQL engine cannot evaluate as pySHACL does (a constraint it does not know, see
docs/validation.md) are validated with pySHACL, and the report says so in ``note``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aikg.errors import InputError
from aikg.validation.report import Finding, Report

if TYPE_CHECKING:
    from rdflib import Graph

    from aikg.store.base import GraphStore

__all__ = ["ENGINES", "Finding", "Report", "validate"]

#: The engines, the default first.
ENGINES = ("sparql", "pyshacl")


def validate(
    data: Graph | GraphStore, shapes: Graph | None = None, *, engine: str = "sparql"
) -> Report:
    """Validate ``data`` (ontology included) against the shapes (default:
    ``ontology/shapes.ttl``); a report sorted by focus node.

    Example:
        >>> from aikg.store.files import ontology_graph
        >>> report = validate(ontology_graph())
        >>> report.conforms, report.engine
        (True, 'sparql')
    """
    from rdflib import Graph

    from aikg.store.files import shapes_graph
    from aikg.validation.compile import read_shapes
    from aikg.validation.engine import on_graph, on_store, run_shapes
    from aikg.validation.reference import validate_pyshacl
    from aikg.validation.shapes import Unsupported

    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r} (use {', '.join(ENGINES)})")
    shapes = shapes if shapes is not None else shapes_graph()
    note = ""
    if engine == "sparql":
        from aikg.store.oxigraph import OxigraphStore

        try:
            compiled = read_shapes(shapes)
            if isinstance(data, OxigraphStore):
                run = on_store(data, compiled.originals)
            else:
                run = on_graph(data if isinstance(data, Graph) else data.graph())
            findings = sorted(run_shapes(run, compiled.targeted))
            return Report(_conforms(findings), findings, "sparql")
        except Unsupported as exc:
            note = f"the SPARQL engine does not evaluate {exc}: validated with pySHACL"
    graph = data if isinstance(data, Graph) else data.graph()
    report = validate_pyshacl(graph, shapes)
    report.note = note
    return report


def _conforms(findings: list[Finding]) -> bool:
    """pySHACL's verdict with warnings allowed: no finding of severity Violation."""
    return not any(f.severity == "Violation" for f in findings)
