"""The HTML of the view, read as a file: self-contained, escaped, deterministic, complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from aikg.loading import load_graph
from aikg.stats import entities
from aikg.view import json_for_script, render
from sample_network import (
    HOSTILE_LABELS,
    IMG,
    QUOTES,
    SAMPLE_ENTITIES,
    T,
    write_hostile,
    write_sample,
)

DATA = re.compile(r'<script type="application/json" id="aikg-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    found = DATA.findall(html)
    assert len(found) == 1
    return json.loads(found[0])


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
    data = page_data(bundled_html)
    ids = {node["id"] for node in data["nodes"]}
    assert ids == {str(e) for e in entities(graph)}
    assert set(data["details"]) == ids
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert sum(c["count"] for c in data["classes"]) == len(ids)
    for edge in data["edges"]:
        assert edge["from"] in ids and edge["to"] in ids
        assert edge["id"] in data["edgeDetails"]


def test_rendering_is_deterministic(graph: Graph, bundled_html: str) -> None:
    assert render(graph).html.decode("utf-8") == bundled_html


def test_details_carry_sources_and_quotes(sample_path: Path) -> None:
    data = page_data(render(load_graph([sample_path]), lang="en").html.decode("utf-8"))
    assert data["lang"] == "en"
    ministry = data["details"][str(T.ministry)]
    assert ministry["ev"][0]["quote"] == "测试部的引文"
    assert (ministry["ev"][0]["start"], ministry["ev"][0]["end"]) == (10, 16)
    source = data["sources"][ministry["ev"][0]["doc"]]
    assert source["title"] == "测试文章的标题"
    assert source["publisher"] == {"zh": "测试部", "en": "Test Ministry"}
    assert source["date"] == "2025-01-02"
    assert source["url"] == "https://example.org/test-article"
    assert source["path"] == "sources/test-article.md"
    empowers = next(
        data["edgeDetails"][e["id"]]
        for e in data["edges"]
        if e["from"] == str(T.tech) and e["to"] == str(T.sector)
    )
    assert empowers["ev"][0]["quote"] == "技术赋能行业的引文"
    assert {n["text"] for n in empowers["notes"]} == {"提高测试效率", "more efficient tests"}
    observation = data["details"][str(T.observation)]
    assert observation["measure"]["stated"] == {"zh": "超4500家", "en": "more than 4,500"}
    assert observation["measure"]["qualifier"]["en"] == "more than"
    assert observation["docs"] == [str(T.article)]
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[str(T.observation)] == "more than 4,500 · 2024"
    assert labels[str(T.policy)] == "Test Policy"


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
    assert all(source["url"] is None for source in data["sources"].values())


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


def test_build_writes_the_view(cli, graph: Graph, tmp_path: Path) -> None:
    result = cli("build", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    data = page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
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
    edges = {(e["from"], e["to"]) for e in data["edges"]}
    assert (str(T.policy), str(T.ministry)) in edges
