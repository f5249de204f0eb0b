"""The saved queries for an analyst's questions on the larger corpus (issue 12): the policy
``timeline``, the latest figures ``by-area`` (with or without the places a place contains),
every source's value of one measure (``compare-sources``), and a long ``series`` in order.

They run on a small made-up graph (IRIs under https://example.org/q/), through the command line
on both stores (rdflib's memory store and Oxigraph): each question must get the same rows on
both, and the rows the graph implies.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

Q = "https://example.org/q/"
STORES = ["memory", "oxigraph"]

PREFIXES = """\
@prefix aikg: <https://w3id.org/aikg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix doctype: <https://w3id.org/aikg/vocab/doctype/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix q: <https://example.org/q/> .
@prefix qual: <https://w3id.org/aikg/vocab/qualifier/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix reliability: <https://w3id.org/aikg/vocab/reliability/> .
@prefix schema: <https://schema.org/> .
@prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix unit: <http://qudt.org/vocab/unit/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

GRAPH = """
# A country, a province in it, a city in the province, and a city directly in the country.
q:country a schema:Country ; rdfs:label "测试国"@zh-hans , "Testland"@en .
q:province a schema:Place ; rdfs:label "测试省"@zh-hans ; schema:containedInPlace q:country .
q:city a schema:Place ; rdfs:label "测试市"@zh-hans ; schema:containedInPlace q:province .
q:port a schema:Place ; rdfs:label "测试港"@zh-hans ; schema:containedInPlace q:country .

q:docA a aikg:SourceDocument ; schema:name "甲"@zh-hans ; schema:publisher q:orgA ;
    schema:datePublished "2025-01-01"^^xsd:date ; aikg:reliability reliability:official .
q:docB a aikg:SourceDocument ; schema:name "乙"@zh-hans ; schema:publisher q:orgB ;
    aikg:dateUnknown true ; aikg:reliability reliability:wire .
q:orgA a schema:Organization ; rdfs:label "机构甲"@zh-hans .
q:orgB a schema:Organization ; rdfs:label "机构乙"@zh-hans .
q:producer a schema:Organization ; rdfs:label "统计机构"@zh-hans .

q:d2023 a time:Instant ; time:inXSDDate "2023-12-31"^^xsd:date ; skos:notation "2023-12-31" .
q:d2024 a time:Instant ; time:inXSDDate "2024-12-31"^^xsd:date ; skos:notation "2024-12-31" .
q:y2024start a time:Instant ; time:inXSDDate "2024-01-01"^^xsd:date .
q:y2024 a time:Interval ; time:hasBeginning q:y2024start ; time:hasEnd q:d2024 ;
    skos:notation "2024-01-01/2024-12-31" .

q:size a schema:StatisticalVariable ; rdfs:label "产业规模"@zh-hans .
q:firms a schema:StatisticalVariable ; rdfs:label "企业数量"@zh-hans .
"""


def _obs(key: str, var: str, value: str, period: str, area: str, doc: str, extra: str = "") -> str:
    return (
        f"q:{key} a schema:Observation ; schema:variableMeasured q:{var} ; schema:value {value} ;\n"
        f"    schema:unitCode unit:NUM ; sdmx-dimension:refPeriod q:{period} ;\n"
        f"    sdmx-dimension:refArea q:{area} ; prov:wasDerivedFrom q:{doc} {extra}.\n"
        f"q:{key}-anno oa:hasBody q:{key} ; oa:hasTarget q:{key}-target .\n"
        f'q:{key}-target oa:hasSelector q:{key}-quote . q:{key}-quote oa:exact "quote {key}" .\n'
    )


OBSERVATIONS = "".join(
    [
        _obs("country23", "size", "100", "d2023", "country", "docA"),
        _obs("country24", "size", "120", "y2024", "country", "docA"),
        # two sources disagree on the province's 2024 size; a curator explains it
        _obs("prov24a", "size", "10", "y2024", "province", "docA",
             "; prov:wasAttributedTo q:producer "),
        _obs("prov24b", "size", "11", "y2024", "province", "docB", "; aikg:valueQualifier "
             "qual:more-than ; schema:minValue 11 "),
        _obs("city23", "firms", "5", "d2023", "city", "docA"),
        _obs("city24", "firms", "7", "d2024", "city", "docB"),
        _obs("port24", "firms", "3", "d2024", "port", "docA"),
    ]
)  # fmt: skip

