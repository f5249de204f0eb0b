"""The side panel of the view: each entity's details, with its evidence and sources.

In: the graph and the entity network. Out: the page's ``details`` and its shared tables
(evidence, sources, the labels of properties and of other resources), gathered by
:class:`Facts` as the page's data names their entries.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from rdflib.term import Identifier

from aikg.labels import Labels
from aikg.namespaces import AIKG, OA, SCHEMA, SDMX_DIM, shorten
from aikg.view.network import in_order, period_text, property_labels, value_text

# The page's data names each shared thing once and refers to it: evidence (a quote with its
# source) by its place in ``evidence``, a source document by its place in ``sources``, the
# label of a property by its prefixed name in ``properties``, the label of a resource that is
# not an entity (a unit, a place, a period, a qualifier ...) by its prefixed name in ``terms``.


# The terms read for every evidence and source, once: a namespace's attribute is a new URIRef
# each time (an rdflib Namespace builds and checks it), and a page reads them 100,000 times.
_HAS_TARGET, _HAS_SOURCE, _HAS_SELECTOR = OA.hasTarget, OA.hasSource, OA.hasSelector
_ENCODES = SCHEMA.encodesCreativeWork
#: What a selector gives an evidence entry: field, property (``start``, ``end``: numbers).
_SELECTOR_FIELDS = (
    ("quote", OA.exact),
    ("prefix", OA.prefix),
    ("suffix", OA.suffix),
    ("start", OA.start),
    ("end", OA.end),
)
_DERIVED_FROM, _MENTIONS = PROV.wasDerivedFrom, SCHEMA.mentions
_STATEMENT_PARTS = frozenset(
    {RDF.type, RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom}
)


def _safe_url(value: str) -> str | None:
    return value if re.match(r"^https?://", value, re.IGNORECASE) else None


class Facts:
    """Evidence and sources of the graph's facts, read once; the page's shared tables."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        #: the graph's labels, each node's read once
        self.labels = Labels(graph)
        #: the page's tables, filled as the page's data names their entries
        self.sources: list[dict[str, Any]] = []
        self.table: list[dict[str, Any]] = []
        self._docs: dict[URIRef, int] = {}
        self.properties: dict[str, dict[str, str]] = {}
        self.terms: dict[str, dict[str, str]] = {}
        self._slot: dict[URIRef, int] = {}
        self._stated: dict[Any, dict[str, str]] = {}
        self._periods: dict[Any, dict[str, str]] = {}
        self.annotations: dict[Any, list[URIRef]] = {}
        self.statements: dict[tuple[Any, Any, Any], list[URIRef]] = {}
        self._mentioned: dict[Any, list[Any]] | None = None
        annotations = graph.subjects(RDF.type, OA.Annotation)
        for anno in in_order(a for a in annotations if isinstance(a, Identifier)):
            for body in graph.objects(anno, OA.hasBody):
                self.annotations.setdefault(body, []).append(anno)  # type: ignore[arg-type]
        statements = graph.subjects(RDF.type, RDF.Statement)
        for stmt in in_order(s for s in statements if isinstance(s, Identifier)):
            key = (
                graph.value(stmt, RDF.subject),
                graph.value(stmt, RDF.predicate),
                graph.value(stmt, RDF.object),
            )
            self.statements.setdefault(key, []).append(stmt)  # type: ignore[arg-type]
        #: (subject, predicate) of every statement
        self.stated_pairs = {(s, p) for s, p, _ in self.statements}

    def names(self, node: Any) -> dict[str, str]:
        """The labels of ``node`` in both languages (read once a page, by :attr:`labels`)."""
        return self.labels(node).as_dict()

    def prop(self, prop: Any) -> str:
        """Register the label of the property ``prop`` and return its prefixed name."""
        curie = shorten(str(prop))
        if curie not in self.properties:
            self.properties[curie] = property_labels(self.graph, URIRef(prop)).as_dict()
        return curie

    def term(self, node: Any) -> str:
        """Register the label of the resource ``node`` and return its prefixed name."""
        curie = shorten(str(node))
        if curie not in self.terms:
            self.terms[curie] = self.names(node)
        return curie

    def stated(self, obs: Any) -> dict[str, str]:
        """The stated value of an observation or target in both languages."""
        if obs not in self._stated:
            self._stated[obs] = {
                lang: value_text(self.graph, obs, lang, self.labels) for lang in ("zh", "en")
            }
        return self._stated[obs]

    def period(self, obs: Any) -> dict[str, str]:
        """The period of an observation or target as written in each language."""
        if obs not in self._periods:
            self._periods[obs] = {
                lang: period_text(self.graph, obs, lang, self.labels) for lang in ("zh", "en")
            }
        return self._periods[obs]

    def source(self, doc: URIRef) -> int:
        """Register the source document ``doc`` and return its place in ``sources``."""
        if doc in self._docs:
            return self._docs[doc]
        g = self.graph
        title = g.value(doc, SCHEMA.name)
        names = self.names(doc)
        publisher = g.value(doc, SCHEMA.publisher)
        reliability = g.value(doc, AIKG.reliability)
        date = g.value(doc, SCHEMA.datePublished)
        url = g.value(doc, SCHEMA.url)
        text = g.value(doc, AIKG.sourceText)
        path = g.value(text, AIKG.sourcePath) if text is not None else None
        self._docs[doc] = len(self.sources)
        self.sources.append({
            "iri": str(doc),
            "title": str(title) if title is not None else names["zh"],
            "name": names,
            "publisher": self.names(publisher) if isinstance(publisher, URIRef) else None,
            "date": str(date) if date is not None else None,
            "dateUnknown": bool(g.value(doc, AIKG.dateUnknown)),
            "url": _safe_url(str(url)) if url is not None else None,
            "reliability": self.names(reliability) if isinstance(reliability, URIRef) else None,
            "path": str(path) if path is not None else None,
        })  # fmt: skip
        return self._docs[doc]

    def _evidence(self, anno: URIRef) -> int:
        """The place of the annotation ``anno`` in the page's evidence table (added once)."""
        if anno in self._slot:
            return self._slot[anno]
        g = self.graph
        item: dict[str, Any] = {}
        for target in g.objects(anno, _HAS_TARGET):
            source_text = g.value(target, _HAS_SOURCE)
            doc = g.value(source_text, _ENCODES) if source_text else None
            if isinstance(doc, URIRef):
                item["doc"] = self.source(doc)
            for selector in g.objects(target, _HAS_SELECTOR):
                # each property's first value, as graph.value gives it, read in one pass (a
                # selector has two or three of the five)
                first: dict[Any, Any] = {}
                for prop, found in g.predicate_objects(selector):
                    first.setdefault(prop, found)
                for field, prop in _SELECTOR_FIELDS:
                    value = first.get(prop)
                    if value is not None:
                        if field in ("start", "end") and isinstance(value, Literal):
                            item[field] = value.toPython()
                        else:
                            item[field] = str(value)
        self._slot[anno] = len(self.table)
        self.table.append(item)
        return self._slot[anno]

    def of(self, node: Any) -> list[int]:
        """The evidence of ``node`` (places in the evidence table)."""
        return [self._evidence(anno) for anno in self.annotations.get(node, [])]

    def derived(self, node: Any) -> list[int]:
        """The documents ``node`` was derived from or is mentioned in (places in ``sources``)."""
        if self._mentioned is None:  # who mentions what, read in one pass at the first call
            self._mentioned = {}
            for doc, mentioned in self.graph.subject_objects(_MENTIONS):
                self._mentioned.setdefault(mentioned, []).append(doc)
        docs = set(self.graph.objects(node, _DERIVED_FROM))
        docs.update(self._mentioned.get(node, ()))
        return [self.source(d) for d in in_order(d for d in docs if isinstance(d, URIRef))]

    def statement(
        self, s: Any, p: Any, o: Any
    ) -> tuple[list[int], list[int], list[dict[str, Any]]]:
        """Evidence, source documents and notes (e.g. effects) of the triple's statements."""
        evidence: list[int] = []
        docs: list[int] = []
        notes: list[dict[str, Any]] = []
        skip = _STATEMENT_PARTS
        for stmt in self.statements.get((s, p, o), []):
            evidence += self.of(stmt)
            docs += [
                self.source(d)
                for d in self.graph.objects(stmt, _DERIVED_FROM)
                if isinstance(d, URIRef)
            ]
            for prop, value in sorted(self.graph.predicate_objects(stmt)):
                if prop in skip or not isinstance(value, Literal):
                    continue
                note = {"p": self.prop(prop), "text": str(value)}
                if value.language:
                    note["lang"] = value.language
                notes.append(note)
        return evidence, sorted(set(docs), key=lambda d: self.sources[d]["iri"]), notes


