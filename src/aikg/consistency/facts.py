"""Gathering the facts the checks compare: observations, variables, documents and quotes.

The queries are in :mod:`aikg.consistency.queries`; this module turns their rows into
:class:`Observation` records (the stated value, precision and qualifier bound of each), the
change and share relations between variables (:class:`Variables`), and the
:class:`~aikg.consistency.report.Source` of each observation (:class:`Sources`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from weakref import WeakKeyDictionary

from rdflib import Graph, Literal, URIRef
from rdflib.term import Identifier

from aikg import labels
from aikg.consistency.intervals import QUALIFIER_BOUNDS
from aikg.consistency.queries import (
    BREAKDOWNS,
    DOCUMENTS,
    OBSERVATIONS,
    QUOTES,
    VARIABLES,
    Reading,
    select,
)
from aikg.consistency.report import Source
from aikg.namespaces import AIKG, shorten


@dataclass
class Observation:
    """One observation as the checks see it (its stated value, precision, bound and context)."""

    iri: str
    variable: str
    value: Decimal
    unit: str | None
    precision: Decimal
    qualifier: str | None
    direction: str | None
    exclusive: bool
    min_value: Decimal | None
    max_value: Decimal | None
    period: str | None
    base_period: str | None
    area: str | None
    denominator: str | None
    estimated: bool = False
    conversion_of: str | None = None
    documents: set[str] = field(default_factory=set)
    breakdown: tuple[tuple[str, str], ...] = ()


def _decimal(node: Any) -> Decimal | None:
    if not isinstance(node, Literal):
        return None
    try:
        value = Decimal(str(node).strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _lexical_precision(node: Identifier) -> Decimal:
    """The place value of the last digit of a literal written without a stated precision."""
    text = str(node).strip()
    if "." in text and "e" not in text.lower():
        return Decimal(1).scaleb(-len(text.split(".", 1)[1]))
    return Decimal(1)


def _is_estimate(status: Any, notation: Any) -> bool:
    """SDMX observation status E: the source says the value is expected or estimated."""
    if notation is not None:
        return str(notation) == "E"
    return status is not None and str(status).endswith("obsStatus-E")


def _period_text(notation: Any, node: Any) -> str | None:
    if notation is not None:
        return str(notation)
    return None if node is None else shorten(str(node))


def read_observations(graph: Graph | Reading) -> dict[str, Observation]:
    """Every observation of ``graph`` with a numeric value (targets excluded), by IRI."""
    observations: dict[str, Observation] = {}
    for row in select(graph, OBSERVATIONS):
        iri = str(row.obs)
        obs = observations.get(iri)
        if obs is None:
            value = _decimal(row.value)
            if value is None:
                continue
            precision = _decimal(row.precision)
            if precision is None or precision < 0:
                precision = _lexical_precision(row.value)
            qualifier = None
            if row.q is not None:
                qualifier = str(row.qualifier) if row.qualifier is not None else None
                qualifier = qualifier or str(row.q).rstrip("/").rsplit("/", 1)[-1]
            direction, exclusive = None, False
            if row.direction is not None:
                direction = str(row.direction)
                exclusive = isinstance(row.exclusive, Literal) and bool(row.exclusive.toPython())
            elif qualifier in QUALIFIER_BOUNDS:
                direction, exclusive = QUALIFIER_BOUNDS[qualifier]
            obs = Observation(
                iri=iri,
                variable=str(row.var),
                value=value,
                unit=None if row.unit is None else str(row.unit),
                precision=precision,
                qualifier=qualifier,
                direction=direction,
                exclusive=exclusive,
                min_value=_decimal(row.min),
                max_value=_decimal(row.max),
                period=_period_text(row.periodNotation, row.period),
                base_period=_period_text(row.basePeriodNotation, row.basePeriod),
                area=None if row.area is None else str(row.area),
                denominator=None if row.denominator is None else str(row.denominator),
                estimated=_is_estimate(row.status, row.statusNotation),
                conversion_of=None if row.conversionOf is None else str(row.conversionOf),
            )
            observations[iri] = obs
        if row.doc is not None:
            obs.documents.add(str(row.doc))
    members: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in select(graph, BREAKDOWNS):
        members[str(row.obs)].add((str(row.dimension), str(row.member)))
    for iri, pairs in members.items():
        if iri in observations:
            observations[iri].breakdown = tuple(sorted(pairs))
    # in IRI order, whatever order the engine gave its rows in: the report is the same on
    # every store
    return dict(sorted(observations.items()))


@dataclass(frozen=True)
class Variables:
    """How variables relate: the level a change variable changes, and a share's count."""

    change_of: dict[str, str]
    change_type: dict[str, str]
    numerator: dict[str, str]


