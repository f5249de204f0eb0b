"""Named entities of a text, linked to the graph's IRIs or drafted as new ones.

Two sources of mentions:

1. the graph's own names: every label and alias of a policy, report, series, initiative,
   organization, person, product, event, place, technology, sector or concept is looked up in the
   folded text (so a simplified label finds its traditional spelling, full-width punctuation and
   any quotation marks match);
2. patterns for names the graph may not know: titles in 《》 (with an edition 第N次 or a year
   before them and a version after them), quoted English titles, initiatives in quotes
   (“人工智能+”行动), government bodies (国家…委员会, …部, English "Ministry of …", "… Center"),
   events (2024年…宣传周主论坛, "World … Conference"), products (“可灵AI”, DeepSeek), people after a
   title (总理李强, Premier Li Qiang), the publisher of the front matter, and abbreviations a text
   defines (以下简称“网安标委”).

A pattern's name is linked when its key (:func:`aikg.extraction.script.name_key`: script-folded,
Chinese numerals as Arabic, no punctuation) equals the key of a label of the graph; editions,
years and versions must agree (《框架》2.0版 is not the 1.0 framework). An unlinked name becomes a
new draft entity.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from aikg.extraction.gazetteer import CITIES, PROVINCES
from aikg.extraction.layout import Layout
from aikg.extraction.script import fold, has_cjk, name_key
from aikg.extraction.spans import Spans
from aikg.namespaces import BASE

#: Kinds of IRI (``https://w3id.org/aikg/id/{kind}/``) that names are linked to.
LINKED_KINDS = (
    "policy", "report", "series", "initiative", "organization", "person", "product", "event",
    "place", "tech", "sector", "concept", "principle", "risk",
)  # fmt: skip
#: Kinds whose mentions the evaluation scores (the named entities of the issue).
NAMED_KINDS = (
    "policy",
    "report",
    "series",
    "initiative",
    "organization",
    "person",
    "product",
    "event",
)
#: Kinds whose short names (two characters) are too common to look up as words.
_COMMON_KINDS = ("tech", "sector", "concept", "principle", "risk")

_ID = re.compile(re.escape(BASE) + r"id/([a-z]+)/")


def kind_of(iri: str) -> str | None:
    match = _ID.match(iri)
    return match.group(1) if match else None


_TITLE = re.compile(
    r"(?P<pre>第\s*[0-9零〇一二三四五六七八九十百]+\s*次|\d{4}\s*年(?:度)?)?\s*"
    r"《(?P<name>[^《》\n]{1,60})》"
    r"(?P<post>\s*(?:[(（]\s*\d+(?:\.\d+)?\s*版\s*[)）]|\d+(?:\.\d+)?\s*版))?"
)
_INITIATIVE = re.compile(r'"(?P<name>[^"\n]{1,16})"\s*(?P<head>行动|计划|工程|战略)')
_ASCII_QUOTES = str.maketrans(dict.fromkeys("“”", '"'))
_EN_TITLE = re.compile(r'"(?P<name>(?:[A-Z][\w\'-]*\s+){1,10}[A-Z][\w\'-]*)"')
_CN_ORG = re.compile(
    r"(?:国务院|中共中央|中央|国家|全国|中国|中华人民共和国)(?:(?![等各的和与及同]|部门|部分|联合|会同|连同|携手|协同)[\u4e00-\u9fff]|和(?=[\u4e00-\u9fff]{2,8}(?:部|委员会))){0,16}"
    r"(?:委员会|办公室|管理局|总局|信息中心|应急中心|中心|研究院|研究所|科学院|工程院|协会|学会|联盟"
    r"|网信办|标委|发展改革委|标准委|电网|集团|公司|银行|部(?![门分署])|局(?!长)|署|委|办)"
    r"(?![\u4e00-\u9fff]*?(?:宣传周|论坛|大会|会议))"
)
#: A provincial or municipal government or department (广东省人民政府, 上海市经济和信息化委员会).
_CN_LOCAL_ORG_HEADS = (
    r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)"
    r"(?:人民政府(?:办公厅)?|人民代表大会常务委员会|[\u4e00-\u9fff]{2,10}?(?:委员会|厅|局))"
)
#: A bureau or department named before its head's title (…、运行监测协调局局长).
_CN_BUREAU = re.compile(
    r"(?<=[、，,。（(\s])(?![据从由经在与及和])[\u4e00-\u9fff]{2,10}?(?:局|司|厅|办公室)"
    r"(?=(?:副)?(?:局长|司长|厅长|主任))"
)
_CN_STANDALONE = re.compile(r"国务院|中共中央")
_CN_MINISTRY = re.compile(
    r"(?<=[、，,。从由经与及在据和（(\s])(?![据从由经在与及和])[\u4e00-\u9fff]{2,7}部(?![门分署委长])"
)
_EN_ORG_HEADS = (
    "Center|Centre|Ministry|Administration|Agency|Council|Commission|Committee|Office|Bureau"
    "|Institute|Association|Academy|University|Corporation|Company|Group|Bank|Federation"
    "|Alliance|Department|Congress"
)
_EN_NAME = re.compile(r"\b[A-Z][\w&'-]*(?:\s+(?:(?:of|and|for|on|the)\s+)*[A-Z][\w&'-]*)*")
_EN_ORG = re.compile(rf"\b(?:{_EN_ORG_HEADS})\b")
_ACRONYM = re.compile(r"^\s*[(（]\s*(?P<acr>[A-Z][A-Za-z]{1,9})\s*[)）]")
_CN_EVENT = re.compile(
    r"(?:\d{4}\s*年?|[第]?[十一二三四五六七八九\d]+\s*届)"
    r"[\u4e00-\u9fff\d第次]{2,24}?(?:宣传周|论坛|大会|峰会|博览会|展览会|年会|会议|室务会)"
    r"(?:主论坛|开幕会|全体会议|会议)?"
    r"|(?:国家|全国|世界|中国)[\u4e00-\u9fff\d第次]{2,20}?(?:宣传周|论坛|大会|峰会|博览会|年会|室务会)"
    r"(?:主论坛|开幕会|会议)?"
)
_EN_EVENT = re.compile(
    r"\b(?:\d{4}\s+)?(?:[A-Z][a-z]+\s+){1,6}(?:Conference|Forum|Summit|Week|Expo|Congress)\b"
)
_PRODUCT_QUOTED = re.compile(
    r'"(?P<name>[^"\n]{1,12})"\s*(?=(?:[\u4e00-\u9fff]{0,6})(?:机器人|大模型|模型|应用|平台|产品|app|App))'
    r'|(?:大模型|模型|应用|平台|产品)"(?P<name2>[^"\n]{1,12})"'
)
_CAMEL = re.compile(r"\b[A-Z][a-z]+[A-Z][A-Za-z]+\b")
_TITLES = "总理|国家主席|主席|副主任|主任|副部长|部长|副局长|局长|署长|书记|董事长|总经理|院长"
_CN_PERSON = re.compile(
    r"(?P<title>" + "|".join(r"\s?".join(t) for t in _TITLES.split("|")) + r")"
    r"\s*(?P<name>[\u4e00-\u9fff]{2,3})"
)
_CN_REPORT = re.compile(r"(?:作|发布|提交|审议|通过|印发)(?P<name>[\u4e00-\u9fff]{2,8}报告)(?!》)")
_ENUMERATED = re.compile(
    r"(?:[一二三四五六七八九十]是|[(（][一二三四五六七八九十][)）])\s*"
    r'(?P<name>"[^"\n]{1,12}"[\u4e00-\u9fff]{2,6})'
)
_NAME_STOP = set("昨在表指说认强提等于的和与、，。是也将已就对向从为今日称")
#: Common Chinese surnames (simplified): a person's name after a title starts with one.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习怀郑"
)
_EN_PERSON = re.compile(
    r"\b(?:(?:[Dd]eputy|[Vv]ice|[Ee]xecutive)\s+)?(?:President|Premier|Minister|[Dd]irector"
    r"(?:[- ][Gg]eneral)?|Chairman|Chairwoman|[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman"
    r"|[Cc]ommissioner|Governor|Mayor|[Ss]ecretary|[Hh]ead|[Oo]fficial)\s+"
    r"(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)(?!\s+[A-Z])"
)
#: A policy's English title without quotes ("Opinions on Deepening the Implementation of …").
_EN_TOKEN = r'(?:[A-Z][\w+\-]*|"[^"\n]{1,24}"|\d{4})'
_EN_LINK = r"(?:the|of|and|for|on|in|to|a|an|with)"
_EN_POLICY = re.compile(
    r"\b(?P<name>(?:[A-Z][a-z]+\s+){0,3}(?:Opinions|Guidelines|Measures|Regulations|Provisions"
    r"|Plan|Framework|Law|Notice|Decision|Program|Programme|Strategy)\s+(?:on|for|of|to|regarding)"
    rf"\s+(?:{_EN_LINK}\s+)*{_EN_TOKEN}(?:\s+(?:{_EN_LINK}\s+)*{_EN_TOKEN})*)"
)
_POSSESSOR = re.compile(r"(?:\bthe\s+)?(?P<owner>(?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*)'s\s+$")
#: A dateline: "BEIJING, July 16 (EWS) --"; the agency in brackets.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+(?P<acr>\(\s*[A-Za-z]{2,8}\s*\))",
    re.MULTILINE,
)
_ALIAS = re.compile(
    r'[(（]\s*(?:以下简称|以下称|下称|简称)\s*["《]?(?P<alias>[^"》)）\n]{1,20})["》]?\s*[)）]'
)

_POLICY_WORDS = re.compile(
    r"办法|条例|规定|意见|指南|框架|规划|计划|方案|通知|法$|决定|倡议|纲要|标准|措施|细则"
    r"|measures|regulations?|guidelines?|framework|plan|opinions|law|provisions|initiative"
)
_REPORT_WORDS = re.compile(r"报告|白皮书|蓝皮书|report|white paper")
_PERIODICAL_WORDS = re.compile(r"杂志|日报|晚报|周刊|报$")
_DOCTYPES = (
    ("办法|条例|规定|细则|measures|regulation", "doctype:regulation"),
    ("意见|opinions", "doctype:opinions"),
    ("指南|guideline", "doctype:guideline"),
    ("框架|framework", "doctype:framework"),
    ("行动计划|行动方案|action plan", "doctype:action-plan"),
    ("规划|计划|纲要|plan", "doctype:plan"),
    ("法$|law", "doctype:law"),
    ("标准|standard", "doctype:standard"),
)


def doctype_of(name: str) -> str | None:
    folded = fold(name)
    for words, doctype in _DOCTYPES:
        if re.search(words, folded):
            return doctype
    return None


@dataclass
class EntityMention:
    start: int
    end: int
    name: str  # as written
    kind: str
    iri: URIRef | None = None  # linked IRI; None until linked or drafted
    new: bool = False
    aliases: list[str] = field(default_factory=list)
    canonical: str | None = None  # the full name, for a mention by an alias or a short title


class EntityIndex:
    """Names of the graph's entities, by key and by folded surface form."""

    def __init__(self, graph: Graph) -> None:
        self.by_key: dict[str, set[URIRef]] = defaultdict(set)
        self.surfaces: list[tuple[str, URIRef, str]] = []  # (folded surface, iri, kind)
        self.acronyms: list[tuple[str, URIRef, str]] = []
        self.keys: dict[URIRef, set[str]] = defaultdict(set)  # the name keys of its labels
        for predicate in (RDFS.label, SKOS.altLabel):
            for subject, label in graph.subject_objects(predicate):
                kind = kind_of(str(subject))
                if kind not in LINKED_KINDS or not isinstance(label, Literal):
                    continue
                assert isinstance(subject, URIRef)
                text = str(label).strip()
                if not text or text.startswith(("[to translate]", "[待译]")):
                    continue
                key = name_key(text)
                self.by_key[key].add(subject)
                self.keys[subject].add(key)
                surface = fold(text)
                if re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", text):
                    self.acronyms.append((text, subject, kind))
                elif has_cjk(surface):
                    minimum = 3 if kind in _COMMON_KINDS else 2
                    if kind == "policy" and len(surface) <= 4:
                        continue  # a short title (行动计划, 意见) names any plan in free text
                    if len(surface) >= minimum:
                        self.surfaces.append((surface, subject, kind))
                elif len(surface) >= 4 and kind not in _COMMON_KINDS:
                    self.surfaces.append((surface, subject, kind))
        self.surfaces.sort(key=lambda item: -len(item[0]))

    def link(self, name: str, extra_years: tuple[str, ...] = ()) -> URIRef | None:
        """The IRI whose label has the key of ``name`` (editions and versions agreeing)."""
        key = name_key(name)
        candidates = [key] + [f"{year}年{key}" for year in extra_years]
        for candidate in candidates:
            hits = self.by_key.get(candidate, set())
            if len(hits) == 1:
                return next(iter(hits))
        return None

    def agrees(self, name: str, iri: URIRef) -> bool:
        """Whether the specific words of ``name`` — its years and the provinces and cities it
        names — are all in a label of ``iri``: a plan's short name (《行动计划》) that a graph
        policy has as an alias does not make 《成都市…三年行动计划（2026—2028年）》 that policy."""
        key = name_key(name)
        labels = self.keys.get(iri, set())
        years = set(_YEAR.findall(key))
        places = {place for place in (*PROVINCES, *CITIES) if place in key}
        return all(any(word in label for label in labels) for word in years | places)

    def short_form(self, name: str, kind: str) -> URIRef | None:
        """The graph entity of ``kind`` that a short Chinese name abbreviates (工信部 for
        工业和信息化部, 国家发改委 for 国家发展改革委): its characters are the label's, in order,
        with the same first and last character (the first after 国家/中国 for a short form
        without it); the one such entity, else None."""
        short = fold(name)
        if len(short) < 3 or not has_cjk(short):
            return None
        found = set()
        for surface, iri, surface_kind in self.surfaces:
            if surface_kind != kind or len(surface) <= len(short) or surface[-1] != short[-1]:
                continue
            heads = {surface[0], re.sub(r"^(?:中华人民共和国|国家|中国)", "", surface)[:1]}
            if short[0] not in heads:
                continue
            rest = iter(surface)
            if all(char in rest for char in short):
                found.add(iri)
        return next(iter(found)) if len(found) == 1 else None


