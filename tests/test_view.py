"""The HTML of the view, read as a file: self-contained, escaped, deterministic, complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from aikg.namespaces import AIKG, SCHEMA
from aikg.store.files import load_graph
from aikg.store.stats import entities
from aikg.view.network import build_network, neighbourhood
from aikg.view.page import json_for_script, render
from aikg.view.page import page_data as read_page_data
from aikg.view.series import period_position
from sample_network import (
    HOSTILE_LABELS,
    IMG,
    QUOTES,
    SAMPLE_ENTITIES,
    SERIES_QUOTE,
    SERIES_TITLE,
    S,
    T,
    write_hostile,
    write_sample,
    write_series,
)

DATA = re.compile(r'<script type="application/json" id="aikg-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    found = DATA.findall(html)
    assert len(found) == 1
    return json.loads(found[0])


def edges_of(data: dict) -> list[dict]:
    """The page's edges as the page's script reads them: ``[from, to, relation]`` places in
    ``nodes`` and ``relations``, id ``e`` and the place, evidence where there is some."""
    out = []
    for index, (source, target, kind) in enumerate(data["edges"]):
        edge_id = f"e{index}"
        more = data["edgeDetails"].get(edge_id, {})
        out.append(
            {
                "id": edge_id,
                "from": data["nodes"][source]["id"],
                "to": data["nodes"][target]["id"],
                "prov": False,
                "ev": [],
                "docs": [],
                "notes": [],
                **data["relations"][kind],
                **more,
            }
        )
    return out


def evidence(data: dict, refs: list[int]) -> list[dict]:
    return [data["evidence"][ref] for ref in refs]


def source_iris(data: dict, refs: list[int]) -> list[str]:
    return [data["sources"][ref]["iri"] for ref in refs]


def source_named(data: dict, iri: str) -> dict:
    return next(source for source in data["sources"] if source["iri"] == iri)


MEASURE_PROPERTIES = {
    "value": "schema:value",
    "unit": "schema:unitCode",
    "unitText": "schema:unitText",
    "qualifier": "aikg:valueQualifier",
    "period": "sdmx-dimension:refPeriod",
    "area": "sdmx-dimension:refArea",
}


def measure_of(data: dict, iri: str) -> dict:
    """An entity's measure as the page shows it: a missing field is its property's value."""
    details = data["details"][iri]
    found = dict(details["measure"])
    for key, prop in MEASURE_PROPERTIES.items():
        values = details.get("props", {}).get(prop, [])
        if key not in found and len(values) == 1:
            value = values[0]
            if "curie" not in value:
                found[key] = value["text"]
            else:
                found[key] = data["terms"][value["curie"]] if key == "period" else value["curie"]
    return found


def filled(data: dict, point: dict) -> dict:
    """A point of a series as the page shows it: a drawn observation's point is filled in
    from the observation's details."""
    details = data["details"].get(point["obs"])
    if details is None or "name" in point:
        return point
    found = measure_of(data, point["obs"])
    return {
        **point,
        "name": details["name"],
        "stated": found["stated"],
        "qualifier": found.get("qualifier"),
        "ev": details.get("ev", []),
        "docs": details.get("docs", []),
    }


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def bundled_html(graph: Graph) -> str:
    return render(graph).html.decode("utf-8")


def test_json_for_script_cannot_close_the_script() -> None:
    value = {"label": "</script><script>alert(1)</script> & <!-- \u2028", "n": [1, 2]}
    text = json_for_script(value)
    assert not set("<>&") & set(text)
    assert "\u2028" not in text
    assert json.loads(text) == value


def test_the_page_is_one_offline_file(bundled_html: str) -> None:
    html = bundled_html
    assert re.search(r"<(script|img|iframe|link|embed|object)\b[^>]*\b(src|href)=", html) is None
    assert "@import" not in html
    assert re.search(r"url\(\s*(?!['\"]?data:)", html) is None
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "@version 9.1.2" in html  # vis-network, inlined from the pyvis package
    assert "bootstrap" not in html.lower() and "tom-select" not in html.lower()
    assert html.count("</script>") == 3
    assert len(re.findall(r"^<script", html, re.M)) == 3


