"""Reading RDF files: which files a folder holds, parsed by rdflib or by Oxigraph.

Every reader names a bad file the same way: ``file:line: reason`` (:func:`syntax_error`), an
unreadable file as ``file: cannot read (reason)``. The formats are those of
:mod:`aikg.store.formats`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import stat
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph

from aikg import paths
from aikg.errors import InputError, located
from aikg.namespaces import bind_prefixes
from aikg.store.formats import OXIGRAPH_FORMATS, QUAD_SUFFIXES, RDF_FORMATS


def data_files(sources: Iterable[Path]) -> list[Path]:
    """The RDF files named by ``sources``: files as given, folders searched recursively.

    A folder is walked, never read, whatever its name (``x.ttl/``). Anything else that is not
    a regular file — a FIFO, a device, a socket, a link to one, a broken link — is refused by
    its name, never opened: opening a FIFO waits for a writer, forever.
    """
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            found = sorted(
                p for p in source.rglob("*") if p.suffix.lower() in RDF_FORMATS and not p.is_dir()
            )
            if not found:
                raise InputError(f"{source}: folder holds no RDF files ({', '.join(RDF_FORMATS)})")
            files.extend(_regular(p) for p in found)
        elif source.exists() or source.is_symlink():
            if source.suffix.lower() not in RDF_FORMATS:
                raise InputError(f"{source}: unknown RDF file type {source.suffix!r}")
            files.append(_regular(source))
        else:
            raise InputError(f"{source}: no such file or folder")
    return files


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _regular(path: Path) -> Path:
    """``path`` if it is a regular file (or a link to one), found without opening it."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISREG(mode):
        return path
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    raise InputError(f"{path}: refused: not a regular file ({kind}); give RDF files and folders")


def input_files(data: Sequence[Path] | None = None) -> list[Path]:
    """The files a store holds: the ontology, then ``data`` (default: the bundled graph)."""
    return [*paths.ontology_files(), *data_files(data or [paths.graph_dir()])]


def syntax_error(path: Path, exc: Exception) -> InputError:
    """``file:line: reason`` for a parser's error: Oxigraph's, or rdflib's (of many kinds)."""
    line = getattr(exc, "lines", None)  # rdflib's Turtle and N3 parser: 0-based
    if isinstance(line, int):
        return located(path, line + 1, None, getattr(exc, "_why", None) or str(exc))
    reason = " ".join(str(exc).split())
    if reason.startswith("Parser error") and ": " in reason:  # Oxigraph's: the place is lineno
        reason = reason.split(": ", 1)[1]
    for attr in ("lineno", "line"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return located(path, value, None, reason)
    return located(path, None, None, reason or type(exc).__name__)


# --------------------------------------------------------------------------------------------
# Hostile input: checked before any parser sees the file

BOM = b"\xef\xbb\xbf"
#: Suffixes of XML files: their DTD may declare entities (refused, see :func:`check_input`).
XML_SUFFIXES = frozenset(s for s, fmt in RDF_FORMATS.items() if fmt == "xml")
_ENTITY_MARKS = tuple(
    mark.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be") for mark in ("<!ENTITY",)
)
_CHUNK = 1 << 20


def check_input(path: Path) -> bytes | None:
    """Refuse what no parser should see; the file's bytes without a UTF-8 byte-order mark if it
    starts with one, or if it was read whole to be checked (``None``: parse the file as it is).

    An XML file (RDF/XML, OWL) that declares a DTD entity is refused before parsing, on every
    store: entity expansion is how a 1 KB file becomes gigabytes (billion laughs), and an
    external entity reads any local file into the graph. RDF/XML never needs one.

    A JSON-LD file that names a context by reference (a URL, ``file://``, a path, an
    ``@import``) is refused on every store (:func:`aikg.store.jsonld.check_jsonld`): rdflib
    would fetch it, or read a local file into the graph.
    """
    if RDF_FORMATS.get(path.suffix.lower()) == "json-ld":
        from aikg.store.jsonld import check_jsonld

        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        data = data.removeprefix(BOM)
        check_jsonld(data, str(path))
        return data
    try:
        with path.open("rb") as handle:
            head = handle.read(len(BOM))
            if path.suffix.lower() in XML_SUFFIXES:
                tail, chunk = b"", head
                while chunk:
                    window = tail + chunk
                    if any(mark in window.upper() for mark in _ENTITY_MARKS):
                        raise InputError(
                            f"{path}: refused: the XML declares a DTD entity (<!ENTITY); "
                            "entity expansion is not allowed in input files"
                        )
                    tail, chunk = window[-32:], handle.read(_CHUNK)
            if head != BOM:
                return None
            handle.seek(len(BOM))
            return handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


class _IllTypedLiteral(logging.Filter):
    """rdflib's warning on an ill-typed literal (``"x"^^xsd:date``), with its traceback, as one
    line naming the literal: the literal is kept as written, the command goes on."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and str(record.msg).startswith("Failed to convert Literal"):
            tb = record.exc_info[2]
            names = tb.tb_frame.f_locals if tb is not None else {}
            lexical, datatype = names.get("lexical"), names.get("datatype")
            literal = f"{str(lexical)!r}^^<{datatype}>"
            record.msg = f"warning: ill-typed literal {literal} kept as written"
            record.args, record.exc_info, record.exc_text = (), None, None
        return True


logging.getLogger("rdflib.term").addFilter(_IllTypedLiteral())


def parse_file(graph: Graph, path: Path) -> None:
    """Parse ``path`` into ``graph`` with rdflib; a malformed file is an :class:`InputError`."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}")
    data = check_input(path)
    try:
        if fmt in ("nt", "nt11"):
            _parse_ntriples(graph, path, data)
        elif data is None:
            graph.parse(path, format=fmt)
        else:
            graph.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except RecursionError:
        raise too_deep(path) from None
    except Exception as exc:  # rdflib raises many kinds for bad syntax
        raise syntax_error(path, exc) from None


