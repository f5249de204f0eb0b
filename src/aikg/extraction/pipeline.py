"""``extract``: draft the facts of one document as a curation sheet and its compiled graph.

The sheet (the format of ``curation/*.yaml``) is the reviewable form of the draft; the graph is
what :func:`aikg.curation.compile_document` makes of it, so a draft carries its evidence exactly
like curated facts and a reviewed sheet merges through ``aikg curate``.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from aikg.errors import InputError
from aikg.extraction.anchor import anchor
from aikg.extraction.entities import (
    EntityIndex,
    EntityMention,
    doctype_of,
    draft_iri,
    find_entities,
    kind_of,
)
from aikg.extraction.layout import Layout, analyse
from aikg.extraction.periods import TimeExpr, find_times, review_year, shift_year
from aikg.extraction.places import Place, Places, area_of, local_place
from aikg.extraction.quantities import Mention, find_quantities, is_person_subject
from aikg.extraction.script import fold, has_cjk, name_key, to_simplified
from aikg.extraction.units import unit_curie, unit_iri, unit_kind
from aikg.extraction.variables import VariableIndex, clean_subject, is_change
from aikg.namespaces import AIKG, ID, expand, shorten
from aikg.sources import SourceText, read_source

#: Classes of new draft entities, by IRI kind.
_CLASSES = {
    "policy": "schema:Legislation",
    "report": "schema:Report",
    "series": "schema:CreativeWorkSeries",
    "initiative": "aikg:Initiative",
    "organization": "schema:Organization",
    "person": "schema:Person",
    "product": "schema:Product",
    "event": "schema:Event",
    "place": "schema:Place",
}
_DRAFT = {"aikg:draft": {"value": "true", "type": "xsd:boolean"}}
_ESTIMATE = re.compile(r"expected|forecast|projected|estimated|预计|预期|有望|估计|推算")
_EN_BREAKDOWN = re.compile(r"\b(?:rural|urban|male|female|elderly|aged|older|minors?)\b")
_WORLD = re.compile(r"全球|全世界|worldwide|globally|\bglobal\b|around the world")
#: A share of a world total after the number ("54 percent of global installations").
_OF_WORLD = re.compile(
    r"^\s*(?:percent|per\s+cent|%)?\s*of\s+(?:the\s+)?(?:global|world's|worldwide|world)\b"
)
_SHARE = re.compile(
    r"占(?P<base>[^，,；;。]{1,16}?)(?:的)?(?:比重|比例|份额)?\s*(?:达到|达|为)?\s*$"
)
_CHANGE_WORDS = {"percent": "增长率", "percentage_point": "变化（百分点）"}
_PLAIN_UNITS = {
    "yuan", "percent", "%", "dollars", "u.s. dollars", "us dollars", "days", "years", "months",
    "times", "fold", "percentage points", "rmb", "cny", "usd", "", "units", "items", "pieces",
    "sets",
}  # fmt: skip
_AFTER_STOP = re.compile(r"[，,；;。.!?]|\s(?:in|by|as|last|this|from|to|on|at|with|while|and)\s")


@dataclass
class Meta:
    """Document facts given on the command line for texts without front matter."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    reliability: str = "reliability:repost"


@dataclass
class Fact:
    """One drafted observation or target, for summaries and the diff."""

    id: str
    kind: str  # "observation" or "target"
    value_text: str
    variable: str
    variable_new: bool
    period: str | None
    year: str | None


@dataclass
class Draft:
    path: Path
    source: SourceText
    sheet: dict[str, Any]
    graph: Graph
    facts: list[Fact] = field(default_factory=list)
    entities: list[tuple[str, str, bool]] = field(default_factory=list)  # (iri, name, new)

    def sheet_yaml(self) -> str:
        header = (
            f"# Draft curation sheet made by `aikg extract` from {self.path.name}.\n"
            "# Review every entry against the source, then: move `draft_entities` into\n"
            "# curation/entities.yaml (renaming draft IRIs and removing aikg:draft), move this\n"
            "# sheet into curation/, and run `aikg curate && aikg validate && aikg check`.\n"
        )
        return header + yaml.dump(
            self.sheet,
            Dumper=_NoAliases,
            allow_unicode=True,
            sort_keys=False,
            width=100,
            default_flow_style=None,
        )


