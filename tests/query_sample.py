"""A small made-up graph for the query tests: every case the saved queries must handle.

The things in it are fictional (IRIs under https://example.org/test/); only the vocabulary is
the project's. Loaded with the ontology, through ``aikg --data FILE`` or ``load_graph([FILE])``.
"""

from __future__ import annotations

from pathlib import Path

T = "https://example.org/test/"

SAMPLE_TTL = """
@prefix aikg: <https://w3id.org/aikg/ontology#> .
@prefix cur: <http://qudt.org/vocab/currency/> .
@prefix doctype: <https://w3id.org/aikg/vocab/doctype/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix qual: <https://w3id.org/aikg/vocab/qualifier/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix reliability: <https://w3id.org/aikg/vocab/reliability/> .
@prefix schema: <https://schema.org/> .
@prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://example.org/test/> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix unit: <http://qudt.org/vocab/unit/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

# --- Sources ----------------------------------------------------------------------------------

t:docA a aikg:SourceDocument , schema:Article ;
    rdfs:label "测试文档甲"@zh-hans , "test document A"@en ;
    schema:name "测试文档甲"@zh-hans ;
    schema:publisher t:orgA ;
    schema:datePublished "2025-01-01"^^xsd:date ;
    schema:url "https://example.org/a"^^xsd:anyURI ;
    aikg:reliability reliability:official ;
    aikg:sourceText t:textA .
t:textA a aikg:SourceText ; schema:sha256 "aa" ; aikg:sourcePath "test/a.txt" .

t:docB a aikg:SourceDocument , schema:Article ;
    rdfs:label "测试文档乙"@zh-hans , "test document B"@en ;
    schema:name "测试文档乙"@zh-hans ;
    schema:publisher t:orgB ;
    aikg:dateUnknown true ;
    schema:url "https://example.org/b"^^xsd:anyURI ;
    aikg:reliability reliability:repost ;
    aikg:sourceText t:textB .
t:textB a aikg:SourceText ; schema:sha256 "bb" ; aikg:sourcePath "test/b.txt" .

t:orgA a schema:Organization ; rdfs:label "测试机构甲"@zh-hans , "Test Body A"@en .
t:orgB a schema:Organization ; rdfs:label "测试机构乙"@zh-hans , "Test Body B"@en .
t:orgC a schema:Organization ; rdfs:label "测试机构丙"@zh-hans , "Test Body C"@en .
t:person a schema:Person ; rdfs:label "测试人"@zh-hans , "Test Person"@en .
t:membership a <http://www.w3.org/ns/org#Membership> ;
    <http://www.w3.org/ns/org#member> t:person ;
    <http://www.w3.org/ns/org#organization> t:orgA ;
    <http://www.w3.org/ns/org#role> t:chief .
t:chief rdfs:label "测试主任"@zh-hans , "test chief"@en .

# --- Places, periods, age groups ---------------------------------------------------------------

t:area a schema:Place ; rdfs:label "测试地区"@zh-hans , "test area"@en ; skos:notation "TA" .
t:y2023 a time:Instant ; time:inXSDDate "2023-12-31"^^xsd:date ; skos:notation "2023-12-31" .
t:y2024 a time:Instant ; time:inXSDDate "2024-12-31"^^xsd:date ; skos:notation "2024-12-31" .
t:h1start a time:Instant ; time:inXSDDate "2024-01-01"^^xsd:date ; skos:notation "2024-01-01" .
t:h1end a time:Instant ; time:inXSDDate "2024-06-30"^^xsd:date ; skos:notation "2024-06-30" .
t:h1 a time:Interval ; time:hasBeginning t:h1start ; time:hasEnd t:h1end ;
    skos:notation "2024-01-01/2024-06-30" .
t:decade a time:Interval ; time:hasXSDDuration "P10Y"^^xsd:duration ; skos:notation "P10Y" .
t:young a aikg:AgeGroup ; rdfs:label "6~19岁"@zh-hans ; schema:minValue 6 ; schema:maxValue 19 .
t:adult a aikg:AgeGroup ; rdfs:label "20~29岁"@zh-hans ; schema:minValue 20 ; schema:maxValue 29 .

# --- Sectors, products, policies, initiatives ------------------------------------------------

t:sectorX a aikg:Sector ; rdfs:label "测试行业"@zh-hans , "test sector"@en .
t:sectorY a aikg:Sector ; rdfs:label "测试子行业"@zh-hans , "test sub-sector"@en ;
    skos:broader t:sectorX .
t:sectorZ a aikg:Sector ; rdfs:label "无关行业"@zh-hans , "unrelated sector"@en .
t:product a schema:Product ; rdfs:label "测试产品"@zh-hans , "Test Product"@en ;
    aikg:appliesToSector t:sectorX .
t:tech a aikg:Technology ; rdfs:label "测试技术"@zh-hans , "test technology"@en ;
    aikg:empowers t:sectorX .

t:policy a schema:Legislation ;
    rdfs:label "测试规划"@zh-hans , "Test Plan"@en ;
    schema:legislationPassedBy t:orgC , t:orgA ;
    schema:legislationDate "2024-07"^^xsd:gYearMonth ;
    schema:legislationType doctype:guideline ;
    schema:legislationJurisdiction t:area ;
    aikg:appliesToSector t:sectorY , t:sectorX .
t:policy2 a schema:Legislation ;
    rdfs:label "测试办法"@zh-hans , "Test Measures"@en ;
    schema:legislationType doctype:regulation ;
    aikg:unstatedProperty schema:legislationPassedBy , schema:legislationDate .

t:initiative a aikg:Initiative ; rdfs:label "测试行动"@zh-hans , "test action"@en ;
    aikg:launchedBy t:policy .
t:launch a rdf:Statement ; rdf:subject t:initiative ; rdf:predicate aikg:launchedBy ;
    rdf:object t:policy ; prov:wasDerivedFrom t:docA .
t:launchAnno a oa:Annotation ; oa:hasBody t:launch ; oa:hasTarget t:launchTarget .
t:launchTarget oa:hasSource t:textA ; oa:hasSelector t:launchQuote , t:launchPos .
t:launchQuote a oa:TextQuoteSelector ; oa:exact "规划提出测试行动" .
t:launchPos a oa:TextPositionSelector ; oa:start 5 ; oa:end 13 .
t:empower a rdf:Statement , aikg:Empowerment ; rdf:subject t:tech ; rdf:predicate aikg:empowers ;
    rdf:object t:sectorX ; prov:wasDerivedFrom t:docA ;
    aikg:effect "提高效率"@zh-hans , "降低成本"@zh-hans , "higher efficiency"@en .
t:idle a aikg:Initiative ; rdfs:label "空闲行动"@zh-hans , "idle action"@en .

# --- Variables ---------------------------------------------------------------------------------

t:users a schema:StatisticalVariable ;
    rdfs:label "测试用户数"@zh-hans , "測試用戶數"@zh-hant , "number of test users"@en ;
    aikg:appliesToSector t:sectorY .
t:invest a schema:StatisticalVariable ;
    rdfs:label "测试投融资金额"@zh-hans , "test investment amount"@en .
t:adoption a schema:StatisticalVariable ;
    rdfs:label "测试生成式人工智能使用率"@zh-hans , "test usage rate of generative AI"@en .
t:sold a schema:StatisticalVariable ; rdfs:label "测试产品销量"@zh-hans , "test units sold"@en .

# --- Observations (each with its quote) --------------------------------------------------------

t:o1 a schema:Observation ; schema:variableMeasured t:users ; schema:value 100 ;
    schema:unitCode unit:NUM ; sdmx-dimension:refPeriod t:y2023 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docA .
t:o2 a schema:Observation ; schema:variableMeasured t:users ; schema:value 120 ;
    schema:minValue 120 ; aikg:valueQualifier qual:more-than ;
    schema:unitCode unit:NUM ; sdmx-dimension:refPeriod t:y2024 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docA ; prov:wasAttributedTo t:orgB .
t:o3 a schema:Observation ; schema:variableMeasured t:users ; schema:value 125 ;
    schema:unitCode unit:NUM ; sdmx-dimension:refPeriod t:y2024 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docB ; prov:hadPrimarySource t:orgA .
t:o4 a schema:Observation ; schema:variableMeasured t:users ; schema:value 90 ;
    schema:unitCode unit:NUM ; sdmx-dimension:refPeriod t:decade ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docB .
t:o5 a schema:Observation ; schema:variableMeasured t:invest ; schema:value 81.2 ;
    aikg:valueQualifier qual:about ;
    schema:unitCode cur:CNY ; sdmx-dimension:refPeriod t:h1 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docA .
t:o6 a schema:Observation ; schema:variableMeasured t:adoption ; schema:value 41.5 ;
    sdmx-dimension:age t:adult ; schema:unitCode unit:PERCENT ;
    sdmx-dimension:refPeriod t:y2024 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docA .
t:o7 a schema:Observation ; schema:variableMeasured t:adoption ; schema:value 21.1 ;
    sdmx-dimension:age t:young ; schema:unitCode unit:PERCENT ;
    sdmx-dimension:refPeriod t:y2024 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docA .
t:o8 a schema:Observation ; schema:variableMeasured t:users ; schema:value 100 ;
    schema:unitCode unit:NUM ; sdmx-dimension:refPeriod t:y2023 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docB .
t:o9 a schema:Observation ; schema:variableMeasured t:sold ; schema:value 7 ;
    schema:observationAbout t:product ;
    schema:unitCode unit:NUM ; sdmx-dimension:refPeriod t:y2024 ; sdmx-dimension:refArea t:area ;
    prov:wasDerivedFrom t:docA .

t:target a aikg:Target ; schema:variableMeasured t:invest ; schema:value 200 ;
    aikg:valueQualifier qual:at-least ; schema:minValue 200 ;
    schema:unitCode cur:CNY ; aikg:targetYear "2027"^^xsd:gYear ; aikg:targetOf t:policy ;
    prov:wasDerivedFrom t:docA .
"""

