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
    view_commands,
)
from aikg.cli.state import State

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
            help="RDF file or folder to use instead of the bundled graph (repeatable). "
            "The ontology is always loaded.",
        ),
    ] = None,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = None,
) -> None:
    """aikg: build, validate, query, view and export the AI policy knowledge graph."""
    ctx.obj = State(data=list(data or []))


for group in (
    graph_commands,
    query_commands,
    view_commands,
    check_command,
    curate_command,
    extract_commands,
):
    group.register(app)


def run() -> None:
    """Console entry point."""
    app(prog_name="aikg")


if __name__ == "__main__":
    run()
