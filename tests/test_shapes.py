"""The SHACL shapes catch every defect the issue lists, on a small graph compiled for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, TIME, XSD

from aikg.namespaces import AIKG, OA, SCHEMA, SDMX_DIM, UNIT, expand
from aikg.validation import validate
from violation_corpus import agree, mini_graph


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return mini_graph(tmp_path_factory.mktemp("mini"))


def _iri(curie: str) -> URIRef:
    return URIRef(expand(curie))


def _messages(graph: Graph) -> list[str]:
    """The findings' messages; the SPARQL engine must find what pySHACL finds."""
    report = validate(graph, engine="pyshacl")
    agree(validate(graph), report)
    assert not report.conforms
    return [f"{f.focus} | {f.message}" for f in report.findings]


def test_the_mini_graph_conforms(mini: Graph) -> None:
    report = validate(mini)
    assert report.conforms, report.findings


OBS, SHARE = _iri("obs:t-users"), _iri("obs:t-share")
PLAN = _iri("policy:test-plan")


def _drop(subject: URIRef, predicate: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((subject, predicate, None))


def _set(subject: URIRef, predicate: URIRef, value: object) -> Callable[[Graph], None]:
    return lambda g: g.set((subject, predicate, value))  # type: ignore[arg-type]


def _interval_backwards(g: Graph) -> None:
    interval = g.value(SHARE, SDMX_DIM.refPeriod)
    g.set(
        (
            g.value(interval, TIME.hasBeginning),
            TIME.inXSDDate,
            Literal("2025-06-01", datatype=XSD.date),
        )
    )


def _selector_backwards(g: Graph) -> None:
    selector = next(g.subjects(RDF.type, OA.TextPositionSelector))
    g.set((selector, OA.end, g.value(selector, OA.start)))


def _drop_english_label(g: Graph) -> None:
    for label in list(g.objects(PLAN, RDFS.label)):
        if label.language == "en":
            g.remove((PLAN, RDFS.label, label))


def _drop_chinese_label(g: Graph) -> None:
    for label in list(g.objects(PLAN, RDFS.label)):
        if label.language.startswith("zh"):
            g.remove((PLAN, RDFS.label, label))


def _drop_evidence(g: Graph) -> None:
    for anno in list(g.subjects(OA.hasBody, OBS)):
        g.remove((anno, OA.hasBody, OBS))


DEFECTS: dict[str, tuple[Callable[[Graph], None], str]] = {
    "observation without value": (_drop(OBS, SCHEMA.value), "schema:value"),
    "observation without unit": (_drop(OBS, SCHEMA.unitCode), "unit"),
    "observation without period": (_drop(OBS, SDMX_DIM.refPeriod), "reference period"),
    "observation without variable": (_drop(OBS, SCHEMA.variableMeasured), "variableMeasured"),
    "observation without source": (
        _drop(OBS, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")),
        "needs a source",
    ),
    "observation without evidence": (_drop_evidence, "no evidence"),
    "share above 100 percent": (
        _set(SHARE, SCHEMA.value, Literal("117.7", datatype=XSD.decimal)),
        "outside 0-100",
    ),
    "minimum above the value": (
        _set(OBS, SCHEMA.minValue, Literal(300000000)),
        "minValue is greater",
    ),
    "maximum below the value": (
        _set(OBS, SCHEMA.maxValue, Literal(200000000)),
        "maxValue is less",
    ),
    "qualifier without its bound": (
        _set(OBS, AIKG.valueQualifier, URIRef(expand("qual:more-than"))),
        "gives a lower bound",
    ),
    "value of the wrong datatype": (
        _set(OBS, SCHEMA.value, Literal("2.5亿")),
        "schema:value",
    ),
    "interval that begins after it ends": (_interval_backwards, "begins"),
    "selector whose start is not before its end": (_selector_backwards, "before its oa:end"),
    "entity without an English label": (_drop_english_label, "in English"),
    "entity without a Chinese label": (_drop_chinese_label, "in Chinese"),
    "policy without issuer": (_drop(PLAN, SCHEMA.legislationPassedBy), "an issuer"),
    "policy without date": (_drop(PLAN, SCHEMA.legislationDate), "a date"),
    "policy without type": (_drop(PLAN, SCHEMA.legislationType), "a document type"),
    "policy date of the wrong datatype": (
        _set(PLAN, SCHEMA.legislationDate, Literal("2025年")),
        "xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    "in-force date of the wrong datatype": (
        _set(PLAN, SCHEMA.legislationDateOfApplicability, Literal("2025年9月1日")),
        "comes into force",
    ),
    "status that is not a document status": (
        _set(PLAN, SCHEMA.creativeWorkStatus, URIRef(expand("doctype:plan"))),
        "at most one status",
    ),
    "policy replaced by something that is not a policy": (
        _set(PLAN, URIRef("http://purl.org/dc/terms/isReplacedBy"), OBS),
        "replaced by a policy",
    ),
    "unstated marker contradicted by a stated value": (
        lambda g: g.add((PLAN, AIKG.unstatedProperty, SCHEMA.legislationPassedBy)),
        "marked unstated but the graph states it",
    ),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_shapes_catch(mini: Graph, defect: str) -> None:
    mutate, expected = DEFECTS[defect]
    broken = Graph() + mini
    mutate(broken)
    messages = _messages(broken)
    assert any(expected in m for m in messages), messages


def test_unstated_marker_replaces_a_missing_issuer(mini: Graph) -> None:
    graph = Graph() + mini
    graph.remove((PLAN, SCHEMA.legislationPassedBy, None))
    graph.add((PLAN, AIKG.unstatedProperty, SCHEMA.legislationPassedBy))
    assert validate(graph).conforms


def test_growth_rates_may_exceed_100_percent(mini: Graph) -> None:
    graph = Graph() + mini
    graph.remove((SHARE, SCHEMA.measurementDenominator, None))  # a rate, not a share
    graph.set((SHARE, SCHEMA.value, Literal("141.7", datatype=XSD.decimal)))
    assert validate(graph).conforms
    assert (SHARE, SCHEMA.unitCode, UNIT.PERCENT) in graph


# --- Explained disagreements -------------------------------------------------------------------

EXPLAINED = URIRef(expand("disagreement:t-users"))
SECOND = URIRef(expand("obs:t-users-2"))
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
PROV_ATTRIBUTED = URIRef("http://www.w3.org/ns/prov#wasAttributedTo")


def _explained(mini: Graph, *observations: URIRef) -> Graph:
    """``mini`` with a second source's figure for obs:t-users' measure and an explanation of
    ``observations`` (by default the two)."""
    graph = Graph() + mini
    for p, o in mini.predicate_objects(OBS):
        graph.add((SECOND, p, o))
    graph.set((SECOND, SCHEMA.value, Literal(260000000)))
    for anno in mini.subjects(OA.hasBody, OBS):
        copy = URIRef(f"{anno}-2")
        for p, o in mini.predicate_objects(anno):
            graph.add((copy, p, o))
        graph.set((copy, OA.hasBody, SECOND))
    graph.add((EXPLAINED, RDF.type, AIKG.ExplainedDisagreement))
    for observation in observations or (OBS, SECOND):
        graph.add((EXPLAINED, AIKG.disagreeingObservation, observation))
    graph.add((EXPLAINED, AIKG.disagreementKind, AIKG.Revision))
    graph.add((EXPLAINED, AIKG.explanation, Literal("The producer revised it.", lang="en")))
    graph.add((EXPLAINED, AIKG.explanation, Literal("生产者后来修订。", lang="zh-hans")))
    graph.add((EXPLAINED, PROV_ATTRIBUTED, AIKG.curators))
    return graph


def test_an_explained_disagreement_conforms(mini: Graph) -> None:
    report = validate(_explained(mini))
    assert report.conforms, report.findings


EXPLANATION_DEFECTS: dict[str, tuple[Callable[[Graph], Graph], str]] = {
    "names an observation that does not exist": (
        lambda g: _explained(g, OBS, URIRef(expand("obs:t-no-such-observation"))),
        "two or more observations of the graph",
    ),
    "names one observation": (lambda g: _explained(g, OBS), "two or more observations"),
    "names observations of different variables": (
        lambda g: _explained(g, OBS, SHARE),
        "observations of different variables",
    ),
    "has no kind": (
        lambda g: _explained(g).remove((EXPLAINED, AIKG.disagreementKind, None)),
        "exactly one kind",
    ),
    "has a kind outside the scheme": (
        lambda g: _explained(g).set((EXPLAINED, AIKG.disagreementKind, QUAL_ABOUT)),
        "exactly one kind",
    ),
    "has no English explanation": (
        lambda g: _explained(g).remove(
            (EXPLAINED, AIKG.explanation, Literal("The producer revised it.", lang="en"))
        ),
        "aikg:explanation in English",
    ),
    "has no basis": (
        lambda g: _explained(g).remove((EXPLAINED, PROV_ATTRIBUTED, None)),
        "needs a basis",
    ),
    "is derived from a document without evidence": (
        lambda g: _explained(g).add((EXPLAINED, PROV_DERIVED, URIRef(expand("doc:test-report")))),
        "needs evidence",
    ),
}
QUAL_ABOUT = URIRef(expand("qual:about"))


@pytest.mark.parametrize("defect", sorted(EXPLANATION_DEFECTS))
def test_shapes_catch_explanation_defects(mini: Graph, defect: str) -> None:
    build, expected = EXPLANATION_DEFECTS[defect]
    messages = _messages(build(mini))
    assert any(expected in m for m in messages), messages
