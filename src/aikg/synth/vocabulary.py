"""The synthetic graph's term writers (N-Triples) and the vocabulary it draws from: IRIs,
units, qualifiers, document types, regions, fields, sectors, age groups."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from aikg.namespaces import BASE, PREFIXES
from aikg.qualifiers import QUALIFIERS as QUALIFIER_TABLE

SYN = "https://example.org/aikg-synth/"
#: ``aikg synth`` writes this next to the chunks (not an RDF suffix: ``--data DIR`` skips it).
INFO_FILE = "synth-info.yaml"
CHUNK_PREFIX = "synth-"
#: The least number of triples (a few documents).
MIN_TRIPLES = 2_000
MAX_TRIPLES = 100_000_000
CHUNK_TRIPLES = 500_000

# Namespace IRIs as strings (synth writes N-Triples text, not rdflib terms), from aikg.namespaces.
_RDF, _RDFS, _XSD, _SKOS = (str(PREFIXES[p]) for p in ("rdf", "rdfs", "xsd", "skos"))
_SCHEMA, _AIKG, _OA, _PROV = (str(PREFIXES[p]) for p in ("schema", "aikg", "oa", "prov"))
_ORG, _TIME, _SDMX, _DCT = (str(PREFIXES[p]) for p in ("org", "time", "sdmx-dimension", "dcterms"))
_VOCAB = f"{BASE}vocab/"
_UNIT, _CUR = str(PREFIXES["unit"]), str(PREFIXES["cur"])

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
    "money": (f"<{_CUR}CNY>", "元"),
    "share": (_p(_UNIT, "PERCENT"), "%"),
    "growth": (_p(_UNIT, "PERCENT"), "%"),
}
#: The qualifiers synth writes, each with the Chinese word it puts before the number.
_QUALIFIER_WORDS = {"more-than": "超", "at-least": "以上", "nearly": "近", "about": "约"}
_BOUND_PROPERTIES = {"lower": S["minValue"], "upper": S["maxValue"], None: None}
QUALIFIERS = [  # (IRI, Chinese word, bound property or None)
    (_vocab("qualifier", name), word, _BOUND_PROPERTIES[QUALIFIER_TABLE[name].bound])
    for name, word in _QUALIFIER_WORDS.items()
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
