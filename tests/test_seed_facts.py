"""Every number, policy, organization and sector of the seed article is in the graph, right."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from aikg.namespaces import AIKG, ID, SCHEMA, expand

SEED = ID["doc"]["2025-01-22-cnnic-55th-report-expert-reading"]

# variable, value, unit, qualifier code (or ""), period (ISO 8601 notation), quote
SEED_OBSERVATIONS = [
    ("var:ai-enterprises", "4500", "unit:NUM", "more-than", "../2025-01-22", "超4500家"),
    (
        "var:ai-core-industry-size",
        "600000000000",
        "cur:CNY",
        "nearly",
        "../2025-01-22",
        "接近6000亿元",
    ),
    ("var:largest-industrial-robot-market-years", "11", "unit:YR", "", "../2025-01-22", "11年"),
    (
        "var:manufacturing-robot-density",
        "470",
        "aikgunit:PER_10K_WORKERS",
        "",
        "../2025-01-22",
        "470台",
    ),
    ("var:manufacturing-robot-density-growth", "19", "aikgunit:TIMES", "nearly", "P10Y", "近19倍"),
    (
        "var:national-smart-manufacturing-demo-factories",
        "421",
        "unit:NUM",
        "",
        "../2025-01-22",
        "421家",
    ),
    (
        "var:provincial-digital-workshops-smart-factories",
        "10000",
        "unit:NUM",
        "odd",
        "../2025-01-22",
        "万余家",
    ),
    ("var:computing-power-world-rank", "2", "aikgunit:RANK", "", "../2025-01-22", "第二"),
    ("var:product-users", "6000000", "aikgunit:PERSON", "more-than", "../2025-01-22", "超过600万"),
    ("var:videos-generated", "65000000", "unit:NUM", "more-than", "../2025-01-22", "超6500万个"),
    ("var:images-generated", "175000000", "unit:NUM", "more-than", "../2025-01-22", "超1.75亿张"),
    ("var:genai-aware-people", "331000000", "aikgunit:PERSON", "", "2024-12-31", "3.31亿人"),
    ("var:genai-aware-share", "23.5", "unit:PERCENT", "", "2024-12-31", "23.5%"),
    ("var:genai-users", "249000000", "aikgunit:PERSON", "", "2024-12-31", "2.49亿人"),
    ("var:genai-users-share", "17.7", "unit:PERCENT", "", "2024-12-31", "17.7%"),
    ("var:genai-usage-rate-internet-users", "41.5", "unit:PERCENT", "", "2024-12-31", "41.5%"),
    ("var:genai-usage-rate-internet-users", "23.9", "unit:PERCENT", "", "2024-12-31", "23.9%"),
    ("var:genai-usage-rate-internet-users", "21.1", "unit:PERCENT", "", "2024-12-31", "21.1%"),
    ("var:provinces-ai-action-plans", "9", "unit:NUM", "", "2024-01-01/2024-09-30", "9个"),
    ("var:ai-investment-events", "504", "unit:NUM", "", "2024-01-01/2024-09-30", "504起"),
    (
        "var:ai-investment-amount",
        "81200000000",
        "cur:CNY",
        "about",
        "2024-01-01/2024-09-30",
        "约812亿元",
    ),
    (
        "var:ai-enterprises-yoy-growth",
        "35.65",
        "unit:PERCENT",
        "",
        "2024-01-01/2024-06-30",
        "35.65%",
    ),
]


def _seed_observations(graph: Graph) -> list[tuple[str, ...]]:
    rows = graph.query(
        """
        SELECT ?var ?value ?unit ?code ?period ?exact WHERE {
            ?obs a schema:Observation ; prov:wasDerivedFrom ?doc ;
                 schema:variableMeasured ?var ; schema:value ?value ; schema:unitCode ?unit ;
                 sdmx:refPeriod/skos:notation ?period .
            OPTIONAL { ?obs aikg:valueQualifier/skos:notation ?code }
            ?a oa:hasBody ?obs ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
        }""",
        initBindings={"doc": SEED},
        initNs={
            "schema": SCHEMA,
            "aikg": AIKG,
            "prov": URIRef("http://www.w3.org/ns/prov#"),
            "sdmx": URIRef("http://purl.org/linked-data/sdmx/2009/dimension#"),
            "skos": URIRef("http://www.w3.org/2004/02/skos/core#"),
            "oa": URIRef("http://www.w3.org/ns/oa#"),
        },
    )
    return [
        (
            str(r.var),
            str(Decimal(str(r.value))),
            str(r.unit),
            str(r.code or ""),
            str(r.period),
            str(r.exact),
        )
        for r in rows
    ]


def test_every_seed_number_is_an_observation_with_the_right_value(graph: Graph) -> None:
    found = _seed_observations(graph)
    assert len(found) == len(SEED_OBSERVATIONS)
    for var, value, unit, code, period, surface in SEED_OBSERVATIONS:
        matches = [
            row for row in found
            if row[:5] == (expand(var), value, expand(unit), code, period) and surface in row[5]
        ]  # fmt: skip
        assert len(matches) == 1, (var, value, surface)


@pytest.mark.parametrize(
    ("entity", "kind"),
    [
        ("organization:cnnic", SCHEMA.Organization),
        ("organization:uscc-data-service-center", SCHEMA.Organization),
        ("organization:china-information-security", SCHEMA.Organization),
        ("person:zhang-xiao", SCHEMA.Person),
        ("report:cnnic-55th", SCHEMA.Report),
        ("report:gwr-2024", SCHEMA.Report),
        ("policy:ai-standardization-guide-2024", SCHEMA.Legislation),
        ("policy:ai-safety-governance-framework-1-0", SCHEMA.Legislation),
        ("initiative:ai-plus", AIKG.Initiative),
        ("product:kling-ai", SCHEMA.Product),
        ("sector:agriculture", AIKG.Sector),
        ("sector:manufacturing", AIKG.Sector),
        ("sector:services", AIKG.Sector),
        ("sector:culture-entertainment", AIKG.Sector),
        ("tech:genai", AIKG.Technology),
    ],
)
def test_seed_entities_are_typed_labelled_and_mentioned(
    graph: Graph, entity: str, kind: URIRef
) -> None:
    iri = URIRef(expand(entity))
    assert (iri, RDF.type, kind) in graph
    langs = {label.language for label in graph.objects(iri, RDFS.label)}
    assert "zh-hans" in langs and "en" in langs
    assert (SEED, SCHEMA.mentions, iri) in graph


def test_seed_relations(graph: Graph) -> None:
    ai_plus, gwr = URIRef(expand("initiative:ai-plus")), URIRef(expand("report:gwr-2024"))
    assert (ai_plus, AIKG.launchedBy, gwr) in graph
    ai = URIRef(expand("tech:ai"))
    for sector in ("agriculture", "manufacturing", "services", "culture-entertainment"):
        assert (ai, AIKG.empowers, URIRef(expand(f"sector:{sector}"))) in graph
    report = URIRef(expand("report:cnnic-55th"))
    assert graph.value(report, SCHEMA.position).toPython() == 55


def test_the_share_has_its_population_base(graph: Graph) -> None:
    obs = URIRef(expand("obs:cnnic55r-genai-users-share"))
    assert graph.value(obs, SCHEMA.measurementDenominator) == URIRef(expand("var:total-population"))
