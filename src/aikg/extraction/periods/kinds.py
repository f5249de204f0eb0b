"""How each kind of time expression is read: for each kind of
:data:`aikg.extraction.periods.patterns.PATTERNS`, the function that reads its match against the
document date (a table of kind -> reader); :func:`read_match` reads one match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from aikg.extraction.periods.expression import (
    EN_COUNT,
    MONTH_NUMBER,
    TimeExpr,
    latest_month_end,
    month_count,
    month_end,
    part_year,
    relative_year,
    year_part,
)
from aikg.extraction.periods.patterns import AS_OF_CN, GOAL_CN, PATTERNS
from aikg.numbers import arabic_numerals


@dataclass(frozen=True)
class _Found:
    """A match of a pattern of :data:`PATTERNS`, to be read against the document date."""

    match: re.Match[str]
    doc: date
    #: the year the document reviews (see :func:`review_year`), for 全年, 年末 without a year
    review: int | None
    start: int
    end: int
    text: str  # as written

    @classmethod
    def of(
        cls, match: re.Match[str], doc: date, original: str | None, review: int | None
    ) -> _Found:
        text = match.group().strip()
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        end = start + len(text)
        if original is not None:
            text = original[start:end]
        return cls(match, doc, review, start, end, text)

    def group(self, name: str) -> str | None:
        return self.match.groupdict().get(name)

    def number(self, name: str) -> int | None:
        """The group ``name`` as an integer, None when it did not match."""
        value = self.group(name)
        return _numeral(value) if value else None

    @property
    def pre(self) -> str:
        return (self.group("pre") or "").strip()

    def expr(self, iso: str | None, en: str, zh: str, goal: int | None = None) -> TimeExpr:
        return TimeExpr(self.start, self.end, self.text, iso, goal, en, zh)

    def years_before(self, en: str, zh: str, first: int, last: int) -> TimeExpr:
        """A span of years (过去五年, “十四五”以来) that takes the period stated before it."""
        return TimeExpr(
            self.start, self.end, self.text, None, None, en, zh, anaphor=True, span=(first, last)
        )

    def marker(
        self,
        *,
        comparison: bool = False,
        relative: bool = False,
        anaphor: bool = False,
        at_end: bool = False,
    ) -> TimeExpr:
        """An expression that does not date a number by itself (a comparison, an anaphor)."""
        return TimeExpr(
            self.start,
            self.end,
            self.text,
            None,
            None,
            "",
            "",
            comparison=comparison,
            relative=relative,
            anaphor=anaphor,
            at_end=at_end,
        )


def _goal(found: _Found, kind: str) -> TimeExpr | None:
    """A goal when a goal word names a span that ends after the document date (到2027年,
    by 2026); else None (the expression is read as a period)."""
    year = found.number("y")
    pre = found.pre
    goal_word = pre in GOAL_CN.split("|") or pre == "by" or kind == "en_by"
    month = found.number("m") or MONTH_NUMBER.get(found.group("mon") or "")
    if year is None or not goal_word:
        return None
    ends = month_end(year, month) if month else date(year, 12, 31)
    if ends <= found.doc:
        return None
    text = found.text
    return found.expr(None, f"{text}: a goal for {year}.", f"{text}：{year}年的目标。", year)


#: The kinds whose year is a goal after a goal word (see :func:`_goal`).
_GOAL_KINDS = frozenset(
    ("cn_ymd", "cn_y", "en_by", "en_in", "en_end", "en_month", "en_part", "en_month_y")
)


def _month_range(found: _Found) -> TimeExpr | None:
    """2026年8月至9月, "August to September 2026": the months as one span."""
    g, doc = found.group, found.doc
    m1, m2 = found.number("m1"), found.number("m2")
    m1 = MONTH_NUMBER[g("mon1") or ""] if m1 is None else m1
    m2 = MONTH_NUMBER[g("mon2") or ""] if m2 is None else m2
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    y1, y2 = found.number("y1"), found.number("y2")
    if y1 is None and y2 is None:
        y2 = latest_month_end(m2, doc).year
    if y1 is None:
        assert y2 is not None
        y1 = y2 if m1 <= m2 else y2 - 1
    if y2 is None:
        y2 = y1 if m1 <= m2 else y1 + 1
    if (y1, m1) >= (y2, m2) or y2 - y1 > 1:
        return None
    iso = f"{y1}-{m1:02d}-01/{month_end(y2, m2).isoformat()}"
    text = found.text
    return found.expr(
        iso, f"{text}: the months as one span, {iso}.", f"{text}：所述月份合为一段，{iso}。"
    )


def _year_to_month(found: _Found) -> TimeExpr | None:
    """2013年至2022年11月: a cumulative span from the start of the first year to the end of
    the month (not the month's end alone, as 至2022年11月 would read by itself)."""
    y1, y2, m2 = found.number("y1"), found.number("y2"), found.number("m2")
    if y1 is None or y2 is None or m2 is None or not 1 <= m2 <= 12 or y1 > y2:
        return None
    iso = f"{y1}-01-01/{month_end(y2, m2).isoformat()}"
    text = found.text
    return found.expr(
        iso,
        f"{text}: from the start of {y1} to the end of the month, {iso}.",
        f"{text}：自{y1}年初至该月末，{iso}。",
    )


def _cn_month(found: _Found) -> TimeExpr | None:
    """6月份: the month as a span (a flow over it, 日均); with 截至, its end."""
    month = int(found.group("m") or 0)
    if not 1 <= month <= 12:
        return None
    year = found.group("y")
    last = month_end(int(year), month) if year else latest_month_end(month, found.doc)
    text = found.text
    if found.pre:
        return found.expr(last.isoformat(), f"{text}: {last}.", f"{text}：{last}。")
    iso = f"{last.year}-{month:02d}-01/{last.isoformat()}"
    return found.expr(iso, f"{text}: the month, {iso}.", f"{text}：该月，{iso}。")


def _bare_month(found: _Found) -> TimeExpr | None:
    """10月 (今年10月): the month as a span, a flow over it; without a year, the latest such
    month ended by the document date (as "in October")."""
    month = _numeral(found.group("m"))
    doc, text, rel = found.doc, found.text, found.group("rel")
    last = month_end(relative_year(rel, doc), month) if rel else latest_month_end(month, doc)
    iso = f"{last.year}-{month:02d}-01/{last.isoformat()}"
    if rel:
        return found.expr(iso, f"{text}: the month, {iso}.", f"{text}：该月，{iso}。")
    return found.expr(
        iso,
        f"{text} names no year; the latest such month ended by {doc}: {iso}.",
        f"“{text}”未写年份；按文件日期{doc}理解为{iso}。",
    )


def _period_end(found: _Found) -> TimeExpr | None:
    """ "by the end of the period": the end of the period stated before."""
    return found.marker(anaphor=True, at_end=True)


def _en_months(found: _Found) -> TimeExpr | None:
    """ "the first nine months (of 2026 | of this year)"."""
    doc = found.doc
    n = month_count(found.group("n") or "")
    year = found.number("y")
    if year is not None:
        pass
    elif found.group("rel"):
        year = relative_year(found.group("rel") or "", doc)
    else:
        year = doc.year if month_end(doc.year, n) <= doc else doc.year - 1
    iso = f"{year}-01-01/{month_end(year, n).isoformat()}"
    return found.expr(iso, f"{found.text}: {iso}.", f"{found.text}：{iso}。")


def _cn_ymd(found: _Found) -> TimeExpr | None:
    """2026年6月, 2026年6月30日, 2025年12月底: the day, else the month's end."""
    year, month = _numeral(found.group("y")), _numeral(found.group("m"))
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    text, day_text = found.text, found.group("d")
    if day_text and not found.group("end"):
        number = _numeral(day_text)
        day = date(year, month, min(number, 28 if month == 2 else 30))
        day = date(year, month, number) if number <= month_end(year, month).day else day
        return found.expr(day.isoformat(), f"{text}: {day}.", f"{text}：{day}。")
    last = month_end(year, month)
    return found.expr(last.isoformat(), f"{text}: taken as {last}.", f"{text}：记为{last}。")


def _cn_y(found: _Found) -> TimeExpr | None:
    """2025年, 2025年上半年, 截至2025年 (its end)."""
    year = _numeral(found.group("y"))
    if not 1900 <= year <= 2100:
        return None
    part = found.group("part")
    if found.pre in AS_OF_CN.split("|") or found.pre in ("到", "至"):
        part = part or "底"
    iso, _ = year_part(year, part)
    return found.expr(iso, f"{found.text}: {iso}.", f"{found.text}：{iso}。")


def _numeral(text: str | None) -> int:
    """A year's, a month's or a day's number, in Arabic digits or Chinese numerals (九, 十四,
    二○二六); 0 if none."""
    digits = arabic_numerals(text.replace("○", "〇")) if text else ""
    return int(digits) if digits.isdigit() else 0


def _cn_md(found: _Found) -> TimeExpr | None:
    """截至6月底, 截至去年12月: a month (or day) named without a year, or with 今年/去年; 九月底
    in Chinese numerals; a day without a year is the latest such day up to the document date."""
    month = _numeral(found.group("m"))
    if not 1 <= month <= 12:
        return None
    doc, text = found.doc, found.text
    day = str(_numeral(found.group("d")) or "") or None
    if found.group("rel"):
        last = month_end(relative_year(found.group("rel") or "", doc), month)
        if day and not found.group("end"):
            last = last.replace(day=min(int(day), last.day))
        return found.expr(
            last.isoformat(),
            f"{text} in a text of {doc}: {last}.",
            f"文件日期为{doc}，“{text}”即{last}。",
        )
    last = latest_month_end(month, doc)
    if day and not found.group("end"):
        last = month_end(doc.year, month)
        last = last.replace(day=min(int(day), last.day))
        if last > doc:  # 截至10月14日 in a text of 15 October: this year's
            last = month_end(doc.year - 1, month).replace(day=min(int(day), last.day))
    return found.expr(
        last.isoformat(),
        f"{text} names no year; read against the document date {doc} as {last}.",
        f"“{text}”未写年份；按文件日期{doc}理解为{last}。",
    )


def _ended(found: _Found) -> TimeExpr | None:
    """截至6月30日止六个月, 截至9月30日止第三季度, 截至2025年12月31日止年度, "the six months
    ended June 30, 2026": the months that end on that day (a company's reporting period), the
    day without a year the latest such day up to the document date."""
    mon = found.group("mon")
    month = MONTH_NUMBER[mon] if mon else _numeral(found.group("m"))
    day = _numeral(found.group("d"))
    if not 1 <= month <= 12 or not day:
        return None
    if found.group("fy"):
        months = 12
    elif found.group("q"):
        months = 3
    else:
        months = month_count(found.group("n") or "")
    doc, year = found.doc, found.number("y")
    last = month_end(year or doc.year, month)
    end = last.replace(day=min(day, last.day))
    if year is None and end > doc:
        last = month_end(doc.year - 1, month)
        end = last.replace(day=min(day, last.day))
    back = end.year * 12 + end.month - 1 - months  # the month ``months`` before the end's
    if end == last:  # a month's end: from the first day of the month after that one
        first_year, first_month = divmod(back + 1, 12)
        start = date(first_year, first_month + 1, 1)
    else:  # the day after the same day ``months`` before
        first_year, first_month = divmod(back, 12)
        before = month_end(first_year, first_month + 1)
        start = before.replace(day=min(end.day, before.day)) + timedelta(days=1)
    iso = f"{start.isoformat()}/{end.isoformat()}"
    return found.expr(
        iso,
        f"{found.text}: the {months} months ended {end}, {iso}.",
        f"“{found.text}”：截至{end}的{months}个月，即{iso}。",
    )


def _today(found: _Found) -> TimeExpr | None:
    """今日（十月十四日）: the day a press release states as its own, the latest such day up to
    the document date (a reprint may be dated the day after)."""
    month, day = _numeral(found.group("m")), _numeral(found.group("d"))
    if not 1 <= month <= 12 or not day:
        return None
    doc = found.doc
    on = month_end(doc.year, month)
    on = on.replace(day=min(day, on.day))
    if on > doc:
        on = on.replace(year=doc.year - 1)
    return found.expr(
        on.isoformat(),
        f"{found.text}: the text's own day, {on}.",
        f"“{found.text}”：原文所述当日，即{on}。",
    )


def _year_back(found: _Found) -> TimeExpr | None:
    """上年同期, "a year earlier": a comparison one year back from the period."""
    return found.marker(comparison=True, relative=True)


def _en_same(found: _Found) -> TimeExpr | None:
    """ "over the same period (of last year)": an anaphor, or a comparison a year back."""
    if found.group("last"):
        return _year_back(found)
    return found.marker(anaphor=True)


def _year_range(found: _Found) -> TimeExpr | None:
    """2021—2025年, "from 2021 to 2025": a span of years."""
    first, last = int(found.group("y1") or 0), int(found.group("y2") or 0)
    if not (1900 <= first < last <= 2100 and last - first <= 30):
        return None
    iso = f"{first}-01-01/{last}-12-31"
    text = found.text
    return TimeExpr(
        found.start,
        found.end,
        text,
        iso,
        None,
        f"{text}: {iso}.",
        f"{text}：{iso}。",
        span=(first, last),
    )


def _five_year_plan(found: _Found) -> TimeExpr | None:
    """“十四五”以来, “十四五”期间: the years of a Five-Year Plan (up to the document's year)."""
    number = 10 + "一二三四五".index(found.group("d") or "") + 1
    first = 2006 + 5 * (number - 11)
    last = first + 4
    if found.group("rel") == "以来":
        last = min(last, found.doc.year)
    return found.years_before(
        f"{found.text}: the {number}th Five-Year Plan period from {first}.",
        f"{found.text}：第{number}个五年规划期，自{first}年起。",
        first,
        last,
    )


_YEAR_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9, "十": 10}  # fmt: skip


