"""The entity network's skeleton read from the store: what ``aikg analyze`` computes on.

:func:`skeleton` gives the network :func:`aikg.view.network.build_network` would give, with the
same nodes (the entities, each with its ``cls``) and the same edges (relations between them,
memberships, source links marked ``provenance``), but none of the details the view shows:
on Oxigraph the entities and relations are two SPARQL queries and nothing else of the graph
reaches Python. :func:`describe` then reads, for the few entities a report names, their
labels as the view draws them (an observation by its value and period).

Example:
    >>> from aikg.store import open_store
    >>> store = open_store("oxigraph")
    >>> net = skeleton(store)
    >>> net.number_of_nodes() == store.entity_count()
    True
    >>> describe(store, ["https://w3id.org/aikg/id/organization/cnnic"])[
    ...     "https://w3id.org/aikg/id/organization/cnnic"]["label_en"]
    'China Internet Network Information Center'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import ORG, RDF

from aikg.namespaces import shorten
from aikg.query.parameters import sparql_term
from aikg.store.stats import entities
from aikg.view.neighbourhood import brief_graph, reader_of
from aikg.view.network import HEADING, PROVENANCE, build_network, primary_class

if TYPE_CHECKING:
    from aikg.store.base import GraphStore


def skeleton(store: GraphStore) -> nx.MultiDiGraph:
    """Every entity of ``store`` (attributes ``cls``, ``classes``, ``curie``) and every relation
    between two entities, memberships and source links included (marked ``provenance``)."""
    from aikg.store.oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        found, links = _on_oxigraph(store)
    else:
        found, links = _on_graph(store)
    net: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for iri in sorted(found):
        classes = sorted(found[iri])
        net.add_node(
            iri,
            iri=iri,
            curie=shorten(iri),
            classes=[shorten(str(c)) for c in classes],
            cls=shorten(str(primary_class(classes))),
        )
    for s, p, o, via in links:
        if s not in found or o not in found:
            continue
        if via is None:
            prop = URIRef(p)
            net.add_edge(s, o, key=p, property=p, curie=shorten(p), provenance=prop in PROVENANCE)
        else:
            net.add_edge(s, o, key=f"{ORG.memberOf} {via}", property=str(ORG.memberOf),
                         curie=shorten(str(ORG.memberOf)), provenance=False, via=via)  # fmt: skip
    return net


def describe(store: GraphStore, nodes: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The attributes :func:`~aikg.view.network.build_network` gives ``nodes`` (labels, names,
    aliases ...), read from the store for these nodes only."""
    wanted = {URIRef(n) for n in nodes}
    if not wanted:
        return {}
    net = build_network(brief_graph(reader_of(store), wanted), only=wanted)
    return {node: dict(net.nodes[node]) for node in net}


Link = tuple[str, str, str, str | None]  # subject, property, object, membership (or None)


def class_names(store: GraphStore, lang: str) -> dict[str, str]:
    """Prefixed name of each displayed class -> its label in ``lang`` (as
    :func:`aikg.view.draw.class_labels` gives them), read from the store."""
    from rdflib import Graph
    from rdflib.namespace import RDFS

    from aikg.labels import labels

    read = reader_of(store)
    shown = [c for c, _, flag in read.displayed() if flag.toPython() is True]
    graph = Graph()
    for triple in read.outgoing(shown, (RDFS.label,)):
        graph.add(triple)
    return {shorten(str(c)): labels(graph, c).get(lang) for c in shown}


def _on_oxigraph(store: Any) -> tuple[dict[str, set[URIRef]], list[Link]]:
    ox = store.store
    shown = [str(c) for c, _, flag in reader_of(store).displayed() if flag.toPython() is True]
    classes = ", ".join(sparql_term(URIRef(c)) for c in shown)
    found: dict[str, set[URIRef]] = {}
    query = f"SELECT ?e ?c WHERE {{ ?e a ?c FILTER (isIRI(?e) && ?c IN ({classes})) }}"
    for entity, cls in ox.query(query):
        found.setdefault(entity.value, set()).add(URIRef(cls.value))
    skipped = ", ".join(sparql_term(p) for p in sorted(HEADING))
    # from the entities' triples (an entity of several classes gives its triples again: the
    # network keeps one edge a property); a third faster than testing every triple's ends
    query = f"""SELECT ?s ?p ?o WHERE {{
      ?s a ?d FILTER (isIRI(?s) && ?d IN ({classes}))
      ?s ?p ?o FILTER (isIRI(?o) && ?p NOT IN ({skipped}))
      FILTER EXISTS {{ ?o a ?c FILTER (?c IN ({classes})) }}
    }}"""
    links: list[Link] = [(s.value, p.value, o.value, None) for s, p, o in ox.query(query)]
    query = f"""SELECT ?m ?member ?organization WHERE {{
      ?m a {sparql_term(ORG.Membership)} ; {sparql_term(ORG.member)} ?member ;
         {sparql_term(ORG.organization)} ?organization
    }}"""
    for m, member, organization in ox.query(query):
        links.append((member.value, str(ORG.memberOf), organization.value, str(m.value)))
    return found, links


def _on_graph(store: GraphStore) -> tuple[dict[str, set[URIRef]], list[Link]]:
    graph = store.graph()
    found = {str(e): set(classes) for e, classes in entities(graph).items()}
    links: list[Link] = []
    for s, p, o in graph:
        if str(o) in found and str(s) in found and isinstance(p, URIRef) and p not in HEADING:
            links.append((str(s), str(p), str(o), None))
    for m in graph.subjects(RDF.type, ORG.Membership):
        member, organization = graph.value(m, ORG.member), graph.value(m, ORG.organization)
        if member is not None and organization is not None:
            links.append((str(member), str(ORG.memberOf), str(organization), str(m)))
    return found, links
