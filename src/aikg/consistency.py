"""Consistency checks across sources (issue #5): ``aikg check`` as a library.

:func:`check` reads the graph's observations with SPARQL and does the arithmetic in Python with
:class:`~decimal.Decimal`. It looks for

(a) ``different-values``: two observations of the same variable, area, period, breakdown and
    denominator whose stated values differ;
(b) ``stated-change``: a change (relative growth, absolute or percentage-point difference, a
    growth multiple) that does not match the values it relates;
(c) ``share``: a share that does not match its count (the share variable's ``aikg:numerator``)
    and its base (the observation's ``schema:measurementDenominator``).

Tolerance: every stated value ``v`` of published precision ``p`` (``aikg:precision``, the place
value of its last stated digit) stands for a true value in ``[v - p/2, v + p/2)``; a qualifier
replaces that by the bound it states (``超4500``: ``(4500, ∞)``; ``近6000``: ``[0, 6000)``).
A computed figure (a change, a share) gets the interval obtained by interval arithmetic over the
intervals of its inputs. Two figures are consistent when their intervals overlap. A difference
that the intervals explain is reported as ``consistent-within-rounding``; one they do not
explain is a ``conflict``, or a ``note`` where the data cannot support a conflict (a value
stated as "about", or values from different documents for a period whose date is unstated).

Targets (``aikg:Target``) are never read; observations of different variables are never
compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    Decimal,
    InvalidOperation,
    localcontext,
)
from itertools import combinations, product
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from aikg.namespaces import AIKG, AIKGUNIT, CUR, UNIT, shorten
from aikg.numbers import canonical

__all__ = [
    "CONFLICT",
    "KINDS",
    "NOTE",
    "ROUNDING",
    "CheckReport",
    "Finding",
    "Interval",
    "Skipped",
    "Source",
    "StatedValue",
    "check",
]

#: Severities, most serious first.
CONFLICT = "conflict"
ROUNDING = "consistent-within-rounding"
NOTE = "note"
SEVERITIES = (CONFLICT, NOTE, ROUNDING)

#: Kinds of finding.
DIFFERENT_VALUES = "different-values"
STATED_CHANGE = "stated-change"
SHARE = "share"
KINDS = (DIFFERENT_VALUES, STATED_CHANGE, SHARE)

INF = Decimal("Infinity")

#: Bound of each qualifier notation (direction, exclusive) when the graph lacks the scheme.
_QUALIFIER_BOUNDS: dict[str, tuple[str, bool]] = {
    "more-than": ("lower", True),
    "at-least": ("lower", False),
    "odd": ("lower", True),
    "nearly": ("upper", True),
    "less-than": ("upper", True),
    "at-most": ("upper", False),
}
_QUALIFIER_WORDS = {
    "more-than": "more than ",
    "at-least": "at least ",
    "odd": "over ",
    "nearly": "nearly ",
    "about": "about ",
    "less-than": "less than ",
    "at-most": "at most ",
}
#: Units of quantities that cannot be negative (levels; change variables are exempt).
_NON_NEGATIVE = {
    str(u)
    for u in (
        AIKGUNIT.PERSON,
        AIKGUNIT.PERSON_TIME,
        UNIT.NUM,
        UNIT.PERCENT,
        CUR.CNY,
        CUR.USD,
    )
}

_PREFIXES = """
PREFIX aikg: <https://w3id.org/aikg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
"""

_OBSERVATIONS = (
    _PREFIXES
    + """
SELECT ?obs ?var ?value ?unit ?precision ?q ?qualifier ?direction ?exclusive ?min ?max
       ?period ?periodNotation ?basePeriod ?basePeriodNotation ?area ?denominator ?doc
       ?status ?statusNotation ?conversionOf
WHERE {
  ?obs a schema:Observation ;
       schema:variableMeasured ?var ;
       schema:value ?value .
  FILTER NOT EXISTS { ?obs a aikg:Target }
  OPTIONAL { ?obs schema:unitCode ?unit }
  OPTIONAL { ?obs aikg:precision ?precision }
  OPTIONAL {
    ?obs aikg:valueQualifier ?q .
    OPTIONAL { ?q skos:notation ?qualifier }
    OPTIONAL { ?q aikg:boundDirection ?direction }
    OPTIONAL { ?q aikg:boundExclusive ?exclusive }
  }
  OPTIONAL { ?obs schema:minValue ?min }
  OPTIONAL { ?obs schema:maxValue ?max }
  OPTIONAL {
    ?obs sdmx-dimension:refPeriod ?period .
    OPTIONAL { ?period skos:notation ?periodNotation }
  }
  OPTIONAL {
    ?obs aikg:basePeriod ?basePeriod .
    OPTIONAL { ?basePeriod skos:notation ?basePeriodNotation }
  }
  OPTIONAL { ?obs sdmx-dimension:refArea ?area }
  OPTIONAL { ?obs schema:measurementDenominator ?denominator }
  OPTIONAL { ?obs prov:wasDerivedFrom ?doc }
  OPTIONAL {
    ?obs sdmx-attribute:obsStatus ?status .
    OPTIONAL { ?status skos:notation ?statusNotation }
  }
  OPTIONAL { ?obs aikg:currencyConversionOf ?conversionOf }
}
"""
)

_BREAKDOWNS = (
    _PREFIXES
    + """
