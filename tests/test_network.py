"""The RDF -> networkx bridge, entity names, and the GraphML / GEXF export."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from aikg.errors import InputError
from aikg.number_display import display_number
from aikg.store.files import load_graph
from aikg.store.stats import entities, summarize
from aikg.view.network import (
    build_network,
    neighbourhood,
    relations,
    resolve,
    short_period,
)
from sample_network import SAMPLE_ENTITIES, T, write_sample


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Graph:
    return load_graph([sample_path])


@pytest.fixture(scope="module")
def net(sample: Graph) -> nx.MultiDiGraph:
    return build_network(sample)


def edge(net: nx.MultiDiGraph, source: str, target: str) -> dict:
    data = net.get_edge_data(str(T[source]), str(T[target]))
    assert data, f"no edge {source} -> {target}"
    assert len(data) == 1
    return next(iter(data.values()))


def test_nodes_are_the_entities_stats_counts(graph: Graph) -> None:
    net = build_network(graph)
    assert set(net.nodes) == {str(e) for e in entities(graph)}
    assert net.number_of_nodes() == summarize(graph).entities


def test_only_entities_become_nodes(net: nx.MultiDiGraph) -> None:
    # membership, role, period, place, source text, annotations, statement are not nodes
    assert set(net.nodes) == SAMPLE_ENTITIES


def test_object_properties_are_labeled_directed_edges(net: nx.MultiDiGraph) -> None:
    empowers = edge(net, "tech", "sector")
    assert (empowers["label_zh"], empowers["label_en"]) == ("赋能", "empowers")
    assert empowers["curie"] == "aikg:empowers"
    assert not empowers["provenance"]
    issued = edge(net, "policy", "ministry")
    assert issued["label_en"] == "issued by"
    assert not net.has_edge(str(T.ministry), str(T.policy))  # directed


def test_a_membership_links_the_person_to_the_organization_by_role(net: nx.MultiDiGraph) -> None:
    member = edge(net, "person", "ministry")
    assert member["curie"] == "org:memberOf"
    assert (member["label_zh"], member["label_en"]) == ("部长", "minister")


def test_simplified_chinese_is_preferred_and_traditional_is_an_alias(net: nx.MultiDiGraph) -> None:
    tech = net.nodes[str(T.tech)]
    assert (tech["label_zh"], tech["label_en"]) == ("测试技术", "test technology")
    assert tech["aliases"] == ["測試技術"]
    assert resolve(net, "測試技術") == str(T.tech)


def test_literals_and_other_resources_are_node_properties(net: nx.MultiDiGraph) -> None:
    props = net.nodes[str(T.policy)]["properties"]
    date = props["https://schema.org/legislationDate"]
    assert date == [{"text": "2024", "datatype": "xsd:gYear"}]
    area = props["https://schema.org/legislationJurisdiction"]
    assert area[0]["zh"] == "测试国" and area[0]["en"] == "Testland"
    assert net.nodes[str(T.policy)]["aliases"] == ["政策甲"]


def test_an_observation_is_labeled_with_value_unit_and_period(net: nx.MultiDiGraph) -> None:
    obs = net.nodes[str(T.observation)]
    assert obs["label_zh"] == "超4500家 · 2024年"
    assert obs["label_en"] == "more than 4,500 · 2024"
    assert obs["name_zh"] == "测试企业数量：超4500家"
    assert (obs["value"], obs["period"]) == ("4500", "2024-01-01/2024-12-31")
    measured = edge(net, "observation", "variable")
    assert measured["curie"] == "schema:variableMeasured"


def test_source_links_are_marked_and_left_out_of_relations(net: nx.MultiDiGraph) -> None:
    mentions = edge(net, "article", "tech")
    assert mentions["provenance"] and mentions["curie"] == "schema:mentions"
    derived = edge(net, "observation", "article")
    assert derived["provenance"]
    assert net.number_of_edges() == 10
    assert relations(net).number_of_edges() == 6
    assert not relations(net).has_edge(str(T.article), str(T.tech))


@pytest.mark.parametrize(
    ("notation", "zh", "en"),
    [
        ("2024-12-31", "2024-12-31", "2024-12-31"),
        ("2024-01-01/2024-12-31", "2024年", "2024"),
        ("2024-01-01/2024-06-30", "2024年1–6月", "Jan–Jun 2024"),
        ("2024-03-01/2024-03-31", "2024年3月", "Mar 2024"),
        ("2024-02-01/2024-02-29", "2024年2月", "Feb 2024"),
        ("2023-02-01/2023-02-28", "2023年2月", "Feb 2023"),
        ("2024-02-01/2024-02-28", "2024-02-01–2024-02-28", "2024-02-01–2024-02-28"),
        ("2023-07-01/2024-06-30", "2023-07-01–2024-06-30", "2023-07-01–2024-06-30"),
        ("../2025-01-22", "≤2025-01-22", "≤2025-01-22"),
        ("2025-01-22/..", "≥2025-01-22", "≥2025-01-22"),
        ("P10Y", "10年间", "10 years"),
        ("P1M", "1个月", "1 month"),
    ],
)
def test_short_period(notation: str, zh: str, en: str) -> None:
    assert short_period(notation, "zh") == zh
    assert short_period(notation, "en") == en


@pytest.mark.parametrize(
    ("number", "text"),
    [
        ("4500", "4,500"),
        ("35.65", "35.65"),
        ("600000000000", "600 billion"),
        ("81200000000", "81.2 billion"),
        ("331000000", "331 million"),
        ("1500000000000", "1.5 trillion"),
        ("999999", "999,999"),
    ],
)
def test_english_number(number: str, text: str) -> None:
    assert display_number(Decimal(number), "en", "words") == text


@pytest.mark.parametrize(
    "name",
    [
        "https://example.org/aikg-test/policy",
        "测试政策",
        "test policy",  # case-insensitive
        "  Test Policy ",
        "政策甲",  # alias
    ],
)
def test_resolve_names_one_entity(net: nx.MultiDiGraph, name: str) -> None:
    assert resolve(net, name) == str(T.policy)


def test_resolve_a_prefixed_name(graph: Graph) -> None:
    net = build_network(graph)
    iri = next(iter(sorted(net.nodes)))
    assert resolve(net, net.nodes[iri]["curie"]) == iri


def test_resolve_refuses_unknown_and_ambiguous_names(net: nx.MultiDiGraph) -> None:
    with pytest.raises(InputError, match=r"no entity named '测试' \(did you mean"):
        resolve(net, "测试")
    with pytest.raises(InputError, match="names 2 entities"):
        resolve(net, "测试部")  # the ministry's label, and an alias of another entity
    with pytest.raises(InputError, match="not an entity"):
        resolve(net, "schema:Organization")
    with pytest.raises(InputError, match="not an entity"):
        resolve(net, "https://example.org/aikg-test/membership")


def test_neighbourhood_by_depth(net: nx.MultiDiGraph) -> None:
    def around(depth: int, provenance: bool = False) -> set[str]:
        found = neighbourhood(net, str(T.policy), depth, provenance)
        return {n.rsplit("/", 1)[1] for n in found}

    assert around(0) == {"policy"}
    assert around(1) == {"policy", "ministry", "sector"}
    assert around(2) == {"policy", "ministry", "sector", "person", "tech", "article"}
    assert around(1, provenance=True) == {"policy", "ministry", "sector", "article"}
    sub = neighbourhood(net, str(T.policy), 1)
    assert sub.has_edge(str(T.policy), str(T.ministry))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_reads_back(cli, sample_path: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"net.{fmt}"
    result = cli("--data", str(sample_path), "export", "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    read = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert set(read.nodes) == SAMPLE_ENTITIES
    policy = read.nodes[str(T.policy)]
    assert policy["label"] == "测试政策"
    assert policy["label_en"] == "Test Policy"
    assert policy["class"] == "schema:Legislation"
    assert policy["schema:legislationDate"] == "2024"
    article = read.nodes[str(T.article)]
    assert set(article["classes"].split()) == {"aikg:SourceDocument", "schema:Article"}
    edges = read.get_edge_data(str(T.tech), str(T.sector))
    labels = {data["label"] for data in edges.values()}
    assert labels == {"赋能"}
    assert {data["property"] for data in edges.values()} == {"aikg:empowers"}
    assert read.number_of_edges() == 10
    flags = [d["provenance"] for _, _, d in read.edges(data=True)]
    assert flags.count(True) == 4


def test_export_network_of_the_bundled_graph_to_stdout(cli, graph: Graph) -> None:
    result = cli("export", "--format", "graphml")
    assert result.returncode == 0, result.stderr
    read = nx.parse_graphml(result.stdout)
    assert read.number_of_nodes() == len(entities(graph))
