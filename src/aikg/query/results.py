"""Query results, whichever engine gave them, and their output formats.

A SELECT gives a :class:`Table`, an ASK a :class:`Boolean`, a CONSTRUCT or DESCRIBE a
:class:`GraphResult`. Tables are written as ``table`` (for a terminal), ``csv`` and ``tsv``
(SPARQL 1.1 Query Results CSV and TSV), ``json`` (SPARQL 1.1 Query Results JSON), ``xml``
(SPARQL Query Results XML) or ``md`` (a Markdown table); graphs as ``turtle``, ``jsonld`` or
``nt``. :func:`comparable` gives the value of a term, so that the rows of two engines can be
compared by value rather than by spelling.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from aikg.errors import InputError
from aikg.namespaces import RDF_LANGSTRING, SPARQL_RESULTS, XSD_IRI

TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml", "md")
GRAPH_FORMATS = ("turtle", "jsonld", "nt")
FORMATS = TABLE_FORMATS + GRAPH_FORMATS

#: Output file suffix -> format, for ``-o FILE`` without ``--format``.
SUFFIX_FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".srj": "json",
    ".xml": "xml",
    ".srx": "xml",
    ".md": "md",
    ".txt": "table",
    ".ttl": "turtle",
    ".jsonld": "jsonld",
    ".nt": "nt",
}

_NUMERIC = {
    XSD_IRI + name
    for name in (
        "integer", "decimal", "double", "float", "long", "int", "short", "byte",
        "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
        "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    )
}  # fmt: skip
#: Numbers compare equal when they agree to this many significant digits (see comparable).
SIGNIFICANT_DIGITS = 15
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Table:
    """The solutions of a SELECT: column names and rows (``None`` where a column is unbound)."""

    variables: list[str]
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "table"


@dataclass
class Boolean:
    """The answer of an ASK."""

    value: bool

    @property
    def kind(self) -> str:
        return "boolean"


@dataclass
class GraphResult:
    """The graph of a CONSTRUCT or DESCRIBE."""

    graph: Graph

    @property
    def kind(self) -> str:
        return "graph"


Result = Table | Boolean | GraphResult


def from_rdflib(result: Any) -> Result:
    """Our result for an rdflib ``Result``."""
    if result.type == "SELECT":
        variables = [str(v) for v in result.vars or []]
        rows = [tuple(row[i] for i in range(len(variables))) for row in result]
        return Table(variables, rows)
    if result.type == "ASK":
        return Boolean(bool(result.askAnswer))
    graph = Graph()
    for triple in result.graph:
        graph.add(triple)
    return GraphResult(graph)


# --------------------------------------------------------------------------------------------
# Choosing a format


def check_format(fmt: str, form: str) -> str:
    """``fmt`` (lowercased) if it is a format for results of the query form ``form``."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if form in ("CONSTRUCT", "DESCRIBE") and fmt not in GRAPH_FORMATS:
        raise InputError(
            f"format {fmt!r} is for SELECT and ASK results; this query gives a graph: "
            f"use {', '.join(GRAPH_FORMATS)}"
        )
    if form in ("SELECT", "ASK") and fmt not in TABLE_FORMATS:
        raise InputError(
            f"format {fmt!r} is for CONSTRUCT and DESCRIBE results; this is a {form} query: "
            f"use {', '.join(TABLE_FORMATS)}"
        )
    return fmt


def _form(result: Result) -> str:
    if isinstance(result, GraphResult):
        return "CONSTRUCT"
    return "ASK" if isinstance(result, Boolean) else "SELECT"


def choose_format(result: Result, requested: str | None, output: Path | None, tty: bool) -> str:
    """The format to write ``result`` in: as requested, else from the file suffix, else a default.

    The default is ``table`` on a terminal and ``csv`` otherwise; ``turtle`` for a graph.
    """
    fmt = requested
    if fmt is None and output is not None:
        fmt = SUFFIX_FORMATS.get(output.suffix.lower())
    if fmt is None:
        if isinstance(result, GraphResult):
            return "turtle"
        return "table" if tty and output is None else "csv"
    return check_format(fmt, _form(result))


