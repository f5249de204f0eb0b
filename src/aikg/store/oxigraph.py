"""Oxigraph (pyoxigraph) as a store: in memory, or persisted in a folder (``oxigraph:DIR``).

Saved queries run natively on it (:func:`aikg.query.run.run_embedded`). A persistent store is
loaded once and reused, read-only, while its inputs are unchanged (:mod:`aikg.store.manifest`);
it is reloaded, replacing what it held, when they differ (``notify`` says so). A folder that is
neither empty nor such a store is refused, never overwritten.

:meth:`OxigraphStore.graph` reads the rdflib ``Graph`` from the input files with Oxigraph's
parser, not from the store, because the store canonicalizes literals
(``"355"^^xsd:nonNegativeInteger`` is kept as an ``xsd:integer``, ``1.0`` as ``1``); that costs
about as much as rdflib's own parser on the bundled graph, less on large ones, and the memory of
an rdflib graph (about 1.6 kB a triple). Exports to N-Triples and Turtle, statistics and queries
need no rdflib graph.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aikg.errors import InputError, SettingError
from aikg.store.base import GraphStore
from aikg.store.files import read_triples, syntax_error
from aikg.store.formats import FORMATS, OXIGRAPH_FORMATS, QUAD_SUFFIXES
from aikg.store.manifest import (
    DATABASE,
    MANIFEST,
    Input,
    difference,
    read_manifest,
    refresh,
    write_manifest,
)
from aikg.store.spec import StoreSpec
from aikg.store.terms import RdflibTerms

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph

    from aikg.store.stats import Summary

Notify = Callable[[str], None]


class OxigraphStore(GraphStore):
    """An Oxigraph store (pyoxigraph) in memory, or persisted in ``folder`` (see the module)."""

    def __init__(
        self, files: Sequence[Path], folder: Path | None = None, *, notify: Notify | None = None
    ) -> None:
        self.files = list(files)
        self.folder = folder
        self.spec = StoreSpec("oxigraph", folder)
        self._notify = notify or (lambda _line: None)
        self._store: pyoxigraph.Store | None = None
        self._graph: Graph | None = None
        for path in self.files:  # unreadable inputs fail now, as on the memory store
            if not os.access(path, os.R_OK):
                raise InputError(f"{path}: cannot read")

    # --- loading ----------------------------------------------------------------------------

    @property
    def store(self) -> pyoxigraph.Store:
        """The pyoxigraph store, loaded (or reopened) on first use."""
        if self._store is None:
            import pyoxigraph as ox

            self._store = self._open() if self.folder is not None else self._load(ox.Store())
        return self._store

    def _load(self, store: pyoxigraph.Store) -> pyoxigraph.Store:
        import pyoxigraph as ox

        for path in self.files:
            suffix = path.suffix.lower()
            try:
                if suffix in OXIGRAPH_FORMATS and suffix not in QUAD_SUFFIXES:
                    # in memory, load() is faster and smaller; on disk, bulk_load()
                    load = store.load if self.folder is None else store.bulk_load
                    load(
                        path=str(path),
                        format=getattr(ox.RdfFormat, OXIGRAPH_FORMATS[suffix]),
                        base_iri=path.resolve().as_uri(),
                        lenient=True,
                    )
                else:  # named graphs are merged into the default graph, as rdflib does
                    store.bulk_extend(ox.Quad(s, p, o) for s, p, o in read_triples(path))
            except SyntaxError as exc:
                raise syntax_error(path, exc) from None
        return store

    def _refused(self, reason: str) -> SettingError:
        return SettingError("store", f"oxigraph:{self.folder}: {reason}")

    def _open(self) -> pyoxigraph.Store:
        import pyoxigraph as ox

        assert self.folder is not None
        folder = self.folder
        inputs = [Input.of(path) for path in self.files]
        manifest = read_manifest(folder / MANIFEST)
        if manifest is None:
            if folder.exists() and not folder.is_dir():
                raise self._refused("not a folder")
            leftovers = [p.name for p in folder.iterdir()] if folder.is_dir() else []
            if leftovers and leftovers != [DATABASE]:
                raise self._refused(
                    f"the folder is not empty and holds no aikg store ({MANIFEST}); "
                    "give a new or empty folder"
                )
            reason: str | None = "first use" if not leftovers else "an earlier load did not finish"
        else:
            reason = difference(manifest, inputs)
            if reason is None and not (folder / DATABASE).is_dir():
                reason = "its database is missing"
            if reason is None:
                hashed = refresh(manifest, inputs)
                if hashed is not None:
                    write_manifest(folder, hashed, manifest.get("triples", 0))
                try:
                    return ox.Store.read_only(str(folder / DATABASE))
                except OSError as exc:
                    raise self._refused(f"cannot open ({exc})") from None
        self._notify(f"Loading the graph into {folder} ({reason}) ...")
        (folder / MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(folder / DATABASE, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            store = ox.Store(str(folder / DATABASE))
        except OSError as exc:
            raise self._refused(f"cannot open ({exc})") from None
        self._load(store)
        store.flush()
        count = len(store)
        write_manifest(folder, [i.hashed() for i in inputs], count)
        self._notify(f"Loaded {count} triples into {folder}; later commands reuse it.")
        return store

    # --- the whole graph --------------------------------------------------------------------

    def triples(self) -> Iterator[tuple[Any, Any, Any]]:
        """Every triple of the input files, as written (pyoxigraph terms; may repeat)."""
        for path in self.files:
            yield from read_triples(path)

    def graph(self) -> Graph:
        if self._graph is None:
            from rdflib import Graph

            from aikg.namespaces import bind_prefixes

            graph = bind_prefixes(Graph())
            term, add = RdflibTerms(), graph.store.add
            prefixes: dict[str, str] = {}
            for path in self.files:
                for s, p, o in read_triples(path, prefixes):
                    add((term(s), term(p), term(o)), graph, quoted=False)
            for prefix, namespace in prefixes.items():
                graph.bind(prefix, namespace, override=False)
            self._graph = graph
        return self._graph

    def export(self, fmt: str) -> bytes:
        """N-Triples and Turtle straight from the input files; other formats through rdflib.

        N-Triples gives the same bytes as the memory store (sorted lines). Turtle is
        Oxigraph's: sorted, with the project's prefixes; the same graph, spelled differently.
        """
        from aikg.store.export import serialize, turtle_from_ntriples

        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
        if fmt == "nt":
            return self.ntriples()
        if fmt == "turtle":
            return turtle_from_ntriples(self.ntriples())
        return serialize(self.graph(), fmt)

    def ntriples(self) -> bytes:
        """The triples of the input files as N-Triples, as written: sorted unique lines."""
        from aikg.store.files import ntriples_of

        lines: set[bytes] = set()
        for path in self.files:
            lines.update(ntriples_of(path).splitlines(keepends=True))
        return b"".join(sorted(lines))

    def summary(self) -> Summary:
        from aikg.store.stats import summary_of

        def answer(text: str) -> list[tuple[Any, ...]]:
            import pyoxigraph as ox

            term = RdflibTerms()
            solutions = self.store.query(text)
            assert isinstance(solutions, ox.QuerySolutions), "the summary's queries are SELECTs"
            return [tuple(map(term, solution)) for solution in solutions]

        return summary_of(len(self), answer)

    def __len__(self) -> int:
        return len(self.store)
