"""rdflib's in-memory graph as a store; queries on it run on rdflib's SPARQL engine."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aikg.store.base import GraphStore
from aikg.store.spec import StoreSpec

if TYPE_CHECKING:
    from rdflib import Graph

    from aikg.store.stats import Summary


class MemoryStore(GraphStore):
    """rdflib's in-memory graph (``--store memory``)."""

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
