"""The store wing: where a command holds the graph it reads (issue #6).

In: the ontology and RDF files (the bundled graph, or ``--data``) and a store named by ``--store``
(:mod:`~aikg.store.spec`: ``oxigraph``, the default, in memory; ``oxigraph:DIR``, persisted in a
folder with a manifest of its inputs, :mod:`~aikg.store.manifest`; ``memory``, rdflib's graph).
Out: a :class:`~aikg.store.base.GraphStore` that hands out the whole graph as an rdflib
``Graph``, exports it (:mod:`~aikg.store.export`), counts it (:mod:`~aikg.store.stats`), and on
which :mod:`aikg.query` runs queries. Files are read and written with one table of RDF formats
(:mod:`~aikg.store.formats`, :mod:`~aikg.store.files`); pyoxigraph and rdflib terms are converted
by :mod:`~aikg.store.terms`. The store imports neither the queries nor the view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aikg.store.base import GraphStore
    from aikg.store.spec import StoreSpec


def open_store(
    spec: StoreSpec | str | None = None,
    data: Sequence[Path] | None = None,
    *,
    notify: Callable[[str], None] | None = None,
) -> GraphStore:
    """The store ``spec`` holding the ontology and ``data`` (default: the bundled graph).

    Input files are checked at once; an Oxigraph store is loaded when it is first queried.
    ``notify`` receives a line when a persistent store is (re)loaded.

    Example:
        >>> import tempfile
        >>> from rdflib import Literal, URIRef
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "extra.ttl").write_text("<urn:x:a> <urn:x:b> 'c' .")
        >>> store = open_store("memory", [folder])
        >>> triple = (URIRef("urn:x:a"), URIRef("urn:x:b"), Literal("c"))
        >>> str(store.spec), triple in store.graph()
        ('memory', True)
        >>> open_store("oxigraph", [folder / "missing.ttl"])
        Traceback (most recent call last):
        ...
        aikg.errors.InputError: ...missing.ttl: no such file or folder
    """
    from aikg.store.files import input_files
    from aikg.store.memory import MemoryStore
    from aikg.store.oxigraph import OxigraphStore
    from aikg.store.spec import StoreSpec, parse_store

    if not isinstance(spec, StoreSpec):
        spec = parse_store(spec)
    files = input_files(data)
    if spec.kind == "memory":
        return MemoryStore.from_files(files)
    return OxigraphStore(files, spec.path, notify=notify)