SELECT ?obs ?dimension ?member
WHERE {
  ?obs a schema:Observation ; ?dimension ?member .
  FILTER NOT EXISTS { ?obs a aikg:Target }
  FILTER (?dimension = schema:observationAbout
          || (STRSTARTS(STR(?dimension), STR(sdmx-dimension:))
              && ?dimension NOT IN (sdmx-dimension:refPeriod, sdmx-dimension:refArea)))
}
"""
)

_VARIABLES = (
    _PREFIXES
    + """
SELECT ?var ?changeOf ?changeType ?numerator
WHERE {
  { ?var aikg:changeOf ?changeOf . OPTIONAL { ?var aikg:changeType ?changeType } }
  UNION
  { ?var aikg:numerator ?numerator }
}
"""
)

_DOCUMENTS = (
    _PREFIXES
    + """
SELECT DISTINCT ?doc ?name ?publisher ?reliability ?date ?dateUnknown
WHERE {
  ?obs a schema:Observation ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc schema:name ?name }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc aikg:reliability ?r . OPTIONAL { ?r skos:notation ?reliability } }
  OPTIONAL { ?doc schema:datePublished ?date }
  OPTIONAL { ?doc aikg:dateUnknown ?dateUnknown }
}
"""
)

_QUOTES = (
    _PREFIXES
    + """
