"""Output formats of ``aikg query``: each one is read back with a standard parser."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result as RdflibResult

from aikg.errors import InputError
from aikg.query.catalog import load_catalog, parse_query
from aikg.query.results import (
    Boolean,
    GraphResult,
    Table,
    choose_format,
    comparable_rows,
    parse_json_results,
    render,
)
from aikg.query.run import run_embedded
from query_sample import T, write_sample

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def table(graph: Graph) -> Table:
    """Rows with IRIs, numbers, plain and unbound cells: the metrics of the graph."""
    result = run_embedded(CATALOG["metrics"], graph=graph)
    assert isinstance(result, Table)
    assert result.rows, "the graph has observations"
    assert any(None in row for row in result.rows), "some observation has no qualifier"
    return result


@pytest.fixture(scope="module")
def tricky() -> Table:
    """Cells that formats must escape: separators, quotes, line breaks, tabs, pipes."""
    return Table(
        ["text", "iri", "number", "tagged"],
        [
            (Literal('a,b "c"\nd\te|f\\'), URIRef("https://example.org/a"), None, None),
            (
                Literal(""),
                None,
                Literal("23.50", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
                Literal("人工智能", lang="zh-hans"),
            ),
        ],
    )


def _rdflib_rows(data: bytes, fmt: str) -> list[tuple]:
    parsed = RdflibResult.parse(io.BytesIO(data), format=fmt)
    return [tuple(row[v] for v in parsed.vars) for row in parsed]


@pytest.mark.parametrize("name", ["table", "tricky"])
def test_json_is_sparql_results_json(name: str, request: pytest.FixtureRequest) -> None:
    result: Table = request.getfixturevalue(name)
    data = render(result, "json")
    document = json.loads(data)
    assert document["head"]["vars"] == result.variables
    assert len(document["results"]["bindings"]) == len(result.rows)
    back = parse_json_results(document)
    assert isinstance(back, Table)
    assert comparable_rows(back.rows) == comparable_rows(result.rows)
    assert comparable_rows(_rdflib_rows(data, "json")) == comparable_rows(result.rows)


@pytest.mark.parametrize("name", ["table", "tricky"])
def test_xml_is_sparql_results_xml(name: str, request: pytest.FixtureRequest) -> None:
    result: Table = request.getfixturevalue(name)
    data = render(result, "xml")
    root = ElementTree.fromstring(data)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    names = [v.get("name") for v in root.iter(ns + "variable")]
    assert names == result.variables
    assert len(list(root.iter(ns + "result"))) == len(result.rows)
    assert comparable_rows(_rdflib_rows(data, "xml")) == comparable_rows(result.rows)


@pytest.mark.parametrize("name", ["table", "tricky"])
def test_csv_is_sparql_results_csv(name: str, request: pytest.FixtureRequest) -> None:
    result: Table = request.getfixturevalue(name)
    data = render(result, "csv").decode("utf-8")
    assert data.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[0] == result.variables
    expected = [["" if t is None else str(t) for t in row] for row in result.rows]
    assert rows[1:] == expected


@pytest.mark.parametrize("name", ["table", "tricky"])
def test_tsv_is_sparql_results_tsv(name: str, request: pytest.FixtureRequest) -> None:
    result: Table = request.getfixturevalue(name)
    data = render(result, "tsv")
    lines = data.decode("utf-8").split("\n")
    assert lines[0].split("\t") == [f"?{v}" for v in result.variables]
    assert len([line for line in lines[1:] if line]) == len(result.rows)
    assert comparable_rows(_rdflib_rows(data, "tsv")) == comparable_rows(result.rows)


def test_markdown_is_one_line_per_row(tricky: Table) -> None:
    lines = render(tricky, "md").decode("utf-8").splitlines()
    assert lines[0] == "| text | iri | number | tagged |"
    assert len(lines) == 2 + len(tricky.rows)
    for line in lines[2:]:
        cells = line.replace("\\|", "").split("|")
        assert len(cells) == len(tricky.variables) + 2
    assert "<br>" in lines[2]


def test_the_table_format_writes_a_readable_table(tricky: Table) -> None:
    text = render(tricky, "table").decode("utf-8")
    for name in tricky.variables:
        assert name in text
    assert "2 rows" in text


def test_ask_results() -> None:
    assert json.loads(render(Boolean(True), "json")) == {"head": {}, "boolean": True}
    root = ElementTree.fromstring(render(Boolean(False), "xml"))
    assert root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "false"
    assert render(Boolean(True), "csv") == b"boolean\r\ntrue\r\n"


@pytest.mark.parametrize(
    ("fmt", "parser"), [("turtle", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")]
)
def test_graph_formats_parse_back(graph: Graph, fmt: str, parser: str) -> None:
    result = run_embedded(CATALOG["entity"], {"entity": "organization:cnnic"}, graph=graph)
    assert isinstance(result, GraphResult) and len(result.graph) > 0
    back = Graph().parse(data=render(result, fmt), format=parser)
    assert isomorphic(back, result.graph)


def test_formats_must_fit_the_result() -> None:
    with pytest.raises(InputError, match="this query gives a graph"):
        choose_format(GraphResult(Graph()), "csv", None, True)
    with pytest.raises(InputError, match="for CONSTRUCT and DESCRIBE results"):
        choose_format(Table(["x"]), "turtle", None, True)
    with pytest.raises(InputError, match="this query gives a graph"):
        choose_format(GraphResult(Graph()), None, Path("g.csv"), False)
    with pytest.raises(InputError, match="unknown format 'yaml'"):
        choose_format(Table(["x"]), "yaml", None, True)


def test_default_formats() -> None:
    assert choose_format(Table(["x"]), None, None, True) == "table"
    assert choose_format(Table(["x"]), None, None, False) == "csv"
    assert choose_format(Table(["x"]), None, Path("out.json"), True) == "json"
    assert choose_format(Table(["x"]), None, Path("out.unknown"), True) == "csv"
    assert choose_format(GraphResult(Graph()), None, None, True) == "turtle"
    assert choose_format(GraphResult(Graph()), None, Path("g.nt"), False) == "nt"


# --------------------------------------------------------------------------------------------
# Through the command line (on the small sample graph, to keep the runs short)


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("formats-sample"))


@pytest.fixture(scope="module")
def sample_metrics(sample_file: Path) -> Table:
    result = run_embedded(CATALOG["metrics"], data=[sample_file])
    assert isinstance(result, Table) and len(result.rows) == 9
    return result


def test_piped_output_is_csv_by_default(cli, sample_file: Path, sample_metrics: Table) -> None:
    done = cli("--data", str(sample_file), "query", "metrics")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout, newline="")))
    assert rows[0] == sample_metrics.variables
    assert len(rows) == len(sample_metrics.rows) + 1


@pytest.mark.parametrize(
    ("fmt", "suffix", "parser"),
    [("json", ".srj", "json"), ("xml", ".srx", "xml"), ("tsv", ".tsv", "tsv")],
)
def test_output_files_in_each_format(
    cli,
    sample_file: Path,
    sample_metrics: Table,
    tmp_path: Path,
    fmt: str,
    suffix: str,
    parser: str,
) -> None:
    out = tmp_path / f"metrics{suffix}"
    done = cli("--data", str(sample_file), "query", "metrics", "--format", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert f"Wrote {len(sample_metrics.rows)} rows to {out} ({fmt})" in done.stderr
    got = comparable_rows(_rdflib_rows(out.read_bytes(), parser))
    assert got == comparable_rows(sample_metrics.rows)
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary file is left"


def test_the_output_format_follows_the_file_suffix(
    cli, sample_file: Path, sample_metrics: Table, tmp_path: Path
) -> None:
    out = tmp_path / "metrics.md"
    done = cli("--data", str(sample_file), "query", "metrics", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(sample_metrics.rows) + 2


def test_a_construct_query_writes_turtle(cli, sample_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "o3.ttl"
    given = ("--param", f"entity={T}o3")
    done = cli("--data", str(sample_file), "query", "entity", *given, "-o", str(out))
    assert done.returncode == 0, done.stderr
    expected = run_embedded(CATALOG["entity"], {"entity": T + "o3"}, data=[sample_file])
    assert isinstance(expected, GraphResult)
    assert isomorphic(Graph().parse(out, format="turtle"), expected.graph)
    for wrong in (["--format", "csv"], ["-o", str(tmp_path / "o3.csv")]):
        done = cli("query", "entity", *given, *wrong)
        assert done.returncode == 2
        assert done.stderr.startswith("aikg: error: format 'csv' is for SELECT and ASK results")
    assert not (tmp_path / "o3.csv").exists()


def test_an_ask_query_from_the_command_line(cli, sample_file: Path) -> None:
    text = "ASK { ?s a <https://schema.org/Observation> }"
    done = cli("--data", str(sample_file), "query", "-e", text, "-f", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"head": {}, "boolean": True}


def test_an_unchanged_query_gives_the_same_bytes(graph: Graph) -> None:
    query = parse_query(
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?o WHERE { ?o a schema:Observation } ORDER BY STR(?o)",
        "q",
        "q.rq",
    )
    first = render(run_embedded(query, graph=graph), "csv")
    assert first == render(run_embedded(query, graph=graph), "csv")


def test_oxigraph_json_writes_the_bytes_the_rdflib_path_writes() -> None:
    """The server's SPARQL JSON straight from pyoxigraph's terms equals ``render(..., "json")``
    of the same rows as rdflib terms: every kind of term, escapes, an unbound variable."""
    import pyoxigraph as ox

    from aikg.query.results import oxigraph_json
    from aikg.query.run import oxigraph_result

    query = r"""
        SELECT ?s ?o ?unbound WHERE {
          VALUES (?s ?o) {
            (<https://e.org/a> "plain")
            (<https://e.org/b> "人工智能"@zh-hans)
            (<https://e.org/c> 42)
            (<https://e.org/d> "2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date>)
            (<https://e.org/e> "quote \" backslash \\ new\nline <script>")
            (<https://e.org/f> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>)
          }
          OPTIONAL { ?s <https://e.org/never> ?unbound }
        }
    """
    store = ox.Store()
    store.add(ox.Quad(ox.BlankNode("b0"), ox.NamedNode("https://e.org/p"), ox.Literal("x")))
    found = store.query(query)
    fast = oxigraph_json([v.value for v in found.variables], found)
    assert fast == render(oxigraph_result(store.query(query)), "json", pretty=False)
    blank = "SELECT ?b WHERE { ?b ?p ?o }"
    found = store.query(blank)
    assert oxigraph_json(["b"], found) == render(
        oxigraph_result(store.query(blank)), "json", pretty=False
    )
    assert json.loads(fast)["results"]["bindings"][1]["o"]["xml:lang"] == "zh-hans"
