"""Times: the reference period or goal year of each figure, from the time expressions found.

Reads the layout, the :class:`~aikg.extraction.periods.TimeExpr` found in the text
(:func:`aikg.extraction.periods.find_times`) and a figure's :class:`Mention`; returns the
expression that dates the figure (its own, or one carried from its clause, sentence, paragraph,
list lead-in or heading) and the readings that refine it: an average over a span of years, a
stock at a year's end, the date of an earlier level, a goal for the year not yet ended, the
fieldwork span of a survey, the year an annual review reports on, and the base period of a
change.
"""

from __future__ import annotations

import re
from datetime import date

from aikg.extraction.layout import LIST_ITEM, Layout
from aikg.extraction.periods import TimeExpr, shift_year
from aikg.extraction.quantities import Mention
from aikg.extraction.script import has_cjk

#: Words that say a figure is expected or estimated, not observed.
ESTIMATE = re.compile(r"expected|forecast|projected|estimated|预计|预期|有望|估计|推算")


#: A sentence that compares with the same span a year before (the span is stated earlier).
_YOY = re.compile(
    r"同比|上年同期|去年同期|上一年同期|(?<![上去全今本当前])年[增减]|year[ -]on[ -]year"
    r"|from a year (?:earlier|ago)|"
    r"than a year (?:earlier|ago)|compared with (?:the same period of )?(?:a year|last year)"
)
#: An average over years: the figure's period is a span of years.
_AVERAGE = re.compile(
    r"年均|年平均|平均每年|年复合|复合年均|average annual|annual average|annually on average"
    r"|compound annual|cagr"
)
#: A stock built up by the end of a year (去年已建成, 累计): the year's end, not the year; a
#: cumulative total with no start (累计, cumulative) is open up to the year's end.
_STOCK = re.compile(
    r"已建成|已经建成|累计建成|累计|已有|共有|已培育|已经培育|保有量|存量"
    r"|\bhad (?:set up|built|established|installed)\b|\bcumulative\b|\bin total\b"
)


#: A survey and its fieldwork: 于2026年8月至9月开展…调查, "the survey was conducted in May 2026".
_SURVEY = re.compile(
    r"调查|问卷|抽样|普查|民调|\bsurvey(?:ed|s)?\b|\bpoll(?:ed|s)?\b|questionnaire|fieldwork"
)
_FIELDWORK = re.compile(
    r"开展|进行|实施|组织|完成|展开|conducted|carried out|fielded|took place|ran|interviewed"
    r"|surveyed|polled"
)

_LEVEL_BEFORE_DATE = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|(?<!more )(?<!less )(?<!fewer )"
    r"(?<!rather )\bthan)\s+(?:about\s+|some\s+|nearly\s+"
    r"|around\s+|roughly\s+)?[\d.,]+\s*(?:[a-z%]+\s*){0,3}$"
)


def _reread(time: TimeExpr, iso: str | None, en: str, zh: str, goal: int | None = None) -> TimeExpr:
    """The span of ``time`` read anew: period ``iso`` (or goal year ``goal``) and its readings."""
    return TimeExpr(time.start, time.end, time.text, iso, goal, en, zh)


def _dates_earlier_level(layout: Layout, time: TimeExpr) -> bool:
    """Whether ``time`` dates an earlier level stated just before it ("up from 249 million a year
    earlier", "compared with 22.5 percent at the end of 2024")."""
    lo = layout.clause_bounds(time.start)[0]
    return bool(_LEVEL_BEFORE_DATE.search(layout.folded[max(lo, time.start - 60) : time.start]))


def dating_times(layout: Layout, times: list[TimeExpr]) -> list[TimeExpr]:
    """The expressions of ``times`` that date a number by themselves: not a comparison or an
    anaphor, not the date of an earlier level ("compared with 22.5 percent at the end of
    2024", which dates only that level). Read once per text: every figure looks at them."""
    out: list[TimeExpr] = []
    for t in times:
        if t.dates and not _dates_earlier_level(layout, t):
            out.append(t)
        elif t.anaphor and t.span is not None and not t.comparison:
            # 过去十年间 after 2014年至2023年 (the same ten years, stated before): that period
            same = [s for s in out if s.span == t.span and s.iso and not s.is_goal]
            if same:
                iso = same[-1].iso
                out.append(
                    _reread(
                        t,
                        iso,
                        f"{t.text}: the same years as {same[-1].text} stated before, {iso}.",
                        f"“{t.text}”即前文所述{same[-1].text}，{iso}。",
                    )
                )
    return out


