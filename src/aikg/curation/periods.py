"""Reference periods: ISO 8601 text in curation sheets, OWL-Time nodes with shared IRIs in RDF.

- ``2024-12-31``: a stock as of a date, a ``time:Instant``;
- ``2024-01-01/2024-09-30``: a flow over a span, a ``time:Interval`` whose bounds are instants;
- ``../2025-01-22``: an interval with an unstated beginning (a stock as of an unstated date no
  later than the given one);
- ``P10Y``: a span known only by its length.
"""

from __future__ import annotations

import re
from datetime import date

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, TIME, XSD

from aikg.errors import InputError
from aikg.namespaces import ID

_DURATION = re.compile(r"^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?$")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"period {text!r}: not an ISO 8601 date (YYYY-MM-DD)") from None


def period_iri(iso: str) -> URIRef:
    return ID["period"][iso.replace("/", "--").replace("..", "open")]


def _instant(graph: Graph, day: date) -> URIRef:
    iri = period_iri(day.isoformat())
    graph.add((iri, RDF.type, TIME.Instant))
    graph.add((iri, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)))
    graph.add((iri, SKOS.notation, Literal(day.isoformat())))
    graph.add((iri, RDFS.label, Literal(day.isoformat(), lang="zh-hans")))
    graph.add((iri, RDFS.label, Literal(day.isoformat(), lang="en")))
    return iri


def add_period(graph: Graph, iso: str) -> URIRef:
    """Add the OWL-Time node(s) of ``iso`` to ``graph`` and return the period's IRI."""
    iso = iso.strip()
    if _DURATION.match(iso) and iso != "P":
        iri = period_iri(iso)
        graph.add((iri, RDF.type, TIME.Interval))
        graph.add((iri, TIME.hasXSDDuration, Literal(iso, datatype=XSD.duration)))
        graph.add((iri, SKOS.notation, Literal(iso)))
        graph.add((iri, RDFS.label, Literal(f"{iso}（起止日期未说明）", lang="zh-hans")))
        graph.add((iri, RDFS.label, Literal(f"{iso} (start and end not stated)", lang="en")))
        return iri
    if "/" not in iso:
        return _instant(graph, _day(iso))
    first, _, last = iso.partition("/")
    iri = period_iri(iso)
    graph.add((iri, RDF.type, TIME.Interval))
    graph.add((iri, SKOS.notation, Literal(iso)))
    end = _day(last)
    graph.add((iri, TIME.hasEnd, _instant(graph, end)))
    if first == "..":
        graph.add((iri, RDFS.label, Literal(f"截至{end}前的某日（未说明）", lang="zh-hans")))
        graph.add((iri, RDFS.label, Literal(f"an unstated date up to {end}", lang="en")))
        return iri
    begin = _day(first)
    if begin > end:
        raise InputError(f"period {iso!r}: begins after it ends")
    graph.add((iri, TIME.hasBeginning, _instant(graph, begin)))
    graph.add((iri, RDFS.label, Literal(f"{begin}至{end}", lang="zh-hans")))
    graph.add((iri, RDFS.label, Literal(f"{begin} to {end}", lang="en")))
    return iri
