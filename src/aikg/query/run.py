"""Run a saved query with its parameters, on the embedded store or on a SPARQL 1.1 server.

The same bound text goes to both engines: the parameters are bound as a ``VALUES`` block, the
result is checked for syntax (an error names the query file, line and column as written), and
then it runs, on the embedded store (:mod:`aikg.store`: Oxigraph or rdflib) or through the
SPARQL 1.1 Protocol.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from aikg.errors import InputError
from aikg.query import sparql
from aikg.query.catalog import SavedQuery
from aikg.query.parameters import bind, is_iri
from aikg.query.remote import DEFAULT_TIMEOUT, Credentials, query_endpoint
from aikg.query.results import Result

if TYPE_CHECKING:
    from aikg.store.oxigraph import GraphStore


def prepare(query: SavedQuery, given: dict[str, str]) -> str:
    """The text to run: ``query`` with ``given`` (and defaults) bound, checked for syntax.

    A syntax error is reported in the terms of the query as written (its file, line and
    column), and takes precedence over a parameter error it may have caused.
    """
    try:
        text = bind(query, given)
    except InputError:
        sparql.check(query)
        raise
    try:
        sparql.parse(text, query.origin, allow_service=True)
    except InputError:
        sparql.check(query)
        raise
    return text


def run_embedded(
    query: SavedQuery,
    given: dict[str, str] | None = None,
    *,
    graph: Graph | None = None,
    data: Sequence[Path] | None = None,
    store: GraphStore | None = None,
    allow_service: bool = False,
) -> Result:
    """Run ``query`` on ``store``, or on the rdflib ``graph``; by default on the ontology and
    the bundled graph (or ``data``) in the default store (see :mod:`aikg.store`)."""
    from aikg.store.oxigraph import MemoryStore, open_store

    if store is None:
        store = MemoryStore(graph) if graph is not None else open_store(None, data)
    return store.run(query, given or {}, allow_service=allow_service)


def run_remote(
    query: SavedQuery,
    given: dict[str, str] | None = None,
    *,
    endpoint: str,
    default_graph: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    credentials: Credentials | None = None,
) -> Result:
    """Run ``query`` on the SPARQL endpoint ``endpoint``."""
    if default_graph is not None and not is_iri(default_graph):
        raise InputError(f"--default-graph {default_graph!r} is not an absolute IRI")
    text = prepare(query, given or {})
    return query_endpoint(
        endpoint,
        text,
        query.form,
        default_graph=default_graph,
        timeout=timeout,
        credentials=credentials,
    )
