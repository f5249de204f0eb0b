"""Reference periods and goal years: time expressions found in a text, read against its date.

Each :class:`TimeExpr` is a span of the text and what it means, in the ISO 8601 notation of the
curation sheets (:mod:`aikg.curation.periods`): ``2024-12-31`` (a stock as of a date),
``2024-01-01/2024-09-30`` (a flow over a span), ``../2025-01-22`` (as of an unstated date up to
the document date), or a goal year (``到2027年``, "by 2026" in a text written before then).

Expressions without a year (截至6月, 上半年, 去年, "as of June", "last year") are read against the
document date: a month is the latest one that has ended by that date, a relative year counts
from the document's year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_NUMBER = {name: index + 1 for index, name in enumerate(_MONTHS_EN.split("|"))}
_CN_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

#: Words that make a following year a goal rather than a period (到2027年, 力争到, by 2026).
_GOAL_CN = "到|至|力争到|力争|争取到|目标是到|预计到"
_AS_OF_CN = "截至|截止到|截止|截至到"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "cn_ymd",
        re.compile(
            rf"(?P<pre>{_AS_OF_CN}|{_GOAL_CN})?\s*(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月"
            r"(?:\s*(?P<d>\d{1,2})\s*[日号])?\s*(?P<end>底|末)?"
        ),
    ),
    (
        "cn_y",
        re.compile(
            rf"(?P<pre>{_AS_OF_CN}|{_GOAL_CN})?\s*(?P<y>\d{{4}})\s*年(?!\s*\d)\s*(?:度\s*)?"
            r"(?P<part>上半年|下半年|前三季度|前三个季度|第?[一二三四1-4]季度|全年|年底|年末|底|末)?"
        ),
    ),
    (
        "cn_md",
        re.compile(
            rf"(?P<pre>{_AS_OF_CN})\s*(?P<m>\d{{1,2}})\s*月(?:\s*(?P<d>\d{{1,2}})\s*[日号])?"
            r"\s*(?P<end>底|末)?"
        ),
    ),
    ("cn_now", re.compile(rf"(?:{_AS_OF_CN})\s*(?:目前|当前|现在|今)|目前|当前|如今|现已")),
    (
        "cn_rel",
        re.compile(
            r"(?P<rel>今年|去年|上年|前年|过去一年|上一年)"
            r"(?P<part>上半年|下半年|前三季度|前三个季度|第?[一二三四1-4]季度|年底|年末|底|末|全年)?"
        ),
    ),
    ("cn_part", re.compile(r"(?P<part>上半年|下半年|前三季度|前三个季度|第?[一二三四]季度)")),
    (
        "en_month",
        re.compile(
            rf"\b(?P<pre>as of|as at|by|until|through|at)\s+(?:the\s+end\s+of\s+)?"
            rf"(?P<mon>{_MONTHS_EN})(?:\s+(?P<y>\d{{4}}))?\b"
        ),
    ),
    (
        "en_end",
        re.compile(
            r"\b(?P<pre>by|as of|at|until)\s+the\s+end\s+of\s+"
            r"(?:(?P<y>\d{4})|(?P<rel>last year|this year|the year))\b"
        ),
    ),
    (
        "en_part",
        re.compile(
            r"\b(?:in\s+)?the\s+(?P<part>first half|second half|first three quarters|first quarter)"
            r"\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last year|this year))\b"
        ),
    ),
    ("en_by", re.compile(r"\bby\s+(?P<y>\d{4})\b")),
    ("en_in", re.compile(r"\b(?:in|for|during|of)\s+(?P<y>\d{4})\b")),
    ("en_rel", re.compile(r"\b(?P<rel>last year|this year|the past year|a year earlier)\b")),
    ("en_month_y", re.compile(rf"\b(?P<mon>{_MONTHS_EN})\s+(?P<y>\d{{4}})\b")),
]


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

    @property
    def is_goal(self) -> bool:
        return self.goal_year is not None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _latest_month_end(month: int, doc: date) -> date:
    """The end of the latest month ``month`` that is not after the document date."""
    end = _month_end(doc.year, month)
    return end if end <= doc else _month_end(doc.year - 1, month)


def _span(year: int, part: str | None) -> tuple[str, bool]:
    """(ISO period, is an instant) of a part of a year (上半年, 前三季度, 底 ...)."""
    part = (part or "").strip()
    if part in ("", "全年", "full year"):
        return f"{year}-01-01/{year}-12-31", False
    if part in ("年底", "年末", "底", "末", "end"):
        return f"{year}-12-31", True
    if part in ("上半年", "first half"):
        return f"{year}-01-01/{year}-06-30", False
    if part in ("下半年", "second half"):
        return f"{year}-07-01/{year}-12-31", False
    if part in ("前三季度", "前三个季度", "first three quarters"):
        return f"{year}-01-01/{year}-09-30", False
    if part == "first quarter":
        part = "一季度"
    quarter = _CN_NUMBER[part.removeprefix("第")[0]]
    first = 3 * quarter - 2
    return f"{year}-{first:02d}-01/{_month_end(year, first + 2).isoformat()}", False


def _part_year(part: str, doc: date) -> int:
    """The year of a part of a year named without one: the latest that has ended by ``doc``."""
    iso, _ = _span(doc.year, part)
    end = date.fromisoformat(iso.rsplit("/", 1)[-1])
    return doc.year if end <= doc else doc.year - 1


def _relative_year(rel: str, doc: date) -> int:
    if rel in ("今年", "this year", "the year"):
        return doc.year
    if rel in ("前年",):
        return doc.year - 2
    return doc.year - 1


def _read(kind: str, match: re.Match[str], doc: date, original: str | None) -> TimeExpr | None:
    groups = match.groupdict()
    pre = (groups.get("pre") or "").strip()
    text = match.group().strip()
    start = match.start() + (len(match.group()) - len(match.group().lstrip()))
    end = start + len(text)
    if original is not None:
        text = original[start:end]

    def expr(iso: str | None, en: str, zh: str, goal: int | None = None) -> TimeExpr:
        return TimeExpr(start, end, text, iso, goal, en, zh)

    if kind in ("cn_ymd", "cn_y", "en_by", "en_in", "en_end", "en_month", "en_part", "en_month_y"):
        year = int(groups["y"]) if groups.get("y") else None
        goal_word = pre in _GOAL_CN.split("|") or pre == "by" or kind == "en_by"
        month = groups.get("m") or _MONTH_NUMBER.get(groups.get("mon") or "")
        if year is not None and goal_word:
            # a goal when the span it names ends after the document date (到2027年, by 2026)
            ends = _month_end(year, int(month)) if month else date(year, 12, 31)
            if ends > doc:
                return expr(None, f"{text}: a goal for {year}.", f"{text}：{year}年的目标。", year)
    if kind == "cn_ymd":
        year, month = int(groups["y"]), int(groups["m"])
        if not 1 <= month <= 12:
            return None
        if groups.get("d") and not groups.get("end"):
            day = date(year, month, min(int(groups["d"]), 28 if month == 2 else 30))
            day = date(year, month, int(groups["d"])) if int(groups["d"]) <= 31 else day
            return expr(day.isoformat(), f"{text}: {day}.", f"{text}：{day}。")
        last = _month_end(year, month)
        return expr(last.isoformat(), f"{text}: taken as {last}.", f"{text}：记为{last}。")
    if kind == "cn_y":
        year = int(groups["y"])
        if not 1900 <= year <= 2100:
            return None
        part = groups.get("part")
        if pre in _AS_OF_CN.split("|") or pre in ("到", "至"):
            part = part or "底"
        iso, _ = _span(year, part)
        return expr(iso, f"{text}: {iso}.", f"{text}：{iso}。")
    if kind == "cn_md":
        month = int(groups["m"])
        if not 1 <= month <= 12:
            return None
        last = _latest_month_end(month, doc)
        if groups.get("d") and not groups.get("end"):
            last = last.replace(day=min(int(groups["d"]), last.day))
        return expr(
            last.isoformat(),
            f"{text} names no year; read against the document date {doc} as {last}.",
            f"“{text}”未写年份；按文件日期{doc}理解为{last}。",
        )
    if kind == "cn_now":
        iso = f"../{doc.isoformat()}"
        return expr(
            iso,
            f"{text} (now): the date is not stated; open up to the document date {doc}.",
            f"原文为“{text}”，未说明具体日期；记为截至文件日期{doc}。",
        )
    if kind in ("cn_rel", "en_rel"):
        rel = groups["rel"]
        year = _relative_year(rel, doc)
        iso, _ = _span(year, groups.get("part"))
        return expr(
            iso,
            f"{text} in a text of {doc}: {iso}.",
            f"文件日期为{doc}，“{text}”即{iso}。",
        )
    if kind == "cn_part":
        part = groups["part"]
        year = _part_year(part, doc)
        iso, _ = _span(year, part)
        return expr(
            iso,
            f"{text} names no year; the latest such span ended by {doc}: {iso}.",
            f"“{text}”未写年份；按文件日期{doc}理解为{iso}。",
        )
    if kind == "en_month":
        month = _MONTH_NUMBER[groups["mon"]]
        if groups.get("y"):
            last = _month_end(int(groups["y"]), month)
            return expr(last.isoformat(), f"{text}: taken as {last}.", f"{text}：记为{last}。")
        last = _latest_month_end(month, doc)
        return expr(
            last.isoformat(),
            f"{text} names no year; read against the document date {doc} as {last}.",
            f"“{text}”未写年份；按文件日期{doc}理解为{last}。",
        )
    if kind == "en_month_y":
        last = _month_end(int(groups["y"]), _MONTH_NUMBER[groups["mon"]])
        return expr(last.isoformat(), f"{text}: taken as {last}.", f"{text}：记为{last}。")
    if kind == "en_end":
        year = int(groups["y"]) if groups.get("y") else _relative_year(groups["rel"], doc)
        return expr(f"{year}-12-31", f"{text}: {year}-12-31.", f"{text}：{year}-12-31。")
    if kind == "en_part":
        year = int(groups["y"]) if groups.get("y") else _relative_year(groups["rel"], doc)
        iso, _ = _span(year, groups["part"])
        return expr(iso, f"{text}: {iso}.", f"{text}：{iso}。")
    if kind in ("en_in", "en_by"):
        year = int(groups["y"])
        if not 1900 <= year <= 2100:
            return None
        iso = f"{year}-12-31" if kind == "en_by" else f"{year}-01-01/{year}-12-31"
        return expr(iso, f"{text}: {iso}.", f"{text}：{iso}。")
    return None


def find_times(
    folded: str, doc: date, start: int = 0, end: int | None = None, original: str | None = None
) -> list[TimeExpr]:
    """Every time expression of ``folded[start:end]`` (folded text: simplified, lower case).

    With ``original`` (the unfolded text, same length), expressions keep their wording as written.
    """
    end = len(folded) if end is None else end
    taken: list[TimeExpr] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded, start, end):
            if not match.group().strip():
                continue
            if any(t.start < match.end() and match.start() < t.end for t in taken):
                continue
            found = _read(kind, match, doc, original)
            if found is not None:
                taken.append(found)
    return sorted(taken, key=lambda t: t.start)
