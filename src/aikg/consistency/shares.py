"""Check (c), ``share``: a share against its count and its base.

The count is an observation of the share variable's ``aikg:numerator``, the base one of the
share's ``schema:measurementDenominator``, both for the share's period, area and breakdown.
"""

from __future__ import annotations

from itertools import product

from aikg.consistency.comparison import HUNDRED, Comparison
from aikg.consistency.context import Context, missing, skip
from aikg.consistency.display import show
from aikg.consistency.facts import Observation
from aikg.consistency.report import SHARE, CheckReport, Finding, StatedValue
from aikg.consistency.stated import stated_values
from aikg.namespaces import UNIT, shorten


def check_shares(ctx: Context, report: CheckReport) -> None:
    """Compare each stated share (in percent) with count / base."""
    for group in ctx.derived(ctx.variables.numerator):
        anchor = group[0]
        count_var = ctx.variables.numerator[anchor.variable]
        denominator = anchor.denominator
        if denominator is None:
            skip(report, SHARE, group, "it has no schema:measurementDenominator")
            continue
        if anchor.unit not in (None, str(UNIT.PERCENT)):
            skip(report, SHARE, group, f"its unit {shorten(anchor.unit or '')} is not percent")
            continue
        counts = ctx.related(count_var, anchor, anchor.period)
        bases = ctx.related(denominator, anchor, anchor.period)
        reason = missing(
            (count_var, "", counts), (denominator, "", bases), where=f" for {anchor.period}"
        )
        if reason:
            skip(report, SHARE, group, reason)
            continue
        stated = stated_values(group, "share", ctx.sources, non_negative=True)
        count_values = stated_values(
            counts, "count", ctx.sources, non_negative=ctx.non_negative(count_var, counts[0].unit)
        )
        base_values = stated_values(
            bases,
            "denominator",
            ctx.sources,
            non_negative=ctx.non_negative(denominator, bases[0].unit),
        )
        for share, count, base in product(stated, count_values, base_values):
            report.checked[SHARE] += 1
            finding = _compare_share(ctx, anchor, share, count, base)
            if finding is not None:
                report.findings.append(finding)


def _compare_share(
    ctx: Context, anchor: Observation, share: StatedValue, count: StatedValue, base: StatedValue
) -> Finding | None:
    comparison = Comparison(
        ctx, SHARE, anchor, (count, base, share), {"base_variable": base.variable}
    )
    ratio = count.interval.divide(base.interval)
    if base.value <= 0 or ratio is None:
        return comparison.unbounded("The share", base, "zero")
    c, d = show(count.value, count.unit), show(base.value, base.unit)
    return comparison.judge(
        count.value / base.value * HUNDRED,
        ratio.affine(HUNDRED),
        f"{c}/{d} = {{point}}",
        f"with {count.tolerance} and {base.tolerance} the computed share",
    )