class _WholeLines:
    """A text stream whose every read ends at the end of a line.

    rdflib's N-Triples parser reads 2 KiB at a time and looks for a line end in all it holds
    after each read, so a line of n characters cost it n / 2 KiB scans of up to n characters:
    a 1 MiB literal took 13 s, 2 MiB 51 s. Read to the end of the line, one scan finds it.
    """

    encoding = "utf-8"  # rdflib reads a stream that has one as text

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> str:
        chunk: str = self._stream.read(size)
        if chunk and chunk[-1] not in "\r\n":
            chunk += self._stream.readline()
        return chunk


def _parse_ntriples(graph: Graph, path: Path, data: bytes | None) -> None:
    """An N-Triples file (or its ``data`` past a byte-order mark) into ``graph`` with rdflib's
    parser, in time linear in its lines' lengths (see :class:`_WholeLines`)."""
    from rdflib.plugins.parsers.ntriples import NTGraphSink, W3CNTriplesParser

    parser = W3CNTriplesParser(NTGraphSink(graph))
    with (  # line ends as written: the parser tells CR, LF and CRLF apart itself
        path.open(encoding="utf-8", newline="")
        if data is None
        else io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")
    ) as stream:
        lines: Any = _WholeLines(stream)  # a stream as rdflib reads one
        parser.parse(lines)


def too_deep(path: Path | str, fmt: str | None = None) -> InputError:
    """rdflib's parsers and serializers recurse once per level of nested blank nodes (``[ ... ]``
    in Turtle, nested elements in RDF/XML and JSON-LD): past Python's limit, one line naming
    ``path`` (read) or the format ``fmt`` (written)."""
    if fmt is None:
        return InputError(
            f"{path}: blank nodes (or lists) are nested too deeply for rdflib to read; "
            "the default store (Oxigraph) reads them"
        )
    return InputError(
        f"{path}: blank nodes (or lists) are nested too deeply for rdflib to write as {fmt} "
        "(N-Triples has no nesting: aikg export -f nt)"
    )


#: pyoxigraph's parsers hold one term (a literal, an IRI) in a buffer of at most this size.
OXIGRAPH_TERM_LIMIT = 16 * 1024 * 1024


def too_large(path: Path, exc: MemoryError) -> InputError:
    """pyoxigraph's MemoryError: a term over its buffer's size, or no memory left."""
    if "buffer maximal size" in str(exc):
        return InputError(
            f"{path}: refused: a single term (a literal or an IRI) is longer than the "
            f"{OXIGRAPH_TERM_LIMIT // (1024 * 1024)} MiB Oxigraph reads"
        )
    return InputError(f"{path}: out of memory while reading it")


