"""Parameters of a saved query: ``--param name=value`` to typed RDF terms, bound as ``VALUES``.

A value is converted to the term its parameter declares (an IRI, a plain or language-tagged
string, a typed number or date), checked against the declared type and enumeration, and written
into the query as an escaped SPARQL term inside a ``VALUES`` block placed first in the outermost
``WHERE`` group. The value is data: no character of it can end the term it is written in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from aikg.errors import InputError, SettingError
from aikg.namespaces import PREFIXES, XSD_IRI
from aikg.query.text import insert_values

if TYPE_CHECKING:  # for annotations only: the view binds terms without the catalog (and YAML)
    from aikg.query.catalog import Parameter, SavedQuery

_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20\x7f]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_LANG = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")
_TZ = r"(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?"
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_DOUBLE = re.compile(r"^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)$")
_YEAR = r"-?(?:[1-9]\d{4,}|\d{4})"
_PATTERNS: dict[str, re.Pattern[str]] = {
    "integer": _INTEGER,
    "long": _INTEGER,
    "int": _INTEGER,
    "short": _INTEGER,
    "byte": _INTEGER,
    "nonNegativeInteger": re.compile(r"^\+?\d+$|^-0+$"),
    "positiveInteger": re.compile(r"^\+?0*[1-9]\d*$"),
    "negativeInteger": re.compile(r"^-0*[1-9]\d*$"),
    "nonPositiveInteger": re.compile(r"^-\d+$|^\+?0+$"),
    "decimal": _DECIMAL,
    "double": _DOUBLE,
    "float": _DOUBLE,
    "boolean": re.compile(r"^(?:true|false|1|0)$"),
    "gYear": re.compile(rf"^{_YEAR}{_TZ}$"),
    "gYearMonth": re.compile(rf"^{_YEAR}-(?:0[1-9]|1[0-2]){_TZ}$"),
    "duration": re.compile(
        r"^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?"
        r"(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$"
    ),
    "date": re.compile(rf"^{_YEAR}-\d\d-\d\d{_TZ}$"),
    "dateTime": re.compile(rf"^{_YEAR}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?{_TZ}$"),
    "time": re.compile(rf"^\d\d:\d\d:\d\d(?:\.\d+)?{_TZ}$"),
    "anyURI": re.compile(r"^[^\x00-\x20]*$"),
}  # fmt: skip
_RANGES = {"long": 63, "int": 31, "short": 15, "byte": 7}
#: Human words for the error messages.
_WORDS = {
    "integer": "an integer",
    "decimal": "a decimal number",
    "double": "a number",
    "float": "a number",
    "boolean": "true or false",
    "date": "a date (YYYY-MM-DD)",
    "dateTime": "a date and time (YYYY-MM-DDThh:mm:ss)",
    "gYear": "a year (YYYY)",
    "gYearMonth": "a year and month (YYYY-MM)",
}


def is_iri(text: str) -> bool:
    """Whether ``text`` can be written as an absolute IRI in SPARQL and Turtle."""
    return bool(_SCHEME.match(text)) and not _IRI_FORBIDDEN.search(text)


# --------------------------------------------------------------------------------------------
# Reading --param


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["name=value", ...]`` as a mapping; a malformed or repeated item is an error."""
    given: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise SettingError("param", f"{item!r}: expected NAME=VALUE")
        if name in given:
            raise InputError(f"parameter {name!r} is given twice")
        given[name] = value
    return given


# --------------------------------------------------------------------------------------------
# Converting a value to a term


def _valid_calendar(local: str, lexical: str) -> bool:
    """Dates and times must also exist: no 2024-02-30, no 25:00:00."""
    core = re.sub(r"(?:Z|[+-]\d\d:\d\d)$", "", lexical)
    if local != "time" and (core.startswith("-") or len(core.split("-")[0]) > 4):
        return True  # years before 1 or after 9999: the pattern is all Python can check
    try:
        if local == "date":
            date.fromisoformat(core)
        elif local == "dateTime":
            datetime.fromisoformat(core)
        elif local == "time":
            time.fromisoformat(core)
    except ValueError:
        return False
    return True


def _check_lexical(parameter: Parameter, datatype: str, value: str) -> str:
    """``value`` as the lexical form of ``datatype``, or an error that says what was expected."""
    if not datatype.startswith(XSD_IRI):
        return value
    local = datatype[len(XSD_IRI) :]
    pattern = _PATTERNS.get(local)
    if pattern is None:
        return value
    lexical = value if local in ("string", "anyURI") else value.strip()
    ok = bool(pattern.match(lexical)) and _valid_calendar(local, lexical)
    if ok and local in _RANGES:
        bits = _RANGES[local]
        ok = -(2**bits) <= int(lexical) < 2**bits
    if not ok:
        what = _WORDS.get(local, f"a valid xsd:{local}")
        raise InputError(f"parameter {parameter.name!r} (xsd:{local}): {value!r} is not {what}")
    return lexical


#: Schemes of IRIs written without "//" (others look like a mistyped prefixed name).
_OPAQUE_SCHEMES = {"urn", "mailto", "tag", "doi", "did", "data", "file", "geo", "isbn"}


