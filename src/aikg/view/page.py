"""The interactive HTML view of the entity graph: one self-contained, offline file.

pyvis assembles the vis-network nodes and options; the page is rendered with the project's own
autoescaped Jinja2 template (``templates/graph.html``), not pyvis's, which loads Bootstrap and
tom-select from CDNs and does not escape. vis-network's script and styles are inlined from the
copy the pyvis package ships. All data reaches the page as one JSON document in a
``<script type="application/json">`` (``<``, ``>`` and ``&`` escaped; deflated and
base64-encoded when it is large) and the page's script sets every text with ``textContent``; a
Content-Security-Policy forbids any request.

The data is compact: each edge is ``[from, to, relation]`` (places in ``nodes`` and
``relations``), and evidence, sources and the labels of properties and of other resources are
shared tables that entities, edges and series points refer to. The source links join the
network when they are first shown. The layout is computed here with networkx (each connected
component laid out on its own, the components packed in rows) and physics is off, so the
browser draws the graph at once and it never moves by itself.
"""

from __future__ import annotations

import base64
import json
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from aikg.errors import AikgError, InputError
from aikg.labels import Texts, labels
from aikg.namespaces import (
    AIKG,
    OA,
    PREFIXES,
    SCHEMA,
    SDMX_ATT,
    SDMX_CODE,
    SDMX_DIM,
)
from aikg.namespaces import shorten as _shorten
from aikg.view.network import (
    CLASS_ORDER,
    build_network,
    neighbourhood,
    period_text,
    property_labels,
    relation_attributes,
    relations,
    resolve,
    value_text,
)

#: ``aikg.namespaces.shorten``, remembered: a page names the same IRIs many times.
shorten = lru_cache(maxsize=1 << 16)(_shorten)

#: Colour and shape of each entity class (others get the fallbacks in turn).
CLASS_STYLE: dict[URIRef, tuple[str, str]] = {
    AIKG.SourceDocument: ("#7f7f7f", "square"),
    SCHEMA.Legislation: ("#d62728", "diamond"),
    SCHEMA.Report: ("#e377c2", "diamond"),
    SCHEMA.Article: ("#8c564b", "square"),
    AIKG.Initiative: ("#ff7f0e", "star"),
    AIKG.PolicyConcept: ("#637939", "dot"),
    AIKG.Principle: ("#7b4173", "diamond"),
    AIKG.RiskCategory: ("#a50f15", "triangleDown"),
    SCHEMA.Organization: ("#1f77b4", "hexagon"),
    SCHEMA.Person: ("#17becf", "triangle"),
    SCHEMA.Event: ("#bcbd22", "triangleDown"),
    SCHEMA.Product: ("#9467bd", "triangle"),
    AIKG.Sector: ("#2ca02c", "square"),
    AIKG.Technology: ("#6baed6", "dot"),
    SCHEMA.StatisticalVariable: ("#8c6d31", "diamond"),
    SCHEMA.Observation: ("#f2b701", "dot"),
    AIKG.Target: ("#e6550d", "star"),
}
_FALLBACK_STYLES = [
    ("#393b79", "dot"),
    ("#8ca252", "square"),
    ("#843c39", "diamond"),
    ("#7b4173", "triangle"),
    ("#3182bd", "hexagon"),
]

#: Distance (px) the layout aims at between neighbouring nodes.
SPACING = 150.0
#: Components up to this many entities get a spring layout; larger ones a spectral one.
SPRING_MAX = 1000
#: How far (px) below a node's shape its label reaches.
LABEL_HEIGHT = 26.0
#: The least room (px) left between two nodes' areas (shape and label).
LABEL_GAP = 16.0
#: Canvas labels longer than this are cut with an ellipsis (the panel shows them whole).
LABEL_CHARS = 26
#: Above this many edges the view draws straight edges, hides them while dragging, no hover.
LARGE = 1200
#: Above this many entities a node's label is drawn once the node is in view at a scale where
#: labels are legible (the page does not measure thousands of labels it would not draw).
LABELS_IN_VIEW = 1000
#: Page data (JSON) of more than this many bytes is deflated and base64-encoded in the page: the
#: browser's HTML parser, whose cost grows with the bytes it reads, then reads a sixth of them.
COMPRESS_ABOVE = 1 << 20
#: How the source links (mentions, derived from) are drawn, when they are shown.
SOURCE_LINK_STYLE = {"dashes": True, "color": "#b9b9b9", "width": 0.6}

TITLES = {
    "zh": "aikg 人工智能政策与产业知识图谱",
    "en": "aikg: knowledge graph of AI policy and industry",
}


# --- layout ---------------------------------------------------------------------------------


def _component_layout(
    sub: nx.Graph, seed: int, boxes: dict[str, tuple[float, float, float]]
) -> dict[str, tuple[float, float]]:
    """One connected component: networkx's spring layout (spectral when large), then spread."""
    nodes = sorted(sub)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in sub.edges()))
    if n == 2:  # one above the other: their labels, under each node, do not collide
        start = {nodes[0]: (0.0, 0.0), nodes[1]: (0.0, 1.0)}
        points = [start[node] for node in nodes]
    elif n <= SPRING_MAX:
        pos = nx.spring_layout(ordered, seed=seed, iterations=100 if n < 500 else 50)
    else:  # Fruchterman-Reingold is quadratic: a spectral layout, spread below, is linear
        pos = nx.spectral_layout(ordered)
    if n > 2:
        scale = SPACING * math.sqrt(n) / 1.6
        points = [(pos[node][0] * scale, pos[node][1] * scale) for node in nodes]
    spread = _spread(points, [boxes[node] for node in nodes], 500 if n <= SPRING_MAX else 150)
    return dict(zip(nodes, spread, strict=True))


