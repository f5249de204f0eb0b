"""The curation compiler's sheet keys for the corpus: base periods, observation properties,
qualifiers stated outside the number, untitled sources and reading notes on statements."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, TIME, XSD

from aikg.curation import compile_all, compile_entity_list, compile_sheet
from aikg.errors import InputError
from aikg.namespaces import AIKG, OA, QUAL, SCHEMA, expand
from aikg.sources import occurrences

SOURCE = (
    "---\ntitle: {title}\nurl: https://example.org/item\npublisher: Example\ndate: {date}\n---\n"
    "Users grew 141.7-percent from the end of 2024. The industry Surpasses 700 Billion Yuan.\n"
    "It sustains Over 20% a year.\n"
)
ENTITIES = """\
- {id: organization:x, a: [schema:Organization], label: {zh: 某机构, en: X}}
- {id: place:CN, a: [schema:Country], label: {zh: 中国, en: China}}
- {id: var:size, a: [schema:StatisticalVariable], label: {zh: 规模, en: size}}
- {id: var:growth, a: [schema:StatisticalVariable], label: {zh: 增长率, en: growth}}
"""
HEADER = """\
document:
  id: doc:item
  key: item
  path: sources/item.md
  language: en
  publisher: organization:x
  reliability: reliability:wire
  label: {zh: 条目}
  evidence: {quote: The industry}
"""


def _compile(tmp_path: Path, body: str, title: str = "An item", date: str = "2026-02-05") -> Graph:
    """Compile one sheet (``HEADER`` + ``body``) against a one-file corpus; the document graph."""
    sources = tmp_path / "shared" / "sources"
    sources.mkdir(parents=True)
    (sources / "item.md").write_text(SOURCE.format(title=title, date=date), encoding="utf-8")
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (curation / "item.yaml").write_text(HEADER + body, encoding="utf-8")
    return compile_all(curation, tmp_path / "shared")["item.ttl"]


def _iri(curie: str) -> URIRef:
    return URIRef(expand(curie))


GROWTH = """\
observations:
  - id: obs:item-growth
    var: var:growth
    quote: 141.7-percent
    value_text: "141.7"
    unit: unit:PERCENT
    period: 2025-12-31
    area: place:CN
{extra}
"""


def test_base_period_becomes_a_shared_period_node(tmp_path: Path) -> None:
    graph = _compile(tmp_path, GROWTH.format(extra="    base_period: 2024-12-31"))
    base = graph.value(_iri("obs:item-growth"), AIKG.basePeriod)
    assert base == _iri("period:2024-12-31")
    assert (base, RDF.type, TIME.Instant) in graph
    assert str(graph.value(base, SKOS.notation)) == "2024-12-31"


def test_an_observation_without_base_period_has_none(tmp_path: Path) -> None:
    graph = _compile(tmp_path, GROWTH.format(extra=""))
    assert graph.value(_iri("obs:item-growth"), AIKG.basePeriod) is None


def test_props_on_an_observation_are_added(tmp_path: Path) -> None:
    extra = "    props: {sdmx-attribute:obsStatus: sdmx-code:obsStatus-E}"
    graph = _compile(tmp_path, GROWTH.format(extra=extra))
    status = graph.value(_iri("obs:item-growth"), _iri("sdmx-attribute:obsStatus"))
    assert status == _iri("sdmx-code:obsStatus-E")


def test_a_key_given_twice_is_refused_with_its_lines(tmp_path: Path) -> None:
    # YAML would keep the second note and drop the first without a word
    extra = "    note: {en: first}\n    note: {en: second}"
    with pytest.raises(
        InputError, match=r"item\.yaml:\d+: key 'note' given twice \(lines \d+ and \d+\)"
    ):
        _compile(tmp_path, GROWTH.format(extra=extra))


def test_a_unit_the_schemes_do_not_define_is_refused(tmp_path: Path) -> None:
    # before, unit:PERCNT compiled and validated, and labels showed the bare IRI
    with pytest.raises(InputError, match=r"\.unit: unit:PERCNT is not a unit of ontology/sch"):
        _compile(tmp_path, GROWTH.format(extra="").replace("unit:PERCENT", "unit:PERCNT"))


MENTION = "mentions:\n  - {{id: organization:x, quote: {quote}{extra}}}\n"


def test_an_occurrence_anchors_a_quote_whose_context_recurs(tmp_path: Path) -> None:
    # "in" recurs (industry, sustains): the second one, by its occurrence
    graph = _compile(tmp_path, MENTION.format(quote="n", extra=", prefix: i, occurrence: 2"))
    content = SOURCE.format(title="An item", date="2026-02-05")
    start = occurrences(content, "in")[1] + 1
    (selector,) = graph.subjects(AIKG.occurrence, None)
    assert graph.value(selector, AIKG.occurrence) == Literal(2, datatype=XSD.positiveInteger)
    (target,) = graph.subjects(OA.hasSelector, selector)
    positions = [graph.value(s, OA.start) for s in graph.objects(target, OA.hasSelector)]
    assert Literal(start, datatype=XSD.nonNegativeInteger) in positions


@pytest.mark.parametrize(
    ("quote", "extra", "message"),
    [
        ("It", ", occurrence: 1", "occurs once: drop its occurrence 1"),
        ("n", ", prefix: i, occurrence: 3", "occurs 2 times: there is no occurrence 3"),
        ("n", ", prefix: i, occurrence: first", "occurrence 'first' is not a whole number from 1"),
        ("n", ", prefix: i", "occurs 2 times; add a prefix or suffix, or the occurrence"),
    ],
)
def test_an_occurrence_that_names_nothing_is_refused(
    tmp_path: Path, quote: str, extra: str, message: str
) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        _compile(tmp_path, MENTION.format(quote=quote, extra=extra))


SIZE = """\
observations:
  - id: obs:item-size
    var: var:size
    quote: Surpasses 700 Billion Yuan
    value_text: 700 Billion Yuan
    period: 2024-01-01/2024-12-31
    area: place:CN
{extra}
"""


def test_a_qualifier_stated_outside_the_number_sets_qualifier_and_bound(tmp_path: Path) -> None:
    extra = "    qualifier: more-than\n    reading: {en: Surpasses read as more than.}"
    graph = _compile(tmp_path, SIZE.format(extra=extra))
    obs = _iri("obs:item-size")
    assert graph.value(obs, AIKG.valueQualifier) == QUAL["more-than"]
    assert Decimal(str(graph.value(obs, SCHEMA.minValue))) == Decimal("700000000000")
    assert graph.value(obs, SCHEMA.maxValue) is None


def test_without_the_qualifier_key_the_number_is_unqualified(tmp_path: Path) -> None:
    graph = _compile(tmp_path, SIZE.format(extra=""))
    assert graph.value(_iri("obs:item-size"), AIKG.valueQualifier) is None


def test_a_qualifier_needs_a_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="needs a 'reading'"):
        _compile(tmp_path, SIZE.format(extra="    qualifier: more-than"))


def test_an_unknown_qualifier_is_refused(tmp_path: Path) -> None:
    extra = "    qualifier: roughly\n    reading: {en: x}"
    with pytest.raises(InputError, match="not one of"):
        _compile(tmp_path, SIZE.format(extra=extra))


OVER = """\
observations:
  - id: obs:item-over
    var: var:growth
    quote: Over 20%
    period: 2024-01-01/2024-12-31
    area: place:CN
    qualifier: {qualifier}
    reading: {{en: Over read as more than.}}
