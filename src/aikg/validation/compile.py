"""Read a shapes graph into :class:`~aikg.validation.shapes.Shape` s for the SPARQL engine.

Every ``sh:`` term a shape uses must be one this module knows; any other, or a known one used
in a way the engine does not evaluate as pySHACL does, raises
:class:`~aikg.validation.shapes.Unsupported` naming it, and validation falls back to pySHACL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from aikg.namespaces import SH, shorten
from aikg.validation import cardinality, logical, pairs, sparql, values
from aikg.validation.shapes import Constraint, Path, Shape, Unsupported, iri, literal

#: ``sh:`` terms on a shape that carry no constraint (read here, or without effect on results).
STRUCTURE = {
    SH[name]
    for name in [
        "path",
        "targetClass",
        "targetSubjectsOf",
        "targetObjectsOf",
        "targetNode",
        "property",
        "message",
        "severity",
        "name",
        "description",
        "order",
        "group",
        "defaultValue",
        "deactivated",
    ]
}
TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)


class Reader:
    """Reads the shapes of one shapes graph, each once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.shapes: dict[Any, Shape] = {}
        self.reading: set[Any] = set()

    # --- the top level ------------------------------------------------------------------------

    def targeted(self) -> list[Shape]:
        """The shapes with targets: those validation starts from."""
        nodes = {s for t in TARGETS for s in self.graph.subjects(t, None)}
        for cls in (RDFS.Class, OWL.Class):  # implicit class targets
            nodes |= {
                s
                for s in self.graph.subjects(RDF.type, cls)
                if (s, RDF.type, SH.NodeShape) in self.graph
                or (s, RDF.type, SH.PropertyShape) in self.graph
            }
        ordered = sorted(nodes, key=lambda n: (isinstance(n, BNode), str(n)))
        return [self.shape(node) for node in ordered]

    # --- one shape --------------------------------------------------------------------------

    def shape(self, node: Any) -> Shape:
        if node in self.shapes:
            return self.shapes[node]
        if node in self.reading:
            raise Unsupported(f"a recursive shape ({self.name(node)})")
        self.reading.add(node)
        g = self.graph
        if g.value(node, SH.deactivated) == Literal(True):
            raise Unsupported(f"a deactivated shape ({self.name(node)})")
        messages = [str(m) for m in g.objects(node, SH.message)]
        if len(messages) > 1:
            raise Unsupported(f"more than one sh:message on {self.name(node)}")
        severity = g.value(node, SH.severity)
        path = g.value(node, SH.path)
        shape = Shape(
            node,
            self.name(node),
            None if path is None else self.path(path),
            messages,
            "Violation" if severity is None else shorten(str(severity)).removeprefix("sh:"),
            self.targets(node),
        )
        shape.constraints = self.constraints(node, shape)
        self.shapes[node] = shape
        self.reading.discard(node)
        return shape

    def name(self, node: Any) -> str:
        """As pySHACL names a shape in a message (an IRI with the shapes' prefixes)."""
        if isinstance(node, URIRef):
            return str(node.n3(namespace_manager=self.graph.namespace_manager))
        return str(node)

    def targets(self, node: Any) -> list[str]:
        g = self.graph
        found = [
            f"?this {values.RDF_TYPE}/{values.SUBCLASS}* {iri(str(c))} ."
            for c in g.objects(node, SH.targetClass)
        ]
        if (node, RDF.type, RDFS.Class) in g or (node, RDF.type, OWL.Class) in g:
            found.append(f"?this {values.RDF_TYPE}/{values.SUBCLASS}* {iri(str(node))} .")
        found += [f"?this {iri(str(p))} ?target_ ." for p in g.objects(node, SH.targetSubjectsOf)]
        found += [f"?target_ {iri(str(p))} ?this ." for p in g.objects(node, SH.targetObjectsOf)]
        found += [f"VALUES ?this {{ {self.term(n)} }}" for n in g.objects(node, SH.targetNode)]
        return found

    def constraints(self, node: Any, shape: Shape) -> list[Constraint]:
        g = self.graph
        known = STRUCTURE | set(BUILDERS) | set(SIDE)
        predicates = sorted({p for p in g.predicates(node, None) if isinstance(p, URIRef)})
        for p in predicates:
            if str(p).startswith(str(SH)) and p not in known:
                raise Unsupported(f"{shorten(str(p))} (on {self.name(node)})")
        found: list[Constraint] = []
        for p in predicates:
            if p in BUILDERS:
                for value in sorted(g.objects(node, p), key=str):
                    found.append(BUILDERS[p](self, node, value))
        if (node, SH.qualifiedValueShape, None) in g:
            found += self.qualified(node)
        for prop in sorted(g.objects(node, SH.property), key=str):
            found.append(logical.Property(self.shape(prop)))
        return found

    def qualified(self, node: Any) -> list[Constraint]:
        g = self.graph
        if g.value(node, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise Unsupported("sh:qualifiedValueShapesDisjoint")
        shapes = list(g.objects(node, SH.qualifiedValueShape))
        if len(shapes) != 1:
            raise Unsupported(f"more than one sh:qualifiedValueShape on {self.name(node)}")
        shape = self.shape(shapes[0])
        found: list[Constraint] = []
        low, high = g.value(node, SH.qualifiedMinCount), g.value(node, SH.qualifiedMaxCount)
        if low is not None:
            found.append(logical.QualifiedMinCount(shape, int(low)))
        if high is not None:
            found.append(logical.QualifiedMaxCount(shape, int(high)))
        return found

    # --- paths, terms, prefixes -------------------------------------------------------------

    def path(self, node: Any) -> Path:
        if isinstance(node, URIRef):
            return Path(iri(str(node)), shorten(str(node)), str(node))
        steps: tuple[str, ...] = ()
        if (node, RDF.first, None) in self.graph:
            steps = tuple(self.step(n) for n in Collection(self.graph, node))
        return Path(self.path_text(node), "(path)", steps=steps if all(steps) else ())

    def step(self, node: Any) -> str:
        """A step of a sequence as a triple pattern's predicate: an IRI or an inverse one
        (else empty)."""
        if isinstance(node, URIRef):
            return iri(str(node))
        inverse = self.graph.value(node, SH.inversePath)
        return f"^{iri(str(inverse))}" if isinstance(inverse, URIRef) else ""

    def path_text(self, node: Any) -> str:
        g = self.graph
        if isinstance(node, URIRef):
            return iri(str(node))
        if (node, RDF.first, None) in g:
            return "(" + "/".join(self.path_text(n) for n in Collection(g, node)) + ")"
        for predicate, form in (
            (SH.inversePath, "^({})"),
            (SH.zeroOrMorePath, "({})*"),
            (SH.oneOrMorePath, "({})+"),
            (SH.zeroOrOnePath, "({})?"),
        ):
            inner = g.value(node, predicate)
            if inner is not None:
                return form.format(self.path_text(inner))
        alternatives = g.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path_text(n) for n in Collection(g, alternatives)) + ")"
        raise Unsupported(f"a property path pySHACL reads and this engine does not ({node})")

    def term(self, node: Any) -> str:
        if isinstance(node, URIRef):
            return iri(str(node))
        if isinstance(node, Literal):
            datatype = None if node.datatype is None else str(node.datatype)
            return literal(str(node), datatype, node.language)
        raise Unsupported("a blank node as a value in a shape")

    def prefixes(self, constraint: Any) -> str:
        lines = []
        g = self.graph
        for owner in g.objects(constraint, SH.prefixes):
            for declaration in g.objects(owner, SH.declare):
                prefix, namespace = (
                    g.value(declaration, SH.prefix),
                    g.value(declaration, SH.namespace),
                )
                if prefix is not None and namespace is not None:
                    lines.append(f"PREFIX {prefix}: {iri(str(namespace))}\n")
        return "".join(sorted(lines))

    def sparql(self, node: Any, constraint: Any) -> Constraint:
        g = self.graph
        if g.value(constraint, SH.deactivated) == Literal(True):
            raise Unsupported("a deactivated SPARQL constraint")
        if g.value(node, SH.message) is not None:
            raise Unsupported(f"a SPARQL constraint on a shape with its own message ({node})")
        messages = [str(m) for m in g.objects(constraint, SH.message)]
        if len(messages) > 1:
            raise Unsupported("more than one sh:message on a SPARQL constraint")
        select = g.value(constraint, SH.select)
        if select is None:
            raise Unsupported("a SPARQL constraint without sh:select")
        return sparql.Sparql(
            str(select), self.prefixes(constraint), messages[0] if messages else None
        )