def _spread(
    points: Sequence[tuple[float, float]],
    boxes: Sequence[tuple[float, float, float]],
    rounds: int = 500,
) -> list[tuple[float, float]]:
    """Move nodes apart until no two overlap, each with its label (or ``rounds`` run out).

    ``boxes`` gives, per node, the half width and the top and bottom offsets of the area its
    shape and label cover. Two overlapping areas are pushed apart along the axis that needs
    the smaller move, half each.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    p = np.asarray(points, dtype=float)
    box = np.asarray(boxes, dtype=float)
    half, top, bottom = box[:, 0] + LABEL_GAP / 2, box[:, 1], box[:, 2]
    reach = np.array([2 * half.max(), float((bottom - top).max())])
    for _ in range(rounds):
        pairs = cKDTree(p / reach).query_pairs(math.sqrt(2), output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        dx = p[b, 0] - p[a, 0]
        dy = p[b, 1] - p[a, 1]
        need_x = half[a] + half[b] - np.abs(dx)
        # b below a: a's bottom must clear b's top; b above a: b's bottom must clear a's top
        need_y = np.where(dy >= 0, bottom[a] - top[b] - dy, bottom[b] - top[a] + dy)
        hit = (need_x > 0) & (need_y > 0)
        if not hit.any():
            break
        a, b, dx, dy, need_x, need_y = (v[hit] for v in (a, b, dx, dy, need_x, need_y))
        along_y = need_y <= need_x
        sx = np.where(dx > 0, 1.0, np.where(dx < 0, -1.0, np.where(a % 2 == 0, 1.0, -1.0)))
        sy = np.where(dy > 0, 1.0, np.where(dy < 0, -1.0, np.where(b % 2 == 0, 1.0, -1.0)))
        move = np.zeros((len(a), 2))
        move[:, 0] = np.where(along_y, 0.0, sx * (need_x / 2 + 0.5))
        move[:, 1] = np.where(along_y, sy * (need_y / 2 + 0.5), 0.0)
        n = len(p)  # each node's moves summed (np.add.at, unbuffered, is many times slower)
        for axis in (0, 1):
            pushed = np.bincount(b, move[:, axis], n) - np.bincount(a, move[:, axis], n)
            p[:, axis] += pushed * 0.8
    return [(float(x), float(y)) for x, y in p]


def node_sizes(net: nx.MultiDiGraph, provenance: bool = False) -> dict[str, float]:
    """Node size (px) by number of relations: 11 for none, up to 30 for the most connected."""
    degree = dict(nx.Graph(relations(net, provenance).to_undirected(as_view=True)).degree())
    top = max(degree.values(), default=0) or 1
    return {n: round(11 + 19 * math.sqrt(degree.get(n, 0) / top), 1) for n in net.nodes}


def _label_width(text: str) -> float:
    """About how wide (px) a canvas label is drawn: CJK characters twice as wide as Latin."""
    shown = _cut(text)
    return sum(15.0 if ord(ch) > 0x2E80 else 8.0 for ch in shown)


def layout(
    net: nx.MultiDiGraph,
    provenance: bool = False,
    seed: int = 7,
    lang: str = "zh",
    sizes: dict[str, float] | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions (px) for every node: components laid out apart, then packed in rows.

    No two nodes overlap, labels included. Entities without relations are set in rows,
    grouped by class. The same graph always gets the same positions.
    """
    sizes = sizes or node_sizes(net, provenance)
    boxes: dict[str, tuple[float, float, float]] = {}
    for node, data in net.nodes(data=True):
        size = sizes.get(node, 11.0)
        width = _label_width(str(data.get(f"label_{lang}", "")))
        boxes[node] = (max(width, 2 * size) / 2, -size - 4, size + LABEL_HEIGHT)
    simple = nx.Graph()
    simple.add_nodes_from(net.nodes)
    simple.add_edges_from((u, v) for u, v in relations(net, provenance).edges() if u != v)
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    blocks: list[dict[str, tuple[float, float]]] = []
    singles = [c[0] for c in components if len(c) == 1]
    for component in components:
        if len(component) > 1:
            blocks.append(_component_layout(simple.subgraph(component), seed, boxes))
    if singles:
        singles.sort(key=lambda n: (_class_rank(net.nodes[n].get("cls", "")), n))
        total = sum(2 * boxes[n][0] + LABEL_GAP for n in singles)
        row_height = max(boxes[n][2] - boxes[n][1] for n in singles) + LABEL_GAP / 2
        row_width = max(600.0, math.sqrt(total * row_height) * 1.6)
        grid: dict[str, tuple[float, float]] = {}
        x = y = 0.0
        for node in singles:
            width = 2 * boxes[node][0] + LABEL_GAP
            if x > 0 and x + width > row_width:
                x, y = 0.0, y + row_height
            grid[node] = (x + width / 2, y)
            x += width
        blocks.append(grid)
    return _pack(blocks, boxes)


def _class_rank(curie: str) -> int:
    order = [shorten(str(c)) for c in CLASS_ORDER]
    return order.index(curie) if curie in order else len(order)


