"""The SPARQL engine gives pySHACL's findings: on a violation corpus that breaks every
constraint of ontology/shapes.ttl, on the bundled graph and on a synthetic one (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from aikg.store import open_store
from aikg.store.files import shapes_graph
from aikg.validation import Report, logical, sparql, validate
from aikg.validation.compile import Reader
from aikg.validation.report import Finding, show
from aikg.validation.shapes import Unsupported
from aikg.validation.values import CASTS, FOLDED
from violation_corpus import MUTATIONS, agree, broken, mini_graph

SHAPES = shapes_graph()  # one graph for both engines: blank-node shapes keep their labels


def same(graph: Graph) -> Report:
    """Validate ``graph`` with both engines, assert they agree, give pySHACL's report."""
    reference = validate(graph, SHAPES, engine="pyshacl")
    fast = validate(graph, SHAPES)
    assert fast.engine == "sparql", fast.note
    assert fast.conforms == reference.conforms
    agree(fast, reference)
    return reference


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return mini_graph(tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="module")
def base(mini: Graph) -> Graph:
    """The mini graph with an explained disagreement: an instance of every targeted class."""
    from test_shapes import _explained

    return _explained(mini)


@pytest.fixture(scope="module")
def corpus(base: Graph) -> dict[str, Report]:
    """pySHACL's report on each broken copy, checked against the SPARQL engine's."""
    return {name: same(broken(base, SHAPES, name)) for name in MUTATIONS}


def test_the_mini_graph_conforms_on_both(base: Graph) -> None:
    assert same(base).conforms


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_engines_agree_on_the_corpus(corpus: dict[str, Report], mutation: str) -> None:
    assert not corpus[mutation].conforms


def _units() -> dict[tuple[str, str, str], str]:
    """Every constraint that reports a result: (shape, component, SPARQL message or ""), with
    what a person reads of it (the shape's path and message)."""
    found: dict[tuple[str, str, str], str] = {}

    def walk(shape: object) -> None:
        for c in shape.constraints:  # type: ignore[attr-defined]
            if isinstance(c, logical.Property):
                walk(c.shape)
                continue
            message = c.message if isinstance(c, sparql.Sparql) and c.message else ""
            path = shape.path.shown if shape.path else ""  # type: ignore[attr-defined]
            said = (shape.messages or [message])[0]  # type: ignore[attr-defined]
            unit = (show(shape.node), f"sh:{c.component}", message)  # type: ignore[attr-defined]
            found[unit] = f"{path} {c.component}: {said}"
            if isinstance(c, logical.Node):
                walk(c.shape)

    for shape in Reader(SHAPES).targeted():
        walk(shape)
    return found


def _unit(finding: Finding, units: dict[tuple[str, str, str], str]) -> tuple[str, str, str] | None:
    for shape, component, message in units:
        if (shape, component) != (finding.shape, finding.component):
            continue
        pattern = re.sub(r"\\\{\\\?\w+\\\}", ".*", re.escape(message))
        if not message or re.fullmatch(pattern, finding.message, re.S):
            return shape, component, message
    return None


def test_the_corpus_breaks_every_constraint(corpus: dict[str, Report], mini: Graph) -> None:
    """With the SPARQL constraints broken in tests/test_shapes.py, every constraint of the
    shapes reports at least once (pySHACL's findings, mapped back to their constraint)."""
    from test_shapes import DEFECTS, EXPLANATION_DEFECTS

    units = _units()
    seen = {_unit(f, units) for report in corpus.values() for f in report.findings}
    by_hand = [m for _, (m, _) in sorted(DEFECTS.items())]
    for mutate in by_hand:  # the SPARQL constraints: no need for pySHACL here
        graph = Graph() + mini
        mutate(graph)
        seen |= {_unit(f, units) for f in validate(graph, SHAPES).findings}
    for build, _ in EXPLANATION_DEFECTS.values():
        seen |= {_unit(f, units) for f in validate(build(mini), SHAPES).findings}
    assert None not in seen
    assert sorted(units[u] for u in set(units) - seen) == []
    assert len(units) > 80


def test_the_bundled_graph_conforms_on_the_store() -> None:
    store = open_store("oxigraph")
    report = validate(store)
    assert (report.engine, report.conforms, report.findings) == ("sparql", True, [])


@pytest.mark.slow
def test_engines_agree_on_the_bundled_graph() -> None:
    store = open_store("oxigraph")
    fast, reference = validate(store), validate(store, engine="pyshacl")
    assert reference.conforms and fast.conforms
    agree(fast, reference)


def test_engines_agree_on_a_broken_synthetic_graph(tmp_path: Path) -> None:
    """A small synthetic graph with the corpus' mutations, validated on an Oxigraph store
    read from N-Triples files (as ``aikg --data DIR validate`` does)."""
    from aikg.store.files import load_graph
    from aikg.synth import write_synth

    write_synth(tmp_path / "synth", 2_000, seed=3)
    graph = broken(broken(load_graph([tmp_path / "synth"]), SHAPES, "drop"), SHAPES, "blank")
    data = tmp_path / "broken"
    data.mkdir()
    (data / "graph.nt").write_bytes(graph.serialize(format="nt", encoding="utf-8"))
    store = open_store("oxigraph", [data])
    fast, reference = validate(store), validate(store, engine="pyshacl")
    assert fast.engine == "sparql" and not fast.conforms
    agree(fast, reference)


def test_literals_of_derived_integer_types_are_read_as_written(mini: Graph, tmp_path: Path) -> None:
    """Oxigraph keeps "5"^^xsd:nonNegativeInteger as an xsd:integer: the check reads the
    files. A wrong datatype or an ill-typed value is found on both engines."""
    start = URIRef("http://www.w3.org/ns/oa#start")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    graph = Graph() + mini
    selectors = sorted(graph.subjects(start, None), key=str)
    graph.set((selectors[0], start, Literal("7", datatype=URIRef(f"{xsd}integer"))))
    graph.set((selectors[1], start, Literal("-1", datatype=URIRef(f"{xsd}nonNegativeInteger"))))
    data = tmp_path / "graph.nt"
    data.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
    store = open_store("oxigraph", [data])
    fast, reference = validate(store), validate(store, engine="pyshacl")
    wrong = {f.focus for f in fast.findings if f.component == "sh:DatatypeConstraintComponent"}
    assert wrong == {show(selectors[0]), show(selectors[1])}
    agree(fast, reference)


def test_oxigraph_folds_exactly_the_datatypes_the_engine_reads_as_written() -> None:
    store = ox.Store()
    for index, datatype in enumerate(sorted(FOLDED | CASTS)):
        value = ox.Literal("1" if datatype in FOLDED else "x", datatype=ox.NamedNode(datatype))
        store.add(ox.Quad(ox.NamedNode(f"urn:x:{index}"), ox.NamedNode("urn:x:p"), value))
    kept = {q.object.datatype.value for q in store}
    assert kept & FOLDED == set()
    assert CASTS - {"http://www.w3.org/2001/XMLSchema#string"} <= kept


def test_shapes_the_engine_cannot_run_fall_back_to_pyshacl(mini: Graph) -> None:
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:x:S> a sh:NodeShape ; sh:targetClass <https://schema.org/Observation> ;
            sh:property [ sh:path <https://schema.org/value> ; sh:uniqueLang true ] .
        """,
        format="turtle",
    )
    with pytest.raises(Unsupported, match="uniqueLang"):
        Reader(shapes).targeted()
    report = validate(mini, shapes)
    assert report.engine == "pyshacl" and report.conforms
    assert "sh:uniqueLang" in report.note
