"""Drafts: evidence, shapes, the review workflow, --diff, eval-extract and the corpus figures.

The documents here are short texts written for these tests; the corpus regression test reads
the shared sources and skips where ../shared is absent.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from aikg import paths
from aikg.curation import compile_all, compile_entity_list, compile_sheet
from aikg.curation.compile import load_sheet
from aikg.extraction import Meta, extract
from aikg.extraction.evaluate import evaluate, spans
from aikg.namespaces import AIKG, ID, OA, SCHEMA, UNIT
from aikg.store.files import ontology_graph
from aikg.validation import validate

DOC_A = """---
title: 示范市机器人产业简报（上）
url: https://example.org/robots-a
publisher: 示范日报
date: 2025-07-10
---
截至6月，全市机器人企业数量为1200家，同比增长8.5%。
"""

DOC_B = """---
title: 示范市机器人产业简报（下）
url: https://example.org/robots-b
publisher: 示范晚报
date: 2025-07-12
---
**扫码关注示范晚报**
截至6月，全市机器人企业数量为1500家，其中超过300家位于开发区。
到2027年，全市机器人企业数量超2000家，国家示范机器人研究中心将牵头推进。
"""

ENTITIES = [
    {"id": "place:CN", "a": ["schema:Country"], "label": {"zh": "中国", "en": "China"}},
    {
        "id": "organization:demo-daily",
        "a": ["schema:Organization"],
        "label": {"zh": "示范日报", "en": "Demo Daily"},
    },
    {
        "id": "var:demo-robot-firms",
        "a": ["schema:StatisticalVariable"],
        "label": {"zh": "机器人企业数量", "en": "number of robot enterprises"},
    },
    {
        "id": "var:demo-robot-firms-growth",
        "a": ["schema:StatisticalVariable"],
        "label": {"zh": "机器人企业数量同比增长率", "en": "growth of robot enterprises"},
    },
]

SHEET_A = {
    "document": {
        "id": "doc:demo-a",
        "key": "demo-a",
        "path": "sources/demo-a.md",
        "a": ["schema:Article"],
        "publisher": "organization:demo-daily",
        "reliability": "reliability:relay",
        "label": {"en": "Demo city robot brief (1)"},
        "evidence": {"quote": "示范市机器人产业简报（上）", "prefix": "title: "},
    },
    "mentions": [
        {"id": "organization:demo-daily", "quote": "示范日报"},
        {"id": "var:demo-robot-firms", "quote": "机器人企业数量"},
        {"id": "var:demo-robot-firms-growth", "quote": "同比增长8.5%"},
    ],
    "observations": [
        {
            "id": "obs:demo-a-robot-firms",
            "var": "var:demo-robot-firms",
            "quote": "机器人企业数量为1200家",
            "value_text": "1200家",
            "period": "2025-06-30",
            "area": "place:CN",
        },
        {
            "id": "obs:demo-a-robot-firms-growth",
            "var": "var:demo-robot-firms-growth",
            "quote": "同比增长8.5%",
            "value_text": "8.5%",
            "period": "2025-06-30",
            "area": "place:CN",
        },
    ],
}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A small shared folder (two texts), curation sheets for A, and the compiled graph of A."""
    shared = tmp_path / "shared"
    (shared / "sources").mkdir(parents=True)
    (shared / "sources" / "demo-a.md").write_text(DOC_A, encoding="utf-8")
    (shared / "sources" / "demo-b.md").write_text(DOC_B, encoding="utf-8")
    curation = tmp_path / "curation"
    curation.mkdir()
    dump = {"allow_unicode": True, "sort_keys": False}
    (curation / "entities.yaml").write_text(yaml.safe_dump(ENTITIES, **dump), encoding="utf-8")
    (curation / "demo-a.yaml").write_text(yaml.safe_dump(SHEET_A, **dump), encoding="utf-8")
    graph_dir = tmp_path / "graph"
    graph_dir.mkdir()
    from aikg.store.export import serialize

    for name, graph in compile_all(curation, shared).items():
        (graph_dir / name).write_bytes(serialize(graph))
    return shared, curation, graph_dir


def _known(graph_dir: Path) -> Graph:
    graph = ontology_graph()
    for path in graph_dir.glob("*.ttl"):
        graph.parse(path, format="turtle")
    return graph


