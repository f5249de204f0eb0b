"""Small graphs for the network, analytics and view tests (test data, not facts).

``SAMPLE`` is a tiny graph with one of each thing the bridge handles: entities of several
classes, a relation with a statement and its evidence, a membership, an observation with its
period and unit, a source document that mentions entities. ``hostile_graph`` builds a graph
whose labels, notes, titles, quotes and links try to inject HTML and script.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from aikg.namespaces import AIKG, ID, OA, SCHEMA, bind_prefixes

PREFIXES = """
@prefix aikg: <https://w3id.org/aikg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix unit: <http://qudt.org/vocab/unit/> .
@prefix qual: <https://w3id.org/aikg/vocab/qualifier/> .
@prefix reliability: <https://w3id.org/aikg/vocab/reliability/> .
@prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
@prefix t: <https://example.org/aikg-test/> .
"""

SAMPLE = (
    PREFIXES
    + """
t:policy a schema:Legislation ;
    rdfs:label "测试政策"@zh-hans , "Test Policy"@en ;
    skos:altLabel "政策甲"@zh-hans ;
    schema:legislationPassedBy t:ministry ;
    aikg:appliesToSector t:sector ;
    schema:legislationDate "2024"^^xsd:gYear ;
    schema:legislationJurisdiction t:country .

t:ministry a schema:Organization ;
    rdfs:label "测试部"@zh-hans , "Test Ministry"@en .

t:person a schema:Person ; rdfs:label "张测试"@zh-hans , "Zhang Ceshi"@en .
t:membership a org:Membership ;
    org:member t:person ; org:organization t:ministry ; org:role t:minister .
t:minister a org:Role ; rdfs:label "部长"@zh-hans , "minister"@en .

t:sector a aikg:Sector ; rdfs:label "测试行业"@zh-hans , "test sector"@en .
t:tech a aikg:Technology ;
    rdfs:label "測試技術"@zh-hant , "测试技术"@zh-hans , "test technology"@en ;
    aikg:empowers t:sector .
t:lonely a aikg:Technology ;
    rdfs:label "孤立技术"@zh-hans , "lonely technology"@en ;
    skos:altLabel "测试部"@zh-hans .

t:variable a schema:StatisticalVariable ;
    rdfs:label "测试企业数量"@zh-hans , "number of test enterprises"@en .
t:observation a schema:Observation ;
    rdfs:label "测试企业数量：超4500家"@zh-hans ,
        "number of test enterprises: more than 4,500 (2024)"@en ;
    schema:variableMeasured t:variable ;
    schema:value 4500 ;
    schema:unitCode unit:NUM ;
    schema:unitText "家" ;
    aikg:valueQualifier qual:more-than ;
    sdmx-dimension:refPeriod t:year2024 ;
    sdmx-dimension:refArea t:country ;
    prov:wasDerivedFrom t:article .
t:year2024 a time:Interval ;
    rdfs:label "2024年"@zh-hans , "2024"@en ;
    skos:notation "2024-01-01/2024-12-31" .
t:country a schema:Country ; rdfs:label "测试国"@zh-hans , "Testland"@en .

t:article a aikg:SourceDocument , schema:Article ;
    rdfs:label "测试文章"@zh-hans , "Test article"@en ;
    schema:name "测试文章的标题"@zh-hans ;
    schema:publisher t:ministry ;
    schema:datePublished "2025-01-02"^^xsd:date ;
    schema:url "https://example.org/test-article"^^xsd:anyURI ;
    aikg:reliability reliability:official ;
    aikg:sourceText t:text ;
    schema:mentions t:policy , t:tech , t:ministry .
t:text a aikg:SourceText ;
    schema:encodesCreativeWork t:article ;
    aikg:sourcePath "sources/test-article.md" .

t:anno-ministry a oa:Annotation ;
    oa:hasBody t:ministry ;
    oa:hasTarget [ a oa:SpecificResource ; oa:hasSource t:text ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "测试部的引文" ] ,
            [ a oa:TextPositionSelector ; oa:start 10 ; oa:end 16 ] ] .

t:stmt-empowers a rdf:Statement ;
    rdf:subject t:tech ; rdf:predicate aikg:empowers ; rdf:object t:sector ;
    prov:wasDerivedFrom t:article ;
    aikg:effect "提高测试效率"@zh-hans , "more efficient tests"@en .
