"""Property pair constraints: ``sh:lessThan`` and ``sh:lessThanOrEquals``.

pySHACL reports one result for each pair of a value and a compared value that is not in order,
and for each pair it cannot compare (a string and a number): so does the query, which counts a
comparison SPARQL cannot make (an error) as out of order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aikg.validation.shapes import Constraint, Result, Run, Shape, iri


@dataclass
class LessThan(Constraint):
    other: str
    component = "LessThanConstraintComponent"
    operator = "<"

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result]:
        query = (
            f"SELECT DISTINCT ?this ?value ?other WHERE {{ {focus} "
            f"{shape.values('?this', '?value')} "
            f"?this {iri(self.other)} ?other "
            f"FILTER(!COALESCE(?value {self.operator} ?other, false)) }}"
        )
        for row in run.select(query):
            yield Result(row["this"], self.component, row["value"])


@dataclass
class LessThanOrEquals(LessThan):
    component = "LessThanOrEqualsConstraintComponent"
    operator = "<="
