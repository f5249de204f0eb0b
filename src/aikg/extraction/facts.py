"""Facts: each figure of the text as an observation or a target of the draft sheet.

Reads a figure's :class:`Mention` with its layout, the time expressions and the policies the
text names, and the builder's state; returns the sheet entry (variable, evidence, value, unit,
qualifier, age band, denominator, and the period, base period and area of an observation or the
year, policy and area of a target, with a reading note that says how each was read) and its
:class:`~aikg.extraction.sheet.Fact`. The rule families it applies live in their own modules:
:mod:`~aikg.extraction.subjects`, :mod:`~aikg.extraction.bases`,
:mod:`~aikg.extraction.areas`, :mod:`~aikg.extraction.times` and
:mod:`~aikg.extraction.policies`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from rdflib import URIRef

from aikg.extraction.anchor import anchor
from aikg.extraction.areas import figure_area, is_world, target_area
from aikg.extraction.bases import population_base, share_of
from aikg.extraction.doubts import doubts
from aikg.extraction.entities import EntityMention
from aikg.extraction.layout import Layout, Sentence, first_line
from aikg.extraction.periods import TimeExpr
from aikg.extraction.policies import policy_for
from aikg.extraction.quantities import Mention, is_person_subject
from aikg.extraction.script import fold, has_cjk
from aikg.extraction.sheet import Fact, SheetBuilder
from aikg.extraction.subjects import (
    WORLD_SHARE_OF,
    change_label,
    change_suffix,
    english_label,
    is_earlier_level,
    respectively,
    subject_of,
)
from aikg.extraction.times import ESTIMATE, base_period, date_figure
from aikg.extraction.units import unit_curie, unit_iri, unit_kind
from aikg.extraction.variables import Variable, clean_subject, is_change
from aikg.namespaces import ID, expand, shorten
from aikg.numbers import unsupported_unit

#: sentence start -> (end, subject, variable) of its last number that is not a change
Previous = dict[int, tuple[int, str, str]]
#: The reading notes of a fact, (English, Chinese) each.
Readings = list[tuple[str, str]]


@dataclass
class _Figure:
    """What the rules read of one figure before its sheet entry is written."""

    sentence: Sentence
    english: bool  # the sentence has no Chinese
    subject: str
    raw: str  # the clause before the number
    kind: str  # unit kind
    prior: tuple[int, str, str] | None  # the sentence's figure before (see Previous)
    change: bool
    earlier: bool  # an earlier level of the figure before
    item: str  # the item of 分别 the number belongs to
    label: str
    denominator: str | None
    area: str = ""
    area_basis: str = ""  # what the area was read from (aikg.extraction.areas.figure_area)
    variable_basis: str = ""  # "graph", "new", "new-beside" (a graph variable passed over)
    variable: str = ""
    variable_new: bool = False
    earlier_period: str | None = None
    continues: bool = False  # an item of a list that continues a rate (see _continues_rate)


def fact(
    builder: SheetBuilder,
    layout: Layout,
    mention: Mention,
    times: list[TimeExpr],
    previous: Previous,
    policies: list[EntityMention],
    key: str,
    number: int,
    doc_date: date,
) -> tuple[dict[str, Any] | None, Fact]:
    """The sheet entry of the figure at ``mention`` (the ``number``-th of the text) and its
    :class:`Fact`; (None, an empty Fact) for a number that only a goal may state."""
    figure = _read(builder, layout, mention, times, previous)
    _measure(builder, layout, mention, figure, previous)
    time, carried = date_figure(
        layout,
        times,
        mention,
        doc_date,
        survey=builder.survey,
        review=builder.review,
        earlier_period=figure.earlier_period,
        earlier=figure.earlier,
        dating=builder.dating,
    )
    goal = time is not None and time.is_goal
    entry_id = f"{'target' if goal else 'obs'}:{key}-{number}"
    spec, readings = _entry(builder, layout, mention, figure, entry_id)
    if mention.goal_only and not goal:
        return None, Fact("", "", "", "", False, None, None)
    if goal:
        assert time is not None
        found = _target(builder, layout, mention, figure, time, policies, spec, readings)
    else:
        found = _observation(
            builder, layout, mention, figure, (time, carried), times, spec, readings
        )
    readings += doubts(found)  # what the rules assumed (the draft leaves the figure out)
    spec["reading"] = {
        "en": " ".join(en for en, _ in readings),
        "zh": "".join(zh for _, zh in readings),
    }
    if mention.qualifier and not mention.qualifier_reading:
        spec.pop("qualifier")
    return spec, found


def _read(
    builder: SheetBuilder,
    layout: Layout,
    mention: Mention,
    times: list[TimeExpr],
    previous: Previous,
) -> _Figure:
    """The subject, unit kind and label of a figure; whether it is a change, an earlier level or
    an item of 分别; the population a share is of."""
    text = layout.text
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    subject, raw = subject_of(layout, mention, times)
    sentence_text = text[sentence.start : sentence.end]
    english = not has_cjk(sentence_text)
    prior = previous.get(sentence.start)
    label = subject
    change = is_change(raw) or (is_change(text[mention.end : mention.end + 12]) and english)
    # an earlier level of the figure before it ("up from 249 million a year earlier"): the same
    # variable at an earlier date, not a change
    earlier = prior is not None and english and is_earlier_level(layout, mention, sentence.start)
    if earlier:
        change = False
    item = respectively(layout, mention, raw)
    kind = _kind(builder, layout, mention, subject, prior if change or earlier else None, item)
    if change and prior and "分别" not in raw:
        label = change_label(prior[1], kind)
    if item:
        label = item + (change_suffix(kind) if change else "")
    denominator = population_base(builder, layout, mention, raw, kind)
    share = share_of(builder, mention, raw, prior[1] if prior else "")
    if share:
        denominator = share[0] or denominator
        label = share[1]
    if kind == "rank" and not english and not item:
        label = _rank_label(raw, prior[1] if prior else "") or label
    if (
        kind == "percent"
        and not english
        and prior
        and _SHARE_CN.search(raw)
        and builder.sentence_areas.get(sentence.start) == "place:world"
    ):
        # 全球算力总规模约为1100EFLOPS，其中美国占比约为32%: a share of the world total before it
        label = f"{prior[1]}占全球比重"
    world_share = (
        WORLD_SHARE_OF.match(text, mention.end, sentence.end)
        if english and kind == "percent" and not change
        else None
    )
    if world_share:
        # "or 54 percent of all installations worldwide": the share of the world's total of
        # what the figure before counts, when it counts that
        of = (world_share.group("x") or world_share.group("y")).lower()
        whole = prior[1] if prior and prior[1].lower().endswith(of) else of
        label = f"share of the world's {whole}"
    if not label:
        label = prior[1] if prior else (mention.quantity.unit_text or "value")
    paragraph = text[layout.lines[sentence.line].start : mention.start]
    density = _DENSITY.findall(paragraph) if kind == "per_10k_workers" else None
    if kind == "per_10k_workers" and not density and builder.rate and not change:
        density = [builder.rate[1]]  # a country "with 1,080 units" after the rate
    if density and not change:
        # "Robot density … was led by South Korea with 1,012 robots per 10,000 employees": the
        # rate is the density the sentence names, not the things counted
        label = density[-1].lower()
    if english and not change and not earlier:
        label = english_label(builder, label)
    found = _Figure(
        sentence, english, subject, raw, kind, prior, change, earlier, item, label, denominator
    )
    found.continues = (
        kind == "per_10k_workers"
        and not (change or earlier)
        and _continues_rate(builder, layout, mention)
    )
    return found


#: A share named without its whole (美国占比, 占比重): the whole is the figure before it.
_SHARE_CN = re.compile(r"占比|佔比|(?:占|佔)[^，。；]{0,6}(?:比重|比例|份额|份額)")
#: The words before a Chinese rank (规模继续位居全球第二): the verb and the scope ranked in.
_RANK_BEFORE = re.compile(
    r"(?:继续|繼續|仍然|仍|稳|穩)?(?:位居|位列|排名|排在|居于|居於|位于|位於|居)\s*"
    r"(?P<where>全球|世界|全国|全國|亚洲|亞洲)\s*第\s*$"
)
_RANK_SCOPE = {
    "全球": "全球",
    "世界": "全球",
    "全国": "全国",
    "全國": "全国",
    "亚洲": "亚洲",
    "亞洲": "亚洲",
}


def _rank_label(raw: str, prior: str) -> str:
    """The label of a Chinese rank: what is ranked and where (算力总规模全球排名 for 规模继续位居
    全球第二 after 算力总规模达到…): the clause's subject, else (a bare 规模 or nothing) the
    subject of the figure before it in the sentence; "" when the clause names no scope."""
    found = _RANK_BEFORE.search(raw)
    if found is None:
        return ""
    head = clean_subject(raw[: found.start()])
    base = prior if prior and (len(head) <= 2 or head in prior) else head
    return f"{base}{_RANK_SCOPE[found.group('where')]}排名" if base else ""


#: An English item of a list that states a country's figure in the rate's words ("South Korea,
#: with 1,080 units", "Japan with 432", "stood at 303 units", "the global average rose to 177").
_UNITS_WORD = re.compile(r"\s*(?:units?\b|robots\b|[,.;)]|\s(?:in|from|while|and)\b|$)")


def _continues_rate(builder: SheetBuilder, layout: Layout, mention: Mention) -> bool:
    """Whether an English figure in bare "units" (or none) continues the rate per 10,000
    workers of the paragraph before or its own: a list of countries after the rate ("China
    behind only South Korea, with 1,080 units"), the global average."""
    if builder.rate is None or mention.unit not in (None, "count"):
        return False
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    between = [
        line for line in layout.lines[builder.rate[0] + 1 : sentence.line] if line.text.strip()
    ]
    if has_cjk(layout.text[sentence.start : sentence.end]) or len(between) > 1:
        return False  # not the paragraph of the rate or of its list, nor the next one
    if mention.quantity.multiplier != 1 or (mention.quantity.unit_text or "") not in ("", "units"):
        return False
    return bool(_UNITS_WORD.match(layout.text, mention.end))


#: The measure a rate per 10,000 workers is: 机器人密度, "robot density".
_DENSITY = re.compile(
    r"(?:\b(?!(?:the|a|an|its|their|and|of|in)\b)[a-z][a-z-]*(?<!'s) )?robot density"
    r"|機器人密度|机器人密度",
    re.I,
)
#: Money words: a Chinese figure in 亿 with no unit of its own is in yuan when its subject or
#: the noun after it is one (核心产业营收超3000亿, 超1000亿产业基金).
_MONEY = re.compile(
    r"营收|營收|收入|产值|產值|营业额|營業額|销售额|銷售額|增加值|基金|投资|投資|融资|融資|金额|金額"
    r"|资金|資金|利润|利潤|产业规模|產業規模|市场规模|市場規模|生产总值|生產總值"
)
#: A count of registrations or accounts, not of persons (用户注册总数, "user accounts").
_ACCOUNTS = re.compile(r"注册|註冊|账号|賬號|帳號|账户|賬戶|\baccounts?\b|\bregistrations?\b")
#: People named after an English number without a plural noun ("986 million Chinese used …").
_PEOPLE_AFTER = re.compile(r"\s+(?:Chinese|Americans|Europeans|Indians|Japanese|Koreans)\b")
#: Unit kinds a change or an earlier level does not inherit from its level (a change of a share
#: has its own unit, percentage points, and states it).
_OWN_UNIT_KINDS = ("percent", "percentage_point", "times", "rank")


def _kind(
    builder: SheetBuilder,
    layout: Layout,
    mention: Mention,
    subject: str,
    level: tuple[int, str, str] | None,
    item: str,
) -> str:
    """The unit kind of a figure: the one it states, else the one of the level it is a change
    or an earlier level of (``level``: 增长3549万 after 10.67亿人; "402 units" after "470 units
    per 10,000 employees"), else read from its subject (persons, money, plain counts)."""
    text = layout.text
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    inherited = builder.kinds.get(level[2]) if level else None
    if inherited in _OWN_UNIT_KINDS:
        inherited = None
    if not inherited and _continues_rate(builder, layout, mention):
        return "per_10k_workers"  # "South Korea, with 1,080 units": the rate before
    if mention.unit is not None:
        if inherited == "per_10k_workers" and mention.unit == "count":
            return inherited  # "a sharp rise from 402 units": the rate's earlier level
        return mention.unit
    if inherited:
        return inherited
    before = text[sentence.start : mention.start]
    after = text[mention.end : mention.end + 8]
    sentence_text = text[sentence.start : sentence.end]
    chinese = has_cjk(sentence_text)
    if chinese and mention.quantity.multiplier >= 10**8 and _MONEY.search(subject + after[:4]):
        return "CNY"
    if _ACCOUNTS.search(subject):
        return "count"
    if not chinese and _PEOPLE_AFTER.match(after):
        return "person"
    listed = re.search(r"\brespectively\b", text[mention.end : sentence.end])
    restated = re.search(r"\bor\s*$", before)
    if item or (not chinese and (listed or restated)):
        # an item of a list (…, 1.044 billion and 1.026 billion, respectively) or a share
        # restated as a number ("97.5 percent, or 1.007 billion"): the sentence says of whom
        return "person" if is_person_subject(before) else "count"
    context = subject + " " + sentence_text
    return "person" if is_person_subject(subject or context) else "count"


def _measure(
    builder: SheetBuilder,
    layout: Layout,
    mention: Mention,
    figure: _Figure,
    previous: Previous,
) -> None:
    """The figure's area and variable (reused from the graph or drafted); records the figure
    for the figures after it."""
    kind, prior, sentence = figure.kind, figure.prior, figure.sentence
    ukind = unit_kind(unit_iri(kind))
    world = is_world(layout, mention, figure.raw, kind)
    passed: Variable | None = None  # a graph variable of another scope, passed over
    reason = ""  # why it was passed over, when not for a body's or report's scope
    figure.area, figure.area_basis = figure_area(builder, mention, world and kind != "rank")
    area = figure.area
    listed = builder.places.find(fold(figure.item)) if figure.item else []
    if listed:
        # 韩国、日本和印度分别排名第三、第四和第五: the place is the item's
        figure.area = area = builder.place(listed[0][2])
    if figure.earlier and prior:
        var_iri = None
        figure.label = prior[1] or figure.label
        # "the global average rose to 177 units, from 162 in 2024": the earlier level is of
        # the place of the level it precedes
        figure.area = area = builder.sentence_areas.get(sentence.start, area)
        figure.earlier_period, earlier_base = builder.last_figure.get(sentence.start, (None, None))
        figure.denominator = figure.denominator or earlier_base
    elif figure.change and prior and "分别" not in figure.raw and not figure.item:
        # a change reuses the graph's variable only when the graph records it as the change
        # of the variable the change is of (aikg:changeOf), with the same kind of change
        var_iri = builder.variables.change_of(prior[2], kind, figure.raw)
        passed, reason = builder.variables.passed_over, builder.variables.passed_reason
    elif figure.english and (unit_word := unsupported_unit(layout.text[mention.end :][:20])):
        # "netizens spend 28.5 hours online": the number measures hours, not the netizens
        var_iri = None
        figure.label = f"{figure.label} ({unit_word})"
    else:
        context = _scope_context(builder, layout, sentence)
        lead = layout.text[sentence.start : mention.start]  # the sentence up to the figure
        # its own words: after the figure before it in the sentence ("… added 600 petaflops in
        # the first three quarters, while 5G base stations totaled 4.86 million")
        own = layout.text[prior[0] : mention.start] if prior and prior[0] < mention.start else lead
        whole = _wholes(builder, layout, mention, ukind)
        match = partial(
            builder.variables.match,
            unit=ukind,
            area=area,
            context=context,
            exclude=whole,
            change=figure.change,
            clause=lead,
            own=own,
        )
        var_iri = match(figure.label)
        passed, reason = builder.variables.passed_over, builder.variables.passed_reason
        if var_iri is None and figure.change and not figure.item:
            # a growth of a measure the graph names, stated in its words with no level before
            # it: the graph's change of that measure (its aikg:changeOf), of the same kind
            var_iri = builder.variables.change_by_base(figure.label, kind, area, figure.raw)
        if (
            var_iri is not None
            and kind == "rank"
            and not builder.variables.ranks_the_same(var_iri, figure.label)
        ):
            var_iri = None  # the rank of another thing, in the same place
        # (a subject's head noun after its modifiers, 已投入运营的万卡级智算集群 → 万卡级智算集群,
        # is not tried since the fifth revision: a modifier may narrow what is counted)
    figure.variable_new = var_iri is None
    figure.variable_basis = "graph" if var_iri is not None else "new"
    if figure.earlier and prior:
        figure.variable = prior[2]
        figure.variable_new = figure.variable.startswith("var:draft-")
        figure.variable_basis = "earlier"
    elif var_iri is None:
        new = builder.variables.draft(figure.label, ukind, ID["var"])
        figure.variable = builder.new_variable(new.iri, figure.label)
        if passed is not None:
            figure.variable_basis = "new-beside"
            builder.scope_note(
                figure.variable, shorten(str(passed.iri)), passed.scope_words, reason
            )
    else:
        figure.variable = shorten(str(var_iri))
    if figure.denominator is None and var_iri is not None and kind == "percent":
        usual = builder.variables.denominator_of(var_iri)
        figure.denominator = shorten(str(usual)) if usual else None
    builder.counted.append((mention.start, sentence.line, figure.label, figure.variable, ukind))
    builder.kinds[figure.variable] = kind
    builder.sentence_areas[sentence.start] = figure.area
    if figure.change and prior:
        previous[sentence.start] = prior
    else:
        subject = figure.subject or (prior[1] if prior else "")
        previous[sentence.start] = (mention.end, subject, figure.variable)
    if figure.english and not figure.change:
        builder.english_labels.append(figure.label)


#: A verb of speech right after a body's name: 數碼港表示, "Cyberport said".
_SAYS = re.compile(r"\s*(?:表示|称|稱|说|說|指出|介绍|介紹|宣布|透露|\bsaid\b|\bsays\b|\btold\b)")


#: A batch of a list published on a day (本批, 第十五批, "the latest batch").
_BATCH = re.compile(
    r"本批|该批|此批|第[\d一二三四五六七八九十]+批|\b(?:this|the latest|the new) batch\b"
)
#: A cumulative count after the batch (累计已有…): the stock, not the batch.
_STOCK_OF_BATCHES = re.compile(r"累计|共计已|至今|\bin total\b|\bcumulative")


def _own_statement(builder: SheetBuilder, layout: Layout, mention: Mention) -> bool:
    """Whether the figure's paragraph, before it, has a body speak in its own name (數碼港表示):
    what it says is as of the document's date, not of the statement the lead dates (发言人昨日
    表示, 23日开幕的大会)."""
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    line = layout.lines[sentence.line]
    return any(
        line.start <= m.start < mention.start
        and m.kind == "organization"
        and _SAYS.match(layout.folded, m.end)
        for m in builder.bodies
    )


#: A clause that states a part of the total before it: 其中智能算力…, "of which 210 EFLOPS …".
_PART_OF = re.compile(
    r"(?:^|[，,；;:：\s])其中|\b(?:of which|of whom|among them|including)\b", re.I
)


def _wholes(
    builder: SheetBuilder, layout: Layout, mention: Mention, ukind: str
) -> frozenset[URIRef]:
    """The graph variables of the totals a part's figure (其中…, "of which …") is a part of:
    the figures of the same kind of unit before it in its paragraph. A part is never of its
    whole's variable (其中智能算力 210EFLOPS is not the total computing power); an age band's
    figure is exempt, the band being a dimension of the same variable."""
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    if mention.age or not _PART_OF.search(layout.text[sentence.start : mention.start]):
        return frozenset()
    return frozenset(
        URIRef(expand(variable))
        for start, line, _label, variable, kind in builder.counted
        if line == sentence.line
        and start < mention.start
        and kind == ukind
        and not variable.startswith("var:draft-")
    )


#: A sentence that attributes its figures to a body (中国信通院测算, "according to CAICT"), which
#: may be one the graph does not know yet.
_ATTRIBUTION = re.compile(
    r"测算|统计显示|数据显示|报告显示|发布的|\baccording to\b|\bestimated by\b|\bdata from\b"
)


def _scope_context(builder: SheetBuilder, layout: Layout, sentence: Sentence) -> str:
    """The text that must name the scope of a variable for a figure of ``sentence`` to be of
    it (another body's measure, another report's): the sentence, and the document's title when
    the sentence names no body of its own."""
    text = layout.text[sentence.start : sentence.end]
    if _ATTRIBUTION.search(layout.folded[sentence.start : sentence.end]) or any(
        sentence.start <= m.start < sentence.end for m in builder.bodies
    ):
        return text
    title = layout.front_matter.get("title", "") or first_line(layout)
    return f"{text} {title}"


def _entry(
    builder: SheetBuilder, layout: Layout, mention: Mention, figure: _Figure, entry_id: str
) -> tuple[dict[str, Any], Readings]:
    """The entry's id, variable, evidence, value, unit, qualifier, age band and denominator."""
    text = layout.text
    quote_start = mention.start
    clause_lo = layout.clause_bounds(mention.start)[0]
    subject = figure.subject
    subject_at = text.rfind(subject, clause_lo, mention.start) if subject else -1
    if subject_at != -1 and mention.start - subject_at <= 20:
        quote_start = subject_at
    spec: dict[str, Any] = {"id": entry_id, "var": figure.variable}
    spec.update(anchor(text, quote_start, mention.end))
    if figure.variable_new and figure.variable not in builder.extra_mentions:
        builder.extra_mentions[figure.variable] = {
            "id": figure.variable,
            **anchor(text, quote_start, mention.end),
        }
    spec["value_text"] = mention.value_text
    if mention.unit is None or figure.kind in ("rank", "per_10k_workers"):
        spec["unit"] = unit_curie(figure.kind)
    readings: Readings = []
    if mention.unit_text:
        spec["unit"] = unit_curie("count")
        spec["unit_text"] = mention.unit_text
    if mention.qualifier:
        spec["qualifier"] = mention.qualifier
    if mention.qualifier_reading:
        readings.append(mention.qualifier_reading)
    if mention.unit_text:
        readings.append(
            (
                f"{mention.unit_text} is kept as the unit text (a count of the unit).",
                f"单位{mention.unit_text}记为单位文本。",
            )
        )
    start = figure.sentence.start
    if mention.age:
        spec["age"] = builder.age_code(mention.age.low, mention.age.high)
    elif figure.change and figure.prior and start in builder.ages:
        spec["age"] = builder.ages[start]  # the change of an age band's figure
    if "age" in spec and not figure.change:
        builder.ages[start] = spec["age"]
    if figure.denominator:
        spec["denominator"] = figure.denominator
    return spec, readings


def _target(
    builder: SheetBuilder,
    layout: Layout,
    mention: Mention,
    figure: _Figure,
    time: TimeExpr,
    policies: list[EntityMention],
    spec: dict[str, Any],
    readings: Readings,
) -> Fact:
    """A goal: its year, the policy that sets it, its area."""
    year = str(time.goal_year)
    spec["year"] = year
    spec["policy"] = policy_for(builder, layout, mention, policies)
    spec["area"] = target_area(builder, layout, mention, figure.area, spec["policy"], policies)
    readings.append((time.reading_en, time.reading_zh))
    variable, new = figure.variable, figure.variable_new
    area = figure.area_basis if spec["area"] == figure.area else "policy"
    basis = {"area": area, "variable": figure.variable_basis}
    return Fact(spec["id"], "target", mention.value_text, variable, new, None, year, basis)


def _observation(
    builder: SheetBuilder,
    layout: Layout,
    mention: Mention,
    figure: _Figure,
    dated: tuple[TimeExpr | None, bool],
    times: list[TimeExpr],
    spec: dict[str, Any],
    readings: Readings,
) -> Fact:
    """An observation: its period (and base period, for a change), its area, its status."""
    time, carried = dated
    doc_date = builder.date
    # "a total of 1,735 websites … have now completed": in a text that reports a report, "now"
    # is the report's date, as for a figure that states none
    now = time is not None and time.text.lower() == "now" and (time.iso or "").startswith("..")
    basis = "carried" if carried else "stated"
    if (time is None or now) and builder.coverage is not None:
        time, carried, basis = builder.coverage, False, "coverage"
        readings.append(
            (
                "No date is stated for this figure; the text reports a statistical report or "
                f"an announcement whose figures stand at {builder.coverage.text}.",
                f"原文未说明该数据的日期；所报道的统计报告或公告数据截至{builder.coverage.text}。",
            )
        )
    if time is None and figure.continues and builder.rate and builder.rate[2]:
        period, basis = builder.rate[2], "rate"
        readings.append(
            (
                f"No date is stated for this figure; the paragraph continues the rate of {period}.",
                f"原文未说明该数据的日期；本段承接前文{period}的比率。",
            )
        )
    elif time is None:
        period, basis = f"../{doc_date.isoformat()}", "undated"
        readings.append(
            (
                f"No date is stated for this figure; open up to the document date {doc_date}.",
                f"原文未说明该数据的日期；记为截至文件日期{doc_date}。",
            )
        )
    else:
        period = time.iso or f"../{doc_date.isoformat()}"
        readings.append(
            (
                time.reading_en + (" (stated earlier in the paragraph)" if carried else ""),
                time.reading_zh + ("（见同段前文）" if carried else ""),
            )
        )
    if (
        builder.released
        and period == f"../{doc_date.isoformat()}"
        and not _own_statement(builder, layout, mention)
    ):
        period, basis = f"../{builder.released.isoformat()}", "released"
        readings.append(
            (
                f"The text says its figures were released or stated on {builder.released}.",
                f"原文称该数据于{builder.released}公布或发布。",
            )
        )
        lo = layout.clause_bounds(mention.start)[0]
        if _BATCH.search(layout.folded[figure.sentence.start : mention.start]) and not (
            _STOCK_OF_BATCHES.search(layout.folded[lo : mention.start])
        ):
            # the count of a batch published that day (本批共有412款) is of that day
            period = builder.released.isoformat()
            readings.append(
                (
                    "A batch's count: of the day it was published.",
                    "为当批数量：记为发布当日。",
                )
            )
    spec["period"] = period
    builder.last_figure[figure.sentence.start] = (period, figure.denominator)
    if figure.kind == "per_10k_workers" and not (
        figure.change or figure.earlier or figure.continues
    ):
        builder.rate = (figure.sentence.line, figure.label, period)
    elif figure.continues and builder.rate:
        builder.rate = (figure.sentence.line, *builder.rate[1:])  # the list goes on
    base = base_period(layout, times, mention, period) if figure.change else None
    if base and base != period:
        spec["base_period"] = base
        readings.append((f"Compared with {base}.", f"比较基期为{base}。"))
    spec["area"] = figure.area
    sentence = figure.sentence
    if ESTIMATE.search(fold(layout.text[sentence.start : sentence.end])):
        spec["props"] = {"sdmx-attribute:obsStatus": "sdmx-code:obsStatus-E"}
        readings.append(
            (
                "The source states an expected or estimated value.",
                "来源称该值为预计或估计值。",
            )
        )
    variable, new = figure.variable, figure.variable_new
    read_from = {"period": basis, "area": figure.area_basis, "variable": figure.variable_basis}
    return Fact(
        spec["id"], "observation", mention.value_text, variable, new, period, None, read_from
    )