def ontology_graph() -> Graph:
    graph = bind_prefixes(Graph())
    for path in paths.ontology_files():
        parse_file(graph, path)
    return graph


def shapes_graph() -> Graph:
    graph = Graph()
    parse_file(graph, paths.shapes_file())
    return graph


def load_graph(data: Sequence[Path] | None = None, *, ontology: bool = True) -> Graph:
    """The ontology (unless ``ontology=False``) plus ``data``, or the bundled graph if none."""
    graph = ontology_graph() if ontology else bind_prefixes(Graph())
    for path in data_files(data or [paths.graph_dir()]):
        parse_file(graph, path)
    return graph


# --------------------------------------------------------------------------------------------
# Oxigraph's parser


def oxigraph_parser(path: Path) -> Any:
    """Oxigraph's parser of ``path`` (a format it reads): lenient, blank nodes renamed apart."""
    import pyoxigraph as ox

    return ox.parse(
        **oxigraph_source(path),
        format=getattr(ox.RdfFormat, OXIGRAPH_FORMATS[path.suffix.lower()]),
        base_iri=path.resolve().as_uri(),
        rename_blank_nodes=True,
        lenient=True,
    )


def oxigraph_source(path: Path) -> dict[str, Any]:
    """Where Oxigraph reads ``path`` from (``path=`` or, without its byte-order mark,
    ``input=``), once :func:`check_input` has let it through."""
    data = check_input(path)
    return {"path": str(path)} if data is None else {"input": data}


@contextlib.contextmanager
def reading(path: Path) -> Iterator[None]:
    """A parse error as ``file:line: reason``; an unreadable file, or a term too long for
    Oxigraph, as one line."""
    try:
        yield
    except SyntaxError as exc:
        raise syntax_error(path, exc) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except MemoryError as exc:
        raise too_large(path, exc) from None


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
        from aikg.store.terms import OxigraphTerms

        graph = Graph()
        parse_file(graph, path)
        to_ox = OxigraphTerms()
        for triple in graph:
            yield to_ox.triple(triple)
        return
    with reading(path):
        parser = oxigraph_parser(path)
        for quad in parser:
            yield quad.subject, quad.predicate, quad.object
    if prefixes is not None and suffix in (".ttl", ".trig"):
        prefixes.update(parser.prefixes)


def triples_with(path: Path, predicates: Collection[str]) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of ``path`` whose predicate is one of ``predicates`` (IRIs), as
    :func:`read_triples` reads them. An N-Triples file is first scanned for the lines that
    name one of them, and only those are parsed: a few times faster than parsing it all
    (a predicate spelled with ``\\u`` escapes would be missed: such a file is parsed whole)."""
    import pyoxigraph as ox

    wanted = set(predicates)
    data = check_input(path) if path.suffix.lower() == ".nt" else None
    if path.suffix.lower() == ".nt" and wanted:
        with reading(path):
            data = data if data is not None else path.read_bytes()
        if b"\\u" not in data and b"\\U" not in data:
            names = b"|".join(re.escape(f"<{p}>".encode()) for p in sorted(wanted))
            lines = re.findall(rb"^[^\n]*(?:" + names + rb")[^\n]*$", data, re.MULTILINE)
            with reading(path):
                for triple in ox.parse(
                    input=b"\n".join(lines),
                    format=ox.RdfFormat.N_TRIPLES,
                    rename_blank_nodes=True,
                    lenient=True,
                ):
                    if triple.predicate.value in wanted:
                        yield triple.subject, triple.predicate, triple.object
            return
    for s, p, o in read_triples(path):
        if p.value in wanted:
            yield s, p, o


def ntriples_of(path: Path) -> bytes:
    """The triples of ``path`` as N-Triples lines, as :func:`read_triples` reads them; written
    by Oxigraph's serializer (in Rust, a term never becomes a Python string) where it can."""
    import pyoxigraph as ox

    suffix = path.suffix.lower()
    if suffix not in OXIGRAPH_FORMATS or suffix in QUAD_SUFFIXES:  # graphs merged: by hand
        return b"".join(f"{s} {p} {o} .\n".encode() for s, p, o in read_triples(path))
    with reading(path):
        serialized = ox.serialize(oxigraph_parser(path), format=ox.RdfFormat.N_TRIPLES)
    assert serialized is not None  # no output given: serialize returns the bytes
    return bytes(serialized)
