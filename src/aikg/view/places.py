"""The view's place filter: the places the drawn entities are in, and the places above them.

In: the graph and the drawn entities, in the page's node order. Out: the page's ``places``, a
list of places in tree order (a country, then each province, then its cities) with their
labels and their parents, and ``placeOf``, the places each drawn entity is directly in. The
page shows the entities in a chosen place (with or without its sub-places) and their neighbours.

An entity is in a place when one of :data:`AREA_PROPERTIES` links it there: an observation's or
a target's area, a law's jurisdiction, an event's or organization's location, what an
observation is about. A mention by a document is not one: the document is not about the place
for that.

Example:
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ...     @prefix schema: <https://schema.org/> .
    ...     @prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
    ...     @prefix place: <https://w3id.org/aikg/id/place/> .
    ...     place:shenzhen schema:containedInPlace place:guangdong .
    ...     <https://w3id.org/aikg/id/obs/a> sdmx-dimension:refArea place:shenzhen .
    ... ''')
    >>> found = place_filter(g, ["https://w3id.org/aikg/id/obs/a"])
    >>> [p["id"] for p in found["places"]], [p["in"] for p in found["places"]]
    (['place:guangdong', 'place:shenzhen'], [[], [0]])
    >>> found["placeOf"]
    {'0': [1]}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rdflib import Graph, URIRef

from aikg.labels import labels
from aikg.namespaces import SCHEMA, SDMX_DIM, shorten

#: The properties that put an entity in a place.
AREA_PROPERTIES = (
    SDMX_DIM.refArea,
    SCHEMA.legislationJurisdiction,
    SCHEMA.spatialCoverage,
    SCHEMA.location,
    SCHEMA.observationAbout,
)

#: The property that puts a place in a larger one.
CONTAINED_IN = SCHEMA.containedInPlace


def _is_place(graph: Graph, node: object) -> bool:
    """A place is what the graph puts in another place or holds a place in (IRIs only)."""
    return isinstance(node, URIRef) and (
        (node, CONTAINED_IN, None) in graph or (None, CONTAINED_IN, node) in graph
    )


def place_filter(graph: Graph, nodes: Sequence[str]) -> dict[str, Any]:
    """The page's ``places`` (tree order) and ``placeOf`` (node index -> place indexes)."""
    direct: dict[int, set[URIRef]] = {}
    for index, node in enumerate(nodes):
        found = {
            place
            for prop in AREA_PROPERTIES
            for place in graph.objects(URIRef(node), prop)
            if isinstance(place, URIRef)
            and (prop != SCHEMA.observationAbout or _is_place(graph, place))
        }
        if found:
            direct[index] = found
    parents: dict[URIRef, set[URIRef]] = {}
    todo = [place for found in direct.values() for place in found]
    while todo:  # every place above a tagged one, so a province shows its cities' entities
        place = todo.pop()
        if place in parents:
            continue
        parents[place] = {p for p in graph.objects(place, CONTAINED_IN) if isinstance(p, URIRef)}
        todo.extend(parents[place])
    children: dict[URIRef | None, list[URIRef]] = {}
    for place, above in parents.items():
        tops: list[URIRef | None] = [*sorted(above)] or [None]
        for parent in tops:
            children.setdefault(parent, []).append(place)
    ordered: list[URIRef] = []

    def visit(parent: URIRef | None) -> None:
        for place in sorted(children.get(parent, []), key=str):
            if place not in ordered:
                ordered.append(place)
                visit(place)

    visit(None)
    ordered += sorted(set(parents) - set(ordered), key=str)  # a cycle in containedInPlace
    index_of = {place: i for i, place in enumerate(ordered)}
    places = []
    for place in ordered:
        name = labels(graph, place)
        places.append({
            "id": shorten(str(place)),
            "name": {"zh": name.zh, "en": name.en},
            "in": sorted(index_of[p] for p in parents[place]),
        })  # fmt: skip
    place_of = {str(i): sorted(index_of[p] for p in found) for i, found in sorted(direct.items())}
    return {"places": places, "placeOf": place_of}
