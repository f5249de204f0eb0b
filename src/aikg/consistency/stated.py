"""The meaning of a stated figure: the interval it stands for, its text, and who states it.

Equal figures of several observations merge into one :class:`StatedValue` citing every source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from aikg.consistency.display import show
from aikg.consistency.facts import Observation, Sources
from aikg.consistency.intervals import INF, Interval
from aikg.consistency.report import StatedValue
from aikg.namespaces import shorten
from aikg.qualifiers import QUALIFIERS


def _interval(obs: Observation, *, non_negative: bool) -> Interval:
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


def _text(obs: Observation) -> str:
    qualifier = QUALIFIERS.get(obs.qualifier or "")
    shown = show(obs.value, obs.unit)
    return qualifier.display_en(shown) if qualifier else shown


def _signature(obs: Observation) -> tuple[Any, ...]:
    return (
        obs.value,
        obs.precision,
        obs.qualifier,
        obs.unit,
        obs.min_value,
        obs.max_value,
        obs.estimated,
    )


def stated_values(
    observations: Iterable[Observation], role: str, sources: Sources, *, non_negative: bool
) -> list[StatedValue]:
    """The distinct figures of ``observations``, each with every source that states it."""
    merged: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
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


def soften(values: Sequence[StatedValue], period: str | None) -> str | None:
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


def who(value: StatedValue) -> str:
    """The publishers (else documents) that state ``value``, for people."""
    names = []
    for source in value.sources:
        name = source.publisher_label or shorten(source.document)
        if name not in names:
            names.append(name)
    return ", ".join(names) or "unknown source"
