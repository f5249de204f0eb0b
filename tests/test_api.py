"""The Python API (aikg.api): real queries on the bundled graph and on a --data file, on both
stores; parameters bound as typed terms; errors as aikg exceptions with one-line messages."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

import aikg
from aikg.api import KnowledgeGraph, MissingPackage, Rows
from aikg.errors import AikgError, InputError, SettingError

CNNIC = URIRef("https://w3id.org/aikg/id/organization/cnnic")
EXAMPLE = """\
@prefix aikg: <https://w3id.org/aikg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<https://w3id.org/aikg/id/organization/example> a schema:Organization ;
    rdfs:label "示例研究院"@zh-hans , "Example Institute"@en .
<https://w3id.org/aikg/id/doc/example> a aikg:SourceDocument ;
    rdfs:label "示例文件"@zh-hans , "Example document"@en .
"""


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    """The bundled graph on the default store (Oxigraph, in memory)."""
    return aikg.open_graph()


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "example.ttl"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    text = str(exc.value)
    assert text and "\n" not in text and "Traceback" not in text
    return text


def test_names_are_exported_from_the_package_lazily() -> None:
    assert aikg.open_graph is aikg.api.open_graph and aikg.Rows is Rows
    code = "import sys, aikg; print(sorted(m for m in ('rdflib', 'aikg.api') if m in sys.modules))"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"  # import aikg stays light: the CLI's start-up time
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = aikg.nope  # type: ignore[attr-defined]


def test_bundled_graph_on_oxigraph(kg: KnowledgeGraph) -> None:
    assert repr(kg) == "<KnowledgeGraph store=oxigraph, bundled graph>"
    rows = kg.query("search", text="China Internet Network Information Center")
    assert isinstance(rows, Rows)
    assert rows.columns == ["entity", "class", "label_zh", "label_en", "matched"]
    assert [(r["entity"], r["label_zh"]) for r in rows] == [(CNNIC, "中国互联网络信息中心")]
    assert rows.terms[0][0] == CNNIC and isinstance(rows.terms[0][2], Literal)
    stats = kg.stats()
    assert stats.triples == len(kg) == len(kg.graph) > 10_000
    assert stats.sources > 0 and stats.observations > 0


@pytest.mark.slow
def test_memory_store_gives_the_same_rows(kg: KnowledgeGraph) -> None:
    memory = aikg.open_graph(store="memory")
    assert memory.store.spec.kind == "memory" and len(memory) == len(kg)
    on_memory, on_oxigraph = (g.query("search", text="CNNIC") for g in (memory, kg))
    assert isinstance(on_memory, Rows) and isinstance(on_oxigraph, Rows) and len(on_memory) > 1
    assert sorted(map(str, on_memory.terms)) == sorted(map(str, on_oxigraph.terms))


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_data_file_on_both_stores(example: Path, store: str) -> None:
    kg = aikg.open_graph(example, store=store)
    assert repr(kg) == f"<KnowledgeGraph store={store}, {example}>"
    rows = kg.query("search", text="示例研究院")
    assert [r["label_en"] for r in rows] == ["Example Institute"]
    assert kg.query("search", text="CNNIC") == Rows(
        rows.columns, []
    )  # the bundled graph is not read
    stats = kg.stats()
    assert stats.sources == 1 and stats.entities == 2


def test_persistent_store_folder(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    first = aikg.open_graph([example], store=f"oxigraph:{folder}")
    assert len(first.query("search", text="Example")) == 2
    assert folder.is_dir() and any(folder.iterdir())


def test_parameters_are_bound_as_typed_terms(kg: KnowledgeGraph) -> None:
    by_iri = kg.query("entity", entity=CNNIC)
    by_text = kg.query("entity", entity=str(CNNIC))
    by_name = kg.query("entity", entity="organization:cnnic")
    assert isinstance(by_iri, Graph) and isinstance(by_text, Graph) and isinstance(by_name, Graph)
    assert CNNIC in set(by_iri.subjects()) and set(by_iri) == set(by_text) == set(by_name)
    # a boolean parameter (xsd:boolean) given as a Python bool
    place = URIRef("https://w3id.org/aikg/id/place/cn")
    assert kg.query("by-area", place=place, subplaces=False) == kg.query(
        "by-area", place=place, subplaces="false"
    )


@pytest.mark.parametrize(
    "payload",
    ['") } } ; DROP ALL ; #', "x' . ?s ?p ?o #", '\\") UNION { ?s ?p ?o } #'],
)
def test_an_injection_payload_stays_data(kg: KnowledgeGraph, payload: str) -> None:
    rows = kg.query("search", text=payload)
    assert isinstance(rows, Rows) and len(rows) == 0
    assert len(kg) == kg.stats().triples  # nothing dropped


def test_an_iri_parameter_refuses_text_that_is_not_an_iri(kg: KnowledgeGraph) -> None:
    with pytest.raises(InputError) as exc:
        kg.query("entity", entity="<urn:a> } DROP ALL {")
    assert "entity" in one_line(exc)


def test_query_text_ask_and_construct(kg: KnowledgeGraph) -> None:
    ask = "ASK { ?d a <https://w3id.org/aikg/ontology#SourceDocument> }"
    assert kg.query(ask) is True
    built = kg.query(f"CONSTRUCT {{ <{CNNIC}> ?p ?o }} WHERE {{ <{CNNIC}> ?p ?o }}")
    assert isinstance(built, Graph) and len(built) > 0
    assert set(built.subjects()) == {CNNIC}


def test_queries_is_the_catalog(kg: KnowledgeGraph) -> None:
    catalog = kg.queries()
    assert {"search", "entity", "by-area"} <= set(catalog)
    assert catalog["search"].text.startswith("#+ summary:")
    assert [p.name for p in catalog["entity"].parameters] == ["entity"]


def test_a_catalog_folder(tmp_path: Path) -> None:
    (tmp_path / "labels-of.rq").write_text(
        "#+ summary: The labels of an entity\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?label WHERE { ?_entity_iri rdfs:label ?label } ORDER BY ?label\n",
        encoding="utf-8",
    )
    kg = aikg.open_graph(catalog=tmp_path)
    assert list(kg.queries()) == ["labels-of"]
    labels = kg.query("labels-of", entity=CNNIC)
    assert isinstance(labels, Rows) and "中国互联网络信息中心" in [r["label"] for r in labels]
    spaced = tmp_path / "a folder" / "labels of.rq"  # a file path, even with a space
    spaced.parent.mkdir()
    spaced.write_text((tmp_path / "labels-of.rq").read_text(encoding="utf-8"), encoding="utf-8")
    assert aikg.open_graph().query(str(spaced), entity=CNNIC) == labels


def test_rows_hold_python_values() -> None:
    rows = Rows(
        ["n", "amount", "day", "year", "iri"],
        [
            (
                Literal(3),
                Literal(Decimal("1.5")),
                Literal(datetime.date(2025, 1, 22)),
                Literal("2024", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")),
                CNNIC,
            )
        ],
    )
    row = rows[0]
    assert row["n"] == 3 and row["amount"] == Decimal("1.5")
    assert row["day"] == datetime.date(2025, 1, 22)
    assert isinstance(row["year"], Literal)  # no Python value: the rdflib term
    assert row["iri"] == CNNIC and rows[:1] == [row]


def test_to_dataframe(kg: KnowledgeGraph) -> None:
    try:
        import pandas  # noqa: F401  (a test dependency: pyproject's test extra)
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but pandas (in the test extra) is not installed")
        pytest.skip("pandas is not installed")
    rows = kg.query("search", text="CNNIC")
    assert isinstance(rows, Rows)
    frame = rows.to_dataframe()
    assert list(frame.columns) == rows.columns and len(frame) == len(rows) > 1
    assert CNNIC in set(frame["entity"])
    empty = kg.query("search", text="no such label anywhere").to_dataframe()  # type: ignore[union-attr]
    assert list(empty.columns) == rows.columns and len(empty) == 0


def test_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(MissingPackage) as exc:
        Rows(["a"], [(Literal(1),)]).to_dataframe()
    assert isinstance(exc.value, AikgError) and isinstance(exc.value, ImportError)
    assert "pip install pandas" in one_line(exc)


def test_export(kg: KnowledgeGraph, tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.nt"
    payload = kg.export("nt", target)
    assert target.read_bytes() == payload == kg.store.export("nt")
    assert payload.count(b"\n") == len(kg)
    turtle = kg.export()
    assert len(Graph().parse(data=turtle, format="turtle")) == len(kg)
    assert not list(tmp_path.glob("out/.*"))  # no temporary file left


def test_validate_finds_what_the_shapes_require(example: Path) -> None:
    report = aikg.open_graph(example).validate()
    assert report.conforms is False
    messages = {f.message for f in report.findings if f.focus == "doc:example"}
    assert "a source document needs its URL" in messages
    assert "a source document needs its publisher" in messages


def test_check_reports_the_bundled_disagreements(kg: KnowledgeGraph) -> None:
    from aikg.consistency import KINDS, SEVERITIES

    report = kg.check()
    assert report.findings
    assert {f.kind for f in report.findings} <= set(KINDS)
    assert {f.severity for f in report.findings} <= set(SEVERITIES)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda kg: kg.query("serach", text="x"), InputError, "did you mean search"),
        (lambda kg: kg.query("search"), InputError, "text"),
        (lambda kg: kg.query("search", text=object()), InputError, "parameter text: a object"),
        (lambda kg: kg.query("SELECT * WHERE { ?s ?p }"), InputError, "<expression>"),
        (lambda kg: kg.export("csv"), InputError, "unknown format 'csv'"),
    ],
)
def test_errors_are_aikg_errors_on_one_line(
    kg: KnowledgeGraph, call: object, error: type[AikgError], words: str
) -> None:
    with pytest.raises(error) as exc:
        call(kg)  # type: ignore[operator]
    assert words in one_line(exc)


def test_opening_errors(tmp_path: Path) -> None:
    with pytest.raises(SettingError) as exc:
        aikg.open_graph(store="rdflib")
    assert one_line(exc) == "store 'rdflib': use memory, oxigraph or oxigraph:DIR"
    with pytest.raises(InputError) as missing:
        aikg.open_graph(tmp_path / "missing.ttl")
    assert "missing.ttl" in one_line(missing)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(InputError) as syntax:
        len(aikg.open_graph(broken))  # an Oxigraph store reads its files when first used
    assert "broken.ttl" in one_line(syntax)
