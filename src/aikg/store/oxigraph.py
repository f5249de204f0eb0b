"""Where a command holds the graph it reads: Oxigraph or rdflib's in-memory graph (issue #6).

``aikg --store SPEC COMMAND`` (a global option, like ``--data``; or ``$AIKG_STORE``) chooses:

- ``oxigraph`` (the default): an in-memory Oxigraph store (pyoxigraph). Saved queries run
  natively on it, bound the same way as on every engine (a ``VALUES`` block).
- ``oxigraph:DIR``: the same, persisted in the folder ``DIR``: a large graph is loaded once and
  queried many times. ``DIR`` holds the store and a manifest of the input files (path, size,
  modification time, SHA-256) and of the pyoxigraph version; a later command reuses it,
  read-only, when the inputs are unchanged, and reloads it, replacing what it held, when they
  differ (a message on stderr says so). A folder that is neither empty nor such a store is
  refused, never overwritten.
- ``memory``: rdflib's in-memory graph; queries run on rdflib's SPARQL engine.

Commands that need an rdflib ``Graph`` (validate, check, view, analyze, path, build; export in
the formats rdflib writes) get one from :meth:`GraphStore.graph`. On an Oxigraph store it is read
from the input files by Oxigraph's parser, not from the store, because the store canonicalizes
literals (``"355"^^xsd:nonNegativeInteger`` is kept as an ``xsd:integer``, ``1.0`` as ``1``);
that costs about as much as rdflib's own parser on the bundled graph, less on large ones, and the
memory of an rdflib graph (about 1.6 kB a triple). Exports to N-Triples and Turtle, statistics
and queries need no rdflib graph.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aikg.errors import InputError

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph

    from aikg.query.catalog import SavedQuery
    from aikg.query.results import Result
    from aikg.store.stats import Summary

#: The store a command uses when ``--store`` is not given: the fastest for the bundled graph.
DEFAULT_STORE = "oxigraph"
STORE_ENV = "AIKG_STORE"
#: The manifest file and the database folder inside ``oxigraph:DIR``.
MANIFEST = "aikg-store.json"
DATABASE = "oxigraph"
MANIFEST_FORMAT = 1

#: File suffix -> pyoxigraph format name (``.n3`` files are read with rdflib).
OXIGRAPH_FORMATS = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".owl": "RDF_XML",
    ".xml": "RDF_XML",
}
_QUAD_FORMATS = {".nq", ".trig"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Notify = Callable[[str], None]


# --------------------------------------------------------------------------------------------
# Choosing a store


@dataclass(frozen=True)
class StoreSpec:
    """What ``--store`` asked for: ``memory``, ``oxigraph`` or ``oxigraph:DIR``."""

    kind: str
    path: Path | None = None

    def __str__(self) -> str:
        return self.kind if self.path is None else f"{self.kind}:{self.path}"


def parse_store(text: str | None) -> StoreSpec:
    """The store named by ``text`` (``None`` or empty: the default); anything else is an error."""
    if not text:
        return StoreSpec(DEFAULT_STORE)
    kind, colon, folder = text.partition(":")
    if kind == "memory" and not colon:
        return StoreSpec("memory")
    if kind == "oxigraph":
        if not colon:
            return StoreSpec("oxigraph")
        if folder.strip():
            return StoreSpec("oxigraph", Path(folder).expanduser())
        raise InputError(f"--store {text!r}: give a folder after the colon (oxigraph:DIR)")
    raise InputError(f"--store {text!r}: use memory, oxigraph or oxigraph:DIR")


def input_files(data: Sequence[Path] | None = None) -> list[Path]:
    """The files a store holds: the ontology, then ``data`` (default: the bundled graph)."""
    from aikg import paths
    from aikg.store.files import data_files

    return [*paths.ontology_files(), *data_files(data or [paths.graph_dir()])]


def open_store(
    spec: StoreSpec | str | None = None,
    data: Sequence[Path] | None = None,
    *,
    notify: Notify | None = None,
) -> GraphStore:
    """The store ``spec`` holding the ontology and ``data`` (default: the bundled graph).

    Input files are checked at once; an Oxigraph store is loaded when it is first queried.
    ``notify`` receives a line when a persistent store is (re)loaded.
    """
    if not isinstance(spec, StoreSpec):
        spec = parse_store(spec)
    files = input_files(data)
    if spec.kind == "memory":
        return MemoryStore.from_files(files)
    return OxigraphStore(files, spec.path, notify=notify)


# --------------------------------------------------------------------------------------------
# The interface


class GraphStore(ABC):
    """A graph held for reading: run queries, count, export, or hand out an rdflib Graph."""

    spec: StoreSpec

    @abstractmethod
    def run(
        self, query: SavedQuery, given: dict[str, str], *, allow_service: bool = False
    ) -> Result:
        """Run ``query`` with the parameters ``given`` (bound as a ``VALUES`` block)."""

    @abstractmethod
    def graph(self) -> Graph:
        """The whole graph as an rdflib ``Graph`` (do not mutate it)."""

    @abstractmethod
    def export(self, fmt: str) -> bytes:
        """The graph in ``fmt`` (see :data:`aikg.export.FORMATS`), deterministically."""

    @abstractmethod
    def summary(self) -> Summary:
        """What :func:`aikg.stats.summarize` gives for the graph."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of triples."""


