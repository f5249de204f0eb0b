"""``aikg serve`` over HTTP: a real server process (uvicorn, forked workers) on a small graph.

One server for the module, on a persistent Oxigraph store (its workers reopen the database
read-only), with a 2 s timeout and at most 100 rows; answers are compared with what
``aikg query`` and :func:`aikg.query.run.run_embedded` give on the same data; clients are
SPARQLWrapper and urllib.
"""

from __future__ import annotations

import json
import signal
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

from aikg.query.catalog import find_query, load_catalog
from aikg.query.results import comparable_rows, parse_json_results, render
from aikg.query.run import run_embedded
from aikg.serve.asgi import SECURITY_RAW
from aikg.serve.asgi import raw as raw_headers
from aikg.serve.pages import SECURITY_HEADERS
from aikg.serve.protocol import answer_headers, answer_response
from aikg.serve.tasks import Answer
from aikg.store import open_store
from sample_network import IMG, QUOTE, QUOTES, SCRIPT, write_hostile, write_sample, write_series
from serve_server import AikgServer, aikg_output, fetch, write_entities
from test_query_parameters import PAYLOADS

TIMEOUT = 2.0
MAX_ROWS = 100
#: A query whose cross product never ends on any graph of some size.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
EVIL = "https://w3id.org/aikg/id/organization/serve-test-evil"
USERS = "https://w3id.org/aikg/id/var/serve-test-users"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PREFIXES_FOR_HUB = (
    "@prefix schema: <https://schema.org/> . "
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."
)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("serve-data")
    return [
        write_sample(folder),
        write_hostile(folder),
        write_series(folder),
        write_entities(folder),
    ]


