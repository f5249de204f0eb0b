"""What :func:`~aikg.consistency.check` reports: findings, the figures they cite, and JSON.

A finding is a ``conflict``, a gap ``consistent-within-rounding``, or a ``note``; each cites the
stated figures it compares (:class:`StatedValue`) with the sources that state them. A finding
that a curator has explained in the graph (:class:`Explanation`) keeps its severity but is
listed apart, and does not fail the check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from aikg.consistency.display import show, show_interval
from aikg.consistency.intervals import QUALIFIER_BOUNDS, Interval
from aikg.numbers import canonical

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
        if self.qualifier in QUALIFIER_BOUNDS:
            return f"{self.text} read as {show_interval(self.interval, self.unit)}"
        if self.precision == 0:
            return f"{self.text} (exact)"
        return f"{self.text} ± {show(self.precision / 2, self.unit, suffix=False)}"

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
class Explanation:
    """A curator's record of why sources disagree (an ``aikg:ExplainedDisagreement``)."""

    iri: str
    kind: str | None  # the notation: revision, different-method, different-scope ...
    kind_label: str | None
    text: str | None  # in English
    text_zh: str | None
    observations: tuple[str, ...]
    #: ``source`` when a document states the reason, ``curators`` when it is the curators' own
    basis: str
    #: the documents that state the reason: (document IRI, title, quote)
    stated_by: tuple[tuple[str, str | None, str | None], ...] = ()

    def covers(self, finding: Finding) -> bool:
        """Whether it names every observation whose figures the finding compares."""
        named = set(self.observations)
        return all(s.observation in named for v in finding.values for s in v.sources)

    def to_json(self) -> dict[str, Any]:
        return {
            "explanation": self.iri,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "text": self.text,
            "text_zh": self.text_zh,
            "observations": list(self.observations),
            "basis": self.basis,
            "stated_by": [
                {"document": document, "title": title, "quote": quote}
                for document, title, quote in self.stated_by
            ],
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
    explained_by: Explanation | None = None  # a curator's explanation in the graph

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
            "explained_by": None if self.explained_by is None else self.explained_by.to_json(),
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
    """Every finding of :func:`~aikg.consistency.check`, with counts of the comparisons it made."""

    findings: list[Finding] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: list[Skipped] = field(default_factory=list)
    #: explanations in the graph that cover no finding (the figures may have been corrected)
    unused_explanations: list[Explanation] = field(default_factory=list)

    def by_severity(self, severity: str) -> list[Finding]:
        """The findings of ``severity`` that no curator has explained."""
        return [f for f in self.findings if f.severity == severity and f.explained_by is None]

    @property
    def explained(self) -> list[Finding]:
        """The findings a curator has explained in the graph: they do not fail the check."""
        return [f for f in self.findings if f.explained_by is not None]

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
            "explained": len(self.explained),
            "unused_explanations": len(self.unused_explanations),
        }

    def to_json(self, *, include_rounding: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; without ``include_rounding`` the rounding gaps are only listed.

        Explained findings are not in ``findings``: they are in ``explained``, in full.
        """
        shown = [
            f
            for f in self.findings
            if f.explained_by is None and (include_rounding or f.severity != ROUNDING)
        ]
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
        data["explained"] = [f.to_json() for f in self.explained]
        data["unused_explanations"] = [e.to_json() for e in self.unused_explanations]
        data["skipped"] = [s.to_json() for s in self.skipped]
        return data