#: A year in a name key (2026—2028 is keyed 20262028: two years).
_YEAR = re.compile(r"(?:19|20)\d{2}")


#: Words before a mainland body's name that are not part of it (陆方工信部, 中国国家发改委).
_MAINLAND_PREFIX = re.compile(
    r"^(?:(?:根据|依据|按照|据)(?:中国大陆|大陆|陆方|中方|我国|中国)?|中国大陆|大陆|陆方|中方|我国"
    r"|中国)(?=[\u4e00-\u9fff]{2})"
)


def _overlaps(a: EntityMention, b: EntityMention) -> bool:
    return a.start < b.end and b.start < a.end


def _title_kind(name: str) -> str | None:
    folded = fold(name)
    if _PERIODICAL_WORDS.search(folded):
        return "organization"
    if _REPORT_WORDS.search(folded):
        return "report"
    if _POLICY_WORDS.search(folded):
        return "policy"
    return None


#: Adds a candidate mention of ``kind`` at ``start:end`` (None when the span is masked).
_Add = Callable[[int, int, str], EntityMention | None]


def _candidates(layout: Layout) -> list[EntityMention]:
    """Names found by the patterns, in the order the patterns are tried; not linked yet."""
    text, visible = layout.text, layout.entity_text
    found: list[EntityMention] = []

    def add(start: int, end: int, kind: str) -> EntityMention | None:
        if visible[start:end].strip() != text[start:end].strip() or start >= end:
            return None
        mention = EntityMention(start, end, text[start:end], kind)
        found.append(mention)
        return mention

    _titles(layout, add)
    _organizations(layout, add)
    _events_products_people(layout, add)
    folded, lo = layout.folded, layout.body_start
    for match in _ALIAS.finditer(folded, lo):
        before = [m for m in found if 0 <= match.start() - m.end <= 2]
        if before:
            before[-1].aliases.append(text[match.start("alias") : match.end("alias")])
    return found


