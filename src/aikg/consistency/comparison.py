"""Judging a stated change or share against the figure computed from the values it relates.

The computed figure's interval comes from interval arithmetic over the related values'
intervals. It is consistent with the stated figure when the two intervals overlap: a gap is then
``consistent-within-rounding``; otherwise a ``conflict``, or a ``note`` where the data cannot
support one (:func:`~aikg.consistency.stated.soften`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from aikg.consistency.context import Context
from aikg.consistency.display import display_quantum, round_to, show, show_interval
from aikg.consistency.facts import Observation
from aikg.consistency.intervals import QUALIFIER_BOUNDS, Interval
from aikg.consistency.report import CONFLICT, NOTE, ROUNDING, Finding, StatedValue
from aikg.consistency.stated import soften

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Comparison:
    """A stated figure and the stated values it relates: the makings of one finding.

    ``values`` are the related values, then the stated figure, in the order a finding lists
    them; ``extra`` holds the finding's fields particular to the kind (the base variable …).
    """

    ctx: Context
    kind: str
    anchor: Observation
    values: tuple[StatedValue, ...]
    extra: dict[str, Any]

    @property
    def stated(self) -> StatedValue:
        return self.values[-1]

    @property
    def tolerance(self) -> str:
        """The tolerance of each related value, then that of the stated figure."""
        related = "; ".join(v.tolerance for v in self.values if v is not self.stated)
        return f"{related}; stated {self.stated.tolerance}"

    def finding(self, severity: str, explanation: str, **result: Any) -> Finding:
        return self.ctx.finding(
            self.kind,
            severity,
            self.anchor,
            self.values,
            explanation,
            self.tolerance,
            **result,
            **self.extra,
        )

    def unbounded(self, subject: str, base: StatedValue, may_be: str) -> Finding:
        """A note: the ratio to ``base`` is unbounded, so the stated figure cannot be checked."""
        return self.finding(
            NOTE,
            f"{subject} {self.stated.text} cannot be checked: the base {base.text} "
            f"({show_interval(base.interval, base.unit)}) may be {may_be}, so the ratio is "
            "unbounded.",
        )

    def judge(self, point: Decimal, interval: Interval, formula: str, lead: str) -> Finding | None:
        """Compare the stated figure with the figure computed from the values it relates.

        ``point`` is computed from the stated values, ``interval`` from their intervals;
        ``formula`` shows the computation (``{point}`` stands for its result) and ``lead``
        introduces the interval. None when the computed point lies in the stated figure's own
        interval (no gap at all).
        """
        stated = self.stated
        if stated.interval.contains(point):
            return None
        quantum = display_quantum(stated.precision)
        unit = stated.unit
        shown = show_interval(interval, unit, quantum)
        computed = show(round_to(point, quantum, ROUND_HALF_EVEN), unit)
        head = formula.format(point=computed) + f"; stated {stated.text}; {lead} lies in {shown}"
        if stated.qualifier in QUALIFIER_BOUNDS or stated.precision == 0:
            relation = f"{stated.text} ({show_interval(stated.interval, unit)})"
        else:
            relation = f"{stated.text} ± {show(stated.precision / 2, unit, suffix=False)}"
        result = {"computed": point, "computed_interval": interval}
        if interval.overlaps(stated.interval):
            plain = stated.qualifier not in QUALIFIER_BOUNDS and interval.contains(stated.value)
            tail = f", which contains {stated.text}" if plain else f", which overlaps {relation}"
            return self.finding(
                ROUNDING, f"{head}{tail}: a rounding-level gap, not a conflict.", **result
            )
        why = soften(self.values, self.anchor.period)
        tail = f", which does not overlap {relation}"
        tail += f"; {why}." if why else ": the stated figure does not match the values it relates."
        return self.finding(NOTE if why else CONFLICT, head + tail, **result)
