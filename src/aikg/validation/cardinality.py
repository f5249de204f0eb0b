"""Cardinality constraints: ``sh:minCount`` and ``sh:maxCount``, counted on the store.

"No value" is written ``MINUS``, not ``FILTER NOT EXISTS``: Oxigraph evaluates the pattern of a
``MINUS`` once for the whole graph, and that of a ``NOT EXISTS`` of two triple patterns (a
path of two steps) for each focus node over the whole graph again (2.3 s against 0.02 s on the
bundled graph's 2,209 annotations)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from aikg.validation.shapes import Constraint, Result, Run, Shape, Unsupported


def _values(shape: Shape, what: str, subject: str, value: str) -> str:
    if shape.path is None:
        raise Unsupported(f"{what} on a node shape ({shape.name})")
    return shape.path.pattern(subject, value)


def counted(focus: str, values: str, operator: str, count: int) -> str:
    """The query selecting the focus nodes whose number of distinct ``?value`` s (bound by the
    pattern ``values``) is ``operator`` ``count``: fewer than one is a ``MINUS``.

    Example:
        >>> counted("F", "?this <urn:p> ?value .", "<", 1)
        'SELECT ?this WHERE { F MINUS { ?this <urn:p> ?value . } }'
    """
    if operator == "<" and count == 1:
        return f"SELECT ?this WHERE {{ {focus} MINUS {{ {values} }} }}"
    return (
        f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ {values} }} }} "
        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {operator} {count})"
    )


def focus_results(run: Run, query: str, component: str) -> Iterator[Result]:
    """A result for each focus node ``query`` selects (as ``?this``)."""
    for row in run.select(query):
        yield Result(row["this"], component)


@dataclass
class MinCount(Constraint):
    count: int
    component = "MinCountConstraintComponent"
    #: A result when the number of values is ``operator`` ``count``.
    operator = "<"

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result]:
        values = _values(shape, f"sh:{self.component}", "?this", "?value")
        if self.operator == ">" or self.count > 0:
            query = counted(focus, values, self.operator, self.count)
            yield from focus_results(run, query, self.component)

    def holds(self, shape: Shape, var: str) -> str:
        values = _values(shape, "sh:minCount", var, "?v_")
        if self.operator != "<" or self.count > 1:
            raise Unsupported(f"sh:{self.component} inside sh:or or sh:qualifiedValueShape")
        return f"EXISTS {{ {values} }}" if self.count == 1 else "true"


@dataclass
class MaxCount(MinCount):
    component = "MaxCountConstraintComponent"
    operator = ">"
