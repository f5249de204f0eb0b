"""The RDF file formats aikg reads and writes: one table, one row a format.

Each row says how a file of that format is named (its suffixes, the first one written), how
rdflib parses and serializes it, and how Oxigraph reads it. The tables the rest of the store
uses (suffix -> rdflib parser, suffix -> Oxigraph format, export name -> rdflib serializer and
suffix) are views of this one.

Example:
    >>> RDF_FORMATS[".jsonld"], OXIGRAPH_FORMATS[".owl"]
    ('json-ld', 'RDF_XML')
    >>> FORMATS["nt"]
    ('nt11', '.nt')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RdfFormat:
    """One RDF format: its export name (``None``: read only), suffixes and parsers."""

    name: str | None
    suffixes: tuple[str, ...]
    rdflib_parser: str
    rdflib_serializer: str | None = None
    oxigraph: str | None = None  # pyoxigraph's RdfFormat member; None: rdflib reads it
    quads: bool = False  # named graphs: merged into the default graph when read


TABLE = (
    RdfFormat("turtle", (".ttl",), "turtle", "turtle", "TURTLE"),
    RdfFormat("nt", (".nt",), "nt", "nt11", "N_TRIPLES"),
    RdfFormat(None, (".nq",), "nquads", None, "N_QUADS", quads=True),
    RdfFormat("trig", (".trig",), "trig", "trig", "TRIG", quads=True),
    RdfFormat("jsonld", (".jsonld", ".json"), "json-ld", "json-ld", "JSON_LD"),
    RdfFormat("xml", (".rdf", ".owl", ".xml"), "xml", "pretty-xml", "RDF_XML"),
    RdfFormat(None, (".n3",), "n3"),
)

#: RDF file suffix -> the rdflib parser of it: every file aikg reads.
RDF_FORMATS = {suffix: f.rdflib_parser for f in TABLE for suffix in f.suffixes}
#: File suffix -> pyoxigraph format name (the others, ``.n3``, are read with rdflib).
OXIGRAPH_FORMATS = {suffix: f.oxigraph for f in TABLE for suffix in f.suffixes if f.oxigraph}
#: Suffixes of formats with named graphs.
QUAD_SUFFIXES = frozenset(suffix for f in TABLE if f.quads for suffix in f.suffixes)
#: The order ``aikg export --format`` lists them in.
_EXPORT_ORDER = ("turtle", "jsonld", "nt", "xml", "trig")
_BY_NAME = {f.name: f for f in TABLE if f.name}
#: Export format name -> (rdflib serializer, file suffix).
FORMATS: dict[str, tuple[str, str]] = {
    name: (str(_BY_NAME[name].rdflib_serializer), _BY_NAME[name].suffixes[0])
    for name in _EXPORT_ORDER
}
