"""SHACL validation of the graph against ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from aikg.namespaces import SH, shorten
from aikg.store.files import shapes_graph


@dataclass(frozen=True, order=True)
class Finding:
    """One SHACL result: which node, which path, what is wrong, how bad."""

    focus: str
    path: str
    message: str
    severity: str
    shape: str = ""


@dataclass
class Report:
    conforms: bool
    findings: list[Finding]


def _show(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return shorten(str(node))
    return str(node) if not hasattr(node, "n3") else node.n3()


def validate(data: Graph, shapes: Graph | None = None) -> Report:
    """Validate ``data`` (ontology included) against the shapes; a report sorted by focus."""
    from pyshacl import validate as shacl_validate  # heavy import, only when validating

    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        message = results.value(result, SH.resultMessage)
        path = results.value(result, SH.resultPath)
        findings.append(
            Finding(
                focus=_show(results.value(result, SH.focusNode)),
                path=_show(path) if isinstance(path, URIRef) else ("(path)" if path else ""),
                message=str(message) if message else "",
                severity=shorten(str(results.value(result, SH.resultSeverity))).removeprefix("sh:"),
                shape=_show(results.value(result, SH.sourceShape)),
            )
        )
    return Report(bool(conforms), sorted(findings))
