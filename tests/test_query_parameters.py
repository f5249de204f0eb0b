"""Parameters: typed terms, checks, and binding as a VALUES block first in the outermost WHERE."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from aikg.errors import InputError
from aikg.query import sparql
from aikg.query.catalog import Parameter, parse_query
from aikg.query.parameters import bind, parse_assignments, resolve, sparql_term, to_term
from aikg.query.results import Table, comparable_rows

#: Values that would change the query if they were pasted into it.
PAYLOADS = [
    'x" } ; DROP ALL ; #',
    "x' } ; DROP ALL ; #",
    'x"} UNION { ?s ?p ?o } #',
    '") } } SELECT * WHERE { ?s ?p ?o } #',
    '"""',
    "'''",
    "\\",
    "a\\",
    '\\"',
    "\\\\",
    "\\u0022",
    "\\U00000022",
    "\\\\u0041",
    "\\n",
    "line one\nline two",
    "carriage\r\nreturn",
    "tab\there",
    "control\x01\x02\x1f\x7f chars 0041",
    ">",
    "<http://example.org/evil> ?p ?o",
    "} ; INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }",
    "?_text",
    "$x",
    "#not a comment",
    '"@en',
    '"^^<http://www.w3.org/2001/XMLSchema#integer>',
    "人工智能",
    "🤖 生成式 AI",
    "e\u0301 combining, \u202eright-to-left\u202c, zero\u200bwidth",
    "",
    " ",
    "x" * 5000,
]

ECHO = parse_query("SELECT ?_text WHERE { }", "echo", "echo.rq")
ECHO_EN = parse_query("SELECT ?_text_en WHERE { }", "echo", "echo.rq")


def _rdflib_rows(text: str, graph: Graph | None = None) -> list:
    result = sparql.run(graph if graph is not None else Graph(), text, "t")
    assert isinstance(result, Table)
    return result.rows


def _oxigraph_values(text: str, store: pyoxigraph.Store | None = None) -> list:
    store = store or pyoxigraph.Store()
    return [[None if t is None else t.value for t in solution] for solution in store.query(text)]


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_hostile_value_is_data_on_both_engines(payload: str) -> None:
    text = bind(ECHO, {"text": payload})
    assert _rdflib_rows(text) == [(Literal(payload),)]
    assert _oxigraph_values(text) == [[payload]]
    text = bind(ECHO_EN, {"text": payload})
    assert _rdflib_rows(text) == [(Literal(payload, lang="en"),)]
    assert _oxigraph_values(text) == [[payload]]


@pytest.mark.parametrize(
    "value",
    [
        "http://example.org/x> } ; DROP ALL ; #",
        "http://example.org/a b",
        'http://example.org/"',
        "http://example.org/{x}",
        "http://example.org/\\u0022",
        "http://example.org/a\nb",
        "not an iri",
        "",
    ],
)
def test_a_value_that_is_no_iri_is_refused(value: str) -> None:
    query = parse_query("SELECT ?_e_iri WHERE { }", "q", "q.rq")
    with pytest.raises(InputError, match="is not an IRI"):
        bind(query, {"e": value})


