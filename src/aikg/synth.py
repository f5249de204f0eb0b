"""Synthetic graphs shaped like the curated one, for benchmarks and scale tests (issue #6).

:class:`Synthesizer` makes, from a seed, a graph of exactly the number of triples asked for, as
N-Triples lines, one source document at a time (nothing but the entity pools is kept in memory),
and :func:`write_synth` streams them to numbered chunk files. What it makes has the curated
graph's shape and passes the SHACL shapes:

- source documents (articles, statistical reports, policy texts) with their source text (a
  virtual text made of the quotes; its SHA-256 and the selectors' offsets are those of that text),
  publisher, date, reliability, and the entities they mention;
- policies with issuers, dates (some left unstated, with the marker), types, jurisdiction and
  sectors; initiatives launched by policies; targets set by policies;
- organizations, people with their role in an organization, sectors (in a hierarchy),
  technologies (applying to and empowering sectors, as disputable statements with effects);
- statistical variables (counts, amounts in yuan, shares with their numerator and base, growth
  rates with the variable they change), observations with periods (instants and intervals),
  areas, units, qualifiers with their bounds, age groups, and restatements by other sources
  (some with other values, which the disagreement queries find);
- every entity, observation, target and statement with its evidence: a W3C Web Annotation whose
  target selects the span of its quote (``oa:TextPositionSelector`` and
  ``oa:TextQuoteSelector``) in the document's source text.

Skew is realistic: a national plan and a big organization are hubs (a large share of
publications, issuers, targets, initiatives and mentions), most other things are drawn with a
Zipf-like law (a few popular, many leaves), and a few documents are long statistical reports.
IRIs are under ``https://example.org/aikg-synth/``: synthetic data never passes for the project's.
"""

from __future__ import annotations

import hashlib
import math
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from aikg.errors import InputError

SYN = "https://example.org/aikg-synth/"
#: ``aikg synth`` writes this next to the chunks (not an RDF suffix: ``--data DIR`` skips it).
INFO_FILE = "synth-info.yaml"
CHUNK_PREFIX = "synth-"
#: The least number of triples (a few documents).
MIN_TRIPLES = 2_000
MAX_TRIPLES = 100_000_000
CHUNK_TRIPLES = 500_000

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_SCHEMA = "https://schema.org/"
_AIKG = "https://w3id.org/aikg/ontology#"
_OA = "http://www.w3.org/ns/oa#"
_PROV = "http://www.w3.org/ns/prov#"
_ORG = "http://www.w3.org/ns/org#"
_TIME = "http://www.w3.org/2006/time#"
_SDMX = "http://purl.org/linked-data/sdmx/2009/dimension#"
_DCT = "http://purl.org/dc/terms/"
_VOCAB = "https://w3id.org/aikg/vocab/"
_UNIT = "http://qudt.org/vocab/unit/"

TYPE = f"<{_RDF}type>"
LABEL = f"<{_RDFS}label>"


def _iri(value: str) -> str:
    return f"<{value}>"


def _syn(kind: str, number: int | str) -> str:
    return f"<{SYN}{kind}/{number}>"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def _text(value: str) -> str:
    if any(c in value for c in _ESCAPES):
        value = "".join(_ESCAPES.get(c, c) for c in value)
    return f'"{value}"'


def _lang(value: str, tag: str) -> str:
    return f"{_text(value)}@{tag}"


def _typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{_XSD}{datatype}>'


def _p(namespace: str, name: str) -> str:
    return f"<{namespace}{name}>"


# Properties used below, written once.
S = {name: _p(_SCHEMA, name) for name in (
    "Observation", "StatisticalVariable", "Organization", "Person", "Legislation", "Article",
    "Report", "Place", "name", "publisher", "datePublished", "url", "inLanguage", "mentions",
    "about", "encodesCreativeWork", "encodingFormat", "sha256", "variableMeasured", "value",
    "unitCode", "unitText", "minValue", "maxValue", "measurementDenominator", "observationAbout",
    "legislationPassedBy", "legislationDate", "legislationType", "legislationJurisdiction",
    "containedInPlace",
)}  # fmt: skip
A = {name: _p(_AIKG, name) for name in (
    "SourceDocument", "SourceText", "Sector", "Technology", "Initiative", "Target", "AgeGroup",
    "reliability", "sourceText", "sourcePath", "precision", "valueQualifier", "appliesToSector",
    "empowers", "promotes", "effect", "applicationScenario", "launchedBy", "targetOf",
    "targetYear", "numerator", "changeOf", "changeType", "basePeriod", "unstatedProperty",
    "dateUnknown", "RelativeChange",
)}  # fmt: skip
OA = {name: _p(_OA, name) for name in (
    "Annotation", "SpecificResource", "TextPositionSelector", "TextQuoteSelector", "hasBody",
    "hasTarget", "hasSource", "hasSelector", "motivatedBy", "identifying", "start", "end", "exact",
)}  # fmt: skip
SKOS_BROADER, SKOS_NOTATION, SKOS_ALT = (_p(_SKOS, n) for n in ("broader", "notation", "altLabel"))
DERIVED, ATTRIBUTED, PRIMARY = (
    _p(_PROV, n) for n in ("wasDerivedFrom", "wasAttributedTo", "hadPrimarySource")
)
REF_PERIOD, REF_AREA, AGE = (_p(_SDMX, n) for n in ("refPeriod", "refArea", "age"))
DCT_TYPE = _p(_DCT, "type")
RDF_STATEMENT = _p(_RDF, "Statement")
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (_p(_RDF, n) for n in ("subject", "predicate", "object"))
ORG_MEMBERSHIP, ORG_MEMBER, ORG_ORGANIZATION, ORG_ROLE = (
    _p(_ORG, n) for n in ("Membership", "member", "organization", "role")
)
TIME_INSTANT, TIME_INTERVAL, TIME_DATE, TIME_BEGIN, TIME_END = (
    _p(_TIME, n) for n in ("Instant", "Interval", "inXSDDate", "hasBeginning", "hasEnd")
)


