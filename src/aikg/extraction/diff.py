"""``aikg extract --diff``: what a draft adds to the graph, and where it disagrees with it.

- new entities: the draft's new entities and variables (IRIs ``…/draft-…``, marked aikg:draft);
- observations: each drafted observation is *already curated* (the graph holds one with the same
  value, unit kind and an overlapping span of the same source text), *agrees* (the graph holds
  one of the same variable, period, area and breakdown with the same value), or *new*;
- conflicts: the consistency checker (:func:`aikg.consistency.check`) run over the graph plus
  the draft; the conflicts that involve the draft's document are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Identifier

from aikg.extraction.evaluate import spans
from aikg.extraction.sheet import Draft
from aikg.extraction.units import unit_kind
from aikg.labels import label
from aikg.namespaces import AIKG, SCHEMA, SDMX_DIM, shorten


@dataclass
class DiffReport:
    document: str
    new_entities: list[dict[str, str]] = field(default_factory=list)
    observations: list[dict[str, str]] = field(default_factory=list)
    targets: list[dict[str, str]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def has_conflict(self) -> bool:
        return bool(self.conflicts)

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "new_entities": self.new_entities,
            "observations": self.observations,
            "targets": self.targets,
            "conflicts": self.conflicts,
        }


def _signature(graph: Graph, obs: URIRef) -> tuple[Any, ...]:
    return (
        graph.value(obs, SCHEMA.variableMeasured),
        graph.value(obs, SDMX_DIM.refPeriod),
        graph.value(obs, SDMX_DIM.refArea),
        graph.value(obs, SDMX_DIM.age),
    )


def _value(graph: Graph, obs: URIRef) -> tuple[Decimal, str] | None:
    value, unit = graph.value(obs, SCHEMA.value), graph.value(obs, SCHEMA.unitCode)
    if value is None or unit is None:
        return None
    return Decimal(str(value)), unit_kind(str(unit))


def diff(draft: Draft, graph: Graph) -> DiffReport:
    """Compare ``draft`` with ``graph`` (the current graph, ontology included)."""
    from aikg.consistency import CONFLICT, check

    g = draft.graph
    doc = next(iter(g.subjects(RDF.type, AIKG.SourceDocument)))
    report = DiffReport(str(draft.path))
    drafted = {e for e in g.subjects(AIKG.draft, None) if isinstance(e, URIRef)}
    for entity in sorted(drafted - {doc}):
        types = sorted(shorten(str(t)) for t in g.objects(entity, RDF.type))
        report.new_entities.append(
            {"iri": shorten(str(entity)), "type": ", ".join(types), "label": label(g, entity)}
        )
    existing_spans = [
        (b, s) for b, s, _ in spans(graph) if (b, RDF.type, SCHEMA.Observation) in graph
    ]
    by_signature: dict[tuple[Any, ...], list[URIRef]] = {}
    for obs in graph.subjects(RDF.type, SCHEMA.Observation):
        if isinstance(obs, URIRef):
            by_signature.setdefault(_signature(graph, obs), []).append(obs)
    draft_spans = {b: s for b, s, _ in spans(g)}
    for kind, cls, rows in (
        ("observation", SCHEMA.Observation, report.observations),
        ("target", AIKG.Target, report.targets),
    ):
        for obs in sorted(o for o in g.subjects(RDF.type, cls) if isinstance(o, Identifier)):
            assert isinstance(obs, URIRef)
            value = _value(g, obs)
            status, other = "new", ""
            span = draft_spans.get(obs)
            for body, existing in existing_spans:
                if span is not None and existing.overlaps(span) and _value(graph, body) == value:
                    status, other = "already curated", shorten(str(body))
                    break
            if status == "new" and kind == "observation":
                for body in by_signature.get(_signature(g, obs), []):
                    if _value(graph, body) == value:
                        status, other = "agrees with the graph", shorten(str(body))
                        break
            rows.append(
                {
                    "iri": shorten(str(obs)),
                    "label": label(g, obs),
                    "variable": shorten(str(g.value(obs, SCHEMA.variableMeasured))),
                    "status": status,
                    "graph": other,
                }
            )
    result = check(graph + g)
    doc_iri = str(doc)
    for finding in result.findings:
        if finding.severity == CONFLICT and doc_iri in finding.documents:
            entry = finding.to_json()
            entry["note"] = (
                "The draft's variable was chosen by label similarity: check it before "
                "trusting this conflict."
            )
            report.conflicts.append(entry)
    return report