#: What the measure of an observation or target shows, read from one of its properties.
_MEASURE_PROPERTIES = {
    "value": "schema:value",
    "unit": "schema:unitCode",
    "unitText": "schema:unitText",
    "qualifier": "aikg:valueQualifier",
    "period": "sdmx-dimension:refPeriod",
    "area": "sdmx-dimension:refArea",
}


def _measure(
    graph: Graph, facts: Facts, obs: URIRef, props: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """The stated value, unit, period ... of an observation or target. A field that is the one
    value of its property in ``props`` is left out: the page reads it there."""
    unit = graph.value(obs, SCHEMA.unitCode)
    qualifier = graph.value(obs, AIKG.valueQualifier)
    period = graph.value(obs, SDMX_DIM.refPeriod)
    area = graph.value(obs, SDMX_DIM.refArea)
    value = graph.value(obs, SCHEMA.value)
    unit_text = graph.value(obs, SCHEMA.unitText)
    # each field with what its property's one value is in ``props`` when it says the same
    found: dict[str, tuple[Any, Any]] = {
        "stated": (facts.stated(obs), None),
        "value": (str(value), {"text": str(value)}) if value is not None else (None, None),
        "unit": (facts.term(unit), {"curie": facts.term(unit)})
        if isinstance(unit, URIRef)
        else (None, None),
        "unitText": (str(unit_text), {"text": str(unit_text)}) if unit_text else (None, None),
        "qualifier": (facts.term(qualifier), {"curie": facts.term(qualifier)})
        if isinstance(qualifier, URIRef)
        else (None, None),
        "period": (facts.names(period), {"curie": facts.term(period)})
        if isinstance(period, URIRef)
        else (facts.period(obs), None),
        "periodCode": (_notation(graph, period), None),
        "area": (facts.term(area), {"curie": facts.term(area)})
        if isinstance(area, URIRef)
        else (None, None),
    }
    out: dict[str, Any] = {}
    for key, (shown, same) in found.items():
        values = props.get(_MEASURE_PROPERTIES.get(key, ""), [])
        if shown is None or (
            same is not None
            and len(values) == 1
            and all(values[0].get(k) == v for k, v in same.items())
        ):
            continue
        out[key] = shown
    return out


def _notation(graph: Graph, node: Any) -> str | None:
    value = graph.value(node, SKOS.notation) if node is not None else None
    return str(value) if value is not None and str(value) else None


def details(
    graph: Graph, net: nx.MultiDiGraph, facts: Facts, degree: dict[str, int]
) -> dict[str, Any]:
    """Each entity's panel: only what it has (an absent field is empty, or the name)."""
    measured = {shorten(str(SCHEMA.Observation)), shorten(str(AIKG.Target))}
    out: dict[str, Any] = {}
    for node, data in net.nodes(data=True):
        iri = URIRef(node)
        props: dict[str, list[dict[str, Any]]] = {}
        for prop, values in sorted(data.get("properties", {}).items(), key=lambda p: shorten(p[0])):
            shown = []
            predicate = URIRef(prop)
            stated = (iri, predicate) in facts.stated_pairs  # statements about its values?
            for value in values:
                if "iri" in value:
                    obj: Any = URIRef(value["iri"])
                    item: dict[str, Any] = {"curie": facts.term(obj)}
                else:
                    item = dict(value)
                    obj = _literal(graph, iri, predicate, value) if stated else None
                evidence: list[int] = []
                docs: list[int] = []
                if stated:
                    evidence, docs, _ = facts.statement(iri, predicate, obj)
                if evidence:
                    item["ev"] = evidence
                if docs:
                    item["docs"] = docs
                shown.append(item)
            props[facts.prop(prop)] = shown
        name = {"zh": data["name_zh"], "en": data["name_en"]}
        label = {"zh": data["label_zh"], "en": data["label_en"]}
        entry: dict[str, Any] = {"cls": data["cls"], "name": name}
        if data["curie"] != node:
            entry["curie"] = data["curie"]
        if data["classes"] != [data["cls"]]:
            entry["classes"] = data["classes"]
        if label != name:
            entry["label"] = label
        if data.get("aliases"):
            entry["aliases"] = data["aliases"]
        entry["degree"] = degree.get(node, 0)
        if props:
            entry["props"] = props
        evidence, docs = facts.of(iri), facts.derived(iri)
        if evidence:
            entry["ev"] = evidence
        if docs:
            entry["docs"] = docs
        if data["cls"] in measured or any(c in measured for c in data["classes"]):
            entry["measure"] = _measure(graph, facts, iri, props)
        out[node] = entry
    return out


def _literal(graph: Graph, subject: URIRef, prop: URIRef, value: dict[str, Any]) -> Any:
    """The graph's literal behind a property value (to find its statement)."""
    for obj in graph.objects(subject, prop):
        if not isinstance(obj, Literal) or str(obj) != value.get("text"):
            continue
        if (obj.language or None) == value.get("lang"):
            return obj
    return None
