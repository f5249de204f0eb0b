"""RDF terms between pyoxigraph and rdflib, in both directions, as fast as each allows."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rdflib.namespace import XSD

from aikg.errors import InputError

_XSD_STRING = str(XSD.string)


def literal_maker() -> Callable[[str, str | None, str | None], Any]:
    """A function ``(lexical, datatype IRI or None, language or None) -> Literal`` that gives
    what rdflib's ``Literal(lexical, datatype=..., lang=..., normalize=False)`` gives, in a
    quarter of the time: rdflib's constructor for a lexical form, without its checks of every
    other kind of argument. Oxigraph's lexical forms and language tags are canonical and valid
    already, so nothing is normalized (tests/test_store.py compares the two)."""
    from rdflib.term import (
        _XSD_NORMALISED_STRING,
        _XSD_TOKEN,
        Literal,
        URIRef,
        _castLexicalToPython,
        _check_well_formed_types,
        _toPythonMapping,
        _well_formed_by_value,
    )

    new_str = str.__new__
    special = {str(_XSD_NORMALISED_STRING), str(_XSD_TOKEN)}
    datatypes: dict[str, Any] = {}

    def make(lexical: str, datatype_iri: str | None, language: str | None = None) -> Any:
        literal = new_str(Literal, lexical)
        literal._ill_typed = None
        if datatype_iri is None:  # a plain or language-tagged string: its value is itself
            literal._language = language
            literal._datatype = None
            literal._value = lexical
            return literal
        if datatype_iri in special:  # whitespace rules: rdflib's own constructor
            return Literal(lexical, datatype=datatype_iri, normalize=False)
        datatype = datatypes.get(datatype_iri)
        if datatype is None:
            datatype = datatypes[datatype_iri] = URIRef(datatype_iri)
        value = _castLexicalToPython(lexical, datatype)
        if datatype in _toPythonMapping:
            checker = _check_well_formed_types.get(datatype, _well_formed_by_value)
            literal._ill_typed = not checker(lexical, value)
        literal._language = None
        literal._datatype = datatype
        literal._value = value
        return literal

    return make


class RdflibTerms:
    """pyoxigraph terms to rdflib terms (each distinct term converted once)."""

    def __init__(self) -> None:
        import pyoxigraph as ox
        from rdflib import BNode, URIRef

        self._uri, self._bnode = URIRef, BNode
        self._named = ox.NamedNode
        self._blank = ox.BlankNode
        self._triple = ox.Triple
        self._cache: dict[Any, Any] = {}
        self._make = literal_maker()

    def __call__(self, term: Any) -> Any:
        if term is None:
            return None
        found = self._cache.get(term)
        if found is not None:
            return found
        kind = type(term)
        if kind is self._named:  # Oxigraph's IRIs: no need for rdflib's validity warning
            found = str.__new__(self._uri, term.value)
        elif kind is self._blank:
            found = self._bnode(term.value)
        elif kind is self._triple:  # RDF 1.2 / RDF-star: rdflib has no such term
            raise InputError(
                "a result holds a triple term (RDF 1.2 <<( s p o )>>), which aikg does not "
                "handle; select its parts with SUBJECT(), PREDICATE() and OBJECT()"
            )
        elif term.language:
            found = self._make(term.value, None, term.language)
        elif (datatype := term.datatype.value) == _XSD_STRING:
            found = self._make(term.value, None, None)
        else:
            found = self._make(term.value, datatype, None)
        self._cache[term] = found
        return found


class OxigraphTerms:
    """rdflib terms to pyoxigraph terms."""

    def __init__(self) -> None:
        import pyoxigraph
        from rdflib import BNode, URIRef

        self._uri, self._bnode = URIRef, BNode
        self._ox = pyoxigraph

    def __call__(self, term: Any) -> Any:
        ox = self._ox
        if isinstance(term, self._uri):
            return ox.NamedNode(str(term))
        if isinstance(term, self._bnode):
            return ox.BlankNode(str(term))
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))

    def triple(self, triple: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
        return self(triple[0]), self(triple[1]), self(triple[2])


# --------------------------------------------------------------------------------------------
# The literals every store answers SPARQL with
#
# Oxigraph (the default store, and an Oxigraph server) keeps a literal of a type derived from
# xsd:integer as an xsd:integer, and an xsd:dateTimeStamp as an xsd:dateTime: that is how it
# stores values, it cannot be turned off. The memory store's SPARQL answers the same
# (:func:`as_stored`, applied as rdflib matches triple patterns), so that DATATYPE(), STR(),
# sameTerm() and joins give the same rows on every store. The files, exports and SHACL
# validation keep the datatypes the data states.

_XSD = "http://www.w3.org/2001/XMLSchema#"
_DERIVED_INTEGERS = (
    *("nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger"),
    *("long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort"),
    "unsignedByte",
)
#: The datatypes Oxigraph stores as another: derived integer types -> xsd:integer.
STORED_AS: dict[str, str] = {
    **{_XSD + name: _XSD + "integer" for name in _DERIVED_INTEGERS},
    _XSD + "dateTimeStamp": _XSD + "dateTime",
}
_INTEGER = re.compile(r"[+-]?[0-9]+")


def as_stored(term: Any) -> Any:
    """``term`` as Oxigraph stores it: a well-formed literal of a derived integer type as an
    ``xsd:integer`` (canonical lexical form), an ``xsd:dateTimeStamp`` as an ``xsd:dateTime``;
    any other term as it is.

    Example:
        >>> from rdflib import Literal, XSD
        >>> as_stored(Literal("007", datatype=XSD.nonNegativeInteger, normalize=False)).n3()
        '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'
        >>> as_stored(Literal("2024-01-01T00:00:00Z", datatype=XSD.dateTimeStamp)).n3()
        '"2024-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    """
    from rdflib import Literal, URIRef

    if not isinstance(term, Literal) or term.datatype is None:
        return term
    target = STORED_AS.get(str(term.datatype))
    if target is None:
        return term
    lexical = str(term).strip()
    if target.endswith("#integer"):
        if not _INTEGER.fullmatch(lexical):
            return term  # ill-typed: kept as written, as Oxigraph keeps it
        lexical = str(int(lexical))
    return Literal(lexical, datatype=URIRef(target), normalize=False)
