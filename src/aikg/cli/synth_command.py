"""``aikg synth``: write a synthetic graph shaped like the curated one (issue #6)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from aikg.cli.options import output_option
from aikg.cli.state import command
from aikg.errors import InputError

console = Console(highlight=False)

_SUFFIXES = {"k": 1_000, "m": 1_000_000}
_PLURALS = {"policy": "policies", "technology": "technologies", "person": "people"}


def parse_size(text: str) -> int:
    """``10000``, ``10k``, ``1m`` or ``1_000_000`` as a number of triples."""
    cleaned = text.strip().lower().replace("_", "").replace(",", "")
    scale = _SUFFIXES.get(cleaned[-1:], 1)
    number = cleaned[:-1] if scale > 1 else cleaned
    try:
        value = float(number) * scale
    except ValueError:
        raise InputError(
            f"--triples {text!r}: expected a number such as 10000, 100k or 1m"
        ) from None
    if value != int(value):
        raise InputError(f"--triples {text!r}: not a whole number of triples")
    return int(value)


def synth(
    triples: Annotated[
        str,
        typer.Option(
            "--triples",
            "-n",
            help="How many triples: 10000, 100k, 1m ... (the ontology, always loaded, "
            "comes on top).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        output_option(
            "Folder to write (replaced if it holds an earlier synthetic graph).", old_out=True
        ),
    ],
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same graph.")] = 1,
) -> None:
    """Write a synthetic graph (documents, policies, organizations, observations with
    evidence ...) shaped like the curated one, as N-Triples chunks, for benchmarks and tests.

    It passes the SHACL shapes; a few hubs (a national plan, a big organization) have many
    links and most things few. Use it with --data.

    Example: aikg synth --triples 1m -o build/synth-1m && aikg --data build/synth-1m stats
    """
    from aikg.synth import INFO_FILE, write_synth

    result = write_synth(out, parse_size(triples), seed)
    counts = ", ".join(f"{n} {_PLURALS.get(kind, kind + 's')}" for kind, n in result.counts.items())
    console.print(
        f"Wrote {result.triples} triples to {out}/ in {len(result.files)} N-Triples files "
        f"(seed {seed}): {counts}. Details in {out / INFO_FILE}.",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    command(app)(synth)