def _titles(layout: Layout, add: _Add) -> None:
    """Titles in 《》 or quotes (policies, reports, periodicals), initiatives, reports named."""
    text, folded, lo = layout.text, layout.folded, layout.body_start
    for match in _TITLE.finditer(folded, lo):
        name = match.group("name")
        kind = _title_kind(name)
        if kind is None:
            continue
        start = match.start("pre") if match.group("pre") else match.start("name") - 1
        end = match.end("post") if match.group("post") else match.end("name") + 1
        if kind == "organization":
            start, end = match.start("name") - 1, match.end("name") + 1
        add(start, end, kind)
    for match in _INITIATIVE.finditer(folded, lo):
        add(match.start(), match.end(), "initiative")
    for match in _ENUMERATED.finditer(folded, lo):
        add(match.start("name"), match.end("name"), "initiative")
    for match in _CN_REPORT.finditer(folded, lo):
        add(match.start("name"), match.end("name"), "report")
    for match in _EN_TITLE.finditer(text.translate(_ASCII_QUOTES), lo):
        kind = _title_kind(match.group("name"))
        if kind:
            add(match.start(), match.end(), kind)


def _organizations(layout: Layout, add: _Add) -> None:
    """Chinese bodies (ministries, local bureaus), English policies and organizations."""
    text, folded, visible, lo = layout.text, layout.folded, layout.entity_text, layout.body_start
    for pattern in (_CN_ORG, _CN_MINISTRY, _CN_STANDALONE, _cn_local_org(), _CN_BUREAU):
        for match in pattern.finditer(folded, lo):
            name = match.group()
            if (
                re.search(
                    r"[等的各和其]部$|各|等|部门|部分|[东西南北中内外全局底顶头腰尾]部$", name
                )
                or folded[match.end() : match.end() + 1] in "门分"
            ):
                continue
            add(match.start(), match.end(), "organization")
    ascii_text = text.translate(_ASCII_QUOTES)
    for match in _EN_POLICY.finditer(ascii_text, lo):
        name = match.group("name")
        kind = _title_kind(name)
        if kind != "policy" or visible[match.start() : match.end()].strip() != name:
            continue
        mention = add(match.start("name"), match.end("name"), "policy")
        owner = _POSSESSOR.search(ascii_text[max(lo, match.start() - 60) : match.start()])
        if mention and owner:
            # "the State Council's Opinions on X" is titled "Opinions of the State Council on X"
            head, _, rest = name.partition(" ")
            words = rest.split(" ", 1)
            if len(words) == 2:
                who = owner.group("owner")
                mention.aliases += [
                    f"{head} of the {who} {words[0]} {words[1]}",
                    f"{head} of {who} {words[0]} {words[1]}",
                ]
    for match in _EN_NAME.finditer(text, lo):
        if _EN_ORG.search(match.group()):
            name = re.sub(r"^(?:The|According to|In|By)\s+", "", match.group())
            possessive = re.search(r"'s\b", name)
            if possessive and _EN_ORG.search(name[: possessive.start()]):
                name = name[: possessive.start()]
                start = match.start() + match.group().index(name)
                add(start, start + len(name), "organization")
                continue
            start = match.end() - len(name)
            mention = add(start, match.end(), "organization")
            acronym = _ACRONYM.match(text, match.end())
            if mention and acronym:
                mention.aliases.append(acronym.group("acr"))