SELECT ?obs ?exact
WHERE {
  ?obs a schema:Observation .
  ?annotation oa:hasBody ?obs ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
}
"""
)


# --------------------------------------------------------------------------------------------
# Intervals


@dataclass(frozen=True)
class Interval:
    """A real interval; ends may be infinite; ``lo_open``/``hi_open`` exclude an end."""

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def intersection(self, other: Interval) -> Interval | None:
        """The common part of both intervals, or None when they do not overlap."""
        if self.lo != other.lo:
            lo, lo_open = (
                (self.lo, self.lo_open) if self.lo > other.lo else (other.lo, other.lo_open)
            )
        else:
            lo, lo_open = self.lo, self.lo_open or other.lo_open
        if self.hi != other.hi:
            hi, hi_open = (
                (self.hi, self.hi_open) if self.hi < other.hi else (other.hi, other.hi_open)
            )
        else:
            hi, hi_open = self.hi, self.hi_open or other.hi_open
        if lo < hi or (lo == hi and lo.is_finite() and not lo_open and not hi_open):
            return Interval(lo, hi, lo_open, hi_open)
        return None

    def overlaps(self, other: Interval) -> bool:
        return self.intersection(other) is not None

    def contains(self, value: Decimal) -> bool:
        return self.overlaps(Interval.point(value))

    def __sub__(self, other: Interval) -> Interval:
        return Interval(
            self.lo - other.hi,
            self.hi - other.lo,
            self.lo_open or other.hi_open,
            self.hi_open or other.lo_open,
        )

    def affine(self, scale: Decimal, shift: Decimal = Decimal(0)) -> Interval:
        """``scale * x + shift`` for a positive ``scale``."""
        return Interval(
            self.lo * scale + shift, self.hi * scale + shift, self.lo_open, self.hi_open
        )

    def divide(self, other: Interval) -> Interval | None:
        """``self / other`` when ``other`` lies above zero, else None (unbounded)."""
        if other.lo <= 0:
            return None
        candidates: list[tuple[Decimal, bool]] = []
        for a, a_open in ((self.lo, self.lo_open), (self.hi, self.hi_open)):
            for b, b_open in ((other.lo, other.lo_open), (other.hi, other.hi_open)):
                if b.is_infinite():
                    if a.is_infinite():
                        continue  # the other ends bound this case
                    candidates.append((Decimal(0), True))
                else:
                    candidates.append((a / b, a_open or b_open))
        lo = min(candidates, key=lambda c: (c[0], c[1]))
        hi = max(candidates, key=lambda c: (c[0], not c[1]))
        return Interval(lo[0], hi[0], lo[1] or lo[0].is_infinite(), hi[1] or hi[0].is_infinite())

    def to_json(self) -> dict[str, Any]:
        return {
            "min": _json_number(self.lo),
            "max": _json_number(self.hi),
            "min_exclusive": self.lo_open,
            "max_exclusive": self.hi_open,
        }


def _json_number(value: Decimal) -> str | None:
    return canonical(value) if value.is_finite() else None


# --------------------------------------------------------------------------------------------
# Public records


@dataclass(frozen=True)
class Source:
    """Where one observation comes from: its document, publisher and the quote that states it."""

    observation: str
    document: str
    title: str | None
    publisher: str | None
    publisher_label: str | None
    reliability: str | None
    date: str | None  # ISO date, or "unknown"
    quote: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "observation": self.observation,
            "document": self.document,
            "title": self.title,
            "publisher": self.publisher,
            "publisher_label": self.publisher_label,
            "reliability": self.reliability,
            "date": self.date,
            "quote": self.quote,
        }


@dataclass(frozen=True)
class StatedValue:
    """One stated figure (equal figures of several observations merged) and what it means."""

    role: str  # value, base, new, change, share, count, denominator
    variable: str
    value: Decimal
    unit: str | None
    precision: Decimal
    qualifier: str | None
    period: str | None
    interval: Interval
    text: str  # for people: "2.49亿", "more than 4500", "17.7%"
    sources: tuple[Source, ...]
    estimated: bool = False  # the source states an expected or estimated value

    @property
    def tolerance(self) -> str:
        """How far the true value may lie from the stated one, in words."""
        if self.qualifier in _QUALIFIER_BOUNDS:
            return f"{self.text} read as {_show_interval(self.interval, self.unit)}"
        if self.precision == 0:
            return f"{self.text} (exact)"
        return f"{self.text} ± {_show(self.precision / 2, self.unit, suffix=False)}"

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "variable": self.variable,
            "value": canonical(self.value),
            "unit": self.unit,
            "precision": canonical(self.precision),
            "qualifier": self.qualifier,
            "period": self.period,
            "text": self.text,
            "estimated": self.estimated,
            "interval": self.interval.to_json(),
            "sources": [s.to_json() for s in self.sources],
        }


@dataclass(frozen=True)
class Finding:
    """One result of a check: a conflict, a rounding-level gap, or a note."""

    kind: str
    severity: str
    variable: str
    variable_label: str
    period: str | None
    area: str | None
    area_label: str | None
    breakdown: tuple[tuple[str, str], ...]
    values: tuple[StatedValue, ...]
    explanation: str
    tolerance: str
    base_variable: str | None = None
    base_period: str | None = None
    computed: Decimal | None = None
    computed_interval: Interval | None = None
    reading: str | None = None  # the reading of a growth multiple that fits
    reading_note: str | None = None

    @property
    def documents(self) -> list[str]:
        return sorted({s.document for v in self.values for s in v.sources})

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "variable": self.variable,
            "variable_label": self.variable_label,
            "base_variable": self.base_variable,
            "period": self.period,
            "base_period": self.base_period,
            "area": self.area,
            "area_label": self.area_label,
            "breakdown": [{"dimension": d, "member": m} for d, m in self.breakdown],
            "values": [v.to_json() for v in self.values],
            "computed": None if self.computed is None else canonical(self.computed),
            "computed_interval": (
                None if self.computed_interval is None else self.computed_interval.to_json()
            ),
            "tolerance": self.tolerance,
            "reading": self.reading,
            "reading_note": self.reading_note,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Skipped:
    """A stated change or share that could not be checked, and why."""

    kind: str
    observations: tuple[str, ...]
    variable: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "observations": list(self.observations),
            "variable": self.variable,
            "reason": self.reason,
        }


@dataclass
class CheckReport:
    """Every finding of :func:`check`, with counts of the comparisons it made."""

    findings: list[Finding] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: list[Skipped] = field(default_factory=list)

    def by_severity(self, severity: str) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    @property
    def conflicts(self) -> list[Finding]:
        return self.by_severity(CONFLICT)

    @property
    def rounding_gaps(self) -> list[Finding]:
        return self.by_severity(ROUNDING)

    @property
    def notes(self) -> list[Finding]:
        return self.by_severity(NOTE)

    @property
    def has_conflict(self) -> bool:
        return bool(self.conflicts)

    def summary(self) -> dict[str, Any]:
        return {
            "conflicts": len(self.conflicts),
            "consistent_within_rounding": len(self.rounding_gaps),
            "notes": len(self.notes),
            "checked": dict(self.checked),
            "skipped": len(self.skipped),
        }

    def to_json(self, *, include_rounding: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; without ``include_rounding`` the rounding gaps are only listed."""
        shown = [f for f in self.findings if include_rounding or f.severity != ROUNDING]
        data: dict[str, Any] = {
            "summary": self.summary(),
            "findings": [f.to_json() for f in shown],
        }
        if not include_rounding:
            data["rounding_gaps"] = [
                {
                    "kind": f.kind,
                    "variable": f.variable,
                    "period": f.period,
                    "explanation": f.explanation,
                }
                for f in self.rounding_gaps
            ]
        data["skipped"] = [s.to_json() for s in self.skipped]
        return data


# --------------------------------------------------------------------------------------------
# Display of numbers


def _unit_suffix(unit: str | None) -> str:
    return {
        str(UNIT.PERCENT): "%",
        str(AIKGUNIT.PERCENT_POINT): " pp",
        str(CUR.CNY): "元",
        str(CUR.USD): " USD",
        str(AIKGUNIT.TIMES): " times",
    }.get(unit or "", "")


