"""The curated corpus (issue 5): every source document's facts, anchored in its own text, one
entity per real-world thing across documents, targets apart from observations, and series."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from aikg.namespaces import AIKG, OA, SCHEMA, expand
from aikg.sources import occurrences, parse_front_matter
from aikg.store.stats import entities

ROOT = Path(__file__).resolve().parent.parent
CURATION = ROOT / "curation"
SHEETS = sorted(p for p in CURATION.glob("*.yaml") if p.name != "entities.yaml")

#: Sheet stem -> (reliability class, observations, targets) the curation records.
EXPECTED = {
    "2023-07-10-genai-service-interim-measures-order-15": ("official", 0, 0),
    "2024-03-06-mingpao-2024-government-work-report-ai-plus": ("relay", 2, 0),
    "2024-07-02-xinhua-ai-industry-standardization-guide-2024": ("wire", 0, 1),
    "2024-07-03-stcn-ai-industry-standardization-guide-targets": ("wire", 0, 3),
    "2024-09-09-chinanews-ai-safety-governance-framework-1-0": ("wire", 0, 0),
    "2025-01-17-forexbnb-cnnic-55th-report-generative-ai": ("repost", 14, 0),
    "2025-01-22-cnnic-55th-report-expert-reading": ("relay", 22, 0),
    "2025-03-05-cnautonews-2025-government-work-report-ai-plus": ("relay", 3, 0),
    "2025-07-25-sputnik-cnnic-56th-report-ai-industry": ("relay", 10, 0),
    "2025-08-26-state-council-ai-plus-opinions-text": ("repost", 0, 3),
    "2025-08-27-crntt-ai-plus-opinions-six-actions": ("relay", 0, 0),
    "2025-09-15-etnet-ai-safety-governance-framework-2-0": ("relay", 0, 0),
    "2026-02-05-xinhua-cnnic-57th-report-generative-ai-users": ("wire", 10, 0),
    # Issue 12, CNNIC's reports
    "2021-02-03-ecns-cnnic-47th-report-989m-internet-users": ("wire", 11, 0),
    "2021-08-27-hxnews-cnnic-48th-report-1011m-internet-users": ("wire", 14, 0),
    "2022-02-25-globaltimes-cnnic-49th-report-1032m-internet-users": ("relay", 20, 0),
    "2022-08-31-globaltimes-cnnic-50th-report-1051m-internet-users": ("relay", 12, 0),
    "2023-03-03-hkcna-cnnic-51st-report-1067m-internet-users": ("wire", 23, 0),
    "2023-08-28-cgtn-cnnic-52nd-report-1079m-internet-users": ("relay", 8, 0),
    "2024-03-22-71396-globaltimes-cnnic-53rd-report-genai-4400-ai-firms": ("repost", 4, 0),
    "2024-08-29-gmw-cnnic-54th-report-1100m-internet-users": ("wire", 12, 0),
    "2024-08-29-bobobk-chinanews-cnnic-54th-report-ai-consumption": ("repost", 14, 0),
    "2025-01-17-bkeconomy-cnnic-55th-report-1108m-internet-users": ("relay", 4, 0),
    "2024-11-30-longport-cnnic-genai-application-report-2024-16pct": ("repost", 7, 0),
    "2024-12-02-peoplecn-cnnic-genai-application-report-2024-230m-users": ("wire", 5, 0),
    # Issue 12, the national AI policy canon
    "2017-07-22-chinacomcn-ai-development-plan-three-steps": ("relay", 0, 2),
    "2017-08-10-400web-ai-development-plan-notice": ("repost", 0, 0),
    "2017-12-25-govcn-ai-industry-three-year-action-plan": ("official", 0, 0),
    "2021-09-25-slrbs-ai-ethics-norms": ("repost", 0, 0),
    "2021-12-31-hxnews-algorithm-recommendation-provisions": ("relay", 0, 0),
    "2023-01-12-jnnews-deep-synthesis-provisions": ("repost", 0, 0),
    "2023-10-10-sqrb-computing-infrastructure-action-plan": ("relay", 0, 9),
    "2023-10-18-zhgzbw-global-ai-governance-initiative": ("repost", 0, 0),
    "2023-11-03-xfafinance-humanoid-robot-guiding-opinions": ("wire", 0, 1),
    "2024-09-25-kzembassy-ai-capacity-building-plan": ("official", 1, 1),
    "2025-03-14-zitateleben-ai-generated-content-labeling-measures": ("repost", 0, 0),
    "2025-09-08-yoyozy-ai-plus-energy-opinions": ("repost", 0, 4),
    # Issue 12, industry series
    "2022-07-26-cdstm-miit-ai-core-industry-4000yi": ("relay", 9, 0),
    "2023-08-21-gyxww-computing-power-197eflops": ("repost", 7, 0),
    "2023-08-21-rexun-peoplesdaily-robot-density-392": ("repost", 6, 0),
    "2023-10-16-anfangnews-miit-caict-ai-core-industry-patents": ("repost", 11, 0),
    "2024-07-04-gechengip-wipo-genai-patent-landscape": ("repost", 22, 0),
    "2024-09-28-yahoo-scmp-computing-power-246eflops": ("relay", 7, 0),
    "2024-11-21-peoplecn-xinhua-ifr-robot-density-470": ("wire", 4, 0),
    "2025-04-09-peoplecn-xinhua-genai-filings-346": ("wire", 1, 0),
    "2025-04-30-chinataiwan-xinhua-digital-china-280eflops-genai-patents": ("wire", 8, 0),
    "2025-07-30-xhby-xinhua-genai-filings-490": ("wire", 5, 0),
    "2025-12-15-udn-caict-ai-core-industry-2024-2025": ("relay", 8, 0),
    "2026-03-05-crntt-miit-ai-core-industry-2025-enterprises": ("relay", 5, 0),
    # Issue 12, provinces and cities
    "2023-05-16-xinhua-finance-beijing-agi-measures-draft": ("wire", 0, 0),
    "2024-07-31-zhidx-shenzhen-ai-pioneer-city-action-plan": ("relay", 3, 1),
    "2024-11-20-scol-sichuan-ai-industry-chain-work-plan": ("wire", 0, 6),
    "2025-03-03-people-shenzhen-four-ai-action-plans": ("relay", 0, 10),
    "2025-03-20-beijing-jxj-digital-economy-ai-press-conference": ("official", 8, 0),
    "2024-12-09-chinadailyhk-hong-kong-ai-supercomputing-centre-opens": ("wire", 4, 0),
    "2026-01-09-people-xinhua-shanghai-ai-manufacturing-industry-scale": ("wire", 11, 2),
    "2026-01-16-anhui-shangbao-ai-plus-everything-action-plan": ("relay", 9, 4),
    "2026-01-29-chinacom-hangzhou-ai-industry-system-competition": ("relay", 5, 0),
}

RUN = 28  # a run of this many characters that starts a source sentence counts as copied text
#: a whole sentence (12 characters or more, from a sentence's start to its end) in a quote's context
WHOLE_SENTENCE = re.compile(r"(?<=[。！？；!?\n])[^。！？；!?\n]{12,}[。！？；!?]")


def iri(curie: str) -> URIRef:
    return URIRef(expand(curie))


def _sheet(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _annotations_into(graph: Graph, text: URIRef) -> list[tuple[URIRef, URIRef, URIRef]]:
    """(annotation, body, target) of every annotation whose target is in the source ``text``."""
    found = []
    for target in graph.subjects(OA.hasSource, text):
        for anno in graph.subjects(OA.hasTarget, target):
            found.append((anno, graph.value(anno, OA.hasBody), target))
    return found


def _selectors(graph: Graph, target: URIRef) -> tuple[URIRef, URIRef]:
    selectors = list(graph.objects(target, OA.hasSelector))
    pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
    quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
    return pos, quote


def _bodies_into(graph: Graph, text: URIRef) -> set[URIRef]:
    return {body for _anno, body, _target in _annotations_into(graph, text)}


# --- Every curated document ------------------------------------------------------------------


def test_every_source_file_has_a_sheet(shared: Path) -> None:
    sources = {p.stem for p in (shared / "sources").glob("*.md") if p.name != "README.md"}
    assert sources
    sheets = {p.stem for p in SHEETS}
    assert sources <= sheets, sorted(sources - sheets)
    assert set(EXPECTED) == sheets


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_document_records_publisher_url_date_and_reliability(
    graph: Graph, shared: Path, sheet: Path
) -> None:
    spec = _sheet(sheet)["document"]
    doc = iri(spec["id"])
    front = parse_front_matter((shared / spec["path"]).read_text(encoding="utf-8"))
    assert (doc, RDF.type, AIKG.SourceDocument) in graph
    publisher = graph.value(doc, SCHEMA.publisher)
    assert publisher is not None and graph.value(publisher, RDFS.label) is not None
    assert str(graph.value(doc, SCHEMA.url)) == front["url"]
    date = front.get("date", "unknown")
    if date == "unknown":
        assert graph.value(doc, AIKG.dateUnknown) == Literal(True)
        assert graph.value(doc, SCHEMA.datePublished) is None
    else:
        assert graph.value(doc, SCHEMA.datePublished) == Literal(date, datatype=XSD.date)
    reliability = graph.value(doc, AIKG.reliability)
    assert str(graph.value(reliability, SKOS.notation)) == EXPECTED[sheet.stem][0]


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_every_selector_resolves_in_the_documents_own_text(
    graph: Graph, shared: Path, sheet: Path
) -> None:
    spec = _sheet(sheet)["document"]
    path = shared / spec["path"]
    raw = path.read_bytes()
    content = raw.decode("utf-8")
    text = graph.value(iri(spec["id"]), AIKG.sourceText)
    assert str(graph.value(text, AIKG.sourcePath)) == spec["path"]
    assert str(graph.value(text, SCHEMA.sha256)) == hashlib.sha256(raw).hexdigest()
    annotations = _annotations_into(graph, text)
    assert len(annotations) > 10
    for anno, _body, target in annotations:
        pos, quote = _selectors(graph, target)
        start, end = int(graph.value(pos, OA.start)), int(graph.value(pos, OA.end))
        exact = str(graph.value(quote, OA.exact))
        assert content[start:end] == exact, (anno, start, end, exact)
        prefix = str(graph.value(quote, OA.prefix) or "")
        suffix = str(graph.value(quote, OA.suffix) or "")
        hits = occurrences(content, prefix + exact + suffix)
        # the quote selector alone names the span: its context occurs once, or it says which
        # occurrence it is, where the context recurs (a page that prints a paragraph twice)
        occurrence = graph.value(quote, AIKG.occurrence)
        if occurrence is None:
            assert hits == [start - len(prefix)], anno
        else:
            assert len(hits) > 1 and hits[int(occurrence) - 1] == start - len(prefix), anno


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_every_fact_of_the_document_has_evidence_in_it(graph: Graph, sheet: Path) -> None:
    doc = iri(_sheet(sheet)["document"]["id"])
    bodies = _bodies_into(graph, graph.value(doc, AIKG.sourceText))
    assert doc in bodies
    derived = set(graph.subjects(PROV.wasDerivedFrom, doc))
    observations = {o for o in derived if (o, RDF.type, SCHEMA.Observation) in graph}
    targets = {t for t in derived if (t, RDF.type, AIKG.Target) in graph}
    statements = {s for s in derived if (s, RDF.type, RDF.Statement) in graph}
    _reliability, n_observations, n_targets = EXPECTED[sheet.stem]
    assert (len(observations), len(targets)) == (n_observations, n_targets)
    assert observations | targets | statements <= bodies
    mentioned = set(graph.objects(doc, SCHEMA.mentions))
    assert mentioned and mentioned <= bodies
    for entity in mentioned:
        langs = {label.language for label in graph.objects(entity, RDFS.label)}
        assert "en" in langs and langs & {"zh-hans", "zh-hant"}, entity


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_quotes_are_short_spans_not_copied_sentences(
    graph: Graph, shared: Path, sheet: Path
) -> None:
    spec = _sheet(sheet)["document"]
    content = (shared / spec["path"]).read_text(encoding="utf-8")
    body = content.split("\n---\n", 1)[-1]  # front matter lines are metadata, not sentences
    runs = {s.strip()[:RUN] for s in re.split(r"[。！？；\n]", body) if len(s.strip()) >= RUN}
    text = graph.value(iri(spec["id"]), AIKG.sourceText)
    for _anno, _body, target in _annotations_into(graph, text):
        quote = _selectors(graph, target)[1]
        exact = str(graph.value(quote, OA.exact))
        assert len(exact) <= 60, exact
        assert not any(run in exact for run in runs), exact
        # nor does the context that anchors it hold a whole sentence: a text that repeats
        # itself is anchored by the occurrence (aikg:occurrence), not by a copied sentence
        for context in (graph.value(quote, OA.prefix), graph.value(quote, OA.suffix)):
            assert not WHOLE_SENTENCE.search(str(context or "")), context


def test_untitled_sources_mark_the_title_unstated(graph: Graph, shared: Path) -> None:
    untitled = 0
    for sheet in SHEETS:
        spec = _sheet(sheet)["document"]
        front = parse_front_matter((shared / spec["path"]).read_text(encoding="utf-8"))
        doc = iri(spec["id"])
        title = front["title"].strip('"')  # a title with a colon is quoted in the front matter
        if title.startswith("not shown in excerpt"):
            untitled += 1
            assert graph.value(doc, SCHEMA.name) is None
            assert (doc, AIKG.unstatedProperty, SCHEMA.name) in graph
        else:
            assert str(graph.value(doc, SCHEMA.name)) == title
    assert untitled == 15


def test_every_shared_entity_is_evidenced_by_some_document(graph: Graph) -> None:
    entries = yaml.load((CURATION / "entities.yaml").read_text(encoding="utf-8"), yaml.BaseLoader)
    assert len(entries) > 250
    bodies = set(graph.objects(None, OA.hasBody))
    # The dataset's own description (license, how to cite) is not a fact from a document.
    facts = [e for e in entries if "schema:Dataset" not in e.get("a", [])]
    assert len(facts) == len(entries) - 1
    # A province that no document names may stand in the graph only as the administrative
    # container (schema:containedInPlace) of a city or province that a document does name: it is
    # an administrative area and nothing else, lies directly in a country, asserts nothing but
    # that containment, and its note says the containment is administrative geography.
    by_id = {e["id"]: e for e in facts}
    areas = {"schema:AdministrativeArea", "schema:City"}
    containers = {
        e["props"]["schema:containedInPlace"]
        for e in facts
        if iri(e["id"]) in bodies
        and areas & set(e.get("a", []))
        and "schema:containedInPlace" in (e.get("props") or {})
    }
    unnamed = [e for e in facts if iri(e["id"]) not in bodies]
    assert [e["id"] for e in unnamed if e["id"] not in containers] == []
    for entry in unnamed:
        assert entry["a"] == ["schema:AdministrativeArea"], entry["id"]
        assert set(entry["props"]) == {"schema:containedInPlace"}, entry["id"]
        country = by_id[entry["props"]["schema:containedInPlace"]]
        assert country["a"] == ["schema:Country"] and iri(country["id"]) in bodies
        assert "administrative geography" in entry["note"]["en"], entry["id"]


# --- One entity per real-world thing -----------------------------------------------------------


def _mentioned_by(graph: Graph, entity: str) -> set[str]:
    return {str(doc).rsplit("/", 1)[-1] for doc in graph.subjects(SCHEMA.mentions, iri(entity))}


def _labels(graph: Graph, entity: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for predicate in (RDFS.label, SKOS.altLabel):
        for label in graph.objects(iri(entity), predicate):
            found.setdefault(label.language, set()).add(str(label))
    return found


def test_cnnic_is_one_node_across_chinese_and_english_sources(graph: Graph) -> None:
    docs = _mentioned_by(graph, "organization:cnnic")
    assert {
        "2025-01-22-cnnic-55th-report-expert-reading",
        "2025-07-25-sputnik-cnnic-56th-report-ai-industry",
        "2026-02-05-xinhua-cnnic-57th-report-generative-ai-users",
    } <= docs
    labels = _labels(graph, "organization:cnnic")
    assert "中国互联网络信息中心" in labels["zh-hans"]
    assert {"China Internet Network Information Center", "CNNIC"} <= labels["en"]
    assert (iri("organization:cnnic"), AIKG.englishLabelTranslated, Literal(True)) not in graph
    for report in ("report:cnnic-55th", "report:cnnic-56th", "report:cnnic-57th"):
        assert graph.value(iri(report), SCHEMA.publisher) == iri("organization:cnnic")
        assert graph.value(iri(report), SCHEMA.isPartOf) == iri("series:cnnic-statistical-report")


def test_bodies_named_in_several_documents_and_scripts_are_one_node(graph: Graph) -> None:
    # Exact counts: a regression guard (a document that loses its mention, or a second node).
    assert len(_mentioned_by(graph, "organization:miit")) == 15
    assert len(_mentioned_by(graph, "organization:cac")) == 8
    assert len(_mentioned_by(graph, "organization:tc260")) == 2
    assert len(_mentioned_by(graph, "initiative:ai-plus")) == 8
    miit = _labels(graph, "organization:miit")
    assert {"工业和信息化部", "工信部"} <= miit["zh-hans"]
    assert {"工業和信息化部", "工業和資訊化部", "工信部"} <= miit["zh-hant"]
    cac = _labels(graph, "organization:cac")
    assert {"国家互联网信息办公室", "国家网信办"} <= cac["zh-hans"]
    assert "國家網信辦" in cac["zh-hant"] and "Cyberspace Administration of China" in cac["en"]
    ai_plus = _labels(graph, "initiative:ai-plus")
    assert ai_plus.keys() >= {"zh-hans", "zh-hant", "en"}


def test_no_two_entities_share_a_label(graph: Graph) -> None:
    owners: dict[tuple[str, str], set[URIRef]] = {}
    for entity in entities(graph):
        if {(entity, RDF.type, c) in graph for c in (SCHEMA.Observation, AIKG.Target)} != {False}:
            continue  # observations of one value by two sources are two nodes by design
        for predicate in (RDFS.label, SKOS.altLabel):
            for label in graph.objects(entity, predicate):
                key = (str(label).strip("《》"), label.language)
                owners.setdefault(key, set()).add(entity)
    shared_labels = {key: nodes for key, nodes in owners.items() if len(nodes) > 1}
    assert shared_labels == {}


def test_bodies_the_texts_do_not_show_to_be_one_stay_apart(graph: Graph) -> None:
    for a, b in (
        ("organization:cac", "organization:cac-central"),
        ("organization:xinhuanet", "organization:xinhua-news-agency"),
    ):
        assert iri(a) != iri(b)
        assert (iri(a), RDF.type, SCHEMA.Organization) in graph
        assert (iri(b), RDF.type, SCHEMA.Organization) in graph
        assert graph.value(iri(a), SKOS.note) and graph.value(iri(b), SKOS.note), (a, b)
    guide = iri("policy:ai-standardization-guide-2024")
    issuers = set(graph.objects(guide, SCHEMA.legislationPassedBy))
    assert iri("organization:cac-central") in issuers and iri("organization:cac") not in issuers


# --- Document relations ------------------------------------------------------------------------


def _stated_in(graph: Graph, s: str, p: URIRef, o: URIRef | str, doc: str) -> bool:
    """The triple is asserted and an rdf:Statement of it is derived from ``doc``."""
    obj = o if isinstance(o, URIRef) else iri(o)
    if (iri(s), p, obj) not in graph:
        return False
    return any(
        (stmt, PROV.wasDerivedFrom, iri(f"doc:{doc}")) in graph
        for stmt in graph.subjects(RDF.subject, iri(s))
        if graph.value(stmt, RDF.predicate) == p and graph.value(stmt, RDF.object) == obj
    )


ORDER_15 = "2023-07-10-genai-service-interim-measures-order-15"


def test_order_15_has_seven_issuers_each_signed_by_its_head(graph: Graph) -> None:
    policy = iri("policy:genai-interim-measures")
    issuers = set(graph.objects(policy, SCHEMA.legislationPassedBy))
    signers = set(graph.objects(policy, AIKG.signedBy))
    assert len(issuers) == 7 and len(signers) == 7
    for person in signers:
        memberships = list(graph.subjects(iri("org:member"), person))
        assert len(memberships) == 1, person
        assert graph.value(memberships[0], iri("org:organization")) in issuers
    for issuer in issuers:
        assert _stated_in(
            graph, "policy:genai-interim-measures", SCHEMA.legislationPassedBy, issuer, ORDER_15
        )
    assert graph.value(policy, SCHEMA.legislationDate) == Literal("2023-07-10", datatype=XSD.date)
    applicable = graph.value(policy, SCHEMA.legislationDateOfApplicability)
    assert applicable == Literal("2023-08-15", datatype=XSD.date)
    meeting = graph.value(policy, AIKG.adoptedAt)
    assert graph.value(meeting, SCHEMA.startDate) == Literal("2023-05-23", datatype=XSD.date)


def test_framework_2_0_revises_1_0_with_issuer_and_drafting_lead_apart(graph: Graph) -> None:
    etnet = "2025-09-15-etnet-ai-safety-governance-framework-2-0"
    v1, v2 = (
        "policy:ai-safety-governance-framework-1-0",
        "policy:ai-safety-governance-framework-2-0",
    )
    assert _stated_in(graph, v2, PROV.wasRevisionOf, v1, etnet)
    assert graph.value(iri(v2), SCHEMA.legislationPassedBy) == iri("organization:tc260")
    assert graph.value(iri(v2), AIKG.draftingLead) == iri("organization:cncert")
    assert graph.value(iri(v2), AIKG.guidedBy) == iri("organization:cac")
    assert graph.value(iri(v1), SCHEMA.legislationPassedBy) == iri("organization:tc260")
    assert (iri(v1), AIKG.unstatedProperty, SCHEMA.legislationPassedBy) not in graph
    week = iri("event:cybersecurity-week")
    for version, day in ((v1, "2024-09-09"), (v2, "2025-09-15")):
        forum = graph.value(iri(version), AIKG.releasedAt)
        assert graph.value(forum, SCHEMA.superEvent) == week
        assert graph.value(forum, SCHEMA.startDate) == Literal(day, datatype=XSD.date)


def test_the_ai_plus_action_across_policy_documents(graph: Graph) -> None:
    ai_plus = iri("initiative:ai-plus")
    assert _stated_in(
        graph,
        "report:gwr-2024",
        AIKG.launches,
        ai_plus,
        "2024-03-06-mingpao-2024-government-work-report-ai-plus",
    )
    assert _stated_in(
        graph,
        "report:gwr-2025",
        AIKG.continues,
        ai_plus,
        "2025-03-05-cnautonews-2025-government-work-report-ai-plus",
    )
    for doc in (
        "2025-08-26-state-council-ai-plus-opinions-text",
        "2025-08-27-crntt-ai-plus-opinions-six-actions",
    ):
        assert _stated_in(graph, "policy:ai-plus-opinions", AIKG.implements, ai_plus, doc)
    assert (iri("policy:ai-standardization-guide-2024"), AIKG.serves, ai_plus) in graph
    actions = set(graph.subjects(iri("dcterms:isPartOf"), ai_plus))
    assert len(actions) == 6
    assert actions <= set(graph.objects(iri("policy:ai-plus-opinions"), AIKG.launches))
    for report in ("report:gwr-2024", "report:gwr-2025"):
        assert graph.value(iri(report), AIKG.deliveredBy) == iri("person:li-qiang")


def test_the_opinions_date_is_only_what_the_texts_give(graph: Graph) -> None:
    policy = iri("policy:ai-plus-opinions")
    assert set(graph.objects(policy, SCHEMA.legislationDate)) == {
        Literal("2025", datatype=XSD.gYear)
    }
    assert str(graph.value(policy, SCHEMA.legislationIdentifier)) == "国发〔2025〕11号"
    assert graph.value(policy, SCHEMA.legislationPassedBy) == iri("organization:state-council")


def test_the_standardization_guide_has_four_issuers_and_its_day(graph: Graph) -> None:
    guide = iri("policy:ai-standardization-guide-2024")
    assert len(set(graph.objects(guide, SCHEMA.legislationPassedBy))) == 4
    assert (guide, AIKG.unstatedProperty, SCHEMA.legislationPassedBy) not in graph
    assert Literal("2024-07-02", datatype=XSD.date) in set(
        graph.objects(guide, SCHEMA.legislationDate)
    )
    assert len(set(graph.objects(guide, iri("dcterms:hasPart")))) == 7


def test_a_principle_is_shared_by_the_interim_measures_and_framework_1_0(graph: Graph) -> None:
    shared_principle = iri("principle:inclusive-prudent")
    measures = iri("policy:genai-interim-measures")
    assert (measures, AIKG.hasPrinciple, shared_principle) in graph
    rows = graph.query(
        "ASK { ?f aikg:hasPrinciple/dcterms:hasPart ?p }",
        initNs={"aikg": AIKG, "dcterms": URIRef("http://purl.org/dc/terms/")},
        initBindings={"f": iri("policy:ai-safety-governance-framework-1-0"), "p": shared_principle},
    )
    assert rows.askAnswer


# --- Targets and scopes --------------------------------------------------------------------------

OBSERVATIONS = """
SELECT ?obs WHERE { ?obs a schema:Observation ; schema:variableMeasured ?var }
"""


def test_targets_are_never_observations(graph: Graph) -> None:
    targets = set(graph.subjects(RDF.type, AIKG.Target))
    assert len(targets) == sum(n for _reliability, _obs, n in EXPECTED.values())
    observed = {row.obs for row in graph.query(OBSERVATIONS, initNs={"schema": SCHEMA})}
    assert observed and not observed & targets
    goals = {
        (str(graph.value(t, AIKG.targetYear)), Decimal(str(graph.value(t, SCHEMA.value))))
        for t in targets
        if graph.value(t, AIKG.targetOf) == iri("policy:ai-plus-opinions")
    }
    assert goals == {("2027", Decimal(70)), ("2030", Decimal(90)), ("2027", Decimal(6))}
    penetration = iri("var:intelligent-terminal-agent-penetration")
    assert not set(graph.subjects(SCHEMA.variableMeasured, penetration)) - targets


def test_measures_of_different_scope_are_separate_and_say_so(graph: Graph) -> None:
    groups = [
        (
            "var:ai-core-industry-size",
            "var:ai-industry-size",
            "var:ai-core-industry-size-miit",
            "var:ai-core-industry-size-miit-to-2023",
            "var:ai-core-industry-size-caict-to-2023",
            "var:ai-core-industry-size-caict",
            "var:ai-industry-size-caict",
        ),
        ("var:ai-enterprises", "var:ai-enterprises-miit"),
        (
            "var:genai-services-registered",
            "var:large-models-filed-cac",
            "var:genai-models-registered-online",
        ),
        ("var:genai-patent-applications-wipo", "var:genai-patents-published"),
    ]
    for group in groups:
        for a in group:
            assert graph.value(iri(a), SKOS.note) is not None, a
            for b in group:
                if a != b:
                    assert (iri(a), AIKG.scopeDiffersFrom, iri(b)) in graph, (a, b)
        for variable in group:
            observations = set(graph.subjects(SCHEMA.variableMeasured, iri(variable)))
            assert observations, variable


# --- Series ------------------------------------------------------------------------------------

SERIES = """
SELECT ?date ?value ?doc WHERE {
  ?obs a schema:Observation ; schema:variableMeasured ?var ; schema:value ?value ;
       sdmx:refArea ?area ; sdmx:refPeriod ?period ; prov:wasDerivedFrom ?doc .
  { ?period time:inXSDDate ?date } UNION { ?period time:hasEnd/time:inXSDDate ?date }
  FILTER NOT EXISTS { ?obs sdmx:age ?age }
  FILTER NOT EXISTS { ?obs aikg:currencyConversionOf ?other }
} ORDER BY ?date ?doc
"""


@pytest.mark.parametrize(
    ("variable", "first", "last"),
    [
        ("var:genai-users", "230000000", "602000000"),
        ("var:genai-users-share", "16.4", "42.8"),
        ("var:internet-users", "620000", "1125000000"),
        ("var:internet-penetration", "70.4", "80.1"),
    ],
)
def test_series_run_in_date_order_with_distinct_sources(
    graph: Graph, variable: str, first: str, last: str
) -> None:
    rows = list(
        graph.query(
            SERIES,
            initNs={
                "schema": SCHEMA,
                "aikg": AIKG,
                "prov": PROV,
                "time": URIRef("http://www.w3.org/2006/time#"),
                "sdmx": URIRef("http://purl.org/linked-data/sdmx/2009/dimension#"),
            },
            initBindings={"var": iri(variable), "area": iri("place:CN")},
        )
    )
    dates = [str(row.date) for row in rows]
    assert len(set(dates)) >= 2 and dates == sorted(dates)
    assert len({row.doc for row in rows}) >= 2
    assert Decimal(str(rows[0].value)) == Decimal(first)
    assert Decimal(str(rows[-1].value)) == Decimal(last)


def test_changes_name_their_base_and_shares_their_denominator(graph: Graph) -> None:
    change_vars = set(graph.subjects(AIKG.changeOf, None))
    assert len(change_vars) >= 10
    changes = [o for v in change_vars for o in graph.subjects(SCHEMA.variableMeasured, v)]
    assert changes
    undated = [o for o in changes if graph.value(o, AIKG.basePeriod) is None]
    # only these leave their base unstated: the seed's "grew nearly 19 times in 10 years", the
    # 2023 conference's average yearly growth "in the past five years", SCMP's 65% growth
    # of intelligent computing power, given without size or period, and a commentary's average
    # yearly growth of Hangzhou's core AI industry (years unstated), and the 54th report's growth of
    # AI-product consumption and AI learning machines (Jan-May 2024)
    assert sorted(undated) == sorted(
        iri(f"obs:{name}")
        for name in (
            "cnnic55r-robot-density-growth",
            "gyxww23-computing-power-avg-growth",
            "scmp24-intelligent-computing-growth",
            "hz26-ai-core-industry-average-growth",
            "bbk54-ai-product-consumption-growth",
            "bbk54-ai-learning-machine-sales-growth",
        )
    )
    for share_var in graph.subjects(AIKG.numerator, None):
        for obs in graph.subjects(SCHEMA.variableMeasured, share_var):
            assert graph.value(obs, SCHEMA.measurementDenominator) is not None, obs


# --- Issue 12, the national AI policy canon -------------------------------------------------------


def test_the_2017_development_plan_is_one_policy_with_two_sources(graph: Graph) -> None:
    plan = "policy:new-gen-ai-development-plan"
    notice = "2017-08-10-400web-ai-development-plan-notice"
    steps = "2017-07-22-chinacomcn-ai-development-plan-three-steps"
    council = iri("organization:state-council")
    for doc in (notice, steps):
        assert _stated_in(graph, plan, SCHEMA.legislationPassedBy, council, doc)
        assert graph.value(iri(f"doc:{doc}"), SCHEMA.about) == iri(plan)
    dates = {str(d) for d in graph.objects(iri(plan), SCHEMA.legislationDate)}
    assert dates == {"2017-07-08", "2017"}
    targets = set(graph.subjects(AIKG.targetOf, iri(plan)))
    assert {str(graph.value(t, AIKG.targetYear)) for t in targets} == {"2030"}
    core = iri("var:ai-core-industry-size-ngaidp")
    assert {graph.value(t, SCHEMA.variableMeasured) for t in targets} >= {core}
    for other in ("var:ai-core-industry-size", "var:ai-core-industry-size-miit"):
        assert (core, AIKG.scopeDiffersFrom, iri(other)) in graph


POLICY_CANON = {
    # policy -> (issuers, date, in force from or None)
    "policy:new-gen-ai-development-plan": ({"state-council"}, "2017-07-08", None),
    "policy:ai-industry-three-year-action-plan": ({"miit"}, "2017", None),
    "policy:new-gen-ai-ethics-norms": ({"ngai-governance-committee"}, "2021-09-25", None),
    "policy:algorithm-recommendation-provisions": ({"cac"}, None, "2022-03-01"),
    "policy:deep-synthesis-provisions": ({"cac", "miit", "mps"}, None, "2023-01-10"),
    "policy:computing-infrastructure-action-plan": (
        {"miit", "cac-central", "moe", "nhc", "pboc", "sasac"},
        "2023",
        None,
    ),
    "policy:humanoid-robot-guiding-opinions": ({"miit"}, "2023", None),
    "policy:ai-capacity-building-plan": (set(), "2024-09-25", None),
    "policy:ai-content-labeling-measures": ({"cac", "miit", "mps", "nrta"}, "2025", "2025-09-01"),
    "policy:ai-plus-energy-opinions": ({"ndrc", "nea"}, "2025-09-08", None),
}


@pytest.mark.parametrize("policy", sorted(POLICY_CANON))
def test_each_policy_of_the_canon_has_issuers_date_type_and_in_force_date_as_stated(
    graph: Graph, policy: str
) -> None:
    issuers, date, in_force = POLICY_CANON[policy]
    subject = iri(policy)
    stated = {str(o).rsplit("/", 1)[-1] for o in graph.objects(subject, SCHEMA.legislationPassedBy)}
    assert stated == issuers
    unstated = set(graph.objects(subject, AIKG.unstatedProperty))
    assert (SCHEMA.legislationPassedBy in unstated) == (not issuers)
    dates = {str(d) for d in graph.objects(subject, SCHEMA.legislationDate)}
    assert (max(dates) if dates else None) == date
    assert (SCHEMA.legislationDate in unstated) == (date is None)
    assert graph.value(subject, SCHEMA.legislationType) is not None
    applicable = graph.value(subject, SCHEMA.legislationDateOfApplicability)
    assert (str(applicable) if applicable else None) == in_force


def test_the_global_ai_governance_initiative_names_its_proposer_and_day(graph: Graph) -> None:
    initiative = iri("initiative:global-ai-governance-initiative")
    assert graph.value(initiative, iri("dcterms:creator")) == iri("person:xi-jinping")
    created = graph.value(initiative, iri("dcterms:created"))
    assert created == Literal("2023-10-18", datatype=XSD.date)
    forum = graph.value(initiative, AIKG.releasedAt)
    assert graph.value(forum, SCHEMA.startDate) == Literal("2023-10-18", datatype=XSD.date)
    assert (initiative, AIKG.unstatedProperty, AIKG.launchedBy) in graph


# --- Places --------------------------------------------------------------------------------------

CONTAINED = """
SELECT ?place WHERE {
  ?place a ?kind .
  VALUES ?kind { schema:AdministrativeArea schema:City }
  FILTER NOT EXISTS { ?place schema:containedInPlace+ ?country . ?country a schema:Country }
}
"""


def test_every_place_lies_in_a_country_through_its_hierarchy(graph: Graph) -> None:
    """Provinces, municipalities, SARs and cities reach a country through
    schema:containedInPlace, so that a query can take a place with or without the places
    inside it."""
    loose = {row.place for row in graph.query(CONTAINED, initNs={"schema": SCHEMA})}
    assert loose == set()
    # The shared sheet states a province's or city's containment without a quote: administrative
    # geography, which each such place's note says (a document's claim would be a sheet statement).
    entries = yaml.load((CURATION / "entities.yaml").read_text(encoding="utf-8"), yaml.BaseLoader)
    unquoted = [
        e
        for e in entries
        if {"schema:AdministrativeArea", "schema:City"} & set(e.get("a", []))
        and "schema:containedInPlace" in (e.get("props") or {})
    ]
    assert len(unquoted) == 19
    assert [e["id"] for e in unquoted if "administrative geography" not in e["note"]["en"]] == []
    within = """SELECT ?place WHERE { ?place schema:containedInPlace+ ?area }"""
    shenzhen_and_guangzhou = {
        row.place
        for row in graph.query(
            within, initNs={"schema": SCHEMA}, initBindings={"area": iri("place:guangdong")}
        )
    }
    assert shenzhen_and_guangzhou == {iri("place:shenzhen"), iri("place:guangzhou")}
    in_sichuan = {
        row.place
        for row in graph.query(
            within, initNs={"schema": SCHEMA}, initBindings={"area": iri("place:sichuan")}
        )
    }
    assert {iri("place:chengdu"), iri("place:mianyang")} <= in_sichuan


BARE_PLACES_IN_CHINA = """
SELECT ?place WHERE {
  ?place a schema:Place ; schema:containedInPlace+ ?cn .
  FILTER NOT EXISTS { ?place a ?kind . VALUES ?kind { schema:AdministrativeArea schema:City } }
}
"""

#: Cities of the industry series whose province a document names: the city, its province, and the
#: document that says so (a sheet statement with evidence, not administrative geography).
STATED_CONTAINMENT = [
    ("place:zhengzhou", "place:henan", "2024-09-28-yahoo-scmp-computing-power-246eflops"),
    ("place:yinchuan", "place:ningxia", "2024-09-28-yahoo-scmp-computing-power-246eflops"),
    ("place:taiyuan", "place:shanxi", "2023-10-16-anfangnews-miit-caict-ai-core-industry-patents"),
    (
        "place:fuzhou",
        "place:fujian",
        "2025-04-30-chinataiwan-xinhua-digital-china-280eflops-genai-patents",
    ),
]


def test_provinces_and_cities_are_typed_as_such_whichever_group_named_them(graph: Graph) -> None:
    bare = {
        row.place
        for row in graph.query(
            BARE_PLACES_IN_CHINA, initNs={"schema": SCHEMA}, initBindings={"cn": iri("place:CN")}
        )
    }
    # Only facilities stay plain places: no province or city is left untyped.
    assert bare == {
        iri("place:great-hall-of-the-people"),
        iri("place:cyberport-ai-supercomputing-centre"),
    }
    for city, province, document in STATED_CONTAINMENT:
        assert (iri(city), RDF.type, SCHEMA.City) in graph
        assert (iri(province), RDF.type, SCHEMA.AdministrativeArea) in graph
        assert (iri(province), SCHEMA.containedInPlace, iri("place:CN")) in graph
        statements = {
            graph.value(stmt, PROV.wasDerivedFrom)
            for stmt in graph.subjects(RDF.subject, iri(city))
            if graph.value(stmt, RDF.predicate) == SCHEMA.containedInPlace
            and graph.value(stmt, RDF.object) == iri(province)
        }
        assert statements == {iri(f"doc:{document}")}, city


def test_a_draft_for_comment_is_told_apart_from_a_final_text(graph: Graph) -> None:
    draft = iri("policy:beijing-agi-measures-draft")
    assert graph.value(draft, SCHEMA.creativeWorkStatus) == AIKG.DraftForComment
    titles = _labels(graph, "policy:beijing-agi-measures-draft")["zh-hans"]
    assert any("征求意见稿" in title for title in titles)


# --- Units ---------------------------------------------------------------------------------------

UNITS_OF_A_MEASURE = """
SELECT ?variable (COUNT(DISTINCT ?unit) AS ?units) WHERE {
  ?obs schema:variableMeasured ?variable ; schema:unitCode ?unit .
  FILTER NOT EXISTS { ?obs aikg:currencyConversionOf ?converted }
} GROUP BY ?variable HAVING (COUNT(DISTINCT ?unit) > 1)
"""


def test_every_measure_keeps_one_unit_across_its_observations_and_targets(graph: Graph) -> None:
    # A source's own currency conversion is the one exception: it is not compared with its yuan.
    mixed = graph.query(UNITS_OF_A_MEASURE, initNs={"schema": SCHEMA, "aikg": AIKG})
    assert [row.variable for row in mixed] == []
    eflops, eb = URIRef(expand("aikgunit:EFLOPS")), URIRef(expand("aikgunit:EB"))
    for variable, unit, count in (
        ("var:computing-power-total", eflops, 6),  # 5 observations, 1 target
        ("var:storage-capacity-total", eb, 2),  # 1 observation, 1 target
    ):
        measured = set(graph.subjects(SCHEMA.variableMeasured, iri(variable)))
        assert {graph.value(obs, SCHEMA.unitCode) for obs in measured} == {unit}
        assert len(measured) == count
    # Computing power and storage are never bare numbers with their unit kept only as text.
    texts = {str(t) for t in graph.objects(None, SCHEMA.unitText)}
    for obs in graph.subjects(SCHEMA.unitCode, URIRef(expand("unit:NUM"))):
        assert str(graph.value(obs, SCHEMA.unitText)) not in {"EFLOPS", "EB", "P", "PFLOPS"}
    assert "EFLOPS" in texts