class _NoAliases(yaml.SafeDumper):
    """Writes repeated values in full: a reviewer edits each entry on its own."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _document_date(source: SourceText, meta: Meta) -> date:
    for text in (meta.date, source.front_matter.get("date")):
        if text and text != "unknown":
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                raise InputError(f"{source.path}: date {text!r} is not YYYY-MM-DD") from None
    found = re.match(r"(\d{4}-\d{2}-\d{2})", source.path.name)
    if found:
        return date.fromisoformat(found.group(1))
    raise InputError(f"{source.path}: no date in front matter or file name; give --date")


def _language(text: str) -> str:
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(cjk) < 20:
        return "en"
    changed = sum(1 for a, b in zip(text, to_simplified(text), strict=True) if a != b)
    return "zh-hant" if changed > len(cjk) * 0.03 else "zh-hans"


def _slug(path: Path) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return stem or "document"


class _Builder:
    """Collects the sheet's entries for one document."""

    def __init__(self, layout: Layout, source: SourceText, known: Graph, doc_date: date) -> None:
        self.layout, self.source, self.known, self.date = layout, source, known, doc_date
        self.entities: dict[str, dict[str, Any]] = {}
        self.variables = VariableIndex(known, unit_kind)
        self.extra_mentions: dict[str, dict[str, Any]] = {}
        self.places = Places(known, ID["place"])
        self.english_labels = []
        self.counted: list[tuple[int, int, str, str, str]] = []  # (at, line, label, var, unit)
        self.ages: dict[int, str] = {}  # sentence start -> age code of its last figure
        self.share_bases: dict[int, str] = {}  # line -> the population its last share is of
        #: sentence start -> (period, denominator) of its last figure (for an earlier level)
        self.last_figure: dict[int, tuple[str | None, str | None]] = {}
        self.survey: TimeExpr | None = None  # the fieldwork span of a survey the text reports
        self.review: int | None = None  # the year an annual review reports on
        self.released: date | None = None  # a report released the day before ("昨日公布")
        self.reports: list[EntityMention] = []  # work reports named (they set their goals)
        body = layout.folded[layout.body_start :]
        title = source.front_matter.get("title", "") or _first_line(layout)
        self.local = local_place(
            self.places, title, body, fold(layout.fact_text[layout.body_start :])
        )
        self.named_places = [
            (start + layout.body_start, end + layout.body_start, place)
            for start, end, place in self.places.find(body)
        ]

    english_labels: list[tuple[str, str]]

    def english_label(self, label: str, at: int) -> str:
        """An English subject that only names a head (the rate, a rate) is the earlier one."""
        words = [w for w in label.lower().split() if w not in ("the", "a", "an", "this", "that")]
        if not words or len(words) > 2:
            return label
        for earlier, _ in reversed(self.english_labels):
            if _EN_BREAKDOWN.search(earlier.lower()) and not _EN_BREAKDOWN.search(label.lower()):
                continue  # "netizens" after "rural netizens": the whole, not the breakdown
            if len(earlier.split()) > len(words) and all(w in earlier.split() for w in words):
                return earlier
        return label

    def area(self, mention: Mention, world: bool) -> str:
        """The area of the figure at ``mention``: the world, a place the text puts it in, or CN."""
        if world:
            return "place:world"
        lo = self.layout.clause_bounds(mention.start)[0]
        sentence = self.layout.sentence_at(mention.start)
        assert sentence is not None
        folded = self.layout.folded
        recent = [p for start, _, p in self.named_places if start < sentence.start]
        place, _ = area_of(
            self.places,
            folded[lo : mention.start],
            folded[sentence.start : sentence.end],
            self.local,
            recent[-1] if recent else None,
        )
        if place is None:
            return "place:CN"
        return self.place(place)

    def place(self, place: Place) -> str:
        curie = shorten(str(place.iri))
        if place.known or curie in self.entities:
            return curie
        self.entities[curie] = {
            "id": curie,
            "a": [_CLASSES["place"]],
            "label": {"zh": place.name, "en": place.english},
            "props": dict(_DRAFT),
        }
        at = next((s for s, _, p in self.named_places if p == place), None)
        if at is not None:
            end = next(e for s, e, p in self.named_places if s == at)
            evidence = anchor(self.layout.text, at, end)
        else:
            evidence = _document_evidence(self.layout, "")
        self.extra_mentions.setdefault(curie, {"id": curie, **evidence})
        return curie

    # -- new entities ------------------------------------------------------------------------

    def _labels(self, name: str) -> dict[str, Any]:
        if has_cjk(name):
            simplified = to_simplified(name)
            labels: dict[str, Any] = {"zh": simplified, "en": f"[to translate] {simplified}"}
            if simplified != name:
                labels["zh-hant"] = name
            return labels
        return {"zh": f"[待译] {name}", "en": name}

    def new_entity(self, iri: URIRef, kind: str, name: str, aliases: list[str]) -> str:
        curie = shorten(str(iri))
        if curie in self.entities:
            return curie
        entry: dict[str, Any] = {"id": curie, "a": [_CLASSES[kind]], "label": self._labels(name)}
        alts = [a for a in aliases if a and a != name and not re.search(r"\s{2,}|/", a)]
        if alts:
            entry["alt"] = {("zh" if has_cjk(a) else "en"): a for a in alts[:1]}
        props: dict[str, Any] = dict(_DRAFT)
        if kind == "policy":
            doctype = doctype_of(name)
            unstated = ["schema:legislationPassedBy", "schema:legislationDate"]
            if doctype:
                props["schema:legislationType"] = doctype
            else:
                unstated.append("schema:legislationType")
            entry["unstated"] = unstated
            entry["note"] = {
                "en": "Drafted by aikg extract: issuer, date and type are not drafted; fill them "
                "in from the sources or keep the unstated markers."
            }
        entry["props"] = props
        self.entities[curie] = entry
        return curie

    def new_variable(self, iri: URIRef, label: str) -> str:
        curie = shorten(str(iri))
        if curie not in self.entities:
            self.entities[curie] = {
                "id": curie,
                "a": ["schema:StatisticalVariable"],
                "label": self._labels(label),
                "props": dict(_DRAFT),
            }
        return curie

    def age_code(self, low: int | None, high: int | None) -> str:
        notation = f"{'' if low is None else low}-{'' if high is None else high}"
        forms = [notation] + ([f"{low}+"] if high is None and low is not None else [])
        for form in forms:  # the graph writes an open band as "60-" or "60+"
            for code in self.known.subjects(SKOS.notation, Literal(form)):
                if kind_of(str(code)) == "age":
                    return shorten(str(code))
        # a new band takes the project's IRI pattern (age:18-44, age:60-plus, age:up-to-17),
        # marked aikg:draft like a drafted place
        if high is None:
            curie = f"age:{low}-plus" if low is not None else "age:any"
        elif low is None:
            curie = f"age:up-to-{high}"
        else:
            curie = f"age:{low}-{high}"
        if curie not in self.entities:
            if high is None:
                labels = {"zh": f"{low}岁及以上", "en": f"aged {low} and above"}
            elif low is None:
                labels = {"zh": f"{high}岁及以下", "en": f"aged {high} and under"}
            else:
                labels = {"zh": f"{low}~{high}岁", "en": f"aged {low}-{high}"}
            props: dict[str, Any] = {"skos:notation": notation, **_DRAFT}
            for key, value in (("schema:minValue", low), ("schema:maxValue", high)):
                if value is not None:
                    props[key] = {"value": str(value), "type": "xsd:integer"}
            self.entities[curie] = {
                "id": curie,
                "a": ["aikg:AgeGroup"],
                "label": labels,
                "props": props,
            }
        return curie


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
#: An earlier level of the figure before it (English): "up from 249 million a year earlier",
#: "compared with 22.5 percent at the end of 2024".
_EARLIER_LEVEL = re.compile(
    r"\b(?:(?:up|down|rising|falling|rose|fell|climbing|increased|decreased|grew|dropped)\s+)?"
    r"from\s+$|\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+$"
)


_LEVEL_BEFORE_DATE = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|(?<!more )(?<!less )(?<!fewer )"
    r"(?<!rather )\bthan)\s+(?:about\s+|some\s+|nearly\s+"
    r"|around\s+|roughly\s+)?[\d.,]+\s*(?:[a-z%]+\s*){0,3}$"
)


