"""``aikg check``: consistency checks across sources (issue #5)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from aikg.cli.options import ReportFormat, format_option
from aikg.cli.output import report_console
from aikg.cli.state import command, state
from aikg.errors import EXIT_FINDINGS

if TYPE_CHECKING:
    from aikg.consistency import CheckReport, Explanation, Finding

console = report_console()
#: Findings printed with their table of sources; the later ones get their heading and
#: explanation only. A table takes Rich about 5 ms to lay out: 3,000 findings (a 100k-triple
#: synthetic graph) took 17 s to print after a 3 s check. ``--format json`` has every detail.
DETAILED = 200


def check(
    ctx: typer.Context,
    fmt: Annotated[
        ReportFormat, format_option("Output: a table per finding, or JSON.")
    ] = ReportFormat.table,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Also detail the findings that are consistent within rounding "
            "(otherwise they are counted and explained in a short section).",
        ),
    ] = False,
) -> None:
    """Check where sources disagree, beyond rounding. Exit 1 on an unexplained conflict.

    Compares values of one measure, stated changes and shares with the values they relate.
    Disagreements that curators have explained in the graph (aikg:ExplainedDisagreement) are
    listed apart with their explanation and do not fail the check.

    Example: aikg check --all
    """
    from aikg.consistency import check as run_check

    report = run_check(state(ctx).graph_store())
    if fmt is ReportFormat.json:
        payload = report.to_json(include_rounding=show_all)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()
    else:
        _print_table(report, show_all)
    if report.has_conflict:
        raise typer.Exit(EXIT_FINDINGS)


def _print_table(report: CheckReport, show_all: bool) -> None:
    from rich.markup import escape

    from aikg.consistency import ROUNDING

    shown = [
        f
        for f in report.findings
        if f.explained_by is None and (show_all or f.severity != ROUNDING)
    ]
    explained = report.explained
    total = len(shown) + len(explained)
    for number, finding in enumerate(shown, 1):
        _briefly_from(number, total)
        _print_finding(number, finding, detailed=number <= DETAILED)
    if explained:
        console.print(
            f"[bold]Explained disagreements[/] ({len(explained)}, recorded in the graph; "
            "they do not fail the check):"
        )
        console.print()
        for number, finding in enumerate(explained, len(shown) + 1):
            _briefly_from(number, total)
            _print_finding(number, finding, detailed=number <= DETAILED)
    for unused in report.unused_explanations:
        console.print(
            f"[yellow]Unused explanation[/] {escape(unused.iri)}: it covers no disagreement "
            "(every observation of a disagreement must be named)."
        )
    gaps = report.rounding_gaps
    if gaps and not show_all:
        console.print(
            f"[bold]Rounding-level gaps[/] ({len(gaps)}, consistent; details with --all):"
        )
        for finding in gaps:
            console.print(f"  • {escape(finding.explanation)}")
        console.print()
    checked = ", ".join(f"{count} {kind}" for kind, count in report.checked.items())
    skipped = ""
    if report.skipped:
        skipped = f"; {len(report.skipped)} stated figures could not be checked"
    console.print(f"Comparisons: {checked}{skipped}.", markup=False)
    colour = "red" if report.has_conflict else "green"
    console.print(
        f"[bold {colour}]{len(report.conflicts)} conflicts[/], {len(explained)} explained, "
        f"{len(gaps)} consistent within rounding, {len(report.notes)} notes."
    )


def _briefly_from(number: int, total: int) -> None:
    """Before the first finding printed without its table: say so, and where the rest is."""
    if number == DETAILED + 1:
        console.print(
            f"[bold]Findings {number:,} to {total:,}[/] are listed without their tables of "
            f"sources and quotes (the first {DETAILED:,}: above); every detail: "
            "aikg check --format json"
        )
        console.print()


def _print_finding(number: int, finding: Finding, *, detailed: bool = True) -> None:
    from rich.markup import escape
    from rich.table import Table

    from aikg.consistency import CONFLICT, NOTE
    from aikg.namespaces import shorten

    colour = {CONFLICT: "red", NOTE: "yellow"}.get(finding.severity, "green")
    where = [finding.area_label or shorten(finding.area or "?")]
    where += [shorten(member) for _, member in finding.breakdown]
    period = finding.period or "?"
    if finding.base_period:
        period = f"{finding.base_period} → {period}"
    heading = (
        f"[bold]{number}.[/] [bold {colour}]{finding.severity}[/] · {finding.kind} · "
        f"{escape(finding.variable_label)} ({escape(shorten(finding.variable))}) · "
        f"{escape(', '.join(where))} · {escape(period)}"
    )
    # a finding's lines in as few prints as its table allows: Rich's cost is mostly a call's
    if detailed:
        console.print(heading)
        table = Table(
            "role", "stated", "reads as", "document", "publisher", "reliability", "quote",
            show_lines=False, pad_edge=False,
        )  # fmt: skip
        for value in finding.values:
            for source in value.sources:
                table.add_row(
                    value.role,
                    value.text,
                    value.tolerance,
                    f"{source.title or shorten(source.document)} ({_date(source.date)})",
                    source.publisher_label or "",
                    source.reliability or "",
                    source.quote or "",
                )
        console.print(table, markup=False)
        lines = []
    else:
        lines = [heading]
    if finding.reading_note:
        lines.append(f"  reading note: {escape(finding.reading_note)}")
    lines.append(f"  {escape(finding.explanation)}")
    if finding.explained_by is not None:
        lines += _explanation_lines(finding.explained_by)
    console.print(*lines, sep="\n", end="\n\n")


def _explanation_lines(explanation: Explanation) -> list[str]:
    """The lines (Rich markup) that say how a curator explained a disagreement."""
    from rich.markup import escape

    from aikg.namespaces import shorten

    kind = explanation.kind_label or explanation.kind or "?"
    text = explanation.text or explanation.text_zh or ""
    lines = [
        f"  [bold green]explained[/] ({escape(kind)}; {escape(shorten(explanation.iri))}): "
        f"{escape(text)}"
    ]
    if explanation.text and explanation.text_zh:
        lines.append(f"  {escape(explanation.text_zh)}")
    if explanation.basis == "curators":
        lines.append("  basis: the curators' explanation (no source document states the reason)")
    for document, title, quote in explanation.stated_by:
        where = title or shorten(document)
        lines.append(f"  stated by: {escape(where)}" + (f" — “{escape(quote)}”" if quote else ""))
    return lines


def _date(date: str | None) -> str:
    return "date unknown" if date in (None, "unknown") else str(date)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    command(app)(check)
