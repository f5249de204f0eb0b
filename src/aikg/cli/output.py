"""Tabular output for commands: a Rich table on a terminal, tab-separated lines otherwise."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

#: Width of a report's lines when they go to a pipe or a file, not a terminal: wider than a
#: terminal's 80 columns, so that a finding's quotes and sources stay readable.
PIPED_WIDTH = 160
#: Height Rich is given in a pipe (it lays nothing out by height; unset, it asks the operating
#: system for the terminal's size at every ``print``, a fifth of a long report's time).
PIPED_HEIGHT = 25


def report_console() -> Console:
    """The console of a command's report on standard output: the terminal's width on a
    terminal; in a pipe or a file, tables :data:`PIPED_WIDTH` columns wide and lines of text
    left whole (not wrapped: grep finds a sentence on one line, and Rich's word wrapping was
    a third of a long report's time)."""
    if sys.stdout.isatty():
        return Console(highlight=False)
    return Console(highlight=False, width=PIPED_WIDTH, height=PIPED_HEIGHT, soft_wrap=True)


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