"""


def test_a_qualifier_contradicting_the_value_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="contradicts"):
        _compile(tmp_path, OVER.format(qualifier="nearly"))


def test_a_qualifier_agreeing_with_the_value_text_is_accepted(tmp_path: Path) -> None:
    graph = _compile(tmp_path, OVER.format(qualifier="more-than"))
    assert graph.value(_iri("obs:item-over"), AIKG.valueQualifier) == QUAL["more-than"]


def test_an_untitled_source_records_its_title_as_unstated(tmp_path: Path) -> None:
    graph = _compile(tmp_path, "", title="not shown in excerpt (an item about a report)")
    doc = _iri("doc:item")
    assert graph.value(doc, SCHEMA.name) is None
    assert (doc, AIKG.unstatedProperty, SCHEMA.name) in graph
    assert not [label for label in graph.objects(doc, None) if "not shown" in str(label)]


def test_a_titled_source_keeps_its_title(tmp_path: Path) -> None:
    graph = _compile(tmp_path, "")
    doc = _iri("doc:item")
    assert graph.value(doc, SCHEMA.name) == Literal("An item", lang="en")
    assert (doc, AIKG.unstatedProperty, SCHEMA.name) not in graph


def test_a_statement_carries_its_reading_note(tmp_path: Path) -> None:
    body = """\
statements:
  - s: doc:item
    p: schema:datePublished
    o: {value: "2026-02-05", type: xsd:date}
    quote: The industry
    reading: {en: The dateline read as the day of release.}
