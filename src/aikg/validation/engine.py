"""The SPARQL engine: the shapes, read once (:mod:`~aikg.validation.compile`), run as SPARQL
queries on an Oxigraph store, a few queries a constraint, whatever the size of the graph.

The store is the one the command already holds (``--store oxigraph`` or ``oxigraph:DIR``);
an rdflib graph (``--store memory``, the Python API) is copied into an Oxigraph store first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from aikg.validation.report import Finding, show
from aikg.validation.shapes import Result, Run, Shape, Stated, Unsupported

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph

    from aikg.store.oxigraph import OxigraphStore


class StoreRun(Run):
    """One validation on ``store``; ``originals(predicate)`` gives a predicate's (subject,
    literal) pairs as the input wrote them (see :meth:`Run.originals`)."""

    def __init__(
        self,
        store: pyoxigraph.Store,
        originals: Callable[[str], Iterable[tuple[str, Stated]]],
    ) -> None:
        self.store = store
        self._originals = originals

    def select(self, query: str) -> list[dict[str, Any]]:
        import pyoxigraph as ox

        solutions = self.store.query(query)
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        rows = []
        for solution in solutions:
            row = {}
            for name in names:
                term = solution[name]
                if term is not None:
                    row[name] = term
            rows.append(row)
        return rows

    def originals(self, predicate: str) -> Iterable[tuple[str, Stated]]:
        return self._originals(predicate)

    def evaluate(self, shape: Shape, focus: str) -> list[Finding]:
        findings: list[Finding] = []
        for constraint in shape.constraints:
            for found in constraint.violations(self, shape, focus):
                if isinstance(found, Finding):
                    findings.append(found)
                    continue
                findings.append(_finding(shape, found, constraint.default_message(shape)))
                findings.extend(found.details)
        return findings


def _finding(shape: Shape, result: Result, default: str | None) -> Finding:
    if result.message is not None:
        message = result.message
    elif shape.messages:
        message = shape.messages[0]
    elif default is not None:
        message = default
    else:  # pySHACL would write a message of its own: not imitated
        raise Unsupported(
            f"a {result.component} result of a shape without sh:message ({shape.name})"
        )
    if result.path is not None:
        path = result.path
    else:
        path = "" if shape.path is None else shape.path.shown
    return Finding(
        focus=show(result.focus),
        path=path,
        message=message,
        severity=shape.severity,
        shape=show(shape.node),
        component=f"sh:{result.component}",
    )


def focus_of(shape: Shape) -> str:
    """The group pattern binding ``?this`` to each target node of ``shape`` once."""
    union = " UNION ".join(f"{{ {target} }}" for target in shape.targets)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def run_shapes(run: Run, shapes: list[Shape]) -> list[Finding]:
    """Every finding of the targeted ``shapes``."""
    findings: list[Finding] = []
    for shape in shapes:
        findings.extend(run.evaluate(shape, focus_of(shape)))
    return findings


def on_graph(graph: Graph) -> StoreRun:
    """A run on a copy of rdflib ``graph`` in an Oxigraph store (blank nodes keep their
    labels, so findings name them as pySHACL does)."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    from aikg.store.terms import OxigraphTerms

    store = ox.Store()
    convert = OxigraphTerms()
    store.bulk_extend(ox.Quad(*convert.triple(triple)) for triple in graph)

    def originals(predicate: str) -> Iterator[tuple[str, Stated]]:
        for subject, value in graph.subject_objects(URIRef(predicate)):
            if isinstance(value, Literal):
                datatype = str(value.datatype) if value.datatype is not None else None
                stated = Stated(str(value), datatype or _plain(value.language))
            else:
                stated = Stated(value.n3(), None)
            yield subject.n3(), stated

    return StoreRun(store, originals)


def on_store(store: OxigraphStore, predicates: Sequence[str]) -> StoreRun:
    """A run on the store's own Oxigraph store; the objects of ``predicates`` as written are
    read from its input files, in one pass, when first asked for."""
    import pyoxigraph as ox

    from aikg.store.files import triples_with

    read: dict[str, list[tuple[str, Stated]]] = {}

    def originals(predicate: str) -> list[tuple[str, Stated]]:
        if not read:
            wanted = {*predicates, predicate}
            read.update({p: [] for p in wanted})
            for path in store.files:
                for subject, p, value in triples_with(path, wanted):
                    if isinstance(value, ox.Literal):
                        datatype = value.datatype.value if value.language is None else RDF_LANG
                        stated = Stated(value.value, datatype)
                    else:
                        stated = Stated(str(value), None)
                    read[p.value].append((str(subject), stated))
        return read.get(predicate, [])

    return StoreRun(store.store, originals)


RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _plain(language: str | None) -> str:
    """The datatype of a literal rdflib gives none: a language-tagged or a plain string."""
    return RDF_LANG if language else XSD_STRING