#: A report the text reports on (CNNIC's 第49次《中国互联网络发展状况统计报告》, "the 49th
#: Statistical Report on China's Internet Development", "a newly-released report by …", 报告显示).
_STAT_REPORT = re.compile(
    r"统计报告|发展状况统计|statistical report|\breport on china's internet|报告显示"
    r"|发布公告|公告显示|公告称|\bannouncement\b"
    r"|\breport (?:by|from|released|published|shows|showed|said|says)\b"
    r"|\bthe (?:[\w\"-]+ ){0,2}[\"“]?report\b"
)
#: A date the report's figures stand at: 截至2021年12月, "as of December 2021", "by the end of
#: June 2022".
_AS_OF = re.compile(r"(?:截至|截止|截止到|截至到|\bas of|\bas at|\bby)\s*(?:the\s+end\s+of\s+)?$")


def coverage_date(layout: Layout, times: list[TimeExpr]) -> TimeExpr | None:
    """The date a statistical report's figures stand at (截至2021年12月, "as of December
    2021"), when the text reports one: the first such date of its body. A figure of the text
    with no date of its own is the report's, at that date, not open up to the article's."""
    body = layout.folded[layout.body_start :]
    if not _STAT_REPORT.search(body):
        return None
    for t in times:
        if t.start < layout.body_start or not t.dates or t.is_goal or not t.iso:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.iso):
            continue  # a point in time (the end of a month), not a span
        before = layout.folded[max(layout.body_start, t.start - 16) : t.start]
        if _AS_OF.search(before) or re.match(r"截至|截止|as of\b|as at\b|by\b", t.text.lower()):
            return t
    return None


def survey_period(layout: Layout, times: list[TimeExpr]) -> TimeExpr | None:
    """The fieldwork span of a survey the text reports (调查…2026年8月至9月): the period of its
    figures that state no date of their own. The first span of months or days stated in a
    sentence that speaks of conducting a survey."""
    for t in times:
        if not t.dates or t.is_goal or not t.iso or "/" not in t.iso or t.iso.startswith(".."):
            continue
        if t.span is not None or re.fullmatch(r"(\d{4})-01-01/\1-12-31", t.iso):
            continue  # a whole year or a span of years is not a fieldwork period
        sentence = layout.sentence_at(t.start)
        if sentence is None:
            continue
        words = layout.folded[sentence.start : sentence.end]
        if _SURVEY.search(words) and _FIELDWORK.search(words):
            return t
    for t in times:
        # a survey named with its year (《2025年住户使用资讯科技调查》): its figures are that
        # year's, whenever the text reports them
        if t.dates and not t.is_goal and t.iso and re.fullmatch(r"(\d{4})-01-01/\1-12-31", t.iso):
            named = _SURVEY_TITLE.match(layout.folded, t.end)
            if named and layout.folded.rfind("《", 0, t.start) > layout.folded.rfind(
                "》", 0, t.start
            ):
                return t
    return None


#: The rest of a survey's title after its year (《2025年…调查》).
_SURVEY_TITLE = re.compile(r"[^《》\n]{0,30}(?:调查|普查|问卷)[^《》\n]{0,6}》")


