"""The figures a draft leaves out as unsure (aikg.extraction.doubts), on short invented texts.

None of these sentences comes from the corpus or from a benchmark text. Each doubt is shown by a
text with one doubted figure beside one the rules read whole: the doubted one is listed under the
sheet's ``unsure`` key, complete, and is not in the draft graph; the other is drafted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rdflib import Graph
from rdflib.namespace import RDF

from aikg.curation import compile_sheet
from aikg.errors import InputError
from aikg.extraction import extract
from aikg.extraction.sheet import Draft
from aikg.namespaces import SCHEMA
from aikg.store.files import ontology_graph

FRONT = (
    "---\ntitle: {title}\nurl: https://example.org/t\npublisher: 示范日报\ndate: 2027-03-02\n---\n"
)
#: One figure dated in its sentence, one in a paragraph of its own that states no date.
PARK = "2026年，示范园区企业营业收入达86.4亿元。\n\n园区现有入驻企业312家。\n"

#: A graph variable whose label states a body's scope (示范统计局口径).
SCOPED = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
<https://w3id.org/aikg/id/var/demo-users-bureau> a schema:StatisticalVariable ;
    rdfs:label "示范平台注册用户数（示范统计局口径）"@zh-hans ,
        "registered users of the demo platform (as stated by the Demo Bureau)"@en .
<https://w3id.org/aikg/id/obs/s> a schema:Observation ;
    schema:variableMeasured <https://w3id.org/aikg/id/var/demo-users-bureau> ;
    schema:unitCode <https://w3id.org/aikg/vocab/unit/PERSON> .
"""


def draft(tmp_path: Path, body: str, *, title: str = "示范简讯", unsure: bool = False) -> Draft:
    path = tmp_path / "t.md"
    path.write_text(FRONT.format(title=title) + body, "utf-8")
    known = ontology_graph() + Graph().parse(data=SCOPED, format="turtle")
    return extract(path, known, draft_unsure=unsure)


def values(entries: list[dict]) -> list[str]:
    return [e["value_text"] for e in entries]


def drafted(result: Draft) -> int:
    return len(set(result.graph.subjects(RDF.type, SCHEMA.Observation)))


def test_a_figure_with_no_date_is_left_out_and_said_why(tmp_path: Path) -> None:
    result = draft(tmp_path, PARK)
    assert values(result.sheet["observations"]) == ["达86.4亿元"]
    (left,) = result.sheet["unsure"]
    assert left["value_text"] == "312家"
    assert left["period"] == "../2027-03-02"  # what the rules assumed, for the reviewer
    assert "No date is stated" in left["reading"]["en"] and "推定" in left["reading"]["zh"]
    assert drafted(result) == 1
    assert [f.value_text for f in result.unsure] == ["312家"]


def test_a_local_place_the_text_does_not_name_is_a_doubt(tmp_path: Path) -> None:
    result = draft(
        tmp_path,
        "2026年，全县农村网络零售额达到12.5亿元。\n2026年，我国农村网络零售额达2.6万亿元。\n",
        title="青禾：农村电商提速",
    )
    assert values(result.sheet["observations"]) == ["达2.6万亿元"]  # a national word: read
    (left,) = result.sheet["unsure"]
    assert left["value_text"] == "达到12.5亿元" and left["area"] == "place:CN"
    assert "the area is assumed" in left["reading"]["en"]


def test_a_graph_variable_passed_over_for_its_scope_is_a_doubt(tmp_path: Path) -> None:
    result = draft(tmp_path, "示范研究院测算，2025年示范平台注册用户数达3.4亿人。\n")
    assert "observations" not in result.sheet
    (left,) = result.sheet["unsure"]
    assert left["var"].startswith("var:draft-")
    assert "near name" in left["reading"]["en"]
    # the scope note naming the variable passed over is still written for the reviewer
    note = next(e for e in result.sheet["draft_entities"] if e["id"] == left["var"])["note"]
    assert "var:demo-users-bureau" in note["en"]


def test_draft_unsure_drafts_every_figure_with_its_doubt(tmp_path: Path) -> None:
    result = draft(tmp_path, PARK, unsure=True)
    assert "unsure" not in result.sheet and not result.unsure
    assert values(result.sheet["observations"]) == ["达86.4亿元", "312家"]
    assert "No date is stated" in result.sheet["observations"][1]["reading"]["en"]
    assert drafted(result) == 2