def test_a_mistyped_prefix_is_refused() -> None:
    query = parse_query("SELECT ?_e_iri WHERE { }", "q", "q.rq")
    with pytest.raises(InputError, match="unknown prefix 'orgnization'"):
        bind(query, {"e": "orgnization:cnnic"})


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        (
            "_e_iri",
            "https://w3id.org/aikg/id/organization/cnnic",
            URIRef("https://w3id.org/aikg/id/organization/cnnic"),
        ),
        ("_e_iri", "<https://example.org/a>", URIRef("https://example.org/a")),
        ("_e_iri", "organization:cnnic", URIRef("https://w3id.org/aikg/id/organization/cnnic")),
        ("_e_iri", "ex:thing", URIRef("http://example.org/ns#thing")),
        ("_e_iri", "urn:isbn:123", URIRef("urn:isbn:123")),
        ("_n_integer", "42", Literal("42", datatype=XSD.integer)),
        ("_n_integer", " -7 ", Literal("-7", datatype=XSD.integer)),
        ("_n_decimal", "23.5", Literal("23.5", datatype=XSD.decimal)),
        ("_n_number", "1e3", Literal("1e3", datatype=XSD.double)),
        ("_n_number", "12", Literal("12", datatype=XSD.integer)),
        ("_d_xsd_date", "2024-12-31", Literal("2024-12-31", datatype=XSD.date)),
        ("_d_date", "2024-02-29", Literal("2024-02-29", datatype=XSD.date)),
        ("_y_gYear", "2024", Literal("2024", datatype=XSD.gYear)),
        ("_b_boolean", "true", Literal("true", datatype=XSD.boolean)),
        ("_t", "a b ", Literal("a b ")),
        ("_t_zh", "人工智能", Literal("人工智能", lang="zh")),
    ],
)
def test_values_become_typed_terms(variable: str, value: str, expected: object) -> None:
    query = parse_query(
        f"PREFIX ex: <http://example.org/ns#>\nSELECT * WHERE {{ ?s ?p ?{variable} }}", "q", "q.rq"
    )
    (parameter,) = query.parameters
    term = to_term(parameter, value, query.shape.prefixes)
    assert term == expected
    assert type(term) is type(expected)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("_n_integer", "1 } ; DROP ALL", "is not an integer"),
        ("_n_integer", "4.5", "is not an integer"),
        ("_n_decimal", "1,5", "is not a decimal number"),
        ("_n_number", "one", "is not a number"),
        ("_d_date", "2024-02-30", "is not a date"),
        ("_d_date", "31/12/2024", "is not a date"),
        ("_y_gYear", "24", "is not a year"),
        ("_b_boolean", "yes", "is not true or false"),
        ("_n_positiveInteger", "0", "is not a valid xsd:positiveInteger"),
        ("_n_byte", "300", "is not a valid xsd:byte"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(variable: str, value: str, message: str) -> None:
    query = parse_query(f"SELECT * WHERE {{ ?s ?p ?{variable} }}", "q", "q.rq")
    with pytest.raises(InputError, match=message):
        bind(query, {query.parameters[0].name: value})


def test_unknown_missing_enumerated_and_default_parameters() -> None:
    query = parse_query(
        "#+ defaults:\n#+   - kind: b\n#+ enumerate:\n#+   - kind:\n#+     - a\n#+     - b\n"
        "SELECT * WHERE { ?s ?p ?_need_iri . ?s ?q ?__kind }",
        "q",
        "q.rq",
    )
    with pytest.raises(InputError, match=r"has no parameter 'nope' \(its parameters: need, kind\)"):
        resolve(query, {"need": "urn:x", "nope": "1"})
    with pytest.raises(InputError, match="needs the parameter 'need'"):
        resolve(query, {})
    with pytest.raises(InputError, match="'c' is not one of a, b"):
        resolve(query, {"need": "urn:x", "kind": "c"})
    bound = {p.name: term for p, term in resolve(query, {"need": "urn:x"}).items()}
    assert bound == {"need": URIRef("urn:x"), "kind": Literal("b")}
    plain = parse_query("SELECT * WHERE { ?s ?p ?o }", "q", "q.rq")
    with pytest.raises(InputError, match="it takes no parameters"):
        resolve(plain, {"x": "1"})


def test_assignments_are_name_equals_value() -> None:
    assert parse_assignments(["a=1", "b=x=y", "c="]) == {"a": "1", "b": "x=y", "c": ""}
    with pytest.raises(InputError, match="expected NAME=VALUE"):
        parse_assignments(["novalue"])
    with pytest.raises(InputError, match="given twice"):
        parse_assignments(["a=1", "a=2"])


def test_terms_are_written_escaped() -> None:
    assert sparql_term(URIRef("https://example.org/a")) == "<https://example.org/a>"
    assert sparql_term(Literal('a"b\\c\nd')) == '"a\\"b\\\\c\\nd"'
    assert sparql_term(Literal("x", lang="zh-hans")) == '"x"@zh-hans'
    assert sparql_term(Literal("4", datatype=XSD.integer)) == (
        '"4"^^<http://www.w3.org/2001/XMLSchema#integer>'
    )
    with pytest.raises(InputError):
        sparql_term(URIRef("https://example.org/a>b"))


# --------------------------------------------------------------------------------------------
# Where the VALUES block goes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SELECT ?x WHERE { ?x ?p ?_v }",
            'SELECT ?x WHERE { VALUES (?_v) { ("1") } ?x ?p ?_v }',
        ),
        (
            "SELECT ?x { ?x ?p ?_v } ORDER BY ?x",
            'SELECT ?x { VALUES (?_v) { ("1") } ?x ?p ?_v } ORDER BY ?x',
        ),
        (
            "ASK { ?x ?p ?_v }",
            'ASK { VALUES (?_v) { ("1") } ?x ?p ?_v }',
        ),
        (
            "CONSTRUCT { ?x ?p ?_v } WHERE { ?x ?p ?_v }",
            'CONSTRUCT { ?x ?p ?_v } WHERE { VALUES (?_v) { ("1") } ?x ?p ?_v }',
        ),
        (
            "DESCRIBE ?_v",
            'DESCRIBE ?_v WHERE { VALUES (?_v) { ("1") } } ',
        ),
        (
            "SELECT * WHERE { SELECT ?x WHERE { ?x ?p ?_v } LIMIT 1 }",
            'SELECT * WHERE { VALUES (?_v) { ("1") } { SELECT ?x WHERE { ?x ?p ?_v } LIMIT 1 }}',
        ),
        (
            "# {comment}\nSELECT (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?x ?p ?_v }",
            "# {comment}\nSELECT (EXISTS { ?a ?b ?c } AS ?e) "
            'WHERE { VALUES (?_v) { ("1") } ?x ?p ?_v }',
        ),
    ],
)
def test_the_values_block_goes_first_in_the_outermost_where(text: str, expected: str) -> None:
    query = parse_query(text, "q", "q.rq")
    bound = bind(query, {"v": "1"})
    assert bound == expected
    sparql.parse(bound, "q")  # still a valid query


