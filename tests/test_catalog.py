"""The catalog of saved queries: headers, parameters, grlc conventions, the catalog page."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from aikg import paths
from aikg.errors import InputError
from aikg.namespaces import XSD_IRI as XSD
from aikg.query import sparql
from aikg.query.catalog import (
    HEADER_KEYS,
    SavedQuery,
    load_catalog,
    parse_query,
    read_query_file,
    render_markdown,
)
from aikg.query.parameters import to_term
from aikg.query.text import outline

CATALOG = load_catalog()
NAMES = sorted(CATALOG)


def test_the_catalog_has_at_least_15_queries_and_the_named_ones() -> None:
    assert len(CATALOG) >= 15
    for name in ("metrics", "search", "entity", "latest"):
        assert name in CATALOG, name


def test_the_contract_queries_have_their_shape() -> None:
    metrics = CATALOG["metrics"]
    assert metrics.form == "SELECT"
    assert metrics.columns == [
        "metric", "label", "value", "unit", "qualifier", "period", "area", "source", "quote",
    ]  # fmt: skip
    assert metrics.parameters == ()
    search = CATALOG["search"]
    assert [(p.name, p.kind, p.required) for p in search.parameters] == [("text", "string", True)]
    entity = CATALOG["entity"]
    assert entity.form == "CONSTRUCT"
    assert [(p.name, p.kind, p.required) for p in entity.parameters] == [("entity", "iri", True)]
    assert CATALOG["latest"].form == "SELECT"
    assert {"metric", "value", "source", "publisher"} <= set(CATALOG["latest"].columns)


@pytest.mark.parametrize("name", NAMES)
def test_every_query_has_a_grlc_header(name: str) -> None:
    query = CATALOG[name]
    assert query.summary, "needs '#+ summary:'"
    assert query.description, "needs '#+ description:'"
    assert query.tags, "needs '#+ tags:'"
    lines = query.text.splitlines()
    header = [i for i, line in enumerate(lines) if line.startswith("#+")]
    assert header == list(range(len(header))), "the #+ lines come first, as grlc expects"


@pytest.mark.parametrize("name", NAMES)
def test_every_query_is_standard_sparql_for_rdflib_and_oxigraph(name: str) -> None:
    query = CATALOG[name]
    sparql.check(query)
    try:
        pyoxigraph.Store().query(query.text)
    except SyntaxError as exc:
        pytest.fail(f"Oxigraph rejects {name}: {exc}")


@pytest.mark.parametrize("name", NAMES)
def test_the_columns_read_from_the_text_are_rdflib_s(name: str) -> None:
    query = CATALOG[name]
    if query.form != "SELECT":
        return
    algebra = sparql.parse(query.text, query.origin)
    assert query.columns == [str(v) for v in algebra.algebra["PV"]]


@pytest.mark.parametrize("name", NAMES)
def test_defaults_and_enumerations_are_valid_values(name: str) -> None:
    query = CATALOG[name]
    for parameter in query.parameters:
        for value in [*parameter.enum, *([parameter.default] if parameter.default else [])]:
            to_term(parameter, value, query.shape.prefixes)
        if parameter.default is not None and parameter.enum:
            assert parameter.default in parameter.enum


def _grlc_rewrite(query: SavedQuery, value_of: dict[str, str]) -> str:
    """The query as grlc sends it: every given parameter's variable replaced by its value's text
    (grlc's rewrite_query, reduced to the types the catalog uses)."""
    text = query.text
    for parameter in query.parameters:
        value = value_of.get(parameter.name)
        if value is None:
            continue
        if parameter.kind == "iri":
            term = f"<{value}>"
        elif parameter.kind == "lang":
            term = f'"{value}"@{parameter.lang}'
        elif parameter.kind == "typed":
            term = f'"{value}"^^<{parameter.datatype}>'
        elif parameter.kind == "number":
            term = value
        else:
            term = f'"{value}"'
        text = text.replace(f"?{parameter.variable}", term)
    return text


@pytest.mark.parametrize("name", NAMES)
def test_the_queries_stay_valid_when_grlc_pastes_values_in(name: str) -> None:
    query = CATALOG[name]
    samples = {
        "iri": "https://example.org/x",
        "string": "x",
        "lang": "x",
        "number": "1",
    }
    values = {
        p.name: p.enum[0] if p.enum else (p.default or samples.get(p.kind, "1"))
        for p in query.parameters
    }
    for given in ({}, values):
        text = _grlc_rewrite(query, given)
        sparql.parse(text, name, allow_service=True)
        try:
            pyoxigraph.Store().query(text)
        except SyntaxError as exc:
            pytest.fail(f"{name} with {given}: {exc}")


def test_the_catalog_page_is_in_sync() -> None:
    page = paths.queries_dir() / "README.md"
    assert page.read_text(encoding="utf-8") == render_markdown(CATALOG), (
        "queries/README.md is out of date: run 'aikg queries --markdown -o queries/README.md'"
    )


def test_the_markdown_command_prints_the_page(cli) -> None:
    done = cli("queries", "--markdown", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout == render_markdown(CATALOG)


def test_the_list_names_every_query_with_its_parameters(cli) -> None:
    done = cli("queries")
    assert done.returncode == 0, done.stderr
    text = "".join(done.stdout.split())
    for name, query in CATALOG.items():
        assert "".join(name.split()) in text
        for parameter in query.parameters:
            assert parameter.name in text


# --------------------------------------------------------------------------------------------
# Parameter declarations (BASIL names, as grlc reads them)


@pytest.mark.parametrize(
    ("variable", "expected"),
    [
        ("_entity_iri", ("entity", True, "iri", None, None)),
        ("__entity_iri", ("entity", False, "iri", None, None)),
        ("_text", ("text", True, "string", None, None)),
        ("_text_literal", ("text", True, "string", None, None)),
        ("_n_integer", ("n", True, "typed", XSD + "integer", None)),
        ("__x_number", ("x", False, "number", None, None)),
        ("_day_xsd_date", ("day", True, "typed", XSD + "date", None)),
        ("_day_date", ("day", True, "typed", XSD + "date", None)),
        ("_label_en", ("label", True, "lang", None, "en")),
        ("_when_schema_Date", ("when", True, "typed", "https://schema.org/Date", None)),
    ],
)
def test_basil_names_declare_name_requirement_and_type(
    variable: str, expected: tuple[object, ...]
) -> None:
    query = parse_query(f"SELECT * WHERE {{ ?s ?p ?{variable} }}", "q", "q.rq")
    (parameter,) = query.parameters
    got = (parameter.name, parameter.required, parameter.kind, parameter.datatype, parameter.lang)
    assert got == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE { ?s ?p ?_x_nosuchtype }", "unknown parameter type 'nosuchtype'"),
        ("SELECT * WHERE { ?s ?p ?___x }", "a parameter variable is"),
        ("SELECT * WHERE { ?s ?p ?_x_nope_date }", "unknown prefix 'nope'"),
        ("SELECT * WHERE { ?s ?_x_iri ?_x }", "declared twice"),
        ("#+ sumary: typo\nSELECT * WHERE { ?s ?p ?o }", "unknown key 'sumary'"),
        ("#+ summary: [unclosed\nSELECT * WHERE { ?s ?p ?o }", "q.rq:1: query header"),
        ("#+ defaults:\n#+   - y: 1\nSELECT * WHERE { ?s ?p ?_x }", "'defaults' names 'y'"),
        ("#+ enumerate:\n#+   - x: 1\nSELECT * WHERE { ?s ?p ?_x }", "'enumerate' of 'x'"),
    ],
)
def test_bad_declarations_are_clear_errors(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("?", r"\?")):
        parse_query(text, "q", "q.rq")


