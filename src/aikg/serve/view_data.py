"""What the served view fetches: an entity's neighbourhood as nodes and links (JSON).

The neighbourhood is the view wing's (:func:`aikg.view.neighbourhood.neighbourhood`, what
``aikg view --focus`` draws: read from the store, one query a step, the same relations as the
offline view, at most 100 of the entities one node links to by one relation); here it becomes
the page's nodes (labels in Chinese and English, class, page path) and links. The walk stops at
``max_nodes`` entities, nearer ones first (the focus, then each step's by IRI), and reads only
what nodes and links need (``brief``: not the offline page's evidence, sources and series), so
a request on a hub of a large graph reads a bounded neighbourhood. ``truncated`` says when some
entities were left out, by either limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from aikg.labels import labels
from aikg.namespaces import expand
from aikg.serve.links import path_of

if TYPE_CHECKING:
    from aikg.store.base import GraphStore

#: The deepest neighbourhood one request may ask for.
MAX_DEPTH = 3


def view_data(store: GraphStore, iri: str, depth: int, max_nodes: int) -> dict[str, Any]:
    """The nodes and links within ``depth`` relations of the entity ``iri`` (see the module)."""
    from aikg.view.neighbourhood import neighbourhood

    around = neighbourhood(
        store, iri, max(0, min(depth, MAX_DEPTH)), max_entities=max_nodes, brief=True
    )
    net = around.network()
    focus = around.focus
    near = set(net.successors(focus)) | set(net.predecessors(focus))
    # the walk stopped at max_nodes entities: every node is kept, in this order
    kept = sorted(net.nodes, key=lambda n: (n != focus, n not in near, n))
    keep = set(kept)
    nodes = []
    for node in kept:
        data = net.nodes[node]
        cls = data.get("cls") or ""
        nodes.append({
            "id": node,
            "curie": data.get("curie", node),
            "href": path_of(node),
            "zh": data.get("label_zh", node),
            "en": data.get("label_en", node),
            "kind": cls,
            "kindLabel": labels(around.graph, URIRef(expand(cls))).as_dict() if cls else None,
        })  # fmt: skip
    edges = sorted(
        {(s, o, data["curie"]) for s, o, data in net.edges(data=True) if s in keep and o in keep}
    )
    return {
        "focus": focus,
        "depth": around.depth,
        "nodes": nodes,
        "edges": [{"from": s, "to": o, "p": p} for s, o, p in edges],
        "truncated": around.cut or bool(around.folded),
    }
