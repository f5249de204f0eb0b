"""The shapes as the SPARQL engine reads them: shapes, paths, constraints, and what they share.

A :class:`Shape` is a node or property shape of the shapes graph; its :class:`Constraint` s
come from one module per family of SHACL constraint components, as in the SHACL spec and in
pySHACL (:mod:`~aikg.validation.cardinality`, :mod:`~aikg.validation.values`,
:mod:`~aikg.validation.pairs`, :mod:`~aikg.validation.logical`,
:mod:`~aikg.validation.sparql`); :mod:`~aikg.validation.compile` reads a shapes graph into them.

Every constraint turns into SPARQL run on the store: :meth:`Constraint.violations` selects the
nodes that break it among the focus nodes of a shape (a group pattern that binds ``?this``), and
:meth:`Constraint.holds` is a SPARQL expression, true when a node conforms, for the shapes that
``sh:or`` and ``sh:qualifiedValueShape`` test their values against. What the engine cannot do
the same way as pySHACL raises :class:`Unsupported` when the shapes are read, never silently.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from aikg.validation.report import Finding

SH = "http://www.w3.org/ns/shacl#"


class Unsupported(Exception):
    """The shapes use something the SPARQL engine does not evaluate as pySHACL does."""


@dataclass(frozen=True)
class Path:
    """A property path: as SPARQL writes it, as a finding shows it, its one predicate when it
    is a single IRI, and its steps when it is a sequence of IRIs (each maybe inverse)."""

    sparql: str
    shown: str
    predicate: str | None = None
    steps: tuple[str, ...] = ()

    def pattern(self, subject: str, value: str) -> str:
        """The triple patterns from ``subject`` to ``value``. A sequence is written as a chain
        of triple patterns: the same solutions (a sequence path does not remove duplicates),
        and Oxigraph then starts from a bound subject, where it evaluates a sequence path over
        the whole graph inside ``EXISTS``.

        Example:
            >>> path = Path("(<urn:a>/^<urn:b>)", "(path)", steps=("<urn:a>", "^<urn:b>"))
            >>> path.pattern("?s", "?o")
            '?s <urn:a> ?s_1 . ?s_1 ^<urn:b> ?o .'
        """
        if len(self.steps) < 2:
            return f"{subject} {self.sparql} {value} ."
        nodes = [subject, *(f"{subject}_{i}" for i in range(1, len(self.steps))), value]
        return " ".join(
            f"{a} {step} {b} ."
            for a, step, b in zip(nodes[:-1], self.steps, nodes[1:], strict=True)
        )


@dataclass(frozen=True)
class Stated:
    """An object as the input wrote it: a literal's lexical form and datatype IRI (``None``
    for an IRI or a blank node, whose ``lexical`` is its N-Triples form)."""

    lexical: str
    datatype: str | None


@dataclass
class Result:
    """A violation found by a query: the focus node, the component that found it, the value
    node, and what the constraint says of it beyond what its shape says."""

    focus: Any
    component: str
    value: Any = None
    #: A message of its own (a SPARQL constraint's, with the solution's values in it).
    message: str | None = None
    #: A path of its own (a SPARQL constraint's ``?path``), as a finding shows it.
    path: str | None = None
    #: Results of a shape the value node was checked against (``sh:node``), reported too.
    details: list[Finding] = field(default_factory=list)


@dataclass
class Shape:
    """A node shape (``path`` is ``None``) or a property shape."""

    node: Any
    #: How pySHACL names the shape in a message (its IRI with the shapes' prefixes).
    name: str
    path: Path | None = None
    messages: list[str] = field(default_factory=list)
    severity: str = "Violation"
    #: SPARQL patterns, each binding ``?this`` to a target node.
    targets: list[str] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)

    def values(self, this: str, value: str) -> str:
        """The pattern binding ``value`` to the value nodes of focus node ``this`` (more than
        once when a sequence path reaches a node twice: select them ``DISTINCT``)."""
        if self.path is None:
            return f"BIND({this} AS {value})"
        return self.path.pattern(this, value)

    def holds(self, var: str) -> str:
        """A SPARQL expression, true when node ``var`` conforms to the shape."""
        tests = [c.holds(self, var) for c in self.constraints]
        return " && ".join(f"({t})" for t in tests) or "true"


class Run(ABC):
    """What a constraint needs from the engine as it runs (:mod:`~aikg.validation.engine`)."""

    @abstractmethod
    def select(self, query: str) -> list[dict[str, Any]]:
        """The solutions of a SELECT on the store, each a dict from variable name to term."""

    @abstractmethod
    def originals(self, predicate: str) -> Iterable[tuple[str, Stated]]:
        """Every (subject, object) of ``predicate`` as the input wrote it: the subject in
        N-Triples syntax, the object as :class:`Stated`."""

    @abstractmethod
    def evaluate(self, shape: Shape, focus: str) -> list[Finding]:
        """The findings of ``shape`` on the focus nodes ``focus`` binds (for ``sh:node``)."""


class Constraint(ABC):
    """One constraint component of a shape, with its parameters."""

    #: The component's local name in the SHACL namespace.
    component: ClassVar[str]

    @abstractmethod
    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result | Finding]:
        """The results of this constraint on the focus nodes ``focus`` binds to ``?this``
        (findings as they are, of a nested property shape)."""

    def default_message(self, shape: Shape) -> str | None:
        """The message of a result when the shape gives none (``None``: the engine needs one)."""
        return None

    def holds(self, shape: Shape, var: str) -> str:
        """A SPARQL expression, true when node ``var`` satisfies this constraint."""
        raise Unsupported(f"sh:{self.component} inside sh:or or sh:qualifiedValueShape")


class ValueConstraint(Constraint):
    """A constraint each value node meets or not on its own (datatype, class, pattern ...)."""

    @abstractmethod
    def test(self, value: str) -> str:
        """A SPARQL expression on ``value``, true when it meets the constraint; it may raise
        an error, which counts as false."""

    def safe(self, value: str) -> str:
        return f"COALESCE({self.test(value)}, false)"

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result]:
        query = (
            f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {shape.values('?this', '?value')} "
            f"FILTER(!{self.safe('?value')}) }}"
        )
        for row in run.select(query):
            yield Result(row["this"], self.component, row["value"])

    def holds(self, shape: Shape, var: str) -> str:
        if shape.path is None:
            return self.safe(var)
        values = shape.path.pattern(var, "?v_")
        return f"NOT EXISTS {{ {values} FILTER(!{self.safe('?v_')}) }}"


def iri(value: str) -> str:
    """An IRI in SPARQL syntax.

    Example:
        >>> iri("https://schema.org/value")
        '<https://schema.org/value>'
    """
    if any(c in value for c in '<>"{}|^`\\ '):
        raise Unsupported(f"an IRI SPARQL cannot write: {value!r}")
    return f"<{value}>"


def literal(lexical: str, datatype: str | None = None, language: str | None = None) -> str:
    """A literal in SPARQL syntax, escaped.

    Example:
        >>> literal('say "hi"'), literal("1", "http://www.w3.org/2001/XMLSchema#integer")
        ('"say \\\\"hi\\\\""', '"1"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    text = (
        lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    if language:
        return f'"{text}"@{language}'
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return f'"{text}"^^{iri(datatype)}'
    return f'"{text}"'
