"""The main job: load and validate the graph, then write every output atomically."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aikg.errors import FindingsError, InputError
from aikg.store.export import check_writable, write_atomic
from aikg.store.files import load_graph
from aikg.store.memory import MemoryStore
from aikg.store.stats import Summary
from aikg.validation import Report, validate

if TYPE_CHECKING:
    from aikg.store.base import GraphStore

#: Output file name -> export format.
GRAPH_OUTPUTS = {"aikg.ttl": "turtle", "aikg.jsonld": "jsonld", "aikg.nt": "nt"}


@dataclass
class BuildResult:
    out_dir: Path
    files: list[Path]
    summary: Summary
    report: Report
    note: str | None = None  #: what was left out, and why (a graph too large to draw)


def build(
    out_dir: Path,
    data: Sequence[Path] | None = None,
    *,
    store: GraphStore | None = None,
    engine: str = "sparql",
) -> BuildResult:
    """Validate, then write the graph exports, the ontology page and the graph view (up to
    :data:`~aikg.view.draw.WHOLE_LIMIT` entities; ``note`` says when it was left out).

    The graph is ``store``'s (see :mod:`aikg.store`), else the ontology and ``data`` (or the
    bundled graph) read with rdflib. A graph that does not conform raises
    :class:`FindingsError` and writes nothing. Every output is rendered in memory before the
    first file is written, and each write is atomic. ``engine`` is the SHACL engine
    (:data:`aikg.validation.ENGINES`).
    """
    from aikg.ontology_docs import ontology_html
    from aikg.view.draw import WHOLE_LIMIT
    from aikg.view.page import render as render_view

    check_writable(out_dir)  # before the work: validation and rendering take seconds
    if store is None:
        store = MemoryStore(load_graph(data))
    report = validate(store, engine=engine)  # on Oxigraph, before any rdflib graph is made
    if not report.conforms:
        raise FindingsError(
            f"the graph does not conform to the shapes ({len(report.findings)} findings); "
            "run 'aikg validate' for the report"
        )
    export = store.export
    rendered = {name: export(fmt) for name, fmt in GRAPH_OUTPUTS.items()}
    rendered["ontology.html"] = ontology_html()
    count = store.entity_count()
    note = None
    if count <= WHOLE_LIMIT:
        rendered["graph.html"] = render_view(store.graph()).html
    else:  # `aikg view` refuses such a page too: hundreds of MB that no browser lays out
        note = (
            f"graph.html not written: {count:,} entities, more than the {WHOLE_LIMIT:,} a "
            "whole-graph view draws; use 'aikg view --focus ENTITY' (or 'aikg serve' and /view)"
        )
    write_set(out_dir, rendered)
    files = [out_dir / n for n in rendered]
    return BuildResult(out_dir, files, store.summary(), report, note)


#: Every name a build writes; other regular files of the folder are carried into the new set.
BUILD_OUTPUTS = (*GRAPH_OUTPUTS, "ontology.html", "graph.html")


def write_set(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` as a set: into a fresh folder beside ``out_dir``, which then takes its
    place (two renames), so a reader sees the old set or the new one, never a mix; a failure
    (full disk, a kill) leaves the old set and at most a hidden ``.NAME.new-*`` folder, removed
    by the next build. A regular file of ``out_dir`` that a build does not write (a user's note,
    the screenshot ``make demo`` takes) is carried into the new set, so it is never deleted; a
    sub-folder or a link there is refused. Failures are one-line :class:`InputError`."""
    try:
        _write_set(out_dir, files)
    except OSError as exc:
        raise InputError(
            f"{exc.filename or out_dir}: cannot write ({exc.strerror or exc})"
        ) from None


def _write_set(out_dir: Path, files: dict[str, bytes]) -> None:
    if out_dir.is_symlink():
        out_dir = Path(os.path.realpath(out_dir))
    if out_dir.exists():
        if not out_dir.is_dir():
            raise InputError(f"{out_dir}: not a folder")
        odd = sorted(p.name for p in out_dir.iterdir() if p.is_symlink() or not p.is_file())
        if odd:
            raise InputError(
                f"{out_dir}: holds {odd[0]!r}, a folder or link build cannot carry into the new "
                "set: move it or give another folder"
            )
        kept = [p for p in out_dir.iterdir() if p.name not in files]
    else:
        kept = []
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.glob(f".{out_dir.name}.new-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=parent))
    old = parent / f".{out_dir.name}.old-{os.getpid()}"
    try:
        umask = os.umask(0)
        os.umask(umask)
        mode = stat.S_IMODE(out_dir.stat().st_mode) if out_dir.exists() else 0o777 & ~umask
        for name, payload in files.items():
            write_atomic(fresh / name, payload)
        for path in kept:  # the user's files: a hard link where it can, else a copy
            try:
                os.link(path, fresh / path.name)
            except OSError:
                shutil.copy2(path, fresh / path.name)
        os.chmod(fresh, mode)
        if out_dir.exists():
            out_dir.rename(old)
        fresh.rename(out_dir)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        if old.exists() and not out_dir.exists():
            old.rename(out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)
