"""What a time expression means (:class:`TimeExpr`), and the calendar arithmetic of readings:
month ends, the parts of a year (上半年, 前三季度, "the first nine months"), relative years, a
period moved by whole years.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_NUMBER = {name: index + 1 for index, name in enumerate(MONTHS_EN.split("|"))}
_CN_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "首": 1}
EN_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


@dataclass(frozen=True)
class TimeExpr:
    """A time expression of the text and its reading."""

    start: int
    end: int
    text: str
    iso: str | None  # the period, None for a goal
    goal_year: int | None = None
    reading_en: str = ""
    reading_zh: str = ""
    comparison: bool = False  # the base of a comparison (较2025年12月), not a period
    relative: bool = False  # a comparison one year back from the period (上年同期, a year earlier)
    anaphor: bool = False  # "over the same period": the period stated before
    span: tuple[int, int] | None = None  # a span of years (2021—2025年, “十四五”以来)
    at_end: bool = False  # an anaphor for the end of the period stated before ("by the end of it")

    @property
    def is_goal(self) -> bool:
        return self.goal_year is not None

    @property
    def dates(self) -> bool:
        """Whether the expression dates a number by itself."""
        return not (self.comparison or self.anaphor)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def latest_month_end(month: int, doc: date) -> date:
    """The end of the latest month ``month`` that is not after the document date."""
    end = month_end(doc.year, month)
    return end if end <= doc else month_end(doc.year - 1, month)


def year_part(year: int, part: str | None) -> tuple[str, bool]:
    """(ISO period, is an instant) of a part of a year (上半年, 前三季度, 底 ...); a part's end
    (三季度末, 上半年末, "the end of the third quarter"): the part's last day."""
    part = (part or "").strip()
    whole = part.removeprefix("end of ") if part.startswith("end of ") else None
    if whole is None and part[-1:] in ("末", "底") and part[:-1] not in ("", "年"):
        whole = part[:-1]  # 三季度末 (not 年底, 底: the year's end, below)
    if whole is not None:
        return year_part(year, whole)[0].rsplit("/", 1)[-1], True
    if part in ("", "全年", "full year"):
        return f"{year}-01-01/{year}-12-31", False
    if part in ("年底", "年末", "底", "末", "end"):
        return f"{year}-12-31", True
    if part in ("上半年", "中期", "半年度", "半年报", "first half"):
        return f"{year}-01-01/{year}-06-30", False
    if part in ("下半年", "second half"):
        return f"{year}-07-01/{year}-12-31", False
    if part.replace("3", "三") in ("前三季度", "前三个季度", "首三季度", "首三季", "前三季") or (
        part == "first three quarters"
    ):
        return f"{year}-01-01/{year}-09-30", False
    months = re.fullmatch(r"前([一二三四五六七八九十]{1,2}|\d{1,2})个?月", part)
    if months or (part.startswith("first ") and part.endswith(" months")):
        word = months.group(1) if months else part.split()[1]
        n = month_count(word)
        return f"{year}-01-01/{month_end(year, n).isoformat()}", False
    english = {"first quarter": "一季度", "second quarter": "二季度", "third quarter": "三季度"}
    part = english.get(part, "四季度" if part == "fourth quarter" else part)
    quarter = _CN_NUMBER[part.removeprefix("第")[0]]
    first = 3 * quarter - 2
    return f"{year}-{first:02d}-01/{month_end(year, first + 2).isoformat()}", False


def month_count(word: str) -> int:
    """The number of months of 前九个月, 前9个月, "the first nine months" (1 to 12)."""
    if word.isdigit():
        n = int(word)
    elif word in EN_COUNT:
        n = EN_COUNT[word]
    else:
        tens, _, units = word.partition("十")
        digits = "一二三四五六七八九"
        if "十" in word:
            n = (digits.index(tens) + 1 if tens else 1) * 10 + (
                digits.index(units) + 1 if units else 0
            )
        else:
            n = digits.index(word) + 1
    return min(max(n, 1), 12)


def part_year(part: str, doc: date) -> int:
    """The year of a part of a year named without one: the latest that has ended by ``doc``."""
    iso, _ = year_part(doc.year, part)
    end = date.fromisoformat(iso.rsplit("/", 1)[-1])
    return doc.year if end <= doc else doc.year - 1


def relative_year(rel: str, doc: date) -> int:
    if rel in ("今年", "this year", "the year"):
        return doc.year
    if rel in ("前年",):
        return doc.year - 2
    if rel in ("明年", "next year"):
        return doc.year + 1
    return doc.year - 1


def shift_year(iso: str, years: int = -1) -> str | None:
    """``iso`` (a date or a closed interval) moved by ``years``; None for an open period."""
    if iso.startswith("..") or iso.endswith(".."):
        return None

    def move(text: str) -> str:
        day = date.fromisoformat(text)
        try:
            return day.replace(year=day.year + years).isoformat()
        except ValueError:  # 29 February
            return day.replace(year=day.year + years, day=28).isoformat()

    return "/".join(move(part) for part in iso.split("/"))