t:anno-empowers a oa:Annotation ;
    oa:hasBody t:stmt-empowers ;
    oa:hasTarget [ a oa:SpecificResource ; oa:hasSource t:text ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "技术赋能行业的引文" ] ,
            [ a oa:TextPositionSelector ; oa:start 20 ; oa:end 29 ] ] .
"""
)

T = Namespace("https://example.org/aikg-test/")

#: The entities of SAMPLE (what the view must draw, no more, no less).
SAMPLE_ENTITIES = {
    str(T[name])
    for name in (
        "policy", "ministry", "person", "sector", "tech", "lonely", "variable", "observation",
        "article",
    )
}  # fmt: skip


def write_sample(folder: Path) -> Path:
    path = folder / "sample.ttl"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


#: Labels and texts that try to break out of text into HTML or script.
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert('en')</script>"
QUOTES = "\"quotes' & ampersands </script><script>alert(3)</script>"
BOLD = "<b onmouseover=alert(4)>bold</b>"
LONG = "长" * 2500 + "<svg onload=alert(5)>" + "end"
TITLE = "<iframe src=javascript:alert(6)></iframe>"
EDGE = "<img src=y onerror=alert(8)>"
NOTE = "<script>alert(9)</script>"
QUOTE = "<img src=q onerror=alert(11)> & </blockquote>"
PATH = "<img src=z onerror=alert(10)>"
UNIT = "<b>家</b>"
OBS = "x：<img src=o onerror=alert(12)>"
EVIL = Namespace("https://example.org/evil/")
#: An entity IRI with characters that mean something in HTML and URLs.
ODD_IRI = URIRef("https://example.org/evil/it's&amp;x=1'")


def hostile_graph() -> Graph:
    g = bind_prefixes(Graph())
    org, tech, sector, doc, var, obs = (
        EVIL.org, EVIL.tech, EVIL.sector, EVIL.doc, EVIL.var, EVIL.obs,
    )  # fmt: skip
    g.add((org, RDF.type, SCHEMA.Organization))
    g.add((org, RDFS.label, Literal(IMG, lang="zh-hans")))
    g.add((org, RDFS.label, Literal(SCRIPT, lang="en")))
    g.add((org, SKOS.note, Literal(NOTE)))
    g.add((tech, RDF.type, AIKG.Technology))
    g.add((tech, RDFS.label, Literal(QUOTES, lang="zh-hans")))
    g.add((tech, SKOS.altLabel, Literal(BOLD, lang="zh-hans")))
    g.add((sector, RDF.type, AIKG.Sector))
    g.add((sector, RDFS.label, Literal(LONG, lang="zh-hans")))
    g.add((tech, AIKG.appliesToSector, sector))
    prop = EVIL.prop
    g.add((prop, RDF.type, OWL.ObjectProperty))
    g.add((prop, RDFS.label, Literal(EDGE, lang="zh-hans")))
    g.add((org, prop, tech))
    g.add((ODD_IRI, RDF.type, SCHEMA.Organization))
    g.add((ODD_IRI, RDFS.label, Literal("奇怪的IRI", lang="zh-hans")))
    g.add((ODD_IRI, SCHEMA.url, Literal("javascript:alert(13)", datatype=XSD.anyURI)))
    text = ID["text"]["sha256-evil"]
    g.add((doc, RDF.type, AIKG.SourceDocument))
    g.add((doc, RDF.type, SCHEMA.Article))
    g.add((doc, SCHEMA.name, Literal(TITLE)))
    g.add((doc, RDFS.label, Literal(TITLE, lang="zh-hans")))
    g.add((doc, SCHEMA.url, Literal("javascript:alert(7)", datatype=XSD.anyURI)))
    g.add((doc, SCHEMA.publisher, org))
    g.add((doc, SCHEMA.datePublished, Literal("2025-01-01", datatype=XSD.date)))
    g.add((doc, AIKG.sourceText, text))
    g.add((doc, SCHEMA.mentions, org))
    g.add((text, RDF.type, AIKG.SourceText))
    g.add((text, SCHEMA.encodesCreativeWork, doc))
    g.add((text, AIKG.sourcePath, Literal(PATH)))
    anno, target = EVIL["anno"], EVIL["anno-target"]
    quote, position = EVIL["anno-quote"], EVIL["anno-position"]
    g.add((anno, RDF.type, OA.Annotation))
    g.add((anno, OA.hasBody, org))
    g.add((anno, OA.hasTarget, target))
    g.add((target, OA.hasSource, text))
    g.add((target, OA.hasSelector, quote))
    g.add((target, OA.hasSelector, position))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(QUOTE)))
    g.add((quote, OA.prefix, Literal("<i>before</i>")))
    g.add((quote, OA.suffix, Literal("<u>after</u>")))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(1)))
    g.add((position, OA.end, Literal(2)))
    g.add((var, RDF.type, SCHEMA.StatisticalVariable))
    g.add((var, RDFS.label, Literal(BOLD, lang="zh-hans")))
    g.add((obs, RDF.type, SCHEMA.Observation))
    g.add((obs, RDFS.label, Literal(OBS, lang="zh-hans")))
    g.add((obs, SCHEMA.variableMeasured, var))
    g.add((obs, SCHEMA.value, Literal(5)))
    g.add((obs, SCHEMA.unitText, Literal(UNIT)))
    g.add((obs, PROV.wasDerivedFrom, doc))
    return g


HOSTILE_LABELS = {
    str(EVIL.org): IMG,
    str(EVIL.tech): QUOTES,
    str(EVIL.sector): LONG,
    str(EVIL.doc): TITLE,
    str(EVIL.var): BOLD,
}


def write_hostile(folder: Path) -> Path:
    path = folder / "hostile.ttl"
    hostile_graph().serialize(path, format="turtle")
    return path


#: A source title that tries to inject HTML into the series chart's source detail.
SERIES_TITLE = "<img src=s onerror=alert(14)><svg onload=alert(15)>"
#: A quote of an observation that tries the same.
SERIES_QUOTE = "<b onmouseover=alert(16)>150</b>"

SERIES = (
    PREFIXES
    + """
