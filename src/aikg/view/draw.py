"""What the view draws: the whole network, a saved query's result, or a neighbourhood.

In: a store (the one ``--store`` chose) and what to draw. Out: the page
(:func:`aikg.view.page.render`). A saved query runs on the store through
:func:`aikg.query.run.run_embedded`, its parameters bound there like any query's.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from aikg.errors import InputError, SettingError
from aikg.labels import labels
from aikg.namespaces import shorten
from aikg.view.network import (
    build_network,
    neighbourhood,
    property_labels,
    relation_attributes,
    resolve,
)
from aikg.view.page import ViewResult, render

if TYPE_CHECKING:
    from aikg.store.base import GraphStore


def focus_network(
    net: nx.MultiDiGraph, focus: str, depth: int, source_links: bool = False
) -> tuple[nx.MultiDiGraph, str]:
    """The neighbourhood of the entity named ``focus`` (IRI, prefixed name or label)."""
    if depth < 0:
        raise SettingError("depth", "must be 0 or more")
    iri = resolve(net, focus)
    return neighbourhood(net, iri, depth, source_links), iri


#: The most entities a whole-graph view draws unless asked to draw them all (``--all``).
WHOLE_LIMIT = 5000


class TooBigToDraw(InputError):
    """A whole-graph view of more than :data:`WHOLE_LIMIT` entities, not asked for."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(
            f"the graph has {count:,} entities, too many to draw usefully on one page (more "
            f"than {WHOLE_LIMIT:,}): draw one entity's neighbourhood (--focus ENTITY --depth N) "
            "or a saved CONSTRUCT query's result (--query NAME), or pass --all to draw every "
            "entity anyway"
        )


class NotAGraphQuery(InputError):
    """A saved query drawn in the view that gives a table or a boolean, not a graph."""

    def __init__(self, origin: str, form: str) -> None:
        self.origin, self.form = origin, form
        super().__init__(f"{origin}: a {form} query; the view draws a CONSTRUCT or DESCRIBE query")


def run_query(store: GraphStore, name: str, params: dict[str, str] | None = None) -> Graph:
    """The graph a saved CONSTRUCT or DESCRIBE query (catalog name or ``.rq`` file) returns
    on ``store``."""
    from aikg.query.catalog import find_query
    from aikg.query.results import GraphResult
    from aikg.query.run import run_embedded

    saved = find_query(name)
    found = run_embedded(saved, params or {}, store=store)
    if not isinstance(found, GraphResult):
        kind = {"table": "SELECT", "boolean": "ASK"}.get(found.kind, found.kind)
        raise NotAGraphQuery(saved.origin, kind)
    return found.graph


def query_network(
    store: GraphStore, net: nx.MultiDiGraph, name: str, params: dict[str, str] | None = None
) -> nx.MultiDiGraph:
    """The entities and relations a saved CONSTRUCT (or DESCRIBE) query returns on ``store``.

    Nodes are the result's IRIs that are entities of the store's graph; edges are the result's
    triples between them. Each node keeps its details from the whole graph.
    """
    return from_triples(store.graph(), net, run_query(store, name, params))


def from_triples(
    graph: Graph, net: nx.MultiDiGraph, triples: Iterable[tuple[Any, Any, Any]]
) -> nx.MultiDiGraph:
    """The entities of ``net`` that ``triples`` name, joined by the triples between them."""
    triples = list(triples)
    named = {str(t) for triple in triples for t in (triple[0], triple[2]) if isinstance(t, URIRef)}
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in sorted(named):
        if node in net:
            out.add_node(node, **net.nodes[node])
    for s, p, o in sorted(triples):
        if str(s) in out and str(o) in out and isinstance(p, URIRef) and p not in (RDF.type,):
            out.add_edge(str(s), str(o), **relation_attributes(p, property_labels(graph, p)))
    return out


P = ParamSpec("P")
R = TypeVar("R")


def without_gc_pauses(work: Callable[P, R]) -> Callable[P, R]:
    """``work`` with Python's cycle collector paused (as it was before, after): a page reads
    and builds hundreds of thousands of small objects (terms, triples, dicts) that nothing
    cycles through, and the collector, triggered by their count, walks them all again and
    again (0.37 s of the 100k hub's depth-2 page, 0.27 s of it in the read). What is freed
    is freed as before, by its reference count; a cycle waits for the next collection.

    Example:
        >>> without_gc_pauses(gc.isenabled)(), gc.isenabled()
        (False, True)
    """

    @functools.wraps(work)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return work(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@without_gc_pauses
def view(
    store: GraphStore,
    *,
    lang: str = "zh",
    focus: str | None = None,
    depth: int = 1,
    query: str | None = None,
    params: dict[str, str] | None = None,
    select: str | None = None,
    source_links: bool = False,
    title: str | None = None,
    whole: bool = False,
    max_neighbours: int | None = None,
) -> ViewResult:
    """The page for ``aikg view`` of the graph in ``store``: the whole graph, a saved query's
    result (run on ``store``), a neighbourhood.

    The whole graph is drawn only up to :data:`WHOLE_LIMIT` entities, or with ``whole``
    (:class:`TooBigToDraw` otherwise: a page of every entity of a large graph is hundreds of
    megabytes that no browser lays out usefully).

    A neighbourhood alone (``focus`` without ``query``) is read from the store around the
    entity (:mod:`aikg.view.neighbourhood`), never the whole graph; of the entities one node
    links to by one relation, it draws at most ``max_neighbours`` (default
    :data:`~aikg.view.neighbourhood.MAX_NEIGHBOURS`, 0: all).
    """
    if focus and not query:
        from dataclasses import replace

        from aikg.view.neighbourhood import MAX_NEIGHBOURS, neighbourhood

        limit = MAX_NEIGHBOURS if max_neighbours is None else max_neighbours
        around = neighbourhood(store, focus, depth, source_links=source_links, max_neighbours=limit)
        net = around.network()
        subtitle = f"--focus {shorten(around.focus)} --depth {depth}"
        page = render(
            around.graph,
            net,
            lang=lang,
            title=title,
            select=resolve(net, select) if select else around.focus,
            source_links=source_links,
            subtitle=subtitle + (f" --max-neighbours {limit}" if around.folded else ""),
            folded=around.folded,
            unquoted=bool(around.unquoted),
        )
        return replace(page, not_drawn=around.not_drawn, max_neighbours=limit)
    if max_neighbours is not None:
        raise SettingError(
            "max_neighbours", "applies to a neighbourhood alone (--focus without --query)"
        )
    if not focus and not query and not whole:
        count = store.entity_count()
        if count > WHOLE_LIMIT:
            raise TooBigToDraw(count)
    graph = store.graph()
    net = build_network(graph)
    subtitle_parts: list[str] = []
    if query:
        net = query_network(store, net, query, params)
        subtitle_parts.append(f"--query {query}")
    if focus:
        net, iri = focus_network(net, focus, depth, source_links)
        select = select or iri
        subtitle_parts.append(f"--focus {shorten(iri)} --depth {depth}")
    if select:
        select = resolve(net, select)
    return render(
        graph,
        net,
        lang=lang,
        title=title,
        select=select,
        source_links=source_links,
        subtitle=" ".join(subtitle_parts) or None,
    )


def class_labels(graph: Graph, lang: str) -> dict[str, str]:
    """Prefixed class name -> the class's label in ``lang``, for every displayed class."""
    from aikg.store.stats import displayed_classes

    return {shorten(str(c)): labels(graph, c).get(lang) for c in displayed_classes(graph)}
