"""How numbers read for people, in Chinese and English: the one place numbers are displayed.

:func:`aikg.numbers.parse_quantity` reads a written quantity into an exact value; this module
writes a value back for people.  Each style is used where its output is pinned:

- ``zh`` ``"exact"`` (graph labels, compiled into ``graph/*.ttl``): 万亿/亿/万 as Chinese
  statistics write them, only when the scaled number has at most four decimals, so the label
  states the exact value;
- ``zh`` ``"scaled"`` (consistency reports, synthetic labels): 亿 or 万 whenever the value
  reaches them, whatever the decimals (``12000亿``: reports compare figures in one unit);
- ``en`` ``"digits"`` (graph labels): thousands separators, ``4,500``;
- ``en`` ``"words"`` (the view's labels): million/billion/trillion, ``600 billion``.

>>> display_number(Decimal("602000000"), "zh")
'6.02亿'
>>> display_number(Decimal("1200000000000"), "zh")
'1.2万亿'
>>> display_number(Decimal("1200000000000"), "zh", "scaled")
'12000亿'
>>> display_number(Decimal("123456789"), "zh"), display_number(Decimal("123456789"), "zh", "scaled")
('12345.6789万', '1.23456789亿')
>>> display_number(Decimal("4500"), "en")
'4,500'
>>> display_number(Decimal("600000000000"), "en", "words")
'600 billion'
>>> display_number(Decimal("35.65"), "en", "words")
'35.65'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from aikg.numbers import UNIT_ZH, Quantity, canonical, is_integral
from aikg.qualifiers import QUALIFIERS

__all__ = ["chinese_quantity", "display_number"]

Style = Literal["exact", "scaled", "digits", "words"]

_ZH_EXACT = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
_ZH_SCALED = ((10**8, "亿"), (10**4, "万"))
_EN_WORDS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def display_number(
    value: Decimal, lang: Literal["zh", "en"] = "zh", style: Style | None = None
) -> str:
    """``value`` written for people in ``lang``; ``style`` defaults to the label style
    (``exact`` in Chinese, ``digits`` in English). See the module docstring for the styles.

    >>> display_number(Decimal("4500"), "zh"), display_number(Decimal("-0.05"), "en")
    ('4500', '-0.05')
    """
    style = style or ("exact" if lang == "zh" else "digits")
    if (lang, style) == ("zh", "exact"):
        for factor, word in _ZH_EXACT:
            if abs(value) >= factor:
                scaled = value / factor
                if scaled == scaled.quantize(Decimal("0.0001")):
                    return canonical(scaled) + word
        return canonical(value)
    if (lang, style) == ("zh", "scaled"):
        for factor, word in _ZH_SCALED:
            if abs(value) >= factor:
                return canonical(value / factor) + word
        return canonical(value)
    if (lang, style) == ("en", "words"):
        for factor, word in _EN_WORDS:
            if abs(value) >= factor:
                return f"{canonical(value / factor)} {word}"
        return f"{int(value):,}" if is_integral(value) else canonical(value)
    if (lang, style) == ("en", "digits"):
        return f"{value:,}" if is_integral(value) else canonical(value)
    raise ValueError(f"no {style!r} number style in {lang!r}")


def chinese_quantity(quantity: Quantity) -> str:
    """The quantity in Chinese, e.g. ``超过1.2万亿元`` for "more than 1.2 trillion yuan".

    >>> from aikg.numbers import parse_quantity
    >>> chinese_quantity(parse_quantity("more than 1.2 trillion yuan"))
    '超过1.2万亿元'
    """
    number = display_number(quantity.value, "zh") + UNIT_ZH.get(quantity.unit or "", "")
    qualifier = QUALIFIERS.get(quantity.qualifier or "")
    return qualifier.display_zh(number) if qualifier else number
