"""The options that several commands share, defined once (like sqlite-utils' ``output_options``).

Every command spells these the same way: ``-o/--output`` for what it writes, ``-f/--format`` for
how, ``-p/--param`` for query parameters, ``--endpoint`` and ``--timeout`` for remote servers.
Flags are contracts: the older spellings stay as aliases (``--out`` for ``--output``, ``--json``
for ``--format json``) and their help says they are the old spelling.

Output formats, one type per kind of output:

- :class:`ReportFormat` (``table``, ``json``): reports of findings and analyses
  (``check``, ``extract --diff``, ``analyze``);
- :class:`EvalFormat` (``table``, ``json``, ``md``): scores (``eval-extract``);
- query results (``query``): a name of :data:`aikg.query.results.FORMATS`, checked by
  the library (the default depends on the terminal and the ``-o`` suffix);
- graph files (``export``): a name of :data:`aikg.store.formats.FORMATS` or a network
  format (``graphml``, ``gexf``), checked by the library.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

#: What the help of an option says about ``--out``, the spelling build, curate, synth and
#: extract had first.
OLD_OUT = " (--out is the old spelling.)"


class ReportFormat(StrEnum):
    """A report of findings or an analysis: tables for people, JSON for programs."""

    table = "table"
    json = "json"


class EvalFormat(StrEnum):
    """Scores: tables for people, JSON for programs, Markdown for the docs."""

    table = "table"
    json = "json"
    md = "md"


class Engine(StrEnum):
    """A SHACL engine (:mod:`aikg.validation`): the shapes compiled to SPARQL on Oxigraph, or
    pySHACL, the reference."""

    sparql = "sparql"
    pyshacl = "pyshacl"


def engine_option() -> Any:
    """``--engine``: which SHACL engine validates (``validate``, ``build``)."""
    return typer.Option(
        "--engine",
        help="sparql: the shapes compiled to SPARQL on Oxigraph (fast); "
        "pyshacl: pySHACL, the reference. Both give the same findings.",
    )


def output_option(help: str, *, old_out: bool = False, **kwargs: Any) -> Any:
    """``-o/--output`` with this command's ``help``; ``old_out`` keeps ``--out`` as an alias."""
    names = ("-o", "--output", "--out") if old_out else ("-o", "--output")
    return typer.Option(*names, help=help + (OLD_OUT if old_out else ""), **kwargs)


def format_option(help: str, **kwargs: Any) -> Any:
    """``-f/--format`` with this command's ``help``."""
    return typer.Option("--format", "-f", help=help, **kwargs)


def param_option(help: str = "A parameter, as name=value (repeatable).") -> Any:
    """``-p/--param``: a query parameter as ``name=value``, repeatable."""
    return typer.Option("-p", "--param", help=help)


def timeout_option(help: str, **kwargs: Any) -> Any:
    """``--timeout``: seconds to wait for a server (or a query)."""
    return typer.Option("--timeout", help=help, **kwargs)


#: ``--json``, kept where a command had it before ``--format``.
JsonOption = Annotated[
    bool, typer.Option("--json", help="Same as --format json (the old spelling).")
]

#: ``-p/--param`` as a repeatable list.
ParamOption = Annotated[list[str] | None, param_option()]

#: ``--endpoint``: a SPARQL 1.1 endpoint to run on instead of the embedded store.
EndpointOption = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        help="Run on this SPARQL 1.1 endpoint instead of the embedded store. Credentials: "
        "$AIKG_ENDPOINT_USER and $AIKG_ENDPOINT_PASSWORD, or $AIKG_ENDPOINT_TOKEN.",
    ),
]

#: ``-o/--output`` for a file that defaults to standard output.
OutputFile = Annotated[Path | None, output_option("File to write (default: stdout).")]


def report_format(fmt: ReportFormat, as_json: bool) -> ReportFormat:
    """The format chosen by ``--format`` or the older ``--json``.

    >>> report_format(ReportFormat.table, True)
    <ReportFormat.json: 'json'>
    """
    return ReportFormat.json if as_json else fmt
