"""Reference periods and goal years: time expressions found in a text, read against its date.

Each :class:`TimeExpr` is a span of the text and what it means, in the ISO 8601 notation of the
curation sheets (:mod:`aikg.curation.periods`): ``2024-12-31`` (a stock as of a date),
``2024-01-01/2024-09-30`` (a flow over a span), ``../2025-01-22`` (as of an unstated date up to
the document date), or a goal year (``到2027年``, "by 2026" in a text written before then).

Expressions without a year (截至6月, 上半年, 去年, "as of June", "last year") are read against the
document date: a month is the latest one that has ended by that date, a relative year counts
from the document's year.

Three kinds of expression do not date a number by themselves:

- a *comparison* (较2025年12月, 较去年底, 比上年末, 较上年同期, "from a year earlier",
  "compared with the end of 2025"): the date a change is measured against (its base period),
  never the period;
- an *anaphor* ("over the same period", "in the period", 同一时期): the period stated before it;
- a *span of years* (2021—2025年, “十四五”以来, 过去五年, "over the past five years"): the interval
  of an average annual figure (年均增长, "average annual growth").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_NUMBER = {name: index + 1 for index, name in enumerate(_MONTHS_EN.split("|"))}
_CN_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "首": 1}
_EN_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11}  # fmt: skip
#: Parts of a year without a year (上半年, 首季, 前三季度, 前9个月).
_CN_PARTS = (
    r"上半年|下半年|前三季度|前三个季度|第?[一二三四1-4]季度|第[一二三四1-4]季|首季度?"
    r"|前(?:[二三四五六七八九十]|十[一二]|[2-9]|1[0-2])个?月(?![内里以])"
)

#: Words that make a following year a goal rather than a period (到2027年, 力争到, by 2026).
_GOAL_CN = "到|至|力争到|力争|争取到|目标是到|预计到"
_AS_OF_CN = "截至|截止到|截止|截至到"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "cn_range",
        re.compile(r"(?P<y1>\d{4})\s*(?:年\s*)?[—–\-－~～至到]\s*(?P<y2>\d{4})\s*年(?!\s*\d)"),
    ),
    (
        "cn_month_range",
        re.compile(
            r"(?:(?P<y1>\d{4})\s*年\s*)?(?P<m1>\d{1,2})\s*月(?:份)?\s*[—–\-－~～至到]\s*"
            r"(?:(?P<y2>\d{4})\s*年\s*)?(?P<m2>\d{1,2})\s*月(?:份)?(?!\s*\d{1,2}\s*[日号])"
        ),
    ),
    (
        "en_month_range",
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<mon1>{_MONTHS_EN})(?:\s+(?P<y1>\d{{4}}))?"
            rf"\s*(?:-|–|—|to|and|through|until)\s*(?P<mon2>{_MONTHS_EN})\s+(?P<y2>\d{{4}})\b"
        ),
    ),
    (
        "cn_month",
        re.compile(rf"(?P<pre>{_AS_OF_CN})?\s*(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>\d{{1,2}})\s*月份"),
    ),
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
            rf"(?P<part>{_CN_PARTS}|全年|年底|年末|底|末)?"
        ),
    ),
    (
        "cn_md",
        re.compile(
            rf"(?P<pre>{_AS_OF_CN})\s*(?P<rel>今年|去年|上年)?\s*(?P<m>\d{{1,2}})\s*月"
            r"(?:\s*(?P<d>\d{1,2})\s*[日号])?"
            r"\s*(?P<end>底|末)?"
        ),
    ),
    (
        "cn_same",
        re.compile(
            r"(?P<rel>上年|去年|上一年|前一年)\s*同期|(?<![上去一])同期(?=\s*(?:相比|比较|增长|增加|下降|提高|减少))"
        ),
    ),
    (
        "cn_plan",
        re.compile(r'"?十(?P<d>[一二三四五])五"?\s*(?:规划)?\s*(?P<rel>以来|期间|时期|规划期)'),
    ),
    (
        "cn_years",
        re.compile(
            r"(?:过去|近|最近)\s*(?P<n>\d{1,2}|[两二三四五六七八九十])\s*年(?:来|间|中|里)?"
        ),
    ),
    (
        "next_years",
        re.compile(
            r"(?:未来|今后|接下来)\s*(?P<n>\d{1,2}|[两二三四五六七八九十])\s*年(?:内|间|里)?"
            r"|\b(?:over|in|during|within)\s+the\s+next\s+(?P<en>\d{1,2}|two|three|four|five"
            r"|six|seven|eight|nine|ten)\s+years\b"
        ),
    ),
    ("cn_now", re.compile(rf"(?:{_AS_OF_CN})\s*(?:目前|当前|现在|今)|目前|当前|如今|现已")),
    (
        "cn_rel",
        re.compile(
            r"(?P<rel>今年|去年|上年|前年|过去一年|上一年)"
            rf"(?P<part>{_CN_PARTS}|年底|年末|底|末|全年)?"
        ),
    ),
    ("cn_part", re.compile(rf"(?P<part>{_CN_PARTS})")),
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
            r"\b(?:(?P<pre>by|as of|at|until)\s+)?the\s+end\s+of\s+"
            r"(?:(?P<y>\d{4})|(?P<rel>last year|this year|the year))\b"
        ),
    ),
    (
        "en_part",
        re.compile(
            r"\b(?:in\s+)?the\s+(?P<part>first half|second half|first three quarters|first quarter"
            r"|second quarter|third quarter|fourth quarter)"
            r"\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last year|this year))\b"
        ),
    ),
    (
        "en_period_end",
        re.compile(
            r"\b(?:by|at|as of|as at|until)\s+the\s+end\s+of\s+(?:the|that|this)\s+"
            r"(?:same\s+)?(?:period|quarter|reporting period)\b|截至(?:报告)?期末|报告期末"
        ),
    ),
    (
        "en_months",
        re.compile(
            r"\b(?:in\s+|during\s+|over\s+)?the\s+first\s+(?P<n>\d{1,2}|two|three|four|five|six"
            r"|seven|eight|nine|ten|eleven)\s+months(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last year"
            r"|this year)))?\b"
        ),
    ),
    (
        "en_same",
        re.compile(
            r"\b(?:over|in|during|for)\s+the\s+(?:same\s+)?period"
            r"(?P<last>\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year))?\b"
            r"|\b(?:in|from|by|according\s+to)\s+the\s+same\s+(?:data|dataset|survey|report|statistics"
            r"|figures|source|release|bulletin)\b"
            r"|(?:同一|同份|该|這份|这份)(?:数据|调查|报告|统计|公报)(?:显示|表明|中)?"
        ),
    ),
    (
        "en_years",
        re.compile(
            r"\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+"
            r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\b"
        ),
    ),
    (
        "en_range",
        re.compile(r"\b(?:from\s+|between\s+)?(?P<y1>\d{4})\s*(?:-|–|—|to|and)\s*(?P<y2>\d{4})\b"),
    ),
    (
        "en_part_bare",
        re.compile(
            r"\b(?:in\s+)?the\s+(?P<part>first half|second half|first three quarters"
            r"|first quarter|second quarter|third quarter|fourth quarter)\b(?!\s+of\s)"
        ),
    ),
    ("en_yoy", re.compile(r"\b(?P<rel>a\s+year\s+(?:earlier|ago|before)|the\s+previous\s+year)\b")),
    ("en_by", re.compile(r"\bby\s+(?P<y>\d{4})\b")),
    ("en_in", re.compile(r"\b(?:in|for|during|of)\s+(?P<y>\d{4})\b")),
    ("en_rel", re.compile(r"\b(?P<rel>last year|this year|the past year|a year earlier)\b")),
    ("en_month_y", re.compile(rf"\b(?P<mon>{_MONTHS_EN})\s+(?P<y>\d{{4}})\b")),
    (
        "en_in_month",
        re.compile(rf"\b(?:in|during)\s+(?P<mon>{_MONTHS_EN})\b(?!\s+\d|\s+of\b)"),
    ),
    ("en_now", re.compile(r"\b(?:now|currently|at present|presently)\b")),
    # 全年, 年末 with no year of their own: the year of an annual review (its title's year)
    ("cn_doc_year", re.compile(r"(?<![\d年今去上前本当同])(?P<part>全年|年末|年底)")),
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
    months = re.fullmatch(r"前([一二三四五六七八九十]{1,2}|\d{1,2})个?月", part)
    if months or (part.startswith("first ") and part.endswith(" months")):
        word = months.group(1) if months else part.split()[1]
        n = _month_count(word)
        return f"{year}-01-01/{_month_end(year, n).isoformat()}", False
    english = {"first quarter": "一季度", "second quarter": "二季度", "third quarter": "三季度"}
    part = english.get(part, "四季度" if part == "fourth quarter" else part)
    quarter = _CN_NUMBER[part.removeprefix("第")[0]]
    first = 3 * quarter - 2
    return f"{year}-{first:02d}-01/{_month_end(year, first + 2).isoformat()}", False


def _month_count(word: str) -> int:
    """The number of months of 前九个月, 前9个月, "the first nine months" (1 to 12)."""
    if word.isdigit():
        n = int(word)
    elif word in _EN_COUNT:
        n = _EN_COUNT[word]
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


def _read(
    kind: str, match: re.Match[str], doc: date, original: str | None, year: int | None = None
) -> TimeExpr | None:
    groups = match.groupdict()
    pre = (groups.get("pre") or "").strip()
    text = match.group().strip()
    start = match.start() + (len(match.group()) - len(match.group().lstrip()))
    end = start + len(text)
    if original is not None:
        text = original[start:end]

    def expr(iso: str | None, en: str, zh: str, goal: int | None = None) -> TimeExpr:
        return TimeExpr(start, end, text, iso, goal, en, zh)

    def years_before(en: str, zh: str, first: int, last: int) -> TimeExpr:
        """A span of years (过去五年, “十四五”以来) that takes the period stated before it."""
        return TimeExpr(start, end, text, None, None, en, zh, anaphor=True, span=(first, last))

    if kind in ("cn_ymd", "cn_y", "en_by", "en_in", "en_end", "en_month", "en_part", "en_month_y"):
        year = int(groups["y"]) if groups.get("y") else None
        goal_word = pre in _GOAL_CN.split("|") or pre == "by" or kind == "en_by"
        month = groups.get("m") or _MONTH_NUMBER.get(groups.get("mon") or "")
        if year is not None and goal_word:
            # a goal when the span it names ends after the document date (到2027年, by 2026)
            ends = _month_end(year, int(month)) if month else date(year, 12, 31)
            if ends > doc:
                return expr(None, f"{text}: a goal for {year}.", f"{text}：{year}年的目标。", year)
    if kind in ("cn_month_range", "en_month_range"):
        # 2026年8月至9月, "August to September 2026": the months as one span
        m1 = int(groups["m1"]) if groups.get("m1") else _MONTH_NUMBER[groups["mon1"]]
        m2 = int(groups["m2"]) if groups.get("m2") else _MONTH_NUMBER[groups["mon2"]]
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        y2 = int(groups["y2"]) if groups.get("y2") else None
        y1 = int(groups["y1"]) if groups.get("y1") else None
        if y1 is None and y2 is None:
            y2 = _latest_month_end(m2, doc).year
        y1 = y1 if y1 is not None else (y2 if m1 <= m2 else y2 - 1)  # type: ignore[operator]
        y2 = y2 if y2 is not None else (y1 if m1 <= m2 else y1 + 1)
        if (y1, m1) >= (y2, m2) or y2 - y1 > 1:
            return None
        iso = f"{y1}-{m1:02d}-01/{_month_end(y2, m2).isoformat()}"
        return expr(
            iso, f"{text}: the months as one span, {iso}.", f"{text}：所述月份合为一段，{iso}。"
        )
    if kind == "cn_month":
        # 6月份: the month as a span (a flow over it, 日均); with 截至, its end
        month = int(groups["m"])
        if not 1 <= month <= 12:
            return None
        if groups.get("y"):
            last = _month_end(int(groups["y"]), month)
        else:
            last = _latest_month_end(month, doc)
        if pre:
            return expr(last.isoformat(), f"{text}: {last}.", f"{text}：{last}。")
        iso = f"{last.year}-{month:02d}-01/{last.isoformat()}"
        return expr(iso, f"{text}: the month, {iso}.", f"{text}：该月，{iso}。")
    if kind == "en_period_end":
        return TimeExpr(start, end, text, None, None, "", "", anaphor=True, at_end=True)
    if kind == "en_months":
        n = _month_count(groups["n"])
        if groups.get("y"):
            year = int(groups["y"])
        elif groups.get("rel"):
            year = _relative_year(groups["rel"], doc)
        else:
            year = doc.year if _month_end(doc.year, n) <= doc else doc.year - 1
        iso = f"{year}-01-01/{_month_end(year, n).isoformat()}"
        return expr(iso, f"{text}: {iso}.", f"{text}：{iso}。")
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
        if groups.get("rel"):
            last = _month_end(_relative_year(groups["rel"], doc), month)
            if groups.get("d") and not groups.get("end"):
                last = last.replace(day=min(int(groups["d"]), last.day))
            return expr(
                last.isoformat(),
                f"{text} in a text of {doc}: {last}.",
                f"文件日期为{doc}，“{text}”即{last}。",
            )
        last = _latest_month_end(month, doc)
        if groups.get("d") and not groups.get("end"):
            last = last.replace(day=min(int(groups["d"]), last.day))
        return expr(
            last.isoformat(),
            f"{text} names no year; read against the document date {doc} as {last}.",
            f"“{text}”未写年份；按文件日期{doc}理解为{last}。",
        )
    if kind in ("cn_same", "en_yoy") or (kind == "en_same" and groups.get("last")):
        return TimeExpr(start, end, text, None, None, "", "", comparison=True, relative=True)
    if kind == "en_same":
        return TimeExpr(start, end, text, None, None, "", "", anaphor=True)
    if kind in ("cn_range", "en_range"):
        first, last = int(groups["y1"]), int(groups["y2"])
        if not (1900 <= first < last <= 2100 and last - first <= 30):
            return None
        iso = f"{first}-01-01/{last}-12-31"
        return TimeExpr(
            start, end, text, iso, None, f"{text}: {iso}.", f"{text}：{iso}。", span=(first, last)
        )
    if kind == "cn_plan":
        number = 10 + "一二三四五".index(groups["d"]) + 1
        first = 2006 + 5 * (number - 11)
        last = first + 4
        if groups["rel"] == "以来":
            last = min(last, doc.year)
        return years_before(
            f"{text}: the {number}th Five-Year Plan period from {first}.",
            f"{text}：第{number}个五年规划期，自{first}年起。",
            first,
            last,
        )
    if kind in ("cn_years", "en_years"):
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                 "七": 7, "八": 8, "九": 9, "十": 10}  # fmt: skip
        n = int(groups["n"]) if groups["n"].isdigit() else words[groups["n"]]
        if not 2 <= n <= 30:
            return None
        first, last = doc.year - n, doc.year - 1
        return years_before(
            f"{text}: the {n} years before {doc.year}, {first}-{last}.",
            f"{text}：{doc.year}年之前的{n}年，{first}—{last}年。",
            first,
            last,
        )
    if kind in ("en_part_bare", "cn_part"):
        part = groups["part"]
        year = _part_year(part, doc)
        iso, _ = _span(year, part)
        return expr(
            iso,
            f"{text} names no year; the latest such span ended by {doc}: {iso}.",
            f"“{text}”未写年份；按文件日期{doc}理解为{iso}。",
        )
    if kind == "next_years":
        word = groups.get("n") or groups.get("en") or ""
        n = int(word) if word.isdigit() else {**_EN_COUNT, "两": 2, "二": 2, "三": 3, "四": 4,
                                              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                                              "十": 10}.get(word, 0)  # fmt: skip
        if not 1 <= n <= 30:
            return None
        iso = f"P{n}Y"
        return expr(
            iso,
            f"{text}: a span of {n} years whose start is not stated ({iso}).",
            f"“{text}”：为期{n}年，起点未说明（{iso}）。",
        )
    if kind == "cn_doc_year":
        if year is None:
            return None
        iso, _ = _span(year, groups["part"])
        return expr(
            iso,
            f"{text} in a review of {year} (its title's year): {iso}.",
            f"“{text}”：本文回顾{year}年（标题所述年份），即{iso}。",
        )
    if kind == "en_in_month":
        last = _latest_month_end(_MONTH_NUMBER[groups["mon"]], doc)
        iso = f"{last.year}-{last.month:02d}-01/{last.isoformat()}"
        return expr(
            iso,
            f"{text} names no year; the latest such month ended by {doc}: {iso}.",
            f"“{text}”未写年份；按文件日期{doc}理解为{iso}。",
        )
    if kind in ("cn_now", "en_now"):
        iso = f"../{doc.isoformat()}"
        return expr(
            iso,
            f"{text} (now): the date is not stated; open up to the document date {doc}.",
            f"原文为“{text}”，未说明具体日期；记为截至文件日期{doc}。",
        )
    past = kind in ("cn_rel", "en_rel") and groups["rel"] in ("过去一年", "the past year")
    if past and doc.month > 4 and not groups.get("part"):
        # in a text of October: the twelve months before it, not the last calendar year
        iso = f"../{doc.isoformat()}"
        return expr(
            iso,
            f"{text}: the twelve months before the document ({doc}), not a calendar year; "
            "open up to the document date.",
            f"“{text}”指文件日期（{doc}）前的十二个月，非日历年；记为截至文件日期。",
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
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded, start, end):
            if not match.group().strip():
                continue
            if any(t.start < match.end() and match.start() < t.end for t in taken):
                continue
            found = _read(kind, match, doc, original, year)
            if found is not None:
                taken.append(_as_comparison(found, folded))
    return sorted(taken, key=lambda t: t.start)


#: Words before a time expression that make it the base of a comparison.
_COMPARE_BEFORE = re.compile(
    r"(?:较|比|相比|相较|较之|对比|同比|环比)\s*(?:于)?\s*$"
    r"|\b(?:from|than|compared\s+(?:with|to)|against|versus|vs\.?|over)\s+(?:the\s+level\s+(?:of|at)\s+)?$"
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
