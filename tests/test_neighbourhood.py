"""``view --focus`` reads only the neighbourhood from the store, and draws the same page.

The reference is the earlier path: the whole graph's network, cut to the neighbourhood
(:func:`aikg.view.draw.focus_network`). On the bundled graph, for an organization (with
memberships), a variable (with series charts) and a person, at depths 0 to 2 and with the
source links, both give the same entities and relations, on rdflib's store and on Oxigraph's;
on rdflib's store the whole page data is the same too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from aikg.errors import InputError
from aikg.namespaces import shorten
from aikg.store import open_store
from aikg.store.memory import MemoryStore
from aikg.view.draw import focus_network
from aikg.view.draw import view as draw_view
from aikg.view.neighbourhood import find_entity, neighbourhood
from aikg.view.network import build_network
from aikg.view.page import page_data, render
from sample_network import write_sample

CNNIC = "https://w3id.org/aikg/id/organization/cnnic"
USERS = "https://w3id.org/aikg/id/var/internet-users"
PERSON = "https://w3id.org/aikg/id/person/wu-jinsong"


@pytest.fixture(scope="module")
def whole(graph: Graph) -> nx.MultiDiGraph:
    return build_network(graph)


@pytest.fixture(scope="module")
def stores(graph: Graph) -> dict[str, Any]:
    return {"memory": MemoryStore(graph), "oxigraph": open_store("oxigraph")}


def _edges(net: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(s, o, str(k)) for s, o, k in net.edges(keys=True)}


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
@pytest.mark.parametrize(
    ("focus", "depth", "links"),
    [(CNNIC, 1, False), (CNNIC, 2, False), (USERS, 1, False), (PERSON, 2, True), (CNNIC, 0, True)],
)
def test_same_entities_and_relations_as_the_whole_network(
    stores: dict[str, Any], whole: nx.MultiDiGraph, kind: str, focus: str, depth: int, links: bool
) -> None:
    expected, _ = focus_network(whole, focus, depth, links)
    around = neighbourhood(stores[kind], focus, depth, source_links=links)
    net = around.network()
    assert around.focus == focus and around.entities == sorted(expected)
    assert set(net) == set(expected)
    assert _edges(net) == _edges(expected)
    for node in net:  # each entity's details as the whole graph gives them
        got, want = net.nodes[node], expected.nodes[node]
        if kind == "memory":
            assert got == want
        else:  # Oxigraph spells a literal in its canonical form (1.50 as 1.5): same properties
            assert {k: v for k, v in got.items() if k not in ("properties", "value")} == {
                k: v for k, v in want.items() if k not in ("properties", "value")
            }
            assert got["properties"].keys() == want["properties"].keys()


def _resolved(data: dict[str, Any]) -> dict[str, Any]:
    """Page data with its references to the shared tables (evidence, sources) replaced by what
    they point to: the tables' order is the order the page meets their entries in."""
    evidence, sources = data["evidence"], data["sources"]

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(item) for item in value]
        if not isinstance(value, dict):
            return value
        out = {}
        for key, item in value.items():
            if key == "ev" and isinstance(item, list):
                out[key] = sorted(json.dumps(walk(evidence[i]), sort_keys=True) for i in item)
            elif key == "docs" and isinstance(item, list):
                out[key] = sorted(sources[i]["iri"] for i in item)
            elif key == "doc" and isinstance(item, int):
                out[key] = sources[item]["iri"]
            else:
                out[key] = walk(item)
        return out

    found = walk({k: v for k, v in data.items() if k not in ("evidence", "sources")})
    found["evidence"] = sorted(json.dumps(walk(e), sort_keys=True) for e in evidence)
    found["sources"] = sorted(json.dumps(s, sort_keys=True) for s in sources)
    return found


