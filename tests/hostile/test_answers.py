"""Hostile answers from endpoints: JSON-LD naming a context by reference (remote or local), JSON
nested too deeply. One line, exit 3, and nothing fetched."""

from __future__ import annotations

import json

import pytest
from test_secrets import one_line, serve

from oxigraph_server import run_aikg

CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1"


@pytest.mark.parametrize("where", ["remote", "file", "path"])
def test_a_jsonld_answer_naming_its_context_is_refused_and_nothing_fetched(where: str) -> None:
    with serve(lambda r: (200, {"Content-Type": "application/ld+json"}, b"{}")) as (ctx, seen):
        ref = {"remote": f"{ctx}/context.jsonld", "file": "file:///etc/passwd", "path": "ctx.json"}
        answer = json.dumps(
            {"@context": ref[where], "@id": "http://e/s", "http://e/p": "o"}
        ).encode()
        with serve(lambda r: (200, {"Content-Type": "application/ld+json"}, answer)) as (url, _):
            done = run_aikg("query", "-e", CONSTRUCT, "--endpoint", f"{url}/sparql", timeout=60)
    line = one_line(done, 3)
    assert "@context" in line
    assert not seen, "the remote context was not fetched"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/sparql-results+json", b"[" * 200000 + b"]" * 200000),
        ("application/ld+json", b'{"a":' * 200000 + b"1" + b"}" * 200000),
    ],
    ids=["results", "jsonld"],
)
def test_a_deeply_nested_json_answer_is_one_line(content_type: str, body: bytes) -> None:
    query = "SELECT ?x WHERE { ?x ?p ?o }" if "results" in content_type else CONSTRUCT
    with serve(lambda r: (200, {"Content-Type": content_type}, body)) as (url, _):
        done = run_aikg("query", "-e", query, "--endpoint", f"{url}/sparql", timeout=60)
    one_line(done, 3)


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_a_service_answer_of_an_unsupported_type_is_one_line(store: str) -> None:
    # issue 15 item 12: an embedded query's SERVICE call answered with text/plain (before: a
    # RuntimeError traceback on the default store)
    with serve(lambda r: (200, {"Content-Type": "text/plain"}, b"hello")) as (url, seen):
        query = f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"
        done = run_aikg("--store", store, "query", "--allow-service", "-e", query, timeout=60)
    line = one_line(done, 2)
    assert "the query failed" in line
    assert seen, "the service was called"
