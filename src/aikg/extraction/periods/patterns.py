"""What each kind of time expression looks like: :data:`PATTERNS`, kind and pattern, in the
order they are tried, with the word lists they are made of. How each kind is read against the
document date is :mod:`aikg.extraction.periods.kinds`.
"""

from __future__ import annotations

import re

from aikg.extraction.periods.expression import MONTHS_EN

#: Parts of a year without a year (上半年, 首季, 前三季度, 前9个月; 中期 before a company's
#: results, its interim, and 半年度报告, 半年报: the first half).
_CN_PARTS = (
    r"上半年|下半年|前[三3]季度|前[三3]个季度|首[三3]季度?|前[三3]季|第?[一二三四1-4]季度|第[一二三四1-4]季"
    r"|首季度?|中期(?=业绩|报告|财报|收入|营收|净利|利润)|半年度(?=报告|业绩|财报)|半年报"
    r"|前(?:[二三四五六七八九十]|十[一二]|[2-9]|1[0-2])个?月(?![内里以])"
)

#: A month and a day in Chinese numerals (九月, 十二月; 十四日, 三十一日).
_CN_MONTH = "十[一二]|[一二三四五六七八九十]"
_CN_DAY = "三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"

#: A year in Chinese digits (二〇二六, 二○二六: ○, the white circle, is often typed for 〇).
_CN_YEAR = "[〇○零一二三四五六七八九]{4}"

#: Words that make a following year a goal rather than a period (到2027年, 力争到, by 2026).
GOAL_CN = "到|至|力争到|力争|争取到|目标是到|预计到"
AS_OF_CN = "截至|截止到|截止|截至到"