@prefix s: <https://example.org/aikg-series/> .

s:users a schema:StatisticalVariable ;
    rdfs:label "测试用户规模"@zh-hans , "test users"@en .
s:users-wide a schema:StatisticalVariable ;
    rdfs:label "测试用户规模（宽口径）"@zh-hans , "test users (wide scope)"@en .
s:single a schema:StatisticalVariable ;
    rdfs:label "只有一个观测值的变量"@zh-hans , "a variable observed once"@en .
s:young a aikg:AgeGroup ; rdfs:label "青年"@zh-hans , "young people"@en ; skos:notation "15-24" .
s:country a schema:Country ; rdfs:label "测试国"@zh-hans , "Testland"@en .
s:bureau a schema:Organization ; rdfs:label "测试统计局"@zh-hans , "Test Statistics Bureau"@en .
s:policy a schema:Legislation ; rdfs:label "测试规划"@zh-hans , "Test Plan"@en .

s:d2022 a time:Instant ; skos:notation "2022-12-31" .
s:d2023 a time:Instant ; skos:notation "2023-12-31" .
s:y2024 a time:Interval ; skos:notation "2024-01-01/2024-12-31" .
s:open2025 a time:Interval ; skos:notation "../2025-03-01" .
s:decade a time:Interval ; skos:notation "P10Y" .

s:obs-2022 a schema:Observation ;
    rdfs:label "测试用户规模：超100人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 100 ; schema:unitCode unit:NUM ;
    schema:unitText "人" ; aikg:valueQualifier qual:more-than ;
    sdmx-dimension:refPeriod s:d2022 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-b .
s:obs-2023-a a schema:Observation ;
    rdfs:label "测试用户规模：150人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 150 ; schema:unitCode unit:NUM ;
    schema:unitText "人" ;
    sdmx-dimension:refPeriod s:d2023 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-2023-b a schema:Observation ;
    rdfs:label "测试用户规模：150人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 150 ; schema:unitCode unit:NUM ;
    schema:unitText "人" ;
    sdmx-dimension:refPeriod s:d2023 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-b .
