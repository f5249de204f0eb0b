"""Network analytics of the entity graph: centrality, components, classes, shortest paths.

Everything here works on :func:`aikg.view.network.build_network`'s graph, read as undirected (a
relation connects both of its ends) and without the source links (``schema:mentions``,
``prov:wasDerivedFrom``) unless ``provenance=True``: otherwise a source document would sit on
every path and at the top of every ranking.
"""

from __future__ import annotations

import builtins
import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from aikg.errors import FindingsError
from aikg.view.network import label, relations

#: Above this many entities betweenness is estimated from a sample of at most this many sources.
BETWEENNESS_SAMPLE = 1000
#: ... and of at least this many,
BETWEENNESS_SAMPLE_MIN = 100
#: so that the sample's shortest-path searches visit about this many nodes and edges in all
#: (each source costs one search over the whole network: at 100,000 triples, 3,800 entities,
#: 227 sources; at a million, 38,000 entities, the minimum).
BETWEENNESS_WORK = 2_000_000
#: The seed of the sample: the same graph gives the same estimate.
BETWEENNESS_SEED = 4
#: How many members of each component a report names (the most connected).
COMPONENT_MEMBERS_SHOWN = 4


@dataclass(frozen=True)
class Ranked:
    iri: str
    label: str
    cls: str
    degree: int
    degree_centrality: float
    betweenness: float


@dataclass(frozen=True)
class Component:
    size: int
    members: list[str]  # IRIs, most connected first


@dataclass(frozen=True)
class ClassCount:
    cls: str
    label: str
    count: int


@dataclass
class Analysis:
    entities: int
    relations: int
    provenance: bool
    central: list[Ranked]
    components: list[Component]
    isolated: int
    by_class: list[ClassCount]
    betweenness_sample: int | None = None
    by_degree: list[Ranked] = field(default_factory=list)

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "entities": self.entities,
            "relations": self.relations,
            "source_links_included": self.provenance,
            "betweenness_sample": self.betweenness_sample,
            "betweenness_seed": BETWEENNESS_SEED if self.betweenness_sample else None,
            "most_central": [r.__dict__ for r in self.central],
            "highest_degree": [r.__dict__ for r in self.by_degree],
            "components": [
                {"size": c.size, "members": c.members} for c in self.components if c.size > 1
            ],
            "isolated": self.isolated,
            "by_class": [c.__dict__ for c in self.by_class],
        }


def undirected(net: nx.MultiDiGraph, provenance: bool = False) -> nx.Graph:
    """A simple undirected graph of the relations (parallel edges merged, loops dropped)."""
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(net.nodes)
    simple.add_edges_from((u, v) for u, v in relations(net, provenance).edges() if u != v)
    return simple