def _list(reader: Reader, value: Any) -> list[Any]:
    return list(Collection(reader.graph, value))


#: How each constraint parameter becomes a constraint.
BUILDERS: dict[URIRef, Any] = {
    SH.minCount: lambda r, n, v: cardinality.MinCount(int(v)),
    SH.maxCount: lambda r, n, v: cardinality.MaxCount(int(v)),
    SH.datatype: lambda r, n, v: values.Datatype(str(v)),
    SH["class"]: lambda r, n, v: values.Class(str(v)),
    SH.nodeKind: lambda r, n, v: values.NodeKind(str(v).removeprefix(str(SH))),
    SH.languageIn: lambda r, n, v: values.LanguageIn([str(x) for x in _list(r, v)]),
    SH.pattern: lambda r, n, v: values.Pattern(str(v), str(r.graph.value(n, SH.flags) or "")),
    SH.minLength: lambda r, n, v: values.MinLength(int(v)),
    SH.maxLength: lambda r, n, v: values.MaxLength(int(v)),
    SH.hasValue: lambda r, n, v: values.HasValue(r.term(v)),
    SH.lessThan: lambda r, n, v: pairs.LessThan(str(v)),
    SH.lessThanOrEquals: lambda r, n, v: pairs.LessThanOrEquals(str(v)),
    SH["or"]: lambda r, n, v: logical.Or([r.shape(m) for m in _list(r, v)]),
    SH.node: lambda r, n, v: logical.Node(r.shape(v)),
    SH.sparql: lambda r, n, v: r.sparql(n, v),
}
#: Parameters read with another one (``sh:flags`` with ``sh:pattern`` ...).
SIDE = {
    SH.flags,
    SH.qualifiedValueShape,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.qualifiedValueShapesDisjoint,
}


@dataclass
class Shapes:
    #: The shapes with targets, where validation starts.
    targeted: list[Shape]
    #: The predicates whose literals are checked as the input wrote them (see
    #: :mod:`~aikg.validation.values`).
    originals: list[str]


def read_shapes(graph: Graph) -> Shapes:
    """The shapes of ``graph``, ready to run; :class:`Unsupported` names the first thing the
    SPARQL engine cannot evaluate as pySHACL does."""
    reader = Reader(graph)
    targeted = reader.targeted()
    originals = {
        shape.path.predicate
        for shape in reader.shapes.values()
        for c in shape.constraints
        if isinstance(c, values.Datatype) and c.datatype in values.FOLDED
        if shape.path is not None and shape.path.predicate is not None
    }
    return Shapes(targeted, sorted(originals))
