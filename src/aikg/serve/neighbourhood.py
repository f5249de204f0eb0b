"""An entity's neighbourhood for the served view: the entities within ``depth`` links of it.

Breadth first, one SPARQL query a step (``VALUES`` of the frontier), so it costs what the
neighbourhood holds whatever the size of the graph. Links are between IRIs; ``rdf:type``, the
annotations and the reified statements (provenance, shown on the entity pages) are left out.
Each step reads at most :data:`STEP_LIMIT` links and the whole at most ``max_nodes`` nodes;
``truncated`` says when some were left out (a hub such as a country has thousands).

(Written here because ``aikg.view`` had no SPARQL neighbourhood module yet when the server's
view was written; it belongs in the view wing once there is one.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import URIRef
from rdflib.namespace import RDF

from aikg.labels import labels
from aikg.namespaces import shorten
from aikg.query.parameters import sparql_term
from aikg.serve.links import path_of
from aikg.serve.tasks import graph_of, table_of

if TYPE_CHECKING:
    from aikg.store.base import GraphStore

#: Links read at most by one step of the walk.
STEP_LIMIT = 400
MAX_DEPTH = 3

_STEP = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?n { %s }
  { ?n ?p ?o . BIND (?n AS ?s) FILTER (isIRI(?o)) }
  UNION
  { ?s ?p ?n . BIND (?n AS ?o) FILTER (isIRI(?s)) }
  FILTER (?p != rdf:type)
  FILTER NOT EXISTS { ?s a ?hidden . VALUES ?hidden { oa:Annotation rdf:Statement } }
  FILTER NOT EXISTS { ?o a ?hidden2 . VALUES ?hidden2 { oa:Annotation rdf:Statement } }
}
LIMIT %d
"""

_NAMES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT { ?n rdfs:label ?l . ?n a ?t . ?t rdfs:label ?tl }
WHERE {
  VALUES ?n { %s }
  { ?n rdfs:label ?l } UNION { ?n a ?t OPTIONAL { ?t rdfs:label ?tl } }
}
"""


def neighbourhood(store: GraphStore, iri: str, depth: int, max_nodes: int) -> dict[str, Any]:
    """Nodes (labels in zh and en, class, page path) and links within ``depth`` of ``iri``."""
    focus = URIRef(iri)
    sparql_term(focus)  # an IRI that can be written in a query, or an InputError
    depth = max(0, min(depth, MAX_DEPTH))
    seen = {focus}
    frontier = [focus]
    links: set[tuple[URIRef, URIRef, URIRef]] = set()
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        terms = " ".join(sparql_term(n) for n in frontier)
        found = table_of(store, _STEP % (terms, STEP_LIMIT + 1)).rows
        if len(found) > STEP_LIMIT:
            truncated, found = True, found[:STEP_LIMIT]
        frontier = []
        for s, p, o in found:
            if not (isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)):
                continue
            for node in (s, o):
                if node not in seen:
                    if len(seen) >= max_nodes:
                        truncated = True
                        break
                    seen.add(node)
                    frontier.append(node)
            if s in seen and o in seen:
                links.add((s, p, o))
    names = graph_of(store, _NAMES % " ".join(sparql_term(n) for n in sorted(seen)))
    nodes = []
    for node in sorted(seen):
        types = sorted(t for t in names.objects(node, RDF.type) if isinstance(t, URIRef))
        kind = types[0] if types else None
        nodes.append({
            "id": str(node),
            "curie": shorten(str(node)),
            "href": path_of(str(node)),
            **labels(names, node).as_dict(),
            "kind": shorten(str(kind)) if kind else "",
            "kindLabel": labels(names, kind).as_dict() if kind else None,
        })  # fmt: skip
    edges = [{"from": str(s), "to": str(o), "p": shorten(str(p))} for s, p, o in sorted(links)]
    return {"focus": iri, "depth": depth, "nodes": nodes, "edges": edges, "truncated": truncated}
