"""Explained disagreements: findings a curator has explained in the graph.

An ``aikg:ExplainedDisagreement`` names the observations of a known disagreement, its kind (a
revision, a different method ...), an explanation in Chinese and English, and its basis: a
document that states the reason (with the quote), or the curators. A finding is explained when
one such record names every observation whose figures it compares; it keeps its severity, is
listed apart, and does not fail the check. A record that covers no finding is reported as
unused (the figures it explains may have been corrected or re-curated).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from rdflib import Graph, Literal, URIRef

from aikg.consistency.facts import label
from aikg.consistency.queries import EXPLANATION_SOURCES, EXPLANATIONS, Reading, select
from aikg.consistency.report import CheckReport, Explanation
from aikg.namespaces import AIKG


def _text(graph: Graph, iri: str, lang: str) -> str | None:
    texts = [
        text for text in graph.objects(URIRef(iri), AIKG.explanation) if isinstance(text, Literal)
    ]
    for text in sorted(texts):
        if (text.language or "").lower().startswith(lang):
            return str(text)
    return None


#: Per explanation, the documents that state its reason: (document, title, quote).
_Stated = dict[str, set[tuple[str, str | None, str | None]]]


def _basis(iri: str, stated: _Stated, by_curators: set[str]) -> str:
    """``source`` (a document states the reason), ``curators``, or ``none`` (see the shapes)."""
    if stated.get(iri):
        return "source"
    return "curators" if iri in by_curators else "none"


def read_explanations(source: Graph | Reading) -> list[Explanation]:
    """Every explained disagreement of ``source``, in IRI order."""
    reading = source if isinstance(source, Reading) else Reading(source)
    graph = reading.texts
    observations: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, tuple[str | None, str | None]] = {}
    by_curators: set[str] = set()
    for row in select(reading, EXPLANATIONS):
        iri = str(row.explanation)
        observations[iri].add(str(row.observation))
        if row.kind is not None:
            notation = None if row.kindNotation is None else str(row.kindNotation)
            kinds[iri] = (notation, label(graph, str(row.kind)))
        if row.curators is not None:
            by_curators.add(iri)
    stated: _Stated = defaultdict(set)
    if not observations:  # none: the sources' query (whose quotes are an OPTIONAL that
        return []  # Oxigraph evaluates over every annotation) is not run
    for row in select(reading, EXPLANATION_SOURCES):
        stated[str(row.explanation)].add(
            (
                str(row.doc),
                None if row.name is None else str(row.name),
                None if row.exact is None else str(row.exact),
            )
        )
    return [
        Explanation(
            iri=iri,
            kind=kinds.get(iri, (None, None))[0],
            kind_label=kinds.get(iri, (None, None))[1],
            text=_text(graph, iri, "en"),
            text_zh=_text(graph, iri, "zh"),
            observations=tuple(sorted(observations[iri])),
            basis=_basis(iri, stated, by_curators),
            stated_by=tuple(sorted(stated.get(iri, ()), key=lambda s: tuple(map(str, s)))),
        )
        for iri in sorted(observations)
    ]


def explain(graph: Graph | Reading, report: CheckReport) -> None:
    """Mark each finding that an explanation of ``graph`` covers; note the unused ones."""
    explanations = read_explanations(graph)
    used: set[str] = set()
    for index, finding in enumerate(report.findings):
        match = next((e for e in explanations if e.covers(finding)), None)
        if match is not None:
            report.findings[index] = replace(finding, explained_by=match)
            used.add(match.iri)
    report.unused_explanations = [e for e in explanations if e.iri not in used]