@pytest.fixture(scope="module")
def server(data: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[AikgServer]:
    folder = tmp_path_factory.mktemp("serve-store")
    args = [f"--data={path}" for path in data] + ["--store", f"oxigraph:{folder / 'store'}"]
    running = AikgServer(
        args,
        ["--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--workers", "2"],
        folder / "serve.log",
    )
    yield running
    running.stop()


@pytest.fixture(scope="module")
def local(data: list[Path]):
    """The same graph in this process, to compare answers with."""
    return open_store("oxigraph", data)


def wrapper(server: AikgServer, query: str, fmt: str = JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url("/sparql"))
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(30)
    return client


def count(server: AikgServer) -> int:
    return int(wrapper(server, COUNT).queryAndConvert()["results"]["bindings"][0]["n"]["value"])


# --- /healthz, headers --------------------------------------------------------------------


def test_healthz_and_the_banner(server: AikgServer) -> None:
    status, headers, body = server.get("/healthz")
    assert (status, body) == (200, b"ok\n")
    assert server.banner.startswith("Serving ") and f":{server.port}/" in server.banner
    assert "default-src 'none'" in headers["content-security-policy"]


def test_the_direct_endpoints_send_the_headers_of_the_router(server: AikgServer) -> None:
    """/sparql and /healthz skip Starlette (aikg.serve.asgi): same status line, the same
    headers in the same order as the router's answers, the security headers included; HEAD
    gets the headers of GET and no body; other methods still get the router's 405."""
    import http.client

    def raw(method: str, path: str) -> tuple[int, list[tuple[str, str]], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            connection.request(method, path, headers={"Accept": "text/csv"})
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def names(headers: list[tuple[str, str]]) -> list[str]:
        return [name.lower() for name, _ in headers]

    security = [name.lower() for name in SECURITY_HEADERS]
    sparql = "/sparql?" + urlencode({"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"})
    status, headers, body = raw("GET", sparql)
    assert status == 200 and body.count(b"\r\n") == 2
    assert names(headers) == [
        "date", "server", "x-aikg-rows", "content-length", "content-type", *security
    ]  # fmt: skip
    assert dict(headers)["content-type"] == "text/csv; charset=utf-8"
    routed = raw("GET", "/queries.json")  # through Starlette and the Limits middleware
    assert names(routed[1])[-len(security) :] == security
    for name in security:
        assert dict(headers)[name] == dict(routed[1])[name] == SECURITY_HEADERS[name]
    head = raw("HEAD", sparql)
    assert (head[0], head[2]) == (200, b"")
    assert [h for h in head[1] if h[0] != "date"] == [h for h in headers if h[0] != "date"]
    status, headers, body = raw("GET", "/healthz")
    assert (status, body) == (200, b"ok\n")
    assert names(headers) == ["date", "server", "content-length", "content-type", *security]
    assert raw("HEAD", "/healthz")[:3:2] == (200, b"")
    for method, path in (("PUT", sparql), ("DELETE", "/sparql"), ("POST", "/healthz")):
        status, headers, body = raw(method, path)
        assert status == 405 and b"not allowed here" in body, (method, path)
        assert names(headers)[-len(security) :] == security
    # an error of the direct endpoint: a line of text, or a page for a browser, secured too
    status, headers, body = server.get("/sparql", "text/html")
    assert status == 400 and headers["content-type"].startswith("text/html")
    assert b"no query" in body and headers["content-security-policy"] == SECURITY_HEADERS[
        "content-security-policy"
    ]  # fmt: skip
    assert server.get("/sparql")[::2] == (400, b"no query: give one query (query=...)\n")


def test_a_direct_answer_has_the_headers_of_a_starlette_response() -> None:
    """The bytes of aikg.serve.asgi.raw are those Starlette's Response and the Limits
    middleware would send for the same answer (its notice of a cut answer included)."""
    for answer in (
        Answer(b'{"x":1}', "application/sparql-results+json", 3, False),
        Answer(b"a\r\n", "text/csv; charset=utf-8", 100, True),
    ):
        starlette = answer_response(answer, 100).raw_headers
        assert raw_headers(answer_headers(answer, 100), answer.body, answer.media) == [
            *starlette, *SECURITY_RAW
        ]  # fmt: skip


# --- /sparql --------------------------------------------------------------------------------


def test_select_in_every_format_gives_the_rows_of_aikg_query(server, data, local) -> None:
    query = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label LIMIT 40"
    )
    expected = parse_json_results(json.loads(render(_run(local, query), "json")))
    got = wrapper(server, query).queryAndConvert()
    assert comparable_rows(parse_json_results(got).rows) == comparable_rows(expected.rows)
    cli = aikg_output(*[f"--data={p}" for p in data], "query", "-e", query, "--format", "csv")
    assert wrapper(server, query, CSV).queryAndConvert() == cli
    tsv = wrapper(server, query, TSV).queryAndConvert().decode()
    assert tsv == render(_run(local, query), "tsv").decode()
    xml = wrapper(server, query, XML).queryAndConvert().toxml()
    assert "sparql-results" in xml or "<sparql" in xml


def _run(store, text: str):
    from aikg.serve.tasks import query_text

    return run_embedded(query_text(text), {}, store=store)


def test_construct_as_turtle_jsonld_and_ntriples(server, local) -> None:
    query = (
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o "
        "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/aikg/id/obs/serve-test')) }"
    )
    expected = _run(local, query).graph
    turtle = wrapper(server, query, TURTLE).queryAndConvert()
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), expected)
    for media, fmt in (("application/ld+json", "json-ld"), ("application/n-triples", "nt")):
        status, headers, body = server.get("/sparql?" + urlencode({"query": query}), media)
        assert status == 200 and headers["content-type"].startswith(media)
        assert isomorphic(Graph().parse(data=body, format=fmt), expected)


def test_post_form_and_post_query(server) -> None:
    query = "ASK { ?s a <https://schema.org/Observation> }"
    status, _, body = server.post("/sparql", urlencode({"query": query}).encode(),
                                  "application/x-www-form-urlencoded")  # fmt: skip
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _headers, body = server.post(
        "/sparql", query.encode(), "application/sparql-query", "text/csv"
    )
    assert (status, body) == (200, b"boolean\r\ntrue\r\n")
    client = wrapper(server, query)
    client.setMethod("POST")
    assert client.queryAndConvert()["boolean"] is True