# --------------------------------------------------------------------------------------------
# Cells


def display(term: Identifier | None) -> str:
    """A cell for people: prefixed names for the project's IRIs, the text of literals."""
    from aikg.namespaces import shorten

    if term is None:
        return ""
    if isinstance(term, URIRef):
        return shorten(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _plain(term: Identifier | None) -> str:
    """A CSV cell: the IRI, the lexical form, or ``_:label``."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


_TSV_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TURTLE_NUMBER = {
    XSD_IRI + "integer": re.compile(r"^[+-]?\d+$"),
    XSD_IRI + "decimal": re.compile(r"^[+-]?\d*\.\d+$"),
    XSD_IRI + "double": re.compile(r"^[+-]?(?:\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+$"),
}


def rdf_syntax(term: Identifier | None) -> str:
    """A TSV cell: the term in Turtle / SPARQL syntax."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    lexical = str(term)
    datatype = str(term.datatype) if term.datatype else None
    if datatype in _TURTLE_NUMBER and _TURTLE_NUMBER[datatype].match(lexical):
        return lexical
    body = '"' + "".join(_TSV_ESCAPES.get(ch, ch) for ch in lexical) + '"'
    if term.language:
        return f"{body}@{term.language}"
    if datatype and datatype != XSD_IRI + "string":
        return f"{body}^^<{datatype}>"
    return body


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    cell = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype and str(term.datatype) != XSD_IRI + "string":
        cell["datatype"] = str(term.datatype)
    return cell


# --------------------------------------------------------------------------------------------
# Writers


def _csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.variables)
    for row in table.rows:
        writer.writerow([_plain(term) for term in row])
    return buffer.getvalue().encode("utf-8")


