"""The series charts of the view: the observations of a variable over time, one chart a unit.

In: the graph, the drawn entities and the page's shared tables (:class:`~aikg.view.panel.Facts`).
Out: the page's ``series``, computed in Python from the whole graph, so a ``--focus`` view
charts a variable's every observation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from aikg.namespaces import AIKG, SCHEMA, SDMX_ATT, SDMX_CODE, SDMX_DIM, shorten
from aikg.view.network import (  # the terms read for every observation, made once there
    _NOTATION,
    _QUALIFIER,
    _REF_PERIOD,
    _UNIT_CODE,
    _VALUE,
    in_order,
    property_labels,
)
from aikg.view.panel import Facts

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SDMX_DIM = str(SDMX_DIM)
#: A variable gets a series chart when it has at least this many observations.
SERIES_MIN = 2
#: What a point of a drawn observation leaves to the observation's details (the page fills it).
_FROM_DETAILS = ("name", "stated", "qualifier", "ev", "docs")


def period_position(notation: str | None) -> str | None:
    """Where a period sits on a time axis: an instant's date, an interval's end date.

    None for a period that cannot be placed: an open start (``../2025-01-22``), an open end,
    a duration alone (``P10Y``), or no period.
    """
    if not notation:
        return None
    if "/" not in notation:
        return notation if _ISO_DATE.match(notation) else None
    start, end = notation.split("/", 1)
    return end if _ISO_DATE.match(start) and _ISO_DATE.match(end) else None


def _natural(text: str) -> tuple[Any, ...]:
    """``6-19`` before ``20-29`` before ``60-plus``: numbers in a text compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


_NOT_BREAKDOWN = (SDMX_DIM.refPeriod, SDMX_DIM.refArea)
_OBSERVATION_ABOUT = SCHEMA.observationAbout


def _is_breakdown(prop: Any) -> bool:
    """Every sdmx-dimension other than the period and the area, and schema:observationAbout."""
    if prop == _OBSERVATION_ABOUT:
        return True
    return str(prop).startswith(_SDMX_DIM) and prop not in _NOT_BREAKDOWN


# The other terms read for every point, once: a namespace's attribute is a new URIRef each time.
_REF_AREA, _OBS_STATUS, _ESTIMATED = SDMX_DIM.refArea, SDMX_ATT.obsStatus, SDMX_CODE["obsStatus-E"]


def _series_point(
    graph: Graph, facts: Facts, obs: URIRef, drawn: bool = False
) -> dict[str, Any] | None:
    """One observation as a point of a chart (None when its value is not a number).

    A ``drawn`` observation's point leaves out what its details hold (:data:`_FROM_DETAILS`
    but ``docs``, which orders the points): the page fills it in.
    """
    value = graph.value(obs, _VALUE)
    try:
        number = float(str(value)) if value is not None else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        return None
    period = graph.value(obs, _REF_PERIOD)
    notation = graph.value(period, _NOTATION) if isinstance(period, URIRef) else None
    status = graph.value(obs, _OBS_STATUS)
    point: dict[str, Any] = {"obs": str(obs)}
    if not drawn:
        point["name"] = facts.names(obs)
    point["x"] = period_position(str(notation) if notation is not None else None)
    point["period"] = str(notation) if notation is not None else ""
    point["periodText"] = facts.period(obs)
    point["y"] = number
    point["value"] = str(value)
    if not drawn:
        qualifier = graph.value(obs, _QUALIFIER)
        point["stated"] = facts.stated(obs)
        if isinstance(qualifier, URIRef):
            point["qualifier"] = facts.term(qualifier)
        point["ev"] = facts.of(obs)
    point["docs"] = facts.derived(obs)
    if status == _ESTIMATED:
        point["estimated"] = True
    return point


def _point_order(facts: Facts, point: dict[str, Any]) -> tuple[Any, ...]:
    """By date on the axis (an unplaced period by its end), then by source date (unknown dates
    last) and source."""
    notation = point["period"]
    end = point["x"] or (notation.rsplit("/", 1)[1] if "/" in notation else "")
    published = sorted(facts.sources[d]["date"] or "~" for d in point["docs"])
    docs = [facts.sources[d]["iri"] for d in point["docs"]]
    return (end, notation, published[:1] or ["~"], docs, point["obs"])


