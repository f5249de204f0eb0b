"""SHACL-SPARQL constraints (``sh:sparql`` with ``sh:select``), run as they are written.

pySHACL runs a constraint's query once for each focus node, with ``$this`` pre-bound. Here it
runs once: the focus nodes' pattern is joined at the head of the query's outer group, which
binds ``$this`` before the rest of the group is evaluated, ``FILTER (NOT) EXISTS`` included.
That is the same as pre-binding for the queries SHACL allows (no ``MINUS``, ``VALUES``,
``SERVICE`` or sub-query, which the reader refuses), and for the solution to name its focus
node the query must select ``$this``. Messages get the solution's values as pySHACL puts them:
``{?name}`` becomes the value's lexical form or IRI."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aikg.validation.report import show
from aikg.validation.shapes import Constraint, Result, Run, Shape, Unsupported

if TYPE_CHECKING:
    from aikg.validation.report import Finding

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_REFUSED = re.compile(r"\b(MINUS|VALUES|SERVICE|BIND\s*\([^)]*\bAS\s+[?$]this)\b", re.IGNORECASE)
_SELECTS = re.compile(r"\bSELECT\b", re.IGNORECASE)
_PROJECTS_THIS = re.compile(r"^\s*SELECT\s+(DISTINCT\s+|REDUCED\s+)?(\*|[^{]*[?$]this\b)", re.I)
_MESSAGE_VARIABLE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass
class Sparql(Constraint):
    select: str
    #: ``PREFIX`` lines of the constraint's ``sh:prefixes``.
    prefixes: str
    message: str | None
    component = "SPARQLConstraintComponent"

    def __post_init__(self) -> None:
        body = self.select
        if len(_SELECTS.findall(body)) != 1 or _REFUSED.search(body):
            raise Unsupported(
                "a SPARQL constraint with a sub-query, MINUS, VALUES, SERVICE or a BIND of $this"
            )
        if not _PROJECTS_THIS.search(body) or not _WHERE.search(body):
            raise Unsupported("a SPARQL constraint that does not select $this")
        if "$PATH" in body:
            raise Unsupported("a SPARQL constraint on a property shape ($PATH)")
        self.body = body

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result | Finding]:
        if shape.path is not None:
            raise Unsupported("a SPARQL constraint on a property shape")
        where = _WHERE.search(self.body)
        assert where is not None
        query = f"{self.prefixes}{self.body[: where.end()]} {focus} {self.body[where.end() :]}"
        for row in run.select(query):
            message = None if self.message is None else _fill(self.message, row)
            path = row.get("path")
            yield Result(
                row["this"],
                self.component,
                row.get("value"),
                message=message,
                path=None if path is None else show(path),
            )


def _fill(message: str, row: dict[str, Any]) -> str:
    """``message`` with ``{?name}`` replaced as pySHACL does: by ``str()`` of the rdflib term
    (an IRI, a literal's lexical form, a blank node's label); an unbound variable stays.

    Example:
        >>> import pyoxigraph as ox
        >>> _fill("{?p} is {?q}", {"p": ox.NamedNode("urn:x"), "q": ox.Literal("1.5")})
        'urn:x is 1.5'
    """

    def value(match: re.Match[str]) -> str:
        term = row.get(match.group(1))
        return match.group(0) if term is None else str(term.value)

    return _MESSAGE_VARIABLE.sub(value, message)