def _events_products_people(layout: Layout, add: _Add) -> None:
    """Events, products (quoted, CamelCase) and people (a surname and a title, English names)."""
    text, folded, lo = layout.text, layout.folded, layout.body_start
    for pattern in (_CN_EVENT, _EN_EVENT):
        source = folded if pattern is _CN_EVENT else text
        for match in pattern.finditer(source, lo):
            date = re.match(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", match.group())
            add(match.start() + (date.end() if date else 0), match.end(), "event")
    for match in _PRODUCT_QUOTED.finditer(folded, lo):
        group = "name" if match.group("name") else "name2"
        add(match.start(group) - 1, match.end(group) + 1, "product")
    for match in _CAMEL.finditer(text, lo):
        add(match.start(), match.end(), "product")
    for match in _CN_PERSON.finditer(folded, lo):
        name = match.group("name")
        if len(name) == 3 and name[2] in _NAME_STOP:
            name = name[:2]
        if name[1] in _NAME_STOP or name[0] not in _SURNAMES:
            continue
        add(match.start("name"), match.start("name") + len(name), "person")
    for match in _EN_PERSON.finditer(text, lo):
        add(match.start("name"), match.end("name"), "person")


def _cn_local_org() -> re.Pattern[str]:
    names = "|".join(sorted((*PROVINCES, *CITIES), key=len, reverse=True))
    return re.compile(rf"(?:{names}){_CN_LOCAL_ORG_HEADS}")


def _publisher(layout: Layout) -> EntityMention | None:
    """The publisher named in the front matter (``publisher:`` or ``source:``)."""
    for key in ("publisher", "source"):
        match = re.search(rf"^{key}:[ \t]*(.+)$", layout.text[: layout.body_start], re.MULTILINE)
        if match:
            value = match.group(1)
            name = re.split(r"\s*[(（,，]", value, maxsplit=1)[0].strip()
            if not name:
                return None
            start = match.start(1) + value.index(name)
            mention = EntityMention(start, start + len(name), name, "organization")
            inside = re.search(r"[(（]([^)）]+)[)）]", value)
            if inside:
                mention.aliases.append(inside.group(1).split(",")[0].strip())
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name)).upper()
            for dateline in _DATELINE.finditer(layout.entity_text, layout.body_start):
                acronym = dateline.group("acr").strip("() ")
                if len(initials) >= 2 and acronym.upper() == initials:
                    mention.aliases.append(dateline.group("acr"))
                    break
            return mention
    return None


