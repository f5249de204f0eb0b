"""The interactive HTML view of the entity graph: one self-contained, offline file.

The page is vis-network's, as the pyvis package ships it: its script and styles are inlined from
that copy, and the nodes and options are the ones pyvis's ``Network`` would assemble (not made
with it: importing ``pyvis.network`` imports IPython, a quarter of a second of every page, and its
``add_node`` looks each id up in a list, quadratic in the nodes). The page is rendered with the
project's own autoescaped Jinja2 template (``templates/graph.html``), not pyvis's, which loads
Bootstrap and tom-select from CDNs and does not escape. All data reaches the page as one JSON
document in a ``<script type="application/json">`` (``<``, ``>`` and ``&`` escaped; deflated
and base64-encoded when it is large) and the page's script sets every text with
``textContent``; a Content-Security-Policy forbids any request.

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
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import Graph, URIRef

from aikg.errors import InputError
from aikg.labels import labels
from aikg.namespaces import AIKG, PREFIXES, SCHEMA, expand, shorten
from aikg.view.layout import LABEL_CHARS, class_rank, cut, layout, node_sizes, relation_degree
from aikg.view.network import build_network, property_labels, resolve
from aikg.view.panel import Facts, details
from aikg.view.places import place_filter
from aikg.view.series import series

if TYPE_CHECKING:
    from aikg.view.neighbourhood import Folded

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


@dataclass
class ViewResult:
    html: bytes
    nodes: int
    edges: int
    #: Entities a neighbourhood met and did not draw, past ``max_neighbours`` a relation.
    not_drawn: int = 0
    max_neighbours: int = 0


def vis_assets() -> tuple[str, str]:
    """vis-network's script and styles from the pyvis package (never from the network),
    found without importing it (its import imports IPython)."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("the pyvis package, which ships vis-network, is not installed")
    lib = Path(next(iter(spec.submodule_search_locations))).resolve() / "lib"
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


def _class_styles(graph: Graph, net: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for _, data in net.nodes(data=True):
        counts[data["cls"]] = counts.get(data["cls"], 0) + 1
    known = {shorten(str(c)): c for c in CLASS_STYLE}
    fallback = iter(_FALLBACK_STYLES * 10)
    out = []
    for curie in sorted(counts, key=lambda c: (class_rank(c), c)):
        iri = known.get(curie)
        color, shape = CLASS_STYLE[iri] if iri is not None else next(fallback)
        full = URIRef(iri if iri is not None else _expand(curie))
        out.append(
            {
                "id": curie,
                "label": labels(graph, full).as_dict(),
                "color": color,
                "shape": shape,
                "count": counts[curie],
            }
        )
    return out


def _expand(curie: str) -> str:
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
    folded: Sequence[Folded] = (),
    unquoted: bool = False,
) -> ViewResult:
    """The HTML page of ``net`` (default: every entity of ``graph``), UTF-8 bytes.

    ``graph`` supplies the details, evidence and sources shown in the side panel; ``select``
    is the entity selected when the page opens without a ``#IRI``; ``source_links`` shows the
    mentions / derived-from edges from the start; ``folded``, the relations of a neighbourhood
    of which some entities are not drawn (each drawn node's panel lists its own);
    ``unquoted``, ``graph`` holds the evidence of the drawn entities only (a neighbourhood's):
    a chart's point of an observation not drawn says where its quote is.
    """
    from jinja2 import Environment, PackageLoader, select_autoescape

    if lang not in ("zh", "en"):
        raise InputError(f"unknown language {lang!r} (use zh or en)")
    if net is None:
        net = build_network(graph)
    facts = Facts(graph)
    sizes = node_sizes(net)
    positions = layout(net, lang=lang, sizes=sizes)
    simple_degree = relation_degree(net)
    classes = _class_styles(graph, net)
    large = net.number_of_edges() > LARGE

    # each node as pyvis's Network.add_node makes it (its keys in that order, the id as the
    # label when the label is empty), but for the shape it sets on every node: the group's
    # own is the one drawn
    order: dict[str, int] = {}
    nodes: list[dict[str, Any]] = []
    for node, data in sorted(net.nodes(data=True)):
        x, y = positions[node]
        order[node] = len(order)
        label = cut(data[f"label_{lang}"])
        nodes.append(
            {"group": data["cls"], "size": sizes[node], "x": x, "y": y, "id": node,
             "label": label or node}
        )  # fmt: skip
    options = _vis_options(large)
    options["groups"] = {c["id"]: {"color": c["color"], "shape": c["shape"]} for c in classes}

    entity_details = details(graph, net, facts, simple_degree)
    edges, edge_details, relation_types = _edges(net, order, facts)
    chart_data = series(graph, facts, net.nodes)
    in_places = place_filter(graph, [item["id"] for item in nodes])
    initial = resolve(net, select) if select else None
    page_title = title or TITLES[lang]
    data = {
        "lang": lang,
        "title": page_title,
        "subtitle": subtitle,
        "nodes": nodes,
        "edges": edges,
        "relations": relation_types,
        "options": options,
        "sourceLinkStyle": SOURCE_LINK_STYLE,
        "classes": classes,
        "details": entity_details,
        "edgeDetails": edge_details,
        "series": chart_data,
        "places": in_places["places"],
        "placeOf": in_places["placeOf"],
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
    if folded:
        data["folded"] = _folded(graph, folded)
    if unquoted:
        data["unquoted"] = True
    env = Environment(
        loader=PackageLoader("aikg.view", "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    vis_js, vis_css = vis_assets()
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


def _folded(graph: Graph, folded: Sequence[Folded]) -> dict[str, list[dict[str, Any]]]:
    """Node -> the relations some of its entities were left out of: the property's prefixed
    name and label, the direction, how many drawn of how many."""
    out: dict[str, list[dict[str, Any]]] = {}
    for one in folded:
        names = property_labels(graph, URIRef(one.relation))
        out.setdefault(one.node, []).append(
            {"p": shorten(one.relation), "l": {"zh": names.zh, "en": names.en},
             "in": one.incoming, "drawn": one.drawn, "total": one.total}
        )  # fmt: skip
    return out


def _edges(
    net: nx.MultiDiGraph, order: dict[str, int], facts: Facts
) -> tuple[list[list[int]], dict[str, Any], list[dict[str, Any]]]:
    """Each edge as ``[from, to, relation]``: places in ``nodes`` and in the relation types
    (property, label, source link or not); its id is ``e`` and its place. Then the evidence of
    the edges that have some, and the relation types."""
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
            evidence, docs = facts.of(URIRef(via)), facts.derived(URIRef(via))
            notes: list[dict[str, Any]] = []
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
    return edges, edge_details, relation_types


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
