"""What the saved queries answer, on a small made-up graph where every answer is known."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from aikg.namespaces import AIKG, OA, SCHEMA
from aikg.query.catalog import load_catalog
from aikg.query.results import GraphResult, Table
from aikg.query.run import run_embedded
from aikg.store.files import load_graph
from aikg.store.stats import summarize
from query_sample import QUOTES, T, write_sample

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return load_graph([write_sample(tmp_path_factory.mktemp("sample"))])


def rows(graph: Graph, name: str, **given: str) -> list[dict[str, str | None]]:
    """The rows of a saved query as dicts of plain strings (IRIs of the sample shortened)."""
    result = run_embedded(CATALOG[name], given, graph=graph)
    assert isinstance(result, Table)
    return [
        {
            var: None if term is None else str(term).replace(T, "t:")
            for var, term in zip(result.variables, row, strict=True)
        }
        for row in result.rows
    ]


def column(found: list[dict[str, str | None]], name: str) -> list[str | None]:
    return [row[name] for row in found]


def test_metrics_gives_one_row_per_observation_in_metric_order(sample: Graph) -> None:
    found = rows(sample, "metrics")
    observations = set(sample.subjects(RDF.type, SCHEMA.Observation))
    assert len(found) == len(observations) == 9
    assert column(found, "metric") == sorted(column(found, "metric"))  # type: ignore[type-var]
    users = [row for row in found if row["metric"] == "t:users"]
    assert [(r["period"], r["value"], r["source"]) for r in users] == [
        ("2023-12-31", "100", "t:docA"),
        ("2023-12-31", "100", "t:docB"),  # the same figure from two sources: two rows
        ("2024-12-31", "120", "t:docA"),
        ("2024-12-31", "125", "t:docB"),
        ("P10Y", "90", "t:docB"),
    ]
    assert {row["label"] for row in users} == {"测试用户数"}  # Simplified Chinese, not zh-hant
    by_quote = {row["quote"]: row for row in found}
    assert by_quote["超过一百二十"]["qualifier"] == "more-than"
    assert by_quote["约八十一点二"]["qualifier"] == "about"
    assert by_quote["用户一百"]["qualifier"] is None
    assert by_quote["约八十一点二"]["period"] == "2024-01-01/2024-06-30"
    assert by_quote["约八十一点二"]["unit"] == "http://qudt.org/vocab/currency/CNY"
    assert {row["quote"] for row in found} == {
        q for f, (_, _, q) in QUOTES.items() if f != "target"
    }


def test_metrics_on_the_bundled_graph_is_one_row_per_observation(graph: Graph) -> None:
    result = run_embedded(CATALOG["metrics"], graph=graph)
    assert isinstance(result, Table)
    assert len(result.rows) == len(set(graph.subjects(RDF.type, SCHEMA.Observation)))
    index = {name: i for i, name in enumerate(result.variables)}
    metrics = [str(row[index["metric"]]) for row in result.rows]
    assert metrics == sorted(metrics)
    codes = {str(code) for code in graph.objects(None, SKOS.notation)}
    for row in result.rows:
        assert row[index["quote"]], "every observation has its quote"
        assert str(row[index["period"]]) in codes
        for name in ("metric", "unit", "area", "source"):
            assert isinstance(row[index[name]], URIRef), name
        assert isinstance(row[index["value"]], Literal) and row[index["value"]].datatype in (
            XSD.integer,
            XSD.decimal,
        )
        qualifier = row[index["qualifier"]]
        assert qualifier is None or str(qualifier) in {
            "more-than", "at-least", "odd", "nearly", "about", "less-than", "at-most",
        }  # fmt: skip


def test_latest_keeps_the_last_period_of_each_series(sample: Graph) -> None:
    found = rows(sample, "latest")
    got = {(r["metric"], r["age"], r["about"], r["value"], r["source"]) for r in found}
    assert got == {
        ("t:users", None, None, "120", "t:docA"),  # two sources for the last period: two rows
        ("t:users", None, None, "125", "t:docB"),
        ("t:invest", None, None, "81.2", "t:docA"),
        ("t:adoption", "t:adult", None, "41.5", "t:docA"),  # each age group is its own series
        ("t:adoption", "t:young", None, "21.1", "t:docA"),
        ("t:sold", None, "t:product", "7", "t:docA"),
    }
    docb = next(r for r in found if r["source"] == "t:docB")
    assert (docb["publisher"], docb["publisher_name"], docb["published"]) == (
        "t:orgB",
        "测试机构乙",
        None,
    )
    assert next(r for r in found if r["metric"] == "t:invest")["end"] == "2024-06-30"


def test_sector_metrics_follow_each_documented_link(sample: Graph) -> None:
    found = rows(sample, "sector-metrics", sector=T + "sectorX")
    got = sorted((r["via"], r["link"], r["value"]) for r in found)
    assert got == [
        ("about-applies", "t:product", "7"),
        ("policy-target", "t:policy", "81.2"),
        ("variable", "t:users", "100"),
        ("variable", "t:users", "100"),
        ("variable", "t:users", "120"),
        ("variable", "t:users", "125"),
        ("variable", "t:users", "90"),
    ]
    narrower = rows(sample, "sector-metrics", sector=T + "sectorY")
    assert {r["via"] for r in narrower} == {"variable", "policy-target"}
    assert rows(sample, "sector-metrics", sector=T + "sectorZ") == []


def test_disagreements_pair_different_values_once(sample: Graph) -> None:
    found = rows(sample, "disagreements")
    assert [(r["value_a"], r["qualifier_a"], r["value_b"], r["qualifier_b"]) for r in found] == [
        ("120", "more-than", "125", None)
    ]


def test_genai_adoption_by_age_from_the_youngest(sample: Graph) -> None:
    found = rows(sample, "genai-by-age")
    assert [(r["age_label"], r["value"]) for r in found] == [
        ("6~19岁", "21.1"),
        ("20~29岁", "41.5"),
    ]


def test_investment(sample: Graph) -> None:
    found = rows(sample, "investment")
    assert [(r["metric"], r["value"], r["qualifier"], r["published"]) for r in found] == [
        ("t:invest", "81.2", "about", "2025-01-01")
    ]


def test_counts_are_those_of_aikg_stats(sample: Graph, graph: Graph) -> None:
    for data in (sample, graph):
        found = run_embedded(CATALOG["counts"], graph=data)
        assert isinstance(found, Table)
        got = {str(row[0]): int(row[-1]) for row in found.rows}  # type: ignore[arg-type]
        assert got == {str(cls): n for cls, n in summarize(data).by_class}


def test_unsourced_lists_figures_without_a_primary_source_weakest_first(sample: Graph) -> None:
    found = rows(sample, "unsourced")
    assert "t:o3" not in column(found, "fact")
    assert len(found) == 9
    assert column(found, "reliability")[:2] == ["repost", "repost"]
    assert next(r for r in found if r["fact"] == "t:target")["period"] == "by 2027"
    assert next(r for r in found if r["fact"] == "t:o2")["attributed_to"] == "t:orgB"
    reposts = rows(sample, "unsourced", reliability="repost")
    assert sorted(column(reposts, "fact")) == ["t:o4", "t:o8"]  # type: ignore[type-var]


def test_policies_with_issuers_sectors_and_unstated_properties(sample: Graph) -> None:
    found = rows(sample, "policies")
    assert column(found, "policy") == ["t:policy", "t:policy2"]
    plan, measures = found
    assert plan["issuers"] == "测试机构丙; 测试机构甲"
    assert plan["sectors"] == "测试子行业; 测试行业"
    assert (plan["type"], plan["date"], plan["jurisdiction"]) == ("guideline", "2024-07", "TA")
    assert measures["unstated"] == "legislationDate; legislationPassedBy"
    assert measures["issuers"] is None
    assert column(rows(sample, "policies", type="regulation"), "policy") == ["t:policy2"]


def test_initiatives_with_the_documents_that_launched_them(sample: Graph) -> None:
    found = rows(sample, "initiatives")
    assert [
        (r["initiative"], r["relation"], r["document"], r["source"], r["quote"]) for r in found
    ] == [
        ("t:idle", None, None, None, None),
        ("t:initiative", "launched-by", "t:policy", "t:docA", "规划提出测试行动"),
    ]
    assert found[1]["document_type"] == "guideline"


def test_organizations_and_their_roles(sample: Graph) -> None:
    found = rows(sample, "organizations", organization=T + "orgA")
    assert {(r["role"], r["subject"], r["detail"]) for r in found} == {
        ("issues", "t:policy", None),
        ("publishes", "t:docA", None),
        ("has-member", "t:person", "测试主任"),
        ("primary-source-of", "t:o3", None),
    }
    everyone = rows(sample, "organizations")
    assert ("credited-with", "t:o2") in {(r["role"], r["subject"]) for r in everyone}


def test_technologies_of_a_sector_with_their_effects(sample: Graph) -> None:
    found = rows(sample, "sector-technologies", sector=T + "sectorX")
    assert [(r["technology"], r["relation"], r["effects"], r["source"]) for r in found] == [
        ("t:tech", "empowers", "提高效率; 降低成本", "t:docA")
    ]


def test_statements_and_source_facts(sample: Graph) -> None:
    assert len(rows(sample, "statements")) == 2
    about = rows(sample, "statements", subject=T + "initiative")
    assert [(r["predicate"], r["object"], r["quote"]) for r in about] == [
        (str(AIKG.launchedBy), "t:policy", "规划提出测试行动")
    ]
    facts = rows(sample, "source-facts", source=T + "docA")
    assert column(facts, "start") == ["5", "20", "40", "60", "80", "100", "120", "140"]
    assert column(facts, "kind")[0] == "statement"
    assert column(facts, "fact")[-1] == "t:target"


def test_provenance_of_one_fact(sample: Graph) -> None:
    (found,) = rows(sample, "provenance", fact=T + "o3")
    assert (found["source"], found["publisher"], found["reliability"]) == (
        "t:docB",
        "t:orgB",
        "repost",
    )
    assert (found["text_path"], found["sha256"], found["start"], found["end"]) == (
        "test/b.txt",
        "bb",
        "10",
        "15",
    )
    assert (found["quote"], found["primary_source"], found["published"]) == (
        "一百二十五",
        "t:orgA",
        None,
    )
    (launch,) = rows(sample, "provenance", fact=T + "launch")
    assert (launch["subject"], launch["object"]) == ("t:initiative", "t:policy")


def test_provenance_spans_are_spans_of_the_stored_text(graph: Graph, shared: Path) -> None:
    observation = sorted(graph.subjects(RDF.type, SCHEMA.Observation))[0]
    found = run_embedded(CATALOG["provenance"], {"fact": str(observation)}, graph=graph)
    assert isinstance(found, Table) and found.rows
    index = {name: i for i, name in enumerate(found.variables)}
    for row in found.rows:
        text = (shared / str(row[index["text_path"]])).read_text(encoding="utf-8")
        start, end = int(row[index["start"]]), int(row[index["end"]])  # type: ignore[arg-type]
        assert text[start:end] == str(row[index["quote"]])


def test_targets_and_series(sample: Graph) -> None:
    (target,) = rows(sample, "targets")
    assert (target["year"], target["value"], target["qualifier"], target["quote"]) == (
        "2027",
        "200",
        "at-least",
        "不少于两百",
    )
    assert rows(sample, "targets", policy=T + "policy2") == []
    series = rows(sample, "series", metric=T + "users")
    assert column(series, "observation") == ["t:o4", "t:o1", "t:o8", "t:o2", "t:o3"]


def test_sources_with_what_they_contribute(sample: Graph) -> None:
    found = rows(sample, "sources")
    assert [
        (r["source"], r["published"], r["observations"], r["targets"], r["statements"])
        for r in found
    ] == [
        ("t:docB", "unknown", "3", "0", "0"),
        ("t:docA", "2025-01-01", "6", "1", "2"),
    ]


def test_search_in_either_language_ignoring_case(sample: Graph) -> None:
    found = rows(sample, "search", text="TEST USERS")
    assert [(r["entity"], r["label_zh"], r["matched"]) for r in found] == [
        ("t:users", "测试用户数", "number of test users")
    ]
    assert column(rows(sample, "search", text="測試"), "entity") == ["t:users"]
    assert rows(sample, "search", text="no label has this") == []


def test_entity_gives_the_triples_around_an_entity_and_its_evidence(sample: Graph) -> None:
    result = run_embedded(CATALOG["entity"], {"entity": T + "o3"}, graph=sample)
    assert isinstance(result, GraphResult)
    got = result.graph
    o3 = URIRef(T + "o3")
    assert (o3, SCHEMA.value, Literal(125)) in got
    assert (URIRef(T + "o3-anno"), OA.hasBody, o3) in got
    assert (URIRef(T + "o3-quote"), OA.exact, Literal("一百二十五")) in got
    assert (URIRef(T + "users"), None, None) in got  # the label of the variable
    assert (URIRef(T + "o2"), None, None) not in got


def test_the_bgp_hook_of_one_thread_survives_another_threads_query() -> None:
    """rdflib's evaluation hook is one for the process; ``aikg serve --store memory`` runs
    queries on several threads. A query finishing on one thread must not take the hook from a
    query still running on another (it did: the hook was added on entry, removed on exit), and
    outside aikg's queries the hook leaves rdflib's own evaluation alone."""
    import threading

    from rdflib.plugins.sparql import CUSTOM_EVALS

    from aikg.query import sparql

    class Part:
        name = "BGP"
        triples = ()

    def acts() -> bool:
        hooks = [h for h in CUSTOM_EVALS.values() if h is sparql._adaptive_bgp]
        try:
            return len(hooks) == 1 and hooks[0](None, Part()) is not None
        except NotImplementedError:
            return False

    inside, other_done, seen = threading.Event(), threading.Event(), {}

    def long_query() -> None:
        with sparql._adaptive_bgps():
            inside.set()
            other_done.wait(10)
            seen["long, after the other ended"] = acts()

    def short_query() -> None:
        inside.wait(10)
        with sparql._adaptive_bgps():
            seen["short"] = acts()
        other_done.set()

    threads = [threading.Thread(target=long_query), threading.Thread(target=short_query)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"short": True, "long, after the other ended": True}
    assert not acts()  # this thread runs no aikg query: rdflib evaluates as it would
