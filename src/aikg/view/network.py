"""The RDF -> networkx bridge: the graph's entities as a directed multigraph.

Nodes are exactly the entities :func:`aikg.store.stats.entities` counts (IRIs typed with a class the
ontology marks ``aikg:displayed true``), keyed by IRI. An object property from one entity to
another is a directed edge keyed by the property's IRI and labeled with the property's label.
Everything else about an entity (literals, and links to non-entity resources such as units,
periods, places, codes) goes into the node's ``properties``. A membership (``org:Membership``,
not an entity) becomes an ``org:memberOf`` edge from the person to the organization, labeled
with the role. An observation's node label gives its value, unit and period
(``超4500家 · ≤2025-01-22``); its edges link it to the variable it measures, to what it is
about, and so on.

Edges of the properties in :data:`PROVENANCE` (a document *mentions* an entity, a fact was
*derived from* a document) tie nearly every entity to its source. They are kept, marked
``provenance=True``, and left out by the analytics and the neighbourhood of ``--focus`` unless
asked for: otherwise every path would run through a source document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from io import BytesIO
from typing import Any, TypeVar

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Identifier

from aikg.errors import InputError
from aikg.labels import Labels, Texts, labels, texts
from aikg.namespaces import AIKG, AIKGUNIT, PREFIXES, SCHEMA, SDMX_DIM, UNIT, expand, shorten
from aikg.number_display import display_number
from aikg.numbers import canonical
from aikg.store.stats import entities

T = TypeVar("T", bound=Identifier)

#: Properties that tie an entity to its source rather than to another entity of the domain.
PROVENANCE = frozenset({SCHEMA.mentions, PROV.wasDerivedFrom})

#: Properties shown in a node's heading (classes, labels, aliases), not among its properties.
HEADING = frozenset({RDF.type, RDFS.label, SKOS.altLabel})

#: The order in which an entity's classes are tried for its primary class (colour, legend).
CLASS_ORDER = (
    AIKG.SourceDocument,
    SCHEMA.Legislation,
    SCHEMA.Report,
    SCHEMA.Article,
    AIKG.Initiative,
    AIKG.PolicyConcept,
    AIKG.Principle,
    AIKG.RiskCategory,
    SCHEMA.Organization,
    SCHEMA.Person,
    SCHEMA.Event,
    SCHEMA.Product,
    AIKG.Sector,
    AIKG.Technology,
    SCHEMA.StatisticalVariable,
    SCHEMA.Observation,
    AIKG.Target,
)

#: Labels of properties the bridge adds itself (the ontology does not declare them).
_OWN_PROPERTY_LABELS = {
    ORG.memberOf: {"zh": "任职于", "en": "member of"},
    SKOS.broader: {"zh": "上位概念", "en": "broader"},
    SKOS.narrower: {"zh": "下位概念", "en": "narrower"},
    SKOS.related: {"zh": "相关", "en": "related"},
}

#: English unit words that take a plural after a number other than one.
_PLURALS = {"person": "people", "year": "years", "month": "months", "day": "days"}

_MEASURED = (SCHEMA.Observation, AIKG.Target)


def name_key(text: str) -> str:
    """How a name is compared when an entity is looked up: NFKC, case-folded, trimmed."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _local_words(iri: str) -> str:
    """``legislationPassedBy`` -> ``legislation passed by``: a last resort for a label."""
    local = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local).replace("_", " ").lower() or iri


def relation_attributes(prop: URIRef, names: Texts) -> dict[str, Any]:
    """What an edge of the network says of the property ``prop`` it stands for (its key)."""
    return {
        "key": str(prop),
        "property": str(prop),
        "curie": shorten(str(prop)),
        "label_zh": names.zh,
        "label_en": names.en,
        "provenance": prop in PROVENANCE,
    }


def property_labels(graph: Graph, prop: URIRef) -> Texts:
    own = _OWN_PROPERTY_LABELS.get(prop)
    if own:
        return Texts(own["zh"], own["en"])
    found = texts(graph, prop)
    if found is not None:
        return found
    words = _local_words(str(prop))
    return Texts(words, words)


