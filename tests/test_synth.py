"""``aikg synth``: deterministic synthetic graphs of the curated graph's shape, valid, skewed.

The graph has exactly the triples asked for, the same ones for the same seed, passes the SHACL
shapes (checked here at 10,000 triples; by hand at 100,000), and has the curated graph's kinds
of things, with evidence whose offsets and SHA-256 are those of the document's text, and hubs.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from aikg.cli.synth_command import parse_size
from aikg.errors import InputError
from aikg.namespaces import AIKG, OA, SCHEMA
from aikg.store.files import load_graph
from aikg.synth import INFO_FILE, SYN, Synthesizer, read_info, write_synth
from aikg.validation import validate


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "g"
    write_synth(folder, 5_000, seed=7, chunk_triples=2_000)
    return folder


@pytest.fixture(scope="module")
def small_graph(small: Path) -> Graph:
    return load_graph([small], ontology=False)


def test_exactly_the_triples_asked_for_in_chunks(small: Path) -> None:
    files = sorted(small.glob("*.nt"))
    assert [f.name for f in files] == ["synth-00001.nt", "synth-00002.nt", "synth-00003.nt"]
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert [len(f.read_text(encoding="utf-8").splitlines()) for f in files] == [2000, 2000, 1000]
    assert len(lines) == len(set(lines)) == 5_000
    store = pyoxigraph.Store()
    for path in files:
        store.load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == 5_000
    info = read_info(small)
    assert (
        info["triples"] == 5_000 and info["seed"] == 7 and info["files"] == [f.name for f in files]
    )


@pytest.mark.parametrize("triples", [2_000, 12_345])
def test_any_size_is_exact(triples: int) -> None:
    lines = list(Synthesizer(triples, seed=2).lines())
    assert len(lines) == len(set(lines)) == triples


def test_the_same_seed_gives_the_same_graph() -> None:
    first = "".join(Synthesizer(8_000, seed=11).lines())
    assert first == "".join(Synthesizer(8_000, seed=11).lines())
    assert first != "".join(Synthesizer(8_000, seed=12).lines())


@pytest.mark.slow
def test_it_passes_the_shapes(tmp_path: Path) -> None:
    write_synth(tmp_path / "g", 10_000, seed=1)
    report = validate(load_graph([tmp_path / "g"]))
    assert report.conforms, report.findings[:5]


def test_it_has_the_shape_of_the_curated_graph(small_graph: Graph) -> None:
    classes = Counter(o for o in small_graph.objects(None, RDF.type))
    for cls in (
        AIKG.SourceDocument, AIKG.SourceText, SCHEMA.Legislation, SCHEMA.Organization,
        SCHEMA.Person, AIKG.Sector, AIKG.Technology, AIKG.Initiative, SCHEMA.StatisticalVariable,
        SCHEMA.Observation, AIKG.Target, RDF.Statement, OA.Annotation,
        OA.TextPositionSelector, OA.TextQuoteSelector,
        URIRef("http://www.w3.org/2006/time#Instant"),
        URIRef("http://www.w3.org/2006/time#Interval"),
    ):  # fmt: skip
        assert classes[cls] > 0, cls
    properties = {p for _, p, _ in small_graph}
    for prop in (
        AIKG.valueQualifier, SCHEMA.minValue, AIKG.basePeriod, SCHEMA.measurementDenominator,
        AIKG.numerator, AIKG.changeOf, AIKG.targetOf, AIKG.launchedBy, AIKG.empowers,
        AIKG.effect, SCHEMA.legislationPassedBy, AIKG.unstatedProperty,
        URIRef("http://purl.org/linked-data/sdmx/2009/dimension#age"),
        URIRef("http://www.w3.org/2004/02/skos/core#broader"),
    ):  # fmt: skip
        assert prop in properties, prop
    assert all(str(s).startswith(SYN) for s in small_graph.subjects() if isinstance(s, URIRef))


def test_evidence_selects_its_quote_in_the_document_text(small_graph: Graph) -> None:
    """Each document's text is its quotes, each after a newline: rebuilt from the selectors,
    it has the SHA-256 the graph states, and every quote is at its offsets."""
    spans: dict[URIRef, list[tuple[int, int, str]]] = {}
    for target in small_graph.subjects(RDF.type, OA.SpecificResource):
        text = small_graph.value(target, OA.hasSource)
        start = end = exact = None
        for selector in small_graph.objects(target, OA.hasSelector):
            if (selector, RDF.type, OA.TextPositionSelector) in small_graph:
                start = int(small_graph.value(selector, OA.start))
                end = int(small_graph.value(selector, OA.end))
            else:
                exact = str(small_graph.value(selector, OA.exact))
        assert None not in (start, end, exact)
        spans.setdefault(text, []).append((start, end, exact))  # type: ignore[arg-type]
    assert spans
    for text, found in spans.items():
        rebuilt = ""
        for start, end, exact in sorted(found):
            assert start == len(rebuilt) + 1 and end - start == len(exact)
            rebuilt += "\n" + exact
            assert rebuilt[start:end] == exact
        sha = str(small_graph.value(text, SCHEMA.sha256))
        assert hashlib.sha256(rebuilt.encode("utf-8")).hexdigest() == sha


def test_a_few_hubs_and_many_leaves(tmp_path: Path) -> None:
    graph = Graph().parse(data="".join(Synthesizer(60_000, seed=1).lines()), format="nt")
    publishers = Counter(graph.objects(None, SCHEMA.publisher))
    documents = sum(publishers.values())
    hub, top = publishers.most_common(1)[0]
    assert str(hub).endswith("/organization/1") and top >= documents / 5
    degree = Counter(o for _, p, o in graph if isinstance(o, URIRef) and p != RDF.type)
    entities = [e for e in graph.subjects(RDF.type, SCHEMA.StatisticalVariable)]
    counts = sorted((degree[e] for e in entities), reverse=True)
    assert counts[0] >= 10 * counts[len(counts) // 2]  # a Zipf-like spread
    plan = URIRef(SYN + "policy/1")
    targets = Counter(graph.objects(None, AIKG.targetOf))
    assert targets.most_common(1)[0][0] == plan


def test_sizes_and_bounds() -> None:
    assert parse_size("10k") == 10_000 and parse_size("1m") == 1_000_000
    assert parse_size("1_000_000") == 1_000_000 and parse_size("2.5k") == 2_500
    for bad in ("ten", "1.5", "k"):
        with pytest.raises(InputError):
            parse_size(bad)
    with pytest.raises(InputError, match="2,000 to"):
        Synthesizer(1_000)


def test_the_command(tmp_path: Path, cli) -> None:
    out = tmp_path / "synth"
    done = cli("synth", "--triples", "3k", "--seed", "5", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Wrote 3000 triples" in done.stdout and (out / INFO_FILE).is_file()
    first = (out / "synth-00001.nt").read_bytes()
    again = cli("synth", "--triples", "3k", "--seed", "5", "-o", str(out))  # replaced
    assert again.returncode == 0 and (out / "synth-00001.nt").read_bytes() == first
    stats = cli("--data", str(out), "stats", "--no-properties")
    assert stats.returncode == 0 and "observations" in stats.stdout
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    refused = cli("synth", "--triples", "3k", "-o", str(mine))
    assert refused.returncode == 2 and "holds no synthetic graph" in refused.stderr
    assert (mine / "notes.txt").read_text() == "keep"
    bad = cli("synth", "--triples", "lots", "-o", str(tmp_path / "x"))
    assert bad.returncode == 2 and bad.stderr.startswith("aikg: error: --triples 'lots'")