class MemoryStore(GraphStore):
    """rdflib's in-memory graph; queries run on rdflib's SPARQL engine (:mod:`aikg.sparql`)."""

    spec = StoreSpec("memory")

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> MemoryStore:
        from rdflib import Graph

        from aikg.namespaces import bind_prefixes
        from aikg.store.files import parse_file

        graph = bind_prefixes(Graph())
        for path in files:
            parse_file(graph, path)
        return cls(graph)

    def run(
        self, query: SavedQuery, given: dict[str, str], *, allow_service: bool = False
    ) -> Result:
        from aikg.query import sparql
        from aikg.query.run import prepare

        text = prepare(query, given)
        return sparql.run(self._graph, text, query.origin, allow_service=allow_service)

    def graph(self) -> Graph:
        return self._graph

    def export(self, fmt: str) -> bytes:
        from aikg.store.export import serialize

        return serialize(self._graph, fmt)

    def summary(self) -> Summary:
        from aikg.store.stats import summarize

        return summarize(self._graph)

    def __len__(self) -> int:
        return len(self._graph)


# --------------------------------------------------------------------------------------------
# Oxigraph


def _ox() -> Any:
    import pyoxigraph

    return pyoxigraph


def _syntax_error(path: Path, exc: SyntaxError) -> InputError:
    reason = str(exc)
    if reason.startswith("Parser error") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    line = f"{exc.lineno}:" if isinstance(exc.lineno, int) else ""
    return InputError(f"{path}:{line} {' '.join(reason.split())}")


