"""What the server's workers do with the store (:mod:`aikg.serve.workers`).

Each task takes the store and plain arguments and gives back bytes or plain data, computed on a
query thread of the worker that accepted the request: rendered results
(:mod:`aikg.query.results`), capped at ``max_rows``, or the data of a page. Every query runs
through :func:`aikg.query.run.run_embedded`, which binds parameters as typed terms and refuses
``SERVICE`` and ``FROM``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef

from aikg.errors import InputError
from aikg.query.catalog import SavedQuery
from aikg.query.parameters import sparql_term
from aikg.query.results import (
    Boolean,
    GraphResult,
    Result,
    Table,
    check_format,
    oxigraph_json,
    render,
)
from aikg.query.run import oxigraph_answer, oxigraph_result, run_embedded
from aikg.serve.negotiation import GRAPH_MEDIA, GRAPH_TYPES, TABLE_MEDIA, TABLE_TYPES, choose

if TYPE_CHECKING:
    from aikg.store.base import GraphStore


class NotAcceptable(InputError):
    """The client accepts none of the formats the answer can take (HTTP 406)."""


@dataclass(frozen=True)
class Answer:
    """A rendered result: its bytes and media type, how many rows or triples it holds, and
    whether more were left out (``max_rows``)."""

    body: bytes
    media: str
    count: int
    truncated: bool


def size(result: Result) -> int:
    """Rows of a table, triples of a graph, 1 for a boolean."""
    if isinstance(result, Table):
        return len(result.rows)
    if isinstance(result, GraphResult):
        return len(result.graph)
    return 1


def cut(result: Result, max_rows: int) -> tuple[Result, bool]:
    """``result`` with at most ``max_rows`` rows or triples, and whether some were left out."""
    if size(result) <= max_rows or isinstance(result, Boolean):
        return result, False
    if isinstance(result, Table):
        return Table(result.variables, result.rows[:max_rows]), True
    graph = Graph()
    for triple in sorted(result.graph)[:max_rows]:
        graph.add(triple)
    return GraphResult(graph), True


def media_of(result: Result, fmt: str) -> str:
    return (GRAPH_MEDIA if isinstance(result, GraphResult) else TABLE_MEDIA)[fmt]


def _answer(result: Result, fmt: str, max_rows: int, *, pretty: bool = True) -> Answer:
    result, truncated = cut(result, max_rows)
    body = render(result, fmt, pretty=pretty)
    return Answer(body, media_of(result, fmt), size(result), truncated)


def query_text(text: str) -> SavedQuery:
    """A query sent to ``/sparql``: no catalog header, no parameters (its ``?_x`` variables
    are plain variables), so no outline either: with nothing to bind, the text runs as sent."""
    if not text.strip():
        raise InputError("query: the query is empty")
    return SavedQuery(name="query", text=text, origin="query")


def sparql(store: GraphStore, text: str, accept: str | None, max_rows: int) -> Answer:
    """A SPARQL 1.1 Protocol query: run, capped, in the format ``accept`` prefers.

    The usual answer of a server, a SELECT as SPARQL JSON on Oxigraph, is written from
    pyoxigraph's terms (:func:`~aikg.query.results.oxigraph_json`), the same bytes sooner.
    """
    from aikg.store.oxigraph import OxigraphStore

    query = query_text(text)
    if isinstance(store, OxigraphStore) and choose(accept, TABLE_TYPES) == "json":
        found = oxigraph_answer(store, query, {}, lambda found: _json_or_result(found, max_rows))
        if isinstance(found, Answer):
            return found
        result = found
    else:
        result = run_embedded(query, {}, store=store, max_rows=max_rows, interruptible=False)
    offered = GRAPH_TYPES if isinstance(result, GraphResult) else TABLE_TYPES
    fmt = choose(accept, offered)
    if fmt is None:
        kinds = ", ".join(dict.fromkeys(offered))
        raise NotAcceptable(f"cannot answer in {accept!r}; this answer can be sent as {kinds}")
    return _answer(result, fmt, max_rows, pretty=False)


def _json_or_result(found: Any, max_rows: int) -> Answer | Result:
    """pyoxigraph's solutions as SPARQL JSON (at most ``max_rows`` of them); any other answer
    (a boolean, triples) as a result, which the caller writes."""
    import pyoxigraph as ox

    if not isinstance(found, ox.QuerySolutions):
        return oxigraph_result(found, max_rows)
    variables = [variable.value for variable in found.variables]
    solutions = list(islice(found, max_rows + 1))
    kept = solutions[:max_rows]
    body = oxigraph_json(variables, kept)
    return Answer(body, TABLE_MEDIA["json"], len(kept), len(solutions) > max_rows)


def saved(
    store: GraphStore, query: SavedQuery, given: dict[str, str], fmt: str, max_rows: int
) -> Answer:
    """A saved query with its parameters, as ``aikg query NAME --param ... --format fmt``."""
    check_format(fmt, query.form or "SELECT")
    result = run_embedded(query, given, store=store, max_rows=max_rows, interruptible=False)
    return _answer(result, fmt, max_rows)


def rows(
    store: GraphStore, query: SavedQuery, given: dict[str, str], max_rows: int
) -> tuple[Result, bool]:
    """A saved query's result for its page, capped (rdflib terms)."""
    result = run_embedded(query, given, store=store, max_rows=max_rows, interruptible=False)
    return cut(result, max_rows)