def _aliases(graph: Graph, node: URIRef, names: Texts) -> list[str]:
    """``skos:altLabel`` values, and labels in other scripts (a Traditional Chinese label)."""
    found = {str(a) for a in graph.objects(node, SKOS.altLabel)}
    found |= {str(a) for a in graph.objects(node, RDFS.label) if isinstance(a, Literal)}
    return sorted(found - {names.zh, names.en})


def in_order(terms: Iterable[T]) -> list[T]:
    """``sorted(terms)``; by their text when they are all IRIs, as rdflib orders two IRIs, but
    without its comparison in Python (a page sorts thousands of observations and annotations).

    Example:
        >>> from rdflib import BNode
        >>> in_order([URIRef("urn:x:b"), URIRef("urn:x:a")])
        [rdflib.term.URIRef('urn:x:a'), rdflib.term.URIRef('urn:x:b')]
        >>> in_order([URIRef("urn:x:a"), BNode("z")])  # rdflib: a blank node before an IRI
        [rdflib.term.BNode('z'), rdflib.term.URIRef('urn:x:a')]
    """
    found = list(terms)
    if all(type(term) is URIRef for term in found):
        return sorted(found, key=str)
    return sorted(found)


def primary_class(classes: Iterable[URIRef]) -> URIRef:
    ordered = list(classes)
    for cls in CLASS_ORDER:
        if cls in ordered:
            return cls
    return sorted(ordered)[0]


# --- observations ---------------------------------------------------------------------------


