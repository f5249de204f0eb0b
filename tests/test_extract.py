"""Rules of the extractor, on short texts written for these tests (not from the sources)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from aikg.extraction.entities import EntityIndex, find_entities
from aikg.extraction.layout import analyse
from aikg.extraction.measures import tokens
from aikg.extraction.periods import find_times
from aikg.extraction.quantities import find_quantities
from aikg.extraction.script import fold, name_key
from aikg.extraction.units import unit_kind
from aikg.extraction.variables import VariableIndex

FRONT = (
    "---\ntitle: {title}\nurl: https://example.org/{slug}\n"
    "publisher: {publisher}\ndate: {date}\n---\n"
)

#: A known graph of a few entities, in the project's IRI scheme (labels only).
KNOWN_TTL = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
<https://w3id.org/aikg/id/organization/cac> a schema:Organization ;
    rdfs:label "国家互联网信息办公室"@zh-hans , "Cyberspace Administration of China"@en ;
    skos:altLabel "国家网信办"@zh-hans , "CAC"@en .
<https://w3id.org/aikg/id/report/stat-9th> a schema:Report ;
    rdfs:label "第9次《示范产业统计报告》"@zh-hans .
<https://w3id.org/aikg/id/report/stat-8th> a schema:Report ;
    rdfs:label "第8次《示范产业统计报告》"@zh-hans .
<https://w3id.org/aikg/id/policy/demo-framework-1> a schema:Legislation ;
    rdfs:label "示范治理框架（1.0版）"@zh-hans ; skos:altLabel "示范治理框架"@zh-hans .
<https://w3id.org/aikg/id/policy/demo-framework-2> a schema:Legislation ;
    rdfs:label "示范治理框架（2.0版）"@zh-hans .
<https://w3id.org/aikg/id/policy/demo-measures> a schema:Legislation ;
    rdfs:label "示范人工智能服务管理办法"@zh-hans .
"""


def known() -> Graph:
    return Graph().parse(data=KNOWN_TTL, format="turtle")


def quantities(text: str, doc: date) -> list[tuple[str, Decimal, str | None, str | None]]:
    layout = analyse(text)
    times = [
        t
        for t in find_times(layout.folded, doc, layout.body_start)
        if not layout.fact_text[t.start].isspace()
    ]
    return [
        (m.value_text, m.value, m.unit, m.quantity.qualifier)
        for m in find_quantities(layout, [(t.start, t.end) for t in times])
    ]


def periods(text: str, doc: date) -> list[tuple[str, str | None, int | None]]:
    return [(t.text, t.iso, t.goal_year) for t in find_times(fold(text), doc)]


# --- script folding ---------------------------------------------------------------------------


def test_fold_keeps_offsets_and_maps_traditional_and_width() -> None:
    text = "《人工智慧服務管理辦法》「人工智能＋」行動"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == '《人工智能服务管理办法》"人工智能+"行动'


def test_name_key_reads_chinese_numerals_and_drops_punctuation() -> None:
    assert name_key("第九次《示范产业统计报告》") == name_key("第9次「示範產業統計報告」")
    assert name_key("第九次《示范产业统计报告》") != name_key("第8次《示范产业统计报告》")


# --- periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc", "expected"),
    [
        ("截至2025年6月，", date(2025, 8, 1), ("截至2025年6月", "2025-06-30", None)),
        ("截至6月，", date(2025, 8, 1), ("截至6月", "2025-06-30", None)),
        ("截至12月，", date(2025, 1, 15), ("截至12月", "2024-12-31", None)),
        ("上半年，", date(2025, 8, 1), ("上半年", "2025-01-01/2025-06-30", None)),
        ("上半年，", date(2025, 3, 1), ("上半年", "2024-01-01/2024-06-30", None)),
        ("2023年前三季度", date(2024, 1, 9), ("2023年前三季度", "2023-01-01/2023-09-30", None)),
        ("2024年，", date(2025, 2, 1), ("2024年", "2024-01-01/2024-12-31", None)),
        ("去年，", date(2025, 2, 1), ("去年", "2024-01-01/2024-12-31", None)),
        ("今年，", date(2025, 2, 1), ("今年", "2025-01-01/2025-12-31", None)),
        ("截至目前，", date(2025, 2, 1), ("截至目前", "../2025-02-01", None)),
        ("到2028年，", date(2025, 2, 1), ("到2028年", None, 2028)),
        ("截至去年底", date(2025, 2, 1), ("去年底", "2024-12-31", None)),
        ("as of June,", date(2025, 8, 1), ("as of june", "2025-06-30", None)),
        ("by the end of 2024,", date(2025, 2, 1), ("by the end of 2024", "2024-12-31", None)),
        ("by the end of 2026,", date(2025, 2, 1), ("by the end of 2026", None, 2026)),
        ("by 2030,", date(2025, 2, 1), ("by 2030", None, 2030)),
        (
            "in the first half of 2025",
            date(2025, 9, 1),
            ("in the first half of 2025", "2025-01-01/2025-06-30", None),
        ),
        ("last year", date(2026, 3, 1), ("last year", "2025-01-01/2025-12-31", None)),
    ],
)
def test_periods_resolve_against_the_document_date(
    text: str, doc: date, expected: tuple[str, str | None, int | None]
) -> None:
    assert periods(text, doc)[0] == expected