"""
    graph = _compile(tmp_path, body)
    stmt = graph.value(None, RDF.object, Literal("2026-02-05", datatype=_iri("xsd:date")))
    assert stmt is not None
    notes = {str(n) for n in graph.objects(stmt, AIKG.readingNote)}
    assert notes == {"The dateline read as the day of release."}


def test_a_quoted_front_matter_title_loses_its_quotes(tmp_path: Path) -> None:
    graph = _compile(tmp_path, "", title='"China\'s item: Report"')
    assert graph.value(_iri("doc:item"), SCHEMA.name) == Literal("China's item: Report", lang="en")


# --- Explained disagreements (`explanations:`) -------------------------------------------------

EXPLANATION = """\
explanations:
  - id: disagreement:item-size
    observations: [obs:item-size, obs:other-size]
    kind: {kind}
    explanation: {{en: The two producers measure differently., zh: 两个生产者的方法不同。}}
{extra}
"""


def test_an_explanation_without_a_quote_is_the_curators(tmp_path: Path) -> None:
    graph = _compile(tmp_path, EXPLANATION.format(kind="different-method", extra=""))
    subject = _iri("disagreement:item-size")
    assert (subject, RDF.type, AIKG.ExplainedDisagreement) in graph
    assert set(graph.objects(subject, AIKG.disagreeingObservation)) == {
        _iri("obs:item-size"),
        _iri("obs:other-size"),
    }
    assert graph.value(subject, AIKG.disagreementKind) == AIKG.DifferentMethod
    assert {t.language for t in graph.objects(subject, AIKG.explanation)} == {"en", "zh-hans"}
    assert graph.value(subject, _iri("prov:wasAttributedTo")) == AIKG.curators
    assert graph.value(subject, _iri("prov:wasDerivedFrom")) is None


def test_an_explanation_with_a_quote_is_stated_by_the_document(tmp_path: Path) -> None:
    extra = "    quote: Surpasses 700 Billion Yuan"
    graph = _compile(tmp_path, EXPLANATION.format(kind="aikg:Revision", extra=extra))
    subject = _iri("disagreement:item-size")
    assert graph.value(subject, AIKG.disagreementKind) == AIKG.Revision
    assert graph.value(subject, _iri("prov:wasDerivedFrom")) == _iri("doc:item")
    assert graph.value(subject, _iri("prov:wasAttributedTo")) is None
    annotation = graph.value(None, _iri("oa:hasBody"), subject)
    assert annotation is not None
    assert "Surpasses 700 Billion Yuan" in {str(o) for o in graph.objects(None, _iri("oa:exact"))}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (EXPLANATION.format(kind="typo", extra=""), "'typo' is not one of"),
        (
            EXPLANATION.format(kind="revision", extra="").replace(", obs:other-size", ""),
            "two or more 'observations'",
        ),
        (
            EXPLANATION.format(kind="revision", extra="").replace(
                ", zh: 两个生产者的方法不同。", ""
            ),
            "in Chinese (zh) and English (en)",
        ),
        (EXPLANATION.format(kind="revision", extra="    quote: not in the text"), "quote"),
    ],
)
def test_a_bad_explanation_is_refused(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        _compile(tmp_path, body)


def test_a_sheet_in_memory_names_itself_in_errors(tmp_path: Path) -> None:
    sheet = {"document": {"id": "doc:x"}}
    with pytest.raises(InputError, match=r"^review: document needs 'id' and 'path'"):
        compile_sheet(sheet, tmp_path, Graph(), name="review")
    with pytest.raises(InputError, match=r"^drafts\[0\]: an entity needs an 'id'"):
        compile_entity_list([{"a": "schema:Thing"}], "drafts")


# --- One definition per entity; no key outside a sheet entry's keys ------------------------------


def test_an_entity_defined_twice_is_refused_naming_both_places(tmp_path: Path) -> None:
    duplicate = "- {id: organization:x, a: [schema:Organization], label: {zh: 某机构, en: X2}}\n"
    sources = tmp_path / "shared" / "sources"
    sources.mkdir(parents=True)
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / "entities.yaml").write_text(ENTITIES + duplicate, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        compile_all(curation, tmp_path / "shared")
    message = str(caught.value)
    assert "\n" not in message
    assert "organization:x is defined twice" in message
    assert "entities.yaml[0] (line 1)" in message
    assert "entities.yaml[4] (line 5)" in message


def test_an_unknown_key_of_an_entity_is_refused(tmp_path: Path) -> None:
    sources = tmp_path / "shared" / "sources"
    sources.mkdir(parents=True)
    curation = tmp_path / "curation"
    curation.mkdir()
    misspelt = "- {id: var:other, a: [schema:StatisticalVariable], lable: {en: other}}\n"
    (curation / "entities.yaml").write_text(ENTITIES + misspelt, encoding="utf-8")
    with pytest.raises(InputError, match=r"entities\.yaml\[4\] \(line 5\): unknown key 'lable'"):
        compile_all(curation, tmp_path / "shared")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # A comma in an unquoted flow-mapping value: YAML reads its tail as a key.
        (
            "mentions:\n  - {id: organization:x, quote: Users grew,from}\n",
            r"item.yaml.mentions[0] (line 11): unknown key 'from'; mention keys are:",
        ),
        (GROWTH.format(extra="    unit_txt: percent"), "unknown key 'unit_txt'; observation"),
        (GROWTH.format(extra="    policy: policy:x"), "unknown key 'policy'; observation"),
        ("observation:\n  - {id: obs:x}\n", "item.yaml: unknown key 'observation'; sheet keys"),
        ("mentions:\n  - organization:x\n", "item.yaml.mentions[0]: expected a mapping"),
    ],
)
def test_an_unknown_key_of_a_sheet_is_refused(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        _compile(tmp_path, body)


def test_a_target_may_name_its_year_and_policy(tmp_path: Path) -> None:
    body = GROWTH.format(extra="    year: '2027'\n    policy: organization:x").replace(
        "observations:", "targets:"
    )
    graph = _compile(tmp_path, body)
    assert graph.value(_iri("obs:item-growth"), AIKG.targetOf) == _iri("organization:x")