def _time_for(
    layout: Layout,
    times: list[TimeExpr],
    mention: Mention,
    survey: TimeExpr | None = None,
    dating: list[TimeExpr] | None = None,
) -> tuple[TimeExpr | None, bool]:
    """The time expression that dates ``mention``, and whether it is carried from before
    (``dating``: :func:`dating_times` of ``times``, when the caller has it).

    The nearest dating expression before it in its clause, else in its clause, else before it
    in its sentence, else (English) after it in its sentence, else the last one earlier in its
    paragraph. Comparisons (较2025年12月, "from a year earlier") and anaphors ("over the same
    period") never date a number themselves: an anaphor, or a year-on-year comparison in a
    sentence with no date, takes the period stated before it in the document (a year-on-year
    comparison presupposes a span: the last span stated).
    """
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    clause = layout.clause_bounds(mention.start)
    # English: a date right after the number is its own, even a comparison's ("slipped from
    # 30.1% at end-2023", "from 162 in 2024")
    own = [
        t
        for t in times
        if t.dates
        and not t.is_goal
        and t.iso
        and mention.end <= t.start < clause[1]
        and not layout.folded[mention.end : t.start].strip()
        and not has_cjk(layout.folded[sentence.start : sentence.end])
    ]
    if own:
        return own[0], False
    # the date of an earlier level ("compared with 22.5 percent at the end of 2024") dates only
    # that level
    if dating is None:
        dating = dating_times(layout, times)
    inside = [t for t in dating if sentence.start <= t.start < sentence.end]
    in_clause = [t for t in inside if clause[0] <= t.start < clause[1]]
    # an anaphor in the number's own clause ("by the end of the period") and no date there:
    # the period stated before it, its end for "the end of"
    anaphors = [
        t for t in times if t.anaphor and t.span is None and clause[0] <= t.start < clause[1]
    ]
    if anaphors and not in_clause:
        earlier = [t for t in dating if t.end <= anaphors[0].start and not t.is_goal and t.iso]
        if earlier:
            found = earlier[-1]
            if anaphors[0].at_end and found.iso and "/" in found.iso:
                iso = found.iso.rsplit("/", 1)[-1]
                if iso:
                    text = anaphors[0].text
                    return _reread(
                        anaphors[0],
                        iso,
                        f"{text}: the end of the period stated before ({found.text}), {iso}.",
                        f"“{text}”即前文所述时期（{found.text}）之末，{iso}。",
                    ), True
            return found, True
    before = [t for t in in_clause if t.end <= mention.start]
    if before:
        return before[-1], False
    if in_clause:
        return in_clause[0], False
    # a date in a modifier of another clause's noun (加上2025年公布的首批160个，…总数达到344个)
    # dates that noun only
    # (not a part of a year: 今年前3季核准的…案共62件，投資金額約19.4億美元 — the amount is of the
    # cases approved in that span)
    before = [
        t
        for t in inside
        if t.end <= mention.start
        and (not _MODIFIER_DATE.match(layout.folded, t.end) or _PART_OF_YEAR.fullmatch(t.iso or ""))
    ]
    if before:
        return before[-1], False
    sentence_text = layout.folded[sentence.start : sentence.end]
    after = [t for t in inside if t.start >= mention.end]
    # not the date of an earlier level stated after it ("…, compared with 22.5 percent at the
    # end of 2024"): that date is the earlier figure's
    if after and not has_cjk(sentence_text) and not _dates_earlier_level(layout, after[0]):
        return after[0], False
    line = layout.lines[sentence.line]
    earlier = [t for t in dating if line.start <= t.start < sentence.start]
    if earlier:
        return earlier[-1], True
    lead = _lead_in(layout, dating, sentence.line)
    if lead is not None:
        return lead, True
    stated = [t for t in dating if t.end <= sentence.start and not t.is_goal and t.iso]
    # an anaphor in the sentence, or earlier in its paragraph ("The gaps are visible in the same
    # data. Rural netizens numbered …"): the period stated before
    anaphor = any(
        t.anaphor and t.span is None and line.start <= t.start < sentence.end for t in times
    )
    if anaphor and stated:
        return stated[-1], True
    # a part of the figure stated before ("263 of them") or a further count of it ("a further
    # 592"), with no date of its own: the date of that figure
    folded = layout.folded
    if stated and (
        _PART_OF_THEM.match(folded, mention.end)
        or _FURTHER.search(folded, max(sentence.start, mention.start - 12), mention.start)
    ):
        return stated[-1], True
    spans = [t for t in stated if t.iso is not None and "/" in t.iso and not t.iso.startswith("..")]
    if _YOY.search(sentence_text) and spans:
        return spans[-1], True
    if survey is not None and survey.start < mention.start:
        return survey, True  # a survey's figures: its fieldwork span
    return None, False


#: A part of the figure stated before: "263 of them", "12 of these".
_PART_OF_THEM = re.compile(r"\s*(?:of|among)\s+(?:them|these|those)\b")
#: A further count of the figure stated before: "a further 592".
_FURTHER = re.compile(r"\ba further\s*$")


#: A lead-in that opens what follows: ends with a colon ("By 2027, the plan aims to:", 到2028年：).
_LEAD_END = re.compile(r"[:：]\s*$")