def _dates_earlier_level(layout: Layout, time: TimeExpr) -> bool:
    """Whether ``time`` dates an earlier level stated just before it ("up from 249 million a year
    earlier", "compared with 22.5 percent at the end of 2024")."""
    lo = layout.clause_bounds(time.start)[0]
    return bool(_LEVEL_BEFORE_DATE.search(layout.folded[max(lo, time.start - 60) : time.start]))


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
    return None


def _time_for(
    layout: Layout,
    times: list[TimeExpr],
    mention: Mention,
    survey: TimeExpr | None = None,
) -> tuple[TimeExpr | None, bool]:
    """The time expression that dates ``mention``, and whether it is carried from before.

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
    # the date of an earlier level ("compared with 22.5 percent at the end of 2024") dates only
    # that level
    dating = [t for t in times if t.dates and not _dates_earlier_level(layout, t)]
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
                    return TimeExpr(
                        anaphors[0].start,
                        anaphors[0].end,
                        text,
                        iso,
                        None,
                        f"{text}: the end of the period stated before ({found.text}), {iso}.",
                        f"“{text}”即前文所述时期（{found.text}）之末，{iso}。",
                    ), True
            return found, True
    before = [t for t in in_clause if t.end <= mention.start]
    if before:
        return before[-1], False
    if in_clause:
        return in_clause[0], False
    before = [t for t in inside if t.end <= mention.start]
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
    spans = [t for t in stated if "/" in t.iso and not t.iso.startswith("..")]  # type: ignore[operator]
    if _YOY.search(sentence_text) and spans:
        return spans[-1], True
    if survey is not None and survey.start < mention.start:
        return survey, True  # a survey's figures: its fieldwork span
    return None, False


#: A list item: "- …", "• …", "1. …", "1、…", "（1）…", "(a) …".
_LIST_ITEM = re.compile(
    r"^\s*(?:[-•*·▪]\s+|\d{1,2}\s*[.、)）]\s*|[(（](?:\d{1,2}|[a-z]|[一二三四五六七八九十]{1,2})[)）]\s*)"
)
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
    item = bool(_LIST_ITEM.match(lines[line_index].text))
    index = line_index - 1
    while index >= 0:
        line = lines[index]
        if not line.text.strip():
            index -= 1
            continue
        if item and _LIST_ITEM.match(line.text) and not _LEAD_END.search(line.text):
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


#: A work report (政府工作报告, "government work report"): it sets the goals of its year.
_WORK_REPORT = re.compile(r"工作报告|work report")
#: Words that set a goal: 力争, 确保, 目标, "aims to", "plans to".
_GOAL_WORDS = re.compile(
    r"力争|确保|争取|目标|\b(?:aims?|aiming|plans?|planning|seeks?|seeking|strives?|striving|intends?)"
    r"\s+to\b|\btargets?\b|\bgoals?\b"
)


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
    words = layout.folded[lo : mention.start]
    if not _GOAL_WORDS.search(words) or _ESTIMATE.search(words):
        return None
    year = int(last[:4])
    return TimeExpr(
        time.start,
        time.end,
        time.text,
        None,
        year,
        f"{time.text} with a goal word before the number, in a text of {doc_date}: "
        f"a goal for {year}.",
        f"“{time.text}”且数字前有目标用语，文件日期为{doc_date}：{year}年的目标。",
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
            return TimeExpr(
                relative[0].start,
                relative[0].end,
                text,
                iso,
                None,
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
        return TimeExpr(
            time.start,
            time.end,
            time.text,
            iso,
            None,
            f"{time.text} with a cumulative total and no start stated: open up to the year's "
            f"end, {iso}.",
            f"“{time.text}”所述为累计数、未说明起点：记为截至年末、起点未说明，{iso}。",
        )
    return TimeExpr(
        time.start,
        time.end,
        time.text,
        iso,
        None,
        f"{time.text} with a stock built up by then: the year's end, {iso}.",
        f"“{time.text}”所述为累计存量：记为年末{iso}。",
    )


def _base_period(
    layout: Layout, times: list[TimeExpr], mention: Mention, period: str
) -> str | None:
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


def _subject(layout: Layout, mention: Mention, times: list[TimeExpr]) -> tuple[str, str]:
    """(subject phrase, raw text of the clause before the number)."""
    text = layout.text
    lo, hi = layout.clause_bounds(mention.start)
    for t in times:
        if lo <= t.start and t.end <= mention.start:
            lo = max(lo, t.end)
    item = _LIST_ITEM.match(text, lo)
    if item and item.end() <= mention.start:
        lo = item.end()  # a list marker is not part of the subject
    raw = text[lo : mention.start]
    if mention.age:
        raw = raw.replace(text[mention.age.start : mention.age.end], " ")
    unit_text = mention.quantity.unit_text
    english = not has_cjk(raw + unit_text)
    if english and len(unit_text.split()) >= 1 and unit_text.lower() not in _PLAIN_UNITS:
        # "700 generative AI services had completed filing with X": the verb phrase says which
        done = re.match(
            r"\s+(?:had|have|has)\s+(?:been\s+)?([a-z]+ed\b[^,;.()]{0,60})", text[mention.end : hi]
        )
        phrase = unit_text + (" " + done.group(1) if done else "")
        return clean_subject(phrase), raw
    following = re.match(
        r"\s+((?:[A-Za-z-]+\s+){0,2}?(?:growth|increase|rate|share|decline))\b",
        text[mention.end : hi],
        re.IGNORECASE,
    )
    if english and following:
        return following.group(1).lower(), raw
    if english and _EN_COUNTING_VERB.search(raw):
        # "MIIT also reported 4.62 million 5G base stations": the noun phrase after the number
        subject = ""
    elif english:
        subject = clean_subject(_english_subject(raw))
        subject = " ".join(subject.split()[-10:])
    else:
        subject = clean_subject(raw)
    if not re.search(r"[\w\u4e00-\u9fff]", subject):
        subject = ""
    if not subject:
        tail = text[mention.end : hi]
        stop = _AFTER_STOP.search(tail)
        tail = tail[: stop.start()] if stop else tail
        tail = re.sub(r"^\s*(?:表示|自己|的)+", "", tail)
        subject = clean_subject(re.sub(r"^(?:表示自己|表示)", "", tail))
    if not subject and mention.quantity.unit_text:
        subject = mention.quantity.unit_text
    return subject[: 100 if english else 40], raw


#: A verb that reports or counts what the noun phrase after the number names.
_EN_COUNTING_VERB = re.compile(
    r"\b(?:reported|reports|recorded|records|counted|counts|registered|logged|listed|tallied"
    r"|identified|approved|licensed)\s+(?:a\s+total\s+of\s+|some\s+|about\s+|nearly\s+"
    r"|more\s+than\s+|over\s+|around\s+)?$",
    re.IGNORECASE,
)
#: Where an English subject starts: after a reporting verb, "with", "which", "while" …
_EN_CUT = re.compile(
    r".*\b(?:said|says|say|told|noted|added|stated|announced|showed|shows|show|with|which|while"
    r"|whereas|that|where)\s+",
    re.IGNORECASE,
)
#: The verb phrase before an English number ("had reached", "is set to top", "rose to").
_EN_VERB_TAIL = re.compile(
    r"(?:\s+(?:is|are|was|were|has|have|had|will|would|could|should|also|been|be|now|already))*"
    r"(?:\s+(?:set|expected|projected|poised|likely|forecast|estimated|due|going|aim|aims|aimed"
    r"|seek|seeks)\s+(?:to|for|at))?"
    r"(?:\s+(?:top|reach|reached|reaching|exceed|exceeded|hit|surpass|surpassed|rise|rose|grow"
    r"|grew|climb|climbed|stand|stood|total|totaled|totalled|number|numbered|amount|amounted"
    r"|increase|increased|jump|jumped|be))?(?:\s+(?:to|at|by|of))?\s*$",
    re.IGNORECASE,
)


def _english_subject(raw: str) -> str:
    """The noun phrase of an English clause before its number: after a reporting verb or a
    conjunction, from its first determiner, without the verb phrase before the number."""
    raw = re.split(r"\s--\s|\s—\s", raw)[-1]  # after a dateline ("BEIJING, Oct. 27 (X) --")
    cut = _EN_CUT.match(raw)
    phrase = raw[cut.end() :] if cut else raw
    phrase = _EN_VERB_TAIL.sub("", phrase)
    determiner = re.search(r"\b(?:the|a|an|its|their)\s+", phrase, re.IGNORECASE)
    if determiner and len(phrase[determiner.end() :].split()) >= 1:
        phrase = phrase[determiner.start() :]
    return phrase


def extract(
    path: Path,
    known: Graph,
    *,
    shared: Path | None = None,
    meta: Meta | None = None,
) -> Draft:
    """Draft the facts of the document at ``path`` against the ``known`` graph."""
    meta = meta or Meta()
    source = read_source(path)
    layout = analyse(source.text)
    doc_date = _document_date(source, meta)
    language = _language(source.text[layout.body_start :])
    builder = _Builder(layout, source, known, doc_date)
    slug = _slug(path)
    key = "draft-" + slug[:40]

    builder.review = review_year(
        fold(meta.title or source.front_matter.get("title", "") or _first_line(layout)),
        _lead(layout),
        layout.folded[layout.body_start :],
        doc_date,
    )
    if _YESTERDAY.search(_lead(layout)):
        builder.released = doc_date - timedelta(days=1)
    times = [
        t
        for t in find_times(
            layout.folded, doc_date, layout.body_start, original=layout.text, year=builder.review
        )
        if not layout.fact_text[t.start].isspace()
    ]
    mentions = find_quantities(layout, [(t.start, t.end) for t in times])
    mentions = _drop_headline_repeats(layout, mentions)
    index = EntityIndex(known)
    entity_mentions = find_entities(layout, index, doc_date.year)
    builder.survey = survey_period(layout, times)
    builder.reports = [
        m for m in entity_mentions if m.kind == "report" and _WORK_REPORT.search(fold(m.name))
    ]

    # -- the document and its publisher --------------------------------------------------------
    publisher_curie = _publisher(builder, layout, entity_mentions, meta)
    try:
        relative = str(path.resolve().relative_to(shared.resolve())) if shared else str(path)
    except ValueError:
        relative = str(path.resolve())
    title = meta.title or source.front_matter.get("title", "").strip().strip('"')
    doc_spec: dict[str, Any] = {
        "id": f"doc:{key}",
        "key": key,
        "path": relative,
        "a": ["schema:Article"],
        "language": language,
        "publisher": publisher_curie,
        "reliability": meta.reliability,
    }
    from aikg.curation.compile import UNTITLED

    shown = title if title and not title.startswith(UNTITLED) else _first_line(layout)
    lang_key = "en" if language == "en" else language.replace("zh-hans", "zh")
    labels = {lang_key: shown}
    if language == "en":
        labels["zh"] = f"[待译] {shown}"
    else:
        labels["en"] = f"[to translate] {to_simplified(shown)}"
    doc_spec["label"] = labels
    doc_spec["evidence"] = _document_evidence(layout, title)
    props: dict[str, Any] = dict(_DRAFT)
    if not source.front_matter:
        if meta.url:
            props["schema:url"] = {"value": meta.url, "type": "xsd:anyURI"}
        if meta.date:
            props["schema:datePublished"] = {"value": doc_date.isoformat(), "type": "xsd:date"}
        if title:
            props["schema:name"] = {
                "value": title,
                "lang": language[:2] if language == "en" else language,
            }
    doc_spec["props"] = props
    policies = [
        m
        for m in entity_mentions
        if (m.kind == "policy" and m.iri is not None) or m.kind == "policy"
    ]

    # -- entities --------------------------------------------------------------------------
    mention_specs: list[dict[str, Any]] = []
    seen: set[str] = set()
    draft = Draft(path, source, {}, Graph())

    def place(m: EntityMention) -> tuple[bool, bool, int]:
        # the first occurrence in the body proper: a headline restates the body
        line = layout.line_of(m.start)
        return (m.start < layout.body_start, bool(line and line.headline), m.start)

    in_body = sorted(entity_mentions, key=place)
    for mention in in_body:
        if mention.iri is None:
            mention.iri = draft_iri(mention.kind, mention.name)
        if mention.new:
            curie = builder.new_entity(
                mention.iri, mention.kind, mention.canonical or mention.name, mention.aliases
            )
        else:
            curie = shorten(str(mention.iri))
        if curie in seen:
            continue
        seen.add(curie)
        spec = {"id": curie, **anchor(source.text, mention.start, mention.end)}
        mention_specs.append(spec)
        draft.entities.append((str(mention.iri), mention.name, mention.new))

    # -- observations and targets ------------------------------------------------------------
    observations: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    # sentence start -> (end, subject, variable) of its last number (not a change)
    previous: dict[int, tuple[int, str, str]] = {}
    for number, mention in enumerate(mentions, 1):
        spec, fact = _fact(
            builder, layout, mention, times, previous, policies, key, number, doc_date
        )
        if spec is None:
            continue
        (targets if fact.kind == "target" else observations).append(spec)
        draft.facts.append(fact)

    mention_specs += builder.extra_mentions.values()
    sheet: dict[str, Any] = {"document": doc_spec, "mentions": mention_specs}
    if observations:
        sheet["observations"] = observations
    if targets:
        sheet["targets"] = targets
    sheet["draft_entities"] = list(builder.entities.values())
    draft.sheet = sheet
    draft.graph = compile_draft(sheet, source, known, shared)
    if meta.date and not source.front_matter:
        draft.graph.remove((ID["doc"][key], AIKG.dateUnknown, None))
    return draft


#: A source released the day before the text (昨日公布《…报告》, "released … yesterday").
_YESTERDAY = re.compile(
    r"(?:昨日|昨天)[^，,。；]{0,12}(?:公布|发布|发表|出炉)"
    r"|\b(?:released|published|issued)\b[^.;]{0,60}\byesterday\b"
    r"|\byesterday\b[^.;]{0,12}\b(?:released|published|issued)\b"
)


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


def _lead(layout: Layout) -> str:
    """The folded first paragraph of the body proper (not a headline or page furniture)."""
    for line in layout.lines:
        if line.start < layout.body_start or line.headline or line.boilerplate:
            continue
        if len(line.text.strip()) >= 20 and re.search(r"[。！？]|[.!?](?:\s|$)", line.text):
            return layout.folded[line.start : line.end]
    return ""


def _first_line(layout: Layout) -> str:
    for line in layout.lines:
        if not line.boilerplate and line.text.strip():
            return line.text.strip()[:80]
    return "untitled"


def _document_evidence(layout: Layout, title: str) -> dict[str, str]:
    text = layout.text
    if title:
        start = text.find(title, 0, layout.body_start or None)
        if start == -1:
            start = text.find(title)
        if start != -1:
            return anchor(text, start, start + len(title))
    first = next((line for line in layout.lines if line.text.strip()), None)
    if first is None:
        raise InputError(f"{layout.text[:20]!r}: the document has no text")
    stripped = first.text.strip()
    start = first.start + first.text.index(stripped)
    return anchor(text, start, start + min(len(stripped), 40))


def _publisher(builder: _Builder, layout: Layout, mentions: list[EntityMention], meta: Meta) -> str:
    front = [m for m in mentions if m.start < layout.body_start and m.kind == "organization"]
    if front:
        mention = front[0]
        if mention.iri is None:
            mention.iri = draft_iri("organization", mention.name)
        if mention.new:
            return builder.new_entity(mention.iri, "organization", mention.name, mention.aliases)
        return shorten(str(mention.iri))
    name = meta.publisher or "unknown publisher"
    iri = EntityIndex(builder.known).link(name) if meta.publisher else None
    if iri is not None:
        return shorten(str(iri))
    curie = builder.new_entity(draft_iri("organization", name), "organization", name, [])
    at = layout.text.find(name) if meta.publisher else -1
    if at != -1:
        evidence = anchor(layout.text, at, at + len(name))
    else:
        builder.entities[curie]["note"] = {
            "en": "The publisher as given on the command line (--publisher); the text does not "
            "name it, so its evidence is the document's first line."
        }
        evidence = _document_evidence(layout, "")
    builder.extra_mentions.setdefault(curie, {"id": curie, **evidence})
    return curie


def _drop_headline_repeats(layout: Layout, mentions: list[Mention]) -> list[Mention]:
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
    if head.unit is not None and head.unit != body.unit:
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


def _fact(
    builder: _Builder,
    layout: Layout,
    mention: Mention,
    times: list[TimeExpr],
    previous: dict[int, tuple[int, str, str]],
    policies: list[EntityMention],
    key: str,
    number: int,
    doc_date: date,
) -> tuple[dict[str, Any] | None, Fact]:
    text = layout.text
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    subject, raw = _subject(layout, mention, times)
    sentence_text = text[sentence.start : sentence.end]
    share = _SHARE.search(raw)
    kind = mention.unit
    if kind is None:
        context = subject + " " + sentence_text
        kind = "person" if is_person_subject(subject or context) else "count"
    ukind = unit_kind(unit_iri(kind))
    prior = previous.get(sentence.start)
    label = subject
    change = is_change(raw) or (
        is_change(text[mention.end : mention.end + 12]) and not has_cjk(sentence_text)
    )
    # an earlier level of the figure before it ("up from 249 million a year earlier"): the same
    # variable at an earlier date, not a change
    earlier = (
        prior is not None
        and not has_cjk(sentence_text)
        and bool(
            _EARLIER_LEVEL.search(text[max(sentence.start, mention.start - 40) : mention.start])
        )
        and not re.match(
            r"\s*(?:percent|per\s+cent|%)?\s*(?:increase|rise|growth|decline)",
            text[mention.end : mention.end + 20],
        )
    )
    if earlier:
        change = False
    if change and prior and "分别" not in raw:
        base = prior[1]
        if has_cjk(base):
            label = base + _CHANGE_WORDS.get(kind, "增加量")
        else:
            label = f"{'growth' if kind == 'percent' else 'change'} of {base}"
    respectively = _respectively(layout, mention, raw)
    if respectively:
        label = respectively + (_CHANGE_WORDS.get(kind, "增加量") if change else "")
    denominator = _population_base(builder, layout, mention, raw, kind)
    if share:
        base_phrase = share.group("base").strip()
        whole = _WHOLE.sub("", base_phrase) or base_phrase  # 网民整体: the internet users
        denominator = (
            _base_variable(builder, mention, base_phrase)
            or _base_variable(builder, mention, whole)
            or denominator
        )
        owner = clean_subject(raw[: share.start()]) or (prior[1] if prior else "")
        label = f"{owner}占{base_phrase}的比例" if owner else f"占{base_phrase}的比例"
    if not label:
        label = prior[1] if prior else (mention.quantity.unit_text or "value")
    if not has_cjk(sentence_text) and not change and not earlier:
        label = builder.english_label(label, mention.start)

    world = bool(_WORLD.search(raw)) or bool(
        kind == "percent" and _OF_WORLD.match(layout.folded[mention.end : mention.end + 40])
    )
    area = builder.area(mention, world and kind != "rank")
    if earlier and prior:
        var_iri = None
        label = prior[1] or label
        earlier_period, earlier_base = builder.last_figure.get(sentence.start, (None, None))
        denominator = denominator or earlier_base
    elif change and prior and "分别" not in raw and not respectively:
        # a change reuses the graph's variable only when the graph records it as the change
        # of the variable the change is of (aikg:changeOf), with the same kind of change
        var_iri = builder.variables.change_of(prior[2], kind)
    else:
        var_iri = builder.variables.match(label, ukind, area=area)
        if var_iri is None and has_cjk(label) and "的" in label.strip("的"):
            # 已投入运营的万卡级智算集群: the head noun after the modifiers
            var_iri = builder.variables.match(
                label.strip("的").rsplit("的", 1)[1], ukind, area=area
            )
    variable_new = var_iri is None
    if earlier and prior:
        variable = prior[2]
        variable_new = variable.startswith("var:draft-")
    elif var_iri is None:
        new = builder.variables.draft(label, ukind, ID["var"])
        variable = builder.new_variable(new.iri, label)
    else:
        variable = shorten(str(var_iri))
    if denominator is None and var_iri is not None and kind == "percent":
        usual = builder.variables.denominator_of(var_iri)
        denominator = shorten(str(usual)) if usual else None
    builder.counted.append((mention.start, sentence.line, label, variable, ukind))
    if change and prior:
        previous[sentence.start] = prior
    else:
        previous[sentence.start] = (mention.end, subject or (prior[1] if prior else ""), variable)
    if not has_cjk(sentence_text) and not change:
        builder.english_labels.append((label, variable))

    time, carried = _time_for(layout, times, mention, builder.survey)
    if time is None and builder.review is not None:
        time, carried = _review_time(builder.review, mention), False
    time = _over_years(layout, times, mention, time) or _year_end(layout, mention, time) or time
    if earlier and prior:
        time, carried = _earlier_time(layout, times, mention, time, earlier_period), False
    time = _current_year_goal(layout, mention, time, doc_date) or time
    quote_start = mention.start
    clause_lo = layout.clause_bounds(mention.start)[0]
    subject_at = text.rfind(subject, clause_lo, mention.start) if subject else -1
    if subject_at != -1 and mention.start - subject_at <= 20:
        quote_start = subject_at
    spec: dict[str, Any] = {"id": f"{'target' if time and time.is_goal else 'obs'}:{key}-{number}"}
    spec["var"] = variable
    spec.update(anchor(text, quote_start, mention.end))
    if variable_new and variable not in builder.extra_mentions:
        builder.extra_mentions[variable] = {
            "id": variable,
            **anchor(text, quote_start, mention.end),
        }
    spec["value_text"] = mention.value_text
    if mention.unit is None or kind in ("rank", "per_10k_workers"):
        spec["unit"] = unit_curie(kind)
    if mention.unit_text:
        spec["unit"] = unit_curie("count")
        spec["unit_text"] = mention.unit_text
        readings_unit = (
            f"{mention.unit_text} is kept as the unit text (a count of the unit).",
            f"单位{mention.unit_text}记为单位文本。",
        )
    else:
        readings_unit = None
    if mention.qualifier:
        spec["qualifier"] = mention.qualifier
    readings_en: list[str] = []
    readings_zh: list[str] = []
    if mention.qualifier_reading:
        readings_en.append(mention.qualifier_reading[0])
        readings_zh.append(mention.qualifier_reading[1])
    if readings_unit:
        readings_en.append(readings_unit[0])
        readings_zh.append(readings_unit[1])
    if mention.age:
        spec["age"] = builder.age_code(mention.age.low, mention.age.high)
    elif change and prior and sentence.start in builder.ages:
        spec["age"] = builder.ages[sentence.start]  # the change of an age band's figure
    if "age" in spec and not change:
        builder.ages[sentence.start] = spec["age"]
    if denominator:
        spec["denominator"] = denominator
    if mention.goal_only and not (time is not None and time.is_goal):
        return None, Fact("", "", "", "", False, None, None)
    if time is not None and time.is_goal:
        year = str(time.goal_year)
        spec["year"] = year
        spec["policy"] = _policy_for(builder, layout, mention, policies)
        spec["area"] = _target_area(builder, layout, mention, area, spec["policy"], policies)
        readings_en.append(time.reading_en)
        readings_zh.append(time.reading_zh)
        fact = Fact(spec["id"], "target", mention.value_text, variable, variable_new, None, year)
    else:
        if time is None:
            period = f"../{doc_date.isoformat()}"
            readings_en.append(
                f"No date is stated for this figure; open up to the document date {doc_date}."
            )
            readings_zh.append(f"原文未说明该数据的日期；记为截至文件日期{doc_date}。")
        else:
            period = time.iso or f"../{doc_date.isoformat()}"
            readings_en.append(
                time.reading_en + (" (stated earlier in the paragraph)" if carried else "")
            )
            readings_zh.append(time.reading_zh + ("（见同段前文）" if carried else ""))
        if builder.released and period == f"../{doc_date.isoformat()}":
            period = f"../{builder.released.isoformat()}"
            readings_en.append(f"The source was released the day before, {builder.released}.")
            readings_zh.append(f"该来源于前一日（{builder.released}）公布。")
        spec["period"] = period
        builder.last_figure[sentence.start] = (period, denominator)
        base = _base_period(layout, times, mention, period) if change else None
        if base and base != period:
            spec["base_period"] = base
            readings_en.append(f"Compared with {base}.")
            readings_zh.append(f"比较基期为{base}。")
        spec["area"] = area
        if _ESTIMATE.search(fold(sentence_text)):
            spec["props"] = {"sdmx-attribute:obsStatus": "sdmx-code:obsStatus-E"}
            readings_en.append("The source states an expected or estimated value.")
            readings_zh.append("来源称该值为预计或估计值。")
        fact = Fact(
            spec["id"], "observation", mention.value_text, variable, variable_new, period, None
        )
    spec["reading"] = {"en": " ".join(readings_en), "zh": "".join(readings_zh)}
    if mention.qualifier and not mention.qualifier_reading:
        spec.pop("qualifier")
    return spec, fact


def _target_area(
    builder: _Builder,
    layout: Layout,
    mention: Mention,
    area: str,
    policy: str,
    policies: list[EntityMention],
) -> str:
    """A goal's area: a place or national word in its clause, else the place the policy's name
    names (《澳门特别行政区人才发展规划》, a draft policy over "Hong Kong and Shenzhen sign …"),
    else the document's (``area``)."""
    lo = layout.clause_bounds(mention.start)[0]
    clause = layout.folded[lo : mention.start]
    if builder.places.find(clause) or _NATIONAL_WORDS.search(clause) or area == "place:world":
        return area
    names = [m.name for m in policies if m.iri is not None and shorten(str(m.iri)) == policy]
    names += [str(v) for v in builder.entities.get(policy, {}).get("label", {}).values()]
    names += [str(label) for label in builder.known.objects(URIRef(expand(policy)), RDFS.label)]
    for name in names:
        found = builder.places.find(fold(name))
        if found:
            return builder.place(found[0][2])
    return area


