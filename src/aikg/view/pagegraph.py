"""The rdflib graph a neighbourhood's page is built from, with its lookups cut short.

A page reads its graph (:mod:`aikg.view.neighbourhood`, some 70,000 triples for a hub)
hundreds of thousands of times, nearly always as "the objects of this subject and predicate"
(``graph.value``, ``graph.objects``). rdflib answers through three generators (the graph's,
the store's, and one of contexts a triple): :class:`PageGraph` answers a pattern with a bound
subject from its store's own index, in the store's order, so the page is the same byte for
byte; every other pattern, and a property path, goes rdflib's way. :meth:`PageGraph.add_all`
fills that index, and the store's two others, as the store's own ``add`` does, in its order.

Example:
    >>> from rdflib import Literal, URIRef
    >>> g = PageGraph()
    >>> a, p = URIRef("urn:x:a"), URIRef("urn:x:p")
    >>> _ = g.add((a, p, Literal("one"))).add((a, p, Literal("two")))
    >>> list(g.objects(a, p)), g.value(a, p), (a, p, Literal("two")) in g
    ([rdflib.term.Literal('one'), rdflib.term.Literal('two')], rdflib.term.Literal('one'), True)
    >>> list(g.predicate_objects(URIRef("urn:x:none")))
    []
    >>> g.add_all([(a, p, Literal("three")), (a, p, Literal("one"))])
    >>> len(g), list(g.subjects(p, Literal("three")))
    (3, [rdflib.term.URIRef('urn:x:a')])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.paths import Path
from rdflib.plugins.stores.memory import SimpleMemory


class PageGraph(Graph):
    """An rdflib graph on rdflib's plain in-memory store (``SimpleMemory``: a third faster to
    fill and to read than the default, which keeps each triple's named graphs) that reads a
    subject's triples from that store's index directly."""

    def __init__(self) -> None:
        super().__init__(store="SimpleMemory")
        # the store's own indices (subject -> predicate -> object -> 1, and the two other
        # orders), in its order; None if a later rdflib names them otherwise: then every lookup
        # and every add goes rdflib's way
        found = [getattr(self.store, f"_SimpleMemory__{n}", None) for n in ("spo", "pos", "osp")]
        self._indices: list[dict[Any, dict[Any, dict[Any, int]]]] | None = None
        if type(self.store) is SimpleMemory and all(isinstance(i, dict) for i in found):
            self._indices = found  # type: ignore[assignment]
        self._spo = self._indices[0] if self._indices else None

    def add_all(self, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        """Add ``triples`` (rdflib terms, not checked) as the store's ``add`` would one by one:
        into its three indices, in the same order. Its ``add`` meets each new key with a
        ``KeyError`` (9 µs a triple, most of reading a page); this looks keys up instead."""
        if self._indices is None:
            add = self.store.add
            for triple in triples:
                add(triple, self, quoted=False)
            return
        spo, pos, osp = self._indices
        # the three indices written out, not through a helper: a call an index a triple costs
        # a third of the time saved
        for s, p, o in triples:
            by_p = spo.get(s)
            if by_p is None:
                by_p = spo[s] = {}
            objects = by_p.get(p)
            if objects is None:
                objects = by_p[p] = {}
            objects[o] = 1
            by_o = pos.get(p)
            if by_o is None:
                by_o = pos[p] = {}
            subjects = by_o.get(o)
            if subjects is None:
                subjects = by_o[o] = {}
            subjects[s] = 1
            by_s = osp.get(o)
            if by_s is None:
                by_s = osp[o] = {}
            predicates = by_s.get(s)
            if predicates is None:
                predicates = by_s[s] = {}
            predicates[p] = 1

    def triples(self, triple: Any) -> Iterator[Any]:  # type: ignore[override]
        s, p, o = triple
        spo = self._spo
        if s is None or spo is None or isinstance(p, Path):
            return super().triples(triple)
        by_predicate = spo.get(s)
        if not by_predicate:
            return iter(())
        if p is not None:
            objects = by_predicate.get(p)
            if not objects:
                return iter(())
            if o is not None:
                return iter(((s, p, o),) if o in objects else ())
            return ((s, p, x) for x in objects)
        return (
            (s, q, x) for q, objects in by_predicate.items() for x in objects if o is None or x == o
        )

    def value(
        self,
        subject: Any = None,
        predicate: Any = RDF.value,
        object: Any = None,  # rdflib's name
        default: Any = None,
        any: bool = True,  # rdflib's name
    ) -> Any:
        spo = self._spo
        if (
            spo is None
            or subject is None
            or predicate is None
            or object is not None
            or not any
            or isinstance(predicate, Path)
        ):
            return super().value(subject, predicate, object, default, any)
        objects = spo.get(subject, {}).get(predicate)
        return next(iter(objects)) if objects else default
