"""The draft curation sheet of one document: the mutable builder that the rule families fill,
and the finished draft (its sheet as YAML, its graph as the curation compiler makes it).

Reads the document's :class:`~aikg.extraction.layout.Layout`, its source and the ``known``
graph; :class:`SheetBuilder` collects the new entities (draft places, policies, variables,
age bands, organizations), the extra evidence they need and the running state that later
figures of the text depend on (the last share's population, the last figure of a sentence …).
:class:`Draft` holds the sheet (a mapping in the format of ``curation/*.yaml``) and its graph,
compiled by :func:`aikg.curation.compile_sheet` (the one compiler: a draft carries its evidence
exactly like curated facts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from aikg.extraction.anchor import anchor, document_evidence
from aikg.extraction.english_labels import EnglishLabels
from aikg.extraction.entities import EntityMention, doctype_of, kind_of
from aikg.extraction.layout import Layout, first_line
from aikg.extraction.periods import TimeExpr
from aikg.extraction.places import (
    NATIONAL_WORDS,
    Place,
    Places,
    listed_in,
    local_place,
    speaks_locally,
    unknown_districts,
)
from aikg.extraction.script import fold, has_cjk, to_simplified
from aikg.extraction.units import unit_kind
from aikg.extraction.variables import VariableIndex
from aikg.namespaces import ID, shorten
from aikg.sources import SourceText

#: Classes of new draft entities, by IRI kind.
CLASSES = {
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
#: The property that marks everything extraction drafts.
DRAFT = {"aikg:draft": {"value": "true", "type": "xsd:boolean"}}


#: A title of a company's report of its own results (folded): its revenue or profit
#: (科大讯飞2026年营收…, "SenseTime first-half revenue rises …"), in a title that names no place
#: and no nation and is no statistics release (:meth:`SheetBuilder.__init__`).
COMPANY_RESULTS = re.compile(
    r"营收|营业收入|净利润|业绩|年报|半年报|季报|财报|(?:中期|半年度?|上半年|全年|年度)收入"
    r"|(?:第?[一二三四1-4]季度?|季度)收入|(?:去年|今年|上年)收入|亏损|扭亏"
    r"|\brevenues?\b|\bnet (?:profit|loss)\b"
    r"|\bearnings\b|\b(?:annual|interim|half-year|first-half|quarterly|full-year)\s+results\b"
    r"|\b(?:first|second|third|fourth)[- ]quarter\s+results\b|\bq[1-4]\s+results\b"
)
#: Titles of statistics releases and of an industry's or many companies' figures, which report
#: revenue too (规上工业企业营业收入, 核心产业营收, "AI firms' revenue").
_NOT_ONE_COMPANY = re.compile(
    r"统计|公报|规上|规模以上|产业|行业|企业|\bstatistic|\bbulletin\b|\bcensus\b|\bindustr"
    r"|\bsector\b|\bcompanies\b|\bfirms\b|\benterprises\b"
)


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
    #: What the rules read the fact's period, area and variable from (for the draft's doubts).
    basis: dict[str, str] = field(default_factory=dict)


@dataclass
class Draft:
    path: Path
    source: SourceText
    sheet: dict[str, Any]
    graph: Graph
    facts: list[Fact] = field(default_factory=list)
    #: the figures held back (:mod:`aikg.extraction.doubts`): listed under the sheet's
    #: ``unsure`` key, not in the graph
    unsure: list[Fact] = field(default_factory=list)
    entities: list[tuple[str, str, bool]] = field(default_factory=list)  # (iri, name, new)

    def sheet_yaml(self) -> str:
        header = (
            f"# Draft curation sheet made by `aikg extract` from {self.path.name}.\n"
            "# Review every entry against the source. `unsure` lists figures not drafted: the\n"
            "# rules assumed a part of each (said in its reading); complete those you keep and\n"
            "# move them to `observations`, delete the rest. Then move `draft_entities` into\n"
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


class SheetBuilder:
    """Collects the sheet's entries for one document."""

    def __init__(self, layout: Layout, source: SourceText, known: Graph, doc_date: date) -> None:
        self.layout, self.source, self.known, self.date = layout, source, known, doc_date
        self.entities: dict[str, dict[str, Any]] = {}
        self.variables = VariableIndex(known, unit_kind)
        self.extra_mentions: dict[str, dict[str, Any]] = {}
        self.places = Places(known, ID["place"])
        self.english_labels = EnglishLabels()  # the labels of the English figures
        self.counted: list[tuple[int, int, str, str, str]] = []  # (at, line, label, var, unit)
        self.kinds: dict[str, str] = {}  # variable -> unit kind of its figures drafted so far
        self.ages: dict[int, str] = {}  # sentence start -> age code of its last figure
        self.share_bases: dict[int, str] = {}  # line -> the population its last share is of
        #: sentence start -> (period, denominator) of its last figure (for an earlier level)
        self.last_figure: dict[int, tuple[str | None, str | None]] = {}
        self.sentence_areas: dict[int, str] = {}  # sentence start -> area of its last figure
        self.survey: TimeExpr | None = None  # the fieldwork span of a survey the text reports
        #: the date a statistical report's figures stand at, when the text reports one
        self.coverage: TimeExpr | None = None
        #: the organizations and reports the text names (a variable's scope is checked on them)
        self.bodies: list[EntityMention] = []
        #: the time expressions that date a number by themselves (times.dating_times)
        self.dating: list[TimeExpr] | None = None
        self.review: int | None = None  # the year an annual review reports on
        self.released: date | None = None  # a report released the day before ("昨日公布")
        #: the last rate per 10,000 workers drafted: (its paragraph's line, label, period); an
        #: English list of countries "with 1,080 units" after it continues it
        self.rate: tuple[int, str, str | None] | None = None
        self.reports: list[EntityMention] = []  # work reports named (they set their goals)
        body = layout.folded[layout.body_start :]
        title = source.front_matter.get("title", "") or first_line(layout)
        folded_title = fold(title)
        title_places = self.places.find(folded_title)
        #: whether the text is a company's report of its own results (its title says so:
        #: 年度业绩, 半年报, "interim results"): a figure whose area nothing states is then the
        #: company's, of all its operations (the world), not China's
        self.company_text = bool(
            COMPANY_RESULTS.search(folded_title)
            and not NATIONAL_WORDS["figure"].search(folded_title)
            and not title_places
            and not _NOT_ONE_COMPANY.search(folded_title)
        )
        # a company's text has no place of its own, whatever a Hong Kong paper's 港元 and its
        # name in the page's furniture, or 在香港上市 (where the shares trade), suggest
        self.local = None
        if not self.company_text:
            self.local = local_place(
                self.places, title, body, fold(layout.fact_text[layout.body_start :])
            )
        #: whether the text is of a place of its own: its title names a province or a city, or
        #: it speaks of 全省, 本市, 全县 … (a figure whose area nothing says may then be that
        #: place's, not China's: a doubt of the draft)
        self.local_text = not self.company_text and (
            bool(self.local or title_places) or speaks_locally(folded_title + body)
        )
        #: the districts, counties and zones the title names that the rules know no place for
        #: (龙岗区, 双流区): the text may be theirs (a doubt on figures nothing places)
        self.title_districts = unknown_districts(self.places, folded_title)
        self.named_places = [
            (start + layout.body_start, end + layout.body_start, place)
            for start, end, place in self.places.find(body)
            if not listed_in(body, start, end)
        ]
        #: where the body names a district the rules know no place for (the end of each name)
        self.named_districts = [
            end + layout.body_start for end, _ in unknown_districts(self.places, body)
        ]

    def place(self, place: Place) -> str:
        """The CURIE of ``place``; a place the graph lacks becomes a draft entity."""
        curie = shorten(str(place.iri))
        if place.known or curie in self.entities:
            return curie
        self.entities[curie] = {
            "id": curie,
            "a": [CLASSES["place"]],
            "label": {"zh": place.name, "en": place.english},
            "props": dict(DRAFT),
        }
        at = next((s for s, _, p in self.named_places if p == place), None)
        if at is not None:
            end = next(e for s, e, p in self.named_places if s == at)
            evidence = anchor(self.layout.text, at, end)
        else:
            evidence = document_evidence(self.layout, "")
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
        entry: dict[str, Any] = {"id": curie, "a": [CLASSES[kind]], "label": self._labels(name)}
        alts = [a for a in aliases if a and a != name and not re.search(r"\s{2,}|/", a)]
        if alts:
            entry["alt"] = {("zh" if has_cjk(a) else "en"): a for a in alts[:1]}
        props: dict[str, Any] = dict(DRAFT)
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
                "props": dict(DRAFT),
            }
        return curie

    def scope_note(self, curie: str, passed: str, scope: str, reason: str = "") -> None:
        """Say why the new variable ``curie`` is not the graph's ``passed``: that one is a
        measure of another scope (``scope``: a body's, a report's) that the text does not name,
        or (``reason``) counts another thing than the figure (issue 12's linking policy)."""
        if reason:
            self.entities[curie]["note"] = {
                "en": f"Drafted by aikg extract: not linked to {passed}, whose label is close "
                f"to the figure's words but of another scope: {reason}. Link it there if the "
                "scope is the same."
            }
            return
        self.entities[curie]["note"] = {
            "en": f"Drafted by aikg extract: not linked to {passed}, whose label states the "
            f"scope {scope!r}, which the figure's sentence (or the document's title) does not "
            "name: another body's or another report's figure is another series. Link it there "
            "if the scope is the same."
        }

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
            props: dict[str, Any] = {"skos:notation": notation, **DRAFT}
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


def compile_draft(
    sheet: dict[str, Any], source: SourceText, known: Graph, shared: Path | None
) -> Graph:
    """The graph of a draft sheet, compiled by the curation compiler (evidence and all)."""
    from aikg.curation import compile_entity_list, compile_sheet  # the one compiler
    from aikg.curation.compile import UNSURE
    from aikg.store.files import ontology_graph

    entities = compile_entity_list(sheet.get("draft_entities") or [], "draft_entities")
    body = {k: v for k, v in sheet.items() if k not in ("draft_entities", UNSURE)}
    base = shared if shared is not None else source.path.parent
    graph = compile_sheet(body, base, ontology_graph() + known + entities, name="draft.yaml")
    graph += entities
    return graph
