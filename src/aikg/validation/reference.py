"""The reference engine: pySHACL, the SHACL validator in pure Python (``--engine pyshacl``).

It validates an rdflib ``Graph``; the SPARQL engine (:mod:`aikg.validation.engine`) is tested
against it finding for finding (tests/test_validation_engines.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import RDF

from aikg.namespaces import SH, shorten
from aikg.validation.report import Finding, Report, show

if TYPE_CHECKING:
    from rdflib import Graph


def validate_pyshacl(data: Graph, shapes: Graph) -> Report:
    """Validate ``data`` (ontology included) against ``shapes`` with pySHACL."""
    from pyshacl import validate as shacl_validate  # heavy import, only when validating

    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=shapes,
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
                focus=show(results.value(result, SH.focusNode)),
                path=show(path) if isinstance(path, URIRef) else ("(path)" if path else ""),
                message=str(message) if message else "",
                severity=shorten(str(results.value(result, SH.resultSeverity))).removeprefix("sh:"),
                shape=show(results.value(result, SH.sourceShape)),
                component=show(results.value(result, SH.sourceConstraintComponent)),
            )
        )
    return Report(bool(conforms), sorted(findings), "pyshacl")
