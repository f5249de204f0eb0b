"""Remote SPARQL servers: a real Oxigraph server gives the same answers as the embedded store.

The graph is published to the server with ``aikg publish``; every saved query then runs on both
engines, with parameters, and the rows are compared by value. Hostile parameter values stay data
on both. Servers that are down, silent or failing give exit 3 within the timeout, and the
credentials never appear in what aikg prints.
"""

from __future__ import annotations

import base64
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from aikg.namespaces import AIKG, SCHEMA
from aikg.query.catalog import SavedQuery, load_catalog, parse_query
from aikg.query.results import (
    Boolean,
    GraphResult,
    Result,
    Table,
    comparable_graph,
    comparable_rows,
)
from aikg.query.run import run_embedded, run_remote
from aikg.store import open_store
from aikg.store.base import GraphStore
from aikg.store.files import load_graph
from oxigraph_server import (
    OxigraphServer,
    free_port,
    run_aikg,
    silent_server,
    status_server,
)
from query_sample import T, write_sample
from test_query_parameters import PAYLOADS

CATALOG = load_catalog()
SAMPLE_GRAPH = "https://example.org/test/graph"
ECHO = parse_query("SELECT ?_text WHERE { }", "echo", "echo.rq")


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("remote-sample"))


@pytest.fixture(scope="module")
def sample(sample_file: Path) -> Graph:
    return load_graph([sample_file])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, sample_file: Path) -> Iterator[OxigraphServer]:
    """A real Oxigraph server holding the bundled graph (default graph) and the sample graph
    (named graph), both uploaded with ``aikg publish``."""
    running = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    try:
        done = run_aikg("publish", "--to", running.store_url)
        assert done.returncode == 0, done.stderr
        assert "replacing the default graph" in done.stderr
        done = run_aikg(
            "--data",
            str(sample_file),
            "publish",
            "--to",
            running.store_url,
            "--graph",
            SAMPLE_GRAPH,
        )
        assert done.returncode == 0, done.stderr
        assert f"replacing graph <{SAMPLE_GRAPH}>" in done.stderr
        yield running
    finally:
        running.stop()


def assert_same(local: Result, remote: Result, what: str) -> None:
    assert type(local) is type(remote), what
    if isinstance(local, Table):
        assert isinstance(remote, Table)
        assert remote.variables == local.variables, what
        assert comparable_rows(remote.rows) == comparable_rows(local.rows), what
    elif isinstance(local, Boolean):
        assert isinstance(remote, Boolean) and remote.value == local.value, what
    else:
        assert isinstance(local, GraphResult) and isinstance(remote, GraphResult)
        assert comparable_graph(remote.graph) == comparable_graph(local.graph), what


def test_publish_uploads_the_graph_as_it_is(
    server: OxigraphServer, graph: Graph, sample: Graph
) -> None:
    on_server = Graph().parse(data=server.dump(), format="nt")
    assert comparable_graph(on_server) == comparable_graph(graph)
    in_named = Graph().parse(data=server.dump(SAMPLE_GRAPH), format="nt")
    assert comparable_graph(in_named) == comparable_graph(sample)


def test_publish_replaces_the_graph(server: OxigraphServer, tmp_path: Path) -> None:
    target = "https://example.org/test/replaced"
    first, second = tmp_path / "first.ttl", tmp_path / "second.ttl"
    first.write_text("<urn:a> <urn:b> <urn:c> , <urn:d> .\n", encoding="utf-8")
    second.write_text("<urn:x> <urn:y> <urn:z> .\n", encoding="utf-8")
    for data in (first, second):
        done = run_aikg("--data", str(data), "publish", "--to", server.store_url, "--graph", target)
        assert done.returncode == 0, done.stderr
    replaced = Graph().parse(data=server.dump(target), format="nt")
    assert (URIRef("urn:a"), None, None) not in replaced
    assert (URIRef("urn:x"), URIRef("urn:y"), URIRef("urn:z")) in replaced


# --------------------------------------------------------------------------------------------
# Every saved query, same rows on both engines


