"""The one qualifier table (aikg.qualifiers) agrees with the ontology's qualifier scheme."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from aikg.namespaces import AIKG, QUAL
from aikg.numbers import parse_quantity
from aikg.qualifiers import QUALIFIERS, bounds
from aikg.store.files import ontology_graph


def test_table_and_scheme_have_the_same_notations_labels_and_bounds() -> None:
    graph = ontology_graph()
    scheme = {
        str(graph.value(concept, SKOS.notation)): concept
        for concept in graph.subjects(RDF.type, AIKG.ValueQualifier)
    }
    assert set(scheme) == set(QUALIFIERS)
    for notation, qualifier in QUALIFIERS.items():
        concept = scheme[notation]
        assert concept == QUAL[notation]
        labels = set(graph.objects(concept, RDFS.label))
        assert labels == {
            Literal(qualifier.label_zh, lang="zh-hans"),
            Literal(qualifier.label_en, lang="en"),
        }, notation
        direction = graph.value(concept, AIKG.boundDirection)
        exclusive = graph.value(concept, AIKG.boundExclusive)
        assert (None if direction is None else str(direction)) == qualifier.bound, notation
        assert (False if exclusive is None else exclusive.toPython()) == qualifier.exclusive


def test_the_chinese_display_word_is_a_label_of_the_concept() -> None:
    graph = ontology_graph()
    for notation, qualifier in QUALIFIERS.items():
        words = {
            str(o)
            for p in (RDFS.label, SKOS.altLabel)
            for o in graph.objects(QUAL[notation], p)
            if o.language == "zh-hans"
        }
        assert qualifier.zh.replace("{}", "") in words, notation


def test_the_parser_reads_the_bounds_from_the_table() -> None:
    for text, notation in [
        ("超过4500家", "more-than"),
        ("近6000亿元", "nearly"),
        ("1万余家", "odd"),
    ]:
        quantity = parse_quantity(text)
        assert quantity.qualifier == notation
        bound = bounds(notation, quantity.value)
        assert (quantity.min_value, quantity.max_value) == bound[:2]
        assert (quantity.min_exclusive, quantity.max_exclusive) == bound[2:]
    assert parse_quantity("4500家以下").max_value == Decimal(4500)
