"""A small graph that passes the shapes, and a violation corpus made from it: copies that
break every constraint of ``ontology/shapes.ttl`` at least once (tests/test_shapes.py,
tests/test_validation_engines.py, tests/test_synth.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

from aikg.curation import compile_all
from aikg.namespaces import SH
from aikg.store.files import ontology_graph
from aikg.validation import Report
from aikg.validation.report import Finding

# A source text written for this test (not from the corpus).
SOURCE = """---
title: 测试报告
url: https://example.org/report
date: 2025-02-01
---
截至2024年12月，测试用户规模达2.5亿人，占整体人口的17.7%。测试机构发布《测试规划》，
到2030年测试用户超过5亿人。
"""

ENTITIES = """
- {id: place:CN, a: [schema:Country], label: {zh: 中国, en: China}}
- {id: organization:tester, a: [schema:Organization], label: {zh: 测试机构, en: Test body}}
- {id: var:test-users, a: [schema:StatisticalVariable], label: {zh: 测试用户规模, en: test users}}
- {id: var:test-share, a: [schema:StatisticalVariable], label: {zh: 测试用户比例, en: test share}}
- {id: var:total-population, a: [schema:StatisticalVariable], label: {zh: 整体人口, en: population}}
- id: policy:test-plan
  a: [schema:Legislation]
  label: {zh: 测试规划, en: Test plan}
  props: {schema:legislationType: doctype:plan}
"""

SHEET = """
document:
  id: doc:test-report
  key: t
  path: sources/test.md
  publisher: organization:tester
  reliability: reliability:official
  label: {en: Test report}
  evidence: {quote: 测试报告, prefix: "title: "}
mentions:
  - {id: place:CN, quote: 截至2024年12月}
  - {id: organization:tester, quote: 测试机构}
  - {id: var:test-users, quote: 测试用户规模}
  - {id: var:test-share, quote: 占整体人口的}
  - {id: var:total-population, quote: 整体人口}
  - {id: policy:test-plan, quote: 《测试规划》}
statements:
  - s: policy:test-plan
    p: schema:legislationPassedBy
    o: organization:tester
    quote: 测试机构发布
  - s: policy:test-plan
    p: schema:legislationDate
    o: {value: "2025", type: xsd:gYear}
    quote: 发布《测试规划》
observations:
  - {id: obs:t-users, var: var:test-users, quote: 达2.5亿人, period: 2024-12-31, area: place:CN}
  - id: obs:t-share
    var: var:test-share
    quote: 17.7%
    denominator: var:total-population
    period: 2024-01-01/2024-12-31
    area: place:CN
targets:
  - id: target:t-users-2030
    var: var:test-users
    quote: 到2030年测试用户超过5亿人
    value_text: 超过5亿人
    year: "2030"
    policy: policy:test-plan
    area: place:CN
