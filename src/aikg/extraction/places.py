"""The area of a figure: China, the world, or a province or city the text puts it in.

A figure is national (``place:CN``) unless its clause or its document says otherwise:

- a place named in the clause before the number (广东省…, 深圳市…, "Shanghai's …", "in Guangdong");
- national words in that clause (全国, 我国, 中国, nationwide, China's) keep it national;
- a local reference (全省, 我省, 本省, 全市, 本市, "the province", "province-wide") puts it in the
  document's own place: the province or city its title names (广东省人民政府关于…, 上海市…规划);
- in a document whose title names a province or city and whose body speaks of it as 全省/本市/
  "the province", every figure not marked national is in that place.

Places are the graph's (by label) or, for a province-level division or a major city the graph
lacks, a drafted place with the IRI the project gives places (``place:`` + the English name,
``place:guangdong``), marked ``aikg:draft``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, Namespace

from aikg.extraction.entities import kind_of
from aikg.extraction.gazetteer import (
    ALIASES,
    CITIES,
    COUNTRIES,
    COUNTRY_ALIASES,
    PROVINCES,
    SAR_BODIES,
    SAR_CURRENCY,
    SAR_LOCAL,
    SLUGS,
)
from aikg.extraction.script import fold, has_cjk
from aikg.namespaces import SCHEMA

#: A province's or a city's administrative suffix (广东省, 深圳市, 宁夏回族自治区).
_ADMINISTRATIVE = r"省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区"
_SUFFIX = rf"(?:{_ADMINISTRATIVE})?"
#: Words that name the whole country, by use. They differ, and each rule was tuned with its own
#: list, so one list for all would change what is drafted:
#: - ``figure``: national words in the clause before a figure keep it national (:func:`area_of`);
#:   国内 and "the country('s)" count too;
#: - ``goal``: national words in a goal's clause keep the document's area rather than the place
#:   its policy's name names (:func:`aikg.extraction.areas.target_area`);
#: - ``subject``: area words removed from a variable's subject phrase
#:   (:func:`aikg.extraction.variables.clean_subject`): also the world (全球, worldwide) and the
#:   traditional forms, since the phrase is not script-folded there.
#: (其中国家级… is 其中 + 国家级, not 中国.)
_COUNTRY = r"全国|我国|(?<!其)中国|国家级|nationwide|national\b|china's|\bchina\b"
NATIONAL_WORDS: dict[str, re.Pattern[str]] = {
    "figure": re.compile(rf"{_COUNTRY}|国内|the country's|the country"),
    "goal": re.compile(_COUNTRY),
    "subject": re.compile(
        r"我国|我國|全国|全國|中国|中國|全球|国内|國內|全世界|china's|china|the country's"
        r"|nationwide|worldwide|globally|the world's"
    ),
}
_NATIONAL_OWNER = re.compile(r"china's|the country's|the nation's")
#: The province's own words (全省, "province-wide"): of the places named before, a province's.
PROVINCE_WORDS = re.compile(r"全省|我省|本省|province-wide|provincewide|the province|provincial")
#: A local reference: the province's words, a city's or a district's (全市, 本区, "citywide").
_LOCAL = re.compile(
    PROVINCE_WORDS.pattern
    + r"|全市|我市|本市|全区|我区|本区|citywide|the city's|the city|the municipality"
)

#: Any local reference, a county's and a town's too: a figure of a place the text does not name
#: when the document has no place of its own (the area is then a guess).
_LOCAL_ANY = re.compile(
    _LOCAL.pattern + r"|全县|全縣|本县|本縣|我县|我縣|全镇|全鎮|本镇|本鎮|全州|本州|countywide"
    r"|county-wide|the county"
)


#: Words ending in 区 or 县 that name no place (全区, 园区, 示范区 …), alone or as the end of a
#: longer word (工业园区): never a district.
_NOT_DISTRICTS = frozenset(
    [
        "园区",
        "社区",
        "城区",
        "景区",
        "片区",
        "地区",
        "市区",
        "辖区",
        "郊区",
        "灾区",
        "矿区",
        "校区",
        "厂区",
        "街区",
        "院区",
        "港区",
        "湾区",
        "老区",
        "示范区",
        "集聚区",
        "功能区",
        "先行区",
        "试验区",
        "自贸区",
        "保税区",
        "区县",
        "市县",
        "郡县",
    ]
)
_SUFFIXES = r"(?:新片区|新区|高新区|经开区|开发区|区|县)"
#: A district, county or zone by its suffix (龙岗区, 双流区, 两江新区, 安溪县), where a place
#: name may start: a clause's start, a punctuation mark, a number's end, 省 or 市.
_DISTRICT = re.compile(
    r"(?:(?<=^)|(?<=[\s，。；：、（）,;:()“”\"'0-9])|(?<=省|市))"
    rf"(?P<name>[\u4e00-\u9fff]{{2,3}}?{_SUFFIXES})"
)
#: Right after a place of the dictionary: its zone (西安高新区) or a district (重庆两江新区).
_AFTER_PLACE = re.compile(rf"(?:市|省)?(?P<name>(?:[\u4e00-\u9fff]{{2,3}}?)?{_SUFFIXES})")


def _a_district(places: Places, name: str) -> bool:
    """Whether ``name`` (with its suffix) may be a district, county or zone the rules do not
    know: not a generic word (园区, 全区), not a place of the dictionary (雄安新区)."""
    if not name.endswith("新片区") and any(name.endswith(word) for word in _NOT_DISTRICTS):
        return False  # (a 新片区 is a designated zone: 临港新片区, not a generic 片区)
    stem = re.sub(rf"{_SUFFIXES}$", "", name)
    if not stem:  # a known city's zone (西安高新区), not its 区 or its 新区 (雄安新区)
        return name in ("高新区", "经开区", "开发区")
    if re.search(r"[区县市省]", stem) or stem[0] in "全本我该各每其":
        return False  # 全区园区, 本县: not a name
    return stem not in places.by_name


def unknown_districts(places: Places, folded: str) -> list[tuple[int, str]]:
    """(end, name) of the districts, counties and zones ``folded`` names that the rules know no
    place for (龙岗区, 双流区; a zone of a known city: 西安高新区), not generic words (园区, 全区).

    >>> known = Places(Graph(), Namespace("urn:x:place/"))
    >>> [name for _, name in unknown_districts(known, "深圳市龙岗区机器人企业，全区园区20个")]
    ['龙岗区']
    >>> [name for _, name in unknown_districts(known, "西安高新区和重庆两江新区，工业园区")]
    ['高新区', '两江新区']
    >>> [name for _, name in unknown_districts(known, "临港新片区的项目，各片区")]
    ['临港新片区']
    """
    found: dict[int, str] = {}
    for _, end, _ in places.find(folded):
        after = _AFTER_PLACE.match(folded, end)
        if after and _a_district(places, after.group("name")):
            found[after.end()] = after.group("name")
    for match in _DISTRICT.finditer(folded):
        if match.end() not in found and _a_district(places, match.group("name")):
            found[match.end()] = match.group("name")
    return sorted(found.items())


def speaks_locally(text: str) -> bool:
    """Whether ``text`` (folded) speaks of a place of its own: 全省, 本市, 全县, "the county".

    >>> speaks_locally("全县农村网络零售额"), speaks_locally("全国网民规模")
    (True, False)
    """
    return bool(_LOCAL_ANY.search(text))


@dataclass(frozen=True)
class Place:
    iri: URIRef
    name: str  # simplified Chinese name without suffix, or the English name
    english: str
    known: bool  # the graph has it


#: The graph's classes of a place within China that the text may name as a figure's area (not
#: a country, a region or a building: those are read otherwise or not at all).
_LOCAL_CLASSES = (SCHEMA.City, SCHEMA.AdministrativeArea)
#: A Chinese place name's administrative suffix, dropped from a graph label (绵阳市 is 绵阳).
_LABEL_SUFFIX = re.compile(rf"(?:{_ADMINISTRATIVE})$")


class Places:
    """The graph's places and the dictionary's, found in text.

    The dictionary's provinces and large cities, its countries, and the graph's own cities and
    province-level places by their labels (a city the dictionary lacks but a curated document
    named: 绵阳, 德阳).
    """

    def __init__(self, graph: Graph, namespace: Namespace) -> None:
        self.by_name: dict[str, Place] = {}
        graph_places: dict[str, URIRef] = {}
        for subject, label in graph.subject_objects(RDFS.label):
            if (
                isinstance(subject, URIRef)
                and kind_of(str(subject)) == "place"
                and isinstance(label, Literal)
            ):
                graph_places[fold(str(label))] = subject
        for table in (PROVINCES, CITIES):
            for chinese, english in table.items():
                iri = graph_places.get(chinese) or graph_places.get(english.lower())
                known = iri is not None
                if iri is None:
                    slug = re.sub(r"[^a-z0-9]+", "-", english.lower().replace("'", "")).strip("-")
                    iri = namespace[SLUGS.get(chinese, slug)]
                place = Place(iri, chinese, english, known)
                self.by_name[chinese] = place
                self.by_name[english.lower()] = place
        for chinese, (english, code) in COUNTRIES.items():
            iri = graph_places.get(chinese) or graph_places.get(english.lower())
            place = Place(iri or namespace[code], chinese, english, iri is not None)
            self.by_name[chinese] = self.by_name[english.lower()] = place
        for alias, chinese in (ALIASES | COUNTRY_ALIASES).items():
            self.by_name[alias] = self.by_name[chinese]
        self._add_graph_places(graph)
        names = sorted(self.by_name, key=len, reverse=True)
        chinese_names = [re.escape(n) for n in names if not n.isascii()]
        english_names = [re.escape(n) for n in names if n.isascii()]
        self._pattern = re.compile(
            rf"(?P<cn>{'|'.join(chinese_names)})(?!尼西亚|尼西亞){_SUFFIX}"
            rf"|\b(?P<en>{'|'.join(english_names)})\b"
        )

    def _add_graph_places(self, graph: Graph) -> None:
        """The graph's cities and province-level places the dictionary lacks, by their labels
        (Chinese without the suffix, English in lower case)."""
        subjects = {
            subject
            for cls in _LOCAL_CLASSES
            for subject in graph.subjects(RDF.type, cls)
            if isinstance(subject, URIRef) and kind_of(str(subject)) == "place"
        }
        for subject in sorted(subjects):
            labels = [str(x) for x in graph.objects(subject, RDFS.label) if isinstance(x, Literal)]
            english = [label for label in labels if not has_cjk(label)]
            chinese = {_LABEL_SUFFIX.sub("", fold(label)) for label in labels if has_cjk(label)}
            names = [n for n in sorted(chinese) if len(n) >= 2]
            if not names or any(n in self.by_name for n in names):
                continue  # the dictionary's own (北京, 广州): its entry stands
            place = Place(subject, names[0], english[0] if english else names[0], True)
            for name in names:
                self.by_name[name] = place
            for name in english:
                self.by_name.setdefault(name.lower(), place)

    @staticmethod
    def is_province(place: Place) -> bool:
        """Whether ``place`` is a province-level place of the dictionary (浙江, 北京)."""
        return place.name in PROVINCES

    def find(self, folded: str) -> list[tuple[int, int, Place]]:
        """Places named in ``folded`` (folded text): (start, end, place)."""
        out = []
        for match in self._pattern.finditer(folded):
            name = match.group("cn") or match.group("en")
            out.append((match.start(), match.end(), self.by_name[name]))
        return out


def local_place(places: Places, title: str, body: str, facts: str | None = None) -> Place | None:
    """The province or city a document is about: named in its title, spoken of as 全省/本市;
    or one of the SARs its body calls 本澳 / 本港 (``facts``: the body without page furniture,
    where a "related news" item may say 本港)."""
    text = body if facts is None else facts
    for chinese, words in SAR_LOCAL.items():
        if words.search(text):
            return places.by_name[chinese]
    # a SAR's own text (a government release in HK$ that names 香港): it counts money in the
    # SAR's currency and names the SAR and no other place of China
    named = {p.name for _, _, p in places.find(text) if p.name not in COUNTRIES}
    for chinese, money in SAR_CURRENCY.items():
        # (or names none, but one of the SAR's own bodies: 立法會, 數碼港); a text that names the
        # place alone and one of its own bodies is its own in any currency (台灣…經濟部, in US$)
        bodies = SAR_BODIES[chinese].search(text)
        if named == {chinese} and bodies:
            return places.by_name[chinese]
        own = named == {chinese} or (not named and bodies)
        if own and money.search(text):
            return places.by_name[chinese]
    if not has_cjk(title):
        # an English item whose title names Hong Kong or Macao ("HK's largest AI supercomputing
        # center opens") is about the SAR, as 本港 makes a Chinese one
        sar = [p for _, _, p in places.find(fold(title)) if p.name in SAR_LOCAL]
        if sar:
            return sar[0]
    if not _LOCAL.search(body):
        return None
    found = places.find(fold(title))
    if not found:
        return None
    return found[0][2]


_EVENT_AT = re.compile(r"^\s*(?:时间|举行|召开|举办|开幕|闭幕|发布|主持|出席)")
#: Where an event took place, not what a figure is about: "a press conference in Beijing".
_EVENT_IN_EN = re.compile(
    r"\b(?:conference|briefing|meeting|forum|summit|event|ceremony|expo|held|hosted|said|told)"
    r"\s+(?:\w+\s+){0,2}in\s+$"
)


#: Where a part of the figure comes from, not what it is of ("with Singapore the largest source
#: at about 640 million", 其中新加坡为最大来源地, 来自新加坡的投资): the figure stays the whole's.
_SOURCE_AFTER = re.compile(
    r"^\s*(?:(?:is|was|as|being)\s+)?(?:the\s+|its\s+)?(?:(?:largest|biggest|main|top|leading"
    r"|second[- ]largest|major)\s+)?sources?\b"
    r"|^(?:为|是|成为)?(?:最大|第一大|第二大|主要)?(?:投资)?来源"
)
#: A destination of a flow (其中输往美国, 销往日本, "exports to the US") is not its area either.
_SOURCE_BEFORE = re.compile(
    r"(?:来自|源自|源于|输往|销往|运往|出口到|出口至|出口往)\s*$"
    r"|\b(?:exports?|exported|shipments?|shipped|sales|sold)\s+(?:[a-z]+\s+){0,2}?to\s+$"
)
#: The whole a share is of (占陕西全省的比重): the place of the denominator, not the figure's.
_SHARE_OF_PLACE = re.compile(r"[占佔]\s*$")


#: Where a company's shares trade (在香港上市, 在港美两地上市, "Hong Kong-listed", "listed in
#: Hong Kong"): not what its figures are of.
_LISTED_AFTER = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,2}(?:两地|兩地))?(?:上市|挂牌|掛牌)|^[-\s]listed\b"
)
_LISTED_BEFORE = re.compile(r"\blisted\s+(?:in|on)\s+(?:the\s+)?$")


def listed_in(folded: str, start: int, end: int) -> bool:
    """Whether the place named at ``folded[start:end]`` is where a company is listed.

    Example:
        >>> text = "在香港上市的企业; hong kong-listed; listed in hong kong; 香港的企业"
        >>> [listed_in(text, m.start(), m.end()) for m in re.finditer("香港|hong kong", text)]
        [True, True, True, False]
    """
    return bool(
        _LISTED_AFTER.match(folded[end : end + 12])
        or _LISTED_BEFORE.search(folded[max(0, start - 20) : start])
    )


#: A dateline after a place: where the story was filed, not what its figures are of
#: (中新社北京7月21日电, 新华社北京8月27日电, "BEIJING, Aug. 27 (Xinhua) --").
_DATELINE = re.compile(
    r"^\s*(?:\d{1,2}月\d{1,2}日(?:电|讯|消息)|[,，]?\s*(?:jan|feb|mar|apr|may|june?|july?|aug"
    r"|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s*(?:\(|[,，]|--|—))"
)


#: A share of the national or world total (占全国…的, 占全球): the figure is not national.
_SHARE_OF_NATIONAL = re.compile(r"占(?:全国|全球|全世界|我国|中国)")


def _named(places: Places, folded: str) -> list[tuple[int, Place]]:
    """(end, place) of the places ``folded`` names as what it speaks of: not where an event
    happened (在北京举行, "a briefing in Beijing"), not a dateline."""
    return [
        (end, place)
        for start, end, place in places.find(folded)
        if not _EVENT_AT.match(folded[end:])
        and not _DATELINE.match(folded[end:])
        and not _EVENT_IN_EN.search(folded[:start])
        and not _SOURCE_AFTER.match(folded[end:])
        and not _SOURCE_BEFORE.search(folded[:start])
        and not _SHARE_OF_PLACE.search(folded[:start])
        and not listed_in(folded, start, end)
    ]


#: What :func:`area_of` read a figure's area from: a place named in its clause, a national word,
#: a place named earlier in its sentence, a local word (全省, 本市) with the document's place or
#: the last one named, the document's place, a local word with no place known (全县 in a text
#: whose county the gazetteer lacks), nothing in a text of a place of its own, or nothing at all
#: (the caller's default).
AREA_BASES = (
    "clause",
    "national",
    "sentence",
    "local",
    "document",
    "local-unnamed",
    "local-text",
    "none",
)


def area_of(
    places: Places,
    clause_before: str,
    sentence: str,
    local: Place | None,
    recent: Place | None = None,
    sentence_before: str = "",
    local_text: bool = False,
) -> tuple[Place | None, str]:
    """(place, basis) of a figure: the basis says what the area was read from (one of
    :data:`AREA_BASES`; ``"national"`` with no place, ``"none"`` when nothing says).

    ``clause_before`` is the folded clause up to the number, ``sentence`` the folded sentence,
    ``local`` the document's place, ``recent`` the last place the text named before the sentence,
    ``sentence_before`` the folded sentence before the clause, ``local_text`` whether the text is
    of a place of its own (then nothing said is ``"local-text"``, not ``"none"``).
    A place named in the clause (not as where an event happened: 在北京举行, 北京时间; nor a
    dateline: 中新社北京7月21日电) comes first, then national words (not a share of the national
    total: 占全国…的18%), then a place named earlier in the sentence (the subject its later
    clauses carry: 杭州…规模突破3000亿元，占全国…18%), then a local reference (全省, the province:
    ``local`` else ``recent``), then the document's place.
    """
    named = _named(places, clause_before)
    # an English national possessive after the place ("in Beijing that the country's …")
    possessive = [m.end() for m in _NATIONAL_OWNER.finditer(clause_before)]
    if named and not (possessive and possessive[-1] > named[-1][0]):
        return named[-1][1], "clause"
    national = NATIONAL_WORDS["figure"].findall(_SHARE_OF_NATIONAL.sub("", clause_before))
    # 国家级 names a designation's level (国家级专精特新“小巨人”企业), not the country: in a
    # sentence that counts the province's or the city's (全市共有…，其中国家级…37家) it is local
    designation = set(national) == {"国家级"} and _LOCAL.search(sentence) and local is not None
    if national and not designation:
        return None, "national"
    # (a dateline's date may lie after the clause's start: "BEIJING, April 8 (Xinhua) -- …")
    earlier = [p for p in _named(places, sentence) if p[0] <= len(sentence_before)]
    if earlier:
        return earlier[-1][1], "sentence"
    if (_LOCAL.search(sentence) or any(w.search(sentence) for w in SAR_LOCAL.values())) and (
        local or recent
    ):
        return local or recent, "local"
    if local:
        return local, "document"
    # a county's or a town's own words (全县) too: the area is a place the text does not name
    if _LOCAL_ANY.search(sentence):
        return None, "local-unnamed"
    return None, "local-text" if local_text else "none"


__all__ = [
    "AREA_BASES",
    "NATIONAL_WORDS",
    "Place",
    "Places",
    "area_of",
    "local_place",
    "speaks_locally",
    "unknown_districts",
]