def test_traditional_period_expressions() -> None:
    assert periods("截至2024年12月底，", date(2025, 1, 5))[0][1] == "2024-12-31"
    assert periods("今年上半年", date(2025, 9, 1))[0][1] == "2025-01-01/2025-06-30"


# --- quantities -------------------------------------------------------------------------------


SIMPLIFIED = FRONT.format(
    title="示范市产业简报", slug="a", publisher="示范日报", date="2025-07-20"
) + (
    "**扫码订阅示范日报**\n征订热线：010-12345678\n\n"
    "截至6月，全市机器人企业数量超1200家，同比增长12.5%。上半年全市算力投资约3.5万亿元。\n"
    "第3次联席会议于2025年5月8日召开，十五届代表大会已连续举办7年。\n"
    "其中4家龙头企业服务用户2.6亿户，占全市网民的比重达到38.4%。\n"
    "该方案共分5个部分，从0到1推进，形成6大产业集群。\n"
    "20~29岁居民使用率最高，达到52.3%。\n"
)


def test_simplified_quantities_are_normalized_and_boilerplate_is_not_read() -> None:
    found = quantities(SIMPLIFIED, date(2025, 7, 20))
    texts = [q[0] for q in found]
    assert ("超1200家", Decimal(1200), "count", "more-than") in found
    assert ("12.5%", Decimal("12.5"), "percent", None) in found
    assert ("约3.5万亿元", Decimal("3500000000000"), "CNY", "about") in found
    assert ("7年", Decimal(7), "year", None) in found  # 连续…7年: a duration stated as a fact
    assert ("2.6亿户", Decimal(260000000), "count", None) in found
    assert ("达到38.4%", Decimal("38.4"), "percent", None) in found
    assert ("达到52.3%", Decimal("52.3"), "percent", None) in found
    # phone number, subscription line, ordinals, dates, session numbers, structure counts,
    # a count that only describes the subject of the next number, "6大" outside a goal
    for absent in ("010", "12345678", "3", "5", "8", "2025", "十五", "5个", "0", "4家"):
        assert absent not in texts
    layout = analyse(SIMPLIFIED)
    major = [m for m in find_quantities(layout, []) if m.value_text == "6"]
    assert major and all(m.goal_only for m in major)  # 6大…: a count of list items


def test_age_band_is_a_dimension() -> None:
    layout = analyse(SIMPLIFIED)
    mentions = find_quantities(layout, [])
    band = next(m.age for m in mentions if m.value_text == "达到52.3%")
    assert band is not None and (band.low, band.high) == (20, 29)


TRADITIONAL = FRONT.format(
    title="示範市網絡發展", slug="b", publisher="示範週報", date="2025-01-15"
) + (
    "截至12月，我國網民規模達10.8億人，較上年提升2.1個百分點；手機網民逾10億人。\n"
    "國家網信辦表示，服務備案數量將近五千項。\n"
)


def test_traditional_quantities() -> None:
    found = quantities(TRADITIONAL, date(2025, 1, 15))
    assert ("達10.8億人", Decimal(1080000000), "person", None) in found
    assert ("2.1個百分點", Decimal("2.1"), "percentage_point", None) in found
    assert ("逾10億人", Decimal(1000000000), "person", "more-than") in found


ENGLISH = FRONT.format(
    title="Demo city digital report", slug="c", publisher="Demo Times", date="2025-08-10"
) + (
    "DEMO CITY, Aug. 9 (Demo Times) -- As of June, the city had 1.2 billion broadband users, "
    "up 3.5 percentage points year on year, according to a report released on 2025-08-09.\n"
    "Revenue of the sector was expected to exceed 80 billion yuan in 2025, while more than "
    "3,000 AI firms operated in the city, a 12.4-percent increase from a year earlier.\n"
    "By 2030, the plan aims for over 90 percent coverage of 5G networks.\n"
)


