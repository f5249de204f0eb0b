"""YAML values of a curation sheet as RDF terms."""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from aikg.errors import InputError
from aikg.namespaces import PREFIXES, expand

_CURIE = re.compile(r"^([a-z][a-z0-9-]*):[^\s]+$")

#: Language keys accepted in sheets and the (lowercase) tags written to RDF.
LANGS = {"zh": "zh-hans", "zh-hans": "zh-hans", "zh-hant": "zh-hant", "en": "en"}


def iri(value: str, where: str) -> URIRef:
    """A prefixed name or full IRI from a sheet, as an IRI; anything else is an error."""
    if isinstance(value, str):
        match = _CURIE.match(value)
        if value.startswith(("http://", "https://")) or (match and match[1] in PREFIXES):
            return URIRef(expand(value))
    raise InputError(f"{where}: {value!r} is not a known prefixed name or IRI")


def term(value: Any, where: str) -> Node:
    """A sheet value as an RDF term: a prefixed name or ``{iri: ...}`` is an IRI, else a literal."""
    if isinstance(value, dict):
        if "iri" in value:
            return iri(value["iri"], where)
        if "value" not in value:
            raise InputError(f"{where}: a literal needs a 'value' key")
        if "lang" in value:
            return Literal(str(value["value"]), lang=lang(value["lang"], where))
        if "type" in value:
            return Literal(str(value["value"]), datatype=iri(value["type"], where))
        return Literal(str(value["value"]))
    if isinstance(value, str):
        match = _CURIE.match(value)
        if match and match[1] in PREFIXES:
            return URIRef(expand(value))
        return Literal(value)
    raise InputError(f"{where}: cannot read {value!r} as an RDF term")


def lang(key: str, where: str) -> str:
    if key not in LANGS:
        raise InputError(f"{where}: unknown language key {key!r} (use {', '.join(LANGS)})")
    return LANGS[key]


def texts(value: Any, where: str) -> list[Literal]:
    """``{zh: ..., en: ...}`` (each a string or list of strings) as language-tagged literals."""
    if value is None:
        return []
    if not isinstance(value, dict):
        raise InputError(f"{where}: expected a mapping of language to text")
    out = []
    for key, items in value.items():
        for item in items if isinstance(items, list) else [items]:
            out.append(Literal(str(item), lang=lang(key, where)))
    return out


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