def test_draft_evidence_resolves_and_validates(corpus: tuple[Path, Path, Path]) -> None:
    shared, _, graph_dir = corpus
    known = _known(graph_dir)
    draft = extract(shared / "sources" / "demo-b.md", known, shared=shared, draft_unsure=True)
    text = (shared / "sources" / "demo-b.md").read_text(encoding="utf-8")
    anchors = spans(draft.graph)
    assert len(anchors) >= 5
    for _, span, quote in anchors:
        assert text[span.start : span.end] == quote
    report = validate(known + draft.graph)
    assert report.conforms, report.findings[:5]
    # the count is an observation of the known variable; the 2027 goal is a target
    observations = set(draft.graph.subjects(RDF.type, SCHEMA.Observation))
    targets = set(draft.graph.subjects(RDF.type, AIKG.Target))
    values = {draft.graph.value(o, SCHEMA.value) for o in observations}
    assert Literal("1500", datatype=XSD.integer) in values
    assert Literal("2000", datatype=XSD.integer) not in values
    [target] = targets
    assert str(draft.graph.value(target, AIKG.targetYear)) == "2027"
    # by default the draft leaves the counts and the goal out, as unsure: 全市 speaks of a city
    # the text does not name in a way the rules know (示范市), so their area would be assumed
    held = extract(shared / "sources" / "demo-b.md", known, shared=shared)
    assert [f.value_text for f in held.unsure] == ["为1500家", "超过300家", "超2000家"]
    assert Literal("1500", datatype=XSD.integer) not in {
        held.graph.value(o, SCHEMA.value) for o in held.graph.subjects(RDF.type, SCHEMA.Observation)
    }
    firms = ID["var"]["demo-robot-firms"]
    assert any(draft.graph.value(o, SCHEMA.variableMeasured) == firms for o in observations)
    # new entities get draft IRIs and the draft marker
    drafted = set(draft.graph.subjects(AIKG.draft, Literal(True)))
    assert any(str(e).endswith("draft-" + str(e).rsplit("draft-", 1)[-1]) for e in drafted)
    assert any("organization/draft-" in str(e) for e in drafted)


def test_review_workflow_merges_an_edited_draft_sheet(corpus: tuple[Path, Path, Path]) -> None:
    shared, curation, graph_dir = corpus
    draft = extract(
        shared / "sources" / "demo-b.md", _known(graph_dir), shared=shared, draft_unsure=True
    )
    sheet = yaml.safe_load(draft.sheet_yaml())
    entities = yaml.safe_load((curation / "entities.yaml").read_text(encoding="utf-8"))
    entities += sheet.pop("draft_entities")
    (curation / "entities.yaml").write_text(
        yaml.safe_dump(entities, allow_unicode=True), encoding="utf-8"
    )
    (curation / "demo-b.yaml").write_text(yaml.safe_dump(sheet, allow_unicode=True), "utf-8")
    graphs = compile_all(curation, shared)
    merged = ontology_graph()
    for graph in graphs.values():
        merged += graph
    assert validate(merged).conforms