def _lead_in(layout: Layout, dating: list[TimeExpr], line_index: int) -> TimeExpr | None:
    """The time of the lead-in or heading that governs the line ``line_index``.

    A list item takes the time of the line that opens its list (the first line before it that is
    not an item): a lead-in ending with a colon ("By 2027, the plan aims to:", 到2028年，主要目标
    如下：) or a heading. A paragraph takes the time of a lead-in ending with a colon just before
    it, or of a Markdown heading or a short heading line that sets a goal horizon (到2027年).
    """
    lines = layout.lines
    item = bool(LIST_ITEM.match(lines[line_index].text))
    index = line_index - 1
    while index >= 0:
        line = lines[index]
        if not line.text.strip():
            index -= 1
            continue
        if item and LIST_ITEM.match(line.text) and not _LEAD_END.search(line.text):
            index -= 1
            continue
        break
    if index < 0 or lines[index].boilerplate:
        return None
    line = lines[index]
    stated = [t for t in dating if line.start <= t.start < line.end]
    if not stated:
        return None
    stripped = line.text.strip()
    heading = stripped.startswith("#")
    short = len(stripped) <= 40 and not re.search(r"[。.!?！？；;]\s*$", stripped)
    if _LEAD_END.search(stripped) or heading or (item and short):
        return stated[-1]
    if short and stated[-1].is_goal and not line.headline:
        return stated[-1]
    return None


def _over_years(
    layout: Layout, times: list[TimeExpr], mention: Mention, time: TimeExpr | None
) -> TimeExpr | None:
    """For an average over years (年均增长): the span of years it is averaged over, else None."""
    lo, hi = layout.clause_bounds(mention.start)
    if not _AVERAGE.search(layout.folded[lo : min(hi, mention.end + 12)]):
        return None
    if time is not None and time.span is not None:
        return None  # already a span (2021—2025年)
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    line = layout.lines[sentence.line]
    spans = [t for t in times if t.span is not None and sentence.start <= t.start < sentence.end]
    spans = spans or [
        t for t in times if t.span is not None and line.start <= t.start < mention.start
    ]
    if not spans:
        return None
    first, last = spans[-1].span  # type: ignore[misc]
    if time is not None and time.iso and not time.iso.startswith(".."):
        last = int(time.iso.rsplit("/", 1)[-1][:4])
    if last <= first:
        return None
    iso = f"{first}-01-01/{last}-12-31"
    words = f"{spans[-1].text}" + (f" … {time.text}" if time is not None else "")
    return TimeExpr(
        mention.start,
        mention.start,
        words,
        iso,
        None,
        f"An average over the years {first}-{last} ({words}): {iso}.",
        f"{first}—{last}年的年均值（{words}）：{iso}。",
        span=(first, last),
    )


#: Words that set a goal: 力争, 确保, 目标, "aims to", "plans to".
_GOAL_WORDS = re.compile(
    r"力争|确保|争取|目标|\b(?:aims?|aiming|plans?|planning|seeks?|seeking|strives?|striving|intends?)"
    r"\s+to\b|\btargets?\b|\bgoals?\b"
)


#: A plan's "expected targets" (预期目标, 预期性指标): goals, though 预期 alone is an estimate.
_EXPECTED_GOAL = re.compile(r"预期性?(?:目标|指标)")


def _current_year_goal(
    layout: Layout, mention: Mention, time: TimeExpr | None, doc_date: date
) -> TimeExpr | None:
    """A goal for the year not yet ended (今年…力争…, "this year the city aims to …").

    A number dated by a span that ends after the document date (今年, 2026年 in a text of January
    2026) is a goal of that year when a goal word (力争, 确保, 目标, aims to) stands before it in
    its sentence: the year is not over, so the figure cannot have been observed.
    """
    if time is None or time.is_goal or not time.iso or "/" not in time.iso:
        return None
    last = time.iso.rsplit("/", 1)[-1]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", last) or date.fromisoformat(last) <= doc_date:
        return None
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    lo = max(sentence.start, time.end if sentence.start <= time.start < mention.start else 0)
    line = layout.lines[sentence.line]
    if line.start <= time.start < sentence.start:
        # a goal lead-in earlier in the paragraph governs the clauses after it (今年…主要预期目标
        # 是：地区生产总值增长5.5%左右；…突破7000亿元)
        lo = time.end
    # 预期目标 is a goal ("expected targets"), not an estimate
    words = _EXPECTED_GOAL.sub("目标", layout.folded[lo : mention.start])
    if not _GOAL_WORDS.search(words) or ESTIMATE.search(words):
        return None
    year = int(last[:4])
    return _reread(
        time,
        None,
        f"{time.text} with a goal word before the number, in a text of {doc_date}: "
        f"a goal for {year}.",
        f"“{time.text}”且数字前有目标用语，文件日期为{doc_date}：{year}年的目标。",
        goal=year,
    )