def _tsv(table: Table) -> bytes:
    lines = ["\t".join(f"?{name}" for name in table.variables)]
    lines += ["\t".join(rdf_syntax(term) for term in row) for row in table.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _json(result: Table | Boolean, pretty: bool = True) -> bytes:
    if isinstance(result, Boolean):
        return _json_document({"head": {}, "boolean": result.value}, pretty)
    bindings = [
        {
            name: _json_term(term)
            for name, term in zip(result.variables, row, strict=True)
            if term is not None
        }
        for row in result.rows
    ]
    return _json_bindings(result.variables, bindings, pretty)


def _json_bindings(variables: list[str], bindings: list[dict[str, Any]], pretty: bool) -> bytes:
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return _json_document(document, pretty)


def _json_document(document: dict[str, Any], pretty: bool) -> bytes:
    if not pretty:  # json's C encoder: several times faster than the indented one
        return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def oxigraph_json(variables: list[str], solutions: Iterable[Any]) -> bytes:
    r"""SPARQL JSON results of pyoxigraph's solutions, written from its terms as they are: the
    bytes ``render(table, "json", pretty=False)`` writes of the same rows, without making
    rdflib terms of them first (which took most of a server's time for a small answer).

    Example:
        >>> import pyoxigraph as ox
        >>> store = ox.Store()
        >>> found = store.query('SELECT ?x ?y WHERE { VALUES (?x ?y) { (<http://e/a> "中"@zh) } }')
        >>> oxigraph_json([v.value for v in found.variables], found)
        b'{"head":{"vars":["x","y"]},"results":{"bindings":[{"x":{"type":"uri","value":"http://e/a"},"y":{"type":"literal","value":"\xe4\xb8\xad","xml:lang":"zh"}}]}}\n'
    """
    import pyoxigraph as ox

    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal
    string = XSD_IRI + "string"
    # Written as text: the escaping of json.dumps(ensure_ascii=False) (its own function), the
    # keys and separators of _json_bindings; a third of the time of building dicts to dump.
    quote = json.encoder.encode_basestring

    def cell(term: Any) -> str:
        kind = type(term)
        if kind is named:
            return f'{{"type":"uri","value":{quote(term.value)}}}'
        if kind is blank:
            return f'{{"type":"bnode","value":{quote(term.value)}}}'
        if kind is literal:
            value = quote(term.value)
            if term.language:
                return f'{{"type":"literal","value":{value},"xml:lang":{quote(term.language)}}}'
            if (datatype := term.datatype.value) != string:
                return f'{{"type":"literal","value":{value},"datatype":{quote(datatype)}}}'
            return f'{{"type":"literal","value":{value}}}'
        from aikg.store.terms import RdflibTerms  # a quoted triple: as the rdflib path writes it

        return json.dumps(
            _json_term(RdflibTerms()(term)), ensure_ascii=False, separators=(",", ":")
        )

    keys = [quote(name) + ":" for name in variables]
    rows = ",".join(
        "{" + ",".join(key + cell(term) for key, term in zip(keys, solution, strict=True)
                       if term is not None) + "}"
        for solution in solutions
    )  # fmt: skip
    head = json.dumps(variables, ensure_ascii=False, separators=(",", ":"))
    return ('{"head":{"vars":' + head + '},"results":{"bindings":[' + rows + "]}}\n").encode()


def _xml(result: Table | Boolean) -> bytes:
    ns = "{" + SPARQL_RESULTS + "}"
    ElementTree.register_namespace("", str(SPARQL_RESULTS))
    root = ElementTree.Element(ns + "sparql")
    head = ElementTree.SubElement(root, ns + "head")
    if isinstance(result, Boolean):
        ElementTree.SubElement(root, ns + "boolean").text = "true" if result.value else "false"
    else:
        for name in result.variables:
            ElementTree.SubElement(head, ns + "variable", name=name)
        results = ElementTree.SubElement(root, ns + "results")
        for row in result.rows:
            solution = ElementTree.SubElement(results, ns + "result")
            for name, term in zip(result.variables, row, strict=True):
                if term is None:
                    continue
                binding = ElementTree.SubElement(solution, ns + "binding", name=name)
                if _XML_INVALID.search(str(term)):
                    raise InputError(
                        f"column {name!r} holds characters that XML 1.0 cannot carry; use json"
                    )
                if isinstance(term, URIRef):
                    ElementTree.SubElement(binding, ns + "uri").text = str(term)
                elif isinstance(term, BNode):
                    ElementTree.SubElement(binding, ns + "bnode").text = str(term)
                else:
                    assert isinstance(term, Literal)
                    attributes = {}
                    if term.language:
                        attributes["{http://www.w3.org/XML/1998/namespace}lang"] = term.language
                    elif term.datatype and str(term.datatype) != XSD_IRI + "string":
                        attributes["datatype"] = str(term.datatype)
                    element = ElementTree.SubElement(binding, ns + "literal", attributes)
                    element.text = str(term)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _md_cell(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")


def _md(result: Table | Boolean) -> bytes:
    if isinstance(result, Boolean):
        return b"true\n" if result.value else b"false\n"
    lines = [
        "| " + " | ".join(result.variables) + " |",
        "| " + " | ".join("---" for _ in result.variables) + " |",
    ]
    for row in result.rows:
        lines.append("| " + " | ".join(_md_cell(display(term)) for term in row) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8")


def rich_table(result: Table) -> Any:
    """A Rich table of ``result`` for a terminal."""
    from rich.table import Table as RichTable

    table = RichTable(*result.variables, caption=f"{len(result.rows)} rows")
    for row in result.rows:
        table.add_row(*(display(term) for term in row))
    return table


def _table_text(result: Table | Boolean) -> bytes:
    """The Rich table as text, as wide as its widest cells (for files and pipes)."""
    if isinstance(result, Boolean):
        return b"true\n" if result.value else b"false\n"
    from rich.cells import cell_len
    from rich.console import Console

    widths = [cell_len(name) for name in result.variables]
    for row in result.rows:
        for i, term in enumerate(row):
            longest = max((cell_len(line) for line in display(term).splitlines()), default=0)
            widths[i] = max(widths[i], longest)
    width = max(40, sum(widths) + 3 * len(widths) + 1)
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(
        rich_table(result), markup=False
    )
    return buffer.getvalue().encode("utf-8")


def render(result: Result, fmt: str, *, pretty: bool = True) -> bytes:
    """``result`` in the format ``fmt`` (already checked by :func:`choose_format`); JSON
    without indentation when not ``pretty`` (a server's answers)."""
    if isinstance(result, GraphResult):
        from aikg.store.export import serialize

        return serialize(result.graph, fmt)
    if fmt == "csv":
        if isinstance(result, Boolean):
            return b"boolean\r\n" + (b"true\r\n" if result.value else b"false\r\n")
        return _csv(result)
    if fmt == "tsv":
        if isinstance(result, Boolean):
            return b"?boolean\n" + (b"true\n" if result.value else b"false\n")
        return _tsv(result)
    if fmt == "json":
        return _json(result, pretty)
    if fmt == "xml":
        return _xml(result)
    if fmt == "md":
        return _md(result)
    return _table_text(result)


# --------------------------------------------------------------------------------------------
# Reading SPARQL JSON results (from a server, or our own output)


def term_from_json(cell: dict[str, str]) -> Identifier:
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = cell.get("xml:lang")
        datatype = cell.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        if datatype and datatype not in (XSD_IRI + "string", RDF_LANGSTRING):
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise ValueError(f"unknown term type {kind!r} in SPARQL JSON results")


def parse_json_results(data: dict[str, Any]) -> Table | Boolean:
    """A :class:`Table` or :class:`Boolean` from a SPARQL 1.1 Query Results JSON document."""
    if "boolean" in data:
        return Boolean(bool(data["boolean"]))
    variables = list(data["head"].get("vars", []))
    rows = []
    for binding in data["results"]["bindings"]:
        rows.append(tuple(term_from_json(binding[v]) if v in binding else None for v in variables))
    return Table(variables, rows)


# --------------------------------------------------------------------------------------------
# Comparing by value


def comparable(term: Identifier | None) -> tuple[Any, ...]:
    """A key equal for terms that are equal in value: ``"23.50"^^xsd:decimal`` = ``23.5``,
    ``@zh-Hans`` = ``@zh-hans``, a simple literal = an ``xsd:string``; numbers to 15
    significant digits."""
    if term is None:
        return ("unbound",)
    if isinstance(term, URIRef):
        return ("iri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    assert isinstance(term, Literal)
    lexical = str(term)
    if term.language:
        return ("lang", lexical, term.language.lower())
    datatype = str(term.datatype) if term.datatype else XSD_IRI + "string"
    if datatype in _NUMERIC:
        try:
            number = Decimal(lexical.strip())
        except InvalidOperation:
            return ("literal", lexical.strip(), datatype)
        if number.is_finite():
            # XPath leaves the precision of decimal division to the engine (at least 18
            # digits): rdflib keeps 28 significant digits, Oxigraph 18 decimal places.
            return ("number", Decimal(format(number, f".{SIGNIFICANT_DIGITS}g")))
        return ("number", str(number))
    if datatype == XSD_IRI + "boolean":
        return ("boolean", lexical.strip() in ("true", "1"))
    return ("literal", lexical, datatype)


def comparable_rows(rows: Iterable[Sequence[Identifier | None]]) -> list[tuple[Any, ...]]:
    return [tuple(comparable(term) for term in row) for row in rows]


def comparable_graph(graph: Graph) -> set[tuple[Any, ...]]:
    """The triples of ``graph`` by value (graphs without blank nodes)."""
    return {tuple(comparable(term) for term in triple) for triple in graph}  # type: ignore[arg-type]
