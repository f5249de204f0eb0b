"""Commands on the whole graph: build, validate, export, stats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from aikg.cli.state import command, state
from aikg.errors import EXIT_FINDINGS

console = Console(highlight=False)


def build(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("build"),
) -> None:
    """Load and validate the graph, then write aikg.ttl, aikg.jsonld, aikg.nt and ontology.html.

    Example: aikg build -o build/
    """
    from aikg.build import build as run_build
    from aikg.namespaces import shorten

    result = run_build(out, state(ctx).data_or_none)
    summary = result.summary
    console.print(f"[bold green]Built[/] a graph that conforms to the shapes, in {out}/")
    for path in result.files:
        console.print(f"  {path}")
    console.print(
        f"{summary.triples} triples, {summary.entities} entities, "
        f"{summary.observations} observations, {summary.targets} targets, "
        f"{summary.sources} source documents"
    )
    table = Table("class", "entities", box=None, pad_edge=False)
    for cls, count in summary.by_class:
        table.add_row(shorten(str(cls)), str(count))
    console.print(table)


def validate(ctx: typer.Context) -> None:
    """Validate the graph against the SHACL shapes. Exit 0 if it conforms, 1 if not.

    Example: aikg --data my-graph/ validate
    """
    from aikg.loading import load_graph
    from aikg.validation import validate as run_validate

    report = run_validate(load_graph(state(ctx).data_or_none))
    if report.conforms:
        console.print("[bold green]Conforms[/]: no findings.")
        return
    table = Table("focus node", "path", "message", "severity", show_lines=False)
    for finding in report.findings:
        table.add_row(finding.focus, finding.path, finding.message, finding.severity)
    console.print(table, markup=False)
    console.print(f"[bold red]Does not conform[/]: {len(report.findings)} findings.")
    raise typer.Exit(EXIT_FINDINGS)


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="turtle, jsonld, nt, xml or trig."),
    ] = "turtle",
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Export the graph (ontology included). Turtle output is deterministic.

    Example: aikg export --format jsonld -o aikg.jsonld
    """
    from aikg.export import serialize, write_atomic
    from aikg.loading import load_graph

    payload = serialize(load_graph(state(ctx).data_or_none), fmt)
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        write_atomic(out, payload)
        console.print(f"Wrote {out} ({fmt}, {len(payload)} bytes)", markup=False)


def stats(
    ctx: typer.Context,
    properties: Annotated[
        bool, typer.Option("--properties/--no-properties", help="Also count properties.")
    ] = True,
) -> None:
    """Count entities by class, and triples by property.

    Example: aikg stats
    """
    from aikg.loading import load_graph
    from aikg.namespaces import shorten
    from aikg.stats import summarize

    summary = summarize(load_graph(state(ctx).data_or_none))
    console.print(
        f"{summary.triples} triples, {summary.entities} entities, "
        f"{summary.observations} observations, {summary.targets} targets, "
        f"{summary.sources} source documents"
    )
    table = Table("class", "entities")
    for cls, count in summary.by_class:
        table.add_row(shorten(str(cls)), str(count))
    console.print(table)
    if properties:
        table = Table("property", "triples")
        for prop, count in summary.by_property:
            table.add_row(shorten(str(prop)), str(count))
        console.print(table)


def register(app: typer.Typer) -> None:
    for func in (build, validate, export, stats):
        command(app)(func)