def _popular(graph: Graph, classes: list[URIRef], count: int) -> list[str]:
    """Up to ``count`` instances of ``classes``, those with the most triples first."""
    found = {s for cls in classes for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}

    def degree(node: URIRef) -> int:
        return len(list(graph.predicate_objects(node))) + len(list(graph.subject_predicates(node)))

    return [str(n) for n in sorted(found, key=lambda n: (-degree(n), str(n)))[:count]]


#: The kind of thing an IRI parameter names, by parameter name.
IRI_CLASSES = {
    "entity": [SCHEMA.Organization, SCHEMA.Legislation, SCHEMA.Observation],
    "fact": [SCHEMA.Observation, RDF.Statement],
    "sector": [AIKG.Sector],
    "metric": [SCHEMA.StatisticalVariable],
    "source": [AIKG.SourceDocument],
    "organization": [SCHEMA.Organization],
    "policy": [SCHEMA.Legislation],
    "subject": [SCHEMA.Legislation, AIKG.Initiative, AIKG.Technology],
    "place": [SCHEMA.Country, SCHEMA.Place],
}
TEXTS = ["人工智能", "AI", "Robot"]


def parameter_cases(query: SavedQuery, graph: Graph, every: bool) -> list[dict[str, str]]:
    """The parameter sets to run ``query`` with: the required ones filled, then each optional
    one set; every sample value when ``every``, else one per parameter (the bundled graph is
    large, and rdflib slow on it)."""
    samples: dict[str, list[str]] = {}
    for parameter in query.parameters:
        if parameter.enum:
            values = list(parameter.enum)
        elif parameter.kind == "iri":
            classes = IRI_CLASSES.get(parameter.name, [SCHEMA.Organization, SCHEMA.Observation])
            values = _popular(graph, classes, 3)
        elif parameter.kind in ("string", "lang"):
            values = TEXTS
        elif parameter.default is not None:
            values = [parameter.default]
        else:
            pytest.fail(f"{query.name}: give the test a sample value for {parameter.name!r}")
        assert values, f"{query.name}: no sample for {parameter.name!r} in the graph"
        samples[parameter.name] = values if every else values[:1]
    base = {p.name: samples[p.name][0] for p in query.parameters if p.required}
    cases = [base]
    for parameter in query.parameters:
        names = samples[parameter.name][1:] if parameter.required else samples[parameter.name]
        cases += [{**base, parameter.name: value} for value in names]
    return cases


@pytest.fixture(scope="module")
def embedded(sample_file: Path) -> dict[str | None, GraphStore]:
    """The embedded Oxigraph store of each graph the server holds (by its graph name there)."""
    return {None: open_store("oxigraph"), SAMPLE_GRAPH: open_store("oxigraph", [sample_file])}


# The server is compared with the embedded Oxigraph store: that every store gives the same rows
# (rdflib's too) is test_store.py's test, so rdflib's slow evaluation is not paid twice here.
@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_saved_query_gives_the_same_rows_on_both_engines(
    server: OxigraphServer,
    graph: Graph,
    sample: Graph,
    embedded: dict[str | None, GraphStore],
    name: str,
) -> None:
    query = CATALOG[name]
    for data, default_graph in ((graph, None), (sample, SAMPLE_GRAPH)):
        for given in parameter_cases(query, data, every=data is sample):
            local = run_embedded(query, given, store=embedded[default_graph])
            remote = run_remote(
                query, given, endpoint=server.query_url, default_graph=default_graph
            )
            assert_same(local, remote, f"{name} {given} on {default_graph or 'the bundled graph'}")


def test_the_query_command_on_the_server(server: OxigraphServer, sample_file: Path) -> None:
    local = run_aikg("--data", str(sample_file), "query", "latest", "-f", "csv")
    remote = run_aikg(
        "query", "latest", "-f", "csv",
        "--endpoint", server.query_url, "--default-graph", SAMPLE_GRAPH,
    )  # fmt: skip
    assert local.returncode == remote.returncode == 0, (local.stderr, remote.stderr)
    assert remote.stdout == local.stdout
    assert remote.stdout.count("\n") == 7


