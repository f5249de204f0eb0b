"""Finding time expressions in a text: every match of the patterns, read against the document
date, marked as the base of a comparison where the words around it say so; and the year an
annual review reports on.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from aikg.extraction.periods.expression import TimeExpr, shift_year
from aikg.extraction.periods.kinds import read_match
from aikg.extraction.periods.patterns import PATTERNS
from aikg.extraction.spans import Spans


def find_times(
    folded: str,
    doc: date,
    start: int = 0,
    end: int | None = None,
    original: str | None = None,
    year: int | None = None,
) -> list[TimeExpr]:
    """Every time expression of ``folded[start:end]`` (folded text: simplified, lower case).

    With ``original`` (the unfolded text, same length), expressions keep their wording as written.
    ``year`` is the year the document reviews (see :func:`review_year`): 全年, 年末 without a
    year of their own are read in it (without one they are not read).
    """
    end = len(folded) if end is None else end
    taken: list[TimeExpr] = []
    spans: Spans[None] = Spans()
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(folded, start, end):
            if not match.group().strip():
                continue
            if spans.overlaps(match.start(), match.end()):
                continue
            found = read_match(kind, match, doc, original, year)
            if found is not None:
                taken.append(_as_comparison(found, folded))
                spans.add(taken[-1].start, taken[-1].end, None)
    joined = _month_of_the_year(sorted(taken, key=lambda t: t.start), folded, doc, original)
    joined = _the_same_day(joined, folded, start, end, original)
    return _the_texts_day(joined, folded, start, end, original)


#: "As of the same day" (截至同日, 截至當日, "as of the same date"): the day stated before it.
_SAME_DAY = re.compile(
    r"(?:截至|截止|截止到)\s*(?:同日|当日|同一日|该日)|\bas (?:of|at) the same (?:day|date)\b"
)


def _the_same_day(
    times: list[TimeExpr], folded: str, start: int, end: int | None, original: str | None
) -> list[TimeExpr]:
    """截至同日 (as of the same day): the last day stated before it, which it restates."""
    out = list(times)
    for m in _SAME_DAY.finditer(folded, start, len(folded) if end is None else end):
        days = [
            t for t in out if t.end <= m.start() and t.iso and _INSTANT.fullmatch(t.iso) and t.dates
        ]
        if not days or any(t.start < m.end() and m.start() < t.end for t in out):
            continue
        day = days[-1]
        text = (original or folded)[m.start() : m.end()]
        out.append(
            TimeExpr(
                m.start(),
                m.end(),
                text,
                day.iso,
                None,
                f"{text}: the day stated before ({day.text}), {day.iso}.",
                f"“{text}”即前文所述日期（{day.text}），{day.iso}。",
            )
        )
        out.sort(key=lambda t: t.start)
    return out


#: A press release's own day, stated after "today": 今日（十月十四日）.
_STATED_TODAY = re.compile(r"(?:今日|今天)\s*[（(]")
#: "Today" and "to date" elsewhere in a text that states its day: 今日公布, 至今已资助 (not
#: 今日头条, a product's name, nor a bracketed day, read already).
_TODAY_WORDS = re.compile(r"(?:今日|今天)(?!\s*[（(]|头条)|至今")


def _the_texts_day(
    times: list[TimeExpr], folded: str, start: int, end: int | None, original: str | None
) -> list[TimeExpr]:
    """A text that states its own day after "today" (以下为政府今日（十月十四日）发出的新闻稿):
    its other 今日 and its 至今 are that day (an instant), whatever the date of the page that
    reprints it."""
    stated = next((t for t in times if t.iso and _STATED_TODAY.match(folded, t.start)), None)
    if stated is None:
        return times
    taken = Spans[None]()
    for t in times:
        taken.add(t.start, t.end, None)
    extra = [
        TimeExpr(
            m.start(),
            m.end(),
            (original or folded)[m.start() : m.end()],
            stated.iso,
            None,
            f"{m.group()}: the day the text states as its own ({stated.text}), {stated.iso}.",
            f"“{m.group()}”：原文所述当日（{stated.text}），即{stated.iso}。",
        )
        for m in _TODAY_WORDS.finditer(folded, start, len(folded) if end is None else end)
        if not taken.overlaps(m.start(), m.end())
    ]
    return sorted([*times, *extra], key=lambda t: t.start)


#: "(as of) June this year", "the end of June last year": the month and the year are one date.
_THIS_OR_LAST_YEAR = re.compile(r"\s*(?:of\s+)?(this|last)\s+year")
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}")


def _month_of_the_year(
    times: list[TimeExpr], folded: str, doc: date, original: str | None
) -> list[TimeExpr]:
    """A month end followed by "this year" or "last year" read as one date, in that year (the
    month alone would be dated in the latest such month, and "this year" would date the
    figure as the whole year)."""
    out: list[TimeExpr] = []
    for t in times:
        prev = out[-1] if out else None
        joined = _THIS_OR_LAST_YEAR.fullmatch(folded, prev.end, t.end) if prev else None
        if prev is None or joined is None or not prev.iso or not _INSTANT.fullmatch(prev.iso):
            out.append(t)
            continue
        year = doc.year - (joined.group(1) == "last")
        iso = shift_year(prev.iso, year - int(prev.iso[:4])) or prev.iso
        text = prev.text + (original or folded)[prev.end : t.end]
        out[-1] = replace(
            prev, end=t.end, text=text, iso=iso,
            reading_en=f"{text}: taken as {iso}.", reading_zh=f"“{text}”：即{iso}。",
        )  # fmt: skip
    return out


#: Words before a time expression that make it the base of a comparison ("higher than in
#: December 2021", "over the end of 2021").
_COMPARE_BEFORE = re.compile(
    r"(?:较|比|相比|相较|较之|对比|同比|环比)\s*(?:于)?\s*$"
    r"|\b(?:from|than|compared\s+(?:with|to)|against|versus|vs\.?|over)\s+(?:(?:in|at)\s+)?"
    r"(?:the\s+(?:level\s+(?:of|at)|end\s+of)\s+)?$"
    r"|\bthe\s+same\s+period\s+(?:of\s+)?$"
)
#: "10 percentage points higher than the world average in 2022": the date of what is compared.
_THAN_AN_AVERAGE = re.compile(r"\bthan\s+(?:the\s+)?(?:[a-z'-]+\s+){0,3}(?:average|level)\s+$")
#: "an increase of 11.09 million since December 2022": since, after a change, is its base.
_CHANGE_SINCE = re.compile(
    r"\b(?:increase|decrease|rise|growth|gain|drop|decline|up|down)\b"
    r"(?:[^.;,]|(?<=\d)[.,](?=\d)){0,40}\bsince\s+$"
)
_COMPARE_AROUND = re.compile(r"(?:与|和|同|跟)\s*$")
#: A ratio to a base date: 是2024年底的2.5倍, 相当于去年的两倍.
_RATIO_BEFORE = re.compile(r"(?:是|为|相当于|达到)\s*$")
_RATIO_AFTER = re.compile(r"^\s*(?:的)\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*倍")
_COMPARE_AFTER = re.compile(r"^\s*(?:相比|比较|相较)")


def _as_comparison(found: TimeExpr, folded: str) -> TimeExpr:
    """``found`` marked as the base of a comparison when the words around it say so."""
    if found.comparison or found.is_goal:
        return found
    before = folded[max(0, found.start - 16) : found.start]
    after = folded[found.end : found.end + 4]
    if (
        _COMPARE_BEFORE.search(before)
        or _CHANGE_SINCE.search(folded[max(0, found.start - 60) : found.start])
        or _THAN_AN_AVERAGE.search(folded[max(0, found.start - 40) : found.start])
        or (_COMPARE_AROUND.search(before) and _COMPARE_AFTER.match(after))
        or (_RATIO_BEFORE.search(before) and _RATIO_AFTER.match(folded[found.end : found.end + 12]))
    ):
        relative = bool(re.match(r"(?:上年|上一年|a year|the previous year)", found.text.lower()))
        return TimeExpr(
            found.start,
            found.end,
            found.text,
            found.iso,
            None,
            found.reading_en,
            found.reading_zh,
            comparison=True,
            relative=relative,
            span=found.span,
        )
    return found


#: Words of an annual review: 全年, 年末, 比上年, "for the whole of last year", "full-year".
_REVIEW_WORDS = re.compile(
    r"全年|年末|年底|比上年|较上年|统计公报|国民经济|for the whole of|full[ -]year"
    r"|\bannual review\b"
)


def review_year(title: str, lead: str, body: str, doc: date) -> int | None:
    """The year an annual review or statistical communiqué reports on, else None.

    A year stated in the title (else the lead) that has ended by the document date, in a text
    that speaks of the whole year (全年, 年末, 比上年, "for the whole of last year"): every figure
    below it with no time phrase of its own is of that year (2025年国民经济…, published in 2026).
    """
    if not _REVIEW_WORDS.search(body):
        return None
    for text in (title, lead):
        for found in find_times(text, doc):
            whole = re.fullmatch(r"(\d{4})-01-01/\1-12-31", found.iso or "")
            if found.dates and whole and doc.year - 2 <= int(whole.group(1)) < doc.year:
                return int(whole.group(1))
    return None