def test_a_draft_compiles_like_its_saved_sheet(
    corpus: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """The draft graph is compiled from the sheet in memory (no temporary file): the same graph
    as the sheet a reviewer saves and compiles."""
    shared, _, graph_dir = corpus
    known = _known(graph_dir)
    draft = extract(shared / "sources" / "demo-b.md", known, shared=shared, draft_unsure=True)
    saved = tmp_path / "draft.yaml"
    saved.write_text(draft.sheet_yaml(), encoding="utf-8")
    sheet = load_sheet(saved)
    entities = compile_entity_list(sheet.pop("draft_entities"), "draft_entities")
    graph = compile_sheet(sheet, shared, known + entities, name=saved.name) + entities
    assert len(graph) > 50
    assert isomorphic(graph, draft.graph)


def test_text_without_front_matter_takes_the_options(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("截至6月，示范市智能工厂达到42家。\n", encoding="utf-8")
    meta = Meta(
        title="示范市简讯", url="https://example.org/p", publisher="示范周刊", date="2025-07-01"
    )
    draft = extract(path, ontology_graph(), meta=meta)
    doc = next(draft.graph.subjects(RDF.type, AIKG.SourceDocument))
    assert str(draft.graph.value(doc, SCHEMA.datePublished)) == "2025-07-01"
    assert (doc, AIKG.dateUnknown, None) not in draft.graph
    assert validate(ontology_graph() + draft.graph).conforms
    obs = next(draft.graph.subjects(RDF.type, SCHEMA.Observation))
    assert draft.graph.value(obs, SCHEMA.unitCode) == UNIT.NUM


def test_extract_diff_reports_new_facts_and_conflicts(cli, corpus: tuple[Path, Path, Path]) -> None:
    shared, _, graph_dir = corpus
    result = cli(
        "--data", str(graph_dir), "extract", "--draft-unsure",
        str(shared / "sources" / "demo-b.md"),
        "--diff", "--format", "json", "--shared", str(shared),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    [report] = json.loads(result.stdout)
    assert any(row["status"] == "new" for row in report["observations"])
    assert report["targets"] and report["new_entities"]
    [conflict] = report["conflicts"]
    assert conflict["kind"] == "different-values"
    assert {v["value"] for v in conflict["values"]} == {"1200", "1500"}


def test_extract_diff_without_conflict_exits_0(cli, corpus: tuple[Path, Path, Path]) -> None:
    shared, _, graph_dir = corpus
    result = cli(
        "--data", str(graph_dir), "extract", "--draft-unsure",
        str(shared / "sources" / "demo-a.md"),
        "--diff", "--shared", str(shared), "--no-validate",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "already curated" in result.stdout


def test_extract_writes_turtle_and_sheet(
    cli, corpus: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    shared, _, graph_dir = corpus
    out, sheet = tmp_path / "d.ttl", tmp_path / "d.yaml"
    result = cli(
        "--data", str(graph_dir), "extract", "--draft-unsure",
        str(shared / "sources" / "demo-b.md"),
        "-o", str(out), "--sheet", str(sheet), "--shared", str(shared),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "observations" in result.stderr
    assert len(Graph().parse(out, format="turtle")) > 50
    assert "draft_entities" in yaml.safe_load(sheet.read_text(encoding="utf-8"))


def test_extract_drafts_the_same_from_either_store(
    cli, corpus: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """extract reads the known graph from the store --store names; the engine does not change
    the draft (links to the graph's entities included)."""
    shared, _, graph_dir = corpus
    drafts = []
    for store in ("memory", f"oxigraph:{tmp_path / 'store'}"):
        out = tmp_path / f"{store[:6]}.ttl"
        result = cli(
            "--store", store, "--data", str(graph_dir), "extract", "--draft-unsure",
            str(shared / "sources" / "demo-b.md"), "-o", str(out), "--shared", str(shared),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        drafts.append(out.read_bytes())
    assert drafts[0] == drafts[1]
    assert (None, None, ID["var"]["demo-robot-firms"]) in Graph().parse(data=drafts[0])


def test_extract_bad_input_is_one_line(cli, tmp_path: Path) -> None:
    result = cli("extract", str(tmp_path / "missing.md"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "missing.md" in result.stderr
    bad = tmp_path / "x.md"
    bad.write_text("截至6月，示范企业达到300家。", encoding="utf-8")
    result = cli("extract", str(bad), "--date", "June")
    assert result.returncode == 2 and "Traceback" not in result.stderr


# --- eval-extract arithmetic on a hand-made gold ----------------------------------------------

_SHA = "a" * 64


def _graph(
    facts: list[tuple[str, URIRef, int, int, str, URIRef]], mentions: list[tuple[str, int, int]]
) -> Graph:
    g = Graph()
    text = URIRef("https://w3id.org/aikg/id/text/t")
    g.add((text, RDF.type, AIKG.SourceText))
    g.add((text, SCHEMA.sha256, Literal(_SHA)))
    g.add((text, AIKG.sourcePath, Literal("sources/t.md")))

    def annotate(body: URIRef, start: int, end: int) -> None:
        anno = URIRef(f"{body}-anno")
        target, pos = URIRef(f"{anno}-t"), URIRef(f"{anno}-p")
        g.add((anno, RDF.type, OA.Annotation))
        g.add((anno, OA.hasBody, body))
        g.add((anno, OA.hasTarget, target))
        g.add((target, OA.hasSource, text))
        g.add((target, OA.hasSelector, pos))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(start)))
        g.add((pos, OA.end, Literal(end)))

    for name, cls, start, end, value, unit in facts:
        node = ID["obs"][name]
        g.add((node, RDF.type, cls))
        g.add((node, SCHEMA.value, Literal(Decimal(value))))
        g.add((node, SCHEMA.unitCode, unit))
        annotate(node, start, end)
    for iri, start, end in mentions:
        annotate(URIRef(iri), start, end)
    return g


def test_eval_extract_arithmetic() -> None:
    person = URIRef("https://w3id.org/aikg/vocab/unit/PERSON")
    gold = _graph(
        [
            ("g1", SCHEMA.Observation, 10, 20, "100", UNIT.NUM),
            ("g2", SCHEMA.Observation, 30, 40, "23.5", UNIT.PERCENT),
            ("g3", SCHEMA.Observation, 50, 60, "7", UNIT.NUM),
            ("g4", AIKG.Target, 70, 80, "50", UNIT.NUM),
        ],
        [
            (str(ID["organization"]["known"]), 0, 5),
            (str(ID["organization"]["only-here"]), 100, 105),
            (str(ID["policy"]["p"]), 110, 115),
            (str(ID["person"]["missed"]), 200, 205),
        ],
    )
    draft = _graph(
        [
            ("d1", SCHEMA.Observation, 12, 18, "100", person),  # persons and counts: one kind
            ("d2", SCHEMA.Observation, 30, 40, "23.4", UNIT.PERCENT),  # wrong value
            ("d3", SCHEMA.Observation, 90, 95, "5", UNIT.NUM),  # spurious
            ("d4", AIKG.Target, 75, 85, "50", UNIT.NUM),
        ],
        [
            (str(ID["organization"]["known"]), 1, 4),
            (str(ID["organization"]["draft-x"]), 100, 105),  # new, rightly
            (str(ID["policy"]["draft-y"]), 110, 115),  # new, wrongly: p is known
        ],
    )
    known = {str(ID["organization"]["known"]), str(ID["policy"]["p"]), str(ID["person"]["missed"])}
    [doc] = evaluate(draft, gold, known).documents
    assert (doc.observations.matched, doc.observations.drafted, doc.observations.gold) == (1, 3, 3)
    assert doc.observations.precision == pytest.approx(1 / 3)
    assert doc.observations.recall == pytest.approx(1 / 3)
    assert doc.observations.f1 == pytest.approx(1 / 3)
    assert (doc.targets.matched, doc.targets.precision, doc.targets.recall) == (1, 1.0, 1.0)
    assert (doc.linking.gold, doc.linking.found, doc.linking.correct) == (4, 3, 2)
    assert doc.linking.accuracy == pytest.approx(2 / 3)
    assert doc.linking.coverage == pytest.approx(3 / 4)


@pytest.mark.slow
def test_eval_extract_cli(cli, corpus: tuple[Path, Path, Path], tmp_path: Path) -> None:
    shared, _, graph_dir = corpus
    out = tmp_path / "a.ttl"
    made = cli(
        "--data", str(graph_dir), "extract", "--draft-unsure",
        str(shared / "sources" / "demo-a.md"),
        "-o", str(out), "--shared", str(shared), "--no-validate",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    result = cli(
        "--data", str(graph_dir), "eval-extract", str(out), str(graph_dir / "demo-a.ttl"),
        "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    assert overall["observations"]["gold"] == 2
    assert overall["observations"]["recall"] == 1.0
    md = cli(
        "--data",
        str(graph_dir),
        "eval-extract",
        str(out),
        str(graph_dir / "demo-a.ttl"),
        "-f",
        "md",
    )
    assert "| document |" in md.stdout


# --- the curated corpus: the figures must not regress --------------------------------------------

#: The issue's targets; the achieved figures (docs/extraction.md) are at or above them.
OBS_RECALL, OBS_PRECISION, LINKING, PER_DOCUMENT = 0.95, 0.90, 0.90, 0.80


@pytest.mark.slow
def test_corpus_evaluation_does_not_regress(shared: Path, tmp_path: Path) -> None:
    """In sample: the documents the rules were written on. The 45 documents of the corpus issue
    are the extractor's out-of-sample record (benchmarks/extraction/first_drafts.py), not this
    regression guard."""
    import shutil

    from aikg.extraction.corpus import run_corpus

    root = Path(__file__).resolve().parent.parent
    drafted = root / "benchmarks" / "extraction" / "corpus-first-drafts" / "texts.sha256"
    new = {Path(line.split()[1]).stem for line in drafted.read_text(encoding="utf-8").splitlines()}
    for path in paths.graph_dir().glob("*.ttl"):
        if path.stem not in new:
            shutil.copy(path, tmp_path / path.name)
    run = run_corpus(tmp_path, shared)
    overall = run.evaluation.overall
    assert len(run.evaluation.documents) >= 2
    assert overall.observations.recall >= OBS_RECALL
    assert overall.observations.precision >= OBS_PRECISION
    assert overall.targets.recall >= OBS_RECALL and overall.targets.precision >= OBS_PRECISION
    assert overall.linking.accuracy >= LINKING
    for doc in run.evaluation.documents:
        for figure in (
            doc.observations.precision,
            doc.observations.recall,
            doc.targets.precision,
            doc.targets.recall,
            doc.linking.accuracy,
        ):
            assert figure is None or figure >= PER_DOCUMENT, doc.to_json()


def test_respectively_pairs_items_with_values(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(FRONT_R + "去年，甲产业、乙产业增加值分别增长5.1%、6.2%。\n", encoding="utf-8")
    draft = extract(path, ontology_graph())
    variables = {f.value_text: f.variable for f in draft.facts}
    assert variables["5.1%"] != variables["6.2%"]
    labels = {e["id"]: e["label"]["zh"] for e in draft.sheet["draft_entities"]}
    assert labels[variables["5.1%"]].startswith("甲产业")
    assert labels[variables["6.2%"]].startswith("乙产业")


FRONT_R = (
    "---\ntitle: 示范简讯\nurl: https://example.org/r\npublisher: 示范日报\ndate: 2025-03-01\n---\n"
)
