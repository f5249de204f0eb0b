"""The interface every store gives: the graph as rdflib's ``Graph``, an export, counts, size."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

from aikg.store.spec import StoreSpec

if TYPE_CHECKING:
    from rdflib import Graph

    from aikg.store.stats import Summary


class GraphStore(ABC):
    """A graph held for reading: count, export, or hand out an rdflib Graph.

    Queries run on a store through :func:`aikg.query.run.run_embedded`, which binds their
    parameters once and hands the text to the store's engine.
    """

    spec: StoreSpec

    @abstractmethod
    def graph(self) -> Graph:
        """The whole graph as an rdflib ``Graph`` (do not mutate it)."""

    @abstractmethod
    def export(self, fmt: str) -> bytes:
        """The graph in ``fmt`` (see :data:`aikg.store.formats.FORMATS`), deterministically."""

    @abstractmethod
    def summary(self) -> Summary:
        """What :func:`aikg.store.stats.summarize` gives for the graph."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of triples."""

    def entity_count(self) -> int:
        """The number of entities (:func:`aikg.store.stats.entities`), without counting the rest."""
        from aikg.store.stats import entities

        return len(entities(self.graph()))