def graph_of(store: GraphStore, text: str) -> Graph:
    """The graph of the CONSTRUCT ``text`` (written by the server, not by a client)."""
    result = run_embedded(query_text(text), {}, store=store, interruptible=False)
    assert isinstance(result, GraphResult), "a CONSTRUCT"
    return result.graph


def describe(store: GraphStore, query: SavedQuery, iri: str, fmt: str) -> Answer | None:
    """What ``aikg query entity --param entity=IRI --format fmt`` writes; ``None`` when the
    graph says nothing of ``iri``."""
    result = run_embedded(query, {"entity": iri}, store=store, interruptible=False)
    assert isinstance(result, GraphResult), "the entity query is a CONSTRUCT"
    if not len(result.graph):
        return None
    return Answer(render(result, fmt), GRAPH_MEDIA[fmt], len(result.graph), False)


#: Labels of the nodes a page names, and the source document of each stored text.
_CONTEXT = """
PREFIX aikg: <https://w3id.org/aikg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
CONSTRUCT { ?n rdfs:label ?l . ?doc aikg:sourceText ?n . ?doc rdfs:label ?dl .
            ?doc schema:datePublished ?date }
WHERE {
  VALUES ?n { %s }
  { ?n rdfs:label ?l }
  UNION { ?doc aikg:sourceText ?n OPTIONAL { ?doc rdfs:label ?dl }
          OPTIONAL { ?doc schema:datePublished ?date } }
}
"""


def context(store: GraphStore, nodes: list[URIRef]) -> Graph:
    """Labels of ``nodes`` and the documents of the texts among them (one query)."""
    if not nodes:
        return Graph()
    return graph_of(store, _CONTEXT % " ".join(sparql_term(n) for n in sorted(set(nodes))))


#: A variable's observations with what a series chart reads of them (series.py).
_SERIES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
CONSTRUCT { ?obs ?p ?o . ?o ?q ?v . ?p rdfs:label ?pl }
WHERE {
  ?obs schema:variableMeasured %s ; ?p ?o .
  OPTIONAL { ?p rdfs:label ?pl }
  OPTIONAL { ?o ?q ?v FILTER (isLiteral(?v) || ?q = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>
                              || ?q = schema:publisher) }
}
"""


def entity(
    store: GraphStore, query: SavedQuery, iri: str, max_points: int
) -> dict[str, Any] | None:
    """The data of an entity's page (:func:`aikg.serve.entity.page_data`); ``None`` when the
    graph says nothing of ``iri``."""
    from aikg.serve.entity import page_data, wanted_context

    result = run_embedded(query, {"entity": iri}, store=store, interruptible=False)
    assert isinstance(result, GraphResult), "the entity query is a CONSTRUCT"
    graph = result.graph
    if not len(graph):
        return None
    node = URIRef(iri)
    graph += context(store, wanted_context(graph, node))
    observations = None
    if (node, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef("https://schema.org/StatisticalVariable")) in graph:  # fmt: skip
        observations = graph_of(store, _SERIES % sparql_term(node))
    return page_data(graph, node, observations, max_points)


def overview(
    store: GraphStore, sources: SavedQuery | None, latest: SavedQuery | None, max_rows: int
) -> dict[str, Any]:
    """What the home page shows: counts by class, and the rows of the catalog's ``sources``
    (the documents) and ``latest`` (the latest figures) queries where it has them."""
    from aikg.serve.entity import home_data

    summary = store.summary()
    names = context(store, [cls for cls, _ in summary.by_class])
    docs = rows(store, sources, {}, max_rows) if sources is not None else None
    figures = rows(store, latest, {}, max_rows) if latest is not None else None
    return home_data(summary, names, docs, figures)


def neighbourhood(store: GraphStore, iri: str, depth: int, max_nodes: int) -> dict[str, Any]:
    """The view's neighbourhood of ``iri`` (:mod:`aikg.serve.view_data`)."""
    from aikg.serve.view_data import view_data

    return view_data(store, iri, depth, max_nodes)


#: The tasks a worker runs, by name.
TASKS: dict[str, Callable[..., Any]] = {
    "sparql": sparql,
    "saved": saved,
    "rows": rows,
    "describe": describe,
    "entity": entity,
    "overview": overview,
    "neighbourhood": neighbourhood,
}