s:obs-2024 a schema:Observation ;
    rdfs:label "测试用户规模：200人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 200 ; schema:unitCode unit:NUM ;
    schema:unitText "人" ;
    sdmx-dimension:refPeriod s:y2024 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-open a schema:Observation ;
    rdfs:label "测试用户规模：210人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 210 ; schema:unitCode unit:NUM ;
    schema:unitText "人" ;
    sdmx-dimension:refPeriod s:open2025 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-decade a schema:Observation ;
    rdfs:label "测试用户规模：90人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 90 ; schema:unitCode unit:NUM ;
    schema:unitText "人" ;
    sdmx-dimension:refPeriod s:decade ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-young-2024 a schema:Observation ;
    rdfs:label "测试用户规模（青年）：40人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 40 ; schema:unitCode unit:NUM ;
    schema:unitText "人" ; sdmx-dimension:age s:young ;
    sdmx-dimension:refPeriod s:y2024 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-2024-converted a schema:Observation ;
    rdfs:label "测试用户规模：0.2百人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 2 ; schema:unitCode unit:PERCENT ;
    aikg:currencyConversionOf s:obs-2024 ;
    sdmx-dimension:refPeriod s:y2024 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:target-2027 a aikg:Target ;
    rdfs:label "测试用户规模目标：500人"@zh-hans ;
    schema:variableMeasured s:users ; schema:value 500 ; schema:unitCode unit:NUM ;
    aikg:targetYear "2027"^^xsd:gYear ; aikg:targetOf s:policy ;
    sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-wide-2023 a schema:Observation ;
    schema:variableMeasured s:users-wide ; schema:value 900 ; schema:unitCode unit:NUM ;
    sdmx-dimension:refPeriod s:d2023 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-wide-2024 a schema:Observation ;
    schema:variableMeasured s:users-wide ; schema:value 950 ; schema:unitCode unit:NUM ;
    sdmx-dimension:refPeriod s:y2024 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .
s:obs-single a schema:Observation ;
    schema:variableMeasured s:single ; schema:value 7 ; schema:unitCode unit:NUM ;
    sdmx-dimension:refPeriod s:d2023 ; sdmx-dimension:refArea s:country ;
    prov:wasDerivedFrom s:doc-a .

s:doc-a a aikg:SourceDocument , schema:Article ;
    rdfs:label "测试用户报告"@zh-hans , "Test users report"@en ;
    schema:name "测试用户报告的标题"@zh-hans ;
    schema:publisher s:bureau ;
    schema:datePublished "2025-03-01"^^xsd:date ;
    schema:url "https://example.org/users-report"^^xsd:anyURI ;
    aikg:reliability reliability:official ;
    aikg:sourceText s:text-a .
s:text-a a aikg:SourceText ; schema:encodesCreativeWork s:doc-a ;
    aikg:sourcePath "sources/users-report.md" .
s:doc-b a aikg:SourceDocument , schema:Article ;
    rdfs:label "转载的测试报道"@zh-hans , "A relayed test story"@en ;
    schema:name \"\"\""""
    + SERIES_TITLE
    + """\"\"\" ;
    schema:publisher s:bureau ;
    schema:datePublished "2024-02-01"^^xsd:date ;
    schema:url "javascript:alert(17)"^^xsd:anyURI ;
    aikg:sourceText s:text-b .
s:text-b a aikg:SourceText ; schema:encodesCreativeWork s:doc-b ;
    aikg:sourcePath "sources/relayed-story.md" .

s:anno-2023-a a oa:Annotation ;
    oa:hasBody s:obs-2023-a ;
    oa:hasTarget [ a oa:SpecificResource ; oa:hasSource s:text-a ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "用户规模达150人" ] ,
            [ a oa:TextPositionSelector ; oa:start 30 ; oa:end 38 ] ] .
s:anno-2023-b a oa:Annotation ;
    oa:hasBody s:obs-2023-b ;
    oa:hasTarget [ a oa:SpecificResource ; oa:hasSource s:text-b ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact \"\"\""""
    + SERIES_QUOTE
    + """\"\"\" ] ,
            [ a oa:TextPositionSelector ; oa:start 5 ; oa:end 37 ] ] .
"""
)

S = Namespace("https://example.org/aikg-series/")


def write_series(folder: Path) -> Path:
    path = folder / "series.ttl"
    path.write_text(SERIES, encoding="utf-8")
    return path
