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

import gc
import os
import shutil
import weakref
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from aikg.errors import InputError, SettingError
from aikg.store.base import GraphStore
from aikg.store.files import oxigraph_source, read_triples, reading
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

#: The lock file of a store folder, the prefix of its temporary folders, and every name it holds.
LOCK = ".aikg-store.lock"
TEMP = ".oxigraph-"
OWN = {DATABASE, MANIFEST, LOCK}


class _Lock:
    """A store folder's lock (:func:`fcntl.flock`), shared by readers, held alone by a load; a
    wait is bounded by ``AIKG_STORE_WAIT`` seconds (default 600).

    One lock (one open file) per folder per process, whatever the number of stores open on it
    there: :func:`fcntl.flock` locks belong to an open file, so two files in one process would
    make a load wait for the process's own readers. The stores using it are its ``owners``; the
    lock is released when the last one is gone.
    """

    _of: ClassVar[dict[Path, _Lock]] = {}

    @classmethod
    def of(cls, path: Path) -> _Lock:
        """This process's lock of ``path`` (opened on first use)."""
        key = path.resolve()
        if key not in cls._of:
            cls._of[key] = cls(key)
        return cls._of[key]

    def __init__(self, path: Path) -> None:
        self.path = path
        self.owners: weakref.WeakSet[object] = weakref.WeakSet()
        self.count = 0  # owners alive (a finalizer's count does not depend on callback order)
        try:
            self.fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:
            self.fd = None  # a read-only folder: reading its store needs no lock (none loads)

    def hold(
        self,
        owner: object,
        *,
        exclusive: bool,
        refused: Callable[[str], SettingError],
        notify: Notify,
    ) -> None:
        """Take the lock for ``owner``, shared or alone (waiting for other processes)."""
        import fcntl
        import time

        if self.fd is None:
            if exclusive:
                raise refused("the folder is read-only: cannot (re)load the store")
            return
        if owner not in self.owners:
            self.owners.add(owner)
            self.count += 1
            weakref.finalize(owner, self._release)
        if exclusive and self.count > 1:
            gc.collect()  # stores dropped in this process but not yet collected (cycles)
            if self.count > 1:
                raise refused(
                    "this process still has the store open (an earlier handle on the same "
                    "folder): drop it before its inputs are reloaded"
                )
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(self.fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        wait = float(os.environ.get("AIKG_STORE_WAIT", "600"))
        notify(f"Waiting for another aikg process using {self.path.parent} ...")
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self.fd, mode | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise refused(
                        f"busy: another aikg process is using it (waited {wait:g} s, "
                        "AIKG_STORE_WAIT); try again when it is done"
                    ) from None
                time.sleep(0.1)

    def _release(self) -> None:
        """Unlock once no store of this process uses the folder (called as each one goes)."""
        import fcntl

        self.count -= 1
        if self.fd is not None and self.count == 0:
            fcntl.flock(self.fd, fcntl.LOCK_UN)


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
            with reading(path):
                if suffix in OXIGRAPH_FORMATS and suffix not in QUAD_SUFFIXES:
                    # in memory, load() is faster and smaller; on disk, bulk_load()
                    load = store.load if self.folder is None else store.bulk_load
                    load(
                        **oxigraph_source(path),
                        format=getattr(ox.RdfFormat, OXIGRAPH_FORMATS[suffix]),
                        base_iri=path.resolve().as_uri(),
                        lenient=True,
                    )
                else:  # named graphs are merged into the default graph, as rdflib does
                    store.bulk_extend(ox.Quad(s, p, o) for s, p, o in read_triples(path))
        return store

    def _refused(self, reason: str) -> SettingError:
        return SettingError("store", f"oxigraph:{self.folder}: {reason}")

    def _open(self) -> pyoxigraph.Store:
        """The store in the folder, read-only: reused while up to date, else (re)loaded.

        One lock per folder (``LOCK``, :func:`fcntl.flock`): readers share it, a load holds it
        alone, so a second process waits for a first one's load (bounded by
        ``AIKG_STORE_WAIT`` seconds, default 600) and then reuses it. A load goes into a fresh
        sibling of the database folder, which then takes its place: an interrupted load leaves
        the earlier store or nothing, never a half-written one. A database that cannot be
        opened (corrupted) is reloaded.
        """
        assert self.folder is not None
        folder = self.folder
        if folder.exists() and not folder.is_dir():
            raise self._refused("not a folder")
        inputs = [Input.of(path) for path in self.files]
        if read_manifest(folder / MANIFEST) is None:
            leftovers = [p.name for p in folder.iterdir()] if folder.is_dir() else []
            if any(name not in OWN and not name.startswith(TEMP) for name in leftovers):
                raise self._refused(
                    f"the folder is not empty and holds no aikg store ({MANIFEST}); "
                    "give a new or empty folder"
                )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._refused(f"cannot create the folder ({exc.strerror})") from None
        self._lock = _Lock.of(folder / LOCK)
        self._hold(exclusive=False)
        store, reason = self._reuse(inputs)
        if store is not None:
            return store
        self._hold(exclusive=True)  # no reader now, and no other load
        store, reason = self._reuse(inputs)  # another process may have loaded it meanwhile
        if store is None:
            self._reload(inputs, reason or "first use")
            store, reason = self._reuse(inputs)
            if store is None:
                raise self._refused(f"cannot open the store just loaded ({reason})")
        self._hold(exclusive=False)
        return store

    def reopened(self) -> OxigraphStore:
        """A handle for a process forked from this one (a server's worker): in memory, this
        store (the fork copied it); in a folder, its database opened read-only anew, without
        the folder's lock, which this process holds (a RocksDB handle must not cross a fork).
        Call it after the store was loaded here."""
        import pyoxigraph as ox

        if self.folder is None:
            return self
        other = OxigraphStore(self.files, self.folder, notify=self._notify)
        other._store = ox.Store.read_only(str(self.folder / DATABASE))
        return other

    def _hold(self, *, exclusive: bool) -> None:
        self._lock.hold(self, exclusive=exclusive, refused=self._refused, notify=self._notify)

    def _reuse(self, inputs: list[Input]) -> tuple[pyoxigraph.Store | None, str | None]:
        """The store opened read-only if it holds ``inputs``, else ``None`` and why not."""
        import pyoxigraph as ox

        assert self.folder is not None
        folder = self.folder
        manifest = read_manifest(folder / MANIFEST)
        if manifest is None:
            if (folder / DATABASE).exists():
                return None, "an earlier load did not finish"
            return None, "first use"
        reason = difference(manifest, inputs)
        if reason is None and not (folder / DATABASE).is_dir():
            reason = "its database is missing"
        if reason is not None:
            return None, reason
        try:
            store = ox.Store.read_only(str(folder / DATABASE))
            # one quad read: a database that opens but cannot be read fails here. (Counting
            # every quad, as this did, scanned one index of the store at every command: 0.4 s
            # at a million triples, and blocks of the other indexes went unread all the same.)
            next(iter(store.quads_for_pattern(None, None, None)), None)
        except (OSError, RuntimeError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return None, f"its database cannot be read: {first[:160]}"
        hashed = refresh(manifest, inputs)
        if hashed is not None:
            write_manifest(folder, hashed, manifest.get("triples", 0))
        return store, None

    def _reload(self, inputs: list[Input], reason: str) -> None:
        """Load the inputs into a fresh sibling of the database folder, then swap it in
        (called holding the folder's lock alone)."""
        import pyoxigraph as ox

        assert self.folder is not None
        folder = self.folder
        self._notify(f"Loading the graph into {folder} ({reason}) ...")
        for stale in folder.glob(f"{TEMP}*"):  # left by a load that was killed
            shutil.rmtree(stale, ignore_errors=True)
        fresh = folder / f"{TEMP}new-{os.getpid()}"
        try:
            store = ox.Store(str(fresh))
            self._load(store)
            store.flush()
            count = len(store)
            del store  # closed before its folder is renamed
            (folder / MANIFEST).unlink(missing_ok=True)
            old = folder / f"{TEMP}old-{os.getpid()}"
            if (folder / DATABASE).exists():
                (folder / DATABASE).rename(old)
            fresh.rename(folder / DATABASE)
            write_manifest(folder, inputs, count)
            shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            shutil.rmtree(fresh, ignore_errors=True)
            raise self._refused(f"cannot write the store ({exc.strerror or exc})") from None
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        self._notify(f"Loaded {count} triples into {folder}; later commands reuse it.")

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
        """N-Triples, Turtle and JSON-LD straight from the input files; others through rdflib.

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
        if fmt == "jsonld":  # expanded JSON-LD by Oxigraph: no rdflib graph (1M: seconds, not GiB)
            import pyoxigraph as ox

            triples = ox.parse(self.ntriples(), format=ox.RdfFormat.N_TRIPLES)
            written = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
            assert written is not None  # no output given: the bytes are returned
            return written
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

    def entity_count(self) -> int:
        import pyoxigraph as ox

        from aikg.store.stats import SUMMARY_QUERIES

        solutions = self.store.query(SUMMARY_QUERIES["entities"])
        assert isinstance(solutions, ox.QuerySolutions), "a SELECT"
        return int(next(iter(solutions))[0].value)

    def __len__(self) -> int:
        return len(self.store)
