"""Entry point: the Typer app, its global options, and error handling for every command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aikg import __version__
from aikg.cli import (
    check_command,
    curate_command,
    extract_commands,
    graph_commands,
    query_commands,
    serve_command,
    synth_command,
    view_commands,
)
from aikg.cli.state import State, check_store, leave

app = typer.Typer(
    name="aikg",
    help="A knowledge graph of AI policy and industry, with provenance down to the text span.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"aikg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="RDF file or folder to use instead of the bundled graph (repeatable). "
            "The ontology is always loaded.",
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            metavar="memory|oxigraph[:DIR]",
            envvar="AIKG_STORE",
            help="Where the graph is held: oxigraph (default, in memory), oxigraph:DIR "
            "(persisted in DIR, loaded once and reused while the inputs are unchanged) or "
            "memory (rdflib). See docs/scale.md.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """aikg: build, validate, query, view and export the AI policy knowledge graph."""
    check_store(store)
    ctx.obj = State(data=list(data or []), store=store)


for group in (
    graph_commands,
    query_commands,
    view_commands,
    check_command,
    curate_command,
    extract_commands,
    synth_command,
    serve_command,
):
    group.register(app)


def run() -> None:
    """Console entry point."""
    try:
        app(prog_name="aikg")
    except SystemExit as exc:
        leave(exc.code if isinstance(exc.code, int) else 1)
        raise


if __name__ == "__main__":
    run()