def _past_years(found: _Found) -> TimeExpr | None:
    """过去五年, "over the past five years": the years before the document's."""
    word = found.group("n") or ""
    n = int(word) if word.isdigit() else _YEAR_WORDS[word]
    if not 2 <= n <= 30:
        return None
    year = found.doc.year
    first, last = year - n, year - 1
    return found.years_before(
        f"{found.text}: the {n} years before {year}, {first}-{last}.",
        f"{found.text}：{year}年之前的{n}年，{first}—{last}年。",
        first,
        last,
    )


def _part(found: _Found) -> str:
    """The part of a year a match names (上半年, "third quarter"), its end when the match says
    "the end of" it (:func:`~aikg.extraction.periods.expression.year_part` reads both)."""
    part = found.group("part") or ""
    return f"end of {part}" if found.group("endw") else part


def _part_without_year(found: _Found) -> TimeExpr | None:
    """上半年, "the first half": the latest such span ended by the document date."""
    part = _part(found)
    doc, text = found.doc, found.text
    iso, _ = year_part(part_year(part, doc), part)
    return found.expr(
        iso,
        f"{text} names no year; the latest such span ended by {doc}: {iso}.",
        f"“{text}”未写年份；按文件日期{doc}理解为{iso}。",
    )


def _next_years(found: _Found) -> TimeExpr | None:
    """未来五年, "over the next five years": a span of years whose start is not stated."""
    word = found.group("n") or found.group("en") or ""
    n = int(word) if word.isdigit() else {**EN_COUNT, **_YEAR_WORDS}.get(word, 0)
    if not 1 <= n <= 30:
        return None
    iso, text = f"P{n}Y", found.text
    return found.expr(
        iso,
        f"{text}: a span of {n} years whose start is not stated ({iso}).",
        f"“{text}”：为期{n}年，起点未说明（{iso}）。",
    )


