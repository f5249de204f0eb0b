"""The entry point: read the graph once, run the three checks, apply the curators'
explanations, order what they found."""

from __future__ import annotations

from decimal import localcontext
from typing import TYPE_CHECKING

from rdflib import Graph

from aikg.consistency.changes import check_changes
from aikg.consistency.context import Context
from aikg.consistency.explained import explain
from aikg.consistency.facts import Sources, forget_labels, read_observations, read_variables
from aikg.consistency.queries import Reading
from aikg.consistency.report import KINDS, SEVERITIES, CheckReport
from aikg.consistency.same_measure import check_different_values
from aikg.consistency.shares import check_shares

if TYPE_CHECKING:
    from aikg.store.base import GraphStore


def check(graph: Graph | GraphStore) -> CheckReport:
    """Run the three checks over ``graph`` (observations only; targets are never read): an
    rdflib graph, or a store (on Oxigraph the queries run natively, and only their rows and
    the texts the report names reach Python).

    A finding that an ``aikg:ExplainedDisagreement`` of the graph covers is marked explained.
    """
    reading = Reading.of(graph)
    with localcontext() as decimal_context:
        decimal_context.prec = 50
        ctx = Context(
            reading.texts, read_observations(reading), read_variables(reading), Sources(reading)
        )
        report = CheckReport()
        check_different_values(ctx, report)
        check_changes(ctx, report)
        check_shares(ctx, report)
    explain(reading, report)
    forget_labels(reading.texts)
    order = {severity: i for i, severity in enumerate(SEVERITIES)}
    report.findings.sort(
        key=lambda f: (
            order[f.severity],
            KINDS.index(f.kind),
            f.variable,
            f.period or "",
            f.area or "",
            f.breakdown,
        )
    )
    report.skipped.sort(key=lambda s: (KINDS.index(s.kind), s.variable, s.observations))
    return report