def test_updates_are_refused_and_change_nothing(server) -> None:
    before = count(server)
    update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    form = urlencode({"update": update}).encode()
    assert server.post("/sparql", form, "application/x-www-form-urlencoded")[0] == 403
    assert server.post("/sparql", update.encode(), "application/sparql-update")[0] == 403
    assert server.get("/sparql?" + urlencode({"update": "DROP ALL"}))[0] == 403
    status, _, body = server.get("/sparql?" + urlencode({"query": "DROP ALL"}))
    assert status == 400 and b"SPARQL Update" in body
    client = SPARQLWrapper(server.url("/sparql"), updateEndpoint=server.url("/sparql"))
    client.setQuery(update)
    client.setMethod("POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert count(server) == before
    for method in ("PUT", "DELETE", "PATCH"):
        request = urllib.request.Request(server.url("/sparql"), data=b"x", method=method)
        assert fetch(request, 10)[0] == 405


def test_service_from_and_syntax_errors_are_400(server) -> None:
    status, _, body = server.get(
        "/sparql?"
        + urlencode({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    )
    assert status == 400 and b"SERVICE is refused" in body
    status, _, body = server.get(
        "/sparql?" + urlencode({"query": "SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }"})
    )
    assert status == 400 and b"FROM" in body
    status, _, body = server.get("/sparql?" + urlencode({"query": "SELECT *\nWHERE { ?s ?p }"}))
    assert status == 400 and body.startswith(b"query:2:"), body
    assert server.get("/sparql")[0] == 400
    assert server.get("/sparql?query=ASK{}", "image/png")[0] == 406
    triple_term = "SELECT ?t WHERE { BIND(<<( <urn:x:a> <urn:x:b> <urn:x:c> )>> AS ?t) }"
    for accept in ("application/sparql-results+json", "text/csv"):  # was a 500 (AttributeError)
        status, _, body = server.get("/sparql?" + urlencode({"query": triple_term}), accept)
        assert status == 400 and b"triple term" in body, (accept, status, body)


def test_a_runaway_query_is_stopped_while_a_quick_one_is_answered(server) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["status"], _, outcome["body"] = server.get(
            "/sparql?" + urlencode({"query": RUNAWAY})
        )
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    status, _, _body = server.get("/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}))
    quick = time.monotonic() - started
    thread.join(30)
    assert status == 200 and quick < 1.0, quick
    assert outcome["status"] == 503 and b"--timeout" in outcome["body"]  # type: ignore[operator]
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 1.5  # type: ignore[operator]
    # the killed worker was replaced: both workers answer again
    for _ in range(4):
        assert server.get("/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}))[0] == 200


def workers_of(server: AikgServer) -> set[int]:
    """The worker processes of the server (its children)."""
    pid = server.process.pid
    return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def test_the_worker_of_a_runaway_query_ends_and_a_new_one_takes_its_place(server) -> None:
    before = workers_of(server)
    assert len(before) == 2
    status, _, _body = server.get("/sparql?" + urlencode({"query": RUNAWAY}))
    assert status == 503
    deadline = time.monotonic() + 10
    while workers_of(server) & before == before and time.monotonic() < deadline:
        time.sleep(0.05)
    after = workers_of(server)
    (gone,) = before - after  # the worker that ran the query, and only it
    assert not Path(f"/proc/{gone}").exists()  # ended (and reaped): the query stopped with it
    assert len(after) == 2
    deadline = time.monotonic() + 10
    answered = 0
    while answered < 6 and time.monotonic() < deadline:  # the server answers all the while
        answered += server.get("/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}))[0] == 200
    assert answered == 6


def test_answers_are_capped_at_max_rows_with_a_notice(server) -> None:
    status, headers, body = server.get(
        "/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}), "text/csv"
    )
    assert status == 200
    assert headers["x-aikg-truncated"] == "true" and str(MAX_ROWS) in headers["x-aikg-notice"]
    assert body.count(b"\r\n") == MAX_ROWS + 1  # the header and MAX_ROWS rows


def test_request_bodies_are_size_limited(server) -> None:
    """Refused from the announced length, before the body is read; a chunked body (no
    length) is refused once it has passed the limit."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", "2000000")
    connection.endheaders()  # and no body: the answer comes without it
    response = connection.getresponse()
    assert response.status == 413 and b"larger than" in response.read()
    connection.close()
    chunks = (b"#" + b"x" * 99_999 for _ in range(15))  # 1.5 MB, chunked
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("POST", "/sparql", body=chunks, encode_chunked=True,
                           headers={"Content-Type": "application/sparql-query"})  # fmt: skip
        response = connection.getresponse()
        assert response.status == 413
    except (BrokenPipeError, ConnectionResetError):
        pass  # refused while the client was still sending: also a refusal
    finally:
        connection.close()
    assert server.get("/healthz")[0] == 200


# --- saved queries ------------------------------------------------------------------------


def test_the_catalog_as_json_and_as_a_page(server) -> None:
    catalog = load_catalog()
    status, _, body = server.get("/queries.json")
    listed = {q["name"]: q for q in json.loads(body)["queries"]}
    assert status == 200 and set(listed) == set(catalog)
    assert [p["name"] for p in listed["search"]["parameters"]] == ["text"]
    assert listed["entity"]["data"]["ttl"] == "/queries/entity.ttl"
    status, headers, page = server.get("/queries")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert all(f'href="/queries/{name}"'.encode() in page for name in catalog)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_saved_query_data_is_what_aikg_query_writes(server, data, fmt) -> None:
    status, _headers, body = server.get(f"/queries/search.{fmt}?" + urlencode({"text": "测试"}))
    cli = aikg_output(*[f"--data={p}" for p in data], "query", "search", "--param", "text=测试",
                  "--format", fmt)  # fmt: skip
    assert status == 200 and body == cli and cli.count(b"\n") > 3


def test_a_graph_query_as_turtle_is_what_aikg_query_writes(server, data) -> None:
    status, _, body = server.get("/queries/entity.ttl?" + urlencode({"entity": EVIL}))
    cli = aikg_output(*[f"--data={p}" for p in data], "query", "entity", "--param",
                  f"entity={EVIL}", "--format", "turtle")  # fmt: skip
    assert status == 200 and body == cli


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_injection_payloads_are_data(server, local, payload: str) -> None:
    status, _, body = server.get("/queries/search.json?" + urlencode({"text": payload}))
    expected = render(run_embedded(find_query("search"), {"text": payload}, store=local), "json")
    assert status == 200 and body == expected
    status, _, body = server.get("/queries/entity.ttl?" + urlencode({"entity": payload}))
    assert status == 400 and b"parameter 'entity'" in body


def test_parameter_errors_are_400_with_the_cli_message(server) -> None:
    status, _, body = server.get("/queries/entity.ttl")
    assert status == 400 and b"needs the parameter 'entity'" in body
    status, _, body = server.get("/queries/search.csv?text=a&text=b")
    assert status == 400 and b"given twice" in body
    status, _, body = server.get("/queries/search.csv?nope=1&text=a")
    assert status == 400 and b"has no parameter 'nope'" in body
    assert server.get("/queries/entity.csv?entity=organization:cnnic")[0] == 400  # a CONSTRUCT
    assert server.get("/queries/no-such-query")[0] == 404


def test_a_saved_query_page_has_its_form_table_paging_and_links(server) -> None:
    status, _, page = server.get("/queries/search?" + urlencode({"text": "测试"}))
    html = page.decode()
    assert status == 200 and '<form method="get" action="/queries/search"' in html
    assert 'name="text" value="测试"' in html and "<table>" in html
    assert f'href="/queries/search.csv?{urlencode({"text": "测试"})}"' in html
    status, _, page = server.get("/queries/search")  # nothing to run yet: the form only
    assert status == 200 and "Give text to run the query." in page.decode()
    status, _, page = server.get("/queries/metrics?page=2")
    assert status == 200 and ("previous" in page.decode() or "Rows" in page.decode())


# --- OpenAPI --------------------------------------------------------------------------------


def test_openapi_has_one_operation_per_saved_query(server) -> None:
    status, _, body = server.get("/openapi.json")
    document = json.loads(body)
    assert status == 200 and document["openapi"].startswith("3.")
    catalog = load_catalog()
    operations = {
        path: item["get"]
        for path, item in document["paths"].items()
        if path.startswith("/queries/")
    }
    assert set(operations) == {f"/queries/{name}.{{format}}" for name in catalog}
    search = operations["/queries/search.{format}"]
    params = {p["name"]: p for p in search["parameters"]}
    assert params["text"]["required"] is True and params["text"]["schema"]["type"] == "string"
    by_area = {p["name"]: p for p in operations["/queries/by-area.{format}"]["parameters"]}
    assert by_area["place"]["schema"] == {"type": "string", "format": "uri"}
    assert by_area["subplaces"]["schema"]["type"] == "boolean"
    assert by_area["subplaces"]["required"] is False
    # every operation can be called as it says
    status, _, body = server.get("/queries/by-area.json?subplaces=true")
    assert status == 200 and "results" in json.loads(body)


# --- entities -------------------------------------------------------------------------------


def test_an_entity_by_content_negotiation(server, data) -> None:
    cli = aikg_output(*[f"--data={p}" for p in data], "query", "entity", "--param",
                  f"entity={EVIL}", "--format", "turtle")  # fmt: skip
    status, headers, body = server.get("/id/organization/serve-test-evil", "text/turtle")
    assert status == 200 and body == cli and "Accept" in headers["vary"]
    for media, fmt in (("application/ld+json", "json-ld"), ("application/n-triples", "nt")):
        status, headers, body = server.get("/id/organization/serve-test-evil", media)
        assert status == 200 and headers["content-type"].startswith(media)
        assert isomorphic(Graph().parse(data=body, format=fmt), Graph().parse(data=cli))
    assert server.get("/id/organization/serve-test-nobody", "text/turtle")[0] == 404
    assert server.get("/id/organization/serve-test-nobody", "text/html")[0] == 404


def test_an_entity_page_escapes_labels_and_links_its_neighbours(server) -> None:
    status, headers, body = server.get("/id/organization/serve-test-evil", "text/html")
    html = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in headers["content-security-policy"]
    for hostile in (IMG, SCRIPT, QUOTE):
        assert hostile not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="/id/organization/serve-test-parent"' in html  # a related entity, a link
    assert 'href="/id/doc/serve-test-doc"' in html  # the statement's source
    assert "&lt;img src=q onerror=alert(11)&gt; &amp; &lt;/blockquote&gt;" in html  # its quote


def test_a_variable_page_charts_its_series(server) -> None:
    status, _, body = server.get("/id/var/serve-test-users", "text/html")
    html = body.decode()
    assert status == 200 and html.count("<circle") == 2
    assert 'href="/id/obs/serve-test-o1"' in html and QUOTES not in html


def test_the_home_page_counts_the_graph(server, local) -> None:
    deadline = time.monotonic() + 60
    while True:  # the overview is computed once, on the first request (see serve/home.py)
        status, _, body = server.get("/")
        html = body.decode()
        if "being computed" not in html or time.monotonic() > deadline:
            break
        assert status == 200 and 'href="/queries/latest"' in html
        time.sleep(0.5)
    summary = local.summary()
    assert status == 200 and f"{summary.triples:,} triples" in html
    assert f"{summary.sources:,} source documents" in html
    assert 'href="/queries"' in html


def test_pages_answer_errors_as_pages(server) -> None:
    status, headers, body = server.get("/nowhere", "text/html")
    assert status == 404 and headers["content-type"].startswith("text/html")
    status, headers, body = server.get("/nowhere")
    assert status == 404 and body == b"nothing at /nowhere\n"


# --- the command ----------------------------------------------------------------------------


def test_sigterm_stops_the_server_and_its_workers_cleanly(data, tmp_path: Path) -> None:
    running = AikgServer([f"--data={path}" for path in data], ["--workers", "2"], tmp_path / "log")
    try:
        workers = workers_of(running)
        assert len(workers) == 2
        running.process.send_signal(signal.SIGTERM)
        assert running.process.wait(10) == 0
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    finally:
        running.stop()
    assert b"Traceback" not in running.log.read_bytes()


def test_bad_settings_are_one_line_errors(data) -> None:
    import subprocess
    import sys

    def serve(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "aikg", f"--data={data[0]}", "serve", *args],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    done = serve("--timeout", "0")
    assert done.returncode == 2 and done.stderr.startswith("aikg: error: --timeout 0")
    # Not the loopback: a warning first; 192.0.2.1 (TEST-NET-1) is no address of this machine.
    done = serve("--host", "192.0.2.1", "--port", "0")
    assert done.returncode == 2, done.stderr
    assert "Warning: binding 192.0.2.1" in done.stderr and "cannot listen on" in done.stderr
    assert "Traceback" not in done.stderr


# --- the view -------------------------------------------------------------------------------


def test_a_neighbourhood_as_json(server) -> None:
    status, _, body = server.get("/view/neighbourhood.json?" + urlencode({"iri": EVIL, "depth": 2}))
    data = json.loads(body)
    ids = {node["id"] for node in data["nodes"]}
    assert status == 200 and EVIL in ids
    assert "https://w3id.org/aikg/id/organization/serve-test-parent" in ids
    assert {"from": EVIL, "to": "https://w3id.org/aikg/id/organization/serve-test-parent",
            "p": "schema:parentOrganization"} in data["edges"]  # fmt: skip
    # statements and annotations are provenance, shown on the entity pages, not in the view
    assert not any("/stmt/" in i or "/anno/" in i for i in ids)
    evil = next(node for node in data["nodes"] if node["id"] == EVIL)
    assert evil["en"] == IMG and evil["href"] == "/id/organization/serve-test-evil"
    assert server.get("/view/neighbourhood.json?iri=not%20an%20iri")[0] == 400
    status, _, page = server.get("/view?" + urlencode({"focus": EVIL}))
    assert status == 200 and b'src="/view/vis-network.min.js"' in page
    assert server.get("/view/vis-network.min.js")[0] == 200


def test_a_hubs_neighbourhood_is_bounded(tmp_path: Path) -> None:
    """A hub (150 units and 150 sponsors, each unit with three sub-units of its own): at depth 3
    the server reads at most 100 entities a relation and stops the walk at 300, nearer first,
    and says it left some out."""
    hub = "https://w3id.org/aikg/id/organization/serve-hub"
    lines = [PREFIXES_FOR_HUB, f'<{hub}> a schema:Organization ; rdfs:label "Hub"@en .']
    for i in range(150):
        unit, sponsor = f"{hub}-unit-{i:03d}", f"{hub}-sponsor-{i:03d}"
        lines.append(f"<{unit}> a schema:Organization ; schema:parentOrganization <{hub}> .")
        lines.append(f"<{sponsor}> a schema:Organization . <{hub}> schema:sponsor <{sponsor}> .")
        for j in range(3):
            lines.append(
                f"<{unit}-{j}> a schema:Organization ; schema:parentOrganization <{unit}> ."
            )
    path = tmp_path / "hub.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    running = AikgServer(
        [f"--data={path}", "--store", f"oxigraph:{tmp_path / 'store'}"],
        ["--timeout", str(TIMEOUT), "--workers", "1"],
        tmp_path / "serve.log",
    )
    try:
        status, _, body = running.get(
            "/view/neighbourhood.json?" + urlencode({"iri": hub, "depth": 3})
        )
    finally:
        running.stop()
    data = json.loads(body)
    ids = [node["id"] for node in data["nodes"]]
    assert status == 200 and data["truncated"] is True and len(ids) == 300 and ids[0] == hub
    units = sorted(f"{hub}-unit-{i:03d}" for i in range(150))[:100]
    sponsors = sorted(f"{hub}-sponsor-{i:03d}" for i in range(150))[:100]
    assert set(units) | set(sponsors) <= set(ids)  # the first step's, 100 a relation
    assert f"{hub}-unit-100" not in ids and f"{hub}-sponsor-100" not in ids
    assert len([i for i in ids if i.count("-") > 3 and i.rsplit("-", 1)[1] in "012"]) == 99


def test_an_answer_larger_than_a_pipe_buffer_arrives_whole(server) -> None:
    long = "长" * 100_000  # 300 kB of UTF-8: several times a pipe's buffer
    query = f'SELECT ?x WHERE {{ VALUES ?x {{ "{long}" "b" }} }}'
    status, _, body = server.post("/sparql", query.encode(), "application/sparql-query", "text/csv")
    assert status == 200 and body == f"x\r\n{long}\r\nb\r\n".encode()


def test_a_task_that_panics_is_an_internal_error_and_its_thread_goes_on() -> None:
    """A task raising a BaseException (a Rust panic in pyoxigraph is one) is reported as an
    internal error at once: the query thread neither dies nor leaves the timer to end the
    worker, and the same threads answer the next tasks."""
    import asyncio

    from aikg.serve.workers import QueryRunner, WorkerFailed

    class Panic(BaseException):
        pass

    def panic(store: object) -> None:
        raise Panic("explicit panic")

    overruns: list[bool] = []
    runner = QueryRunner(
        None,
        {"panic": panic, "echo": lambda store, x: x},
        timeout=1.0,
        on_overrun=lambda: overruns.append(True),
        threads=1,
    )

    async def calls() -> list[object]:
        answers: list[object] = []
        for _ in range(2):
            with pytest.raises(WorkerFailed, match="Panic: explicit panic"):
                await runner.call("panic")
            answers.append(await runner.call("echo", 42))
        return answers

    started = time.monotonic()
    assert asyncio.run(calls()) == [42, 42]
    assert time.monotonic() - started < 0.9 and not overruns and not runner.overrun