def _review_part(found: _Found) -> TimeExpr | None:
    """全年, 年末 with no year of their own: in the year an annual review reports on."""
    year = found.review
    if year is None:
        return None
    iso, _ = year_part(year, found.group("part"))
    return found.expr(
        iso,
        f"{found.text} in a review of {year} (its title's year): {iso}.",
        f"“{found.text}”：本文回顾{year}年（标题所述年份），即{iso}。",
    )


def _en_in_month(found: _Found) -> TimeExpr | None:
    """ "in June": the latest such month ended by the document date."""
    doc, text = found.doc, found.text
    last = latest_month_end(MONTH_NUMBER[found.group("mon") or ""], doc)
    iso = f"{last.year}-{last.month:02d}-01/{last.isoformat()}"
    return found.expr(
        iso,
        f"{text} names no year; the latest such month ended by {doc}: {iso}.",
        f"“{text}”未写年份；按文件日期{doc}理解为{iso}。",
    )


def _now(found: _Found) -> TimeExpr | None:
    """目前, "currently": open up to the document date."""
    doc, text = found.doc, found.text
    iso = f"../{doc.isoformat()}"
    return found.expr(
        iso,
        f"{text} (now): the date is not stated; open up to the document date {doc}.",
        f"原文为“{text}”，未说明具体日期；记为截至文件日期{doc}。",
    )


