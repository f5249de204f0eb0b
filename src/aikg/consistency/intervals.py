"""Interval arithmetic on stated figures: the range of true values a figure may stand for.

A stated value ``v`` of published precision ``p`` stands for ``[v - p/2, v + p/2)``; a qualifier
replaces that by the bound it states (:data:`QUALIFIER_BOUNDS`). A computed figure gets the
interval obtained by interval arithmetic over the intervals of its inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from aikg.numbers import canonical
from aikg.qualifiers import QUALIFIERS

INF = Decimal("Infinity")

#: Bound of each bounding qualifier notation (direction, exclusive) when the graph lacks the
#: scheme; read from the one qualifier table, :data:`aikg.qualifiers.QUALIFIERS`.
QUALIFIER_BOUNDS: dict[str, tuple[str, bool]] = {
    q.notation: (q.bound, q.exclusive) for q in QUALIFIERS.values() if q.bound is not None
}


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