def _show(value: Decimal, unit: str | None, *, suffix: bool = True, places: int = 0) -> str:
    """``249000000`` -> ``2.49亿``, ``17.7`` (percent) -> ``17.7%``; infinities as ``∞``.

    ``places`` pads a percentage or multiple to that many decimals (``25`` -> ``25.0``).
    """
    if value.is_infinite():
        return "∞" if value > 0 else "−∞"
    end = _unit_suffix(unit) if suffix else ""
    if unit in (str(UNIT.PERCENT), str(AIKGUNIT.PERCENT_POINT), str(AIKGUNIT.TIMES)):
        text = canonical(value)
        decimals = len(text.partition(".")[2])
        if decimals < places:
            text += ("" if decimals else ".") + "0" * (places - decimals)
        return text + end
    magnitude = abs(value)
    if magnitude >= 10**8:
        return canonical(value / 10**8) + "亿" + end
    if magnitude >= 10**4:
        return canonical(value / 10**4) + "万" + end
    return canonical(value) + end


def _show_interval(interval: Interval, unit: str | None, quantum: Decimal | None = None) -> str:
    """``[2.485亿, 2.495亿)``; with ``quantum`` the ends are rounded outward to it."""
    lo, hi = interval.lo, interval.hi
    if quantum is not None and quantum > 0:
        lo, hi = _round(lo, quantum, ROUND_FLOOR), _round(hi, quantum, ROUND_CEILING)
        places = _places(quantum * 10)
        shown = (_show(lo, unit, places=places), _show(hi, unit, places=places))
        return f"[{shown[0]}, {shown[1]}]"
    opening = "(" if interval.lo_open else "["
    closing = ")" if interval.hi_open else "]"
    return f"{opening}{_show(lo, unit)}, {_show(hi, unit)}{closing}"


def _places(precision: Decimal) -> int:
    """The number of decimal places of a precision: 0.1 -> 1, 1000000 -> 0."""
    exponent = precision.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _round(value: Decimal, quantum: Decimal, rounding: str) -> Decimal:
    if not value.is_finite():
        return value
    return (value / quantum).to_integral_value(rounding=rounding) * quantum


def _display_quantum(precision: Decimal) -> Decimal:
    """One digit finer than the stated figure's precision."""
    return precision / 10 if precision > 0 else Decimal("0.0001")


# --------------------------------------------------------------------------------------------
# Reading the graph


@dataclass
class _Obs:
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


def _lexical_precision(node: Literal) -> Decimal:
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