def series(graph: Graph, facts: Facts, variables: Iterable[str]) -> dict[str, Any]:
    """The observed series of each of ``variables`` that has several observations.

    A series is the observations of one variable, area and breakdown (every sdmx-dimension
    other than refPeriod and refArea, and schema:observationAbout), in one unit, ordered by
    period. Targets (``aikg:Target``) and a source's own currency conversion of another
    observation (``aikg:currencyConversionOf``) are not observed points and are left out.
    Points whose period has no place on a time axis (an open start, a duration) are listed
    under ``unplaced``. Variable IRI -> ``{"count", "charts": [{"unit", "unitLabel",
    "series": [{"key", "area", "breakdown", "points", "unplaced"}]}]}``, one chart per unit.

    ``variables`` are the entities drawn: a point of one of them leaves its name, stated
    value, qualifier, evidence and sources to the observation's own details.
    """
    wanted = set(variables)
    found: dict[str, list[URIRef]] = {}
    a, target, conversion = RDF.type, AIKG.Target, AIKG.currencyConversionOf
    measured = SCHEMA.variableMeasured
    observations = {o for o in graph.subjects(a, SCHEMA.Observation) if isinstance(o, URIRef)}
    for obs in in_order(observations):
        if (obs, a, target) in graph:
            continue
        if (obs, conversion, None) in graph:
            continue
        for var in graph.objects(obs, measured):
            if str(var) in wanted:
                found.setdefault(str(var), []).append(obs)
    out: dict[str, Any] = {}
    for variable in sorted(found):
        if len(found[variable]) >= SERIES_MIN:
            out[variable] = _variable_series(graph, facts, found[variable], wanted)
    return out


def _variable_series(
    graph: Graph, facts: Facts, observations: list[URIRef], drawn: set[str]
) -> dict[str, Any]:
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    breakdown: dict[URIRef, bool] = {}  # property -> _is_breakdown (a few properties, many points)
    for obs in observations:
        point = _series_point(graph, facts, obs, str(obs) in drawn)
        if point is None:
            continue
        unit = graph.value(obs, _UNIT_CODE)
        area = graph.value(obs, _REF_AREA)
        dims: list[tuple[URIRef, URIRef]] = []
        for prop, member in graph.predicate_objects(obs):
            if not isinstance(prop, URIRef) or not isinstance(member, URIRef):
                continue
            found = breakdown.get(prop)
            if found is None:
                found = breakdown[prop] = _is_breakdown(prop)
            if found:
                dims.append((prop, member))
        dims.sort()
        key = (str(unit or ""), str(area or ""), tuple(dims))
        if key not in groups:
            names = facts.names(area) if isinstance(area, URIRef) else None
            groups[key] = {
                "key": " ".join(
                    [shorten(str(area)) if area is not None else "-"]
                    + [f"{shorten(str(p))}={shorten(str(m))}" for p, m in dims]
                ),
                "area": names,
                "breakdown": [
                    {
                        "p": shorten(str(p)),
                        "l": property_labels(graph, p).as_dict(),
                        "v": facts.names(m),
                    }
                    for p, m in dims
                ],
                "points": [],
                "unplaced": [],
                "order": (
                    len(dims),
                    names["en"] if names else "",
                    [_natural(str(graph.value(m, _NOTATION) or facts.names(m)["en"]))
                     for _, m in dims],
                ),
            }  # fmt: skip
        groups[key]["points" if point["x"] else "unplaced"].append(point)
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for key, group in groups.items():
        for name in ("points", "unplaced"):
            group[name].sort(key=lambda p: _point_order(facts, p))
            group[name] = [_compact_point(p, drawn) for p in group[name]]
        by_unit.setdefault(key[0], []).append(group)

    def size(members: list[dict[str, Any]]) -> int:
        return sum(len(g["points"]) + len(g["unplaced"]) for g in members)

    charts = []
    for unit_iri, members in sorted(by_unit.items(), key=lambda item: (-size(item[1]), item[0])):
        members.sort(key=lambda g: (g["order"], g["key"]))
        for group in members:
            del group["order"]
        charts.append(
            {
                "unit": shorten(unit_iri) if unit_iri else None,
                "unitLabel": facts.names(URIRef(unit_iri)) if unit_iri else None,
                "series": members,
            }
        )
    return {"count": sum(size(m) for m in by_unit.values()), "charts": charts}


def _compact_point(point: dict[str, Any], drawn: set[str]) -> dict[str, Any]:
    """The point as the page gets it: a drawn observation's sources, which ordered the points,
    are left out too (:func:`_series_point` left out the rest of :data:`_FROM_DETAILS`)."""
    if point["obs"] in drawn:
        del point["docs"]
    return point
