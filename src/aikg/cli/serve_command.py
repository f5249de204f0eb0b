"""``aikg serve``: the graph on the web (issue #14; the work is in :mod:`aikg.serve`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from aikg.cli.options import timeout_option
from aikg.cli.state import command, state


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (warns unless loopback).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on (0: any free one).")
    ] = 8000,
    timeout: Annotated[
        float, timeout_option("Seconds a query may run before it is stopped (503).")
    ] = 10.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Rows (or triples) an answer holds at most.")
    ] = 10_000,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Worker processes, each serving HTTP (default: the cores, at least 2).",
            show_default=False,
        ),
    ] = None,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            help="Folder of .rq files to serve instead of the bundled catalog.",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Serve the graph over HTTP, read-only: a SPARQL endpoint, the saved queries as pages and
    an API (OpenAPI), entity pages at their IRIs and the graph view.

    Example: aikg --store oxigraph:.aikg-store serve --port 8000
    """
    from aikg.serve.context import Settings
    from aikg.serve.server import serve as run

    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    run(
        state(ctx).graph_store(),
        host=host,
        port=port,
        settings=Settings(timeout=timeout, max_rows=max_rows, catalog=catalog),
        workers=workers,
        say=lambda line: out.print(line, markup=False),
        warn=lambda line: err.print(line, markup=False, style="yellow"),
    )


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    command(app)(serve)