def test_the_page_draws_every_entity(bundled_html: str, graph: Graph) -> None:
    # the bundled graph's page data is past the size it is deflated at: read it as the page does
    data = read_page_data(bundled_html)
    ids = {node["id"] for node in data["nodes"]}
    assert ids == {str(e) for e in entities(graph)}
    assert set(data["details"]) == ids
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert sum(c["count"] for c in data["classes"]) == len(ids)
    assert len(data["nodes"]) == len(ids)
    for edge in edges_of(data):
        assert edge["from"] in ids and edge["to"] in ids
    assert set(data["edgeDetails"]) <= {edge["id"] for edge in edges_of(data)}
    # each shared thing once: evidence, sources, labels of properties and of other resources
    refs = [ref for d in data["details"].values() for ref in d.get("ev", [])]
    assert refs and all(0 <= ref < len(data["evidence"]) for ref in refs)
    assert all(0 <= e["doc"] < len(data["sources"]) for e in data["evidence"] if "doc" in e)
    assert len({s["iri"] for s in data["sources"]}) == len(data["sources"])
    assert all("title" not in n and "shape" not in n for n in data["nodes"])


def test_the_nodes_are_those_pyvis_would_make(bundled_html: str) -> None:
    """The page's nodes are made as pyvis's ``Network.add_node`` makes them (same keys in the
    same order, the same values), but for the shape it puts on every node; the page no longer
    imports ``pyvis.network``, which imports IPython."""
    from pyvis.network import Network

    nodes = read_page_data(bundled_html)["nodes"]
    vis = Network(directed=True)
    for node in nodes:
        vis.add_node(node["id"], label=node["label"], group=node["group"], size=node["size"],
                     x=node["x"], y=node["y"])  # fmt: skip
    made = [{k: v for k, v in item.items() if k != "shape"} for item in vis.nodes]
    assert [list(item.items()) for item in made] == [list(node.items()) for node in nodes]


def test_rendering_is_deterministic(graph: Graph, bundled_html: str) -> None:
    assert render(graph).html.decode("utf-8") == bundled_html


def test_the_spring_layout_is_networkxs() -> None:
    """``layout._spring`` computes ``nx.spring_layout`` (dense Fruchterman-Reingold), in
    another order of sums: equal to rounding after a step, and after a hundred on a small graph."""
    import networkx as nx

    from aikg.view.layout import _spring

    club = nx.relabel_nodes(nx.Graph(nx.karate_club_graph().edges()), str)
    for steps, within in ((1, 1e-12), (100, 1e-4)):
        theirs = nx.spring_layout(club, seed=7, iterations=steps)
        ours = _spring(club, 7, steps)
        assert max(abs(theirs[n] - ours[n]).max() for n in club) < within


def test_in_order_sorts_terms_as_rdflib_does(graph: Graph) -> None:
    """``network.in_order`` (by text when every term is an IRI) gives ``sorted``'s order: the
    bundled graph's subjects (IRIs), with two blank nodes (rdflib puts them first), and its
    objects (IRIs and literals)."""
    from rdflib import BNode, URIRef

    from aikg.view.network import in_order

    subjects, objects = list(set(graph.subjects())), list(set(graph.objects()))
    assert all(isinstance(t, URIRef) for t in subjects) and len(subjects) > 1000
    for terms in (subjects, [BNode("zz"), *subjects, BNode("a")], objects[:3000]):
        assert in_order(terms) == sorted(terms)