def _earlier_time(
    layout: Layout,
    times: list[TimeExpr],
    mention: Mention,
    time: TimeExpr | None,
    period: str | None,
) -> TimeExpr | None:
    """The date of an earlier level: its own date after it in its clause ("compared with 22.5
    percent at the end of 2024"), else the figure's period a year back ("up from 249 million a
    year earlier")."""
    hi = layout.clause_bounds(mention.start)[1]
    own = [t for t in times if t.dates and not t.is_goal and mention.end <= t.start < hi]
    if own:
        return own[0]
    relative = [t for t in times if t.relative and mention.end <= t.start < hi]
    if relative and period:
        iso = shift_year(period)
        if iso:
            text = relative[0].text
            return _reread(
                relative[0],
                iso,
                f"{text}: the figure before it a year back, {iso}.",
                f"“{text}”：前一数据的日期前推一年，{iso}。",
            )
    return time


_CUMULATIVE = re.compile(r"累计|\bcumulative(?:ly)?\b|\bin total\b")
#: The start of a cumulative total (自2019年以来累计, "since 2019"): not an open period.
_SINCE = re.compile(r"以来|开始|起|\bsince\b")


def _year_end(layout: Layout, mention: Mention, time: TimeExpr | None) -> TimeExpr | None:
    """A whole year dating a stock built up (去年已建成, had set up): the year's end; a cumulative
    total with no start stated (累计达到118家, in a review of 2025): open up to the year's end."""
    if time is None or time.iso is None or time.span is not None:
        return None
    found = re.fullmatch(r"(\d{4})-01-01/\1-12-31", time.iso)
    if not found:
        return None
    lo = max(layout.clause_bounds(mention.start)[0], time.end if time.end <= mention.start else 0)
    words = layout.folded[lo : mention.end]  # the value text may hold the verb (累计达到118家)
    if not _STOCK.search(words):
        return None
    iso = f"{found.group(1)}-12-31"
    clause_lo = layout.clause_bounds(mention.start)[0]
    if _CUMULATIVE.search(words) and not _SINCE.search(layout.folded[clause_lo : mention.end]):
        iso = f"../{iso}"
        return _reread(
            time,
            iso,
            f"{time.text} with a cumulative total and no start stated: open up to the year's "
            f"end, {iso}.",
            f"“{time.text}”所述为累计数、未说明起点：记为截至年末、起点未说明，{iso}。",
        )
    return _reread(
        time,
        iso,
        f"{time.text} with a stock built up by then: the year's end, {iso}.",
        f"“{time.text}”所述为累计存量：记为年末{iso}。",
    )


def base_period(layout: Layout, times: list[TimeExpr], mention: Mention, period: str) -> str | None:
    """The base period of a change: the comparison in its clause (较2025年12月, 同比 …)."""
    lo, hi = layout.clause_bounds(mention.start)
    compared = [t for t in times if t.comparison and lo <= t.start < hi]
    if compared and not compared[0].relative and compared[0].iso:
        same = re.match(r"\s*(?:的)?同期", layout.folded[compared[0].end : compared[0].end + 4])
        year = re.match(r"(\d{4})-01-01/\1-12-31$", compared[0].iso)
        if same and year and re.match(r"\d{4}", period):
            # 比2025年同期: the period in that year
            return shift_year(period, int(year.group(1)) - int(period[:4])) or compared[0].iso
        return compared[0].iso
    if compared or _YOY.search(layout.folded[lo:hi]):
        return shift_year(period)
    return None


def _review_time(year: int, mention: Mention) -> TimeExpr:
    """The year an annual review reports on, for a figure with no time phrase of its own."""
    iso = f"{year}-01-01/{year}-12-31"
    return TimeExpr(
        mention.start,
        mention.start,
        str(year),
        iso,
        None,
        f"No date in the sentence; the text reviews {year} (its title's year): {iso}.",
        f"句中未说明日期；全文回顾{year}年（标题所述年份）：{iso}。",
    )


