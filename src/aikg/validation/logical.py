"""Constraints on shapes: ``sh:property``, ``sh:node``, ``sh:or`` and qualified value shapes.

``sh:node`` is reported as pySHACL reports it: one result for the focus node ("Value does not
conform to Shape ..."), and the nested shape's own results beside it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aikg.validation.cardinality import counted, focus_results
from aikg.validation.report import show
from aikg.validation.shapes import Constraint, Result, Run, Shape, Unsupported, ValueConstraint

if TYPE_CHECKING:
    from aikg.validation.report import Finding


def _node_level(shape: Shape, what: str) -> None:
    if shape.path is not None:
        raise Unsupported(f"{what} on a property shape")


@dataclass
class Property(Constraint):
    """A property shape of a node shape: its findings on the same focus nodes."""

    shape: Shape
    component = "PropertyConstraintComponent"

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result | Finding]:
        return run.evaluate(self.shape, focus)

    def holds(self, shape: Shape, var: str) -> str:
        _node_level(shape, "sh:property")
        return self.shape.holds(var)


@dataclass
class Node(Constraint):
    shape: Shape
    component = "NodeConstraintComponent"

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result | Finding]:
        _node_level(shape, "sh:node")
        details: dict[str, list[Finding]] = {}
        for finding in run.evaluate(self.shape, focus):
            details.setdefault(finding.focus, []).append(finding)
        if not details:
            return
        for row in run.select(f"SELECT ?this WHERE {{ {focus} }}"):
            nested = details.get(show(row["this"]))
            if nested:
                yield Result(row["this"], self.component, row["this"], details=nested)

    def default_message(self, shape: Shape) -> str | None:
        return (
            f"Value does not conform to Shape {self.shape.name}. See details for more information."
        )

    def holds(self, shape: Shape, var: str) -> str:
        _node_level(shape, "sh:node")
        return self.shape.holds(var)


@dataclass
class Or(ValueConstraint):
    """Each value node conforms to one of the shapes at least."""

    shapes: list[Shape]
    component = "OrConstraintComponent"

    def test(self, value: str) -> str:
        return " || ".join(f"({member.holds(value)})" for member in self.shapes) or "false"


@dataclass
class QualifiedMinCount(Constraint):
    """How many value nodes conform to ``shape``: at least ``count``
    (``sh:qualifiedValueShapesDisjoint`` is not supported)."""

    shape: Shape
    count: int
    component = "QualifiedMinCountConstraintComponent"
    operator = "<"

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result | Finding]:
        if shape.path is None:
            raise Unsupported("a qualified value shape on a node shape")
        values = f"{shape.path.pattern('?this', '?value')} FILTER({self.shape.holds('?value')})"
        query = counted(focus, values, self.operator, self.count)
        yield from focus_results(run, query, self.component)


@dataclass
class QualifiedMaxCount(QualifiedMinCount):
    """At most ``count`` value nodes conform to ``shape``."""

    component = "QualifiedMaxCountConstraintComponent"
    operator = ">"
