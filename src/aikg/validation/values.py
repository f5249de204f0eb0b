"""Value constraints, each met or not by a value node on its own: value type (``sh:datatype``,
``sh:class``, ``sh:nodeKind``), strings (``sh:languageIn``, ``sh:pattern``, ``sh:minLength``,
``sh:maxLength``) and ``sh:hasValue``.

``sh:datatype`` follows pySHACL: a literal of the datatype whose lexical form is valid for it.
Oxigraph checks the form as it loads (an ill-formed ``"abc"^^xsd:integer`` is kept as written),
so a cast that gives the literal back tells a valid one. It also keeps a literal of a type
derived from ``xsd:integer`` (``xsd:nonNegativeInteger``) as an ``xsd:integer``: for those
datatypes the check reads the values as the input wrote them (:meth:`Run.originals`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from aikg.validation.shapes import (
    Constraint,
    Result,
    Run,
    Shape,
    Stated,
    Unsupported,
    ValueConstraint,
    iri,
    literal,
)

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
#: Datatypes whose lexical form Oxigraph checks, and casts to: a valid literal casts to itself.
CASTS = {
    f"{XSD}{name}"
    for name in [
        "integer",
        "decimal",
        "double",
        "float",
        "boolean",
        "date",
        "dateTime",
        "time",
        "gYear",
        "gYearMonth",
        "duration",
        "dayTimeDuration",
        "yearMonthDuration",
        "string",
    ]
}

#: Datatypes Oxigraph keeps as ``xsd:integer`` (tests/test_validation_engines.py checks it).
FOLDED = {
    f"{XSD}{name}"
    for name in [
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
}


@dataclass
class Datatype(ValueConstraint):
    datatype: str
    component = "DatatypeConstraintComponent"

    def test(self, value: str) -> str:
        dt = iri(self.datatype)
        test = f"isLiteral({value}) && DATATYPE({value}) = {dt}"
        if self.datatype in CASTS:
            test += f" && sameTerm({dt}({value}), {value})"
        return test

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result]:
        if self.datatype not in FOLDED:
            yield from super().violations(run, shape, focus)
            return
        # the store keeps these literals as another datatype: read them as written
        if shape.path is None or shape.path.predicate is None:
            raise Unsupported(f"sh:datatype {self.datatype} needs a one-predicate path")
        wrong: dict[str, list[Stated]] = {}
        for subject, value in run.originals(shape.path.predicate):
            if not self.valid(value):
                wrong.setdefault(subject, []).append(value)
        if not wrong:
            return
        if any(subject.startswith("_:") for subject in wrong):
            raise Unsupported(f"sh:datatype {self.datatype} on a blank node's values")
        nodes = " ".join(sorted(wrong))
        for row in run.select(f"SELECT ?this WHERE {{ VALUES ?this {{ {nodes} }} {focus} }}"):
            for _ in sorted(set(wrong[str(row["this"])]), key=str):
                yield Result(row["this"], self.component)

    def valid(self, value: Stated) -> bool:
        """pySHACL's test: a literal of the datatype that rdflib does not find ill-typed."""
        if value.datatype != self.datatype:
            return False
        return _well_typed(value.lexical, self.datatype)

    def holds(self, shape: Shape, var: str) -> str:
        if self.datatype in FOLDED:
            raise Unsupported(f"sh:datatype {self.datatype} inside sh:or or a qualified shape")
        return super().holds(shape, var)


@functools.lru_cache(maxsize=65536)
def _well_typed(lexical: str, datatype: str) -> bool:
    """Whether rdflib finds the literal well-typed (offsets repeat: cached)."""
    from rdflib import Literal

    logger = logging.getLogger("rdflib.term")  # it logs each value it cannot convert
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        return Literal(lexical, datatype=datatype).ill_typed is not True
    finally:
        logger.setLevel(level)


@dataclass
class Class(ValueConstraint):
    cls: str
    component = "ClassConstraintComponent"

    def test(self, value: str) -> str:
        return f"EXISTS {{ {value} {RDF_TYPE}/{SUBCLASS}* {iri(self.cls)} }}"


NODE_KINDS = {
    "IRI": "isIRI({v})",
    "BlankNode": "isBlank({v})",
    "Literal": "isLiteral({v})",
    "BlankNodeOrIRI": "!isLiteral({v})",
    "BlankNodeOrLiteral": "!isIRI({v})",
    "IRIOrLiteral": "!isBlank({v})",
}


@dataclass
class NodeKind(ValueConstraint):
    kind: str
    component = "NodeKindConstraintComponent"

    def test(self, value: str) -> str:
        return NODE_KINDS[self.kind].format(v=value)


@dataclass
class LanguageIn(ValueConstraint):
    """pySHACL's reading: the tag, or its first subtag, is one of the list (any case)."""

    languages: list[str]
    component = "LanguageInConstraintComponent"

    def test(self, value: str) -> str:
        if "*" in self.languages:
            return f'isLiteral({value}) && LANG({value}) != ""'
        tag = f"LCASE(LANG({value}))"
        first = f'STRBEFORE(CONCAT({tag}, "-"), "-")'
        wanted = ", ".join(literal(language.lower()) for language in self.languages)
        tagged = f'isLiteral({value}) && LANG({value}) != ""'
        return f"{tagged} && ({tag} IN ({wanted}) || {first} IN ({wanted}))"


@dataclass
class Pattern(ValueConstraint):
    pattern: str
    flags: str = ""
    component = "PatternConstraintComponent"

    def test(self, value: str) -> str:
        flags = f", {literal(self.flags)}" if self.flags else ""
        return f"!isBlank({value}) && REGEX(STR({value}), {literal(self.pattern)}{flags})"


@dataclass
class MinLength(ValueConstraint):
    length: int
    component = "MinLengthConstraintComponent"
    operator = ">="

    def test(self, value: str) -> str:
        return f"!isBlank({value}) && STRLEN(STR({value})) {self.operator} {self.length}"


@dataclass
class MaxLength(MinLength):
    component = "MaxLengthConstraintComponent"
    operator = "<="


@dataclass
class HasValue(Constraint):
    """At least one value node is ``term`` (a SPARQL term)."""

    term: str
    component = "HasValueConstraintComponent"

    def violations(self, run: Run, shape: Shape, focus: str) -> Iterable[Result]:
        if shape.path is None:
            query = f"SELECT ?this WHERE {{ {focus} FILTER(!({self.holds(shape, '?this')})) }}"
        else:  # MINUS: see aikg.validation.cardinality
            values = shape.path.pattern("?this", self.term)
            query = f"SELECT ?this WHERE {{ {focus} MINUS {{ {values} }} }}"
        for row in run.select(query):
            yield Result(row["this"], self.component)

    def holds(self, shape: Shape, var: str) -> str:
        if shape.path is None:
            return f"sameTerm({var}, {self.term})"
        return f"EXISTS {{ {shape.path.pattern(var, self.term)} }}"
