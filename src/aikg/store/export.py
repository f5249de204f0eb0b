"""Serialize graphs deterministically (the formats of :mod:`aikg.store.formats`) and write
files atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Graph, URIRef

from aikg.errors import InputError
from aikg.namespaces import BASE, PREFIXES, bind_prefixes
from aikg.store.formats import FORMATS


def canonical_copy(graph: Graph) -> Graph:
    """A copy of ``graph`` with triples inserted in sorted order and the project's prefixes."""
    copy = bind_prefixes(Graph(identifier=URIRef(BASE + "graph")))
    for triple in sorted(graph, key=lambda t: tuple(term.n3() for term in t)):
        copy.add(triple)
    return copy


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """``graph`` in ``fmt``: the same graph always gives the same bytes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    copy = canonical_copy(graph)
    name = FORMATS[fmt][0]
    if name == "nt11":
        lines = copy.serialize(format="nt11").splitlines(keepends=True)
        return "".join(sorted(line for line in lines if line.strip())).encode("utf-8")
    if name == "json-ld":
        context = {prefix: str(ns) for prefix, ns in copy.namespaces()}
        document = json.loads(copy.serialize(format="json-ld", context=context))
        if isinstance(document.get("@graph"), list):
            document["@graph"].sort(key=lambda node: str(node.get("@id", "")))
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
        return (text + "\n").encode("utf-8")
    return copy.serialize(format=name, encoding="utf-8")


def turtle_from_ntriples(ntriples: bytes) -> bytes:
    """Sorted, unique N-Triples lines as Turtle with the project's prefixes, by Oxigraph's
    serializer (in their order: Oxigraph groups a subject's triples as they come)."""
    import pyoxigraph as ox

    ordered = ox.parse(input=ntriples, format=ox.RdfFormat.N_TRIPLES)
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    serialized = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    assert serialized is not None  # no output given: serialize returns the bytes
    text = bytes(serialized)
    # the prefix lines come in the order of a hash map: sorted here, so the bytes never vary
    lines = text.splitlines(keepends=True)
    count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), 0)
    return b"".join(sorted(lines[:count])) + b"\n" + b"".join(lines[count:])


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