def _read_observations(graph: Graph) -> dict[str, _Obs]:
    observations: dict[str, _Obs] = {}
    for row in graph.query(_OBSERVATIONS):
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
                exclusive = row.exclusive is not None and bool(row.exclusive.toPython())
            elif qualifier in _QUALIFIER_BOUNDS:
                direction, exclusive = _QUALIFIER_BOUNDS[qualifier]
            obs = _Obs(
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
    for row in graph.query(_BREAKDOWNS):
        members[str(row.obs)].add((str(row.dimension), str(row.member)))
    for iri, pairs in members.items():
        if iri in observations:
            observations[iri].breakdown = tuple(sorted(pairs))
    return observations


@dataclass(frozen=True)
class _Variables:
    change_of: dict[str, str]
    change_type: dict[str, str]
    numerator: dict[str, str]


def _read_variables(graph: Graph) -> _Variables:
    change_of: dict[str, str] = {}
    change_type: dict[str, str] = {}
    numerator: dict[str, str] = {}
    for row in graph.query(_VARIABLES):
        var = str(row.var)
        if row.changeOf is not None:
            change_of[var] = str(row.changeOf)
            if row.changeType is not None:
                change_type[var] = str(row.changeType)
        if row.numerator is not None:
            numerator[var] = str(row.numerator)
    return _Variables(change_of, change_type, numerator)


def _label(graph: Graph, iri: str | None) -> str | None:
    """The node's English label, else a Chinese one, else any, else its short name."""
    if iri is None:
        return None
    labels = [o for o in graph.objects(URIRef(iri), RDFS.label) if isinstance(o, Literal)]
    for lang in ("en", "zh-hans", "zh"):
        for label in labels:
            if (label.language or "").lower().startswith(lang):
                return str(label)
    return str(labels[0]) if labels else shorten(iri)


class _Sources:
    """Document descriptions and observation quotes, read once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.documents: dict[str, dict[str, str | None]] = {}
        for row in graph.query(_DOCUMENTS):
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
        for row in graph.query(_QUOTES):
            key = str(row.obs)
            quote = str(row.exact)
            if key not in self.quotes or len(quote) < len(self.quotes[key]):
                self.quotes[key] = quote

    def of(self, obs: _Obs) -> list[Source]:
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
                    publisher_label=_label(self.graph, publisher),
                    reliability=doc.get("reliability"),
                    date=doc.get("date"),
                    quote=self.quotes.get(obs.iri),
                )
            )
        return found


# --------------------------------------------------------------------------------------------
# The meaning of a stated value


def _interval(obs: _Obs, *, non_negative: bool) -> Interval:
    """The values the true figure may take, given the stated value, precision and qualifier."""
    floor = Decimal(0) if non_negative else -INF
    if obs.direction == "lower":
        bound = obs.min_value if obs.min_value is not None else obs.value
        return Interval(bound, INF, obs.exclusive, True)
    if obs.direction == "upper":
        bound = obs.max_value if obs.max_value is not None else obs.value
        return Interval(floor, bound, floor.is_infinite(), obs.exclusive)
    if obs.min_value is not None or obs.max_value is not None:
        lo = obs.min_value if obs.min_value is not None else floor
        hi = obs.max_value if obs.max_value is not None else INF
        return Interval(lo, hi, lo.is_infinite(), hi.is_infinite())
    if obs.precision == 0:
        return Interval.point(obs.value)
    half = obs.precision / 2
    return Interval(obs.value - half, obs.value + half, False, True)


def _text(obs: _Obs) -> str:
    word = _QUALIFIER_WORDS.get(obs.qualifier or "", "")
    return word + _show(obs.value, obs.unit)


def _signature(obs: _Obs) -> tuple[Any, ...]:
    return (
        obs.value,
        obs.precision,
        obs.qualifier,
        obs.unit,
        obs.min_value,
        obs.max_value,
        obs.estimated,
    )


def _stated_values(
    observations: Iterable[_Obs], role: str, sources: _Sources, *, non_negative: bool
) -> list[StatedValue]:
    """The distinct figures of ``observations``, each with every source that states it."""
    merged: dict[tuple[Any, ...], list[_Obs]] = defaultdict(list)
    for obs in observations:
        merged[_signature(obs)].append(obs)
    values = []
    for group in merged.values():
        first = group[0]
        found = [s for obs in group for s in sources.of(obs)]
        found.sort(key=lambda s: (s.date or "", s.document, s.observation))
        values.append(
            StatedValue(
                role=role,
                variable=first.variable,
                value=first.value,
                unit=first.unit,
                precision=first.precision,
                qualifier=first.qualifier,
                period=first.period,
                interval=_interval(first, non_negative=non_negative),
                text=_text(first),
                sources=tuple(found),
                estimated=first.estimated,
            )
        )
    values.sort(key=lambda v: (v.value, v.qualifier or "", v.precision))
    return values


def _is_unstated_date(period: str | None) -> bool:
    """Open-start (``../2025-01-22``) and length-only (``P10Y``) periods leave the date unstated."""
    return period is not None and (period.startswith("..") or period.startswith("P"))


def _documents(values: Sequence[StatedValue]) -> set[str]:
    return {s.document for v in values for s in v.sources}


def _soften(values: Sequence[StatedValue], period: str | None) -> str | None:
    """Why a gap beyond the intervals is only a note, or None when it is a conflict."""
    if any(v.qualifier == "about" for v in values):
        return "a value stated as 'about' gives no bound, so the gap is a note, not a conflict"
    if any(v.estimated for v in values):
        return "a value the source states as expected or estimated may differ from the outcome"
    if _is_unstated_date(period) and len(_documents(values)) > 1:
        return (
            f"the period {period!r} leaves the date unstated, so the documents may speak of "
            "different dates"
        )
    return None


def _who(value: StatedValue) -> str:
    names = []
    for source in value.sources:
        name = source.publisher_label or shorten(source.document)
        if name not in names:
            names.append(name)
    return ", ".join(names) or "unknown source"


# --------------------------------------------------------------------------------------------
# The checks


@dataclass(frozen=True)
class _Context:
    graph: Graph
    observations: dict[str, _Obs]
    variables: _Variables
    sources: _Sources

    def converts(self, a: StatedValue, b: StatedValue) -> bool:
        """Whether one figure is the source's currency conversion of the other."""
        first = {s.observation for s in a.sources}
        second = {s.observation for s in b.sources}
        return any(
            self.observations[x].conversion_of in other
            for own, other in ((first, second), (second, first))
            for x in own
            if x in self.observations
        )

    def non_negative(self, variable: str, unit: str | None) -> bool:
        return variable not in self.variables.change_of and (unit or "") in _NON_NEGATIVE

    def finding(
        self,
        kind: str,
        severity: str,
        anchor: _Obs,
        values: Sequence[StatedValue],
        explanation: str,
        tolerance: str,
        **extra: Any,
    ) -> Finding:
        return Finding(
            kind=kind,
            severity=severity,
            variable=anchor.variable,
            variable_label=_label(self.graph, anchor.variable) or anchor.variable,
            period=anchor.period,
            area=anchor.area,
            area_label=_label(self.graph, anchor.area),
            breakdown=anchor.breakdown,
            values=tuple(values),
            explanation=explanation,
            tolerance=tolerance,
            **extra,
        )


def _measure_key(obs: _Obs) -> tuple[Any, ...]:
    return (obs.variable, obs.area, obs.period, obs.base_period, obs.breakdown, obs.denominator)


def _check_different_values(ctx: _Context, report: CheckReport) -> None:
    groups: dict[tuple[Any, ...], list[_Obs]] = defaultdict(list)
    for obs in ctx.observations.values():
        groups[_measure_key(obs)].append(obs)
    for group in groups.values():
        if len(group) < 2:
            continue
        anchor = group[0]
        non_negative = ctx.non_negative(anchor.variable, anchor.unit)
        values = _stated_values(group, "value", ctx.sources, non_negative=non_negative)
        report.checked[DIFFERENT_VALUES] += 1
        for a, b in combinations(values, 2):
            if not ctx.converts(a, b):
                report.findings.append(_compare_values(ctx, anchor, a, b))


def _compare_values(ctx: _Context, anchor: _Obs, a: StatedValue, b: StatedValue) -> Finding:
    ia, ib = _show_interval(a.interval, a.unit), _show_interval(b.interval, b.unit)
    both = f"{a.text} ({_who(a)}) and {b.text} ({_who(b)})"
    tolerance = f"{a.tolerance}; {b.tolerance}"
    if a.unit != b.unit:
        return ctx.finding(
            DIFFERENT_VALUES,
            NOTE,
            anchor,
            (a, b),
            f"{both} are stated for the same measure in different units "
            f"({shorten(a.unit or '?')}, {shorten(b.unit or '?')}), so they are not compared.",
            tolerance,
        )
    if a.interval.overlaps(b.interval):
        return ctx.finding(
            DIFFERENT_VALUES,
            ROUNDING,
            anchor,
            (a, b),
            f"{both} differ, but {a.text} means {ia} and {b.text} means {ib}, which overlap, "
            "so the gap is within the published precision and stated bounds.",
            tolerance,
        )
    why = _soften((a, b), anchor.period)
    explanation = f"{both} differ beyond rounding: {a.text} means {ia} and {b.text} means {ib}"
    explanation += f", which do not overlap; {why}." if why else ", which do not overlap."
    return ctx.finding(
        DIFFERENT_VALUES, NOTE if why else CONFLICT, anchor, (a, b), explanation, tolerance
    )


def _related(ctx: _Context, variable: str, like: _Obs, period: str | None) -> list[_Obs]:
    """Observations of ``variable`` with ``like``'s area and breakdown, for ``period``.

    A currency conversion of another observation is not an independent figure: left out.
    """
    return [
        obs
        for obs in ctx.observations.values()
        if obs.variable == variable
        and obs.area == like.area
        and obs.breakdown == like.breakdown
        and obs.period == period
        and obs.conversion_of is None
    ]


def _group_by(observations: Iterable[_Obs], key: Any) -> list[list[_Obs]]:
    groups: dict[Any, list[_Obs]] = defaultdict(list)
    for obs in observations:
        groups[key(obs)].append(obs)
    return [groups[k] for k in sorted(groups, key=repr)]


def _check_changes(ctx: _Context, report: CheckReport) -> None:
    changes = [
        o
        for o in ctx.observations.values()
        if o.variable in ctx.variables.change_of and o.conversion_of is None
    ]
    for group in _group_by(changes, _measure_key):
        anchor = group[0]
        base_var = ctx.variables.change_of[anchor.variable]
        change_type = ctx.variables.change_type.get(anchor.variable)
        iris = tuple(sorted(o.iri for o in group))
        skip = None
        if change_type not in _CHANGE_TYPES:
            skip = "its variable has no known aikg:changeType"
        elif anchor.base_period is None:
            skip = "it has no aikg:basePeriod"
        if skip:
            report.skipped.append(Skipped(STATED_CHANGE, iris, anchor.variable, skip))
            continue
        bases = _related(ctx, base_var, anchor, anchor.base_period)
        news = _related(ctx, base_var, anchor, anchor.period)
        if not bases or not news:
            missing = [
                f"no observation of {shorten(base_var)} for {p}"
                for p, found in ((anchor.base_period, bases), (anchor.period, news))
                if not found
            ]
            reason = " and ".join(missing) + " with the same area and breakdown"
            report.skipped.append(Skipped(STATED_CHANGE, iris, anchor.variable, reason))
            continue
        level_unit = bases[0].unit
        non_negative = ctx.non_negative(base_var, level_unit)
        stated = _stated_values(group, "change", ctx.sources, non_negative=False)
        base_values = _stated_values(bases, "base", ctx.sources, non_negative=non_negative)
        new_values = _stated_values(news, "new", ctx.sources, non_negative=non_negative)
        reading_note = _reading_note(ctx.graph, group)
        for change, base, new in product(stated, base_values, new_values):
            if base.unit != new.unit or (
                change_type == str(AIKG.AbsoluteChange) and change.unit != base.unit
            ):
                continue  # figures in different units are not related
            report.checked[STATED_CHANGE] += 1
            finding = _compare_change(ctx, anchor, change_type, change, base, new, reading_note)
            if finding is not None:
                report.findings.append(finding)


def _reading_note(graph: Graph, group: Sequence[_Obs]) -> str | None:
    for obs in group:
        note = _label_like(graph, obs.iri, AIKG.readingNote)
        if note:
            return note
    return None


def _label_like(graph: Graph, iri: str, predicate: URIRef) -> str | None:
    texts = [o for o in graph.objects(URIRef(iri), predicate) if isinstance(o, Literal)]
    for lang in ("en", "zh"):
        for text in texts:
            if (text.language or "").lower().startswith(lang):
                return str(text)
    return str(texts[0]) if texts else None


_HUNDRED = Decimal(100)
_CHANGE_TYPES = {
    str(AIKG.RelativeChange): "relative",
    str(AIKG.AbsoluteChange): "absolute",
    str(AIKG.PercentagePointChange): "percentage-point",
    str(AIKG.Multiple): "multiple",
}


def _compare_change(
    ctx: _Context,
    anchor: _Obs,
    change_type: str,
    change: StatedValue,
    base: StatedValue,
    new: StatedValue,
    reading_note: str | None,
) -> Finding | None:
    kind = _CHANGE_TYPES[change_type]
    b, n = _show(base.value, base.unit), _show(new.value, new.unit)
    values = (base, new, change)
    extra: dict[str, Any] = {
        "base_variable": base.variable,
        "base_period": anchor.base_period,
        "reading_note": reading_note,
    }
    inputs = f"with {base.tolerance} and {new.tolerance}"
    if kind in ("absolute", "percentage-point"):
        return _judge(
            ctx,
            STATED_CHANGE,
            anchor,
            values,
            change,
            new.value - base.value,
            new.interval - base.interval,
            f"{n} − {b} = {{point}}",
            f"{inputs} the computed difference",
            extra,
        )
    ratio = new.interval.divide(base.interval)
    if base.value <= 0 or ratio is None:
        return ctx.finding(
            STATED_CHANGE,
            NOTE,
            anchor,
            values,
            f"The stated change {change.text} cannot be checked: the base {base.text} "
            f"({_show_interval(base.interval, base.unit)}) may be zero or negative, so the "
            "ratio is unbounded.",
            f"{base.tolerance}; {new.tolerance}; stated {change.tolerance}",
            **extra,
        )
    point = new.value / base.value
    if kind == "multiple":
        return _compare_multiple(ctx, anchor, values, point, ratio, extra)
    return _judge(
        ctx,
        STATED_CHANGE,
        anchor,
        values,
        change,
        (point - 1) * _HUNDRED,
        ratio.affine(_HUNDRED, -_HUNDRED),
        f"{n}/{b} − 1 = {{point}}",
        f"{inputs} the computed change",
        extra,
    )


#: The two readings of 增长N倍, by the formula that gives N, with their wording.
MULTIPLE_READINGS = {
    "new/base − 1": "an increase of N times the base",
    "new/base": "N times the base",
}


def _compare_multiple(
    ctx: _Context,
    anchor: _Obs,
    values: tuple[StatedValue, StatedValue, StatedValue],
    point: Decimal,
    ratio: Interval,
    extra: dict[str, Any],
) -> Finding:
    """增长N倍: accept N = new/base − 1 or N = new/base, and say which reading fits.

    A reading whose computed N lies in the stated figure's own interval matches (a ``note``
    that names it); one whose interval only overlaps it matches within rounding.
    """
    base, new, change = values
    quantum = _display_quantum(change.precision)
    computed = {
        "new/base − 1": (point - 1, ratio.affine(Decimal(1), Decimal(-1))),
        "new/base": (point, ratio),
    }
    exact = [name for name, (p, _) in computed.items() if change.interval.contains(p)]
    fitting = [name for name, (_, iv) in computed.items() if iv.overlaps(change.interval)]
    shown = "; ".join(
        f"read as {MULTIPLE_READINGS[name]} (N = {name}), N = "
        f"{_show(_round(p, quantum, ROUND_HALF_EVEN), None)} in "
        f"{_show_interval(iv, None, quantum)}"
        for name, (p, iv) in computed.items()
    )
    head = (
        f"{_show(new.value, new.unit)}/{_show(base.value, base.unit)} = "
        f"{_show(_round(point, quantum, ROUND_HALF_EVEN), None)}; stated {change.text}; with "
        f"{base.tolerance} and {new.tolerance}, {shown}"
    )
    tolerance = f"{base.tolerance}; {new.tolerance}; stated {change.tolerance}"
    matched = exact or fitting
    if matched:
        reading = " or ".join(matched)
        which = "both readings match" if len(matched) == 2 else f"the N = {matched[0]} reading"
        if len(matched) == 1:
            which += " matches"
        how = "" if exact else " within rounding"
        p, iv = computed[matched[0]]
        return ctx.finding(
            STATED_CHANGE,
            NOTE if exact else ROUNDING,
            anchor,
            values,
            f"{head}: {which} the stated multiple{how}.",
            tolerance,
            computed=p,
            computed_interval=iv,
            reading=reading,
            **extra,
        )
    why = _soften(values, anchor.period)
    tail = f"; {why}." if why else ": neither reading matches the stated multiple."
    return ctx.finding(
        STATED_CHANGE,
        NOTE if why else CONFLICT,
        anchor,
        values,
        head + tail,
        tolerance,
        computed=point,
        computed_interval=ratio,
        **extra,
    )


def _judge(
    ctx: _Context,
    kind: str,
    anchor: _Obs,
    values: Sequence[StatedValue],
    stated: StatedValue,
    point: Decimal,
    interval: Interval,
    formula: str,
    lead: str,
    extra: dict[str, Any],
) -> Finding | None:
    """Compare a stated figure with the figure computed from the values it relates.

    None when the computed point lies in the stated figure's own interval (no gap at all).
    """
    if stated.interval.contains(point):
        return None
    quantum = _display_quantum(stated.precision)
    unit = stated.unit
    shown = _show_interval(interval, unit, quantum)
    computed = _show(_round(point, quantum, ROUND_HALF_EVEN), unit)
    head = formula.format(point=computed) + f"; stated {stated.text}; {lead} lies in {shown}"
    tolerance = "; ".join(v.tolerance for v in values if v is not stated)
    tolerance += f"; stated {stated.tolerance}"
    if stated.qualifier in _QUALIFIER_BOUNDS or stated.precision == 0:
        relation = f"{stated.text} ({_show_interval(stated.interval, unit)})"
    else:
        relation = f"{stated.text} ± {_show(stated.precision / 2, unit, suffix=False)}"
    result = {"computed": point, "computed_interval": interval, **extra}
    if interval.overlaps(stated.interval):
        plain = stated.qualifier not in _QUALIFIER_BOUNDS and interval.contains(stated.value)
        tail = f", which contains {stated.text}" if plain else f", which overlaps {relation}"
        return ctx.finding(
            kind,
            ROUNDING,
            anchor,
            values,
            f"{head}{tail}: a rounding-level gap, not a conflict.",
            tolerance,
            **result,
        )
    why = _soften(values, anchor.period)
    tail = f", which does not overlap {relation}"
    tail += f"; {why}." if why else ": the stated figure does not match the values it relates."
    return ctx.finding(
        kind, NOTE if why else CONFLICT, anchor, values, head + tail, tolerance, **result
    )


def _check_shares(ctx: _Context, report: CheckReport) -> None:
    shares = [
        o
        for o in ctx.observations.values()
        if o.variable in ctx.variables.numerator and o.conversion_of is None
    ]
    for group in _group_by(shares, _measure_key):
        anchor = group[0]
        count_var = ctx.variables.numerator[anchor.variable]
        iris = tuple(sorted(o.iri for o in group))
        if anchor.denominator is None:
            reason = "it has no schema:measurementDenominator"
            report.skipped.append(Skipped(SHARE, iris, anchor.variable, reason))
            continue
        if anchor.unit not in (None, str(UNIT.PERCENT)):
            reason = f"its unit {shorten(anchor.unit or '')} is not percent"
            report.skipped.append(Skipped(SHARE, iris, anchor.variable, reason))
            continue
        counts = _related(ctx, count_var, anchor, anchor.period)
        bases = _related(ctx, anchor.denominator, anchor, anchor.period)
        if not counts or not bases:
            missing = [
                f"no observation of {shorten(var)}"
                for var, found in ((count_var, counts), (anchor.denominator, bases))
                if not found
            ]
            reason = (
                " and ".join(missing) + f" for {anchor.period} with the same area and breakdown"
            )
            report.skipped.append(Skipped(SHARE, iris, anchor.variable, reason))
            continue
        stated = _stated_values(group, "share", ctx.sources, non_negative=True)
        count_values = _stated_values(
            counts, "count", ctx.sources, non_negative=ctx.non_negative(count_var, counts[0].unit)
        )
        base_values = _stated_values(
            bases,
            "denominator",
            ctx.sources,
            non_negative=ctx.non_negative(anchor.denominator, bases[0].unit),
        )
        for share, count, base in product(stated, count_values, base_values):
            report.checked[SHARE] += 1
            finding = _compare_share(ctx, anchor, share, count, base)
            if finding is not None:
                report.findings.append(finding)


def _compare_share(
    ctx: _Context, anchor: _Obs, share: StatedValue, count: StatedValue, base: StatedValue
) -> Finding | None:
    values = (count, base, share)
    extra: dict[str, Any] = {"base_variable": base.variable}
    ratio = count.interval.divide(base.interval)
    if base.value <= 0 or ratio is None:
        return ctx.finding(
            SHARE,
            NOTE,
            anchor,
            values,
            f"The share {share.text} cannot be checked: the base {base.text} "
            f"({_show_interval(base.interval, base.unit)}) may be zero, so the ratio is "
            "unbounded.",
            f"{count.tolerance}; {base.tolerance}; stated {share.tolerance}",
            **extra,
        )
    c, d = _show(count.value, count.unit), _show(base.value, base.unit)
    return _judge(
        ctx,
        SHARE,
        anchor,
        values,
        share,
        count.value / base.value * _HUNDRED,
        ratio.affine(_HUNDRED),
        f"{c}/{d} = {{point}}",
        f"with {count.tolerance} and {base.tolerance} the computed share",
        extra,
    )


# --------------------------------------------------------------------------------------------
# Entry point


def check(graph: Graph) -> CheckReport:
    """Run the three checks over ``graph`` (observations only; targets are never read)."""
    with localcontext() as decimal_context:
        decimal_context.prec = 50
        ctx = _Context(graph, _read_observations(graph), _read_variables(graph), _Sources(graph))
        report = CheckReport()
        _check_different_values(ctx, report)
        _check_changes(ctx, report)
        _check_shares(ctx, report)
    order = {severity: i for i, severity in enumerate(SEVERITIES)}
    report.findings.sort(
        key=lambda f: (
            order[f.severity],
            KINDS.index(f.kind),
            f.variable,
            f.period or "",
            f.area or "",
            f.breakdown,
        )
    )
    report.skipped.sort(key=lambda s: (KINDS.index(s.kind), s.variable, s.observations))
    return report