def test_shorten_uses_the_longest_prefix_that_covers_an_iri(graph: Graph) -> None:
    """``namespaces.shorten`` (its namespaces' text read once) on every IRI of the bundled
    graph: the longest of :data:`PREFIXES` that covers it, when the rest is a plain name."""
    from rdflib import URIRef

    from aikg.namespaces import PREFIXES, shorten

    iris = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    shortened = 0
    for iri in iris:
        covering = [(len(str(ns)), p) for p, ns in PREFIXES.items() if iri.startswith(str(ns))]
        length, prefix = max(covering, key=lambda c: c[0], default=(0, ""))
        local = iri[length:]
        plain = prefix and local and "/" not in local and "#" not in local
        assert shorten(iri) == (f"{prefix}:{local}" if plain else iri)
        shortened += bool(plain)
    assert shortened > 1000


def test_a_view_runs_with_the_cycle_collector_paused_then_as_it_was() -> None:
    """``draw.view`` pauses Python's cycle collector while it reads and builds the page, and
    leaves it as it found it: enabled again after a page or an error, still paused if it was."""
    import gc

    from aikg.errors import InputError
    from aikg.view import draw

    seen: list[bool] = []

    def work(fail: bool) -> None:
        seen.append(gc.isenabled())
        if fail:
            raise InputError("no page")

    paused = draw.without_gc_pauses(work)
    assert gc.isenabled()
    paused(False)
    with pytest.raises(InputError):
        paused(True)
    assert seen == [False, False] and gc.isenabled()
    gc.disable()
    try:
        paused(False)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert draw.view.__wrapped__  # type: ignore[attr-defined]


def test_relation_degree_is_the_simple_graph_s_degree(graph: Graph) -> None:
    """``layout.relation_degree`` counts what networkx's simple undirected graph of the
    relations gives as degree: on the bundled network with and without the source links,
    and with loops and relations both ways."""
    import networkx as nx

    from aikg.view.layout import relation_degree
    from aikg.view.network import relations

    net = build_network(graph)
    loops = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "b"), ("a", "a"), ("c", "c")])
    loops.add_edge("d", "a", provenance=True)
    for each in (net, loops):
        for provenance in (False, True):
            simple = nx.Graph(relations(each, provenance).to_undirected(as_view=True))
            assert relation_degree(each, provenance) == dict(simple.degree())


