"""``aikg extract`` and ``aikg eval-extract``: draft a document's facts; measure the drafts."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from aikg.cli.options import EvalFormat, ReportFormat, format_option, output_option
from aikg.cli.output import report_console
from aikg.cli.state import command, state
from aikg.errors import EXIT_FINDINGS, InputError

if TYPE_CHECKING:
    from aikg.extraction import Progress
    from aikg.extraction.diff import DiffReport
    from aikg.extraction.evaluate import Evaluation
    from aikg.extraction.sheet import Draft

console = report_console()
err = Console(stderr=True, highlight=False)


def extract(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Text or Markdown files to draft.")],
    out: Annotated[
        Path | None, output_option("Write the draft graph (Turtle) here.", old_out=True)
    ] = None,
    sheet: Annotated[
        Path | None,
        typer.Option(
            "--sheet",
            help="Also write the draft as a curation sheet (YAML): a file for one input, "
            "a folder for several.",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="Title, for a text without front matter.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL, for a text without front matter.")] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Publisher, for a text without front matter.")
    ] = None,
    date_: Annotated[
        str | None,
        typer.Option("--date", help="Document date (YYYY-MM-DD), when the text does not give it."),
    ] = None,
    reliability: Annotated[
        str,
        typer.Option(help="Reliability class of the publisher: official, wire, relay, repost."),
    ] = "repost",
    shared: Annotated[
        Path | None,
        typer.Option(help="The shared corpus folder that source paths are relative to."),
    ] = None,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Show what the draft adds to the graph: new entities, new observations, "
            "conflicts (exit 1 on a conflict).",
        ),
    ] = False,
    fmt: Annotated[ReportFormat, format_option("Output of --diff.")] = ReportFormat.table,
    no_validate: Annotated[
        bool, typer.Option("--no-validate", help="Skip SHACL validation of the draft.")
    ] = False,
    draft_unsure: Annotated[
        bool,
        typer.Option(
            "--draft-unsure",
            help="Draft the figures the rules assumed a part of (no date stated, a place they "
            "cannot name, a graph variable passed over) as observations too, instead of listing "
            "them under the sheet's 'unsure' key; their reading notes say what was assumed.",
        ),
    ] = False,
) -> None:
    """Draft the facts of new documents, with evidence, linked to the entities the graph knows.

    Without -o or --diff, the draft graph is written to standard output as Turtle.

    A figure the rules assumed a part of (no date stated for it, a place of its own the text
    does not name in a way they know, a graph variable of a near name passed over for its
    scope) is not drafted: the sheet lists it under 'unsure', complete, with what was assumed
    in its reading note (--draft-unsure drafts it as an observation).

    Example: aikg extract ../shared/sources/some-article.md -o draft.ttl --sheet draft.yaml
    """
    from aikg import paths
    from aikg.extraction import Meta
    from aikg.extraction import extract as run_extract
    from aikg.store.export import serialize, write_atomic

    if reliability not in ("official", "wire", "relay", "repost"):
        raise InputError(f"--reliability {reliability!r}: use official, wire, relay or repost")
    if date_ is not None:
        try:
            date.fromisoformat(date_)
        except ValueError:
            raise InputError(f"--date {date_!r} is not YYYY-MM-DD") from None
    for file in files:
        if not file.is_file():
            raise InputError(f"{file}: no such file")
    known = state(ctx).graph()  # the store --store names, holding --data (or the bundled graph)
    meta = Meta(title, url, publisher, date_, f"reliability:{reliability}")
    base = shared or paths.shared_dir()
    drafts = []
    for file in files:
        with _progress_bar(file) as progress:
            drafts.append(
                run_extract(
                    file,
                    known,
                    shared=base,
                    meta=meta,
                    progress=progress,
                    draft_unsure=draft_unsure,
                )
            )
    from rdflib import Graph

    combined = Graph()
    for draft in drafts:
        combined += draft.graph
    if not no_validate:
        from aikg.validation import validate

        report = validate(known + combined)
        if not report.conforms:
            for finding in report.findings[:20]:
                err.print(f"{finding.focus} {finding.path}: {finding.message}", markup=False)
            err.print("aikg: the draft does not conform to the shapes; nothing written")
            raise typer.Exit(EXIT_FINDINGS)
    if sheet is not None:
        _write_sheets(drafts, sheet, write_atomic)
    if out is not None:
        write_atomic(out, serialize(combined))
    for draft in drafts:
        _summary(draft)
    if diff:
        from aikg.extraction.diff import diff as run_diff

        reports = [run_diff(draft, known) for draft in drafts]
        if fmt is ReportFormat.json:
            payload = [r.to_json() for r in reports]
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            for diff_report in reports:
                _print_diff(diff_report)
        if any(r.has_conflict for r in reports):
            raise typer.Exit(EXIT_FINDINGS)
    elif out is None:
        sys.stdout.buffer.write(serialize(combined))
        sys.stdout.flush()


#: A text this long (UTF-8 bytes) gets a progress bar: it takes several seconds to draft.
LONG_TEXT = 20_000


@contextmanager
def _progress_bar(file: Path) -> Iterator[Progress | None]:
    """A progress bar on standard error while ``file`` is drafted, when standard error is a
    terminal and the text is long; else nothing (no output changes, nothing on a pipe)."""
    if not err.is_terminal or file.stat().st_size < LONG_TEXT:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(f"{file.name}: reading the text", total=None)

        def update(done: int, total: int, stage: str) -> None:
            bar.update(task, completed=done, total=total, description=f"{file.name}: {stage}")

        yield update


def _write_sheets(
    drafts: list[Draft], sheet: Path, write_atomic: Callable[[Path, bytes], None]
) -> None:
    if len(drafts) == 1 and sheet.suffix in (".yaml", ".yml"):
        write_atomic(sheet, drafts[0].sheet_yaml().encode("utf-8"))
        return
    if sheet.exists() and not sheet.is_dir():
        raise InputError(f"--sheet {sheet}: give a folder for several inputs")
    for draft in drafts:
        write_atomic(sheet / f"{draft.path.stem}.yaml", draft.sheet_yaml().encode("utf-8"))


def _summary(draft: Draft) -> None:
    observations = sum(1 for f in draft.facts if f.kind == "observation")
    targets = sum(1 for f in draft.facts if f.kind == "target")
    new = sum(1 for _, _, is_new in draft.entities if is_new)
    variables = len({f.variable for f in draft.facts if f.variable_new})
    held = f", {len(draft.unsure)} figures left out as unsure" if draft.unsure else ""
    err.print(
        f"{draft.path.name}: {observations} observations, {targets} targets, "
        f"{len(draft.entities)} entities ({new} new), {variables} new variables{held}",
        markup=False,
        soft_wrap=True,  # one line a document, in a pipe too
    )


def _print_diff(report: DiffReport) -> None:
    from rich.table import Table

    console.print(f"[bold]{report.document}[/]", markup=True)
    if report.new_entities:
        table = Table("new entity", "type", "label", title="New entities", title_justify="left")
        for row in report.new_entities:
            table.add_row(row["iri"], row["type"], row["label"])
        console.print(table)
    for name, rows in (("Observations", report.observations), ("Targets", report.targets)):
        if rows:
            table = Table(
                "draft", "label", "status", "in the graph", title=name, title_justify="left"
            )
            for row in rows:
                table.add_row(row["iri"], row["label"], row["status"], row["graph"])
            console.print(table)
    if report.conflicts:
        console.print(f"[bold red]{len(report.conflicts)} conflicts with the graph:[/]")
        for finding in report.conflicts:
            console.print(f"  • {finding['explanation']}", markup=False)
            console.print(f"    ({finding['note']})", markup=False)
    new = sum(1 for r in report.observations if r["status"] == "new")
    console.print(
        f"{len(report.new_entities)} new entities, {new} new observations, "
        f"{len(report.targets)} targets, {len(report.conflicts)} conflicts.",
        markup=False,
    )


def eval_extract(
    ctx: typer.Context,
    draft: Annotated[Path | None, typer.Argument(help="Draft graph (Turtle).")] = None,
    gold: Annotated[
        Path | None, typer.Argument(help="Curated graph of the same document(s).")
    ] = None,
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus",
            help="Extract every curated document (each against the graph without it) and "
            "score it against its curated graph.",
        ),
    ] = False,
    graph_dir: Annotated[
        Path | None, typer.Option(help="Curated graph folder for --corpus (default: bundled).")
    ] = None,
    shared: Annotated[Path | None, typer.Option(help="The shared corpus folder.")] = None,
    fmt: Annotated[EvalFormat, format_option("Output.")] = EvalFormat.table,
    update: Annotated[
        Path | None,
        typer.Option(
            help="Replace the table between the eval-extract markers of this Markdown file."
        ),
    ] = None,
) -> None:
    """Precision, recall and F1 of drafted observations and targets; entity-linking accuracy.

    Example: aikg eval-extract --corpus --format md
    """
    from aikg import paths
    from aikg.extraction.evaluate import evaluate, known_iris
    from aikg.store.files import parse_file

    if corpus:
        if draft or gold:
            raise InputError("give DRAFT and GOLD, or --corpus, not both")
        from aikg.extraction.corpus import run_corpus

        folder = graph_dir or paths.graph_dir()
        base = shared or paths.shared_dir()
        if base is None:
            raise InputError("the shared corpus folder was not found; give --shared")
        evaluation = run_corpus(
            folder, base, lambda name: err.print(f"extracting {name}", markup=False)
        ).evaluation
        provenance = _provenance(folder)
    else:
        if draft is None or gold is None:
            raise InputError("give DRAFT and GOLD graph files (or --corpus)")
        from rdflib import Graph, URIRef

        draft_graph, gold_graph = Graph(), Graph()
        parse_file(draft_graph, draft)
        parse_file(gold_graph, gold)
        current = state(ctx).graph()
        rest = current - gold_graph
        known = known_iris(rest)
        reusable = known | {str(s) for s in rest.subjects() if isinstance(s, URIRef)}
        evaluation = evaluate(draft_graph, gold_graph, known, reusable)
        provenance = f"draft {draft.name}, gold {gold.name}"
    if fmt is EvalFormat.json:
        payload = {"provenance": provenance, **evaluation.to_json()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt is EvalFormat.md:
        sys.stdout.write(markdown(evaluation, provenance))
    else:
        _print_table(evaluation, provenance)
    if update is not None:
        _update_doc(update, markdown(evaluation, provenance))


_BEGIN, _END = "<!-- eval-extract:begin -->", "<!-- eval-extract:end -->"


def _update_doc(path: Path, table: str) -> None:
    from aikg.store.export import write_atomic

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if _BEGIN not in text or _END not in text:
        raise InputError(f"{path}: no {_BEGIN} … {_END} block to update")
    head, rest = text.split(_BEGIN, 1)
    _, tail = rest.split(_END, 1)
    write_atomic(path, f"{head}{_BEGIN}\n{table}{_END}{tail}".encode())


def _provenance(folder: Path) -> str:
    from rdflib import URIRef
    from rdflib.namespace import OWL

    from aikg.namespaces import AIKG
    from aikg.store.files import ontology_graph

    digest = hashlib.sha256()
    files = sorted(folder.glob("*.ttl"))
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    version = ontology_graph().value(URIRef(str(AIKG).rstrip("#")), OWL.versionInfo)
    return (
        f"{date.today().isoformat()}; graph/ with {len(files)} files, SHA-256 "
        f"{digest.hexdigest()[:12]}; ontology {version}"
    )


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _ratio(cell: tuple[int, int]) -> str:
    agree, total = cell
    return f"{agree}/{total}" if total else "–"


def _rows(evaluation: Evaluation) -> list[list[str]]:
    rows = []
    for doc in [*evaluation.documents, evaluation.overall]:
        o, t, link = doc.observations, doc.targets, doc.linking
        oa, ta = doc.obs_attributes, doc.target_attributes
        rows.append(
            [
                doc.document if doc.document != "overall" else "**overall**",
                f"{o.matched}/{o.drafted}/{o.gold}",
                _fmt(o.precision),
                _fmt(o.recall),
                _fmt(o.f1),
                f"{t.matched}/{t.drafted}/{t.gold}",
                _fmt(t.precision),
                _fmt(t.recall),
                _fmt(t.f1),
                f"{link.correct}/{link.found}/{link.gold}",
                _fmt(link.accuracy),
                _fmt(link.coverage),
                *(_ratio(oa.cell(name)) for name in ("period", "area", "var")),
                *(_ratio(ta.cell(name)) for name in ("year", "area", "var", "policy")),
            ]
        )
    return rows


_HEADER = [
    "document", "obs m/d/g", "P", "R", "F1", "targets m/d/g", "P", "R", "F1",
    "entities c/f/g", "EL acc.", "coverage",
    # agreement of the matched facts with the gold (a/n), after the scored columns
    "obs period", "obs area", "obs var", "tgt year", "tgt area", "tgt var", "tgt policy",
]  # fmt: skip


def markdown(evaluation: Evaluation, provenance: str) -> str:
    lines = [
        f"Generated by `aikg eval-extract --corpus --format md` on {provenance}.",
        "",
        "| " + " | ".join(_HEADER) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(_HEADER))) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in _rows(evaluation)]
    lines += [
        "",
        "m/d/g: matched / drafted / gold; c/f/g: linked correctly / found / gold mentions. "
        "obs period/area/var, tgt year/area/var/policy: on a/n of the matched facts where the "
        "gold states it, the draft agrees with the gold (a variable or policy the extractor could "
        "not know agrees when the draft makes a new one).",
    ]
    return "\n".join(lines) + "\n"


def _print_table(evaluation: Evaluation, provenance: str) -> None:
    from rich.table import Table

    table = Table(*_HEADER, title=f"Extraction against the curated graph ({provenance})")
    for row in _rows(evaluation):
        table.add_row(*[cell.replace("**", "") for cell in row])
    console.print(table)
    console.print(
        "m/d/g: matched / drafted / gold; c/f/g: linked correctly / found / gold mentions; "
        "obs/tgt attributes: a/n matched facts on which the draft agrees with the gold.",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    command(app)(extract)
    command(app, name="eval-extract")(eval_extract)