#: An addition to a stock over a part of a year (上半年新增, 前4月新增, "added in the first half").
#: (Script folding writes 新增 as 添加.)
_ADDED = re.compile(r"新增|添加|新備案|新备案|\badded\b|\bnewly\b")
#: A stock in the sentence: a cumulative count, or a level as of a date.
_STOCK_STATED = re.compile(r"累计|累計|截至|截止|\bcumulative|\bin total\b|\bas of\b")
#: A clause that states a part of the figure before it (其中, "of which").
_PART_CLAUSE = re.compile(r"其中|\bof which\b|\bof them\b")
#: The end of a part's clause: a semicolon, or a sentence-internal 另有/此外 ("另有523款").
_PART_END = re.compile(r"[；;]|[，,]\s*(?:另有|另外|此外|同时)")
#: The end of a sentence (a 其中 clause ends with it at the latest).
_SENTENCE_END = re.compile(r"[。！？!?]|\.\s")


def _outside_part(
    layout: Layout, dating: list[TimeExpr], mention: Mention, time: TimeExpr | None
) -> TimeExpr | None:
    """The sentence's date for a figure after a 其中 clause that states a date of its own
    (截至6月30日，累计811款，其中上半年新增165款；另有523款…): the part's date (上半年) dates the
    part only; the figure after the clause ends takes the date before 其中."""
    if time is None:
        return None
    sentence = layout.sentence_at(mention.start)
    if sentence is None:
        return None
    line = layout.lines[sentence.line]
    if not line.start <= time.start < mention.start:
        return None
    text = layout.folded
    part = None
    for m in _PART_CLAUSE.finditer(text, line.start, time.start):
        part = m
    if part is None or not _PART_END.search(text, time.end, mention.start):
        return None
    if _SENTENCE_END.search(text, part.end(), time.start):
        return None  # the 其中 clause ended with its sentence: the date opens another one
    opened = layout.sentence_at(part.start())
    lo = opened.start if opened is not None else line.start
    before = [
        t for t in dating if lo <= t.start < part.start() and t.iso and not t.is_goal and t.dates
    ]
    return before[-1] if before else None


#: A date that opens a modifier with its verb (2025年公布的首批): it dates the noun the modifier
#: qualifies. (2024年的11.08亿人 is the figure's own date, shared by the clauses after it.)
_MODIFIER_DATE = re.compile(r"\s*[\u4e00-\u9fff]{1,4}的")
#: A span within one year that is not the whole year (前三季度, 1-10月, 上半年).
_PART_OF_YEAR = re.compile(r"(\d{4})-(?!01-01/\d{4}-12-31)\d{2}-\d{2}/\1-\d{2}-\d{2}")
#: Counters of establishments (家, 所, 间): a count of them is a stock (firms, schools).
_ESTABLISHMENTS = re.compile(r"家|所|间|間|座")
#: Words of a flow of establishments (新增, 新设, 注册, 落户): a count over the span, not a stock.
_NEW_ESTABLISHMENTS = re.compile(
    r"新增|添加|新设|新設|新注册|注册|註冊|落户|落戶|引进|引進|新建|增加|增长|增長|减少|減少|下降"
)


def _stock_at_end(layout: Layout, mention: Mention, time: TimeExpr | None) -> TimeExpr | None:
    """A count of establishments (企业超过160家, 2860所学校) dated by a part of a year
    (上半年): a stock, at the part's end (2026-06-30), not a flow over it; new ones (新增 …)
    are a flow."""
    if time is None or not time.iso or "/" not in time.iso or time.iso.startswith(".."):
        return None
    if time.span is not None or re.fullmatch(r"(\d{4})-01-01/\1-12-31", time.iso):
        return None  # a span of years, or a whole year
    if not _ESTABLISHMENTS.fullmatch(mention.quantity.unit_text or ""):
        return None
    sentence = layout.sentence_at(mention.start)
    if sentence is None or not sentence.start <= time.start < sentence.end:
        return None  # a span carried from another sentence (a yoy rate's): as it is
    clause = layout.clause_bounds(mention.start)
    if _NEW_ESTABLISHMENTS.search(layout.folded, clause[0], mention.end):
        return None
    end = time.iso.rsplit("/", 1)[-1]
    return _reread(
        time,
        end,
        f"{time.text}: a count of establishments is a stock, at the end of the span, {end}.",
        f"“{time.text}”：机构、企业等的数量为存量，记为期末{end}。",
    )


