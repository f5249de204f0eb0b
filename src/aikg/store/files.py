"""Load the ontology and the graph (the bundled one, or the files given with ``--data``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Graph

from aikg import paths
from aikg.errors import InputError
from aikg.namespaces import bind_prefixes

#: RDF file suffixes and the rdflib parser of each.
RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".n3": "n3",
}


def data_files(sources: Iterable[Path]) -> list[Path]:
    """The RDF files named by ``sources``: files as given, folders searched recursively."""
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            found = sorted(p for p in source.rglob("*") if p.suffix.lower() in RDF_FORMATS)
            if not found:
                raise InputError(f"{source}: folder holds no RDF files ({', '.join(RDF_FORMATS)})")
            files.extend(found)
        elif source.is_file():
            if source.suffix.lower() not in RDF_FORMATS:
                raise InputError(f"{source}: unknown RDF file type {source.suffix!r}")
            files.append(source)
        else:
            raise InputError(f"{source}: no such file or folder")
    return files


def _syntax_error(path: Path, exc: Exception) -> InputError:
    """``file:line: reason`` for a parser error (rdflib's several exception kinds)."""
    line = getattr(exc, "lines", None)
    if isinstance(line, int):
        why = getattr(exc, "_why", None) or str(exc)
        return InputError(f"{path}:{line + 1}: {why}")
    for attr in ("lineno", "line"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return InputError(f"{path}:{value}: {exc}")
    message = " ".join(str(exc).split())
    return InputError(f"{path}: {message or type(exc).__name__}")


def parse_file(graph: Graph, path: Path) -> None:
    """Parse ``path`` into ``graph``; a malformed file raises ``InputError`` (file:line: reason)."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}")
    try:
        graph.parse(path, format=fmt)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except Exception as exc:  # rdflib raises many kinds for bad syntax
        raise _syntax_error(path, exc) from None


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