def _pack(
    blocks: list[dict[str, tuple[float, float]]], boxes: dict[str, tuple[float, float, float]]
) -> dict[str, tuple[float, float]]:
    """Shelf-pack the blocks' extents in rows about as wide as the whole is tall."""
    extents = []
    for block in blocks:
        left = min(x - boxes[n][0] for n, (x, _) in block.items())
        right = max(x + boxes[n][0] for n, (x, _) in block.items())
        top = min(y + boxes[n][1] for n, (_, y) in block.items())
        bottom = max(y + boxes[n][2] for n, (_, y) in block.items())
        extents.append((left, top, right - left, bottom - top, block))
    margin = SPACING * 0.4
    area = sum((w + margin) * (h + margin) for _, _, w, h, _ in extents)
    widest = max((w for _, _, w, _, _ in extents), default=0.0)
    row_width = max(widest, math.sqrt(area) * 1.5)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for left, top, w, h, block in extents:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + margin, 0.0
        for node, (px, py) in block.items():
            out[node] = (round(px - left + x, 1), round(py - top + y, 1))
        x += w + margin
        row_height = max(row_height, h)
    return out


# --- details for the side panel -------------------------------------------------------------
#
# The page's data names each shared thing once and refers to it: evidence (a quote with its
# source) by its place in ``evidence``, a source document by its place in ``sources``, the
# label of a property by its prefixed name in ``properties``, the label of a resource that is
# not an entity (a unit, a place, a period, a qualifier ...) by its prefixed name in ``terms``.


def _texts(names: Texts) -> dict[str, str]:
    return names.as_dict()


def _safe_url(value: str) -> str | None:
    return value if re.match(r"^https?://", value, re.IGNORECASE) else None


class _Facts:
    """Evidence and sources of the graph's facts, read once; the page's shared tables."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        #: the page's tables, filled as the page's data names their entries
        self.sources: list[dict[str, Any]] = []
        self.table: list[dict[str, Any]] = []
        self._docs: dict[URIRef, int] = {}
        self.properties: dict[str, dict[str, str]] = {}
        self.terms: dict[str, dict[str, str]] = {}
        self._slot: dict[URIRef, int] = {}
        self._names: dict[Any, dict[str, str]] = {}
        self._stated: dict[Any, dict[str, str]] = {}
        self._periods: dict[Any, dict[str, str]] = {}
        self.annotations: dict[Any, list[URIRef]] = {}
        self.statements: dict[tuple[Any, Any, Any], list[URIRef]] = {}
        for anno in sorted(graph.subjects(RDF.type, OA.Annotation)):
            for body in graph.objects(anno, OA.hasBody):
                self.annotations.setdefault(body, []).append(anno)  # type: ignore[arg-type]
        for stmt in sorted(graph.subjects(RDF.type, RDF.Statement)):
            key = (
                graph.value(stmt, RDF.subject),
                graph.value(stmt, RDF.predicate),
                graph.value(stmt, RDF.object),
            )
            self.statements.setdefault(key, []).append(stmt)  # type: ignore[arg-type]
        #: (subject, predicate) of every statement
        self.stated_pairs = {(s, p) for s, p, _ in self.statements}

    def names(self, node: Any) -> dict[str, str]:
        """The labels of ``node`` in both languages (read once)."""
        if node not in self._names:
            self._names[node] = _texts(labels(self.graph, node))
        return self._names[node]

    def prop(self, prop: Any) -> str:
        """Register the label of the property ``prop`` and return its prefixed name."""
        curie = shorten(str(prop))
        if curie not in self.properties:
            self.properties[curie] = _texts(property_labels(self.graph, URIRef(prop)))
        return curie

    def term(self, node: Any) -> str:
        """Register the label of the resource ``node`` and return its prefixed name."""
        curie = shorten(str(node))
        if curie not in self.terms:
            self.terms[curie] = self.names(node)
        return curie

    def stated(self, obs: Any) -> dict[str, str]:
        """The stated value of an observation or target in both languages."""
        if obs not in self._stated:
            self._stated[obs] = {lang: value_text(self.graph, obs, lang) for lang in ("zh", "en")}
        return self._stated[obs]

    def period(self, obs: Any) -> dict[str, str]:
        """The period of an observation or target as written in each language."""
        if obs not in self._periods:
            self._periods[obs] = {lang: period_text(self.graph, obs, lang) for lang in ("zh", "en")}
        return self._periods[obs]

    def source(self, doc: URIRef) -> int:
        """Register the source document ``doc`` and return its place in ``sources``."""
        if doc in self._docs:
            return self._docs[doc]
        g = self.graph
        title = g.value(doc, SCHEMA.name)
        names = self.names(doc)
        publisher = g.value(doc, SCHEMA.publisher)
        reliability = g.value(doc, AIKG.reliability)
        date = g.value(doc, SCHEMA.datePublished)
        url = g.value(doc, SCHEMA.url)
        text = g.value(doc, AIKG.sourceText)
        path = g.value(text, AIKG.sourcePath) if text is not None else None
        self._docs[doc] = len(self.sources)
        self.sources.append({
            "iri": str(doc),
            "title": str(title) if title is not None else names["zh"],
            "name": names,
            "publisher": self.names(publisher) if isinstance(publisher, URIRef) else None,
            "date": str(date) if date is not None else None,
            "dateUnknown": bool(g.value(doc, AIKG.dateUnknown)),
            "url": _safe_url(str(url)) if url is not None else None,
            "reliability": self.names(reliability) if isinstance(reliability, URIRef) else None,
            "path": str(path) if path is not None else None,
        })  # fmt: skip
        return self._docs[doc]

    def _evidence(self, anno: URIRef) -> int:
        """The place of the annotation ``anno`` in the page's evidence table (added once)."""
        if anno in self._slot:
            return self._slot[anno]
        g = self.graph
        item: dict[str, Any] = {}
        for target in g.objects(anno, OA.hasTarget):
            source_text = g.value(target, OA.hasSource)
            doc = g.value(source_text, SCHEMA.encodesCreativeWork) if source_text else None
            if isinstance(doc, URIRef):
                item["doc"] = self.source(doc)
            for selector in g.objects(target, OA.hasSelector):
                for field, prop in (
                    ("quote", OA.exact),
                    ("prefix", OA.prefix),
                    ("suffix", OA.suffix),
                    ("start", OA.start),
                    ("end", OA.end),
                ):
                    value = g.value(selector, prop)
                    if value is not None:
                        item[field] = value.toPython() if field in ("start", "end") else str(value)
        self._slot[anno] = len(self.table)
        self.table.append(item)
        return self._slot[anno]

    def of(self, node: Any) -> list[int]:
        """The evidence of ``node`` (places in the evidence table)."""
        return [self._evidence(anno) for anno in self.annotations.get(node, [])]

    def derived(self, node: Any) -> list[int]:
        """The documents ``node`` was derived from or is mentioned in (places in ``sources``)."""
        docs = set(self.graph.objects(node, PROV.wasDerivedFrom))
        docs |= set(self.graph.subjects(SCHEMA.mentions, node))
        return [self.source(d) for d in sorted(docs) if isinstance(d, URIRef)]

    def statement(self, s: Any, p: Any, o: Any) -> tuple[list[int], list[int], list]:
        """Evidence, source documents and notes (e.g. effects) of the triple's statements."""
        evidence: list[int] = []
        docs: list[int] = []
        notes: list[dict[str, Any]] = []
        skip = {RDF.type, RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom}
        for stmt in self.statements.get((s, p, o), []):
            evidence += self.of(stmt)
            docs += [
                self.source(d)
                for d in self.graph.objects(stmt, PROV.wasDerivedFrom)
                if isinstance(d, URIRef)
            ]
            for prop, value in sorted(self.graph.predicate_objects(stmt)):
                if prop in skip or not isinstance(value, Literal):
                    continue
                note = {"p": self.prop(prop), "text": str(value)}
                if value.language:
                    note["lang"] = value.language
                notes.append(note)
        return evidence, sorted(set(docs), key=lambda d: self.sources[d]["iri"]), notes