#: The quote of each observation (and of the target): fact -> (source text, start, quote).
QUOTES = {
    "o1": ("textA", 20, "用户一百"),
    "o2": ("textA", 40, "超过一百二十"),
    "o3": ("textB", 10, "一百二十五"),
    "o4": ("textB", 30, "十年九十"),
    "o5": ("textA", 60, "约八十一点二"),
    "o6": ("textA", 80, "二十至二十九岁百分之四十一点五"),
    "o7": ("textA", 100, "六至十九岁百分之二十一点一"),
    "o8": ("textB", 50, "用户一百"),
    "o9": ("textA", 120, "售出七件"),
    "target": ("textA", 140, "不少于两百"),
}


def evidence_ttl() -> str:
    lines = ["@prefix oa: <http://www.w3.org/ns/oa#> .", f"@prefix t: <{T}> ."]
    for fact, (text, start, quote) in QUOTES.items():
        lines.append(
            f"t:{fact}-anno a oa:Annotation ; oa:hasBody t:{fact} ; "
            f"oa:hasTarget t:{fact}-target .\n"
            f"t:{fact}-target oa:hasSource t:{text} ; "
            f"oa:hasSelector t:{fact}-quote , t:{fact}-pos .\n"
            f't:{fact}-quote a oa:TextQuoteSelector ; oa:exact "{quote}" .\n'
            f"t:{fact}-pos a oa:TextPositionSelector ; oa:start {start} ; "
            f"oa:end {start + len(quote)} ."
        )
    return "\n".join(lines) + "\n"


def write_sample(folder: Path) -> Path:
    """Write the sample graph to ``folder/sample.ttl`` and return the path."""
    path = folder / "sample.ttl"
    path.write_text(SAMPLE_TTL + evidence_ttl(), encoding="utf-8")
    return path