_NATIONAL_WORDS = re.compile(r"全国|我国|中国|国家级|nationwide|national\b|china's|\bchina\b")


#: The population a share is of: 在用户中占比, 农村网民中…的占比, 用户占比, 占使用者的比重,
#: "percent of all X".
_POPULATION = r"(?:用户|网民|企业|人口|居民|从业人员|使用者|使用人群|患者|学生|人群)"
_AMONG_CN = re.compile(
    r"在(?P<a>[\u4e00-\u9fff]{1,12}?)(?:中|当中|之中)[^，,；;。]{0,8}占比"
    rf"|(?P<c>(?:(?![在的岁歲])[\u4e00-\u9fff]){{0,6}}?{_POPULATION})(?:中|当中|之中)[^，,；;。]{{0,10}}占比"
    r"|占(?P<d>[^，,；;。占]{1,12}?)的?(?:比重|比例|份额)"
    rf"|(?P<b>{_POPULATION})(?:中|当中)?[^，,；;。]{{0,4}}占比"
)
_AMONG_EN = re.compile(r"^\s+of\s+(?:all\s+|the\s+|total\s+)*(?P<base>[a-z][a-z -]{2,60})")
_EN_BASE_END = re.compile(r"\s+(?:in|on|at|for|by|during|over|as|from|with|and|while)\s+|[,;.()]")
#: Words that only say "the whole" of a population: 网民整体, 全体用户, the total.
_WHOLE = re.compile(r"整体|总体|全体|全部|总数|总量")
#: English names of a population the graph labels otherwise.
_POPULATION_EN = {"netizens": "internet users", "internet population": "internet users",
                  "web users": "internet users", "online population": "internet users"}  # fmt: skip