def test_header_keys_follow_grlc() -> None:
    assert {"summary", "description", "tags", "defaults", "enumerate"} <= set(HEADER_KEYS)
    query = parse_query(
        "#+ summary: s\n#+ tags:\n#+   - a\n#+ defaults:\n#+   - x: 3\n#+ enumerate:\n"
        "#+   - x:\n#+     - 3\n#+     - 4\n\nSELECT * WHERE { ?s ?p ?__x_integer }",
        "q",
        "q.rq",
    )
    (parameter,) = query.parameters
    assert (query.summary, query.tags) == ("s", ("a",))
    assert (parameter.default, parameter.enum, parameter.required) == ("3", ("3", "4"), False)


def test_a_query_file_is_found_by_path_and_its_name_is_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("#+ summary: mine\nASK { ?s ?p ?o }\n", encoding="utf-8")
    query = read_query_file(path)
    assert (query.name, query.form, query.summary) == ("mine", "ASK", "mine")


def test_text_in_strings_iris_and_comments_is_not_syntax() -> None:
    text = (
        "PREFIX ex: <http://example.org/a?_fake#>\n"
        "# a comment with { and ?_fake2\n"
        'SELECT ?x (EXISTS { ?x ?p "}" } AS ?e) WHERE { ?x ex:p "?_fake3 { }" ; ex:q ?_real }\n'
    )
    shape = outline(text)
    assert [v for v in shape.variables if v.startswith("_")] == ["_real"]
    assert shape.columns == ["x", "e"]
    assert shape.where_open == text.index("WHERE {") + len("WHERE ")
    assert shape.prefixes == {"ex": "http://example.org/a?_fake#"}
    sparql.parse(text, "t")