def sample_size(simple: nx.Graph) -> int | None:
    """How many sources betweenness is estimated from (None: computed exactly)."""
    size = simple.number_of_nodes() + simple.number_of_edges()
    budget = max(BETWEENNESS_SAMPLE_MIN, min(BETWEENNESS_SAMPLE, BETWEENNESS_WORK // max(size, 1)))
    return budget if simple.number_of_nodes() > budget else None


def betweenness(simple: nx.Graph) -> tuple[dict[str, float], int | None]:
    """Normalized betweenness; estimated from a seeded sample of sources (so repeatable) on a
    large graph (:func:`sample_size`)."""
    sample = sample_size(simple)
    if sample is not None:
        return nx.betweenness_centrality(simple, k=sample, seed=BETWEENNESS_SEED), sample
    return nx.betweenness_centrality(simple), None


def analyze(
    net: nx.MultiDiGraph,
    *,
    top: int = 10,
    lang: str = "zh",
    provenance: bool = False,
    class_labels: dict[str, str] | None = None,
    named: Callable[[set[str]], dict[str, dict[str, Any]]] | None = None,
) -> Analysis:
    """Rank entities by betweenness and degree, split the graph into components, count classes.

    ``named``: where the entities the result names get their labels, when ``net`` has none
    (:func:`aikg.view.skeleton.describe`): given the nodes, their attributes.
    """
    simple = undirected(net, provenance)
    degree = dict(simple.degree())
    degree_c = nx.degree_centrality(simple) if len(simple) > 1 else dict.fromkeys(simple, 0.0)
    between, sample = betweenness(simple) if len(simple) else ({}, None)
    by_between = sorted(simple, key=lambda n: (-between.get(n, 0.0), -degree[n], n))
    by_degree = sorted(simple, key=lambda n: (-degree[n], -between.get(n, 0.0), n))
    components = [
        Component(len(c), sorted(c, key=lambda n: (-degree[n], n)))
        for c in nx.connected_components(simple)
    ]
    components.sort(key=lambda c: (-c.size, c.members[0]))
    if named is not None:
        shown = set(by_between[:top]) | set(by_degree[:top])
        joined = [c for c in components if c.size > 1][:top]
        shown |= {m for c in joined for m in c.members[:COMPONENT_MEMBERS_SHOWN]}
        for node, attrs in named(shown).items():
            net.nodes[node].update(attrs)

    def ranked(node: str) -> Ranked:
        return Ranked(
            node,
            label(net, node, lang),
            net.nodes[node].get("cls", ""),
            degree[node],
            round(degree_c[node], 4),
            round(between.get(node, 0.0), 4),
        )

    counts = Counter(data.get("cls", "") for _, data in net.nodes(data=True))
    names = class_labels or {}
    return Analysis(
        entities=net.number_of_nodes(),
        relations=relations(net, provenance).number_of_edges(),
        provenance=provenance,
        central=[ranked(n) for n in by_between[:top] if between.get(n, 0.0) > 0],
        by_degree=[ranked(n) for n in by_degree[:top] if degree[n] > 0],
        components=components,
        isolated=sum(1 for c in components if c.size == 1),
        by_class=[
            ClassCount(cls, names.get(cls, cls), count)
            for cls, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        betweenness_sample=sample,
    )


# --- shortest paths -------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One relation on a path: ``subject --property--> object`` and the way the path runs it."""

    source: str  # the node the path comes from
    target: str  # the node the path goes to
    subject: str
    object: str
    property: str
    label_zh: str
    label_en: str

    @builtins.property  # the field ``property`` hides the builtin in the class body's types
    def forward(self) -> bool:
        return self.subject == self.source


@dataclass(frozen=True)
class Path:
    nodes: list[str]
    steps: list[Step]

    def sentence(self, net: nx.MultiDiGraph, lang: str = "zh") -> str:
        """``A —empowers→ B ←applies to sector— C``: labels and property names in order."""
        parts = [label(net, self.nodes[0], lang)]
        for step in self.steps:
            prop = step.label_en if lang == "en" else step.label_zh
            arrow = f"—{prop}→" if step.forward else f"←{prop}—"
            parts += [arrow, label(net, step.target, lang)]
        return " ".join(parts)

    def statements(self, net: nx.MultiDiGraph, lang: str = "zh") -> list[str]:
        """Each relation of the path as ``subject property object``, in its own direction."""
        out = []
        for step in self.steps:
            prop = step.label_en if lang == "en" else step.label_zh
            out.append(f"{label(net, step.subject, lang)} {prop} {label(net, step.object, lang)}")
        return out


def _step(net: nx.MultiDiGraph, a: str, b: str, provenance: bool) -> Step:
    """The relation that joins ``a`` to ``b``: a forward one if any, the first by name."""
    view = relations(net, provenance)
    for subject, obj in ((a, b), (b, a)):
        if view.has_edge(subject, obj):
            edges = sorted(view.get_edge_data(subject, obj).items(), key=lambda kv: str(kv[0]))
            data = edges[0][1]
            return Step(
                a, b, subject, obj, data["curie"], data.get("label_zh", ""), data["label_en"]
            )
    raise AssertionError(f"no relation between {a} and {b}")  # pragma: no cover


def shortest_path(
    net: nx.MultiDiGraph,
    source: str,
    target: str,
    *,
    provenance: bool = False,
    directed: bool = False,
    lang: str = "zh",
) -> Path:
    """The shortest chain of relations from ``source`` to ``target``.

    Relations are followed in either direction unless ``directed``. No chain raises
    :class:`FindingsError` (exit code 1).
    """
    view = relations(net, provenance)
    graph = view if directed else undirected(net, provenance)
    try:
        nodes = nx.shortest_path(graph, source, target)
    except nx.NetworkXNoPath:
        how = "directed " if directed else ""
        extra = "" if provenance else " (source links left out; try --source-links)"
        raise FindingsError(
            f"no {how}path between {label(net, source, lang)} and {label(net, target, lang)}{extra}"
        ) from None
    steps = []
    for a, b in itertools.pairwise(nodes):
        if directed:
            data = sorted(view.get_edge_data(a, b).items(), key=lambda kv: str(kv[0]))[0][1]
            steps.append(Step(a, b, a, b, data["curie"], data["label_zh"], data["label_en"]))
        else:
            steps.append(_step(net, a, b, provenance))
    return Path(nodes, steps)