#: A share with no population named (老年人占比): the population of the paragraph's last share.
_BARE_SHARE = re.compile(r"占比|比重|份额|\bshare\b|proportion")


def _population_base(
    builder: _Builder, layout: Layout, mention: Mention, raw: str, kind: str
) -> str | None:
    """The denominator of a share named as a population: the variable of that population
    counted earlier in the text (在用户中占比 -> the users of the paragraph), else the graph's
    variable of that name ("percent of all internet users", 网民整体, 农村网民中…占比); a share that
    names none (老年人占比) is of the population of the paragraph's last share."""
    if kind != "percent":
        return None
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    matches = list(_AMONG_CN.finditer(layout.folded[sentence.start : mention.start]))
    found = matches[-1] if matches else None  # the last one before the number
    if found:
        base = found.group("a") or found.group("c") or found.group("d") or found.group("b")
    else:
        english = _AMONG_EN.match(layout.text[mention.end : mention.end + 80].lower())
        if english is None or has_cjk(english.group("base")):
            clause_lo = layout.clause_bounds(mention.start)[0]
            last = builder.share_bases.get(sentence.line)
            if last and _BARE_SHARE.search(layout.folded[clause_lo : mention.end + 8]):
                return _base_variable(builder, mention, last)
            return None
        base = _EN_BASE_END.split(english.group("base"))[0].strip()
        base = _POPULATION_EN.get(base, base)
    base = _WHOLE.sub("", base).strip() or base
    builder.share_bases[sentence.line] = base
    return _base_variable(builder, mention, base)