def _relative(found: _Found) -> TimeExpr | None:
    """去年, 今年上半年, "last year": a year counted from the document's."""
    doc, text, rel = found.doc, found.text, found.group("rel") or ""
    if rel in ("过去一年", "the past year") and doc.month > 4 and not found.group("part"):
        # in a text of October: the twelve months before it, not the last calendar year
        iso = f"../{doc.isoformat()}"
        return found.expr(
            iso,
            f"{text}: the twelve months before the document ({doc}), not a calendar year; "
            "open up to the document date.",
            f"“{text}”指文件日期（{doc}）前的十二个月，非日历年；记为截至文件日期。",
        )
    iso, _ = year_part(relative_year(rel, doc), found.group("part"))
    return found.expr(
        iso, f"{text} in a text of {doc}: {iso}.", f"文件日期为{doc}，“{text}”即{iso}。"
    )


def _en_month(found: _Found) -> TimeExpr | None:
    """ "as of June (2026)", "(at) the end of September", "end-September": the month's end,
    with no year the latest such month ended by the document date."""
    doc, text = found.doc, found.text
    if not found.group("pre") and not found.group("endw"):
        return None  # a bare month: "in September" is read by another kind
    month = MONTH_NUMBER[found.group("mon") or ""]
    year = found.number("y")
    if year is not None:
        last = month_end(year, month)
        return found.expr(last.isoformat(), f"{text}: taken as {last}.", f"{text}：记为{last}。")
    last = latest_month_end(month, doc)
    return found.expr(
        last.isoformat(),
        f"{text} names no year; read against the document date {doc} as {last}.",
        f"“{text}”未写年份；按文件日期{doc}理解为{last}。",
    )


