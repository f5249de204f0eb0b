"""How figures read for people: ``249000000`` as ``2.49亿``, intervals as ``[2.485亿, 2.495亿)``."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from aikg.consistency.intervals import Interval
from aikg.namespaces import AIKGUNIT, CUR, UNIT
from aikg.number_display import display_number
from aikg.numbers import canonical

#: What follows a figure of each unit (a module constant: it is read for every figure shown).
_SUFFIXES = {
    str(UNIT.PERCENT): "%",
    str(AIKGUNIT.PERCENT_POINT): " pp",
    str(CUR.CNY): "元",
    str(CUR.USD): " USD",
    str(AIKGUNIT.TIMES): " times",
}
_PLAIN = (str(UNIT.PERCENT), str(AIKGUNIT.PERCENT_POINT), str(AIKGUNIT.TIMES))


def _unit_suffix(unit: str | None) -> str:
    return _SUFFIXES.get(unit or "", "")


def show(value: Decimal, unit: str | None, *, suffix: bool = True, places: int = 0) -> str:
    """``249000000`` -> ``2.49亿``, ``17.7`` (percent) -> ``17.7%``; infinities as ``∞``.

    ``places`` pads a percentage or multiple to that many decimals (``25`` -> ``25.0``).
    """
    if value.is_infinite():
        return "∞" if value > 0 else "−∞"
    end = _unit_suffix(unit) if suffix else ""
    if unit in _PLAIN:
        text = canonical(value)
        decimals = len(text.partition(".")[2])
        if decimals < places:
            text += ("" if decimals else ".") + "0" * (places - decimals)
        return text + end
    return display_number(value, "zh", "scaled") + end


def show_interval(interval: Interval, unit: str | None, quantum: Decimal | None = None) -> str:
    """``[2.485亿, 2.495亿)``; with ``quantum`` the ends are rounded outward to it."""
    lo, hi = interval.lo, interval.hi
    if quantum is not None and quantum > 0:
        lo, hi = round_to(lo, quantum, ROUND_FLOOR), round_to(hi, quantum, ROUND_CEILING)
        places = _places(quantum * 10)
        shown = (show(lo, unit, places=places), show(hi, unit, places=places))
        return f"[{shown[0]}, {shown[1]}]"
    opening = "(" if interval.lo_open else "["
    closing = ")" if interval.hi_open else "]"
    return f"{opening}{show(lo, unit)}, {show(hi, unit)}{closing}"


def _places(precision: Decimal) -> int:
    """The number of decimal places of a precision: 0.1 -> 1, 1000000 -> 0."""
    exponent = precision.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def round_to(value: Decimal, quantum: Decimal, rounding: str) -> Decimal:
    """``value`` rounded to a multiple of ``quantum``; infinities unchanged."""
    if not value.is_finite():
        return value
    return (value / quantum).to_integral_value(rounding=rounding) * quantum


def display_quantum(precision: Decimal) -> Decimal:
    """One digit finer than the stated figure's precision."""
    return precision / 10 if precision > 0 else Decimal("0.0001")