"""


def mini_graph(root: Path) -> Graph:
    """The ontology and the small graph compiled from the sheets above, under ``root``."""
    (root / "shared" / "sources").mkdir(parents=True)
    (root / "shared" / "sources" / "test.md").write_text(SOURCE, encoding="utf-8")
    (root / "curation").mkdir()
    (root / "curation" / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (root / "curation" / "test-report.yaml").write_text(SHEET, encoding="utf-8")
    graph = ontology_graph()
    for part in compile_all(root / "curation", root / "shared").values():
        graph += part
    return graph


# --- The violation corpus, generated from the shapes --------------------------------------------
#
# For every property shape of a shape with a class target (and of the shapes those reach by
# sh:node), on one instance of the class: "drop" removes its values (breaks sh:minCount and
# sh:qualifiedMinCount), "blank" replaces them by an empty string (breaks sh:datatype, sh:class,
# sh:nodeKind, sh:pattern, sh:minLength, sh:or, sh:lessThan...), "extra" adds a second value
# (breaks sh:maxCount); an optional property without a value gets one, or two. A node-level
# sh:or loses the values of every member's path. The SPARQL constraints are broken by hand in
# tests/test_shapes.py.

Step = tuple[URIRef, bool]  # a predicate, and whether it is followed backwards


def _steps(shapes: Graph, path: object) -> list[Step]:
    if isinstance(path, URIRef):
        return [(path, False)]
    if (path, RDF.first, None) in shapes:
        return [step for part in Collection(shapes, path) for step in _steps(shapes, part)]
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return [(inverse, True)]
    raise ValueError(f"a path the corpus does not follow: {path}")


def _ends(graph: Graph, node: object, steps: list[Step]) -> Iterator[tuple[object, Step]]:
    """The nodes the path reaches just before its last step, with that step."""
    nodes = [node]
    for predicate, backwards in steps[:-1]:
        nodes = [
            n
            for start in nodes
            for n in (
                graph.subjects(predicate, start) if backwards else graph.objects(start, predicate)
            )
        ]
    for start in nodes:
        if not isinstance(start, Literal):  # a value blanked by an earlier mutation
            yield start, steps[-1]


def _triples(graph: Graph, start: object, step: Step) -> list[tuple[object, object, object]]:
    predicate, backwards = step
    pattern = (None, predicate, start) if backwards else (start, predicate, None)
    return list(graph.triples(pattern))  # type: ignore[arg-type]


def _drop(graph: Graph, node: object, steps: list[Step]) -> None:
    for start, step in list(_ends(graph, node, steps)):
        for triple in _triples(graph, start, step):
            graph.remove(triple)  # type: ignore[arg-type]


EXTRA = URIRef("https://example.org/aikg-test/extra")


def _blank(graph: Graph, node: object, steps: list[Step]) -> None:
    for start, step in list(_ends(graph, node, steps)):
        if step[1]:  # a value reached backwards is a subject: it cannot be a literal
            continue
        triples = _triples(graph, start, step)
        for triple in triples:
            graph.remove(triple)  # type: ignore[arg-type]
            graph.add((triple[0], triple[1], Literal("")))  # type: ignore[arg-type]
        if not triples:  # an optional property: give it a wrong value
            graph.add((start, step[0], Literal("")))  # type: ignore[arg-type]


def _extra(graph: Graph, node: object, steps: list[Step]) -> None:
    for start, step in list(_ends(graph, node, steps)):
        if step[1]:
            continue
        triples = _triples(graph, start, step)
        for _, predicate, value in triples[:1]:  # a second value, different as a value too
            if isinstance(value, Literal):
                other = Literal(f"{value}1", datatype=value.datatype, lang=value.language)
            else:
                other = EXTRA
            graph.add((start, predicate, other))  # type: ignore[arg-type]
        if not triples:  # an optional property: give it two values
            graph.add((start, step[0], EXTRA))  # type: ignore[arg-type]
            graph.add((start, step[0], URIRef(f"{EXTRA}-2")))  # type: ignore[arg-type]


MUTATIONS: dict[str, Callable[[Graph, object, list[Step]], None]] = {
    "drop": _drop,
    "blank": _blank,
    "extra": _extra,
}


def _targeted(shapes: Graph) -> Iterator[tuple[object, URIRef]]:
    """Each shape with a class target, and each shape it reaches by sh:node, with the class."""
    for shape, cls in sorted(shapes.subject_objects(SH.targetClass)):
        yield shape, cls  # type: ignore[misc]
        for nested in shapes.objects(shape, SH.node):
            yield nested, cls  # type: ignore[misc]


def broken(graph: Graph, shapes: Graph, mutation: str) -> Graph:
    """A copy of ``graph`` with ``mutation`` applied to every property shape (and node-level
    sh:or) of every targeted shape, each on the first instance of its class."""
    out = Graph() + graph
    mutate = MUTATIONS[mutation]
    for shape, cls in _targeted(shapes):
        instances = sorted(graph.subjects(RDF.type, cls), key=str)
        if not instances:
            continue
        node = instances[0]
        for prop in shapes.objects(shape, SH.property):
            mutate(out, node, _steps(shapes, shapes.value(prop, SH.path)))
        for members in shapes.objects(shape, SH["or"]):
            for member in Collection(shapes, members):
                path = shapes.value(member, SH.path)
                if path is not None and mutation == "drop":
                    _drop(out, node, _steps(shapes, path))
    return out


# --- Comparing the engines --------------------------------------------------------------------


def agree(fast: Report, reference: Report) -> None:
    """The same findings, but for the one known difference (docs/validation.md): rdflib's
    SPARQL orders an empty string against a date ("" > "2024-12-31"^^xsd:date is true there),
    where SPARQL 1.1 makes it an error and Oxigraph no result; the value itself is reported by
    sh:datatype on both engines."""
    ours, theirs = _keys(fast.findings), _keys(reference.findings)
    known = Counter(
        {
            key: n
            for key, n in (theirs - ours).items()
            if key[4] == "sh:SPARQLConstraintComponent" and "()" in key[2]
        }
    )
    assert ours == theirs - known


def _keys(findings: list[Finding]) -> Counter[tuple[str, ...]]:
    return Counter(tuple("_:" if k.startswith("_:") else k for k in f.key()) for f in findings)
