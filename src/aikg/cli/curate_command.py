"""``aikg curate``: compile the curation sheets into the Turtle files of ``graph/``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from aikg.cli.options import output_option
from aikg.cli.state import command
from aikg.errors import EXIT_FINDINGS, InputError

console = Console(highlight=False)


def curate(
    sheets: Annotated[Path, typer.Option(help="Folder of curation sheets.")] = Path("curation"),
    out: Annotated[Path, output_option("Graph folder to write.", old_out=True)] = Path("graph"),
    shared: Annotated[
        Path | None,
        typer.Option(help="The shared corpus folder (default: ../shared or $AIKG_SHARED)."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if graph/ is out of date.")
    ] = False,
) -> None:
    """Anchor every quote in its source, normalize every number, and write graph/*.ttl.

    Example: aikg curate --check
    """
    from aikg import paths
    from aikg.curation import compile_all
    from aikg.store.export import serialize, write_atomic

    shared = shared or paths.shared_dir()
    if shared is None:
        raise InputError("the shared corpus folder was not found; give --shared or $AIKG_SHARED")
    rendered = {name: serialize(g) for name, g in compile_all(sheets, shared).items()}
    stale = [n for n, data in rendered.items() if _read(out / n) != data]
    if check:
        if stale:
            console.print(f"Out of date: {', '.join(stale)} (run 'aikg curate')", markup=False)
            raise typer.Exit(EXIT_FINDINGS)
        console.print(f"{len(rendered)} graph files are up to date.")
        return
    for name in stale:
        write_atomic(out / name, rendered[name])
    console.print(f"{len(rendered)} graph files, {len(stale)} rewritten.")


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def register(app: typer.Typer) -> None:
    command(app)(curate)