def test_english_quantities() -> None:
    found = quantities(ENGLISH, date(2025, 8, 10))
    values = {q[0]: q for q in found}
    assert values["1.2 billion broadband users"][1:3] == (Decimal(1200000000), "person")
    assert values["3.5 percentage points"][2] == "percentage_point"
    assert values["80 billion yuan"][1:3] == (Decimal(80000000000), "CNY")
    assert any(q[1] == Decimal(3000) and q[3] == "more-than" for q in found)
    assert values["12.4-percent"][1:3] == (Decimal("12.4"), "percent")
    assert values["over 90 percent"][3] == "more-than"
    assert not any(q[1] in (Decimal(5), Decimal(9), Decimal(2025)) for q in found)  # 5G, dates


# --- variables --------------------------------------------------------------------------------


def test_variable_reuse_needs_overlap_and_the_same_unit_kind() -> None:
    graph = Graph().parse(
        data="""
        @prefix schema: <https://schema.org/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/aikg/id/var/robot-firms> a schema:StatisticalVariable ;
            rdfs:label "机器人企业数量"@zh-hans , "number of robot enterprises"@en .
        <https://w3id.org/aikg/id/obs/x> a schema:Observation ;
            schema:variableMeasured <https://w3id.org/aikg/id/var/robot-firms> ;
            schema:unitCode <http://qudt.org/vocab/unit/NUM> .
        """,
        format="turtle",
    )
    index = VariableIndex(graph, unit_kind)
    assert str(index.match("机器人企業數量", "count")).endswith("robot-firms")  # traditional
    assert str(index.match("robot enterprises", "count")).endswith("robot-firms")
    assert index.match("机器人企业数量", "unit:PERCENT") is None  # another kind of unit
    assert index.match("网民规模", "count") is None
    assert index.match("农村机器人企业数量", "count") is None  # a breakdown is another series
    assert index.match("number of rural robot enterprises", "count") is None
    assert tokens("users") == tokens("user")


# --- entities ---------------------------------------------------------------------------------


def _entities(text: str, doc_year: int = 2025) -> list[tuple[str, str, bool]]:
    layout = analyse(text)
    found = find_entities(layout, EntityIndex(known()), doc_year)
    return [(m.name, str(m.iri or ""), m.new) for m in found]


def test_entities_link_across_scripts_numerals_and_versions() -> None:
    text = FRONT.format(title="t", slug="d", publisher="示範週報", date="2025-03-01") + (
        "國家互聯網信息辦公室發布第九次《示範產業統計報告》，並印發《示範人工智慧服務管理辦法》。\n"
        "《示範治理框架》2.0版（下稱《框架》2.0版）今日發布，較《示範治理框架》1.0版有所完善。\n"
        "The Cyberspace Administration of China (CAC) welcomed the framework.\n"
    )
    found = _entities(text)
    linked = {name: iri.rsplit("/", 1)[-1] for name, iri, new in found if not new}
    assert linked["國家互聯網信息辦公室"] == "cac"
    assert linked["第九次《示範產業統計報告》"] == "stat-9th"
    assert linked["《示範人工智慧服務管理辦法》"] == "demo-measures"
    assert linked["《示範治理框架》2.0版"] == "demo-framework-2"
    assert linked["《示範治理框架》1.0版"] == "demo-framework-1"
    assert "cac" in {
        iri.rsplit("/", 1)[-1] for name, iri, new in found if "Cyberspace" in name or name == "CAC"
    }


def test_new_entities_are_found_by_pattern() -> None:
    text = FRONT.format(
        title="t", slug="e", publisher="示例晚报 (Demo Evening News)", date="2025-03-01"
    ) + (
        "国家示范技术研究中心与教育部联合发布《示范数据安全指南》。部长王小明在2025年示范科技大会上表示，"
        "要“数据+”行动。The Ministry of Demo Affairs said DemoSoft joined.\n"
    )
    found = _entities(text)
    new = {name for name, _, is_new in found if is_new}
    assert {"国家示范技术研究中心", "教育部", "《示范数据安全指南》", "王小明"} <= new
    assert "2025年示范科技大会" in new
    assert "“数据+”行动" in new
    assert "Ministry of Demo Affairs" in new and "DemoSoft" in new
    assert "示例晚报" in new  # the publisher of the front matter


def test_text_without_front_matter_has_no_offset_shift(tmp_path: Path) -> None:
    layout = analyse("截至6月，示范企业达到300家。")
    assert layout.body_start == 0
    mention = find_quantities(layout, [])[0]
    assert layout.text[mention.start : mention.end] == mention.value_text == "达到300家"
