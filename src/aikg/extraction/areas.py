"""Areas: the place a figure or a goal is of (China, the world, a province or city).

Reads the layout, the builder (the places the text names, the document's own place) and a
figure's :class:`Mention`; returns the area's CURIE, drafting a place the graph lacks. The rule
for a figure is :func:`aikg.extraction.places.area_of`; a goal's clause that names no place
takes the place its policy's name names.
"""

from __future__ import annotations

import re

from rdflib import URIRef
from rdflib.namespace import RDFS

from aikg.extraction.entities import EntityMention
from aikg.extraction.layout import Layout
from aikg.extraction.places import NATIONAL_WORDS, PROVINCE_WORDS, area_of, unknown_districts
from aikg.extraction.quantities import Mention
from aikg.extraction.script import fold
from aikg.extraction.sheet import SheetBuilder
from aikg.namespaces import expand, shorten

_WORLD = re.compile(r"全球|全世界|worldwide|globally|\bglobal\b|around the world")
#: A share of a world total after the number ("54 percent of global installations").
_OF_WORLD = re.compile(
    r"^\s*(?:percent|per\s+cent|%)?\s*of\s+(?:the\s+)?(?:global|world's|worldwide|world)\b"
)


#: The world's total named just before the number ("the world's total computing power of").
_WORLD_TOTAL = re.compile(r"\bthe world's\s+(?:[a-z-]+\s+){0,4}(?:of|at|was|reached)\s*$")


def is_world(layout: Layout, mention: Mention, raw: str, kind: str) -> bool:
    """Whether the figure at ``mention`` is of the world: a world word in the clause before it
    (``raw``), "the world's total … of" just before it, or a share "of global …" after it."""
    return (
        bool(_WORLD.search(raw.lower()))  # "Worldwide, …" opens a sentence
        or bool(_WORLD_TOTAL.search(raw.lower()))
        or bool(
            kind == "percent" and _OF_WORLD.match(layout.folded[mention.end : mention.end + 40])
        )
    )


#: A share of a world total in the clause before the number (占全球比例, 全球占比).
_SHARE_OF_WORLD = re.compile(r"占全球|占全世界|全球占比|全球份额|\baccount(?:s|ed)? for\b")
#: What a rank is among, just before the rank (位居全国第, 跃居全球第).
_RANKED_IN = re.compile(r"(?:全国|全國|全球|全世界)\s*第?\s*$")
#: A country as the subject of a clause: China's own words (or a country of the dictionary).
_CHINA = re.compile(r"我国|中国|\bchina\b|china's|the country")


#: An English clause that puts its figure in China after the number ("4,820 AI firms with at
#: least 50 employees in China").
_IN_CHINA_AFTER = re.compile(r"^[^,;.]{0,60}?\bin (?:china|mainland china|the country)\b")


def figure_area(builder: SheetBuilder, mention: Mention, world: bool) -> tuple[str, str]:
    """The area of the figure at ``mention`` (the world, a place the text puts it in, or CN)
    and what it was read from: ``"world"``, ``"china"``, ``"company"`` (a company's results
    text, nothing says: the world), ``"district"`` (a district the rules cannot name: the
    area assumed, a doubt) or one of :data:`~aikg.extraction.places.AREA_BASES` (``"none"``,
    ``"local-text"``: nothing says, CN assumed).

    A share of a world total whose clause names a country (中国…占全球比例接近30%, 我国…全球
    占比达60%, "the US accounted for 32 per cent of the world's total") is that country's
    figure, as the curated graph records such shares (the base is the world's total of the
    same measure), not the world's."""
    layout = builder.layout
    lo = layout.clause_bounds(mention.start)[0]
    clause = layout.folded[lo : mention.start]
    after = layout.folded[mention.end : mention.end + 40]
    share = _SHARE_OF_WORLD.search(clause) or _OF_WORLD.match(after)
    owned = _CHINA.search(clause) or builder.places.find(clause)
    if world and not (share and owned and not _WORLD_TOTAL.search(clause)):
        return "place:world", "world"
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    folded = layout.folded
    hi = layout.clause_bounds(mention.start)[1]
    if _IN_CHINA_AFTER.match(folded[mention.end : hi]) and not builder.places.find(clause):
        # "counted 4,820 AI firms … in China": whatever the title's place
        return "place:CN", "china"
    recent = [p for start, _, p in builder.named_places if start < sentence.start]
    if PROVINCE_WORDS.search(folded[sentence.start : sentence.end]):
        # 全省 after a city named before (大会在杭州开幕 … 全省地区生产总值): the province
        # named before it, if any (浙江省第十四届人民代表大会)
        recent = [p for p in recent if builder.places.is_province(p)] or recent
    if mention.rank:
        # 跃居全国第五: 全国 is what the place is ranked in, not the ranked place
        clause = _RANKED_IN.sub("", clause)
    place, basis = area_of(
        builder.places,
        clause,
        folded[sentence.start : sentence.end],
        builder.local,
        recent[-1] if recent else None,
        folded[sentence.start : lo],
        builder.local_text,
    )
    if _in_unknown_district(builder, folded[sentence.start : mention.start], basis, sentence.start):
        # 深圳市龙岗区…, a title of 双流区: the figure is the district's, which the rules cannot
        # name; the city, the document's place or China would be assumed
        return ("place:CN" if place is None else builder.place(place)), "district"
    if place is None:
        if basis == "none" and builder.company_text:
            # a company's own figure whose area nothing states covers all of its operations:
            # the world's, as docs/curation.md ("The area of a figure") has it
            return "place:world", "company"
        return "place:CN", basis
    return builder.place(place), basis


#: Area bases that a district named before the figure (or in the title) overrides: the area
#: came from something other than the district itself.
_BELOW_A_DISTRICT = ("document", "local", "none", "local-text", "local-unnamed")


def _in_unknown_district(builder: SheetBuilder, before: str, basis: str, start: int) -> bool:
    """Whether the figure is a district's, county's or zone's that the rules know no place for:
    its sentence names one before it, after any place it names (深圳市龙岗区…); or, when its
    area came from nothing nearer, the title names one; or its sentence speaks of its own place
    (全区) and the text named such a district after the last place it named before ``start``,
    where the sentence begins."""
    places = builder.places
    districts = unknown_districts(places, before)
    if districts and basis in ("clause", "sentence"):
        known = [end for _, end, _ in places.find(before)]
        return districts[-1][0] > max(known, default=-1)
    if basis not in _BELOW_A_DISTRICT:
        return False
    if districts or builder.title_districts:
        return True
    if basis != "local":
        return False
    named = [end for _, end, _ in builder.named_places if end <= start]
    return any(max(named, default=-1) < end <= start for end in builder.named_districts)


def target_area(
    builder: SheetBuilder,
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
    national = NATIONAL_WORDS["goal"].search(clause)
    if builder.places.find(clause) or national or area == "place:world":
        return area
    names = [m.name for m in policies if m.iri is not None and shorten(str(m.iri)) == policy]
    names += [str(v) for v in builder.entities.get(policy, {}).get("label", {}).values()]
    names += [str(label) for label in builder.known.objects(URIRef(expand(policy)), RDFS.label)]
    for name in names:
        found = builder.places.find(fold(name))
        if found:
            return builder.place(found[0][2])
    return area
