"""The entry point: read the graph once, run the three checks, apply the curators'
explanations, order what they found."""

from __future__ import annotations

from decimal import localcontext

from rdflib import Graph

from aikg.consistency.changes import check_changes
from aikg.consistency.context import Context
from aikg.consistency.explained import explain
from aikg.consistency.facts import Sources, read_observations, read_variables
from aikg.consistency.report import KINDS, SEVERITIES, CheckReport
from aikg.consistency.same_measure import check_different_values
from aikg.consistency.shares import check_shares


def check(graph: Graph) -> CheckReport:
    """Run the three checks over ``graph`` (observations only; targets are never read).

    A finding that an ``aikg:ExplainedDisagreement`` of the graph covers is marked explained.
    """
    with localcontext() as decimal_context:
        decimal_context.prec = 50
        ctx = Context(graph, read_observations(graph), read_variables(graph), Sources(graph))
        report = CheckReport()
        check_different_values(ctx, report)
        check_changes(ctx, report)
        check_shares(ctx, report)
    explain(graph, report)
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
