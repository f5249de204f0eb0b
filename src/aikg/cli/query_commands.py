"""Saved SPARQL queries: ``aikg queries``, ``aikg query``, ``aikg publish`` (issue #3)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from aikg.cli.options import (
    EndpointOption,
    ParamOption,
    format_option,
    output_option,
    timeout_option,
)
from aikg.cli.state import command, state
from aikg.errors import InputError

if TYPE_CHECKING:
    from aikg.query.results import Result

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help="Folder of .rq files to use instead of the bundled catalog.",
        file_okay=False,
    ),
]


def queries(
    markdown: Annotated[
        bool,
        typer.Option(
            "--markdown",
            help="Print the catalog page (the text of queries/README.md) instead.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        output_option("With --markdown: file to write (default, or '-': stdout)."),
    ] = None,
    catalog: CatalogOption = None,
) -> None:
    """List the saved queries: name, summary and parameters.

    Example: aikg queries --markdown -o queries/README.md
    """
    from rich.table import Table

    from aikg.query.catalog import load_catalog, render_markdown

    found = load_catalog(catalog)
    if markdown:
        from aikg.store.export import write_atomic

        # Only where the user says: the default catalog lives in the installed package.
        page = render_markdown(found).encode("utf-8")
        if output is None or str(output) == "-":
            sys.stdout.buffer.write(page)
            sys.stdout.flush()
            return
        write_atomic(output, page)
        err_console.print(f"Wrote {output} ({len(found)} queries)", markup=False)
        return
    if output is not None:
        raise InputError("-o/--output goes with --markdown")
    table = Table("query", "summary", "parameters", caption=f"{len(found)} saved queries")
    for name, query in found.items():
        params = ", ".join(
            f"{p.name} ({p.type_label}{'' if p.required else ', optional'})"
            for p in query.parameters
        )
        table.add_row(name, query.summary, params or "-")
    console.print(table, markup=False)


def query(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME|FILE.rq",
            help="A saved query's name (see 'aikg queries') or a .rq file.",
            show_default=False,
        ),
    ] = None,
    expression: Annotated[
        str | None,
        typer.Option("-e", "--expression", help="Query text to run ('-' reads it from stdin)."),
    ] = None,
    param: ParamOption = None,
    fmt: Annotated[
        str | None,
        format_option(
            "table, csv, tsv, json, xml or md; turtle, jsonld or nt for CONSTRUCT and "
            "DESCRIBE. Default: table on a terminal, else csv (or from the -o suffix).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option("File to write (atomically) instead of stdout."),
    ] = None,
    endpoint: EndpointOption = None,
    default_graph: Annotated[
        str | None,
        typer.Option("--default-graph", help="With --endpoint: the graph to query (an IRI)."),
    ] = None,
    timeout: Annotated[
        float | None,
        timeout_option(
            "Seconds to wait for the answer: with --endpoint, default 30; on the embedded "
            "store, no limit unless given (30 with --allow-service). Past it: exit 3 for an "
            "endpoint, 124 for the embedded store.",
            show_default=False,
        ),
    ] = None,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Let SERVICE clauses reach the network from the embedded store.",
        ),
    ] = False,
    print_query: Annotated[
        bool,
        typer.Option(
            "--print-query", help="Print the query with its parameters bound; run nothing."
        ),
    ] = False,
    catalog: CatalogOption = None,
) -> None:
    """Run a saved query, a .rq file or query text on the graph or on a SPARQL endpoint.

    Example: aikg query search --param text=机器人 --format md
    """
    from aikg.query.catalog import expression_query, find_query
    from aikg.query.parameters import parse_assignments
    from aikg.query.run import prepare, run_embedded, run_remote
    from aikg.query.sparql import DatasetRefused, ServiceRefused

    if (name is None) == (expression is None):
        raise InputError("give a saved query's NAME, a FILE.rq, or -e TEXT (one of them)")
    if expression is not None:
        saved = expression_query(sys.stdin.read() if expression == "-" else expression)
    else:
        saved = find_query(str(name), catalog)
    given = parse_assignments(param or [])
    from aikg.query.results import SUFFIX_FORMATS, check_format

    wanted = fmt or (SUFFIX_FORMATS.get(output.suffix.lower()) if output else None)
    if wanted is not None:
        check_format(wanted, saved.form)  # before any work
    data = state(ctx).data_or_none
    if endpoint is None and default_graph is not None:
        raise InputError("--default-graph goes with --endpoint")
    if endpoint is not None and data:
        raise InputError("--data is the embedded store's graph; it does not go with --endpoint")
    if endpoint is not None and state(ctx).store:
        raise InputError("--store is the embedded store; it does not go with --endpoint")
    if print_query:
        sys.stdout.write(prepare(saved, given).rstrip("\n") + "\n")
        return
    if endpoint is None:
        try:
            result = run_embedded(
                saved,
                given,
                store=state(ctx).graph_store(),
                allow_service=allow_service,
                timeout=timeout,
            )
        except ServiceRefused as exc:
            raise InputError(f"{exc} (pass --allow-service to allow it)") from None
        except DatasetRefused as exc:
            raise InputError(
                f"{exc} (use --endpoint and --default-graph for a server's graphs)"
            ) from None
    else:
        from aikg.query.remote import DEFAULT_TIMEOUT

        result = run_remote(
            saved,
            given,
            endpoint=endpoint,
            default_graph=default_graph,
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        )
    _write(result, fmt, output)


def _write(result: Result, fmt: str | None, output: Path | None) -> None:
    from aikg.query.results import GraphResult, Table, choose_format, render, rich_table

    tty = sys.stdout.isatty()
    chosen = choose_format(result, fmt, output, tty)
    if output is None and tty and chosen == "table" and isinstance(result, Table):
        console.print(rich_table(result), markup=False)
        return
    payload = render(result, chosen)
    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    from aikg.store.export import write_atomic

    write_atomic(output, payload)
    if isinstance(result, Table):
        what = f"{len(result.rows)} rows"
    elif isinstance(result, GraphResult):
        what = f"{len(result.graph)} triples"
    else:
        what = "the answer"
    err_console.print(f"Wrote {what} to {output} ({chosen})", markup=False)


def publish(
    ctx: typer.Context,
    to: Annotated[
        str,
        typer.Option(
            "--to",
            help="The server's SPARQL 1.1 Graph Store Protocol URL "
            "(Oxigraph: http://HOST:PORT/store; Fuseki: http://HOST:PORT/DATASET/data).",
            show_default=False,
        ),
    ],
    graph: Annotated[
        str | None,
        typer.Option("--graph", help="Replace this named graph (an IRI) instead of the default."),
    ] = None,
    timeout: Annotated[
        float, timeout_option("Seconds to wait for the server at each step.")
    ] = 60.0,
) -> None:
    """Upload the graph (ontology included) to a SPARQL server, replacing its default graph
    or a named graph, in one request. Credentials as for 'aikg query --endpoint'.

    Example: aikg publish --to http://localhost:7878/store
    """
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TransferSpeedColumn,
    )

    from aikg.query.remote import credentials_from_env
    from aikg.query.remote import publish as put_graph

    credentials = credentials_from_env()
    payload = state(ctx).graph_store().export("nt")
    triples = payload.count(b"\n")  # one line a triple
    with Progress(
        TextColumn("Uploading"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("upload", total=len(payload))
        done = put_graph(
            payload,
            to,
            graph=graph,
            timeout=timeout,
            credentials=credentials,
            progress=lambda sent: progress.update(task, completed=sent),
        )
    err_console.print(
        f"Published {triples} triples ({done.size} bytes of N-Triples) to {done.url}, "
        f"replacing {done.target}.",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    for func in (queries, query, publish):
        command(app)(func)