def test_the_short_construct_form_cannot_take_parameters() -> None:
    query = parse_query("CONSTRUCT WHERE { ?x ?p ?_v }", "q", "q.rq")
    with pytest.raises(InputError, match="short form"):
        bind(query, {"v": "1"})


def test_a_filter_on_a_bound_parameter_matches_on_both_engines() -> None:
    """The binding of rdflib's initBindings, or a trailing VALUES, differs between engines."""
    graph = Graph()
    graph.add((URIRef("urn:a"), RDFS.label, Literal("中国", lang="zh-hans")))
    graph.add((URIRef("urn:b"), RDFS.label, Literal("全球", lang="zh-hans")))
    store = pyoxigraph.Store()
    store.load(graph.serialize(format="nt").encode(), pyoxigraph.RdfFormat.N_TRIPLES)
    query = parse_query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?s WHERE { ?s rdfs:label ?l . FILTER (STR(?l) = ?_name) }",
        "q",
        "q.rq",
    )
    text = bind(query, {"name": "中国"})
    rows = _rdflib_rows(text, graph)
    assert rows == [(URIRef("urn:a"),)]
    assert _oxigraph_values(text, store) == [["urn:a"]]


def test_terms_compare_by_value_not_by_spelling() -> None:
    from aikg.query.results import comparable

    decimal, integer = XSD.decimal, XSD.integer
    assert comparable(Literal("23.50", datatype=decimal)) == comparable(
        Literal("23.5", datatype=decimal)
    )
    assert comparable(Literal("1", datatype=integer)) == comparable(
        Literal("1.0", datatype=decimal)
    )
    assert comparable(Literal("x", lang="zh-Hans")) == comparable(Literal("x", lang="zh-hans"))
    assert comparable(Literal("a")) == comparable(Literal("a", datatype=XSD.string))
    assert comparable(Literal("a")) != comparable(Literal("a", lang="en"))
    assert comparable(Literal("1")) != comparable(Literal("1", datatype=integer))
    assert comparable(Literal("1", datatype=integer)) != comparable(Literal("2", datatype=integer))
    assert comparable(URIRef("urn:a")) != comparable(Literal("urn:a"))
    # A quotient that one engine keeps to 28 digits and another to 18 decimal places.
    long, short = "141.7670682730923694779116466", "141.7670682730923694"
    assert comparable(Literal(long, datatype=decimal)) == comparable(
        Literal(short, datatype=decimal)
    )
    assert comparable(Literal("141.7670", datatype=decimal)) != comparable(
        Literal("141.7671", datatype=decimal)
    )
    assert comparable_rows([(None, URIRef("urn:a"))]) == [(("unbound",), ("iri", "urn:a"))]


def test_parameter_type_labels() -> None:
    assert Parameter("e", "_e_iri", True, "iri").type_label == "IRI"
    assert Parameter("n", "_n_integer", True, "typed", XSD + "integer").type_label == "xsd:integer"
    assert Parameter("t", "_t_en", True, "lang", lang="en").type_label == "string@en"