def _parser(path: Path) -> Any:
    """Oxigraph's parser of ``path`` (a format it reads): lenient, blank nodes renamed apart."""
    ox = _ox()
    return ox.parse(
        path=str(path),
        format=getattr(ox.RdfFormat, OXIGRAPH_FORMATS[path.suffix.lower()]),
        base_iri=path.resolve().as_uri(),
        rename_blank_nodes=True,
        lenient=True,
    )


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    """A parse error as ``file:line: reason``, an unreadable file as one line."""
    try:
        yield
    except SyntaxError as exc:
        raise _syntax_error(path, exc) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_triples(
    path: Path, prefixes: dict[str, str] | None = None
) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of ``path`` as pyoxigraph terms, as written (named graphs merged); the
    prefixes a Turtle or TriG file declares are put in ``prefixes``.

    IRIs are not validated (Oxigraph's lenient mode, about twice as fast; rdflib does not
    validate them either); a malformed file is an :class:`InputError` (``file:line: reason``).
    """
    suffix = path.suffix.lower()
    if suffix not in OXIGRAPH_FORMATS:  # .n3: rdflib reads it
        from rdflib import Graph

        from aikg.store.files import parse_file

        graph = Graph()
        parse_file(graph, path)
        to_ox = OxigraphTerms()
        for triple in graph:
            yield to_ox.triple(triple)
        return
    with _reading(path):
        parser = _parser(path)
        for quad in parser:
            yield quad.subject, quad.predicate, quad.object
    if prefixes is not None and suffix in (".ttl", ".trig"):
        prefixes.update(parser.prefixes)


def literal_maker() -> Callable[[str, str | None, str | None], Any]:
    """A function ``(lexical, datatype IRI or None, language or None) -> Literal`` that gives
    what rdflib's ``Literal(lexical, datatype=..., lang=..., normalize=False)`` gives, in a
    quarter of the time: rdflib's constructor for a lexical form, without its checks of every
    other kind of argument. Oxigraph's lexical forms and language tags are canonical and valid
    already, so nothing is normalized (tests/test_store.py compares the two)."""
    from rdflib.term import (
        _XSD_NORMALISED_STRING,
        _XSD_TOKEN,
        Literal,
        URIRef,
        _castLexicalToPython,
        _check_well_formed_types,
        _toPythonMapping,
        _well_formed_by_value,
    )

    new_str = str.__new__
    special = {str(_XSD_NORMALISED_STRING), str(_XSD_TOKEN)}
    datatypes: dict[str, Any] = {}

    def make(lexical: str, datatype_iri: str | None, language: str | None = None) -> Any:
        literal = new_str(Literal, lexical)
        literal._ill_typed = None
        if datatype_iri is None:  # a plain or language-tagged string: its value is itself
            literal._language = language
            literal._datatype = None
            literal._value = lexical
            return literal
        if datatype_iri in special:  # whitespace rules: rdflib's own constructor
            return Literal(lexical, datatype=datatype_iri, normalize=False)
        datatype = datatypes.get(datatype_iri)
        if datatype is None:
            datatype = datatypes[datatype_iri] = URIRef(datatype_iri)
        value = _castLexicalToPython(lexical, datatype)
        if datatype in _toPythonMapping:
            checker = _check_well_formed_types.get(datatype, _well_formed_by_value)
            literal._ill_typed = not checker(lexical, value)
        literal._language = None
        literal._datatype = datatype
        literal._value = value
        return literal

    return make


class RdflibTerms:
    """pyoxigraph terms to rdflib terms (each distinct term converted once)."""

    def __init__(self) -> None:
        from rdflib import BNode, URIRef

        self._uri, self._bnode = URIRef, BNode
        self._named = _ox().NamedNode
        self._blank = _ox().BlankNode
        self._cache: dict[Any, Any] = {}
        self._make = literal_maker()

    def __call__(self, term: Any) -> Any:
        if term is None:
            return None
        found = self._cache.get(term)
        if found is not None:
            return found
        kind = type(term)
        if kind is self._named:  # Oxigraph's IRIs: no need for rdflib's validity warning
            found = str.__new__(self._uri, term.value)
        elif kind is self._blank:
            found = self._bnode(term.value)
        elif term.language:
            found = self._make(term.value, None, term.language)
        elif (datatype := term.datatype.value) == XSD_STRING:
            found = self._make(term.value, None)
        else:
            found = self._make(term.value, datatype)
        self._cache[term] = found
        return found


class OxigraphTerms:
    """rdflib terms to pyoxigraph terms."""

    def __init__(self) -> None:
        from rdflib import BNode, URIRef

        self._uri, self._bnode = URIRef, BNode
        self._ox = _ox()

    def __call__(self, term: Any) -> Any:
        ox = self._ox
        if isinstance(term, self._uri):
            return ox.NamedNode(str(term))
        if isinstance(term, self._bnode):
            return ox.BlankNode(str(term))
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))

    def triple(self, triple: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
        return self(triple[0]), self(triple[1]), self(triple[2])


@dataclass
class _Input:
    path: str
    size: int
    mtime_ns: int
    sha256: str = ""

    @classmethod
    def of(cls, path: Path) -> _Input:
        try:
            status = path.stat()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        return cls(str(path.resolve()), status.st_size, status.st_mtime_ns)

    def hashed(self) -> _Input:
        digest = hashlib.sha256()
        with open(self.path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return _Input(self.path, self.size, self.mtime_ns, digest.hexdigest())


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
            self._store = self._open() if self.folder is not None else self._load(_ox().Store())
        return self._store

    def _load(self, store: pyoxigraph.Store) -> pyoxigraph.Store:
        ox = _ox()
        for path in self.files:
            suffix = path.suffix.lower()
            try:
                if suffix in OXIGRAPH_FORMATS and suffix not in _QUAD_FORMATS:
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
                raise _syntax_error(path, exc) from None
        return store

    def _open(self) -> pyoxigraph.Store:
        assert self.folder is not None
        folder, ox = self.folder, _ox()
        inputs = [_Input.of(path) for path in self.files]
        manifest = _read_manifest(folder / MANIFEST)
        if manifest is None:
            if folder.exists() and not folder.is_dir():
                raise InputError(f"--store oxigraph:{folder}: not a folder")
            leftovers = [p.name for p in folder.iterdir()] if folder.is_dir() else []
            if leftovers and leftovers != [DATABASE]:
                raise InputError(
                    f"--store oxigraph:{folder}: the folder is not empty and holds no aikg store "
                    f"({MANIFEST}); give a new or empty folder"
                )
            reason = "first use" if not leftovers else "an earlier load did not finish"
        else:
            reason = _difference(manifest, inputs)
            if reason is None and not (folder / DATABASE).is_dir():
                reason = "its database is missing"
            if reason is None:
                hashed = _refresh(manifest, inputs)
                if hashed is not None:
                    _write_manifest(folder, hashed, manifest.get("triples", 0))
                try:
                    return ox.Store.read_only(str(folder / DATABASE))
                except OSError as exc:
                    raise InputError(f"--store oxigraph:{folder}: cannot open ({exc})") from None
        self._notify(f"Loading the graph into {folder} ({reason}) ...")
        (folder / MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(folder / DATABASE, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            store = ox.Store(str(folder / DATABASE))
        except OSError as exc:
            raise InputError(f"--store oxigraph:{folder}: cannot open ({exc})") from None
        self._load(store)
        store.flush()
        count = len(store)
        _write_manifest(folder, [i.hashed() for i in inputs], count)
        self._notify(f"Loaded {count} triples into {folder}; later commands reuse it.")
        return store

    # --- queries ----------------------------------------------------------------------------

    def run(
        self, query: SavedQuery, given: dict[str, str], *, allow_service: bool = False
    ) -> Result:
        from aikg.query import sparql
        from aikg.query.parameters import bind
        from aikg.query.run import prepare

        try:
            text = bind(query, given)
        except InputError:
            sparql.check(query)  # a syntax error of the query as written comes first
            raise
        sparql.refuse_network(text, query.origin, allow_service=allow_service)
        try:
            return self.query(text)
        except SyntaxError as exc:
            # rdflib's parser names the file, line and column of the query as written
            prepare(query, given)
            message = " ".join(str(exc).split())
            raise InputError(f"{query.origin}: invalid query: {message}") from None
        except OSError as exc:
            message = " ".join(str(exc).split()) or type(exc).__name__
            raise InputError(f"{query.origin}: the query failed on the store: {message}") from None

    def query(self, text: str) -> Result:
        """Run the SPARQL text ``text`` as it is (no checks); results as rdflib terms."""
        from rdflib import Graph

        from aikg.query.results import Boolean, GraphResult, Table

        ox = _ox()
        found = self.store.query(text)
        if isinstance(found, ox.QueryBoolean):
            return Boolean(bool(found))
        term = RdflibTerms()
        if isinstance(found, ox.QuerySolutions):
            variables = [v.value for v in found.variables]
            return Table(variables, [tuple(map(term, solution)) for solution in found])
        graph = Graph()
        for triple in found:
            graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
        return GraphResult(graph)

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
        from aikg.store.export import FORMATS, serialize

        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
        if fmt == "nt":
            return self.ntriples()
        if fmt == "turtle":
            return _turtle(self.ntriples())
        return serialize(self.graph(), fmt)

    def ntriples(self) -> bytes:
        """The triples of the input files as N-Triples, as written: sorted unique lines."""
        lines: set[bytes] = set()
        for path in self.files:
            lines.update(ntriples_of(path).splitlines(keepends=True))
        return b"".join(sorted(lines))

    def summary(self) -> Summary:
        from aikg.store.stats import Summary

        def rows(text: str) -> list[tuple[Any, ...]]:
            found = self.query(_STATS_PREFIXES + text)
            return list(getattr(found, "rows", []))

        def number(text: str) -> int:
            return int(rows(text)[0][0])

        by_class = [(c, int(n)) for c, n in rows(_BY_CLASS)]
        by_property = [(p, int(n)) for p, n in rows(_BY_PROPERTY)]
        return Summary(
            triples=len(self),
            entities=number(_ENTITIES),
            by_class=sorted(by_class, key=lambda kv: (-kv[1], str(kv[0]))),
            by_property=sorted(by_property, key=lambda kv: (-kv[1], str(kv[0]))),
            observations=number("SELECT (COUNT(*) AS ?n) WHERE { ?o a schema:Observation }"),
            targets=number("SELECT (COUNT(*) AS ?n) WHERE { ?t a aikg:Target }"),
            sources=number("SELECT (COUNT(*) AS ?n) WHERE { ?d a aikg:SourceDocument }"),
        )

    def __len__(self) -> int:
        return len(self.store)


_STATS_PREFIXES = (
    "PREFIX aikg: <https://w3id.org/aikg/ontology#>\nPREFIX schema: <https://schema.org/>\n"
)
_DISPLAYED = """
WHERE {
  ?class aikg:displayed true . FILTER (isIRI(?class))
  ?entity a ?class . FILTER (isIRI(?entity))
}"""
_BY_CLASS = "SELECT ?class (COUNT(DISTINCT ?entity) AS ?n)" + _DISPLAYED + " GROUP BY ?class"
_ENTITIES = "SELECT (COUNT(DISTINCT ?entity) AS ?n)" + _DISPLAYED
_BY_PROPERTY = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"


def ntriples_of(path: Path) -> bytes:
    """The triples of ``path`` as N-Triples lines, as :func:`read_triples` reads them; written
    by Oxigraph's serializer (in Rust, a term never becomes a Python string) where it can."""
    ox = _ox()
    suffix = path.suffix.lower()
    if suffix not in OXIGRAPH_FORMATS or suffix in (".trig", ".nq"):  # graphs merged: by hand
        return b"".join(f"{s} {p} {o} .\n".encode() for s, p, o in read_triples(path))
    with _reading(path):
        return bytes(ox.serialize(_parser(path), format=ox.RdfFormat.N_TRIPLES))


