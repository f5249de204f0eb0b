"""What a validation reports, whichever engine ran it: findings, each one SHACL result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aikg.namespaces import shorten


@dataclass(frozen=True, order=True)
class Finding:
    """One SHACL result: which node, which path, what is wrong, how bad.

    ``component`` is the constraint component that produced it (``sh:MinCountConstraintComponent``);
    ``shape`` the shape whose constraint it is (a blank node's label differs from run to run)."""

    focus: str
    path: str
    message: str
    severity: str
    shape: str = ""
    component: str = ""

    def key(self) -> tuple[str, str, str, str, str]:
        """What two engines must agree on: every field but the shape's label."""
        return (self.focus, self.path, self.message, self.severity, self.component)


@dataclass
class Report:
    conforms: bool
    findings: list[Finding]
    #: The engine that validated: ``sparql`` or ``pyshacl`` (see :mod:`aikg.validation`).
    engine: str = "pyshacl"
    #: Why the default engine was not used, when it was not.
    note: str = ""


def show(node: Any) -> str:
    """A node as a finding shows it: an IRI shortened with the project's prefixes, a blank node
    as ``_:label``, a literal in N-Triples syntax; rdflib or pyoxigraph terms alike.

    Example:
        >>> from rdflib import URIRef
        >>> show(URIRef("https://schema.org/value")), show(None)
        ('schema:value', '')
    """
    if node is None:
        return ""
    import pyoxigraph as ox
    from rdflib import URIRef

    if isinstance(node, URIRef):
        return shorten(str(node))
    if isinstance(node, ox.NamedNode):
        return shorten(node.value)
    if isinstance(node, (ox.BlankNode, ox.Literal)):
        return str(node)
    return str(node) if not hasattr(node, "n3") else str(node.n3())