def _vocab(kind: str, name: str) -> str:
    return f"<{_VOCAB}{kind}/{name}>"


UNITS = {  # kind -> (unit IRI, unit text)
    "count": (_vocab("unit", "PERSON"), "人"),
    "number": (_p(_UNIT, "NUM"), "个"),
    "money": ("<http://qudt.org/vocab/currency/CNY>", "元"),
    "share": (_p(_UNIT, "PERCENT"), "%"),
    "growth": (_p(_UNIT, "PERCENT"), "%"),
}
QUALIFIERS = [  # (IRI, Chinese word, bound property or None)
    (_vocab("qualifier", "more-than"), "超", S["minValue"]),
    (_vocab("qualifier", "at-least"), "以上", S["minValue"]),
    (_vocab("qualifier", "nearly"), "近", S["maxValue"]),
    (_vocab("qualifier", "about"), "约", None),
]
DOCTYPES = ["plan", "action-plan", "guideline", "framework", "opinions", "regulation", "standard"]
RELIABILITY = ["official", "official", "wire", "relay", "repost"]

# Words the labels are made of (Chinese, English).
REGIONS = [
    ("北京", "Beijing"), ("上海", "Shanghai"), ("广东", "Guangdong"), ("浙江", "Zhejiang"),
    ("江苏", "Jiangsu"), ("四川", "Sichuan"), ("湖北", "Hubei"), ("山东", "Shandong"),
    ("福建", "Fujian"), ("安徽", "Anhui"), ("陕西", "Shaanxi"), ("重庆", "Chongqing"),
    ("天津", "Tianjin"), ("河南", "Henan"), ("湖南", "Hunan"), ("辽宁", "Liaoning"),
]  # fmt: skip
FIELDS = [
    ("人工智能", "AI"), ("智能制造", "smart manufacturing"), ("数据", "data"),
    ("算力", "computing power"), ("机器人", "robotics"), ("大模型", "large model"),
    ("智能网联汽车", "connected vehicles"), ("生成式人工智能", "generative AI"),
    ("智慧医疗", "smart healthcare"), ("集成电路", "integrated circuits"),
]  # fmt: skip
ORG_KINDS = [
    ("研究院", "Institute"), ("有限公司", "Co., Ltd."), ("协会", "Association"),
    ("中心", "Center"), ("实验室", "Laboratory"), ("管理局", "Administration"),
]  # fmt: skip
VARIABLE_WORDS = [
    ("企业数量", "number of enterprises", "number"),
    ("用户规模", "number of users", "count"),
    ("产业规模", "industry size", "money"),
    ("投资额", "investment", "money"),
    ("融资规模", "financing", "money"),
    ("从业人员", "workforce", "count"),
    ("专利申请量", "patent applications", "number"),
    ("算力规模", "computing capacity", "number"),
]  # fmt: skip
SECTORS = [
    ("人工智能产业", "AI industry"), ("制造业", "manufacturing"), ("农业", "agriculture"),
    ("金融业", "finance"), ("教育", "education"), ("卫生和社会工作", "health and social work"),
    ("交通运输", "transport"), ("信息传输、软件和信息技术服务业", "information technology"),
    ("能源", "energy"), ("文化、体育和娱乐业", "culture and entertainment"),
    ("批发和零售业", "wholesale and retail"), ("建筑业", "construction"),
]  # fmt: skip
EFFECTS = [("提升效率", "efficiency"), ("降低成本", "lower costs"), ("提高质量", "quality")]
AGE_GROUPS = [(6, 19), (20, 29), (30, 39), (40, 49), (50, 59)]


def _chinese_number(value: int) -> str:
    """``6000亿`` for 600000000000, ``3.31亿`` for 331000000, else the digits."""
    for size, word in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        if value >= size:
            return f"{value / size:g}{word}"
    return str(value)


def _round(value: float, digits: int) -> tuple[int, int]:
    """``value`` to ``digits`` significant digits, and the precision (a power of ten)."""
    exponent = max(math.floor(math.log10(value)) - digits + 1, 0)
    step = 10**exponent
    return max(round(value / step) * step, step), step