def test_a_reviewed_unsure_entry_compiles_once_moved(tmp_path: Path) -> None:
    """An entry under ``unsure`` is a whole observation entry: moved to ``observations`` after
    review it compiles; left where it is, the sheet is refused with a line that says what to do."""
    result = draft(tmp_path, PARK)
    sheet = yaml.safe_load(result.sheet_yaml())  # as a reviewer opens it
    body = {k: v for k, v in sheet.items() if k != "draft_entities"}
    known = ontology_graph() + result.graph
    with pytest.raises(InputError, match="'unsure' lists figures the draft left out"):
        compile_sheet(body, tmp_path, known, name="t.yaml")
    body["observations"] += body.pop("unsure")
    graph = compile_sheet(body, tmp_path, known, name="t.yaml")
    assert len(set(graph.subjects(RDF.type, SCHEMA.Observation))) == 2


def test_extract_says_how_many_figures_it_left_out(cli, tmp_path: Path) -> None:
    text = tmp_path / "t.md"
    text.write_text(FRONT.format(title="示范简讯") + PARK, "utf-8")
    sheet, out = tmp_path / "t.yaml", tmp_path / "t.ttl"
    args = ("extract", str(text), "--shared", str(tmp_path), "--sheet", str(sheet), "-o", str(out))
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert "1 observations" in result.stderr and "1 figures left out as unsure" in result.stderr
    assert len(yaml.safe_load(sheet.read_text("utf-8"))["unsure"]) == 1
    result = cli(*args, "--draft-unsure")
    assert result.returncode == 0, result.stderr
    assert "2 observations" in result.stderr and "unsure" not in result.stderr
    observations = Graph().parse(out).subjects(RDF.type, SCHEMA.Observation)
    assert len(set(observations)) == 2


def test_a_local_texts_figure_that_nothing_places_is_a_doubt(tmp_path: Path) -> None:
    """A text of a place of its own (全省) whose sentence says nowhere: China would be a guess.
    A national word places a figure (全国): drafted."""
    result = draft(
        tmp_path,
        "2026年，全省数字经济核心产业增加值达5200亿元。\n\n2026年，软件业务收入增长12.5%。\n\n"
        "2026年，全国软件业务收入达13.7万亿元。\n",
    )
    assert values(result.sheet["observations"]) == ["达13.7万亿元"]
    left = {e["value_text"]: e["reading"]["en"] for e in result.sheet["unsure"]}
    assert set(left) == {"达5200亿元", "12.5%"}
    assert "nothing near this figure says where" in left["12.5%"]


def test_a_figure_dated_only_by_its_release_is_a_doubt(tmp_path: Path) -> None:
    result = draft(tmp_path, "示范统计局昨日公布：示范园区现有入驻企业312家。\n")
    (left,) = result.sheet["unsure"]
    assert left["value_text"] == "312家"
    assert "released or stated on" in left["reading"]["en"]  # what was assumed
    assert left["reading"]["en"].endswith("its period is assumed.")


def test_a_goal_of_a_place_the_rules_cannot_name_is_left_out_too(tmp_path: Path) -> None:
    result = draft(tmp_path, "到2028年，全市算力规模达到50EFLOPS。\n")
    assert "targets" not in result.sheet
    (left,) = result.sheet["unsure"]
    assert left["year"] == "2028" and left["area"] == "place:CN"
    assert [f.kind for f in result.unsure] == ["target"]


def test_a_district_the_rules_cannot_name_is_a_doubt(tmp_path: Path) -> None:
    """深圳市示范岗区…: the figure is the district's, which the rules know no place for (the
    city would be assumed): left out; a figure of the city named alone is drafted. A title
    that names such a district makes its unplaced figures doubted too; generic words ending in
    区 (园区, 全区) are no district, but 全区 after the district is the district's."""
    body = (
        "2026年，深圳市示范岗区机器人产业产值达486亿元，全区园区企业营业收入达86.4亿元。\n"
        "2026年，深圳市机器人企业达到6500家。\n"
    )
    result = draft(tmp_path, body)
    assert values(result.sheet["observations"]) == ["达到6500家"]
    left = {e["value_text"]: e for e in result.sheet["unsure"]}
    assert {"达486亿元", "达86.4亿元"} <= set(left)  # 全区: the district's, not Shenzhen's
    assert "示范岗区" not in str(result.sheet.get("entities", ""))
    assert "区、县或园区" in left["达486亿元"]["reading"]["zh"]
    titled = draft(tmp_path, "2026年，示范产业营业收入达86.4亿元。\n", title="示范岗区产业简报")
    assert values(titled.sheet["unsure"]) == ["达86.4亿元"]
    plain = draft(tmp_path, "2026年，示范产业营业收入达86.4亿元。\n", title="工业园区产业简报")
    assert values(plain.sheet["observations"]) == ["达86.4亿元"]