#: Abbreviated month names ("Dec. 24, 2025").
_MONTHS_SHORT = "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a company's reporting period by its end (截至6月30日止六个月, 截至2025年12月31日止年度,
    # "the six months ended June 30, 2026"): the months before that day, not the day
    (
        "cn_ended",
        re.compile(
            rf"(?:{AS_OF_CN})\s*(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>\d{{1,2}}|{_CN_MONTH})\s*月\s*"
            rf"(?P<d>\d{{1,2}}|{_CN_DAY})\s*[日号]\s*止\s*(?:的\s*)?"
            r"(?:(?P<n>\d{1,2}|十[一二]|[一二三四五六七八九十])\s*个\s*月|(?P<q>第[一二三四1-4]季度?|季度)"
            r"|(?P<fy>(?:财政)?年度|全年))"
        ),
    ),
    (
        "en_ended",
        re.compile(
            r"\b(?:for\s+)?the\s+(?:(?P<n>\d{1,2}|three|six|nine|twelve)\s+months"
            r"|(?P<q>(?:first\s+|second\s+|third\s+|fourth\s+)?quarter)"
            r"|(?P<fy>(?:fiscal\s+|financial\s+)?year))"
            rf"\s+ended\s+(?P<mon>{MONTHS_EN})\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?\b"
        ),
    ),
    (
        "cn_year_to_month",
        re.compile(
            r"(?P<y1>\d{4})\s*年?\s*[—–\-－~～至到]\s*(?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月"
            r"(?:份|底|末)?(?!\s*\d{1,2}\s*[日号])"
        ),
    ),
    (
        "cn_range",
        re.compile(r"(?P<y1>\d{4})\s*(?:年\s*)?[—–\-－~～至到]\s*(?P<y2>\d{4})\s*年(?!\s*\d)"),
    ),
    (
        "cn_month_range",
        re.compile(
            # (1-10月, 1至10月: the first month's 月 may be left out)
            r"(?:(?P<y1>\d{4})\s*年\s*)?(?<![\d.])(?P<m1>\d{1,2})\s*(?:月(?:份)?)?\s*[—–\-－~～至到]\s*"
            r"(?:(?P<y2>\d{4})\s*年\s*)?(?P<m2>\d{1,2})\s*月(?:份)?(?!\s*\d{1,2}\s*[日号])"
        ),
    ),
    (
        "en_month_range",
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<mon1>{MONTHS_EN})(?:\s+(?P<y1>\d{{4}}))?"
            rf"\s*(?:-|–|—|to|and|through|until)\s*(?P<mon2>{MONTHS_EN})\s+(?P<y2>\d{{4}})\b"
        ),
    ),
    (
        "cn_month",
        re.compile(rf"(?P<pre>{AS_OF_CN})?\s*(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>\d{{1,2}})\s*月份"),
    ),
    (
        "cn_ymd",
        re.compile(
            rf"(?P<pre>{AS_OF_CN}|{GOAL_CN})?\s*(?P<y>\d{{4}}|{_CN_YEAR})\s*年\s*"
            rf"(?P<m>\d{{1,2}}|{_CN_MONTH})\s*月"
            rf"(?:\s*(?P<d>\d{{1,2}}|{_CN_DAY})\s*[日号])?\s*(?P<end>底|末)?"
        ),
    ),
    (
        "cn_y",
        re.compile(
            rf"(?P<pre>{AS_OF_CN}|{GOAL_CN})?\s*(?P<y>\d{{4}}|{_CN_YEAR})\s*年(?!\s*\d)"
            # not a year's part the rules do not read (2026年秋季学期: no end date stated)
            r"(?!\s*(?:春季|夏季|秋季|冬季|春学期|秋学期|学期|學期))\s*(?:度\s*)?"
            rf"(?P<part>(?:{_CN_PARTS})(?:末|底)?|全年|年底|年末|底|末)?"
        ),
    ),
    (
        "cn_md",
        re.compile(
            rf"(?P<pre>{AS_OF_CN})\s*(?P<rel>今年|去年|上年)?\s*(?P<m>\d{{1,2}}|{_CN_MONTH})\s*月"
            rf"(?:\s*(?P<d>\d{{1,2}}|{_CN_DAY})\s*[日号])?"
            r"\s*(?P<end>底|末)?"
        ),
    ),
    # 6月末, 今年6月底 without 截至: the end of that month (九月底 in Chinese numerals too)
    (
        "cn_month_end",
        re.compile(
            rf"(?<![\d年〇零一二三四五六七八九十])(?P<rel>今年|去年|上年)?(?P<m>\d{{1,2}}|{_CN_MONTH})"
            r"\s*月(?P<end>底|末)"
        ),
    ),
    # 今日（十月十四日）: a press release's day, stated in brackets after "today"
    (
        "cn_today",
        re.compile(
            rf"(?:今日|今天)\s*[（(]\s*(?P<m>\d{{1,2}}|{_CN_MONTH})\s*月\s*"
            rf"(?P<d>\d{{1,2}}|{_CN_DAY})\s*[日号]\s*[)）]"
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
    # 10月出口, 今年10月: a month named without 份 and without a day (a month's flow); not a
    # month of a range (1-10月, 前10月), nor a date (10月9日), nor a span's start (10月以来)
    (
        "cn_bare_month",
        re.compile(
            r"(?<![\d年〇零一二三四五六七八九十前至到\-－—–~～个個第])(?P<rel>今年|去年|上年)?"
            r"(?P<m>1[0-2]|[1-9])\s*月(?![份底末初中旬内裡里以起前后後\d日号])"
        ),
    ),
    ("cn_now", re.compile(rf"(?:{AS_OF_CN})\s*(?:目前|当前|现在|今)|目前|当前|如今|现已")),
    (
        "cn_rel",
        re.compile(
            r"(?P<rel>今年|去年|上年|前年|过去一年|上一年|明年)"
            rf"(?P<part>(?:{_CN_PARTS})(?:末|底)?|年底|年末|底|末|全年)?"
        ),
    ),
    ("cn_part", re.compile(rf"(?P<part>(?:{_CN_PARTS})(?:末|底)?)")),
    (
        "en_month",
        re.compile(
            rf"\b(?:(?P<pre>as of|as at|by|until|through|at)\s+)?"
            rf"(?P<endw>(?:the\s+)?end\s+of\s+|end-)?"
            rf"(?P<mon>{MONTHS_EN})(?:\s+(?P<y>\d{{4}}))?\b"
        ),
    ),
    (
        "en_end",
        re.compile(
            r"\b(?:(?P<pre>by|as of|at|until)\s+)?(?:the\s+end\s+of\s+"
            r"(?:(?P<y>\d{4})|(?P<rel>last year|this year|the year))|end-(?P<y2>\d{4}))\b"
        ),
    ),
    (
        "en_part",
        re.compile(
            r"\b(?:(?P<endw>(?:(?:at|by|as\s+of)\s+)?the\s+end\s+of\s+)|in\s+)?"
            r"the\s+(?P<part>first half|second half|first three quarters|first quarter"
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
            r"\b(?:(?P<endw>(?:(?:at|by|as\s+of)\s+)?the\s+end\s+of\s+)|in\s+)?"
            r"the\s+(?P<part>first half|second half|first three quarters"
            r"|first quarter|second quarter|third quarter|fourth quarter)\b(?!\s+of\s)"
        ),
    ),
    ("en_yoy", re.compile(r"\b(?P<rel>a\s+year\s+(?:earlier|ago|before)|the\s+previous\s+year)\b")),
    ("en_by", re.compile(r"\bby\s+(?P<y>\d{4})\b")),
    ("en_in", re.compile(r"\b(?:in|for|during|of)\s+(?P<y>\d{4})\b")),
    ("en_rel", re.compile(r"\b(?P<rel>last year|this year|the past year|a year earlier)\b")),
    (
        "en_mdy",
        re.compile(
            rf"\b(?:(?:as of|as at|by|until|on)\s+)?(?P<mon>{MONTHS_EN}|{_MONTHS_SHORT})\.?"
            r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b"
        ),
    ),
    ("en_month_y", re.compile(rf"\b(?P<mon>{MONTHS_EN})\s+(?P<y>\d{{4}})\b")),
    (
        "en_in_month",
        re.compile(rf"\b(?:in|during)\s+(?P<mon>{MONTHS_EN})\b(?!\s+\d|\s+of\b)"),
    ),
    ("en_now", re.compile(r"\b(?:now|currently|at present|presently)\b")),
    # 全年, 年末 with no year of their own: the year of an annual review (its title's year)
    ("cn_doc_year", re.compile(r"(?<![\d年今去上前本当同])(?P<part>全年|年末|年底)")),
]