EXPLAINED = """
q:explained a aikg:ExplainedDisagreement ; aikg:disagreementKind aikg:Revision ;
    aikg:disagreeingObservation q:prov24a , q:prov24b ;
    aikg:explanation "revised"@en , "修订"@zh-hans ; prov:wasAttributedTo aikg:curators .
"""

POLICIES = """
q:plan2017 a schema:Legislation ; rdfs:label "规划"@zh-hans , "Plan"@en ;
    schema:legislationDate "2017-07-08"^^xsd:date ; schema:legislationType doctype:plan ;
    schema:legislationPassedBy q:orgB , q:orgA ; schema:legislationJurisdiction q:country .
q:plan2018 a schema:Legislation ; rdfs:label "规划二版"@zh-hans ;
    schema:legislationDate "2018"^^xsd:gYear ; prov:wasRevisionOf q:plan2017 .
q:draft a schema:Legislation ; rdfs:label "措施（征求意见稿）"@zh-hans ;
    schema:legislationDate "2023-05"^^xsd:gYearMonth ; schema:legislationJurisdiction q:city ;
    schema:creativeWorkStatus aikg:DraftForComment .
q:final a schema:Legislation ; rdfs:label "措施"@zh-hans ;
    schema:legislationDate "2023-05-30"^^xsd:date ; schema:legislationJurisdiction q:city ;
    schema:legislationDateOfApplicability "2023-06-01"^^xsd:date ; dcterms:replaces q:draft .
q:undated a schema:Legislation ; rdfs:label "某法"@zh-hans ;
    aikg:unstatedProperty schema:legislationDate .
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analyst") / "analyst.ttl"
    path.write_text(PREFIXES + GRAPH + OBSERVATIONS + EXPLAINED + POLICIES, encoding="utf-8")
    return path


def ask(cli, data: Path, store: str, name: str, **params: str) -> list[dict[str, str]]:
    """The rows of a saved query on ``data`` in ``store``, with the sample's IRIs shortened."""
    args = [f"{k}={Q + v[2:] if v.startswith('q:') else v}" for k, v in params.items()]
    result = cli(
        "--store", store, "--data", str(data), "query", name,
        *[a for arg in args for a in ("--param", arg)], "-f", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return [
        {k: v.replace(Q, "q:") for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(result.stdout))
    ]


def both(cli, data: Path, name: str, **params: str) -> list[dict[str, str]]:
    """The rows, which must be the same on both stores."""
    memory, oxigraph = (ask(cli, data, store, name, **params) for store in STORES)
    assert memory == oxigraph, f"{name} {params}"
    return memory


# --- timeline ---------------------------------------------------------------------------------


def test_the_timeline_lists_policies_oldest_first_undated_last(cli, data: Path) -> None:
    rows = both(cli, data, "timeline")
    assert [r["policy"] for r in rows] == [
        "q:plan2017",
        "q:plan2018",
        "q:draft",
        "q:final",
        "q:undated",
    ]
    by = {r["policy"]: r for r in rows}
    assert by["q:plan2017"]["issuers"] == "机构乙; 机构甲"  # joined in alphabetical order
    assert by["q:plan2017"]["type"] == "plan"
    assert by["q:plan2017"]["jurisdiction_name"] == "测试国"
    assert by["q:plan2017"]["revised_by"] == "q:plan2018"
    assert by["q:plan2017"]["superseded_by"] == ""  # a new version is not a replacement
    assert by["q:draft"]["status"] == "draft"
    assert by["q:draft"]["superseded_by"] == "q:final"  # dcterms:replaces, read the other way
    assert by["q:final"]["status"] == ""
    assert by["q:final"]["in_force_from"] == "2023-06-01"
    assert by["q:final"]["date"] == "2023-05-30"
    assert by["q:undated"]["date"] == ""


# --- by-area ------------------------------------------------------------------------------------


def _areas(rows: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    return [(r["area"], r["variable"], r["value"]) for r in rows]


def test_by_area_gives_the_latest_figures_of_one_place(cli, data: Path) -> None:
    rows = both(cli, data, "by-area", place="q:province")
    # both sources of the latest period, each with its own row
    assert _areas(rows) == [("q:province", "q:size", "10"), ("q:province", "q:size", "11")]
    assert {r["period"] for r in rows} == {"2024-01-01/2024-12-31"}
    assert rows[0]["area_name"] == "测试省" and rows[0]["label"] == "产业规模"
    assert both(cli, data, "by-area", place="q:province", subplaces="false") == rows


def test_by_area_with_subplaces_adds_the_places_it_contains_at_any_depth(cli, data: Path) -> None:
    rows = both(cli, data, "by-area", place="q:province", subplaces="true")
    assert _areas(rows) == [
        ("q:city", "q:firms", "7"),  # the latest of the city's two years, under its own area
        ("q:province", "q:size", "10"),
        ("q:province", "q:size", "11"),
    ]
    country = both(cli, data, "by-area", place="q:country", subplaces="true")
    assert [r["area"] for r in country] == [
        "q:city",  # two levels down
        "q:country",
        "q:port",
        "q:province",
        "q:province",
    ]
    assert next(r for r in country if r["area"] == "q:country")["value"] == "120"
    only = both(cli, data, "by-area", place="q:country")
    assert _areas(only) == [("q:country", "q:size", "120")]


def test_by_area_without_a_place_gives_every_place(cli, data: Path) -> None:
    rows = both(cli, data, "by-area")
    assert sorted({r["area"] for r in rows}) == ["q:city", "q:country", "q:port", "q:province"]


def test_by_area_refuses_a_subplaces_value_that_is_not_a_boolean(cli, data: Path) -> None:
    result = cli("--data", str(data), "query", "by-area", "--param", "subplaces=maybe")
    assert result.returncode == 2
    assert "subplaces" in result.stderr and "Traceback" not in result.stderr


# --- compare-sources ------------------------------------------------------------------------------


def test_compare_sources_gives_every_sources_value_of_one_measure(cli, data: Path) -> None:
    rows = both(cli, data, "compare-sources", metric="q:size", period="2024")
    assert [(r["area"], r["value"], r["source"]) for r in rows] == [
        ("q:country", "120", "q:docA"),
        ("q:province", "10", "q:docA"),
        ("q:province", "11", "q:docB"),
    ]
    by = {r["observation"]: r for r in rows}
    assert by["q:prov24a"]["attributed_to"] == "q:producer"
    assert by["q:prov24a"]["publisher_name"] == "机构甲" and by["q:prov24a"]["title"] == "甲"
    assert by["q:prov24a"]["published"] == "2025-01-01" and by["q:prov24b"]["published"] == ""
    assert by["q:prov24b"]["qualifier"] == "more-than"
    assert by["q:prov24b"]["reliability"] == "wire"
    assert by["q:prov24a"]["quote"] == "quote prov24a"
    assert by["q:prov24a"]["disagreement"] == by["q:prov24b"]["disagreement"] == "q:explained"
    assert by["q:country24"]["disagreement"] == ""
    exact = both(cli, data, "compare-sources", metric="q:size", period="2024-01-01/2024-12-31")
    assert exact == rows
    every = both(cli, data, "compare-sources", metric="q:size")
    assert [r["period"] for r in every] == ["2023-12-31"] + [r["period"] for r in rows]
    assert both(cli, data, "compare-sources", metric="q:size", period="2019") == []


# --- series -------------------------------------------------------------------------------------

#: Eleven half-yearly points, Dec 2020 to Dec 2025, the shape of the CNNIC internet-user series.
ENDS = [f"{year}-{month}" for year in range(2020, 2026) for month in ("06-30", "12-31")][1:]


def test_series_gives_every_point_of_a_long_series_in_order(cli, tmp_path: Path) -> None:
    shuffled = list(enumerate(ENDS))
    random.Random(12).shuffle(shuffled)  # written out of order
    parts = [PREFIXES, GRAPH]
    for index, end in shuffled:
        parts.append(
            f'q:p{index} a time:Instant ; time:inXSDDate "{end}"^^xsd:date ; '
            f'skos:notation "{end}" .\n'
            + _obs(f"users{index}", "firms", str(900 + index), f"p{index}", "country", "docA")
        )
    path = tmp_path / "series.ttl"
    path.write_text("".join(parts), encoding="utf-8")
    rows = both(cli, path, "series", metric="q:firms")
    assert len(ENDS) == 11
    assert [r["end"] for r in rows] == ENDS
    assert [r["value"] for r in rows] == [str(900 + i) for i in range(11)]
