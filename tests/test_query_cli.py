"""``aikg query`` and ``aikg queries`` as a user runs them: errors are one line and an exit code."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aikg.cli.main import app
from query_sample import T, write_sample


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def invoke(*args: str) -> Done:
    """``aikg ARGS`` run in this process (the same Typer app as the ``aikg`` command)."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Done(result.exit_code, result.stdout, result.stderr)


def one_line_error(done, code: int, *parts: str) -> str:
    """Assert that ``done`` failed with ``code`` and one line on stderr that names ``parts``."""
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("aikg: error: "), lines[0]
    for part in parts:
        assert part in lines[0], (part, lines[0])
    return lines[0]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("cli-sample"))


@pytest.mark.parametrize(
    ("args", "parts"),
    [
        (["search", "--param", "txt=x"], ["has no parameter 'txt'", "its parameters: text"]),
        (["metrics", "--param", "text=x"], ["it takes no parameters"]),
        (["entity"], ["needs the parameter 'entity'", "--param entity=IRI"]),
        (["entity", "--param", "entity=not an iri"], ["'not an iri' is not an IRI"]),
        (["entity", "--param", "entity=orgnization:cnnic"], ["unknown prefix 'orgnization'"]),
        (["policies", "--param", "type=poem"], ["'poem' is not one of plan, action-plan"]),
        (["search", "--param", "text"], ["expected NAME=VALUE"]),
        (["search", "-p", "text=a", "-p", "text=b"], ["'text' is given twice"]),
        (["metricz"], ["no saved query named 'metricz'", "did you mean metrics"]),
        (["missing.rq"], ["missing.rq: no such query file"]),
        (
            ["SELECT ?x WHERE { ?x a <https://schema.org/Organization> }"],
            ["'SELECT ?x WHERE { ?x a <https://schema.…' is query text", "give it with -e"],
        ),
        (["prefix s: <urn:s:> ASK {}"], ["is query text", "-e"]),
        (["metrics", "--default-graph", "urn:g"], ["--default-graph goes with --endpoint"]),
        (["metrics", "--format", "yaml"], ["unknown format 'yaml'"]),
        ([], ["give a saved query's NAME"]),
        (["metrics", "-e", "ASK {}"], ["one of them"]),
        (
            ["-e", "SELECT ?_n_integer WHERE {}", "-p", "n=1 } ; DROP ALL ; #"],
            ["parameter 'n' (xsd:integer)", "is not an integer"],
        ),
        (
            ["-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"],
            ["<expression>:1:18: SERVICE is refused", "--allow-service"],
        ),
        (["-e", "DROP ALL"], ["this is a SPARQL Update"]),
        (
            ["-e", "SELECT ?t WHERE { BIND(<<( <urn:a> <urn:b> <urn:c> )>> AS ?t) }"],
            ["a result holds a triple term", "SUBJECT()"],
        ),
        (["-e", "SELECT * WHERE { ?s foo:p ?o }"], ["<expression>:1:21: unknown prefix 'foo:'"]),
        (["-e", "SELECT * FROM <urn:g> WHERE { ?s ?p ?o }"], ["FROM / FROM NAMED"]),
        (["-e", "CONSTRUCT WHERE { ?s ?p ?_x }", "-p", "x=1"], ["short form"]),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], parts: list[str]) -> None:
    one_line_error(invoke("query", *args), 2, *parts)


def test_bad_input_from_a_real_process_is_one_line_and_exit_2(cli) -> None:
    done = cli("query", "search", "--param", "txt=x")
    one_line_error(done, 2, "has no parameter 'txt'")
    assert done.stdout == ""


def test_a_syntax_error_names_file_line_and_column(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text(
        "#+ summary: A query with a typo\n"
        "\n"
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?x WHERE {\n"
        "  ?x schema:name ?name .\n"
        '  FILTR (CONTAINS(?name, "x"))\n'
        "}\n",
        encoding="utf-8",
    )
    one_line_error(cli("query", str(path)), 2, f"{path}:6:3: SPARQL syntax error near 'FILTR'")
    path.write_text("SELECT ?x WHERE { ?x ?p ?o } ORDER ?x\n", encoding="utf-8")
    one_line_error(cli("query", str(path)), 2, f"{path}:1:30: SPARQL syntax error near 'ORDER'")


def test_a_header_error_names_file_and_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "header.rq"
    path.write_text("#+ summary: ok\n#+ tags: [unclosed\nASK {}\n", encoding="utf-8")
    one_line_error(cli("query", str(path)), 2, f"{path}:2: query header")


def test_no_output_file_is_written_when_the_query_fails(cli, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    one_line_error(cli("query", "search", "-p", "nope=1", "-o", str(out)), 2)
    assert not out.exists()


def test_a_query_file_with_parameters_on_given_data(cli, sample: Path, tmp_path: Path) -> None:
    path = tmp_path / "users.rq"
    path.write_text(
        "#+ summary: Values of a variable above a threshold\n"
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?value WHERE {\n"
        "  ?o schema:variableMeasured ?_metric_iri ; schema:value ?value .\n"
        "  FILTER (?value > ?_above_integer)\n"
        "} ORDER BY ?value\n",
        encoding="utf-8",
    )
    done = cli(
        "--data", str(sample), "query", str(path),
        "-p", f"metric={T}users", "-p", "above=100",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["value", "120", "125"]


def test_the_query_text_can_come_from_stdin(cli, sample: Path) -> None:
    done = cli(
        "--data", str(sample), "query", "-e", "-", "-f", "tsv",
        stdin="PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"SELECT ?l WHERE {{ <{T}orgA> rdfs:label ?l }} ORDER BY ?l",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["?l", '"Test Body A"@en', '"测试机构甲"@zh-hans']


def test_print_query_shows_the_values_block_first_in_where(cli) -> None:
    done = cli("query", "search", "-p", 'text=x" } ; DROP ALL ; #', "--print-query")
    assert done.returncode == 0, done.stderr
    where = done.stdout.index("WHERE {")
    after = done.stdout[where + len("WHERE {") :].lstrip()
    assert after.startswith('VALUES (?_text) { ("x\\" } ; DROP ALL ; #") }')


def test_a_saved_query_with_parameters_on_given_data(cli, sample: Path) -> None:
    done = cli("--data", str(sample), "query", "series", "-p", f"metric={T}users", "-f", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    assert [row["value"] for row in rows] == ["90", "100", "100", "120", "125"]


def test_the_table_goes_to_a_terminal_and_names_its_columns(cli, sample: Path) -> None:
    done = cli("--data", str(sample), "query", "genai-by-age", "--format", "table")
    assert done.returncode == 0, done.stderr
    assert "age_label" in done.stdout and "6~19岁" in done.stdout and "2 rows" in done.stdout