def test_construct_on_the_server_in_each_graph_format(
    server: OxigraphServer, tmp_path: Path
) -> None:
    for fmt, parser in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        out = tmp_path / f"o3.{fmt}"
        done = run_aikg(
            "query", "entity", "-p", f"entity={T}o3", "-f", fmt, "-o", str(out),
            "--endpoint", server.query_url, "--default-graph", SAMPLE_GRAPH,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        got = Graph().parse(out, format=parser)
        assert (URIRef(T + "o3"), SCHEMA.value, Literal(125)) in got


def test_service_runs_only_when_allowed(server: OxigraphServer, sample_file: Path) -> None:
    text = (
        f"SELECT ?n WHERE {{ SERVICE <{server.query_url}> "
        "{ SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } } }"
    )
    refused = run_aikg("--data", str(sample_file), "query", "-e", text)
    assert refused.returncode == 2
    assert "SERVICE is refused" in refused.stderr
    allowed = run_aikg("--data", str(sample_file), "query", "-e", text, "--allow-service")
    assert allowed.returncode == 0, allowed.stderr
    assert int(allowed.stdout.split()[1]) > 1000


# --------------------------------------------------------------------------------------------
# Hostile values


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_hostile_value_is_data_on_the_server(server: OxigraphServer, payload: str) -> None:
    result = run_remote(ECHO, {"text": payload}, endpoint=server.query_url)
    assert isinstance(result, Table)
    assert [tuple(map(str, row)) for row in result.rows] == [(payload,)]


@pytest.mark.slow
def test_hostile_values_change_neither_graph(
    server: OxigraphServer, graph: Graph, sample: Graph, sample_file: Path
) -> None:
    before = (server.dump(), server.dump(SAMPLE_GRAPH))
    before_local = [sorted(g.serialize(format="nt").splitlines()) for g in (graph, sample)]
    search = CATALOG["search"]
    for payload in PAYLOADS[:8] + PAYLOADS[-4:]:
        local = run_embedded(search, {"text": payload}, graph=sample)
        remote = run_remote(
            search, {"text": payload}, endpoint=server.query_url, default_graph=SAMPLE_GRAPH
        )
        assert_same(local, remote, repr(payload))
    for payload in ('x" } ; DROP ALL ; #', "} ; INSERT DATA { <urn:a> <urn:b> <urn:c> } #"):
        local = run_aikg("--data", str(sample_file), "query", "search", "-p", f"text={payload}")
        remote = run_aikg(
            "query", "search", "-p", f"text={payload}", "--endpoint", server.query_url
        )
        for done in (local, remote):
            assert done.returncode == 0, done.stderr
            assert done.stdout.splitlines() == ["entity,class,label_zh,label_en,matched"]
    assert (server.dump(), server.dump(SAMPLE_GRAPH)) == before
    after_local = [sorted(g.serialize(format="nt").splitlines()) for g in (graph, sample)]
    assert after_local == before_local


# --------------------------------------------------------------------------------------------
# Servers that are down, silent or failing; credentials

SECRET = "s3cr3t-Pa55word-never-printed"
TOKEN = "tok-never-printed-0123456789"


def one_line(done, code: int) -> str:
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aikg: error: "), done.stderr
    for secret in (SECRET, TOKEN, base64.b64encode(f"analyst:{SECRET}".encode()).decode()):
        assert secret not in done.stdout + done.stderr
    return lines[0]


def test_an_unreachable_endpoint_is_exit_3() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    line = one_line(run_aikg("query", "metrics", "--endpoint", url, "--timeout", "5"), 3)
    assert "connection refused" in line


def test_a_silent_endpoint_is_exit_3_within_the_timeout() -> None:
    with silent_server() as url:
        started = time.monotonic()
        done = run_aikg("query", "metrics", "--endpoint", url, "--timeout", "2", timeout=60)
        elapsed = time.monotonic() - started
    line = one_line(done, 3)
    assert "within 2 s" in line
    assert elapsed < 2 + 20, "the timeout bounds the wait (the rest is interpreter start-up)"


def test_a_failing_endpoint_is_exit_3_and_credentials_are_sent_never_printed() -> None:
    env = {"AIKG_ENDPOINT_USER": "analyst", "AIKG_ENDPOINT_PASSWORD": SECRET}
    # A careless server that echoes what it received, credentials included.
    with status_server(500, f"internal error; you sent {SECRET}".encode()) as (url, seen):
        line = one_line(run_aikg("query", "metrics", "--endpoint", url, env=env), 3)
    assert "HTTP 500" in line and "internal error" in line
    expected = "Basic " + base64.b64encode(f"analyst:{SECRET}".encode()).decode()
    assert seen.headers[0]["authorization"] == expected


def test_a_bearer_token_is_sent_and_never_printed() -> None:
    with status_server(503) as (url, seen):
        one_line(
            run_aikg("query", "counts", "--endpoint", url, env={"AIKG_ENDPOINT_TOKEN": TOKEN}), 3
        )
    assert seen.headers[0]["authorization"] == f"Bearer {TOKEN}"


def test_refused_credentials_are_exit_3() -> None:
    env = {"AIKG_ENDPOINT_USER": "analyst", "AIKG_ENDPOINT_PASSWORD": SECRET}
    with status_server(401) as (url, _):
        line = one_line(run_aikg("query", "counts", "--endpoint", url, env=env), 3)
    assert "refused the credentials (HTTP 401)" in line


def test_a_query_the_server_rejects_is_exit_2() -> None:
    with status_server(400, b"Parse error at line 1") as (url, _):
        line = one_line(run_aikg("query", "counts", "--endpoint", url), 2)
    assert "rejected the query as malformed (HTTP 400): Parse error" in line


def test_credentials_in_the_url_are_refused() -> None:
    url = f"http://analyst:{SECRET}@127.0.0.1:{free_port()}/sparql"
    line = one_line(run_aikg("query", "counts", "--endpoint", url), 2)
    assert "must not carry credentials" in line


def test_content_negotiation_get_for_short_and_post_for_long_queries() -> None:
    with status_server(500) as (url, seen):
        one_line(run_aikg("query", "counts", "--endpoint", url, "--default-graph", "urn:g"), 3)
        one_line(run_aikg("query", "search", "-p", "text=" + "x" * 3000, "--endpoint", url), 3)
    assert seen.methods == ["GET", "POST"]
    get = urllib.parse.parse_qs(urllib.parse.urlsplit(seen.paths[0]).query)
    assert set(get) == {"query", "default-graph-uri"}, "no format= parameter: Accept only"
    assert get["default-graph-uri"] == ["urn:g"]
    assert "application/sparql-results+json" in seen.headers[0]["accept"]
    post = urllib.parse.parse_qs(seen.bodies[1].decode("ascii"))
    assert "x" * 3000 in post["query"][0]


def test_publish_to_a_server_that_is_down_or_failing_is_exit_3(sample_file: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    line = one_line(run_aikg("--data", str(sample_file), "publish", "--to", url), 3)
    assert "connection refused" in line
    with silent_server() as url:
        done = run_aikg("--data", str(sample_file), "publish", "--to", url, "--timeout", "2")
    assert "within 2 s" in one_line(done, 3)
    env = {"AIKG_ENDPOINT_USER": "analyst", "AIKG_ENDPOINT_PASSWORD": SECRET}
    with status_server(500, SECRET.encode()) as (url, seen):
        done = run_aikg(
            "--data", str(sample_file), "publish", "--to", url, "--graph", "urn:g", env=env
        )
    line = one_line(done, 3)
    assert "HTTP 500" in line
    assert seen.methods == ["PUT"]
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(seen.paths[0]).query) == {"graph": ["urn:g"]}
    assert seen.headers[0]["content-type"] == "application/n-triples"
    assert Graph().parse(data=seen.bodies[0], format="nt"), "the whole graph in one request"
    assert seen.headers[0]["authorization"].startswith("Basic ")
