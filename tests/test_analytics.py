"""Centrality, components, classes, shortest paths; ``aikg analyze`` and ``aikg path``."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from aikg.errors import FindingsError
from aikg.store.files import load_graph
from aikg.view.analytics import analyze, shortest_path
from aikg.view.network import build_network
from sample_network import SAMPLE_ENTITIES, T, write_sample


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def net(sample_path: Path) -> nx.MultiDiGraph:
    return build_network(load_graph([sample_path]))


def test_ranking_components_and_classes(net: nx.MultiDiGraph) -> None:
    result = analyze(net, top=3, lang="en")
    assert result.entities == 9
    assert result.relations == 6
    assert result.central[0].iri == str(T.ministry)  # between policy, person and article
    assert result.central[0].label == "Test Ministry"
    assert result.central[0].degree == 3
    assert [r.iri for r in result.by_degree][:1] == [str(T.ministry)]
    sizes = [c.size for c in result.components]
    assert sizes == [6, 2, 1]
    assert result.isolated == 1
    assert result.components[-1].members == [str(T.lonely)]
    counts = {c.cls: c.count for c in result.by_class}
    assert counts["aikg:Technology"] == 2
    assert counts["aikg:SourceDocument"] == 1  # a document that is also an article counts once
    assert sum(counts.values()) == 9


def test_source_links_join_components_when_asked(net: nx.MultiDiGraph) -> None:
    result = analyze(net, provenance=True)
    assert [c.size for c in result.components] == [8, 1]
    assert result.relations == 10


def test_shortest_path_reads_as_a_sentence(net: nx.MultiDiGraph) -> None:
    found = shortest_path(net, str(T.tech), str(T.person))
    assert found.sentence(net, "zh") == (
        "测试技术 —赋能→ 测试行业 ←适用行业— 测试政策 —发布机构→ 测试部 ←部长— 张测试"
    )
    assert found.sentence(net, "en") == (
        "test technology —empowers→ test sector ←applies to sector— Test Policy "
        "—issued by→ Test Ministry ←minister— Zhang Ceshi"
    )
    assert found.statements(net, "en")[1] == "Test Policy applies to sector test sector"
    assert len(found.steps) == 4


def test_no_path_is_a_finding(net: nx.MultiDiGraph) -> None:
    with pytest.raises(FindingsError, match="no path between 孤立技术 and 测试政策"):
        shortest_path(net, str(T.lonely), str(T.policy))
    with pytest.raises(FindingsError, match="no directed path"):
        shortest_path(net, str(T.policy), str(T.tech), directed=True)
    assert len(shortest_path(net, str(T.policy), str(T.person)).steps) == 2
    directed = shortest_path(net, str(T.person), str(T.ministry), directed=True)
    assert directed.sentence(net, "en") == "Zhang Ceshi —minister→ Test Ministry"


def test_source_links_open_paths_when_asked(net: nx.MultiDiGraph) -> None:
    with pytest.raises(FindingsError):
        shortest_path(net, str(T.observation), str(T.policy))
    found = shortest_path(net, str(T.observation), str(T.policy), provenance=True)
    assert found.sentence(net, "en").startswith("more than 4,500 · 2024 —derived from→ ")


def test_analyze_command_json(cli, sample_path: Path) -> None:
    result = cli("--data", str(sample_path), "analyze", "--json", "--top", "2", "--lang", "en")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["entities"] == 9
    assert data["most_central"][0]["iri"] == str(T.ministry)
    assert data["most_central"][0]["label"] == "Test Ministry"
    assert len(data["most_central"]) <= 2
    assert data["isolated"] == 1
    assert {m for c in data["components"] for m in c["members"]} < SAMPLE_ENTITIES


def test_analyze_command_tables(cli, graph: Graph) -> None:
    result = cli("analyze", "--top", "3")
    assert result.returncode == 0, result.stderr
    net = build_network(graph)
    assert result.stdout.startswith(f"{net.number_of_nodes()} entities, ")
    for heading in ("Most central", "Most connected", "Components", "Entities by class"):
        assert heading in result.stdout


def test_path_command(cli, sample_path: Path) -> None:
    result = cli("--data", str(sample_path), "path", "测试技术", "Zhang Ceshi")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("测试技术 —赋能→ 测试行业")
    assert lines[0].endswith("←部长— 张测试")
    assert lines[1] == "4 relations"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["path", "孤立技术", "测试政策"], 1, "no path between 孤立技术 and 测试政策"),
        (["path", "nothing-like-it", "测试政策"], 2, "no entity named 'nothing-like-it'"),
        (["path", "测试部", "测试政策"], 2, "names 2 entities"),
        (["analyze", "--top", "0"], 2, "--top"),
        (["view", "--depth", "2"], 2, "--depth needs --focus"),
        (["view", "--lang", "fr"], 2, "--lang"),
        (["view", "--focus", "no-such-entity"], 2, "no entity named"),
        (["view", "--param", "a=b"], 2, "--param needs --query"),
        (["view", "--query", "no-such-query"], 2, "no saved query named"),
        (["view", "--screenshot", "x.png", "--size", "huge"], 2, "WIDTHxHEIGHT"),
        (["view", "--select", "测试"], 2, "no entity named"),
    ],
)
def test_bad_input_is_one_line(
    cli, sample_path: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = cli("--data", str(sample_path), *args, cwd=tmp_path)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
@pytest.mark.parametrize("links", [False, True])
def test_the_store_skeleton_gives_the_same_analysis(
    sample_path: Path, net: nx.MultiDiGraph, kind: str, links: bool
) -> None:
    """``analyze`` reads the entities and relations from the store, and names only the entities
    it shows: the result is the whole network's."""
    from aikg.store import open_store
    from aikg.view.skeleton import describe, skeleton

    store = open_store(kind, [sample_path])
    light = skeleton(store)
    assert set(light) == set(net) and light.number_of_edges() == net.number_of_edges()
    found = analyze(light, top=3, lang="en", provenance=links, named=lambda n: describe(store, n))
    assert found.as_dict("en") == analyze(net, top=3, lang="en", provenance=links).as_dict("en")


def test_betweenness_is_sampled_on_a_large_network_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import aikg.view.analytics as analytics

    small, large = nx.path_graph(50), nx.path_graph(200_000)
    assert analytics.sample_size(small) is None  # exact
    assert analytics.sample_size(large) == analytics.BETWEENNESS_SAMPLE_MIN
    monkeypatch.setattr(analytics, "BETWEENNESS_WORK", 1000)  # a small network sampled
    found = analyze(nx.MultiDiGraph(nx.path_graph(300)), top=1)
    assert found.betweenness_sample == analytics.BETWEENNESS_SAMPLE_MIN
    assert found.as_dict()["betweenness_seed"] == analytics.BETWEENNESS_SEED