def _turtle(ntriples: bytes) -> bytes:
    """Sorted, unique N-Triples lines as Turtle with the project's prefixes (in their order:
    Oxigraph groups a subject's triples as they come)."""
    from aikg.namespaces import PREFIXES

    ox = _ox()
    ordered = ox.parse(input=ntriples, format=ox.RdfFormat.N_TRIPLES)
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    text = bytes(ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes))
    # the prefix lines come in the order of a hash map: sorted here, so the bytes never vary
    lines = text.splitlines(keepends=True)
    count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), 0)
    return b"".join(sorted(lines[:count])) + b"\n" + b"".join(lines[count:])


# --------------------------------------------------------------------------------------------
# The manifest of a persistent store


def _read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _difference(manifest: dict[str, Any], inputs: list[_Input]) -> str | None:
    """Why the store in a folder does not hold ``inputs`` (``None`` when it does)."""
    if manifest.get("format") != MANIFEST_FORMAT:
        return "its manifest is from another aikg version"
    if manifest.get("pyoxigraph") != _ox().__version__:
        return f"it was written by pyoxigraph {manifest.get('pyoxigraph')}"
    recorded = manifest.get("inputs") or []
    paths = [item.get("path") for item in recorded if isinstance(item, dict)]
    if paths != [i.path for i in inputs]:
        return "the input files differ"
    for old, new in zip(recorded, inputs, strict=True):
        if old.get("size") != new.size:
            return f"{new.path} changed"
        if old.get("mtime_ns") != new.mtime_ns and old.get("sha256") != new.hashed().sha256:
            return f"{new.path} changed"
    return None


def _refresh(manifest: dict[str, Any], inputs: list[_Input]) -> list[_Input] | None:
    """The inputs to record again when only modification times changed (else ``None``)."""
    recorded = manifest["inputs"]
    if all(old.get("mtime_ns") == new.mtime_ns for old, new in zip(recorded, inputs, strict=True)):
        return None
    return [
        _Input(n.path, n.size, n.mtime_ns, o["sha256"])
        for o, n in zip(recorded, inputs, strict=True)
    ]


def _write_manifest(folder: Path, inputs: list[_Input], triples: int) -> None:
    from aikg import __version__
    from aikg.store.export import write_atomic

    manifest = {
        "format": MANIFEST_FORMAT,
        "aikg": __version__,
        "pyoxigraph": _ox().__version__,
        "triples": triples,
        "inputs": [vars(i) for i in inputs],
    }
    with contextlib.suppress(OSError):  # a read-only folder keeps its older manifest
        write_atomic(folder / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode())