_SHORT_TITLE = re.compile(r"《(?P<name>[^《》]{1,4})》\s*(?P<version>\d+(?:\.\d+)?)?")


def _short_title(
    candidate: EntityMention, before: Callable[[], list[EntityMention]]
) -> EntityMention | None:
    """The full title that a short one (《框架》, 《意见》2.0版) abbreviates, if any came before
    (``before()``: the mentions before it)."""
    name = re.sub(r"^(?:\d{4}\s*年|第\s*\d+\s*次)", "", fold(candidate.name))
    match = _SHORT_TITLE.fullmatch(name.replace("版", ""))
    if not match:
        return None
    short, version = match.group("name"), match.group("version")
    fuller = [
        m
        for m in before()
        if m.kind in ("policy", "report", "initiative")
        and short in fold(m.name)
        and len(name_key(m.name)) > len(short)
    ]
    if version:
        fuller = [m for m in fuller if version.replace(".", "") in name_key(m.name)]
    return fuller[-1] if fuller else None


def find_entities(layout: Layout, index: EntityIndex, doc_year: int | None) -> list[EntityMention]:
    """Mentions of named entities in ``layout``, each linked to an IRI or marked new."""
    # 1. names the graph knows, longest first, one span never read twice
    mentions = _known_names(layout, index)
    # 2. names found by patterns: linked by key, else new
    years = (str(doc_year),) if doc_year else ()
    aliases: dict[str, EntityMention] = {}
    known_spans = list(mentions)
    done: list[EntityMention] = []
    for candidate in _kept_candidates(layout):
        if any(
            m.kind == candidate.kind and m.start <= candidate.start and candidate.end <= m.end
            for m in known_spans
        ):
            continue
        key = name_key(candidate.name)

        def earlier(candidate: EntityMention = candidate) -> list[EntityMention]:
            return sorted(
                (m for m in known_spans + done if m.end <= candidate.start), key=lambda m: m.start
            )

        short = _link(candidate, index, years, aliases, earlier)
        done.append(candidate)
        if short is None:
            aliases.setdefault(key, candidate)
        for alias in candidate.aliases:
            aliases.setdefault(name_key(alias), candidate)
        # a known name wholly inside a longer name of the same kind is part of that name
        mentions = [
            m
            for m in mentions
            if (candidate.new and candidate.kind == "event")
            or not (
                m.kind == candidate.kind
                and candidate.start <= m.start
                and m.end <= candidate.end
                and (m.start, m.end) != (candidate.start, candidate.end)
            )
        ]
        if not any((m.start, m.end) == (candidate.start, candidate.end) for m in mentions):
            mentions.append(candidate)
    # 3. later uses of an alias the text defined (网安标委, 《框架》)
    _alias_uses(layout, aliases, mentions)
    return sorted(mentions, key=lambda m: m.start)