def _base_variable(builder: _Builder, mention: Mention, base: str) -> str | None:
    """The variable of the population ``base``: counted earlier in the text, else the graph's."""
    folded = fold(base)
    if folded in ("total", "the total", "whole", "总量", "总数", "总体", "整体"):
        # "of the total": the total counted last before it in its paragraph
        line = builder.layout.line_of(mention.start)
        for at, _, _, variable, unit in reversed(builder.counted):
            if line and line.start <= at < mention.start and unit == "count":
                return variable
        return None
    for at, _, label, variable, unit in reversed(builder.counted):
        if at < mention.start and unit == "count" and folded and folded in fold(label):
            return variable
    forms = [base] + ([base + "规模", base + "数"] if has_cjk(base) else [])
    for form in forms:
        iri = builder.variables.match(form, "count", any_unit=True)
        if iri is not None:
            return shorten(str(iri))
    return None


def _respectively(layout: Layout, mention: Mention, raw: str) -> str:
    """The item of "A、B分别增长x%、y%" that this number belongs to, or ""."""
    text = layout.text
    lo, _ = layout.clause_bounds(mention.start)
    clause = text[lo : mention.start]
    at = clause.find("分别")
    if at == -1:
        at = clause.find("分別")
    if at == -1:
        return ""
    items = [item for item in re.split(r"[、和及与與]", clause[:at]) if item.strip()]
    rank = len(re.findall(r"[、]", clause[at:]))  # numbers listed before this one
    if not items or rank >= len(items):
        return ""
    return clean_subject(items[rank])