#: What the measure of an observation or target shows, read from one of its properties.
_MEASURE_PROPERTIES = {
    "value": "schema:value",
    "unit": "schema:unitCode",
    "unitText": "schema:unitText",
    "qualifier": "aikg:valueQualifier",
    "period": "sdmx-dimension:refPeriod",
    "area": "sdmx-dimension:refArea",
}


def _measure(
    graph: Graph, facts: _Facts, obs: URIRef, props: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """The stated value, unit, period ... of an observation or target. A field that is the one
    value of its property in ``props`` is left out: the page reads it there."""
    unit = graph.value(obs, SCHEMA.unitCode)
    qualifier = graph.value(obs, AIKG.valueQualifier)
    period = graph.value(obs, SDMX_DIM.refPeriod)
    area = graph.value(obs, SDMX_DIM.refArea)
    value = graph.value(obs, SCHEMA.value)
    unit_text = graph.value(obs, SCHEMA.unitText)
    # each field with what its property's one value is in ``props`` when it says the same
    found: dict[str, tuple[Any, Any]] = {
        "stated": (facts.stated(obs), None),
        "value": (str(value), {"text": str(value)}) if value is not None else (None, None),
        "unit": (facts.term(unit), {"curie": facts.term(unit)})
        if isinstance(unit, URIRef)
        else (None, None),
        "unitText": (str(unit_text), {"text": str(unit_text)}) if unit_text else (None, None),
        "qualifier": (facts.term(qualifier), {"curie": facts.term(qualifier)})
        if isinstance(qualifier, URIRef)
        else (None, None),
        "period": (facts.names(period), {"curie": facts.term(period)})
        if isinstance(period, URIRef)
        else (facts.period(obs), None),
        "periodCode": (_notation(graph, period), None),
        "area": (facts.term(area), {"curie": facts.term(area)})
        if isinstance(area, URIRef)
        else (None, None),
    }
    out: dict[str, Any] = {}
    for key, (shown, same) in found.items():
        values = props.get(_MEASURE_PROPERTIES.get(key, ""), [])
        if shown is None or (
            same is not None
            and len(values) == 1
            and all(values[0].get(k) == v for k, v in same.items())
        ):
            continue
        out[key] = shown
    return out


def _notation(graph: Graph, node: Any) -> str | None:
    value = graph.value(node, SKOS.notation) if node is not None else None
    return str(value) if value is not None and str(value) else None


def _details(
    graph: Graph, net: nx.MultiDiGraph, facts: _Facts, degree: dict[str, int]
) -> dict[str, Any]:
    """Each entity's panel: only what it has (an absent field is empty, or the name)."""
    measured = {shorten(str(SCHEMA.Observation)), shorten(str(AIKG.Target))}
    out: dict[str, Any] = {}
    for node, data in net.nodes(data=True):
        iri = URIRef(node)
        props: dict[str, list[dict[str, Any]]] = {}
        for prop, values in sorted(data.get("properties", {}).items(), key=lambda p: shorten(p[0])):
            shown = []
            stated = (iri, URIRef(prop)) in facts.stated_pairs  # statements about its values?
            for value in values:
                if "iri" in value:
                    item: dict[str, Any] = {"curie": facts.term(URIRef(value["iri"]))}
                    obj: Any = URIRef(value["iri"])
                else:
                    item = dict(value)
                    obj = _literal(graph, iri, URIRef(prop), value) if stated else None
                evidence, docs = [], []
                if stated:
                    evidence, docs, _ = facts.statement(iri, URIRef(prop), obj)
                if evidence:
                    item["ev"] = evidence
                if docs:
                    item["docs"] = docs
                shown.append(item)
            props[facts.prop(prop)] = shown
        name = {"zh": data["name_zh"], "en": data["name_en"]}
        label = {"zh": data["label_zh"], "en": data["label_en"]}
        entry: dict[str, Any] = {"cls": data["cls"], "name": name}
        if data["curie"] != node:
            entry["curie"] = data["curie"]
        if data["classes"] != [data["cls"]]:
            entry["classes"] = data["classes"]
        if label != name:
            entry["label"] = label
        if data.get("aliases"):
            entry["aliases"] = data["aliases"]
        entry["degree"] = degree.get(node, 0)
        if props:
            entry["props"] = props
        evidence, docs = facts.of(iri), facts.derived(iri)
        if evidence:
            entry["ev"] = evidence
        if docs:
            entry["docs"] = docs
        if data["cls"] in measured or any(c in measured for c in data["classes"]):
            entry["measure"] = _measure(graph, facts, iri, props)
        out[node] = entry
    return out


def _literal(graph: Graph, subject: URIRef, prop: URIRef, value: dict[str, Any]) -> Any:
    """The graph's literal behind a property value (to find its statement)."""
    for obj in graph.objects(subject, prop):
        same = isinstance(obj, Literal) and str(obj) == value.get("text")
        if same and (obj.language or None) == value.get("lang"):
            return obj
    return None


# --- the series of a variable ---------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SDMX_DIM = str(SDMX_DIM)
#: A variable gets a series chart when it has at least this many observations.
SERIES_MIN = 2
#: What a point of a drawn observation leaves to the observation's details (the page fills it).
_FROM_DETAILS = ("name", "stated", "qualifier", "ev", "docs")


def period_position(notation: str | None) -> str | None:
    """Where a period sits on a time axis: an instant's date, an interval's end date.

    None for a period that cannot be placed: an open start (``../2025-01-22``), an open end,
    a duration alone (``P10Y``), or no period.
    """
    if not notation:
        return None
    if "/" not in notation:
        return notation if _ISO_DATE.match(notation) else None
    start, end = notation.split("/", 1)
    return end if _ISO_DATE.match(start) and _ISO_DATE.match(end) else None


def _natural(text: str) -> tuple[Any, ...]:
    """``6-19`` before ``20-29`` before ``60-plus``: numbers in a text compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


_NOT_BREAKDOWN = (SDMX_DIM.refPeriod, SDMX_DIM.refArea)
_OBSERVATION_ABOUT = SCHEMA.observationAbout


def _is_breakdown(prop: Any) -> bool:
    """Every sdmx-dimension other than the period and the area, and schema:observationAbout."""
    if prop == _OBSERVATION_ABOUT:
        return True
    return str(prop).startswith(_SDMX_DIM) and prop not in _NOT_BREAKDOWN


def _series_point(graph: Graph, facts: _Facts, obs: URIRef) -> dict[str, Any] | None:
    """One observation as a point of a chart (None when its value is not a number)."""
    value = graph.value(obs, SCHEMA.value)
    try:
        number = float(str(value)) if value is not None else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        return None
    period = graph.value(obs, SDMX_DIM.refPeriod)
    notation = graph.value(period, SKOS.notation) if isinstance(period, URIRef) else None
    qualifier = graph.value(obs, AIKG.valueQualifier)
    status = graph.value(obs, SDMX_ATT.obsStatus)
    point = {
        "obs": str(obs),
        "name": facts.names(obs),
        "x": period_position(str(notation) if notation is not None else None),
        "period": str(notation) if notation is not None else "",
        "periodText": facts.period(obs),
        "y": number,
        "value": str(value),
        "stated": facts.stated(obs),
        "qualifier": facts.term(qualifier) if isinstance(qualifier, URIRef) else None,
        "ev": facts.of(obs),
        "docs": facts.derived(obs),
    }
    if status == SDMX_CODE["obsStatus-E"]:
        point["estimated"] = True
    return point


def _point_order(facts: _Facts, point: dict[str, Any]) -> tuple[Any, ...]:
    """By date on the axis (an unplaced period by its end), then by source date (unknown dates
    last) and source."""
    notation = point["period"]
    end = point["x"] or (notation.rsplit("/", 1)[1] if "/" in notation else "")
    published = sorted(facts.sources[d]["date"] or "~" for d in point["docs"])
    docs = [facts.sources[d]["iri"] for d in point["docs"]]
    return (end, notation, published[:1] or ["~"], docs, point["obs"])


def series(graph: Graph, facts: _Facts, variables: Iterable[str]) -> dict[str, Any]:
    """The observed series of each of ``variables`` that has several observations.

    A series is the observations of one variable, area and breakdown (every sdmx-dimension
    other than refPeriod and refArea, and schema:observationAbout), in one unit, ordered by
    period. Targets (``aikg:Target``) and a source's own currency conversion of another
    observation (``aikg:currencyConversionOf``) are not observed points and are left out.
    Points whose period has no place on a time axis (an open start, a duration) are listed
    under ``unplaced``. Variable IRI -> ``{"count", "charts": [{"unit", "unitLabel",
    "series": [{"key", "area", "breakdown", "points", "unplaced"}]}]}``, one chart per unit.

    ``variables`` are the entities drawn: a point of one of them leaves its name, stated
    value, qualifier, evidence and sources to the observation's own details.
    """
    wanted = set(variables)
    found: dict[str, list[URIRef]] = {}
    a, target, conversion = RDF.type, AIKG.Target, AIKG.currencyConversionOf
    measured = SCHEMA.variableMeasured
    for obs in sorted(set(graph.subjects(a, SCHEMA.Observation))):
        if not isinstance(obs, URIRef) or (obs, a, target) in graph:
            continue
        if (obs, conversion, None) in graph:
            continue
        for var in graph.objects(obs, measured):
            if str(var) in wanted:
                found.setdefault(str(var), []).append(obs)
    out: dict[str, Any] = {}
    for var in sorted(found):
        if len(found[var]) >= SERIES_MIN:
            out[var] = _variable_series(graph, facts, found[var], wanted)
    return out


def _variable_series(
    graph: Graph, facts: _Facts, observations: list[URIRef], drawn: set[str]
) -> dict[str, Any]:
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for obs in observations:
        point = _series_point(graph, facts, obs)
        if point is None:
            continue
        unit = graph.value(obs, SCHEMA.unitCode)
        area = graph.value(obs, SDMX_DIM.refArea)
        dims = sorted(
            (prop, member)
            for prop, member in graph.predicate_objects(obs)
            if _is_breakdown(prop) and isinstance(member, URIRef)
        )
        key = (str(unit or ""), str(area or ""), tuple(dims))
        if key not in groups:
            names = facts.names(area) if isinstance(area, URIRef) else None
            groups[key] = {
                "key": " ".join(
                    [shorten(str(area)) if area is not None else "-"]
                    + [f"{shorten(str(p))}={shorten(str(m))}" for p, m in dims]
                ),
                "area": names,
                "breakdown": [
                    {
                        "p": shorten(str(p)),
                        "l": _texts(property_labels(graph, p)),
                        "v": facts.names(m),
                    }
                    for p, m in dims
                ],
                "points": [],
                "unplaced": [],
                "order": (
                    len(dims),
                    names["en"] if names else "",
                    [_natural(str(graph.value(m, SKOS.notation) or facts.names(m)["en"]))
                     for _, m in dims],
                ),
            }  # fmt: skip
        groups[key]["points" if point["x"] else "unplaced"].append(point)
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for key, group in groups.items():
        for name in ("points", "unplaced"):
            group[name].sort(key=lambda p: _point_order(facts, p))
            group[name] = [_compact_point(p, drawn) for p in group[name]]
        by_unit.setdefault(key[0], []).append(group)

    def size(members: list[dict[str, Any]]) -> int:
        return sum(len(g["points"]) + len(g["unplaced"]) for g in members)

    charts = []
    for unit, members in sorted(by_unit.items(), key=lambda item: (-size(item[1]), item[0])):
        members.sort(key=lambda g: (g["order"], g["key"]))
        for group in members:
            del group["order"]
        charts.append(
            {
                "unit": shorten(unit) if unit else None,
                "unitLabel": facts.names(URIRef(unit)) if unit else None,
                "series": members,
            }
        )
    return {"count": sum(size(m) for m in by_unit.values()), "charts": charts}


def _compact_point(point: dict[str, Any], drawn: set[str]) -> dict[str, Any]:
    """The point as the page gets it: what the details of a drawn observation hold is left
    out (the page fills it in), and so is a missing qualifier."""
    skip = _FROM_DETAILS if point["obs"] in drawn else ()
    return {
        k: v for k, v in point.items() if k not in skip and not (k == "qualifier" and v is None)
    }


# --- page -----------------------------------------------------------------------------------


@dataclass
class ViewResult:
    html: bytes
    nodes: int
    edges: int


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and styles from the pyvis package (never from the network)."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib"
    folders = sorted(lib.glob("vis-*"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])
    if not folders:
        raise InputError(f"vis-network is missing from the pyvis package ({lib})")
    folder = folders[-1]
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    return js, css


def _own_asset(name: str) -> str:
    return resources.files("aikg.view").joinpath("templates", name).read_text(encoding="utf-8")


def _inline(text: str, tag: str) -> Any:
    """Text for a raw ``<script>`` or ``<style>`` element: it must not be able to close it."""
    from markupsafe import Markup

    if re.search(rf"</{tag}|<!--", text, re.IGNORECASE):
        raise InputError(f"an inlined asset contains </{tag}> or <!--")
    return Markup(text)


def json_for_script(data: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _encode(text: str) -> tuple[str, str | None]:
    """The page's data as it is inlined, and its encoding (None: the JSON as it is)."""
    raw = text.encode("utf-8")
    if len(raw) <= COMPRESS_ABOVE:
        return text, None
    packed = zlib.compress(raw, 6)
    return base64.b64encode(packed).decode("ascii"), "deflate;base64"


_DATA = re.compile(
    r'<script type="[^"]+" id="aikg-data"( data-encoding="([^"]+)")?>(.*?)</script>', re.S
)


def page_data(html: bytes | str) -> Any:
    """The data of a page :func:`render` wrote (decoded when it is deflated)."""
    text = html.decode("utf-8") if isinstance(html, bytes) else html
    found = _DATA.search(text)
    if found is None:
        raise InputError("not a page of aikg view: it has no data")
    if found[2] == "deflate;base64":
        return json.loads(zlib.decompress(base64.b64decode(found[3])).decode("utf-8"))
    return json.loads(found[3])


def _cut(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _class_styles(graph: Graph, net: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for _, data in net.nodes(data=True):
        counts[data["cls"]] = counts.get(data["cls"], 0) + 1
    known = {shorten(str(c)): c for c in CLASS_STYLE}
    fallback = iter(_FALLBACK_STYLES * 10)
    out = []
    for curie in sorted(counts, key=lambda c: (_class_rank(c), c)):
        iri = known.get(curie)
        color, shape = CLASS_STYLE[iri] if iri is not None else next(fallback)
        full = URIRef(iri if iri is not None else _expand(curie))
        out.append(
            {
                "id": curie,
                "label": _texts(labels(graph, full)),
                "color": color,
                "shape": shape,
                "count": counts[curie],
            }
        )
    return out


def _expand(curie: str) -> str:
    from aikg.namespaces import expand

    try:
        return expand(curie)
    except KeyError:
        return curie


def render(
    graph: Graph,
    net: nx.MultiDiGraph | None = None,
    *,
    lang: str = "zh",
    title: str | None = None,
    select: str | None = None,
    source_links: bool = False,
    subtitle: str | None = None,
) -> ViewResult:
    """The HTML page of ``net`` (default: every entity of ``graph``), UTF-8 bytes.

    ``graph`` supplies the details, evidence and sources shown in the side panel; ``select``
    is the entity selected when the page opens without a ``#IRI``; ``source_links`` shows the
    mentions / derived-from edges from the start.
    """
    from jinja2 import Environment, PackageLoader, select_autoescape
    from pyvis.network import Network

    if lang not in ("zh", "en"):
        raise InputError(f"unknown language {lang!r} (use zh or en)")
    try:  # networkx's layouts need them
        import numpy  # noqa: F401
        import scipy  # noqa: F401
    except ImportError as exc:
        raise AikgError(f"the graph view needs {exc.name} (pip install numpy scipy)") from None
    if net is None:
        net = build_network(graph)
    facts = _Facts(graph)
    sizes = node_sizes(net)
    positions = layout(net, lang=lang, sizes=sizes)
    simple_degree = dict(nx.Graph(relations(net).to_undirected(as_view=True)).degree())
    classes = _class_styles(graph, net)
    large = net.number_of_edges() > LARGE

    vis = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    order: dict[str, int] = {}
    for node, data in sorted(net.nodes(data=True)):
        x, y = positions[node]
        order[node] = len(order)
        vis.add_node(
            node,
            label=_cut(data[f"label_{lang}"]),
            group=data["cls"],
            size=sizes[node],
            x=x,
            y=y,
        )
    vis.options = _vis_options(large)
    vis.options["groups"] = {c["id"]: {"color": c["color"], "shape": c["shape"]} for c in classes}
    nodes, _, _, _, _, options_json = vis.get_network_data()
    for item in nodes:
        del item["shape"]  # pyvis sets one on every node; the group's own is the one drawn

    details = _details(graph, net, facts, simple_degree)
    # Each edge as [from, to, relation]: places in ``nodes`` and in ``relations`` (property,
    # label, source link or not); its id is ``e`` and its place. Evidence only where it has some.
    kinds: dict[tuple[Any, ...], int] = {}
    edges: list[list[int]] = []
    edge_details: dict[str, Any] = {}
    ordered = sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for index, (source, target, _key, data) in enumerate(ordered):
        kind = (data["curie"], data["label_zh"], data["label_en"], bool(data.get("provenance")))
        kinds.setdefault(kind, len(kinds))
        edges.append([order[source], order[target], kinds[kind]])
        via = data.get("via")
        if via:
            evidence, docs, notes = facts.of(URIRef(via)), facts.derived(URIRef(via)), []
        else:
            evidence, docs, notes = facts.statement(
                URIRef(source), URIRef(data["property"]), URIRef(target)
            )
        found = {"ev": evidence, "docs": docs, "notes": notes}
        if any(found.values()):
            edge_details[f"e{index}"] = {k: v for k, v in found.items() if v}
    relation_types = [
        {"p": p, "l": {"zh": zh, "en": en}, **({"prov": True} if prov else {})}
        for p, zh, en, prov in kinds
    ]
    chart_data = series(graph, facts, net.nodes)
    initial = resolve(net, select) if select else None
    page_title = title or TITLES[lang]
    data = {
        "lang": lang,
        "title": page_title,
        "subtitle": subtitle,
        "nodes": nodes,
        "edges": edges,
        "relations": relation_types,
        "options": json.loads(options_json),
        "sourceLinkStyle": SOURCE_LINK_STYLE,
        "classes": classes,
        "details": details,
        "edgeDetails": edge_details,
        "series": chart_data,
        "evidence": facts.table,
        "sources": facts.sources,
        "properties": facts.properties,
        "terms": facts.terms,
        "prefixes": {p: str(ns) for p, ns in PREFIXES.items()},
        "select": initial,
        "sourceLinks": source_links,
        "labelChars": LABEL_CHARS,
        "labelsInView": net.number_of_nodes() > LABELS_IN_VIEW,
        "large": large,
    }
    env = Environment(
        loader=PackageLoader("aikg.view", "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    vis_js, vis_css = _vis_assets()
    data_json, encoding = _encode(json_for_script(data))
    html = env.get_template("graph.html").render(
        lang="zh-Hans" if lang == "zh" else "en",
        title=page_title,
        subtitle=subtitle or "",
        nodes=len(nodes),
        edges=len(edges),
        vis_js=_inline(vis_js, "script"),
        vis_css=_inline(vis_css, "style"),
        app_js=_inline(_own_asset("graph.js"), "script"),
        app_css=_inline(_own_asset("graph.css"), "style"),
        data_json=_inline(data_json, "script"),
        data_encoding=encoding,
    )
    return ViewResult(html.encode("utf-8"), len(nodes), len(edges))


FONT = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", system-ui, sans-serif'
)


def _vis_options(large: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "font": {
                "face": FONT,
                "size": 15,
                "color": "#1b1b1b",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1,
            "borderWidthSelected": 3,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#d62728", "hover": "#4a5563"},
            "font": {
                "face": FONT,
                "size": 12,
                "color": "#3a3a3a",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "horizontal",
            },
            "smooth": False if large else {"enabled": True, "type": "curvedCW", "roundness": 0.12},
            "width": 1,
            "selectionWidth": 1.5,
        },
        "interaction": {
            "hover": not large,
            "tooltipDelay": 250,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
    }


# --- what to draw ---------------------------------------------------------------------------


def focus_network(
    net: nx.MultiDiGraph, focus: str, depth: int, source_links: bool = False
) -> tuple[nx.MultiDiGraph, str]:
    """The neighbourhood of the entity named ``focus`` (IRI, prefixed name or label)."""
    if depth < 0:
        raise InputError("--depth must be 0 or more")
    iri = resolve(net, focus)
    return neighbourhood(net, iri, depth, source_links), iri


_QUERY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _query_file(name: str) -> tuple[str, str]:
    """The text and origin of a saved query, read without the catalog module."""
    from aikg import paths

    if name.endswith(".rq") or "/" in name:
        path = Path(name)
    else:
        if not _QUERY_NAME.match(name):
            raise InputError(f"bad query name {name!r} (letters, digits, '-', '_', '.')")
        path = paths.queries_dir() / f"{name}.rq"
    if not path.is_file():
        folder = paths.queries_dir()
        known = sorted(p.stem for p in folder.glob("*.rq")) if folder.is_dir() else []
        raise InputError(f"no saved query named {name!r} (saved: {', '.join(known) or 'none'})")
    return path.read_text(encoding="utf-8"), str(path)


def run_query(graph: Graph, name: str, params: dict[str, str] | None = None) -> Graph:
    """The graph a saved CONSTRUCT or DESCRIBE query (catalog name or ``.rq`` file) returns."""
    try:
        from aikg.query.catalog import find_query
        from aikg.query.results import GraphResult
        from aikg.query.run import run_embedded
    except ImportError:  # the saved-query catalog is not installed: run the file as it is
        return _run_query_file(graph, name, params)
    saved = find_query(name)
    found = run_embedded(saved, params or {}, graph=graph)
    if not isinstance(found, GraphResult):
        kind = {"table": "SELECT", "boolean": "ASK"}.get(found.kind, found.kind)
        raise InputError(
            f"{saved.origin}: a {kind} query; --query draws a CONSTRUCT or DESCRIBE query"
        )
    return found.graph


def _run_query_file(graph: Graph, name: str, params: dict[str, str] | None) -> Graph:
    if params:
        raise InputError("query parameters need the saved-query catalog (aikg.catalog)")
    text, origin = _query_file(name)
    try:
        result = graph.query(text, initNs=dict(PREFIXES.items()))
    except Exception as exc:  # rdflib raises many kinds for bad syntax or evaluation
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"{origin}: {message}") from None
    if result.type not in ("CONSTRUCT", "DESCRIBE") or result.graph is None:
        raise InputError(f"{origin}: a {result.type} query; --query draws CONSTRUCT or DESCRIBE")
    return result.graph


def query_network(
    graph: Graph, net: nx.MultiDiGraph, name: str, params: dict[str, str] | None = None
) -> nx.MultiDiGraph:
    """The entities and relations a saved CONSTRUCT (or DESCRIBE) query returns.

    Nodes are the result's IRIs that are entities of ``graph``; edges are the result's triples
    between them. Each node keeps its details from the whole graph.
    """
    return from_triples(graph, net, run_query(graph, name, params))


def from_triples(
    graph: Graph, net: nx.MultiDiGraph, triples: Iterable[tuple[Any, Any, Any]]
) -> nx.MultiDiGraph:
    """The entities of ``net`` that ``triples`` name, joined by the triples between them."""
    triples = list(triples)
    named = {str(t) for triple in triples for t in (triple[0], triple[2]) if isinstance(t, URIRef)}
    out = nx.MultiDiGraph()
    for node in sorted(named):
        if node in net:
            out.add_node(node, **net.nodes[node])
    for s, p, o in sorted(triples):
        if str(s) in out and str(o) in out and isinstance(p, URIRef) and p not in (RDF.type,):
            out.add_edge(str(s), str(o), **relation_attributes(p, property_labels(graph, p)))
    return out


def view(
    graph: Graph,
    *,
    lang: str = "zh",
    focus: str | None = None,
    depth: int = 1,
    query: str | None = None,
    params: dict[str, str] | None = None,
    select: str | None = None,
    source_links: bool = False,
    title: str | None = None,
) -> ViewResult:
    """The page for ``aikg view``: the whole graph, a saved query's result, a neighbourhood."""
    net = build_network(graph)
    subtitle_parts: list[str] = []
    if query:
        net = query_network(graph, net, query, params)
        subtitle_parts.append(f"--query {query}")
    if focus:
        net, iri = focus_network(net, focus, depth, source_links)
        select = select or iri
        subtitle_parts.append(f"--focus {shorten(iri)} --depth {depth}")
    if select:
        select = resolve(net, select)
    return render(
        graph,
        net,
        lang=lang,
        title=title,
        select=select,
        source_links=source_links,
        subtitle=" ".join(subtitle_parts) or None,
    )


def class_labels(graph: Graph, lang: str) -> dict[str, str]:
    """Prefixed class name -> the class's label in ``lang``, for every displayed class."""
    from aikg.store.stats import displayed_classes

    return {shorten(str(c)): labels(graph, c).get(lang) for c in displayed_classes(graph)}