def _en_month_y(found: _Found) -> TimeExpr | None:
    """ "June 2026": the month's end."""
    last = month_end(int(found.group("y") or 0), MONTH_NUMBER[found.group("mon") or ""])
    text = found.text
    return found.expr(last.isoformat(), f"{text}: taken as {last}.", f"{text}：记为{last}。")


def _en_mdy(found: _Found) -> TimeExpr | None:
    """ "Dec. 24, 2025", "as of December 24, 2025": that day."""
    name = found.group("mon") or ""
    month = MONTH_NUMBER.get(name) or _SHORT_NUMBER[name[:3]]
    try:
        day = date(found.number("y") or 0, month, found.number("d") or 0)
    except ValueError:
        return None
    text = found.text
    return found.expr(day.isoformat(), f"{text}: {day}.", f"{text}：{day}。")


_SHORT_NUMBER = {name[:3]: number for name, number in MONTH_NUMBER.items()}


def _en_end(found: _Found) -> TimeExpr | None:
    """ "the end of 2025 | of last year", "end-2025": the year's end."""
    y = found.group("y") or found.group("y2")
    year = int(y) if y else relative_year(found.group("rel") or "", found.doc)
    text = found.text
    return found.expr(f"{year}-12-31", f"{text}: {year}-12-31.", f"{text}：{year}-12-31。")


