"""The SPARQL queries that gather the facts the checks compare.

Observations (never targets) with their value, precision, qualifier, period, area and
denominator; the breakdown members of each; the change and share relations between variables;
the documents observations derive from; the quotes that state them; and the explanations
curators record for known disagreements (``aikg:ExplainedDisagreement``).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rdflib import Graph
from rdflib.query import ResultRow

from aikg.namespaces import sparql_prefixes

if TYPE_CHECKING:
    from aikg.store.base import GraphStore


class Reading:
    """Where the checks read the graph: the rows of a SELECT, and ``texts``, an rdflib graph
    that holds at least the labels, reading notes and explanations the report names.

    On rdflib's graph both are the graph itself. On an Oxigraph store
    (:meth:`of`) the queries run natively and ``texts`` is the small graph
    :data:`TEXTS` builds: nothing else of the graph reaches Python.
    """

    def __init__(self, graph: Graph) -> None:
        self.texts = graph

    def rows(self, query: str) -> Iterator[Any]:
        """The rows of the SELECT ``query``, each with its variables as attributes."""
        for row in self.texts.query(query):
            assert isinstance(row, ResultRow), "a SELECT query yields rows"
            yield row

    @staticmethod
    def of(source: Graph | GraphStore) -> Reading:
        """The reading of an rdflib graph, or of a store (natively on Oxigraph)."""
        if isinstance(source, Graph):
            return Reading(source)
        from aikg.store.oxigraph import OxigraphStore

        if isinstance(source, OxigraphStore):
            return _StoreReading(source)
        return Reading(source.graph())


class _StoreReading(Reading):
    """The queries run on Oxigraph; their terms converted to rdflib's."""

    def __init__(self, store: Any) -> None:
        from aikg.store.terms import RdflibTerms

        self.store = store.store
        self.term = RdflibTerms()
        texts = Graph()
        add = texts.store.add
        for triple in self.store.query(TEXTS):
            s, p, o = triple.subject, triple.predicate, triple.object
            add((self.term(s), self.term(p), self.term(o)), texts, quoted=False)
        self.texts = texts

    def rows(self, query: str) -> Iterator[Any]:
        solutions = self.store.query(query)
        row = namedtuple("row", [v.value for v in solutions.variables])  # type: ignore[misc]
        term = self.term
        for solution in solutions:
            yield row(*(term(value) for value in solution))


def select(graph: Graph | Reading, query: str) -> Iterator[Any]:
    """The rows of the SELECT ``query`` on ``graph`` (an rdflib graph, or a :class:`Reading`)."""
    reading = graph if isinstance(graph, Reading) else Reading(graph)
    return reading.rows(query)


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

TEXTS = (
    _PREFIXES
    + """
# What the report names by its text: the labels of the observations' variables and areas, of
# their documents' publishers and of the kinds of explained disagreements; reading notes;
# explanations.
CONSTRUCT { ?x ?p ?text }
WHERE {
  {
    { SELECT DISTINCT ?x WHERE {
        ?o a schema:Observation .
        { ?o schema:variableMeasured ?x } UNION { ?o sdmx-dimension:refArea ?x }
        UNION { ?o prov:wasDerivedFrom/schema:publisher ?x }
    } }
    ?x rdfs:label ?text .
    BIND (rdfs:label AS ?p)
  }
  UNION { ?x a schema:Observation ; aikg:readingNote ?text . BIND (aikg:readingNote AS ?p) }
  UNION {
    ?e a aikg:ExplainedDisagreement ; aikg:disagreementKind ?x .
    ?x rdfs:label ?text .
    BIND (rdfs:label AS ?p)
  }
  UNION { ?x a aikg:ExplainedDisagreement ; aikg:explanation ?text . BIND (aikg:explanation AS ?p) }
}
"""
)
