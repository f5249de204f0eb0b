"""Every fact's evidence resolves: offsets into the stored source give exactly the quote."""

from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.namespace import RDF

from aikg.namespaces import AIKG, OA, SCHEMA
from aikg.store.stats import entities


def _anchors(graph: Graph) -> list[tuple[object, str, int, int, str]]:
    """(body, source path, start, end, exact) for every annotation of the graph."""
    found = []
    for anno in graph.subjects(RDF.type, OA.Annotation):
        target = graph.value(anno, OA.hasTarget)
        path = str(graph.value(graph.value(target, OA.hasSource), AIKG.sourcePath))
        selectors = list(graph.objects(target, OA.hasSelector))
        pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
        start, end = int(graph.value(pos, OA.start)), int(graph.value(pos, OA.end))
        found.append(
            (graph.value(anno, OA.hasBody), path, start, end, str(graph.value(quote, OA.exact)))
        )
    return found


def test_every_selector_gives_exactly_its_quote(graph: Graph, shared: Path) -> None:
    anchors = _anchors(graph)
    assert len(anchors) > 100
    texts: dict[str, str] = {}
    for _body, path, start, end, exact in anchors:
        if path not in texts:
            texts[path] = (shared / path).read_bytes().decode("utf-8")
        assert texts[path][start:end] == exact, (path, start, end, exact)


def test_every_source_text_hash_matches_the_file(graph: Graph, shared: Path) -> None:
    texts = list(graph.subjects(RDF.type, AIKG.SourceText))
    assert texts
    for text in texts:
        path = shared / str(graph.value(text, AIKG.sourcePath))
        assert hashlib.sha256(path.read_bytes()).hexdigest() == str(
            graph.value(text, SCHEMA.sha256)
        )


def test_every_observation_and_entity_has_evidence(graph: Graph) -> None:
    bodies = set(graph.objects(None, OA.hasBody))
    observations = set(graph.subjects(RDF.type, SCHEMA.Observation))
    assert observations
    assert observations <= bodies
    missing = [e for e in entities(graph) if e not in bodies]
    assert missing == []


def test_disputable_statements_are_annotated_rdf_statements(graph: Graph) -> None:
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    assert statements
    for stmt in statements:
        s, p, o = (graph.value(stmt, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in graph, stmt  # the statement's triple is asserted
        assert (None, OA.hasBody, stmt) in graph


def test_no_blank_nodes_in_the_ontology_or_the_curated_graph() -> None:
    from aikg import paths
    from aikg.store.files import load_graph

    data = load_graph([paths.graph_dir()])
    assert len(data) > 1000
    assert not [t for triple in data for t in triple if isinstance(t, BNode)]
