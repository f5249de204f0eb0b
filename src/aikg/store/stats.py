"""Counts of the graph: entities by class, properties, observations, sources.

An *entity* is an IRI typed with a class that the ontology marks ``aikg:displayed true``:
policies and documents, initiatives, organizations, people, products, sectors, technologies,
variables, observations, targets, events. Annotations, selectors, periods, codes and units are not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from aikg.namespaces import AIKG, SCHEMA


def displayed_classes(graph: Graph) -> set[URIRef]:
    return {c for c in graph.subjects(AIKG.displayed, Literal(True)) if isinstance(c, URIRef)}


def entities(graph: Graph) -> dict[URIRef, list[URIRef]]:
    """Every entity IRI with its displayed classes (sorted)."""
    shown = displayed_classes(graph)
    found: dict[URIRef, set[URIRef]] = {}
    for subject, cls in graph.subject_objects(RDF.type):
        if cls in shown and isinstance(subject, URIRef):
            found.setdefault(subject, set()).add(cls)  # type: ignore[arg-type]
    return {e: sorted(found[e]) for e in sorted(found)}


@dataclass
class Summary:
    triples: int
    entities: int
    by_class: list[tuple[URIRef, int]]
    by_property: list[tuple[URIRef, int]] = field(default_factory=list)
    observations: int = 0
    targets: int = 0
    sources: int = 0


def summarize(graph: Graph) -> Summary:
    found = entities(graph)
    by_class = Counter(cls for classes in found.values() for cls in classes)
    by_property = Counter(p for _, p, _ in graph if isinstance(p, URIRef))
    return Summary(
        triples=len(graph),
        entities=len(found),
        by_class=sorted(by_class.items(), key=lambda kv: (-kv[1], str(kv[0]))),
        by_property=sorted(by_property.items(), key=lambda kv: (-kv[1], str(kv[0]))),
        observations=sum(1 for _ in graph.subjects(RDF.type, SCHEMA.Observation)),
        targets=sum(1 for _ in graph.subjects(RDF.type, AIKG.Target)),
        sources=sum(1 for _ in graph.subjects(RDF.type, AIKG.SourceDocument)),
    )


# --------------------------------------------------------------------------------------------
# The same counts in SPARQL, for a store that runs it natively (Oxigraph)

_PREFIXES = f"PREFIX aikg: <{AIKG}>\nPREFIX schema: <{SCHEMA}>\n"
_DISPLAYED = """
WHERE {
  ?class aikg:displayed true . FILTER (isIRI(?class))
  ?entity a ?class . FILTER (isIRI(?entity))
}"""
#: Query name -> SPARQL text: (key, count) rows, or one row with the count.
SUMMARY_QUERIES = {
    "by_class": "SELECT ?class (COUNT(DISTINCT ?entity) AS ?n)" + _DISPLAYED + " GROUP BY ?class",
    "by_property": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "entities": "SELECT (COUNT(DISTINCT ?entity) AS ?n)" + _DISPLAYED,
    "observations": "SELECT (COUNT(*) AS ?n) WHERE { ?o a schema:Observation }",
    "targets": "SELECT (COUNT(*) AS ?n) WHERE { ?t a aikg:Target }",
    "sources": "SELECT (COUNT(*) AS ?n) WHERE { ?d a aikg:SourceDocument }",
}
SUMMARY_QUERIES = {name: _PREFIXES + text for name, text in SUMMARY_QUERIES.items()}


def summary_of(triples: int, answer: Callable[[str], list[tuple[Any, ...]]]) -> Summary:
    """The :class:`Summary` of a graph of ``triples`` triples, from the rows ``answer`` gives
    for each of :data:`SUMMARY_QUERIES` (rdflib terms)."""

    def number(name: str) -> int:
        return int(answer(SUMMARY_QUERIES[name])[0][0])

    by_class = [(c, int(n)) for c, n in answer(SUMMARY_QUERIES["by_class"])]
    by_property = [(p, int(n)) for p, n in answer(SUMMARY_QUERIES["by_property"])]
    return Summary(
        triples=triples,
        entities=number("entities"),
        by_class=sorted(by_class, key=lambda kv: (-kv[1], str(kv[0]))),
        by_property=sorted(by_property, key=lambda kv: (-kv[1], str(kv[0]))),
        observations=number("observations"),
        targets=number("targets"),
        sources=number("sources"),
    )
