"""Check (b), ``stated-change``: a stated change against the two levels it relates.

A change variable's ``aikg:changeOf`` names the level; its ``aikg:changeType`` says how the
change is computed from the level at the base period and at the observation's period: a
relative change in percent, an absolute or percentage-point difference, or a growth multiple
(增长N倍, which has two readings).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from itertools import product

from aikg.consistency.comparison import HUNDRED, Comparison
from aikg.consistency.context import Context, missing, skip
from aikg.consistency.display import display_quantum, round_to, show, show_interval
from aikg.consistency.facts import Observation, reading_note
from aikg.consistency.intervals import Interval
from aikg.consistency.report import (
    CONFLICT,
    NOTE,
    ROUNDING,
    STATED_CHANGE,
    CheckReport,
    Finding,
    StatedValue,
)
from aikg.consistency.stated import soften, stated_values
from aikg.namespaces import AIKG

_CHANGE_TYPES = {
    str(AIKG.RelativeChange): "relative",
    str(AIKG.AbsoluteChange): "absolute",
    str(AIKG.PercentagePointChange): "percentage-point",
    str(AIKG.Multiple): "multiple",
}

#: The two readings of 增长N倍, by the formula that gives N, with their wording.
MULTIPLE_READINGS = {
    "new/base − 1": "an increase of N times the base",
    "new/base": "N times the base",
}


def check_changes(ctx: Context, report: CheckReport) -> None:
    """Compare each stated change with the change computed from its base and new levels."""
    for group in ctx.derived(ctx.variables.change_of):
        anchor = group[0]
        base_var = ctx.variables.change_of[anchor.variable]
        change_type = ctx.variables.change_type.get(anchor.variable)
        if change_type is None or change_type not in _CHANGE_TYPES:
            skip(report, STATED_CHANGE, group, "its variable has no known aikg:changeType")
            continue
        if anchor.base_period is None:
            skip(report, STATED_CHANGE, group, "it has no aikg:basePeriod")
            continue
        bases = ctx.related(base_var, anchor, anchor.base_period)
        news = ctx.related(base_var, anchor, anchor.period)
        reason = missing(
            (base_var, f" for {anchor.base_period}", bases),
            (base_var, f" for {anchor.period}", news),
        )
        if reason:
            skip(report, STATED_CHANGE, group, reason)
            continue
        level_unit = bases[0].unit
        non_negative = ctx.non_negative(base_var, level_unit)
        stated = stated_values(group, "change", ctx.sources, non_negative=False)
        base_values = stated_values(bases, "base", ctx.sources, non_negative=non_negative)
        new_values = stated_values(news, "new", ctx.sources, non_negative=non_negative)
        note = reading_note(ctx.graph, group)
        for change, base, new in product(stated, base_values, new_values):
            if base.unit != new.unit or (
                change_type == str(AIKG.AbsoluteChange) and change.unit != base.unit
            ):
                continue  # figures in different units are not related
            report.checked[STATED_CHANGE] += 1
            finding = _compare_change(ctx, anchor, change_type, change, base, new, note)
            if finding is not None:
                report.findings.append(finding)


def _compare_change(
    ctx: Context,
    anchor: Observation,
    change_type: str,
    change: StatedValue,
    base: StatedValue,
    new: StatedValue,
    note: str | None,
) -> Finding | None:
    kind = _CHANGE_TYPES[change_type]
    b, n = show(base.value, base.unit), show(new.value, new.unit)
    comparison = Comparison(
        ctx,
        STATED_CHANGE,
        anchor,
        (base, new, change),
        {"base_variable": base.variable, "base_period": anchor.base_period, "reading_note": note},
    )
    inputs = f"with {base.tolerance} and {new.tolerance}"
    if kind in ("absolute", "percentage-point"):
        return comparison.judge(
            new.value - base.value,
            new.interval - base.interval,
            f"{n} − {b} = {{point}}",
            f"{inputs} the computed difference",
        )
    ratio = new.interval.divide(base.interval)
    if base.value <= 0 or ratio is None:
        return comparison.unbounded("The stated change", base, "zero or negative")
    point = new.value / base.value
    if kind == "multiple":
        return _compare_multiple(comparison, point, ratio)
    return comparison.judge(
        (point - 1) * HUNDRED,
        ratio.affine(HUNDRED, -HUNDRED),
        f"{n}/{b} − 1 = {{point}}",
        f"{inputs} the computed change",
    )


def _compare_multiple(comparison: Comparison, point: Decimal, ratio: Interval) -> Finding:
    """增长N倍: accept N = new/base − 1 or N = new/base, and say which reading fits.

    A reading whose computed N lies in the stated figure's own interval matches (a ``note``
    that names it); one whose interval only overlaps it matches within rounding.
    """
    base, new, change = comparison.values
    quantum = display_quantum(change.precision)
    computed = {
        "new/base − 1": (point - 1, ratio.affine(Decimal(1), Decimal(-1))),
        "new/base": (point, ratio),
    }
    exact = [name for name, (p, _) in computed.items() if change.interval.contains(p)]
    fitting = [name for name, (_, iv) in computed.items() if iv.overlaps(change.interval)]
    shown = "; ".join(
        f"read as {MULTIPLE_READINGS[name]} (N = {name}), N = "
        f"{show(round_to(p, quantum, ROUND_HALF_EVEN), None)} in "
        f"{show_interval(iv, None, quantum)}"
        for name, (p, iv) in computed.items()
    )
    head = (
        f"{show(new.value, new.unit)}/{show(base.value, base.unit)} = "
        f"{show(round_to(point, quantum, ROUND_HALF_EVEN), None)}; stated {change.text}; with "
        f"{base.tolerance} and {new.tolerance}, {shown}"
    )
    matched = exact or fitting
    if matched:
        reading = " or ".join(matched)
        which = "both readings match" if len(matched) == 2 else f"the N = {matched[0]} reading"
        if len(matched) == 1:
            which += " matches"
        how = "" if exact else " within rounding"
        p, iv = computed[matched[0]]
        return comparison.finding(
            NOTE if exact else ROUNDING,
            f"{head}: {which} the stated multiple{how}.",
            computed=p,
            computed_interval=iv,
            reading=reading,
        )
    why = soften(comparison.values, comparison.anchor.period)
    tail = f"; {why}." if why else ": neither reading matches the stated multiple."
    return comparison.finding(
        NOTE if why else CONFLICT, head + tail, computed=point, computed_interval=ratio
    )
