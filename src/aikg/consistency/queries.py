"""The SPARQL queries that gather the facts the checks compare.

Observations (never targets) with their value, precision, qualifier, period, area and
denominator; the breakdown members of each; the change and share relations between variables;
the documents observations derive from; the quotes that state them; and the explanations
curators record for known disagreements (``aikg:ExplainedDisagreement``).
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph
from rdflib.query import ResultRow

from aikg.namespaces import sparql_prefixes


def select(graph: Graph, query: str) -> Iterator[ResultRow]:
    """The rows of the SELECT ``query`` on ``graph``, typed as rows: rdflib types what a
    result yields as a row, an ASK's boolean or a CONSTRUCT's triple alike."""
    for row in graph.query(query):
        assert isinstance(row, ResultRow), "a SELECT query yields rows"
        yield row


_PREFIXES = "\n" + sparql_prefixes(
    "aikg", "schema", "sdmx-dimension", "skos", "prov", "oa", "rdfs", "sdmx-attribute"
)

OBSERVATIONS = (
    _PREFIXES
    + """
SELECT ?obs ?var ?value ?unit ?precision ?q ?qualifier ?direction ?exclusive ?min ?max
       ?period ?periodNotation ?basePeriod ?basePeriodNotation ?area ?denominator ?doc
       ?status ?statusNotation ?conversionOf
WHERE {
  ?obs a schema:Observation ;
       schema:variableMeasured ?var ;
       schema:value ?value .
  FILTER NOT EXISTS { ?obs a aikg:Target }
  OPTIONAL { ?obs schema:unitCode ?unit }
  OPTIONAL { ?obs aikg:precision ?precision }
  OPTIONAL {
    ?obs aikg:valueQualifier ?q .
    OPTIONAL { ?q skos:notation ?qualifier }
    OPTIONAL { ?q aikg:boundDirection ?direction }
    OPTIONAL { ?q aikg:boundExclusive ?exclusive }
  }
  OPTIONAL { ?obs schema:minValue ?min }
  OPTIONAL { ?obs schema:maxValue ?max }
  OPTIONAL {
    ?obs sdmx-dimension:refPeriod ?period .
    OPTIONAL { ?period skos:notation ?periodNotation }
  }
  OPTIONAL {
    ?obs aikg:basePeriod ?basePeriod .
    OPTIONAL { ?basePeriod skos:notation ?basePeriodNotation }
  }
  OPTIONAL { ?obs sdmx-dimension:refArea ?area }
  OPTIONAL { ?obs schema:measurementDenominator ?denominator }
  OPTIONAL { ?obs prov:wasDerivedFrom ?doc }
  OPTIONAL {
    ?obs sdmx-attribute:obsStatus ?status .
    OPTIONAL { ?status skos:notation ?statusNotation }
  }
  OPTIONAL { ?obs aikg:currencyConversionOf ?conversionOf }
}
"""
)

BREAKDOWNS = (
    _PREFIXES
    + """
SELECT ?obs ?dimension ?member
WHERE {
  ?obs a schema:Observation ; ?dimension ?member .
  FILTER NOT EXISTS { ?obs a aikg:Target }
  FILTER (?dimension = schema:observationAbout
          || (STRSTARTS(STR(?dimension), STR(sdmx-dimension:))
              && ?dimension NOT IN (sdmx-dimension:refPeriod, sdmx-dimension:refArea)))
}
"""
)

VARIABLES = (
    _PREFIXES
    + """
SELECT ?var ?changeOf ?changeType ?numerator
WHERE {
  { ?var aikg:changeOf ?changeOf . OPTIONAL { ?var aikg:changeType ?changeType } }
  UNION
  { ?var aikg:numerator ?numerator }
}
"""
)

DOCUMENTS = (
    _PREFIXES
    + """
SELECT DISTINCT ?doc ?name ?publisher ?reliability ?date ?dateUnknown
WHERE {
  ?obs a schema:Observation ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc schema:name ?name }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc aikg:reliability ?r . OPTIONAL { ?r skos:notation ?reliability } }
  OPTIONAL { ?doc schema:datePublished ?date }
  OPTIONAL { ?doc aikg:dateUnknown ?dateUnknown }
}
"""
)

QUOTES = (
    _PREFIXES
    + """
SELECT ?obs ?exact
WHERE {
  ?obs a schema:Observation .
  ?annotation oa:hasBody ?obs ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
}
"""
)

EXPLANATIONS = (
    _PREFIXES
    + """
SELECT ?explanation ?observation ?kind ?kindNotation ?curators
WHERE {
  ?explanation a aikg:ExplainedDisagreement ;
      aikg:disagreeingObservation ?observation .
  OPTIONAL {
    ?explanation aikg:disagreementKind ?kind .
    OPTIONAL { ?kind skos:notation ?kindNotation }
  }
  OPTIONAL {
    ?explanation prov:wasAttributedTo aikg:curators .
    BIND (true AS ?curators)
  }
}
"""
)

EXPLANATION_SOURCES = (
    _PREFIXES
    + """
SELECT ?explanation ?doc ?name ?exact
WHERE {
  ?explanation a aikg:ExplainedDisagreement ;
      prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc schema:name ?name }
  OPTIONAL {
    # the quote of this document: an annotation's target names the text of its document
    ?annotation oa:hasBody ?explanation ; oa:hasTarget ?target .
    ?target oa:hasSelector/oa:exact ?exact .
    OPTIONAL { ?target oa:hasSource/schema:encodesCreativeWork ?quoted }
    FILTER (!BOUND(?quoted) || ?quoted = ?doc)
  }
}
"""
)