def _added_at_end(layout: Layout, mention: Mention, time: TimeExpr | None) -> TimeExpr | None:
    """An addition to a stock over a part of a year, in a sentence that states the stock
    (累计811款，其中上半年新增165款): the stock's change at the part's end (2026-06-30), as a
    level's change is dated, not a flow over the part."""
    if time is None or not time.iso or "/" not in time.iso or time.iso.startswith(".."):
        return None
    if time.span is not None or re.fullmatch(r"(\d{4})-01-01/\1-12-31", time.iso):
        return None  # a span of years, or a whole year: a flow of its own
    sentence = layout.sentence_at(mention.start)
    if sentence is None or not sentence.start <= time.start < sentence.end:
        return None
    text = layout.folded
    between = (time.end, mention.start) if time.end <= mention.start else (mention.end, time.start)
    if not _ADDED.search(text, *between):
        return None  # "150 were newly filed in the first half": the words between the two
    if not _STOCK_STATED.search(text[sentence.start : sentence.end]):
        return None
    end = time.iso.rsplit("/", 1)[-1]
    return _reread(
        time,
        end,
        f"{time.text}: an addition to the stock the sentence states, dated at the end of the "
        f"span, {end}.",
        f"“{time.text}”新增为该句所述存量的增加，记为期末{end}。",
    )


#: A flow over a span (revenue, exports, output): 收入, 营收, "revenue", "exports".
_FLOW = re.compile(
    r"收入|营收|营业额|销售额|出口|进口|产值|产量|增加值|利润|\brevenues?\b|\bsales\b|\bexports?\b"
    r"|\bimports?\b|\boutput\b|\bprofits?\b"
)
#: Words of a stock or of a date in the sentence (截至, 累计, 末, "as of"): not a flow's year.
_STOCK_WORDS = re.compile(r"截至|截止|累计|年末|年底|月末|月底|余额|\bas of\b|\bcumulative")


def _flow_over_year(layout: Layout, mention: Mention, time: TimeExpr | None) -> TimeExpr | None:
    """A flow (收入, revenue) whose sentence states no date and takes a year's end stated in an
    earlier sentence (截至2026年末，研发人员…。…业务收入为52.3亿元): the flow is over that year,
    not at its end; None otherwise."""
    if time is None or not time.iso or not re.fullmatch(r"\d{4}-12-31", time.iso):
        return None
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    words = layout.folded[sentence.start : mention.start]
    if not _FLOW.search(words) or _STOCK_WORDS.search(words):
        return None
    year = time.iso[:4]
    iso = f"{year}-01-01/{year}-12-31"
    return _reread(
        time,
        iso,
        f"{time.text} (stated before) dates a flow: over the year, {iso}.",
        f"前文“{time.text}”所述为流量：记为全年，{iso}。",
    )


def date_figure(
    layout: Layout,
    times: list[TimeExpr],
    mention: Mention,
    doc_date: date,
    *,
    survey: TimeExpr | None = None,
    review: int | None = None,
    earlier_period: str | None = None,
    earlier: bool = False,
    dating: list[TimeExpr] | None = None,
) -> tuple[TimeExpr | None, bool]:
    """The time that dates the figure at ``mention``, and whether it is carried from before.

    ``survey`` is the fieldwork span of a survey the text reports, ``review`` the year an
    annual review reports on; ``earlier`` marks an earlier level of the figure before it, whose
    period is ``earlier_period``; ``dating`` is :func:`dating_times` of ``times``, read once per
    text by the caller (else here).
    """
    time, carried = _time_for(layout, times, mention, survey, dating)
    if carried:
        time = _flow_over_year(layout, mention, time) or time
    time = _outside_part(layout, times if dating is None else dating, mention, time) or time
    time = _added_at_end(layout, mention, time) or _stock_at_end(layout, mention, time) or time
    if time is None and review is not None:
        time, carried = _review_time(review, mention), False
    time = _over_years(layout, times, mention, time) or _year_end(layout, mention, time) or time
    if earlier:
        time, carried = _earlier_time(layout, times, mention, time, earlier_period), False
    time = _current_year_goal(layout, mention, time, doc_date) or time
    return time, carried
