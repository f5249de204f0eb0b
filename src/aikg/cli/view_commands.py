"""The HTML graph view and network analytics: ``aikg view``, ``analyze``, ``path`` (issue #4)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from aikg.cli.options import (
    JsonOption,
    ReportFormat,
    format_option,
    output_option,
    param_option,
    report_format,
)
from aikg.cli.state import command, state
from aikg.errors import InputError

console = Console(highlight=False, soft_wrap=True)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOption = Annotated[
    Lang, typer.Option("--lang", help="Label language: zh (Chinese) or en (English).")
]
SourceLinksOption = Annotated[
    bool,
    typer.Option(
        "--source-links",
        help="Count the source links (a document mentions an entity, a fact derived from a "
        "document) as relations.",
    ),
]


def view(
    ctx: typer.Context,
    output: Annotated[Path, output_option("HTML file to write ('-': stdout).")] = Path(
        "build/graph.html"
    ),
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus", help="Draw the neighbourhood of one entity (IRI, prefixed name or label)."
        ),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option("--depth", min=0, help="How many relations out from --focus (default 1)."),
    ] = None,
    max_neighbours: Annotated[
        int | None,
        typer.Option(
            "--max-neighbours",
            min=0,
            help="With --focus: the most entities drawn of those one entity links to by one "
            "relation (default 100; 0: all). The panel of an entity with more says how many.",
        ),
    ] = None,
    query: Annotated[
        str | None,
        typer.Option("--query", help="Draw the result of the saved CONSTRUCT query NAME."),
    ] = None,
    param: Annotated[
        list[str] | None,
        param_option("A parameter of --query, as name=value (repeatable)."),
    ] = None,
    lang: LangOption = Lang.zh,
    select: Annotated[
        str | None,
        typer.Option("--select", help="Entity selected when the page opens (its panel shown)."),
    ] = None,
    source_links: Annotated[
        bool,
        typer.Option(
            "--source-links",
            help="Show the source links (mentions, derived from) from the start, and let "
            "--focus follow them.",
        ),
    ] = False,
    title: Annotated[str | None, typer.Option("--title", help="Page title.")] = None,
    screenshot: Annotated[
        Path | None,
        typer.Option(
            "--screenshot",
            help="Also save a PNG of the page, taken in headless Chromium (Playwright).",
        ),
    ] = None,
    size: Annotated[
        str, typer.Option("--size", help="Screenshot size in pixels, WIDTHxHEIGHT.")
    ] = "1600x1000",
    whole: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Draw the whole graph even when it has more than 5,000 entities (refused "
            "otherwise, exit 2: use --focus or --query).",
        ),
    ] = False,
) -> None:
    """Write the interactive graph view: one self-contained HTML file that works offline.

    Search by Chinese or English name, filter by class, click a node for its properties,
    observations, sources and quotes; graph.html#<IRI> opens with that entity selected.

    A whole graph of more than 5,000 entities is refused (exit 2) unless --all. A --focus
    view draws at most 100 of the entities one entity links to by one relation (the first
    by IRI; --max-neighbours); the entity's panel says how many it has.

    Examples: aikg view; aikg view --focus 中国互联网络信息中心 --depth 2 --lang en;
    aikg view --query policies-and-issuers; aikg view --screenshot docs/graph-view.png;
    aikg view --focus cnnic -o - > cnnic.html; aikg view --focus cnnic --max-neighbours 0
    """
    from aikg.query.parameters import parse_assignments
    from aikg.store.export import check_writable, write_atomic
    from aikg.view.draw import NotAGraphQuery
    from aikg.view.draw import view as render_view

    if depth is not None and not focus:
        raise InputError("--depth needs --focus")
    if max_neighbours is not None and not focus:
        raise InputError("--max-neighbours needs --focus")
    if param and not query:
        raise InputError("--param needs --query")
    given = parse_assignments(param or [])
    shot_size = _size(size) if screenshot else None
    to_stdout = str(output) == "-"
    for target in (None if to_stdout else output, screenshot):  # before anything is rendered
        if target is not None:
            check_writable(target)
    if screenshot is not None:
        from aikg.view.screenshot import check_browser

        check_browser()
    try:
        result = render_view(
            state(ctx).graph_store(),
            lang=lang.value,
            focus=focus,
            depth=1 if depth is None else depth,
            query=query,
            params=given,
            select=select,
            source_links=source_links,
            title=title,
            whole=whole,
            max_neighbours=max_neighbours,
        )
    except NotAGraphQuery as exc:
        raise InputError(
            f"{exc.origin}: a {exc.form} query; --query draws a CONSTRUCT or DESCRIBE query"
        ) from None
    kib = len(result.html) / 1024
    summary = f"({result.nodes} entities, {result.edges} relations, {kib:.0f} KiB"
    if result.not_drawn:
        summary += (
            f"; {result.not_drawn:,} linked entities not drawn, past {result.max_neighbours} a "
            "relation: --max-neighbours 0 draws them"
        )
    summary += ")"
    # the page on stdout is the output: what was written is said on stderr
    say = Console(stderr=True, highlight=False) if to_stdout else console
    if to_stdout:
        sys.stdout.buffer.write(result.html)
        sys.stdout.flush()
        say.print(f"Wrote the page {summary}", markup=False)
    else:
        write_atomic(output, result.html)
        say.print(f"Wrote {output} {summary}", markup=False)
    if screenshot is not None and shot_size is not None:
        import tempfile

        from aikg.view.screenshot import screenshot as take

        with tempfile.TemporaryDirectory() as folder:
            page = output
            if to_stdout:  # the browser opens a file
                page = Path(folder) / "graph.html"
                page.write_bytes(result.html)
            png = take(page, width=shot_size[0], height=shot_size[1])
        write_atomic(screenshot, png)
        say.print(f"Wrote {screenshot} ({shot_size[0]}x{shot_size[1]} PNG)", markup=False)


def _size(text: str) -> tuple[int, int]:
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise InputError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1600x1000")
    width, height = int(parts[0]), int(parts[1])
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise InputError(f"--size {text!r}: each side must be 200 to 8000 pixels")
    return width, height


def analyze(
    ctx: typer.Context,
    top: Annotated[int, typer.Option("--top", min=1, help="How many entities to rank.")] = 10,
    lang: LangOption = Lang.zh,
    source_links: SourceLinksOption = False,
    fmt: Annotated[ReportFormat, format_option("Output: tables, or JSON.")] = ReportFormat.table,
    as_json: JsonOption = False,
) -> None:
    """The most central entities (betweenness, degree), connected components, entities by class.

    Relations are read in both directions; source links are left out unless --source-links.

    Example: aikg analyze --top 5 --lang en --format json
    """
    from aikg.view.analytics import BETWEENNESS_SEED, COMPONENT_MEMBERS_SHOWN
    from aikg.view.analytics import analyze as run_analysis
    from aikg.view.network import label
    from aikg.view.skeleton import class_names, describe, skeleton

    store = state(ctx).graph_store()
    net = skeleton(store)
    names = class_names(store, lang.value)
    result = run_analysis(
        net,
        top=top,
        lang=lang.value,
        provenance=source_links,
        class_labels=names,
        named=lambda nodes: describe(store, nodes),
    )
    if report_format(fmt, as_json) is ReportFormat.json:
        print(json.dumps(result.as_dict(lang.value), ensure_ascii=False, indent=2))
        return
    links = "with" if source_links else "without"
    console.print(
        f"{result.entities} entities, {result.relations} relations ({links} source links), "
        f"{len(result.components)} connected components "
        f"({result.isolated} entities without relations)",
        markup=False,
    )
    sample = (
        f" (betweenness estimated from a sample of {result.betweenness_sample} sources, "
        f"seed {BETWEENNESS_SEED})"
        if result.betweenness_sample
        else ""
    )
    table = Table(
        "#", "entity", "class", "betweenness", "degree", title=f"Most central{sample}",
        title_justify="left",
    )  # fmt: skip
    for rank, item in enumerate(result.central, 1):
        table.add_row(
            str(rank), item.label, names.get(item.cls, item.cls), f"{item.betweenness:.4f}",
            str(item.degree),
        )  # fmt: skip
    console.print(table, markup=False)
    table = Table("#", "entity", "class", "degree", title="Most connected", title_justify="left")
    for rank, item in enumerate(result.by_degree, 1):
        table.add_row(str(rank), item.label, names.get(item.cls, item.cls), str(item.degree))
    console.print(table, markup=False)
    table = Table("size", "most connected members", title="Components", title_justify="left")
    joined = [c for c in result.components if c.size > 1]
    for component in joined[:top]:
        shown = component.members[:COMPONENT_MEMBERS_SHOWN]
        members = ", ".join(label(net, m, lang.value) for m in shown)
        more = f" … (+{component.size - len(shown)})" if component.size > len(shown) else ""
        table.add_row(str(component.size), members + more)
    rest = joined[top:]
    if rest:
        sizes = sorted({c.size for c in rest})
        span = f"{sizes[0]}" if len(sizes) == 1 else f"{sizes[0]}-{sizes[-1]}"
        table.add_row(span, f"{len(rest)} more components")
    if result.isolated:
        table.add_row("1", f"{result.isolated} entities without relations")
    console.print(table, markup=False)
    table = Table("class", "entities", title="Entities by class", title_justify="left")
    for counted in result.by_class:
        table.add_row(f"{counted.label} ({counted.cls})", str(counted.count))
    console.print(table, markup=False)


def path(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="From: an IRI, a prefixed name or a label.")],
    target: Annotated[str, typer.Argument(help="To: an IRI, a prefixed name or a label.")],
    lang: LangOption = Lang.zh,
    source_links: SourceLinksOption = False,
    directed: Annotated[
        bool, typer.Option("--directed", help="Follow relations only in their direction.")
    ] = False,
) -> None:
    """The shortest chain of relations between two entities, as a sentence.

    Exit 1 when there is none.

    Example: aikg path 工业机器人 人工智能 --lang en
    """
    from aikg.view.analytics import shortest_path
    from aikg.view.network import build_network, resolve

    graph = state(ctx).graph()
    net = build_network(graph)
    a, b = resolve(net, source), resolve(net, target)
    found = shortest_path(net, a, b, provenance=source_links, directed=directed, lang=lang.value)
    count = len(found.steps)
    noun = "relation" if count == 1 else "relations"
    print(found.sentence(net, lang.value))
    console.print(f"{count} {noun}", markup=False, style="dim")


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    for func in (view, analyze, path):
        command(app)(func)