def _decimal(value: Literal | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


_MONTH = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DURATION = re.compile(r"^P(\d+)([YMD])$")
_DURATION_ZH = {"Y": "年间", "M": "个月", "D": "天"}
_DURATION_EN = {"Y": "year", "M": "month", "D": "day"}


def _month_end(year: int, month: int, day: int) -> bool:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return day == (29 if leap else 28)
    return day == (30 if month in (4, 6, 9, 11) else 31)


def short_period(notation: str, lang: str) -> str:
    """A compact form of an ISO 8601 period: ``2024``, ``2024年1–6月``, ``≤2025-01-22``."""
    duration = _DURATION.match(notation)
    if duration:
        count, unit = int(duration[1]), duration[2]
        if lang == "zh":
            return f"{count}{_DURATION_ZH[unit]}"
        word = _DURATION_EN[unit]
        return f"{count} {word}" + ("s" if count != 1 else "")
    if "/" not in notation:
        return notation
    start, end = notation.split("/", 1)
    if start in ("..", ""):
        return f"≤{end}"
    if end in ("..", ""):
        return f"≥{start}"
    a, b = _DATE.match(start), _DATE.match(end)
    if a and b and a[1] == b[1] and a[3] == "01":
        year, m1, m2, d2 = int(a[1]), int(a[2]), int(b[2]), int(b[3])
        if _month_end(year, m2, d2):
            if m1 == 1 and m2 == 12:
                return f"{year}年" if lang == "zh" else str(year)
            if lang == "zh":
                return f"{year}年{m1}月" if m1 == m2 else f"{year}年{m1}–{m2}月"
            months = _MONTH[m1 - 1] if m1 == m2 else f"{_MONTH[m1 - 1]}–{_MONTH[m2 - 1]}"
            return f"{months} {year}"
    return f"{start}–{end}"


# The terms read for every observation, once: a namespace's attribute is a new URIRef each time.
_VALUE, _UNIT_CODE, _UNIT_TEXT = SCHEMA.value, SCHEMA.unitCode, SCHEMA.unitText
_QUALIFIER, _TARGET_YEAR, _REF_PERIOD = AIKG.valueQualifier, AIKG.targetYear, SDMX_DIM.refPeriod
_NOTATION = SKOS.notation
_NUM, _PERCENT, _RANK = UNIT.NUM, UNIT.PERCENT, AIKGUNIT.RANK


def _notation(graph: Graph, node: URIRef) -> str | None:
    value = graph.value(node, _NOTATION)
    return str(value) if value is not None else None


def value_text(graph: Graph, obs: URIRef, lang: str, known: Labels | None = None) -> str:
    """The stated value of an observation or target with its qualifier and unit.

    ``known``: the graph's labels, read once (:class:`aikg.labels.Labels`).
    """
    known = known or Labels(graph)
    if lang == "zh":
        names = known.texts(obs)
        if names is not None and "：" in names.zh:
            return names.zh.rsplit("：", 1)[1]
    number = _decimal(graph.value(obs, _VALUE))  # type: ignore[arg-type]
    if number is None:
        return ""
    unit = graph.value(obs, _UNIT_CODE)
    qualifier = graph.value(obs, _QUALIFIER)
    qual = known(qualifier).get(lang) if isinstance(qualifier, URIRef) else ""
    if lang == "zh":
        unit_text = str(graph.value(obs, _UNIT_TEXT) or "")
        if not unit_text and isinstance(unit, URIRef) and unit != _NUM:
            unit_text = "%" if unit == _PERCENT else known(unit).zh
        return f"{qual}{canonical(number)}{unit_text}"
    shown = display_number(number, "en", "words")
    if unit == _PERCENT:
        shown += "%"
    elif unit == _RANK:
        shown = f"No. {shown}"
    elif isinstance(unit, URIRef) and unit != _NUM:
        word = known(unit).en
        shown += " " + (_PLURALS.get(word, word) if number != 1 else word)
    if qual.startswith("-"):  # "-odd": 10,000-odd
        return shown.replace(" ", qual + " ", 1) if " " in shown else shown + qual
    return f"{qual} {shown}".strip()


def period_text(graph: Graph, obs: URIRef, lang: str, known: Labels | None = None) -> str:
    year = graph.value(obs, _TARGET_YEAR)
    if year is not None:
        return f"到{year}年" if lang == "zh" else f"by {year}"
    period = graph.value(obs, _REF_PERIOD)
    if not isinstance(period, URIRef):
        return ""
    notation = _notation(graph, period)
    if notation:
        return short_period(notation, lang)
    return (known or Labels(graph))(period).get(lang)


def observation_label(graph: Graph, obs: URIRef, lang: str, known: Labels | None = None) -> str:
    """``超4500家 · ≤2025-01-22``: value, unit and period of an observation or target."""
    known = known or Labels(graph)
    parts = [value_text(graph, obs, lang, known), period_text(graph, obs, lang, known)]
    return " · ".join(part for part in parts if part) or known(obs).get(lang)


# --- the bridge -----------------------------------------------------------------------------


def _property_value(graph: Graph, value: Any, known: Labels | None = None) -> dict[str, Any] | None:
    """A property value for the node's details: a literal, or a non-entity resource's label."""
    if isinstance(value, Literal):
        item: dict[str, Any] = {"text": str(value)}
        if value.language:
            item["lang"] = value.language
        if value.datatype is not None and value.datatype != XSD.string:
            item["datatype"] = shorten(str(value.datatype))
        return item
    if isinstance(value, URIRef):
        names = (known or Labels(graph))(value)
        item = {"iri": str(value), "zh": names.zh, "en": names.en}
        return item
    return None


def build_network(graph: Graph, only: Iterable[URIRef] | None = None) -> nx.MultiDiGraph:
    """The entity graph of ``graph`` (or of the entities in ``only``) as a MultiDiGraph.

    With ``only``, the nodes and edges are those of the whole graph's network among these
    entities, with the same attributes (a relation to an entity left out is not a property).

    Node attributes: ``iri``, ``curie``, ``label_zh``/``label_en`` (what the view draws),
    ``name_zh``/``name_en`` (the full ``rdfs:label``), ``aliases``, ``classes`` and ``cls``
    (prefixed names), ``properties`` (predicate -> values), and for observations and targets
    ``value``, ``unit``, ``period``. Edge attributes: ``property``, ``curie``,
    ``label_zh``/``label_en``, ``provenance`` and, for memberships, ``via``.
    """
    every = entities(graph)
    found = every
    if only is not None:  # the whole network cut to them: a link to another entity is none
        keep = set(only)
        found = {iri: classes for iri, classes in every.items() if iri in keep}
    net: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    known = Labels(graph)
    for iri, classes in found.items():
        names = known(iri)
        cls = primary_class(classes)
        attrs: dict[str, Any] = {
            "iri": str(iri),
            "curie": shorten(str(iri)),
            "name_zh": names.zh,
            "name_en": names.en,
            "label_zh": names.zh,
            "label_en": names.en,
            "aliases": _aliases(graph, iri, names),
            "classes": [shorten(str(c)) for c in classes],
            "cls": shorten(str(cls)),
            "properties": {},
        }
        if any(c in classes for c in _MEASURED):
            attrs["label_zh"] = observation_label(graph, iri, "zh", known)
            attrs["label_en"] = observation_label(graph, iri, "en", known)
            value = graph.value(iri, _VALUE)
            unit = graph.value(iri, _UNIT_CODE)
            period = graph.value(iri, _REF_PERIOD)
            attrs["value"] = str(value) if value is not None else ""
            attrs["unit"] = shorten(str(unit)) if unit is not None else ""
            notation = _notation(graph, period) if isinstance(period, URIRef) else None
            year = graph.value(iri, _TARGET_YEAR)
            attrs["period"] = notation or (str(year) if year is not None else "")
        net.add_node(str(iri), **attrs)
    prop_names: dict[URIRef, Texts] = {}

    def prop_label(prop: URIRef) -> Texts:
        if prop not in prop_names:
            prop_names[prop] = property_labels(graph, prop)
        return prop_names[prop]

    for iri in found:
        properties: dict[str, list[dict[str, Any]]] = net.nodes[str(iri)]["properties"]
        # by property, then value: a property by its text (as rdflib orders two IRIs, but in C)
        for prop, value in sorted(graph.predicate_objects(iri), key=lambda po: (str(po[0]), po[1])):
            if not isinstance(prop, URIRef) or prop in HEADING:
                continue
            if isinstance(value, URIRef) and value in every:
                if value in found:
                    edge = relation_attributes(prop, prop_label(prop))
                    net.add_edge(str(iri), str(value), **edge)
                continue
            item = _property_value(graph, value, known)
            if item is not None:
                properties.setdefault(str(prop), []).append(item)
    _add_memberships(graph, net, found)
    return net


def _add_memberships(graph: Graph, net: nx.MultiDiGraph, found: dict[URIRef, Any]) -> None:
    """``person --org:memberOf (role)--> organization`` for each org:Membership."""
    memberships = graph.subjects(RDF.type, ORG.Membership)
    for membership in sorted(m for m in memberships if isinstance(m, Identifier)):
        member = graph.value(membership, ORG.member)
        organization = graph.value(membership, ORG.organization)
        if member not in found or organization not in found:
            continue
        role = graph.value(membership, ORG.role)
        names = labels(graph, role) if isinstance(role, URIRef) else None
        base = property_labels(graph, ORG.memberOf)
        net.add_edge(
            str(member),
            str(organization),
            key=f"{ORG.memberOf} {membership}",
            property=str(ORG.memberOf),
            curie=shorten(str(ORG.memberOf)),
            label_zh=names.zh if names else base.zh,
            label_en=names.en if names else base.en,
            provenance=False,
            via=str(membership),
        )


def label(net: nx.MultiDiGraph, node: str, lang: str = "zh") -> str:
    """The node's drawn label in ``lang``."""
    return str(net.nodes[node].get(f"label_{lang}") or net.nodes[node].get("curie") or node)


def relations(net: nx.MultiDiGraph, provenance: bool = False) -> nx.MultiDiGraph:
    """A view of ``net`` without the source links (unless ``provenance``)."""
    if provenance:
        return net
    return nx.subgraph_view(
        net, filter_edge=lambda u, v, k: not net.edges[u, v, k].get("provenance", False)
    )


def neighbourhood(
    net: nx.MultiDiGraph, focus: str, depth: int, provenance: bool = False
) -> nx.MultiDiGraph:
    """The entities within ``depth`` relations of ``focus`` (either direction), and their edges.

    Source links count only with ``provenance``; the subgraph keeps every edge among the nodes.
    """
    undirected = relations(net, provenance).to_undirected(as_view=True)
    reached = nx.single_source_shortest_path_length(undirected, focus, cutoff=depth)
    return net.subgraph(reached).copy()


# --- naming an entity -----------------------------------------------------------------------


def resolve(net: nx.MultiDiGraph, text: str) -> str:
    """The entity named by ``text``: an IRI, a prefixed name, or a label or alias in any language.

    A name that matches no entity or several raises :class:`InputError` (with suggestions).
    """
    wanted = text.strip()
    if not wanted:
        raise InputError("an empty entity name")
    if wanted in net:
        return wanted
    prefix = wanted.partition(":")[0]
    if prefix in PREFIXES and not wanted.startswith(("http://", "https://")):
        iri = expand(wanted)
        if iri in net:
            return iri
        raise InputError(f"{wanted} is not an entity of the graph")
    if wanted.startswith(("http://", "https://", "urn:")):
        raise InputError(f"{wanted} is not an entity of the graph")
    key = name_key(wanted)
    exact, partial = [], []
    for node, data in net.nodes(data=True):
        names = {data.get(f) for f in ("name_zh", "name_en", "label_zh", "label_en", "curie")}
        names.update(data.get("aliases", []))
        normalized = {name_key(n) for n in names if n}
        if key in normalized:
            exact.append(node)
        elif any(key in n for n in normalized):
            partial.append(node)
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        found = ", ".join(shorten(n) for n in sorted(exact)[:6])
        raise InputError(f"{wanted!r} names {len(exact)} entities ({found}); give an IRI")
    hint = ""
    if partial:
        partial.sort(key=lambda n: (len(label(net, n)), n))
        hint = (
            " (did you mean "
            + ", ".join(f"{label(net, n)} [{shorten(n)}]" for n in partial[:5])
            + "?)"
        )
    raise InputError(f"no entity named {wanted!r}{hint}")


# --- GraphML and GEXF -----------------------------------------------------------------------

NETWORK_FORMATS = {"graphml": ".graphml", "gexf": ".gexf"}


def _flat(value: Any) -> str | int | float | bool | None:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return None


def export_network(net: nx.MultiDiGraph, lang: str = "zh") -> nx.MultiDiGraph:
    """A copy of ``net`` with only scalar attributes, as GraphML and GEXF can hold them.

    Nodes get ``label`` (in ``lang``), both labels, ``iri``, ``class``, ``classes`` and one
    attribute per literal property (``schema:value`` ...); edges get ``label``, both labels,
    ``property`` and ``provenance``.
    """
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, data in sorted(net.nodes(data=True)):
        attrs: dict[str, Any] = {
            "label": label(net, node, lang),
            "label_zh": data.get("label_zh", ""),
            "label_en": data.get("label_en", ""),
            "name_zh": data.get("name_zh", ""),
            "name_en": data.get("name_en", ""),
            "iri": node,
            "class": data.get("cls", ""),
            "classes": _flat(data.get("classes", [])),
            "aliases": "; ".join(data.get("aliases", [])),
        }
        for prop, values in sorted(data.get("properties", {}).items()):
            texts_ = [v.get("text") or v.get(lang) or v.get("iri", "") for v in values]
            attrs[shorten(prop)] = "; ".join(sorted(t for t in texts_ if t))
        for key in ("value", "unit", "period"):
            if key in data:
                attrs[key] = str(data[key])
        out.add_node(node, **attrs)
    ordered = sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for source, target, key, data in ordered:
        out.add_edge(
            source,
            target,
            key=str(key),
            label=str(data.get(f"label_{lang}", "")),
            label_zh=str(data.get("label_zh", "")),
            label_en=str(data.get("label_en", "")),
            property=str(data.get("curie", "")),
            provenance=bool(data.get("provenance", False)),
        )
    return out


def serialize_network(net: nx.MultiDiGraph, fmt: str, lang: str = "zh") -> bytes:
    """``net`` as GraphML or GEXF (networkx's writers), UTF-8."""
    if fmt not in NETWORK_FORMATS:
        raise InputError(f"unknown network format {fmt!r} (use {', '.join(NETWORK_FORMATS)})")
    flat = export_network(net, lang)
    buffer = BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(flat, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()