def _policy_for(
    builder: _Builder, layout: Layout, mention: Mention, policies: list[EntityMention]
) -> str:
    """The policy that sets a goal.

    Goals belong to the plan the document issues or announces, not to a higher-level policy it
    cites as its basis (为贯彻落实《…意见》, "puts into practice the State Council's Opinions").
    In order: a policy named in the goal's own sentence before it; the document's own policy
    (its title names it, or the text issues it: 印发《…》, "released the … Plan"), the last one
    named before the goal; the last policy named before it that is not a basis; the first named.
    """
    named = [p for p in policies if p.iri is not None]
    basis = {id(p) for p in named if _is_basis(layout, p)}
    own = [p for p in named if id(p) not in basis and _is_own(layout, p)]
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    in_sentence = [
        p for p in named if sentence.start <= p.start < mention.start and id(p) not in basis
    ]
    before = [p for p in named if p.start < mention.start]
    plain = [p for p in before if id(p) not in basis]
    own_before = [p for p in own if p.start < mention.start]
    chosen = (
        (in_sentence[-1] if in_sentence else None)
        or (own_before[-1] if own_before else None)
        or (own[0] if own else None)
        or (plain[-1] if plain else None)
        or ([p for p in named if id(p) not in basis] or [None])[0]
    )
    title = layout.front_matter.get("title", "").strip().strip('"')
    if chosen is None and named and not _SELF_REFERENCE.search(layout.folded):
        chosen = before[-1] if before else named[0]  # only bases named: the last one
    if chosen is not None and chosen.iri is not None:
        return shorten(str(chosen.iri))
    reports = [r for r in builder.reports if r.iri is not None]
    if reports:
        # no policy named: a work report the text names sets its year's goals
        before = [r for r in reports if r.start < mention.start] or reports
        return shorten(str(before[-1].iri))
    issued = _ISSUED_IN_TITLE.search(title)
    name = (issued.group("name") if issued else title) or "the policy of this document"
    curie = builder.new_entity(draft_iri("policy", name), "policy", name, [])
    builder.entities[curie]["note"] = {
        "en": "Drafted by aikg extract: a goal of the text names no policy; the policy is "
        "taken to be the subject of the document. Name it, or point the target elsewhere."
    }
    builder.extra_mentions.setdefault(curie, {"id": curie, **_document_evidence(layout, title)})
    return curie