def _without_quotes_of_points_not_drawn(resolved: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """A resolved page's data as a neighbourhood's page holds it: the series points of the
    observations not drawn without their evidence, and the evidence table (as a set) without
    what only they quoted. And how many points lost their evidence."""
    drawn = set(resolved["details"])
    stripped = 0
    for info in resolved.get("series", {}).values():
        for chart in info["charts"]:
            for one in chart["series"]:
                for point in one["points"] + one["unplaced"]:
                    if point["obs"] not in drawn and point.get("ev"):
                        point["ev"] = []
                        stripped += 1

    def quoted(value: Any) -> Iterator[str]:
        if isinstance(value, list):
            for item in value:
                yield from quoted(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "ev" and isinstance(item, list):
                    yield from item
                else:
                    yield from quoted(item)

    kept = set(quoted({k: v for k, v in resolved.items() if k != "evidence"}))
    resolved["evidence"] = sorted(kept)
    return resolved, stripped


@pytest.mark.parametrize(("focus", "depth"), [(CNNIC, 1), (USERS, 1), (CNNIC, 2)])
def test_same_page_as_the_whole_graph_gives(
    graph: Graph, stores: dict[str, Any], whole: nx.MultiDiGraph, focus: str, depth: int
) -> None:
    """The same page, but for the quotes of the observations charted and not drawn: the page
    says they are elsewhere (``unquoted``) rather than reading every one's evidence."""
    net, _ = focus_network(whole, focus, depth)
    before = page_data(render(graph, net, select=focus, subtitle="s").html)
    around = neighbourhood(stores["memory"], focus, depth)
    after = page_data(
        render(
            around.graph,
            around.network(),
            select=focus,
            subtitle="s",
            unquoted=bool(around.unquoted),
        ).html
    )
    expected, stripped = _without_quotes_of_points_not_drawn(_resolved(before))
    assert after.pop("unquoted", False) == bool(around.unquoted)
    got = _resolved(after)
    got["evidence"] = sorted(set(got["evidence"]))  # two annotations may quote the same span
    assert got == expected
    if focus == USERS:  # its series charts observations of other variables, not drawn
        assert stripped > 0 and around.unquoted >= stripped
    assert len(around.graph) < len(graph) / 5  # what it read: the neighbourhood's triples


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_names_resolve_as_on_the_whole_network(stores: dict[str, Any], kind: str) -> None:
    store = stores[kind]
    assert find_entity(store, "中国互联网络信息中心") == CNNIC
    assert find_entity(store, "organization:cnnic") == CNNIC
    assert find_entity(store, CNNIC) == CNNIC
    with pytest.raises(InputError, match="no entity named 'no such thing'"):
        find_entity(store, "no such thing")
    with pytest.raises(InputError, match="did you mean"):
        find_entity(store, "互联网络信息")
    with pytest.raises(InputError, match="is not an entity of the graph"):
        find_entity(store, "organization:no-such-organization")


def test_the_view_draws_the_neighbourhood_from_the_store(stores: dict[str, Any]) -> None:
    page = page_data(draw_view(stores["oxigraph"], focus="中国互联网络信息中心", lang="en").html)
    assert page["select"] == CNNIC and page["subtitle"] == "--focus organization:cnnic --depth 1"
    assert CNNIC in {node["id"] for node in page["nodes"]}


def test_a_whole_graph_too_big_to_draw_is_refused_unless_asked(
    tmp_path: Path, stores: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import aikg.view.draw as draw

    bundled = stores["oxigraph"].entity_count()
    assert bundled == stores["memory"].entity_count() > 1000  # the same count on both stores
    store = open_store("oxigraph", [write_sample(tmp_path)])
    count = store.entity_count()
    monkeypatch.setattr(draw, "WHOLE_LIMIT", count - 1)
    with pytest.raises(draw.TooBigToDraw, match=f"the graph has {count} entities.*--focus"):
        draw_view(store)
    assert draw_view(store, whole=True).nodes == count
    assert draw_view(store, focus="测试政策", depth=0).nodes == 1  # a neighbourhood is drawn
    monkeypatch.setattr(draw, "WHOLE_LIMIT", count)
    assert draw_view(store).nodes == count


def test_the_page_graph_answers_every_pattern_as_rdflib_does(stores: dict[str, Any]) -> None:
    """``PageGraph`` reads a bound subject's triples from its store's index: the same triples,
    in the same order, as rdflib's own lookups on the same store (so the page is unchanged)."""
    from rdflib.namespace import RDFS

    from aikg.view.pagegraph import PageGraph

    page = neighbourhood(stores["oxigraph"], CNNIC, 1).graph
    assert isinstance(page, PageGraph) and page._spo is not None
    plain = Graph(store="SimpleMemory")
    for triple in Graph.triples(page, (None, None, None)):  # rdflib's way, in the page's order
        plain.add(triple)
    some = list(Graph.triples(page, (None, None, None)))[::7]
    missing = URIRef("urn:x:none")
    patterns = [(s, None, None) for s, _, _ in some] + [(s, p, None) for s, p, _ in some]
    patterns += [(s, p, o) for s, p, o in some] + [(s, None, o) for s, _, o in some]
    patterns += [(missing, None, None), (some[0][0], missing, None)]
    patterns.append((some[0][0], RDFS.label / RDFS.label, None))  # a path: rdflib's way
    for pattern in patterns:
        assert list(page.triples(pattern)) == list(plain.triples(pattern)), pattern
    for s, p, _ in some:
        assert page.value(s, p) == plain.value(s, p)
    assert page.value(missing, RDFS.label, default="x") == "x"


def test_the_page_graph_adds_as_its_store_does(stores: dict[str, Any]) -> None:
    """``PageGraph.add_all`` fills the store's three indices as ``SimpleMemory.add`` does one
    triple at a time: the same keys in the same order at every level (the order rdflib reads
    back, and so the page's), duplicates included."""
    from aikg.view.pagegraph import PageGraph

    triples = list(stores["oxigraph"].graph())[:4000]
    triples += triples[::5]  # again: already there
    by_one, at_once = PageGraph(), PageGraph()
    for triple in triples:
        by_one.store.add(triple, by_one, quoted=False)
    at_once.add_all(triples)
    assert at_once._indices is not None

    def nested(index: dict[Any, Any]) -> list[Any]:
        return [(k, nested(v) if isinstance(v, dict) else v) for k, v in index.items()]

    for name in ("spo", "pos", "osp"):
        ours, theirs = (getattr(g.store, f"_SimpleMemory__{name}") for g in (at_once, by_one))
        assert nested(ours) == nested(theirs), name
    assert len(at_once) == len(by_one) == len(set(triples))


def _walk_on_the_network(
    whole: nx.MultiDiGraph, focus: str, depth: int, limit: int
) -> tuple[list[str], list[Any], int]:
    """The folded walk done on the whole graph's network (its edges as the links), the
    reference for what the stores' reads give: (entities, folded, entities not drawn)."""
    from aikg.view.neighbourhood import fold

    reached, frontier, folded, met = {URIRef(focus)}, {URIRef(focus)}, [], set()
    for _ in range(depth):
        links = []
        for node in frontier:
            for _, other, data in whole.out_edges(str(node), data=True):
                if not data.get("provenance"):
                    links.append((node, URIRef(data["property"]), False, URIRef(other)))
            for other, _, data in whole.in_edges(str(node), data=True):
                if not data.get("provenance"):
                    links.append((node, URIRef(data["property"]), True, URIRef(other)))
        frontier, cut = fold(links, reached, limit)
        folded += cut
        met |= {link[3] for link in links}
        reached |= frontier
    return sorted(str(e) for e in reached), folded, len(met - reached)


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
@pytest.mark.parametrize(("focus", "depth", "limit"), [(CNNIC, 1, 2), (CNNIC, 2, 3), (USERS, 1, 4)])
def test_past_max_neighbours_a_relation_the_rest_is_counted_not_drawn(
    stores: dict[str, Any], whole: nx.MultiDiGraph, kind: str, focus: str, depth: int, limit: int
) -> None:
    entities, folded, not_drawn = _walk_on_the_network(whole, focus, depth, limit)
    around = neighbourhood(stores[kind], focus, depth, max_neighbours=limit)
    assert folded and not_drawn > 0  # the bundled graph has relations past the limit here
    assert around.entities == entities
    assert around.folded == folded
    assert around.not_drawn == not_drawn
    for cut in around.folded:
        assert limit <= cut.drawn < cut.total
    # the walk went on from the drawn entities only, and nothing was read past them
    assert set(around.network()) == set(entities)
    everything = neighbourhood(stores[kind], focus, depth, max_neighbours=0)
    assert everything.folded == [] and everything.not_drawn == 0
    assert set(entities) < set(everything.entities)
    assert len(around.graph) < len(everything.graph)


def test_a_page_with_folded_relations_says_what_each_entity_left_out(
    stores: dict[str, Any],
) -> None:
    from aikg.errors import SettingError

    result = draw_view(stores["oxigraph"], focus=CNNIC, lang="en", max_neighbours=2)
    page = page_data(result.html)
    assert page["subtitle"] == "--focus organization:cnnic --depth 1 --max-neighbours 2"
    around = neighbourhood(stores["oxigraph"], CNNIC, 1, max_neighbours=2)
    assert result.not_drawn == around.not_drawn > 0 and result.nodes == len(around.entities)
    mine = page["folded"][CNNIC]
    assert [(f["p"], f["in"], f["drawn"], f["total"]) for f in mine] == [
        (shorten(f.relation), f.incoming, f.drawn, f.total) for f in around.folded
    ]
    assert all(f["l"]["zh"] and f["l"]["en"] for f in mine)  # the relation's labels
    assert "folded" not in page_data(draw_view(stores["oxigraph"], focus=CNNIC).html)
    with pytest.raises(SettingError, match="max_neighbours applies to a neighbourhood alone"):
        draw_view(stores["oxigraph"], query="policies-and-issuers", max_neighbours=2)
    with pytest.raises(SettingError, match="max_neighbours must be 0"):
        neighbourhood(stores["oxigraph"], CNNIC, 1, max_neighbours=-1)


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
@pytest.mark.parametrize(("focus", "depth"), [(CNNIC, 1), (CNNIC, 2), (USERS, 1), (PERSON, 2)])
def test_a_brief_neighbourhood_reads_less_and_gives_the_same_network(
    stores: dict[str, Any], kind: str, focus: str, depth: int
) -> None:
    """``brief`` (what ``aikg serve``'s view fetches) reads what nodes and links need, not the
    page's evidence and series: the same network, node for node and edge for edge."""
    full = neighbourhood(stores[kind], focus, depth)
    brief = neighbourhood(stores[kind], focus, depth, brief=True)
    assert brief.entities == full.entities and len(brief.graph) < len(full.graph)
    a, b = full.network(), brief.network()
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))

    def edges(net: nx.MultiDiGraph) -> list[Any]:
        return sorted(
            (s, o, str(k), sorted(d.items())) for s, o, k, d in net.edges(keys=True, data=True)
        )

    assert edges(a) == edges(b)


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_max_entities_stops_the_walk_nearer_entities_first(
    stores: dict[str, Any], kind: str
) -> None:
    from aikg.errors import SettingError

    one = set(neighbourhood(stores[kind], CNNIC, 1).entities)
    two = neighbourhood(stores[kind], CNNIC, 2)
    assert not two.cut and len(two.entities) > len(one) + 2
    # past the first step: all of it, then the second step's first by IRI
    limit = len(one) + 2
    cut = neighbourhood(stores[kind], CNNIC, 2, max_entities=limit)
    assert cut.cut and len(cut.entities) == limit and set(cut.entities) > one
    assert set(cut.entities) - one == set(sorted(set(two.entities) - one)[:2])
    # within the first step: the focus, then the first by IRI
    inside = neighbourhood(stores[kind], CNNIC, 2, max_entities=3)
    assert inside.cut and inside.entities == sorted([CNNIC, *sorted(one - {CNNIC})[:2]])
    assert not neighbourhood(stores[kind], CNNIC, 1, max_entities=len(one)).cut
    with pytest.raises(SettingError, match="max_entities must be 1 or more"):
        neighbourhood(stores[kind], CNNIC, 1, max_entities=0)