@dataclass
class _Variable:
    iri: str
    label: str
    label_en: str
    kind: str
    scale: float = 1.0
    numerator: _Variable | None = None
    base: _Variable | None = None
    changed: _Variable | None = None

    @property
    def genai(self) -> bool:
        return "生成式人工智能" in self.label


@dataclass
class _Document:
    """What one document adds: its lines, its virtual text, the entities it mentions."""

    number: int
    iri: str
    text_iri: str
    lines: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    length: int = 0  # code points of the text so far
    evidence: int = 0
    mentions: dict[str, None] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add(self, s: str, p: str, o: str) -> None:
        line = f"{s} {p} {o} .\n"
        if line not in self.seen:  # a document states a triple once
            self.seen.add(line)
            self.lines.append(line)


class Synthesizer:
    """A deterministic stream of exactly ``triples`` distinct N-Triples lines (see the module)."""

    def __init__(self, triples: int, seed: int = 1) -> None:
        if not MIN_TRIPLES <= triples <= MAX_TRIPLES:
            raise InputError(
                f"--triples {triples}: give {MIN_TRIPLES:,} to {MAX_TRIPLES:,} triples"
            )
        self.triples = triples
        self.seed = seed
        self.rng = random.Random(seed)
        self.counts: dict[str, int] = {}
        self.samples: dict[str, str] = {}
        self._emitted = 0
        self._serial: dict[str, int] = {}
        self._entities: list[str] = []  # every entity written, for the last few triples
        self._orgs: list[str] = []
        self._policies: list[str] = []
        self._initiatives: list[str] = []
        self._sectors: list[str] = []
        self._techs: list[str] = []
        self._variables: list[_Variable] = []
        self._periods: set[str] = set()
        self._areas: list[str] = []
        self._ages: list[str] = []
        self._recent: list[tuple[_Variable, str, str, int | float, str]] = []
        self._people: list[str] = []
        self._asserted: set[tuple[str, str, str]] = set()

    # --- the stream ----------------------------------------------------------------------------

    def lines(self) -> Iterator[str]:
        """The graph, one N-Triples line at a time."""
        self._emitted = 0
        yield from self._committed(self._world())
        number, written = 0, dict(self.counts)
        while True:
            number += 1
            doc = self._document(number)
            if self._emitted + len(doc.lines) > self.triples:
                self.counts = written  # what the last document added is left out
                break
            written = dict(self.counts)
            self._entities.extend(doc.created)
            yield from self._committed(doc.lines)
        yield from self._committed(self._fill(self.triples - self._emitted))

    def _committed(self, lines: list[str]) -> Iterator[str]:
        self._emitted += len(lines)
        yield from lines

    def _next(self, kind: str) -> int:
        self._serial[kind] = self._serial.get(kind, 0) + 1
        self.counts[kind] = self._serial[kind]
        return self._serial[kind]

    def _pick(self, pool: list, hub_share: float = 0.0) -> object:
        """An item of ``pool``: the first with ``hub_share``, else Zipf-like (rank ~ 1/r)."""
        if hub_share and self.rng.random() < hub_share:
            return pool[0]
        return pool[min(int(len(pool) ** self.rng.random()) - 1, len(pool) - 1)]

    def _fill(self, count: int) -> list[str]:
        """``count`` more distinct triples: aliases of entities already written."""
        lines = []
        pool = self._entities or [_syn("place", "CN")]
        for index in range(count):
            entity = pool[index % len(pool)]
            lines.append(f"{entity} {SKOS_ALT} {_lang(f'别名{index + 1}', 'zh-hans')} .\n")
        return lines

    # --- what every document uses --------------------------------------------------------------

    def _world(self) -> list[str]:
        """Areas and age groups (no evidence needed), written first."""
        doc = _Document(0, "", "")
        country = _syn("place", "CN")
        doc.add(country, TYPE, S["Place"])
        doc.add(country, LABEL, _lang("中国", "zh-hans"))
        doc.add(country, LABEL, _lang("China", "en"))
        self._areas.append(country)
        for index, (zh, en) in enumerate(REGIONS):
            area = _syn("place", f"R{index + 1:02d}")
            doc.add(area, TYPE, S["Place"])
            doc.add(area, LABEL, _lang(zh, "zh-hans"))
            doc.add(area, LABEL, _lang(en, "en"))
            doc.add(area, S["containedInPlace"], country)
            self._areas.append(area)
        for low, high in AGE_GROUPS:
            age = _syn("age", f"{low}-{high}")
            doc.add(age, TYPE, A["AgeGroup"])
            doc.add(age, LABEL, _lang(f"{low}~{high}岁", "zh-hans"))
            doc.add(age, LABEL, _lang(f"aged {low}-{high}", "en"))
            doc.add(age, SKOS_NOTATION, _text(f"{low}-{high}"))
            doc.add(age, S["minValue"], _typed(str(low), "integer"))
            doc.add(age, S["maxValue"], _typed(str(high), "integer"))
            self._ages.append(age)
        return doc.lines

    def _evidence(self, doc: _Document, body: str, quote: str) -> None:
        """An annotation of ``body`` whose target selects ``quote`` in the document's text."""
        doc.evidence += 1
        anno = f"{SYN}anno/{doc.number}-{doc.evidence}"
        a, target, pos, exact = (_iri(anno + s) for s in ("", "-target", "-pos", "-quote"))
        start = doc.length + 1  # after the separator
        doc.text.append("\n" + quote)
        doc.length = start + len(quote)
        doc.add(a, TYPE, OA["Annotation"])
        doc.add(a, OA["hasBody"], body)
        doc.add(a, OA["hasTarget"], target)
        doc.add(a, OA["motivatedBy"], OA["identifying"])
        doc.add(target, TYPE, OA["SpecificResource"])
        doc.add(target, OA["hasSource"], doc.text_iri)
        doc.add(target, OA["hasSelector"], pos)
        doc.add(target, OA["hasSelector"], exact)
        doc.add(pos, TYPE, OA["TextPositionSelector"])
        doc.add(pos, OA["start"], _typed(str(start), "nonNegativeInteger"))
        doc.add(pos, OA["end"], _typed(str(doc.length), "nonNegativeInteger"))
        doc.add(exact, TYPE, OA["TextQuoteSelector"])
        doc.add(exact, OA["exact"], _text(quote))

    def _entity(self, doc: _Document, iri: str, cls: str, zh: str, en: str) -> str:
        """A new entity, with its labels and its evidence in ``doc``."""
        doc.add(iri, TYPE, cls)
        doc.add(iri, LABEL, _lang(zh, "zh-hans"))
        doc.add(iri, LABEL, _lang(en, "en"))
        self._evidence(doc, iri, zh)
        doc.created.append(iri)
        doc.mentions[iri] = None
        return iri

    def _mention(self, doc: _Document, iri: str, zh: str | None = None) -> str:
        """``iri`` mentioned in ``doc`` (with evidence now and then)."""
        if iri not in doc.mentions:
            doc.mentions[iri] = None
            if zh and self.rng.random() < 0.3:
                self._evidence(doc, iri, zh)
        return iri

    def _statement(self, doc: _Document, s: str, p: str, o: str, quote: str) -> str:
        """The triple ``s p o`` (once in the graph) and the statement of it that ``doc`` makes,
        with evidence."""
        if (s, p, o) not in self._asserted:
            self._asserted.add((s, p, o))
            doc.add(s, p, o)
        stmt = _syn("stmt", f"{doc.number}-{doc.evidence + 1}")
        doc.add(stmt, TYPE, RDF_STATEMENT)
        doc.add(stmt, RDF_SUBJECT, s)
        doc.add(stmt, RDF_PREDICATE, p)
        doc.add(stmt, RDF_OBJECT, o)
        doc.add(stmt, DERIVED, doc.iri)
        self._evidence(doc, stmt, quote)
        return stmt

    # --- pools ---------------------------------------------------------------------------------

    def _label(self, words: list[tuple[str, str]], number: int) -> tuple[str, str]:
        zh, en = words[self.rng.randrange(len(words))]
        return f"{zh}{number}", f"{en} {number}"

    def _organization(self, doc: _Document) -> str:
        if self._orgs and self.rng.random() > 0.15:
            org = self._pick(self._orgs, hub_share=0.25)
            return self._mention(doc, str(org), "机构")
        number = self._next("organization")
        if number == 1:  # the big organization: a hub
            zh, en = "国家人工智能发展委员会", "National AI Development Commission"
        else:
            region, field_ = REGIONS[number % len(REGIONS)], FIELDS[number % len(FIELDS)]
            kind = ORG_KINDS[self.rng.randrange(len(ORG_KINDS))]
            zh = f"{region[0]}{field_[0]}{kind[0]}{number}"
            en = f"{region[1]} {field_[1]} {kind[1]} {number}"
        org = self._entity(doc, _syn("organization", number), S["Organization"], zh, en)
        self._orgs.append(org)
        self.samples.setdefault("organization", org[1:-1])
        if number % 7 == 3:  # now and then a person with a role in it
            self._person(doc, org)
        return org

    def _person(self, doc: _Document, org: str) -> None:
        number = self._next("person")
        person = self._entity(
            doc, _syn("person", number), S["Person"], f"张{number}号", f"Zhang No. {number}"
        )
        membership = _syn("membership", number)
        doc.add(membership, TYPE, ORG_MEMBERSHIP)
        doc.add(membership, ORG_MEMBER, person)
        doc.add(membership, ORG_ORGANIZATION, org)
        doc.add(membership, ORG_ROLE, _syn("role", "director"))
        if number == 1:
            role = _syn("role", "director")
            doc.add(role, LABEL, _lang("主任", "zh-hans"))
            doc.add(role, LABEL, _lang("director", "en"))
        self._people.append(person)

    def _sector(self, doc: _Document) -> str:
        if len(self._sectors) >= len(SECTORS) * 4 or (self._sectors and self.rng.random() < 0.8):
            return self._mention(doc, str(self._pick(self._sectors, hub_share=0.2)), "行业")
        number = self._next("sector")
        zh, en = SECTORS[(number - 1) % len(SECTORS)]
        parent = None
        if number > len(SECTORS):  # a sub-sector
            parent = self._sectors[(number - 1) % len(SECTORS)]
            zh, en = f"{zh}细分领域{number}", f"{en} segment {number}"
        sector = self._entity(doc, _syn("sector", number), A["Sector"], zh, en)
        if parent is not None:
            doc.add(sector, SKOS_BROADER, parent)
        self._sectors.append(sector)
        self.samples.setdefault("sector", sector[1:-1])
        return sector

    def _technology(self, doc: _Document) -> str:
        if self._techs and self.rng.random() < 0.75:
            return self._mention(doc, str(self._pick(self._techs)), "技术")
        number = self._next("technology")
        zh, en = self._label(FIELDS, number)
        tech = self._entity(doc, _syn("tech", number), A["Technology"], f"{zh}技术", f"{en} tech")
        doc.add(tech, A["appliesToSector"], self._sector(doc))
        if self._techs and (number == 2 or self.rng.random() < 0.3):
            doc.add(tech, SKOS_BROADER, str(self._pick(self._techs)))
        self._techs.append(tech)
        return tech

    def _variable(self, doc: _Document, kind: str | None = None, genai: bool = False) -> _Variable:
        """A variable of ``kind`` (about generative AI when ``genai``): mostly a known one."""
        wanted = [
            v
            for v in self._variables[-50:]
            if (kind is None or v.kind == kind) and (v.genai or not genai)
        ]
        if wanted and self.rng.random() < 0.85:
            variable = self._pick(self._variables if kind is None and not genai else wanted)
            assert isinstance(variable, _Variable)
            self._mention(doc, variable.iri)
            return variable
        number = self._next("variable")
        field_zh, field_en = FIELDS[7] if genai else FIELDS[self.rng.randrange(len(FIELDS))]
        if kind in (None, "count", "number", "money"):
            words = [w for w in VARIABLE_WORDS if kind is None or w[2] == kind]
            word_zh, word_en, kind = words[number % len(words)]  # every word early on
            zh, en = (
                f"{field_zh}{word_zh}（口径{number}）",
                f"{field_en} {word_en} (scope {number})",
            )
            variable = _Variable(_syn("var", number), zh, en, kind, 10 ** self.rng.uniform(3, 9))
        elif kind == "share":
            count = self._variable(doc, "count")
            base = self._variable(doc, "count")
            zh, en = f"{count.label}占比（口径{number}）", f"share of {count.label_en} ({number})"
            variable = _Variable(_syn("var", number), zh, en, kind, numerator=count, base=base)
        else:  # growth
            changed = self._variable(doc, "number")
            zh, en = f"{changed.label}同比增长率", f"growth of {changed.label_en}"
            variable = _Variable(_syn("var", number), zh, en, kind, changed=changed)
        iri = self._entity(doc, variable.iri, S["StatisticalVariable"], variable.label, en)
        if variable.numerator is not None:
            doc.add(iri, A["numerator"], variable.numerator.iri)
        if variable.changed is not None:
            doc.add(iri, A["changeOf"], variable.changed.iri)
            doc.add(iri, A["changeType"], A["RelativeChange"])
        if self.rng.random() < 0.5:
            doc.add(iri, A["appliesToSector"], self._sector(doc))
        self._variables.append(variable)
        self.samples.setdefault("metric", iri[1:-1])
        return variable

    def _period(self, doc: _Document, year: int, half: bool, interval: bool) -> str:
        """The period IRI (an instant at the end of the year or half, or the span to it)."""
        end = f"{year}-06-30" if half else f"{year}-12-31"
        if not interval:
            return self._instant(doc, end)
        start = f"{year}-01-01"
        iri = _syn("period", f"{start}--{end}")
        if iri not in self._periods:
            self._periods.add(iri)
            doc.add(iri, TYPE, TIME_INTERVAL)
            doc.add(iri, LABEL, _lang(f"{start}至{end}", "zh-hans"))
            doc.add(iri, LABEL, _lang(f"{start} to {end}", "en"))
            doc.add(iri, SKOS_NOTATION, _text(f"{start}/{end}"))
            doc.add(iri, TIME_BEGIN, self._instant(doc, start))
            doc.add(iri, TIME_END, self._instant(doc, end))
        return iri

    def _instant(self, doc: _Document, date: str) -> str:
        iri = _syn("period", date)
        if iri not in self._periods:
            self._periods.add(iri)
            doc.add(iri, TYPE, TIME_INSTANT)
            doc.add(iri, LABEL, _lang(date, "zh-hans"))
            doc.add(iri, LABEL, _lang(date, "en"))
            doc.add(iri, SKOS_NOTATION, _text(date))
            doc.add(iri, TIME_DATE, _typed(date, "date"))
        return iri

    # --- facts ---------------------------------------------------------------------------------

    def _value(self, variable: _Variable) -> tuple[int | float, str, str]:
        """A value of ``variable``: the number, its lexical form and datatype, its precision."""
        if variable.kind in ("share", "growth"):
            low, high = (0.5, 99.5) if variable.kind == "share" else (-20.0, 150.0)
            value = round(self.rng.uniform(low, high), 1)
            return value, "decimal", "0.1"
        number, step = _round(variable.scale * self.rng.uniform(0.5, 2.0), 3)
        return number, "integer", str(step)

    def _observation(
        self,
        doc: _Document,
        variable: _Variable,
        area: str,
        period: str,
        value: int | float | None = None,
        **extra: str,
    ) -> str:
        number = self._next("observation")
        obs = _syn("obs", number)
        if value is None:
            value, datatype, precision = self._value(variable)
        else:
            datatype = "decimal" if isinstance(value, float) else "integer"
            precision = "0.1" if isinstance(value, float) else "1"
        lexical = f"{value:.1f}" if isinstance(value, float) else str(value)
        unit, unit_text = UNITS[variable.kind]
        shown = lexical if isinstance(value, float) else _chinese_number(int(value))
        qualifier = None
        if self.rng.random() < 0.2 and not extra:
            qualifier = QUALIFIERS[self.rng.randrange(len(QUALIFIERS))]
        quote = f"{qualifier[1] if qualifier else ''}{shown}{unit_text}"
        doc.add(obs, TYPE, S["Observation"])
        doc.add(obs, LABEL, _lang(f"{variable.label}：{quote}", "zh-hans"))
        doc.add(obs, LABEL, _lang(f"{variable.label_en}: {lexical} {unit_text}", "en"))
        doc.add(obs, S["variableMeasured"], variable.iri)
        doc.add(obs, S["value"], _typed(lexical, datatype))
        doc.add(obs, S["unitCode"], unit)
        doc.add(obs, S["unitText"], _text(unit_text))
        doc.add(obs, REF_PERIOD, period)
        doc.add(obs, REF_AREA, area)
        doc.add(obs, DERIVED, doc.iri)
        doc.add(obs, A["precision"], _typed(precision, "decimal"))
        if qualifier is not None:
            doc.add(obs, A["valueQualifier"], qualifier[0])
            if qualifier[2] is not None:
                doc.add(obs, qualifier[2], _typed(lexical, datatype))
        for prop, term in extra.items():
            doc.add(obs, {"base": A["basePeriod"], "denominator": S["measurementDenominator"],
                          "age": AGE, "about": S["observationAbout"]}[prop], term)  # fmt: skip
        if self.rng.random() < 0.1:
            doc.add(obs, ATTRIBUTED, str(self._pick(self._orgs)))
        if self.rng.random() < 0.05:
            doc.add(obs, PRIMARY, str(self._pick(self._orgs, hub_share=0.5)))
        self._evidence(doc, obs, f"{variable.label}{quote}")
        self.samples.setdefault("fact", obs[1:-1])
        if not extra and qualifier is None:
            self._recent = [*self._recent[-30:], (variable, area, period, value, doc.iri)]
        return obs

    def _facts(self, doc: _Document, count: int, year: int) -> None:
        """``count`` observations (some in groups: a share with its count and base, a change
        with its two values, an age breakdown, a restatement of another source's figure)."""
        rng = self.rng
        first = [0.15, 0.25, 0.3] if doc.number == 1 else []  # every kind, even in small graphs
        for index in range(max(count, len(first))):
            roll = first[index] if index < len(first) else rng.random()
            area = str(self._pick(self._areas, hub_share=0.4))
            when = year - int(rng.random() ** 2 * 8)
            half, interval = rng.random() < 0.3, rng.random() < 0.4
            if roll < 0.12 and self._recent:  # another source states a known figure
                variable, area, period, value, source = self._recent[
                    rng.randrange(len(self._recent))
                ]
                if source != doc.iri:
                    if rng.random() < 0.4:
                        value = value + 1 if isinstance(value, int) else round(value + 0.1, 1)
                    self._observation(doc, variable, area, period, value)
                    continue
            if roll < 0.2:
                share = self._variable(doc, "share")
                assert share.numerator is not None and share.base is not None
                period = self._period(doc, when, half, False)
                base, _, _ = self._value(share.base)
                part = int(base * float(rng.uniform(0.05, 0.95)))
                self._observation(doc, share.base, area, period, int(base))
                self._observation(doc, share.numerator, area, period, max(part, 1))
                value = round(max(part, 1) / base * 100, 1)
                self._observation(doc, share, area, period, value, denominator=share.base.iri)
            elif roll < 0.27:
                growth = self._variable(doc, "growth")
                assert growth.changed is not None
                before = self._period(doc, when - 1, half, interval)
                after = self._period(doc, when, half, interval)
                old, _, _ = self._value(growth.changed)
                new = int(old * rng.uniform(0.9, 1.6))
                self._observation(doc, growth.changed, area, before, int(old))
                self._observation(doc, growth.changed, area, after, new)
                change = round((new / old - 1) * 100, 1)
                self._observation(doc, growth, area, after, change, base=before)
            elif roll < 0.32:
                variable = self._variable(doc, "count", genai=True)  # users by age group
                period = self._period(doc, when, half, interval)
                for age in self._ages:
                    self._observation(doc, variable, area, period, age=age)
            else:
                variable = self._variable(doc)
                period = self._period(doc, when, half, interval)
                extra = {"about": self._technology(doc)} if rng.random() < 0.1 else {}
                self._observation(doc, variable, area, period, None, **extra)

    def _policy(self, doc: _Document, year: int) -> str:
        number = self._next("policy")
        if number == 1:  # the national plan: a hub
            zh, en = "新一代人工智能发展规划", "New Generation AI Development Plan"
        else:
            field_zh, field_en = FIELDS[self.rng.randrange(len(FIELDS))]
            kind = DOCTYPES[self.rng.randrange(len(DOCTYPES))]
            zh, en = (
                f"关于促进{field_zh}发展的{kind}第{number}号",
                f"{field_en} {kind} No. {number}",
            )
        policy = self._entity(doc, _syn("policy", number), S["Legislation"], zh, en)
        doctype = DOCTYPES[0] if number == 1 else DOCTYPES[self.rng.randrange(len(DOCTYPES))]
        doc.add(policy, S["legislationType"], _vocab("doctype", doctype))
        doc.add(policy, S["legislationJurisdiction"], self._areas[0])
        issuers = 3 if number == 1 else 1 + int(self.rng.random() < 0.2)
        for _ in range(issuers):
            org = self._organization(doc)
            self._statement(doc, policy, S["legislationPassedBy"], org, f"{zh}由机构印发")
        if number == 2 or self.rng.random() < 0.1:  # the source leaves the date unstated
            doc.add(policy, A["unstatedProperty"], S["legislationDate"])
        else:
            month = self.rng.randint(1, 12)
            date = _typed(f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}", "date")
            if self.rng.random() < 0.2:
                date = _typed(f"{year}-{month:02d}", "gYearMonth")
            self._statement(doc, policy, S["legislationDate"], date, f"{year}年{month}月{zh}发布")
        for _ in range(8 if number == 1 else self.rng.randint(1, 3)):
            doc.add(policy, A["appliesToSector"], self._sector(doc))
        doc.add(policy, A["promotes"], self._technology(doc))
        self._policies.append(policy)
        self.samples.setdefault("policy", policy[1:-1])
        return policy

    def _target(self, doc: _Document, policy: str, year: int) -> None:
        number = self._next("target")
        variable = self._variable(doc)
        value, datatype, precision = self._value(variable)
        lexical = f"{value:.1f}" if isinstance(value, float) else str(value)
        unit, unit_text = UNITS[variable.kind]
        target = _syn("target", number)
        goal = year + self.rng.randint(2, 8)
        zh = f"到{goal}年{variable.label}达到{lexical}{unit_text}"
        self._entity(doc, target, A["Target"], zh, f"{variable.label_en}: {lexical} by {goal}")
        doc.add(target, S["variableMeasured"], variable.iri)
        doc.add(target, S["value"], _typed(lexical, datatype))
        doc.add(target, S["unitCode"], unit)
        doc.add(target, S["unitText"], _text(unit_text))
        doc.add(target, A["targetYear"], _typed(str(goal), "gYear"))
        doc.add(target, A["targetOf"], policy)
        doc.add(target, DERIVED, doc.iri)
        doc.add(target, A["precision"], _typed(precision, "decimal"))
        doc.add(target, REF_AREA, self._areas[0])

    def _initiative(self, doc: _Document, policy: str) -> None:
        number = self._next("initiative")
        field_zh, field_en = FIELDS[self.rng.randrange(len(FIELDS))]
        zh, en = f"“{field_zh}+”行动{number}", f'"{field_en}+" initiative {number}'
        initiative = self._entity(doc, _syn("initiative", number), A["Initiative"], zh, en)
        self._statement(doc, initiative, A["launchedBy"], policy, f"{zh}由政策提出")
        doc.add(initiative, A["appliesToSector"], self._sector(doc))
        self._initiatives.append(initiative)

    def _empowers(self, doc: _Document) -> None:
        tech, sector = self._technology(doc), self._sector(doc)
        effect = EFFECTS[self.rng.randrange(len(EFFECTS))]
        stmt = self._statement(doc, tech, A["empowers"], sector, f"技术赋能行业{effect[0]}")
        doc.add(stmt, A["effect"], _lang(effect[0], "zh-hans"))
        doc.add(stmt, A["effect"], _lang(effect[1], "en"))
        doc.add(stmt, A["applicationScenario"], _lang(f"场景{doc.number}", "zh-hans"))

    # --- documents -----------------------------------------------------------------------------

    def _document(self, number: int) -> _Document:
        rng = self.rng
        doc = _Document(number, _syn("doc", number), _syn("text", number))
        year = 2015 + min(int(number**0.5) // 3, 12) - int(rng.random() ** 3 * 6)
        kind = "report" if rng.random() < 0.1 else ("policy" if rng.random() < 0.2 else "article")
        publisher = self._organization(doc)
        if kind == "policy" or not self._policies:
            policy = self._policy(doc, year)
            for _ in range(rng.randint(1 if len(self._policies) == 1 else 0, 3)):
                self._target(doc, policy, year)
            if rng.random() < 0.3 or len(self._policies) == 1:
                self._initiative(doc, policy)
        about = str(self._pick(self._policies, hub_share=0.3))
        self._mention(doc, about, "政策")
        if rng.random() < 0.15:  # a later source names the national plan's targets again
            self._target(doc, self._policies[0], year)
        if rng.random() < 0.05:
            self._initiative(doc, self._policies[0])
        count = 40 + int(rng.paretovariate(1.2) * 40) if kind == "report" else rng.randint(2, 14)
        self._facts(doc, min(count, 400), year)
        for _ in range(rng.randint(0, 2)):
            self._empowers(doc)
        for _ in range(rng.randint(1, 4)):
            self._technology(doc)
        title_zh = {"report": "统计报告", "policy": "政策原文", "article": "报道"}[kind]
        zh, en = f"人工智能{title_zh}第{number}号", f"AI {kind} No. {number}"
        self._entity(doc, doc.iri, A["SourceDocument"], zh, en)
        doc.add(doc.iri, TYPE, S["Report"] if kind == "report" else S["Article"])
        doc.add(doc.iri, S["name"], _lang(zh, "zh-hans"))
        doc.add(doc.iri, S["publisher"], publisher)
        if rng.random() < 0.02:
            doc.add(doc.iri, A["dateUnknown"], _typed("true", "boolean"))
        else:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc.add(doc.iri, S["datePublished"], _typed(date, "date"))
        doc.add(
            doc.iri, S["url"], _typed(f"https://example.org/aikg-synth/source/{number}", "anyURI")
        )
        reliability = RELIABILITY[rng.randrange(len(RELIABILITY))]
        doc.add(doc.iri, A["reliability"], _vocab("reliability", reliability))
        doc.add(doc.iri, A["sourceText"], doc.text_iri)
        doc.add(
            doc.iri,
            DCT_TYPE,
            _vocab("doctype", "statistical-report" if kind == "report" else "article"),
        )
        doc.add(doc.iri, S["inLanguage"], _text("zh-hans"))
        doc.add(doc.iri, S["about"], about)
        for entity in doc.mentions:
            if entity != doc.iri:
                doc.add(doc.iri, S["mentions"], entity)
        text = "".join(doc.text).encode("utf-8")
        doc.add(doc.text_iri, TYPE, A["SourceText"])
        doc.add(doc.text_iri, LABEL, _lang(f"synth/{number}.md 的文本", "zh-hans"))
        doc.add(doc.text_iri, LABEL, _lang(f"text of synth/{number}.md", "en"))
        doc.add(doc.text_iri, S["encodesCreativeWork"], doc.iri)
        doc.add(doc.text_iri, S["encodingFormat"], _text("text/markdown"))
        doc.add(doc.text_iri, S["sha256"], _text(hashlib.sha256(text).hexdigest()))
        doc.add(doc.text_iri, A["sourcePath"], _text(f"synth/{number}.md"))
        self.counts["document"] = number
        self.samples.setdefault("source", doc.iri[1:-1])
        return doc


# --------------------------------------------------------------------------------------------
# Writing


@dataclass
class SynthResult:
    folder: Path
    triples: int
    seed: int
    files: list[Path]
    counts: dict[str, int]
    samples: dict[str, str]


def write_synth(
    folder: Path, triples: int, seed: int = 1, *, chunk_triples: int = CHUNK_TRIPLES
) -> SynthResult:
    """Write a synthetic graph of ``triples`` triples to ``folder`` as N-Triples chunks.

    The chunks (``synth-00001.nt`` ...) and ``synth-info.yaml`` are written to a temporary
    folder beside ``folder``, which then takes its place: an interrupted run leaves nothing. A
    ``folder`` that holds anything but an earlier synthetic graph is refused.
    """
    import yaml

    synthesizer = Synthesizer(triples, seed)  # checks the size first
    if folder.exists():
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder")
        if any(folder.iterdir()) and not (folder / INFO_FILE).is_file():
            raise InputError(f"{folder}: the folder is not empty and holds no synthetic graph")
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        names: list[str] = []
        handle = None
        for index, line in enumerate(synthesizer.lines()):
            if index % chunk_triples == 0:
                if handle is not None:
                    handle.close()
                names.append(f"{CHUNK_PREFIX}{len(names) + 1:05d}.nt")
                handle = open(temp / names[-1], "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            assert handle is not None
            handle.write(line)
        if handle is not None:
            handle.close()
        info = {
            "triples": triples,
            "seed": seed,
            "generator": "aikg synth",
            "files": names,
            "counts": dict(sorted(synthesizer.counts.items())),
            "samples": synthesizer.samples,
            "note": "Synthetic data for benchmarks and tests: not facts.",
        }
        text = yaml.safe_dump(info, allow_unicode=True, sort_keys=False)
        (temp / INFO_FILE).write_text(text, encoding="utf-8")
        os.chmod(temp, 0o755)
        old = None
        if folder.exists():
            old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            folder.rename(old)
        temp.rename(folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return SynthResult(
        folder, triples, seed, [folder / n for n in names], synthesizer.counts, synthesizer.samples
    )


def read_info(folder: Path) -> dict[str, object]:
    """The ``synth-info.yaml`` of a synthetic graph folder."""
    import yaml

    path = folder / INFO_FILE
    try:
        return dict(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(f"{path}: not a synthetic graph's info file ({exc})") from None