def _en_part(found: _Found) -> TimeExpr | None:
    """ "the first half of 2026 | of this year"."""
    y = found.group("y")
    year = int(y) if y else relative_year(found.group("rel") or "", found.doc)
    iso, _ = year_part(year, _part(found))
    return found.expr(iso, f"{found.text}: {iso}.", f"{found.text}：{iso}。")


def _en_year(found: _Found, *, by: bool) -> TimeExpr | None:
    """ "in 2025": the year; "by 2025" (not a goal): its end."""
    year = int(found.group("y") or 0)
    if not 1900 <= year <= 2100:
        return None
    iso = f"{year}-12-31" if by else f"{year}-01-01/{year}-12-31"
    return found.expr(iso, f"{found.text}: {iso}.", f"{found.text}：{iso}。")


#: How each kind of :data:`PATTERNS` is read.
_READERS: dict[str, Callable[[_Found], TimeExpr | None]] = {
    "cn_ended": _ended,
    "en_ended": _ended,
    "cn_year_to_month": _year_to_month,
    "cn_range": _year_range,
    "cn_month_range": _month_range,
    "en_month_range": _month_range,
    "cn_month": _cn_month,
    "cn_bare_month": _bare_month,
    "cn_ymd": _cn_ymd,
    "cn_y": _cn_y,
    "cn_md": _cn_md,
    "cn_month_end": _cn_md,
    "cn_today": _today,
    "cn_same": _year_back,
    "cn_plan": _five_year_plan,
    "cn_years": _past_years,
    "next_years": _next_years,
    "cn_now": _now,
    "cn_rel": _relative,
    "cn_part": _part_without_year,
    "en_month": _en_month,
    "en_end": _en_end,
    "en_part": _en_part,
    "en_period_end": _period_end,
    "en_months": _en_months,
    "en_same": _en_same,
    "en_years": _past_years,
    "en_range": _year_range,
    "en_part_bare": _part_without_year,
    "en_yoy": _year_back,
    "en_by": functools.partial(_en_year, by=True),
    "en_in": functools.partial(_en_year, by=False),
    "en_rel": _relative,
    "en_mdy": _en_mdy,
    "en_month_y": _en_month_y,
    "en_in_month": _en_in_month,
    "en_now": _now,
    "cn_doc_year": _review_part,
}
assert set(_READERS) == {kind for kind, _ in PATTERNS}, "a pattern kind without a reader"


def read_match(
    kind: str, match: re.Match[str], doc: date, original: str | None, year: int | None = None
) -> TimeExpr | None:
    """The reading of ``match`` (a pattern of kind ``kind``), or None if it reads as no time."""
    found = _Found.of(match, doc, original, year)
    if kind in _GOAL_KINDS:
        goal = _goal(found, kind)
        if goal is not None:
            return goal
    return _READERS[kind](found)