def _iri(parameter: Parameter, value: str, prefixes: dict[str, str]) -> URIRef:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, sep, local = text.partition(":")
    if sep and not local.startswith("//"):
        namespace = prefixes.get(prefix)
        if namespace is None and prefix in PREFIXES:
            namespace = str(PREFIXES[prefix])
        if namespace is not None:
            text = namespace + local
        elif prefix.lower() not in _OPAQUE_SCHEMES:
            raise InputError(
                f"parameter {parameter.name!r}: {value!r} uses the unknown prefix {prefix!r} "
                "(give a full IRI, or one of the project's prefixes such as organization:)"
            )
    if not is_iri(text):
        raise InputError(
            f"parameter {parameter.name!r}: {value!r} is not an IRI "
            "(give an absolute IRI such as https://w3id.org/aikg/id/organization/cnnic, "
            "or a prefixed name such as organization:cnnic)"
        )
    return URIRef(text)


def to_term(parameter: Parameter, value: str, prefixes: dict[str, str] | None = None) -> Identifier:
    """The RDF term ``value`` stands for as a value of ``parameter`` (checked, never pasted)."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise InputError(f"parameter {parameter.name!r}: the value is not valid UTF-8 text")
    prefixes = prefixes or {}
    if parameter.kind == "iri":
        return _iri(parameter, value, prefixes)
    if parameter.kind == "lang":
        lang = parameter.lang or ""
        if not _LANG.match(lang):
            raise InputError(f"parameter {parameter.name!r}: {lang!r} is not a language tag")
        return Literal(value, lang=lang)
    if parameter.kind == "number":
        text = value.strip()
        for local, pattern in (("integer", _INTEGER), ("decimal", _DECIMAL), ("double", _DOUBLE)):
            if pattern.match(text):
                return Literal(text, datatype=URIRef(XSD_IRI + local))
        raise InputError(f"parameter {parameter.name!r}: {value!r} is not a number")
    if (
        parameter.kind == "typed"
        and parameter.datatype
        and parameter.datatype != XSD_IRI + "string"
    ):
        lexical = _check_lexical(parameter, parameter.datatype, value)
        return Literal(lexical, datatype=URIRef(parameter.datatype))
    return Literal(value)


def resolve(query: SavedQuery, given: dict[str, str]) -> dict[Parameter, Identifier]:
    """The terms to bind: ``given`` values and defaults, checked; unknown or missing is an error."""
    for name in given:
        if query.parameter(name) is None:
            names = ", ".join(p.name for p in query.parameters)
            known = f"its parameters: {names}" if names else "it takes no parameters"
            raise InputError(f"query {query.name!r} has no parameter {name!r} ({known})")
    bound: dict[Parameter, Identifier] = {}
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None:
            if parameter.required:
                raise InputError(
                    f"query {query.name!r} needs the parameter {parameter.name!r} "
                    f"({parameter.type_label}): give {parameter.usage}"
                )
            continue
        term = to_term(parameter, value, query.shape.prefixes)
        if parameter.enum:
            allowed = {str(to_term(parameter, v, query.shape.prefixes)) for v in parameter.enum}
            if str(term) not in allowed:
                raise InputError(
                    f"parameter {parameter.name!r}: {value!r} is not one of "
                    + ", ".join(parameter.enum)
                )
        bound[parameter] = term
    return bound


# --------------------------------------------------------------------------------------------
# Writing terms into the query


def _escape(text: str) -> str:
    """The body of a double-quoted SPARQL string for ``text``.

    Besides the quote, the backslash and line breaks, two things are written as ``\\U``
    escapes: control characters, and a ``u`` or ``U`` that follows a backslash of the value.
    Some engines (rdflib) expand ``\\u`` escapes over the whole query text before parsing it;
    an escaped backslash followed by a literal ``u`` would otherwise be read as one.
    """
    out: list[str] = []
    previous = ""
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif (ch in "uU" and previous == "\\") or ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\U{ord(ch):08X}")
        else:
            out.append(ch)
        previous = ch
    return "".join(out)


def sparql_term(term: Identifier) -> str:
    """``term`` in SPARQL syntax: ``<iri>``, ``"text"@lang``, ``"lexical"^^<datatype>``."""
    if isinstance(term, URIRef):
        text = str(term)
        if _IRI_FORBIDDEN.search(text):
            raise InputError(f"{text!r} cannot be written as an IRI")
        return f"<{text}>"
    if isinstance(term, Literal):
        body = f'"{_escape(str(term))}"'
        if term.language:
            if not _LANG.match(term.language):
                raise InputError(f"{term.language!r} is not a language tag")
            return f"{body}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_IRI + "string":
            return f"{body}^^{sparql_term(URIRef(term.datatype))}"
        return body
    raise InputError(f"cannot bind {term!r}: only IRIs and literals can be parameter values")


def values_block(bound: dict[Parameter, Identifier]) -> str:
    """``VALUES (?_a ?_b) { (<x> "y") }`` for the bound parameters."""
    names = " ".join(f"?{parameter.variable}" for parameter in bound)
    terms = " ".join(sparql_term(term) for term in bound.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def bind(query: SavedQuery, given: dict[str, str]) -> str:
    """The text of ``query`` with its parameters bound (unchanged when none is bound)."""
    bound = resolve(query, given)
    if not bound:
        return query.text
    return insert_values(query.text, query.shape, values_block(bound))