def _known_names(layout: Layout, index: EntityIndex) -> list[EntityMention]:
    """The graph's names (its surfaces, longest first, then its acronyms) found in the body."""
    mentions: list[EntityMention] = []
    folded, visible = layout.folded, layout.entity_text
    taken: Spans[str] = Spans()  # (start, end, kind) of the names found
    for surface, iri, kind in index.surfaces:
        start = folded.find(surface, layout.body_start)
        while start != -1:
            end = start + len(surface)
            clear = visible[start:end] == layout.text[start:end]
            ascii_ok = has_cjk(surface) or (
                not folded[start - 1 : start].isalnum() and not folded[end : end + 1].isalnum()
            )
            if (
                clear
                and ascii_ok
                and not any(
                    k == kind or not (a <= start and end <= b)
                    for a, b, k in taken.overlapping(start, end)
                )
            ):
                mentions.append(EntityMention(start, end, layout.text[start:end], kind, iri))
                taken.add(start, end, kind)
            start = folded.find(surface, end)
    for acronym, iri, kind in index.acronyms:
        for match in re.finditer(rf"(?<![A-Za-z]){re.escape(acronym)}(?![A-Za-z])", visible):
            if match.start() >= layout.body_start and not taken.overlaps(
                match.start(), match.end()
            ):
                mentions.append(EntityMention(match.start(), match.end(), acronym, kind, iri))
                taken.add(match.start(), match.end(), kind)
    return mentions


