"""Run a saved query with its parameters: on a store (Oxigraph or rdflib) or on a SPARQL server.

Every engine gets its text from :func:`bound`, the one place parameters are bound (as a
``VALUES`` block, :mod:`aikg.query.parameters`); a syntax error of the query as written is
reported first, in its own terms (file, line and column). Then:

- on an Oxigraph store (:class:`~aikg.store.oxigraph.OxigraphStore`) the text runs natively,
  after :func:`~aikg.query.sparql.refuse_network`; rdflib's slower parser is consulted only
  to name a syntax error Oxigraph found;
- on rdflib's graph (:class:`~aikg.store.memory.MemoryStore`) it is checked by rdflib's parser
  and run by :func:`aikg.query.sparql.run`;
- on a server it is checked the same way (:func:`prepare`) and sent through the SPARQL 1.1
  Protocol (:mod:`aikg.query.remote`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rdflib import Graph

from aikg.errors import InputError, SettingError, TimedOut
from aikg.query import sparql
from aikg.query.catalog import SavedQuery
from aikg.query.parameters import bind, is_iri
from aikg.query.remote import (
    DEFAULT_TIMEOUT,
    Credentials,
    Late,
    check_timeout,
    in_thread,
    query_endpoint,
)
from aikg.query.results import Boolean, GraphResult, Result, Table

if TYPE_CHECKING:
    from aikg.store.base import GraphStore
    from aikg.store.oxigraph import OxigraphStore

T = TypeVar("T")


def bound(query: SavedQuery, given: dict[str, str]) -> str:
    """The text of ``query`` with ``given`` (and defaults) bound; a syntax error of the query
    as written takes precedence over a parameter error it may have caused."""
    try:
        return bind(query, given)
    except InputError:
        sparql.check(query)
        raise


def prepare(query: SavedQuery, given: dict[str, str]) -> str:
    """The text to run: :func:`bound`, then checked for syntax by rdflib's parser.

    A syntax error is reported in the terms of the query as written (its file, line and
    column).
    """
    text = bound(query, given)
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
    store: GraphStore | None = None,
    graph: Graph | None = None,
    data: Sequence[Path] | None = None,
    allow_service: bool = False,
    timeout: float | None = None,
    max_rows: int | None = None,
    interruptible: bool = True,
) -> Result:
    """Run ``query`` on ``store``, or on the rdflib ``graph``; by default on the ontology and
    the bundled graph (or ``data``) in the default store (see :mod:`aikg.store`).

    ``timeout`` (seconds) bounds the query, not the loading of the graph: past it the query is
    abandoned and :class:`TimedOut` raised. ``None``: no deadline (a long query over the whole
    graph is legitimate), except that a query allowed to reach the network (``allow_service``)
    waits :data:`~aikg.query.remote.DEFAULT_TIMEOUT` at most, like every network call. Either
    way the query runs on a thread the caller waits on, so Ctrl-C stops the wait
    (:class:`~aikg.errors.Interrupted`). rdflib's evaluation also stops itself at the deadline;
    Oxigraph's cannot be cancelled and runs on until the process ends (the command line leaves
    at once, see :func:`aikg.cli.state.leave`).

    ``max_rows``: keep at most that many rows (or triples) and one more, which tells the
    caller there were more; on Oxigraph the rest are never read. ``interruptible=False``: run
    an Oxigraph query in this thread, with no deadline, for a process that is killed rather
    than interrupted (a server's worker, :mod:`aikg.serve.workers`), saving a thread a query.
    """
    from aikg.store import open_store
    from aikg.store.memory import MemoryStore
    from aikg.store.oxigraph import OxigraphStore

    if timeout is not None:
        check_timeout(timeout)
    elif allow_service:
        timeout = DEFAULT_TIMEOUT
    if store is None:
        store = MemoryStore(graph) if graph is not None else open_store(None, data)
    given = given or {}
    if isinstance(store, OxigraphStore):
        return _on_oxigraph(
            store,
            query,
            given,
            allow_service=allow_service,
            timeout=timeout,
            max_rows=max_rows,
            interruptible=interruptible,
        )
    text = prepare(query, given)
    deadline = None if timeout is None else time.monotonic() + timeout
    on = store.graph()
    run = sparql.run
    result = _bounded(
        lambda: run(on, text, query.origin, allow_service=allow_service, deadline=deadline),
        query,
        timeout,
    )
    return capped(result, max_rows)


def _bounded(work: Callable[[], Result], query: SavedQuery, timeout: float | None) -> Result:
    """``work`` on a thread the caller waits on, for ``timeout`` seconds at most."""
    try:
        return in_thread(work, timeout)
    except (Late, sparql.PastDeadline):  # whichever notices first, the caller or rdflib
        raise TimedOut(
            f"{query.origin}: the query timed out after {timeout:g} s and was abandoned"
        ) from None


def capped(result: Result, max_rows: int | None) -> Result:
    """``result`` with at most ``max_rows`` + 1 rows or triples (all of them for ``None``)."""
    if max_rows is None:
        return result
    if isinstance(result, Table):
        return Table(result.variables, result.rows[: max_rows + 1])
    if isinstance(result, GraphResult) and len(result.graph) > max_rows + 1:
        graph = Graph()
        for triple in islice(result.graph, max_rows + 1):
            graph.add(triple)
        return GraphResult(graph)
    return result


def _on_oxigraph(
    store: OxigraphStore,
    query: SavedQuery,
    given: dict[str, str],
    *,
    allow_service: bool,
    timeout: float | None,
    max_rows: int | None = None,
    interruptible: bool = True,
) -> Result:
    if not interruptible:  # a server's worker: killed at its deadline, never interrupted
        return oxigraph_answer(
            store, query, given, lambda found: oxigraph_result(found, max_rows), allow_service
        )
    text = bound(query, given)
    sparql.refuse_network(text, query.origin, allow_service=allow_service)
    with _oxigraph_errors(query, given):
        # In a thread the main thread waits on: pyoxigraph cannot be interrupted from Python, so
        # in the main thread a long load or a runaway query would ignore Ctrl-C and any deadline.
        # The graph is loaded (or reopened) first, without the deadline, which bounds the query.
        engine = in_thread(lambda: store.store)
        return _bounded(lambda: oxigraph_result(engine.query(text), max_rows), query, timeout)


def oxigraph_answer(
    store: OxigraphStore,
    query: SavedQuery,
    given: dict[str, str],
    convert: Callable[[Any], T],
    allow_service: bool = False,
) -> T:
    """``convert`` of pyoxigraph's own answer to ``query`` (``QuerySolutions``,
    ``QueryBoolean`` or ``QueryTriples``), run in this thread with no deadline (a server's
    worker, which ends at its deadline), with the checks and errors of :func:`run_embedded`.
    ``convert`` reads the answer, so errors met while reading it are reported as well."""
    text = bound(query, given)
    sparql.refuse_network(text, query.origin, allow_service=allow_service)
    with _oxigraph_errors(query, given):
        return convert(store.store.query(text))


@contextmanager
def _oxigraph_errors(query: SavedQuery, given: dict[str, str]) -> Iterator[None]:
    """Oxigraph's errors as one-line input errors."""
    try:
        yield
    except SyntaxError as exc:
        # rdflib's parser names the file, line and column of the query as written
        prepare(query, given)
        message = " ".join(str(exc).split())
        raise InputError(f"{query.origin}: invalid query: {message}") from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: e.g. a SERVICE answer it cannot read
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"{query.origin}: the query failed on the store: {message}") from None


def oxigraph_result(found: Any, max_rows: int | None = None) -> Result:
    """Our result for what pyoxigraph's ``Store.query`` gave (terms as rdflib's); with
    ``max_rows``, the first ``max_rows`` + 1 rows or triples only."""
    import pyoxigraph as ox

    from aikg.store.terms import RdflibTerms

    if isinstance(found, ox.QueryBoolean):
        return Boolean(bool(found))
    term = RdflibTerms()
    if isinstance(found, ox.QuerySolutions):
        variables = [v.value for v in found.variables]
        solutions = found if max_rows is None else islice(found, max_rows + 1)
        return Table(variables, [tuple(map(term, solution)) for solution in solutions])
    graph = Graph()
    for triple in found if max_rows is None else islice(found, max_rows + 1):
        graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return GraphResult(graph)


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
        raise SettingError("default_graph", f"{default_graph!r} is not an absolute IRI")
    text = prepare(query, given or {})
    return query_endpoint(
        endpoint,
        text,
        query.form,
        default_graph=default_graph,
        timeout=timeout,
        credentials=credentials,
    )
