"""Unit IRIs of drafted quantities and the unit kinds that the evaluation compares."""

from __future__ import annotations

from rdflib import URIRef

from aikg.curation.compile import UNIT_IRIS
from aikg.namespaces import AIKGUNIT, CUR, UNIT, shorten

#: Unit kinds of the extractor beyond those of :func:`aikg.numbers.parse_quantity`.
EXTRA_UNITS: dict[str, URIRef] = {
    "rank": AIKGUNIT.RANK,
    "per_10k_workers": AIKGUNIT.PER_10K_WORKERS,
}

#: Units that count things: persons, person-times and plain counts are one kind of unit.
_COUNTS = {UNIT.NUM, AIKGUNIT.PERSON, AIKGUNIT.PERSON_TIME}


def unit_iri(kind: str) -> URIRef:
    return {**UNIT_IRIS, **EXTRA_UNITS}[kind]


def unit_curie(kind: str) -> str:
    return shorten(str(unit_iri(kind)))


def unit_kind(unit: URIRef | str) -> str:
    """The kind of a unit IRI: ``count`` for counts of anything, else the unit's own name."""
    iri = URIRef(str(unit))
    if iri in _COUNTS:
        return "count"
    if str(iri).startswith(str(CUR)):
        return "currency:" + str(iri).rsplit("/", 1)[-1]
    return shorten(str(iri))
