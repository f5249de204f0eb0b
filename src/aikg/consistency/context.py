"""What the three checks share: the facts read once, how to group them and how to report.

Observations are compared only within one measure (:func:`measure_key`); a stated change or share
is related to the observations of the variables it relates with the same area and breakdown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph

from aikg.consistency.facts import Observation, Sources, Variables, label
from aikg.consistency.report import CheckReport, Finding, Skipped, StatedValue
from aikg.namespaces import AIKGUNIT, CUR, UNIT, shorten

#: Units of quantities that cannot be negative (levels; change variables are exempt).
_NON_NEGATIVE = {
    str(u)
    for u in (
        AIKGUNIT.PERSON,
        AIKGUNIT.PERSON_TIME,
        UNIT.NUM,
        UNIT.PERCENT,
        CUR.CNY,
        CUR.USD,
    )
}


def measure_key(obs: Observation) -> tuple[Any, ...]:
    """What makes two observations figures of one measure."""
    return (obs.variable, obs.area, obs.period, obs.base_period, obs.breakdown, obs.denominator)


def _group_by(
    observations: Iterable[Observation], key: Callable[[Observation], Hashable]
) -> list[list[Observation]]:
    groups: dict[Any, list[Observation]] = defaultdict(list)
    for obs in observations:
        groups[key(obs)].append(obs)
    return [groups[k] for k in sorted(groups, key=repr)]


@dataclass(frozen=True)
class Context:
    """The graph and the facts read from it, shared by the checks."""

    graph: Graph
    observations: dict[str, Observation]
    variables: Variables
    sources: Sources
    _index: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def converts(self, a: StatedValue, b: StatedValue) -> bool:
        """Whether one figure is the source's currency conversion of the other."""
        first = {s.observation for s in a.sources}
        second = {s.observation for s in b.sources}
        return any(
            self.observations[x].conversion_of in other
            for own, other in ((first, second), (second, first))
            for x in own
            if x in self.observations
        )

    def non_negative(self, variable: str, unit: str | None) -> bool:
        return variable not in self.variables.change_of and (unit or "") in _NON_NEGATIVE

    def derived(self, relation: dict[str, str]) -> list[list[Observation]]:
        """Observations of the variables ``relation`` maps (changes, shares), by measure.

        A currency conversion of another observation is not an independent figure: left out.
        """
        return _group_by(
            (
                o
                for o in self.observations.values()
                if o.variable in relation and o.conversion_of is None
            ),
            measure_key,
        )

    def related(self, variable: str, like: Observation, period: str | None) -> list[Observation]:
        """Observations of ``variable`` with ``like``'s area and breakdown, for ``period``.

        A currency conversion of another observation is not an independent figure: left out.
        """
        return self._by_measure().get((variable, like.area, like.breakdown, period), [])

    def _by_measure(self) -> dict[tuple[Any, ...], list[Observation]]:
        """Observations (not conversions) by variable, area, breakdown and period, built once:
        :meth:`related` is asked for every change and share."""
        found = self._index.get("measure")
        if found is None:
            found = {}
            for obs in self.observations.values():
                if obs.conversion_of is None:
                    key = (obs.variable, obs.area, obs.breakdown, obs.period)
                    found.setdefault(key, []).append(obs)
            self._index["measure"] = found
        return found

    def finding(
        self,
        kind: str,
        severity: str,
        anchor: Observation,
        values: Sequence[StatedValue],
        explanation: str,
        tolerance: str,
        **extra: Any,
    ) -> Finding:
        return Finding(
            kind=kind,
            severity=severity,
            variable=anchor.variable,
            variable_label=label(self.graph, anchor.variable) or anchor.variable,
            period=anchor.period,
            area=anchor.area,
            area_label=label(self.graph, anchor.area),
            breakdown=anchor.breakdown,
            values=tuple(values),
            explanation=explanation,
            tolerance=tolerance,
            **extra,
        )


def missing(*wanted: tuple[str, str, Sequence[Observation]], where: str = "") -> str | None:
    """Why a figure cannot be checked: the related observations not found, or None.

    Each of ``wanted`` is a related variable, the words that follow its name (" for 2024") and
    the observations found of it; ``where`` follows the list of those not found.
    """
    absent = [
        f"no observation of {shorten(variable)}{after}"
        for variable, after, found in wanted
        if not found
    ]
    if not absent:
        return None
    return " and ".join(absent) + f"{where} with the same area and breakdown"


def skip(report: CheckReport, kind: str, group: Sequence[Observation], reason: str) -> None:
    """Record that the stated figures of ``group`` could not be checked, and why."""
    iris = tuple(sorted(o.iri for o in group))
    report.skipped.append(Skipped(kind, iris, group[0].variable, reason))
