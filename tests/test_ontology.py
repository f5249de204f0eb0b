"""The ontology: bilingual labels and definitions, version, license; its documentation page."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from aikg.namespaces import AIKG
from aikg.store.files import ontology_graph

ONTOLOGY = URIRef("https://w3id.org/aikg/ontology")


def _langs(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {getattr(v, "language", None) or "" for v in graph.objects(subject, predicate)}


def test_ontology_has_version_and_license() -> None:
    graph = ontology_graph()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY, OWL.versionInfo) is not None
    assert graph.value(ONTOLOGY, OWL.versionIRI) is not None
    assert graph.value(ONTOLOGY, DCTERMS.license) is not None


def test_every_project_term_is_labelled_and_defined_in_chinese_and_english() -> None:
    graph = ontology_graph()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = {
        s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(AIKG))
    }
    assert len(terms) > 30
    for term in sorted(terms):
        assert {"zh-hans", "en"} <= _langs(graph, term, RDFS.label), term
        assert {"zh-hans", "en"} <= _langs(graph, term, SKOS.definition), term


def test_every_displayed_class_is_a_declared_class() -> None:
    graph = ontology_graph()
    displayed = set(graph.subjects(AIKG.displayed, None))
    assert len(displayed) >= 12
    assert all((c, RDF.type, OWL.Class) in graph for c in displayed)


def test_observations_and_targets_are_disjoint() -> None:
    graph = ontology_graph()
    schema_observation = URIRef("https://schema.org/Observation")
    assert (schema_observation, OWL.disjointWith, AIKG.Target) in graph
    assert (AIKG.Target, RDFS.subClassOf, schema_observation) not in graph


def test_value_qualifiers_state_their_bounds() -> None:
    graph = ontology_graph()
    qualifiers = set(graph.subjects(RDF.type, AIKG.ValueQualifier))
    codes = {str(graph.value(q, SKOS.notation)) for q in qualifiers}
    assert codes == {"more-than", "at-least", "odd", "nearly", "about", "less-than", "at-most"}
    more_than = next(q for q in qualifiers if str(graph.value(q, SKOS.notation)) == "more-than")
    at_least = next(q for q in qualifiers if str(graph.value(q, SKOS.notation)) == "at-least")
    assert graph.value(more_than, AIKG.boundExclusive).toPython() is True
    assert graph.value(at_least, AIKG.boundExclusive).toPython() is False


def test_ontology_page_is_generated_offline() -> None:
    from aikg.ontology_docs import ontology_html

    page = ontology_html().decode("utf-8")
    assert "valueQualifier" in page and "数值限定词" in page
    assert '<script src="http' not in page and 'stylesheet" href="http' not in page


def test_ontology_page_is_the_same_bytes_in_every_process() -> None:
    # pyLODE orders by string hashing, which changes between processes: aikg build wrote a
    # different page each time, titled by whichever concept scheme came last
    import os
    import subprocess
    import sys

    script = (
        "import sys; from aikg.ontology_docs import ontology_html as h; "
        "sys.stdout.buffer.write(h())"
    )
    pages = [
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert pages[0] == pages[1]
    title = pages[0].split(b"<title>", 1)[1].split(b"</title>", 1)[0].decode("utf-8")
    assert title in {
        "aikg ontology",
        "aikg ontology of AI policy and industry",
        "aikg 人工智能政策与产业知识图谱本体",
    }


def test_the_graph_declares_its_license_and_how_to_cite_a_fact(graph: Graph) -> None:
    dataset = URIRef("https://w3id.org/aikg/graph")
    assert graph.value(dataset, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    citations = {c.language: str(c) for c in graph.objects(dataset, DCTERMS.bibliographicCitation)}
    assert {"zh-hans", "en"} <= set(citations)
    assert "IRI" in citations["en"]


def test_kinds_of_place_are_places_as_schema_org_nests_them() -> None:
    graph = ontology_graph()
    schema = "https://schema.org/"
    place, area = URIRef(schema + "Place"), URIRef(schema + "AdministrativeArea")
    assert (area, RDFS.subClassOf, place) in graph
    for kind in ("Country", "City"):
        assert (URIRef(schema + kind), RDFS.subClassOf, area) in graph
    for kind in (place, area, URIRef(schema + "Country"), URIRef(schema + "City")):
        assert {"zh-hans", "en"} <= _langs(graph, kind, RDFS.label), kind
