"""Headlines: a number a headline repeats from the body is the body's statement, drafted once.

Reads the figures :func:`aikg.extraction.quantities.find_quantities` found and the layout's
headline lines; returns the figures without the headline's repeats.
"""

from __future__ import annotations

import re
from decimal import Decimal

from aikg.extraction.layout import Layout
from aikg.extraction.quantities import Mention


def drop_headline_repeats(layout: Layout, mentions: list[Mention]) -> list[Mention]:
    """A headline's number that the body states again is the body's statement.

    Again: the same value in the same unit, or in no unit ("27.4 pct" for "27.4 percent"), or
    the body's value rounded to the headline's precision (近6.9亿 for 6.87亿).
    """
    body = [m for m in mentions if not (layout.line_of(m.start) or _NO_LINE).headline]
    kept = []
    for mention in mentions:
        line = layout.line_of(mention.start)
        if line is not None and line.headline and any(_restates(mention, b) for b in body):
            continue
        kept.append(mention)
    return kept


def _restates(head: Mention, body: Mention) -> bool:
    counts = ("count", "person")
    # "346 generative AI services" in a headline, "A total of 346" in the body: one count
    if (
        head.unit is not None
        and head.unit != body.unit
        and not (head.unit in counts and body.unit in (None, *counts))
    ):
        return False
    if head.value == body.value:
        return True
    digits = re.search(r"\d+(?:\.(\d+))?", head.value_text)
    if digits is None or (head.unit is None and body.unit not in (None, "count", "person")):
        return False
    step = Decimal(10) ** -len(digits.group(1) or "") * head.quantity.multiplier
    return abs(head.value - body.value) * 2 <= step


class _NoLine:
    headline = False


_NO_LINE = _NoLine()


__all__ = ["drop_headline_repeats"]
