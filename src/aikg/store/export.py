"""Serialize graphs deterministically (the formats of :mod:`aikg.store.formats`) and write
files atomically."""

from __future__ import annotations

import errno
import json
import os
import stat
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
    try:
        return _serialize(graph, fmt)
    except RecursionError:
        from aikg.store.files import too_deep

        raise too_deep("the graph", fmt) from None


def _serialize(graph: Graph, fmt: str) -> bytes:
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


def check_writable(path: Path) -> None:
    """Refuse at once, before any work, an output ``path`` that cannot be written: the nearest
    folder that exists above it is a file, read-only, or not ours. One line naming ``path``, as
    :func:`write_atomic` would say it after the work. (Only a first check: the write itself
    still reports what goes wrong.)"""
    parent = Path(os.path.abspath(path)).parent
    while not os.path.lexists(parent) and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise InputError(f"{path}: cannot write ({os.strerror(errno.ENOTDIR)})")
    if not os.access(parent, os.W_OK):
        read_only = bool(os.statvfs(parent).f_flag & os.ST_RDONLY)
        reason = os.strerror(errno.EROFS if read_only else errno.EACCES)
        raise InputError(f"{path}: cannot write ({reason})")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new one, never half.

    A regular file (or none) is written to a temporary file beside it, then renamed over it; an
    existing file keeps its permission bits. A symlink is followed: its target is written, the
    link stays. An existing character device or FIFO (``/dev/stdout``, ``/dev/null``, a pipe
    with a reader) is written in place as a stream, never replaced; a folder, a block device, a
    socket or a FIFO with no reader is refused. Every failure is an :class:`InputError` of one
    line naming ``path``.
    """
    try:
        _write_atomic(Path(path), data)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        info = os.stat(path)  # follows symlinks: /dev/stdout is a link to /proc/self/fd/1
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_stream(path, info.st_mode, data)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if info is not None:
            mode = stat.S_IMODE(info.st_mode)
            if os.geteuid() == 0:
                os.fchown(handle, info.st_uid, info.st_gid)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_stream(path: Path, mode: int, data: bytes) -> None:
    """Write to an existing character device or FIFO in place (never replace it)."""
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a folder, not a file")
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise InputError(f"{path}: not a regular file, a character device or a FIFO: refused")
    try:
        # O_NONBLOCK: a FIFO with no reader fails at once (ENXIO) instead of hanging
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise InputError(f"{path}: a FIFO with no reader: refused") from None
        raise
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