def _kept_candidates(layout: Layout) -> list[EntityMention]:
    """The pattern candidates and the front matter's publisher, in text order; of overlapping
    candidates of one kind, the longest."""
    folded, visible = layout.folded, layout.entity_text
    candidates = _candidates(layout)
    publisher = _publisher(layout)
    if publisher:
        candidates.insert(0, publisher)
        surface = fold(publisher.name)
        at = folded.find(surface, layout.body_start)
        if at != -1 and visible[at : at + len(surface)] == layout.text[at : at + len(surface)]:
            publisher.aliases.append(publisher.name)  # later uses link to it (step 3)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[EntityMention] = []
    for candidate in candidates:
        if any(
            _overlaps(candidate, k) and k.end - k.start >= candidate.end - candidate.start
            for k in kept
            if k.kind == candidate.kind
        ):
            continue
        kept = [k for k in kept if not (k.kind == candidate.kind and _overlaps(candidate, k))]
        kept.append(candidate)
    return kept


def _link(
    candidate: EntityMention,
    index: EntityIndex,
    years: tuple[str, ...],
    aliases: dict[str, EntityMention],
    earlier: Callable[[], list[EntityMention]],
) -> EntityMention | None:
    """Link ``candidate`` (setting its IRI, whether it is new, its full name): as the full title
    a short one abbreviates, as an alias the text defined, by its name (or aliases) in the
    graph, else as a new draft. Returns the full title it abbreviates, if any. ``earlier``
    gives the mentions before it, in text order (only a short title needs them)."""
    short = _short_title(candidate, earlier)
    key = name_key(candidate.name)
    if short is not None:
        candidate.iri, candidate.new = short.iri, short.new
        candidate.canonical = short.canonical or short.name
        return short
    if key in aliases:
        candidate.iri, candidate.new = aliases[key].iri, aliases[key].new
        candidate.canonical = aliases[key].canonical or aliases[key].name
        return None
    iri = index.link(candidate.name, years if candidate.kind == "report" else ())
    for alias in candidate.aliases:
        by_alias = index.link(alias)
        if iri is None and by_alias is not None and index.agrees(candidate.name, by_alias):
            iri = by_alias  # a short name links the full one only when its years and places agree
    if iri is None and candidate.kind == "organization":
        # 陆方工信部, 國家發改委: a prefixed or short name of a body the graph knows
        prefix = _MAINLAND_PREFIX.match(fold(candidate.name))
        bare = candidate.name[prefix.end() :] if prefix else candidate.name
        iri = index.link(bare) or index.short_form(bare, "organization")
        if iri is not None and prefix:
            candidate.start += prefix.end()
            candidate.name = bare
    if (
        iri is not None
        and kind_of(str(iri)) != candidate.kind
        and kind_of(str(iri)) not in NAMED_KINDS
    ):
        iri = None
    candidate.iri, candidate.new = iri, iri is None
    if iri is None:
        candidate.iri = draft_iri(candidate.kind, candidate.name)
    return None