def read_variables(graph: Graph | Reading) -> Variables:
    change_of: dict[str, str] = {}
    change_type: dict[str, str] = {}
    numerator: dict[str, str] = {}
    for row in select(graph, VARIABLES):
        var = str(row.var)
        if row.changeOf is not None:
            change_of[var] = str(row.changeOf)
            if row.changeType is not None:
                change_type[var] = str(row.changeType)
        if row.numerator is not None:
            numerator[var] = str(row.numerator)
    return Variables(change_of, change_type, numerator)


#: Labels already picked, by graph: a report names the same variables and publishers often.
_LABELS: WeakKeyDictionary[Graph, dict[str, str]] = WeakKeyDictionary()


def label(graph: Graph, iri: str | None) -> str | None:
    """The English label of the node ``iri`` (see :mod:`aikg.labels`), or None without a node."""
    if iri is None:
        return None
    known = _LABELS.setdefault(graph, {})
    if iri not in known:
        known[iri] = labels.label(graph, URIRef(iri), "en")
    return known[iri]


def forget_labels(graph: Graph) -> None:
    """Drop the labels :func:`label` keeps for ``graph`` (at the end of a check: the graph
    may change before the next one)."""
    _LABELS.pop(graph, None)


def reading_note(graph: Graph, group: Sequence[Observation]) -> str | None:
    """The first ``aikg:readingNote`` of the observations, in English as :mod:`aikg.labels`
    picks it."""
    for obs in group:
        note = labels.texts(graph, URIRef(obs.iri), AIKG.readingNote)
        if note is not None:
            return note.en
    return None


class Sources:
    """Document descriptions and observation quotes, read once."""

    def __init__(self, graph: Graph | Reading) -> None:
        self.graph = graph.texts if isinstance(graph, Reading) else graph
        self.documents: dict[str, dict[str, str | None]] = {}
        for row in select(graph, DOCUMENTS):
            doc = self.documents.setdefault(str(row.doc), {})
            if row.name is not None:
                doc.setdefault("title", str(row.name))
            if row.publisher is not None:
                doc.setdefault("publisher", str(row.publisher))
            if row.reliability is not None:
                doc.setdefault("reliability", str(row.reliability))
            if row.date is not None:
                doc.setdefault("date", str(row.date))
            elif row.dateUnknown is not None and bool(row.dateUnknown.toPython()):
                doc.setdefault("date", "unknown")
        self.quotes: dict[str, str] = {}
        for row in select(graph, QUOTES):
            key = str(row.obs)
            quote = str(row.exact)
            if key not in self.quotes or len(quote) < len(self.quotes[key]):
                self.quotes[key] = quote

    def of(self, obs: Observation) -> list[Source]:
        found = []
        for doc_iri in sorted(obs.documents) or [""]:
            doc = self.documents.get(doc_iri, {})
            publisher = doc.get("publisher")
            found.append(
                Source(
                    observation=obs.iri,
                    document=doc_iri,
                    title=doc.get("title"),
                    publisher=publisher,
                    publisher_label=label(self.graph, publisher),
                    reliability=doc.get("reliability"),
                    date=doc.get("date"),
                    quote=self.quotes.get(obs.iri),
                )
            )
        return found