def test_the_grid_and_the_tree_find_the_pairs_comparing_every_pair_finds() -> None:
    """``layout._near_pairs`` above :data:`PAIRWISE_MAX` nodes (a grid, then a k-d tree): the
    same pairs as comparing every pair, each once, on spread, dense and stacked points."""
    import numpy as np

    from aikg.view.layout import _grid_pairs

    def every_pair(points: np.ndarray, radius: float) -> set[tuple[int, int]]:
        i, j = np.triu_indices(len(points), 1)
        near = np.hypot(*(points[i] - points[j]).T) <= radius
        return set(zip(i[near].tolist(), j[near].tolist(), strict=True))

    from scipy.spatial import cKDTree

    rng = np.random.default_rng(3)
    for n, scale in ((450, 0.2), (450, 5.0), (1200, 1.0), (3000, 1.0)):
        points = rng.random((n, 2)) * scale * np.sqrt(n) - 7.5
        points[: n // 10] = points[1]  # a tenth on one point
        points[n // 10 : n // 5, 0] = 2.0  # a fifth on one vertical line
        wanted = every_pair(points, 1.4)
        for found in (
            _grid_pairs(points, 1.4),
            cKDTree(points).query_pairs(1.4, output_type="ndarray"),
        ):
            pairs = [tuple(p) for p in found.tolist()]
            assert len(pairs) == len(set(pairs)) and set(pairs) == wanted, n


def test_no_two_nodes_overlap_labels_included(graph: Graph, bundled_html: str) -> None:
    """The layout's promise, on the bundled graph's whole page: every node's shape and label
    clear every other's (891 pairs overlapped in its largest component before the spread
    grew the layout when stuck)."""
    import numpy as np

    from aikg.view.layout import LABEL_GAP, label_boxes, node_sizes
    from aikg.view.network import build_network
    from aikg.view.page import page_data as read_page  # the bundled page is deflated

    nodes = read_page(bundled_html)["nodes"]
    boxes = label_boxes(build_network(graph), node_sizes(build_network(graph)), "zh")
    p = np.array([(n["x"], n["y"]) for n in nodes])
    box = np.array([boxes[n["id"]] for n in nodes])
    half, top, bottom = box[:, 0] + LABEL_GAP / 2 - 0.2, box[:, 1], box[:, 2]  # 0.1 px rounding
    i, j = np.triu_indices(len(p), 1)
    dx, dy = p[j, 0] - p[i, 0], p[j, 1] - p[i, 1]
    apart_x = half[i] + half[j] - np.abs(dx) <= 0
    apart_y = np.where(dy >= 0, bottom[i] - top[j] - dy, bottom[j] - top[i] + dy) <= 0.2
    clash = ~(apart_x | apart_y)
    assert len(nodes) > 1000 and not clash.any(), [
        (nodes[a]["id"], nodes[b]["id"]) for a, b in zip(i[clash], j[clash], strict=True)
    ][:5]


def test_details_carry_sources_and_quotes(sample_path: Path) -> None:
    data = page_data(render(load_graph([sample_path]), lang="en").html.decode("utf-8"))
    assert data["lang"] == "en"
    ministry = evidence(data, data["details"][str(T.ministry)]["ev"])
    assert ministry[0]["quote"] == "测试部的引文"
    assert (ministry[0]["start"], ministry[0]["end"]) == (10, 16)
    source = data["sources"][ministry[0]["doc"]]
    assert source["title"] == "测试文章的标题"
    assert source["publisher"] == {"zh": "测试部", "en": "Test Ministry"}
    assert source["date"] == "2025-01-02"
    assert source["url"] == "https://example.org/test-article"
    assert source["path"] == "sources/test-article.md"
    empowers = next(
        e for e in edges_of(data) if e["from"] == str(T.tech) and e["to"] == str(T.sector)
    )
    assert evidence(data, empowers["ev"])[0]["quote"] == "技术赋能行业的引文"
    assert {n["text"] for n in empowers["notes"]} == {"提高测试效率", "more efficient tests"}
    assert {data["properties"][n["p"]]["en"] for n in empowers["notes"]} == {"effect"}
    observation = data["details"][str(T.observation)]
    assert observation["measure"]["stated"] == {"zh": "超4500家", "en": "more than 4,500"}
    # the qualifier is read from the observation's property (shared label in "terms")
    assert "qualifier" not in observation["measure"]
    (qualifier,) = observation["props"]["aikg:valueQualifier"]
    assert data["terms"][qualifier["curie"]]["en"] == "more than"
    assert source_iris(data, observation["docs"]) == [str(T.article)]
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[str(T.observation)] == "more than 4,500 · 2024"
    assert labels[str(T.policy)] == "Test Policy"


def test_a_large_page_carries_its_data_deflated(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aikg.view.page as view

    graph = load_graph([sample_path])
    plain = render(graph).html.decode("utf-8")
    monkeypatch.setattr(view, "COMPRESS_ABOVE", 0)
    packed = render(graph).html.decode("utf-8")
    assert DATA.search(packed) is None
    script = (
        r'<script type="application/octet-stream" id="aikg-data" '
        r'data-encoding="deflate;base64">([A-Za-z0-9+/=]+)</script>'
    )
    assert len(re.findall(script, packed)) == 1
    assert view.page_data(packed) == view.page_data(plain) == page_data(plain)
    assert packed.count("</script>") == 3
    assert render(graph).html.decode("utf-8") == packed  # deterministic too


def test_hostile_text_never_reaches_the_html_raw(tmp_path: Path) -> None:
    graph = load_graph([write_hostile(tmp_path)])
    html = render(graph, title="<script>alert('title')</script>").html.decode("utf-8")
    for text in (*HOSTILE_LABELS.values(), IMG, QUOTES):
        assert text not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert html.count("</script>") == 3
    data = page_data(html)
    assert {n["id"] for n in data["nodes"]} >= set(HOSTILE_LABELS)
    assert data["details"][next(iter(HOSTILE_LABELS))]["name"]["zh"] == IMG
    assert all(source["url"] is None for source in data["sources"])


def test_view_command_focus(cli, sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    result = cli(
        "--data", str(sample_path), "view", "--focus", "测试政策", "--depth", "1", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "Wrote" in result.stdout and "3 entities" in result.stdout
    data = page_data(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {str(T.policy), str(T.ministry), str(T.sector)}
    assert data["select"] == str(T.policy)
    assert data["subtitle"] == "--focus t:policy --depth 1" or "--depth 1" in data["subtitle"]


def test_view_command_max_neighbours(cli, tmp_path: Path) -> None:
    """Past --max-neighbours entities a relation, the rest is not drawn and the summary says
    how many; the option needs --focus (exit 2, one line)."""
    out = tmp_path / "cnnic.html"
    result = cli("view", "--focus", "organization:cnnic", "--max-neighbours", "1", "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    cut = data["folded"]["https://w3id.org/aikg/id/organization/cnnic"]
    left = sum(f["total"] - f["drawn"] for f in cut)
    assert left >= int(result.stdout.split("KiB; ")[1].split(" linked")[0].replace(",", "")) > 0
    assert "linked entities not drawn, past 1 a relation: --max-neighbours 0 draws them" in (
        result.stdout
    )
    assert data["subtitle"].endswith("--max-neighbours 1")
    every = cli("view", "--focus", "organization:cnnic", "--max-neighbours", "0", "-o", str(out))
    assert every.returncode == 0 and "not drawn" not in every.stdout
    assert len(page_data(out.read_text(encoding="utf-8"))["nodes"]) > len(data["nodes"])
    for args, message in (
        (["--max-neighbours", "3"], "aikg: error: --max-neighbours needs --focus\n"),
        (["--focus", "cnnic", "--max-neighbours", "-1"], "Invalid value for '--max-neighbours'"),
    ):
        refused = cli("view", *args, "-o", str(tmp_path / "no.html"))
        assert refused.returncode == 2 and message in refused.stderr
        assert "Traceback" not in refused.stderr
    assert not (tmp_path / "no.html").exists()


def test_view_to_stdout_writes_the_page_there_and_no_file(
    cli, sample_path: Path, tmp_path: Path
) -> None:
    """``-o -`` is stdout, as for the other commands (it wrote a file named "-")."""
    result = cli("--data", str(sample_path), "view", "--focus", "测试政策", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert {n["id"] for n in page_data(result.stdout)["nodes"]} >= {str(T.policy)}
    assert "Wrote the page (3 entities" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_view_command_query(cli, sample_path: Path, tmp_path: Path) -> None:
    query = tmp_path / "sectors.rq"
    query.write_text(
        "PREFIX aikg: <https://w3id.org/aikg/ontology#>\n"
        "CONSTRUCT { ?s aikg:appliesToSector ?sector . ?t aikg:empowers ?sector }\n"
        "WHERE { { ?s aikg:appliesToSector ?sector } UNION { ?t aikg:empowers ?sector } }\n",
        encoding="utf-8",
    )
    out = tmp_path / "query.html"
    result = cli("--data", str(sample_path), "view", "--query", str(query), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {str(T.policy), str(T.tech), str(T.sector)}
    assert len(data["edges"]) == 2
    # the panel still has the whole graph's details
    assert data["details"][str(T.policy)]["aliases"] == ["政策甲"]


def test_view_command_refuses_a_select_query(cli, sample_path: Path, tmp_path: Path) -> None:
    query = tmp_path / "select.rq"
    query.write_text("SELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    result = cli("--data", str(sample_path), "view", "--query", str(query), cwd=tmp_path)
    assert result.returncode == 2
    assert "SELECT query; --query draws a CONSTRUCT or DESCRIBE query" in result.stderr
    assert not (tmp_path / "build").exists()


def test_view_command_default_output_and_language(cli, sample_path: Path, tmp_path: Path) -> None:
    result = cli("--data", str(sample_path), "view", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "build" / "graph.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    data = page_data(html)
    assert {n["id"] for n in data["nodes"]} == SAMPLE_ENTITIES
    assert {n["label"] for n in data["nodes"]} >= {"Test Policy", "Test Ministry"}


@pytest.mark.slow
def test_build_writes_the_view(cli, graph: Graph, tmp_path: Path) -> None:
    result = cli("build", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    data = read_page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == len(entities(graph))
    assert str(tmp_path / "graph.html") in result.stdout


def test_view_command_saved_query_with_parameter(cli, sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "entity.html"
    result = cli(
        "--data", str(sample_path), "view", "--query", "entity",
        "--param", f"entity={T.policy}", "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    ids = {n["id"] for n in data["nodes"]}
    assert {str(T.policy), str(T.ministry), str(T.sector)} <= ids <= SAMPLE_ENTITIES
    edges = {(e["from"], e["to"]) for e in edges_of(data)}
    assert (str(T.policy), str(T.ministry)) in edges


def test_view_command_query_runs_on_the_chosen_store(
    cli, sample_path: Path, tmp_path: Path
) -> None:
    """The saved query of ``view --query`` runs on the store ``--store`` names, with its
    parameters bound as on every store: a persistent Oxigraph store is loaded for it (the
    rdflib graph of the view is read from the files and would not load it)."""
    folder = tmp_path / "db"
    out = tmp_path / "entity.html"
    result = cli(
        "--store", f"oxigraph:{folder}", "--data", str(sample_path),
        "view", "--query", "entity", "--param", f"entity={T.policy}", "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (folder / "aikg-store.json").is_file() and "Loaded" in result.stderr
    ids = {n["id"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]}
    assert {str(T.policy), str(T.ministry), str(T.sector)} <= ids <= SAMPLE_ENTITIES
    bad = cli(
        "--store", "memory", "--data", str(sample_path),
        "view", "--query", "entity", "--param", "entity=not an iri", "-o", str(out),
    )  # fmt: skip
    assert bad.returncode == 2 and "'not an iri' is not an IRI" in bad.stderr


# --- the series chart's data ------------------------------------------------------------------


@pytest.fixture(scope="module")
def series_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return load_graph([write_series(tmp_path_factory.mktemp("series"))])


def chart_points(entry: dict) -> list[str]:
    """Every observation a variable's series data holds, plotted or listed."""
    return [
        point["obs"]
        for chart in entry["charts"]
        for series in chart["series"]
        for point in series["points"] + series["unplaced"]
    ]


@pytest.mark.parametrize(
    ("notation", "position"),
    [
        ("2024-12-31", "2024-12-31"),
        ("2024-01-01/2024-09-30", "2024-09-30"),
        ("../2025-01-22", None),
        ("2024-01-01/..", None),
        ("P10Y", None),
        ("", None),
        (None, None),
    ],
)
def test_period_position(notation: str | None, position: str | None) -> None:
    assert period_position(notation) == position


def test_series_of_a_variable_in_period_order_with_sources(series_graph: Graph) -> None:
    data = page_data(render(series_graph, lang="en").html.decode("utf-8"))
    users = data["series"][str(S.users)]
    assert users["count"] == 7  # four on the axis, two not, one in another breakdown
    (chart,) = users["charts"]
    assert chart["unit"] == "unit:NUM"
    overall, young = chart["series"]
    assert overall["breakdown"] == [] and overall["area"] == {"zh": "测试国", "en": "Testland"}
    assert [b["p"] for b in young["breakdown"]] == ["sdmx-dimension:age"]
    assert young["breakdown"][0]["v"]["en"] == "young people"
    assert [p["obs"] for p in young["points"]] == [str(S["obs-young-2024"])]
    # in period order (an interval at its end); one point from two sources, the earlier first
    assert [p["obs"] for p in overall["points"]] == [
        str(S["obs-2022"]), str(S["obs-2023-b"]), str(S["obs-2023-a"]), str(S["obs-2024"])
    ]  # fmt: skip
    assert [p["x"] for p in overall["points"]] == [
        "2022-12-31", "2023-12-31", "2023-12-31", "2024-12-31"
    ]  # fmt: skip
    assert [p["y"] for p in overall["points"]] == [100, 150, 150, 200]
    assert overall["points"][3]["period"] == "2024-01-01/2024-12-31"
    assert overall["points"][3]["periodText"] == {"zh": "2024年", "en": "2024"}
    # an open start and a duration are listed, not placed
    assert [(p["obs"], p["x"]) for p in overall["unplaced"]] == [
        (str(S["obs-decade"]), None), (str(S["obs-open"]), None)
    ]  # fmt: skip
    # a drawn observation's point leaves its name, value, evidence to the observation's details
    assert not {"name", "stated", "qualifier", "ev", "docs"} & set(overall["points"][0])
    points = [filled(data, p) for p in overall["points"]]
    # the qualifier travels with the point
    first = points[0]
    assert data["terms"][first["qualifier"]]["en"] == "more than"
    assert first["stated"] == {"zh": "超100人", "en": "more than 100"}
    assert first["name"]["en"] == data["details"][first["obs"]]["name"]["en"]
    assert points[1]["qualifier"] is None
    # each point's own source, with its quote
    b, a = points[1], points[2]
    assert source_iris(data, b["docs"]) == [str(S["doc-b"])]
    assert source_iris(data, a["docs"]) == [str(S["doc-a"])]
    quote_a, quote_b = evidence(data, a["ev"])[0], evidence(data, b["ev"])[0]
    assert quote_a["quote"] == "用户规模达150人"
    assert data["sources"][quote_a["doc"]]["iri"] == str(S["doc-a"])
    assert quote_b["quote"] == SERIES_QUOTE
    assert source_named(data, str(S["doc-a"]))["url"] == "https://example.org/users-report"
    assert source_named(data, str(S["doc-a"]))["title"] == "测试用户报告的标题"
    assert source_named(data, str(S["doc-b"]))["title"] == SERIES_TITLE
    assert source_named(data, str(S["doc-b"]))["url"] is None  # javascript: is no link


def test_series_leave_out_targets_conversions_and_other_scopes(series_graph: Graph) -> None:
    data = page_data(render(series_graph).html.decode("utf-8"))
    users = chart_points(data["series"][str(S.users)])
    assert len(users) == len(set(users)) == 7
    assert str(S["target-2027"]) not in users  # a target is not an observed point
    assert str(S["obs-2024-converted"]) not in users  # a source's conversion, not a statement
    assert not {str(S["obs-wide-2023"]), str(S["obs-wide-2024"])} & set(users)
    wide = data["series"][str(S["users-wide"])]
    assert chart_points(wide) == [str(S["obs-wide-2023"]), str(S["obs-wide-2024"])]
    assert str(S.single) in data["details"] and str(S.single) not in data["series"]
    assert str(S["target-2027"]) in data["details"]  # still drawn, as a target


def test_series_of_a_focused_variable_keep_every_point(series_graph: Graph) -> None:
    net = build_network(series_graph)
    html = render(series_graph, neighbourhood(net, str(S.users), 0)).html.decode("utf-8")
    data = page_data(html)
    assert set(data["details"]) == {str(S.users)}
    assert set(data["series"]) == {str(S.users)}
    assert len(chart_points(data["series"][str(S.users)])) == 7
    assert {str(S["doc-a"]), str(S["doc-b"])} <= {source["iri"] for source in data["sources"]}
    # observations not drawn: their points carry their own name, value, evidence and sources
    for chart in data["series"][str(S.users)]["charts"]:
        for series in chart["series"]:
            for point in series["points"] + series["unplaced"]:
                assert point["name"]["zh"] and point["stated"]["zh"] and point["docs"]
    (point,) = [
        p
        for c in data["series"][str(S.users)]["charts"]
        for s in c["series"]
        for p in s["points"]
        if p["obs"] == str(S["obs-2023-a"])
    ]
    assert evidence(data, point["ev"])[0]["quote"] == "用户规模达150人"


def test_a_drawn_observation_s_point_leaves_to_its_details_what_an_undrawn_one_carries(
    series_graph: Graph,
) -> None:
    """A series point of a drawn observation has no name, stated value, qualifier, evidence
    or sources (its details have them); filled in from them it is the point a page where the
    observation is not drawn carries itself."""
    whole = page_data(render(series_graph).html.decode("utf-8"))
    alone = page_data(
        render(
            series_graph, neighbourhood(build_network(series_graph), str(S.users), 0)
        ).html.decode("utf-8")
    )

    def points(data: dict) -> dict[str, dict]:
        found = {}
        for chart in data["series"][str(S.users)]["charts"]:
            for series in chart["series"]:
                for point in series["points"] + series["unplaced"]:
                    found[point["obs"]] = {
                        **point,
                        "ev": [e["quote"] for e in evidence(data, point.get("ev", []))],
                        "docs": source_iris(data, point.get("docs", [])),
                    }
        return found

    drawn, undrawn = points(whole), points(alone)
    assert set(drawn) == set(undrawn) and len(drawn) == 7
    for obs, point in drawn.items():
        assert obs in whole["details"] and obs not in alone["details"]
        raw = next(
            p
            for c in whole["series"][str(S.users)]["charts"]
            for s in c["series"]
            for p in s["points"] + s["unplaced"]
            if p["obs"] == obs
        )
        assert not {"name", "stated", "qualifier", "ev", "docs"} & set(raw)
        filled_in = filled(whole, raw)
        assert {**point, **filled_in, "ev": [e["quote"] for e in evidence(whole, filled_in["ev"])],
                "docs": source_iris(whole, filled_in["docs"]),
                "qualifier": whole["terms"].get(filled_in["qualifier"])}  == {
            **undrawn[obs], "qualifier": alone["terms"].get(undrawn[obs].get("qualifier"))
        }  # fmt: skip


def test_the_label_cache_answers_as_the_label_picker(graph: Graph) -> None:
    """:class:`aikg.labels.Labels` (the page's labels, each node's read once) gives what
    ``labels`` and ``texts`` give, for every node of the bundled graph, asked twice; and the
    page's stated values and periods, read through it, are those read without it."""
    from rdflib import URIRef

    from aikg.labels import Labels, labels, texts
    from aikg.view.network import period_text, value_text
    from aikg.view.panel import Facts

    known = Labels(graph)
    nodes = sorted({t for triple in graph for t in triple if isinstance(t, URIRef)})
    for node in nodes + nodes[::-1]:
        assert known(node) == labels(graph, node)
        assert known.texts(node) == texts(graph, node)
    facts = Facts(graph)
    measured = sorted(
        set(graph.subjects(RDF.type, SCHEMA.Observation))
        | set(graph.subjects(RDF.type, AIKG.Target))
    )
    assert len(measured) > 50
    for obs in measured:
        for lang in ("zh", "en"):
            assert facts.stated(obs)[lang] == value_text(graph, obs, lang)
            assert facts.period(obs)[lang] == period_text(graph, obs, lang)


def test_bundled_series_match_the_graph(bundled_html: str, graph: Graph) -> None:
    """Every variable with several observations has its series; points never mix variables."""
    observed: dict[str, set[str]] = {}
    for obs in graph.subjects(RDF.type, SCHEMA.Observation):
        if (obs, AIKG.currencyConversionOf, None) in graph:
            continue
        for var in graph.objects(obs, SCHEMA.variableMeasured):
            observed.setdefault(str(var), set()).add(str(obs))
    several = {var for var, found in observed.items() if len(found) >= 2}
    data = read_page_data(bundled_html)
    assert set(data["series"]) == several
    assert several  # the bundled graph has series (generative-AI users, internet users ...)
    for var, entry in data["series"].items():
        assert set(chart_points(entry)) == observed[var]
        assert entry["count"] == len(observed[var])
        for chart in entry["charts"]:
            for series in chart["series"]:
                xs = [p["x"] for p in series["points"]]
                assert xs == sorted(xs) and all(xs)
