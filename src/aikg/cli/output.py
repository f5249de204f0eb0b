"""Tabular output for commands: a Rich table on a terminal, tab-separated lines otherwise."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> None:
    """Print ``rows``: readable on a terminal, greppable and never truncated in a pipe."""
    if sys.stdout.isatty():
        table = Table(*headers, title=title or None)
        for row in rows:
            table.add_row(*(str(cell) for cell in row))
        Console(highlight=False).print(table, markup=False)
        return
    out = sys.stdout
    out.write("\t".join(headers) + "\n")
    for row in rows:
        out.write("\t".join(str(cell).replace("\t", " ").replace("\n", " ") for cell in row) + "\n")
    out.flush()
