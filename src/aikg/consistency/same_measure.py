"""Check (a), ``different-values``: observations of one measure that state different values.

One measure is one variable, area, period, base period, breakdown and denominator. Two figures
whose intervals overlap differ only within rounding; a figure that is the source's currency
conversion of the other is not compared.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

from aikg.consistency.context import Context, measure_key
from aikg.consistency.display import show_interval
from aikg.consistency.facts import Observation
from aikg.consistency.report import (
    CONFLICT,
    DIFFERENT_VALUES,
    NOTE,
    ROUNDING,
    CheckReport,
    Finding,
    StatedValue,
)
from aikg.consistency.stated import soften, stated_values, who
from aikg.namespaces import shorten


def check_different_values(ctx: Context, report: CheckReport) -> None:
    """Compare every two distinct figures stated for one measure."""
    groups: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
    for obs in ctx.observations.values():
        groups[measure_key(obs)].append(obs)
    for group in groups.values():
        if len(group) < 2:
            continue
        anchor = group[0]
        non_negative = ctx.non_negative(anchor.variable, anchor.unit)
        values = stated_values(group, "value", ctx.sources, non_negative=non_negative)
        report.checked[DIFFERENT_VALUES] += 1
        for a, b in combinations(values, 2):
            if not ctx.converts(a, b):
                report.findings.append(_compare_values(ctx, anchor, a, b))


def _compare_values(ctx: Context, anchor: Observation, a: StatedValue, b: StatedValue) -> Finding:
    ia, ib = show_interval(a.interval, a.unit), show_interval(b.interval, b.unit)
    both = f"{a.text} ({who(a)}) and {b.text} ({who(b)})"
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
    why = soften((a, b), anchor.period)
    explanation = f"{both} differ beyond rounding: {a.text} means {ia} and {b.text} means {ib}"
    explanation += f", which do not overlap; {why}." if why else ", which do not overlap."
    return ctx.finding(
        DIFFERENT_VALUES, NOTE if why else CONFLICT, anchor, (a, b), explanation, tolerance
    )
