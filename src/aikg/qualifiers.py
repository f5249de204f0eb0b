"""Value qualifiers: the one table of how texts qualify a number ("超过4500家", "nearly 6000").

Each :class:`Qualifier` holds everything aikg knows about one qualifier: its notation (the code
queries return, ``skos:notation`` in ``ontology/schemes.ttl``), its preferred labels, the words
that state it before or after a number (read by :func:`aikg.numbers.parse_quantity`), the bound
it gives (direction, exclusive or not) and how it is displayed around a number in Chinese and
English.  ``tests/test_qualifiers.py`` checks that this table and the ontology's
``aikg:ValueQualifierScheme`` agree.

>>> QUALIFIERS["more-than"].display_zh("4500家")
'超过4500家'
>>> QUALIFIERS["odd"].display_en("10,000")
'over 10,000'
>>> QUALIFIERS["at-most"].bound, QUALIFIERS["at-most"].exclusive
('upper', False)
>>> bounds("nearly", Decimal("6000"))
(None, Decimal('6000'), False, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

__all__ = ["QUALIFIERS", "Qualifier", "bounds"]


@dataclass(frozen=True)
class Qualifier:
    """One value qualifier.

    ``before`` and ``after`` are the phrases (``|``-separated, zh and en) that state it before or
    after the number; ``zh`` is the Chinese display pattern around the number with its unit
    (``{}``) and ``en`` the English words written before the number.
    """

    notation: str
    label_zh: str
    label_en: str
    bound: Literal["lower", "upper"] | None
    exclusive: bool
    zh: str
    en: str
    before: str = ""
    after: str = ""

    def display_zh(self, number: str) -> str:
        """``number`` (with its unit) qualified in Chinese: ``近`` + ``6000亿元``."""
        return self.zh.format(number)

    def display_en(self, number: str) -> str:
        """``number`` (with its unit) qualified in English: ``nearly `` + ``6000``."""
        return self.en + number


_TABLE = (
    Qualifier(
        notation="more-than",
        label_zh="超过",
        label_en="more than",
        bound="lower",
        exclusive=True,
        zh="超过{}",
        en="more than ",
        before="超过|超過|超出|超|逾|多于|多於|高于|高於|大于|大於"
        "|more than|over|above|exceeding|in excess of|greater than",
    ),
    Qualifier(
        notation="at-least",
        label_zh="以上",
        label_en="at least",
        bound="lower",
        exclusive=False,
        zh="{}以上",
        en="at least ",
        before="不少于|不少於|不低于|不低於|至少|突破"
        "|at least|no less than|not less than|no fewer than|not fewer than",
        after="以上|及以上|或以上|or more|or above|and above",
    ),
    # 余/餘/多 are read by the number parser itself, after the number or its magnitude word.
    Qualifier(
        notation="odd",
        label_zh="余",
        label_en="-odd",
        bound="lower",
        exclusive=True,
        zh="{}余",
        en="over ",
    ),
    Qualifier(
        notation="nearly",
        label_zh="接近",
        label_en="nearly",
        bound="upper",
        exclusive=True,
        zh="近{}",
        en="nearly ",
        before="接近|将近|將近|逼近|近|nearly|almost|close to|approaching",
    ),
    Qualifier(
        notation="about",
        label_zh="约",
        label_en="about",
        bound=None,
        exclusive=False,
        zh="约{}",
        en="about ",
        before="约为|約為|约合|約合|大约有|大約有|约有|約有|大约|大約|约|約|大概"
        "|about|around|approximately|roughly|some",
        after="左右",
    ),
    Qualifier(
        notation="less-than",
        label_zh="不足",
        label_en="less than",
        bound="upper",
        exclusive=True,
        zh="不足{}",
        en="less than ",
        before="不足|不到|低于|低於|少于|少於|小于|小於|less than|under|below|fewer than",
    ),
    Qualifier(
        notation="at-most",
        label_zh="以下",
        label_en="at most",
        bound="upper",
        exclusive=False,
        zh="{}以下",
        en="at most ",
        before="不超过|不超過|不多于|不多於|不高于|不高於|至多|最多"
        "|at most|no more than|not more than|up to",
        after="以下|及以下|以内|以內|or less|or fewer|or below",
    ),
)

#: Every qualifier by notation, in the order of the ontology's scheme.
QUALIFIERS: dict[str, Qualifier] = {q.notation: q for q in _TABLE}


def bounds(
    notation: str | None, value: Decimal
) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """(min_value, max_value, min_exclusive, max_exclusive) that qualifier ``notation`` implies.

    >>> bounds("at-least", Decimal(5))
    (Decimal('5'), None, False, False)
    >>> bounds(None, Decimal(5))
    (None, None, False, False)
    """
    qualifier = QUALIFIERS.get(notation or "")
    if qualifier is None or qualifier.bound is None:
        return None, None, False, False
    if qualifier.bound == "lower":
        return value, None, qualifier.exclusive, False
    return None, value, False, qualifier.exclusive