def _alias_uses(
    layout: Layout, aliases: dict[str, EntityMention], mentions: list[EntityMention]
) -> None:
    """Adds to ``mentions`` the later uses of each name and alias the text defined (网安标委,
    《框架》), where no mention is yet."""
    folded = layout.folded
    taken: Spans[None] = Spans((m.start, m.end, None) for m in mentions)
    for key, owner in aliases.items():
        if len(key) < 2:
            continue
        for alias in [owner.name, *owner.aliases]:
            surface = fold(alias)
            domain = bool(re.fullmatch(r"[\w.-]+\.[a-z]{2,6}", surface))
            # an alias the text defines names the entity from its definition on
            defined = (
                owner.end if alias in owner.aliases and owner.start >= layout.body_start else 0
            )
            start = folded.find(surface, max(layout.body_start, defined))
            while start != -1:
                end = start + len(surface)
                bounded = has_cjk(surface) or (
                    not re.match(r"[a-z0-9]", folded[start - 1 : start])
                    and not re.match(r"[a-z0-9]", folded[end : end + 1])
                )
                if domain and (
                    folded[start - 1 : start] == "@" or re.match(r"/\w", folded[end : end + 2])
                ):
                    bounded = False  # an e-mail or page address, not the site's name
                if bounded and not taken.overlaps(start, end):
                    mention = EntityMention(
                        start, end, layout.text[start:end], owner.kind, owner.iri, owner.new
                    )
                    mention.canonical = owner.canonical or owner.name
                    mentions.append(mention)
                    taken.add(start, end, None)
                start = folded.find(surface, end)


def draft_iri(kind: str, name: str) -> URIRef:
    """A new draft IRI for an entity named ``name``: ``{kind}:draft-{slug}-{hash}``."""
    from aikg.namespaces import ID

    key = name_key(name)
    words = re.findall(r"[a-z0-9]+", key) if not has_cjk(key) else []
    digest = hashlib.sha1(f"{kind}|{key}".encode()).hexdigest()[:8]
    slug = "-".join(words[:6])
    return ID[kind][f"draft-{slug}-{digest}" if slug else f"draft-{digest}"]
