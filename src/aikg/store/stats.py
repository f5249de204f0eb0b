"""Counts of the graph: entities by class, properties, observations, sources.

An *entity* is an IRI typed with a class that the ontology marks ``aikg:displayed true``:
policies and documents, initiatives, organizations, people, products, sectors, technologies,
variables, observations, targets, events. Annotations, selectors, periods, codes and units are not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

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


def label(graph: Graph, node: URIRef, lang: str = "zh") -> str:
    """The node's rdfs:label in ``lang`` (prefix match), else any label, else the IRI."""
    fallback = ""
    for value in graph.objects(node, RDFS.label):
        if isinstance(value, Literal):
            if value.language and value.language.startswith(lang):
                return str(value)
            fallback = fallback or str(value)
    return fallback or str(node)


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