#: A policy cited as the basis of the text's own (为深入贯彻落实《…》, "in line with …").
_BASIS_CN = re.compile(
    r"(?:根据|依据|按照|遵照|贯彻|落实|贯彻落实|对照|衔接|承接)[^，,。；;]{0,8}$"
)
_BASIS_EN = re.compile(
    r"\b(?:in line with|in accordance with|pursuant to|in keeping with|to implement|implements"
    r"|implementing|puts? into practice|putting into practice|based on|builds? on|follows? up on"
    r"|as required by|guided by|to carry out|carries out)\b",
    re.IGNORECASE,
)
#: The text issues or announces a policy: 印发《…》, "released the … Plan".
_ISSUES = re.compile(
    r"印发|发布|出台|制定|公布|推出|颁布|released|issued|unveiled|published|launched|announced"
    r"|rolled out|adopted",
    re.IGNORECASE,
)


#: The text speaks of itself as a policy: 本方案, 本计划, "this plan".
_SELF_REFERENCE = re.compile(
    r"本(?:方案|计划|规划|意见|办法|行动方案|行动计划|纲要)|\bthis (?:action )?plan\b"
)
#: A notice that issues a policy names it: 关于印发《X》的通知.
_ISSUED_IN_TITLE = re.compile(r"关于印发《?(?P<name>[^《》]{4,60}?)》?的通知")


def _is_basis(layout: Layout, policy: EntityMention) -> bool:
    sentence = layout.sentence_at(policy.start)
    if sentence is None:
        return False
    before = layout.folded[sentence.start : policy.start]
    if has_cjk(before):
        return bool(_BASIS_CN.search(before))
    issued = list(_ISSUES.finditer(before))
    basis = list(_BASIS_EN.finditer(before))
    return bool(basis) and (not issued or basis[-1].start() > issued[-1].start())


def _is_own(layout: Layout, policy: EntityMention) -> bool:
    """Whether the text is or issues ``policy``: its title names it, or a verb issues it."""
    title = layout.front_matter.get("title", "") or _first_line(layout)
    name = re.sub(r"[(（][^()（）]*[)）]\s*$", "", (policy.canonical or policy.name).strip("《》 "))
    key = name_key(name)
    if len(key) >= 4 and key in name_key(title):
        return True
    sentence = layout.sentence_at(policy.start)
    if sentence is None:
        return False
    before = layout.folded[sentence.start : policy.start]
    return bool(_ISSUES.search(before[-40:]))


def compile_draft(
    sheet: dict[str, Any], source: SourceText, known: Graph, shared: Path | None
) -> Graph:
    """The graph of a draft sheet, compiled by the curation compiler (evidence and all)."""
    from aikg.curation.compile import _describe, compile_document  # the one compiler
    from aikg.curation.terms import iri
    from aikg.store.files import ontology_graph

    entities = Graph()
    for index, entry in enumerate(sheet.get("draft_entities") or []):
        _describe(
            entities,
            iri(entry["id"], f"draft_entities[{index}]"),
            entry,
            f"draft_entities[{index}]",
        )
    with tempfile.TemporaryDirectory() as folder:
        sheet_path = Path(folder) / "draft.yaml"
        body = {k: v for k, v in sheet.items() if k != "draft_entities"}
        sheet_path.write_text(
            yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        base = shared if shared is not None else source.path.parent
        graph = compile_document(sheet_path, base, ontology_graph() + known + entities)
    graph += entities
    return graph


def known_labels(graph: Graph, iri: URIRef) -> list[str]:
    return [str(o) for o in graph.objects(iri, RDFS.label)]


__all__ = ["Draft", "Fact", "Meta", "compile_draft", "extract"]
