"""Commands on the whole graph: build, validate, export, stats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from aikg.cli.options import Engine, OutputFile, engine_option, format_option, output_option
from aikg.cli.output import print_table
from aikg.cli.state import command, state
from aikg.errors import EXIT_FINDINGS, InputError

console = Console(highlight=False)
notes = Console(stderr=True, highlight=False, soft_wrap=True)


def build(
    ctx: typer.Context,
    out: Annotated[Path, output_option("Output folder.", old_out=True)] = Path("build"),
    engine: Annotated[Engine, engine_option()] = Engine.sparql,
) -> None:
    """Validate the graph, then write aikg.ttl, aikg.jsonld, aikg.nt, ontology.html, graph.html.

    graph.html is left out, with a note, for a graph of more than 5,000 entities (as aikg view
    refuses to draw one whole).

    Example: aikg build -o build/
    """
    from aikg.build import build as run_build
    from aikg.namespaces import shorten

    result = run_build(out, store=state(ctx).graph_store(), engine=engine.value)
    if result.report.note:
        notes.print(result.report.note, style="dim", markup=False)
    if result.note:
        notes.print(result.note, markup=False)
    summary = result.summary
    # paths are never wrapped: a reader copies them whole
    console.print(
        f"[bold green]Built[/] a graph that conforms to the shapes, in {out}/", soft_wrap=True
    )
    for path in result.files:
        console.print(f"  {path}", soft_wrap=True, markup=False, highlight=False)
    console.print(
        f"{summary.triples} triples, {summary.entities} entities, "
        f"{summary.observations} observations, {summary.targets} targets, "
        f"{summary.sources} source documents"
    )
    table = Table("class", "entities", box=None, pad_edge=False)
    for cls, count in summary.by_class:
        table.add_row(shorten(str(cls)), str(count))
    console.print(table)


def validate(
    ctx: typer.Context, engine: Annotated[Engine, engine_option()] = Engine.sparql
) -> None:
    """Validate the graph against the SHACL shapes. Exit 0 if it conforms, 1 if not.

    Example: aikg --data my-graph/ validate
    """
    from aikg.validation import validate as run_validate

    report = run_validate(state(ctx).graph_store(), engine=engine.value)
    if report.note:
        notes.print(report.note, style="dim", markup=False)
    if report.conforms:
        console.print("[bold green]Conforms[/]: no findings.")
        return
    print_table(
        ("focus node", "path", "message", "severity"),
        [(f.focus, f.path, f.message, f.severity) for f in report.findings],
    )
    console.print(f"[bold red]Does not conform[/]: {len(report.findings)} findings.")
    raise typer.Exit(EXIT_FINDINGS)


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str, format_option("turtle, jsonld, nt, xml or trig; graphml or gexf (network).")
    ] = "turtle",
    out: OutputFile = None,
) -> None:
    """Export the graph (ontology included). Turtle output is deterministic.

    Example: aikg export --format jsonld -o aikg.jsonld
    """
    from aikg.store.export import write_atomic
    from aikg.store.formats import FORMATS

    if fmt in ("graphml", "gexf"):  # the entity network (aikg.view.network), for Gephi and others
        from aikg.view.network import build_network, serialize_network

        payload = serialize_network(build_network(state(ctx).graph()), fmt)
    elif fmt not in FORMATS:  # before the graph is loaded
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)}, graphml, gexf)")
    else:
        payload = state(ctx).graph_store().export(fmt)
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
    from aikg.namespaces import shorten

    summary = state(ctx).graph_store().summary()
    console.print(
        f"{summary.triples} triples, {summary.entities} entities, "
        f"{summary.observations} observations, {summary.targets} targets, "
        f"{summary.sources} source documents"
    )
    print_table(("class", "entities"), [(shorten(str(c)), n) for c, n in summary.by_class])
    if properties:
        print_table(("property", "triples"), [(shorten(str(p)), n) for p, n in summary.by_property])


def register(app: typer.Typer) -> None:
    for func in (build, validate, export, stats):
        command(app)(func)
