"""Namespaces of the aikg ontology and data, and the prefixes every output declares."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

BASE = "https://w3id.org/aikg/"

AIKG = Namespace(BASE + "ontology#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_ATT = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SDMX_CODE = Namespace("http://purl.org/linked-data/sdmx/2009/code#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
CUR = Namespace("http://qudt.org/vocab/currency/")
SH = Namespace("http://www.w3.org/ns/shacl#")
#: The namespace of the SPARQL Query Results XML Format (not an RDF vocabulary).
SPARQL_RESULTS = Namespace("http://www.w3.org/2005/sparql-results#")
#: XSD and rdf:langString as plain text, for datatype IRIs compared and built as strings.
XSD_IRI = str(XSD)
RDF_LANGSTRING = str(RDF.langString)

VOCAB = {
    "aikgunit": Namespace(BASE + "vocab/unit/"),
    "qual": Namespace(BASE + "vocab/qualifier/"),
    "doctype": Namespace(BASE + "vocab/doctype/"),
    "reliability": Namespace(BASE + "vocab/reliability/"),
    "gbt4754": Namespace(BASE + "vocab/gbt4754-2017/"),
    "isic4": Namespace(BASE + "vocab/isic-rev4/"),
}

#: One data namespace per kind of thing; the prefix is the kind.
ID_KINDS = (
    "doc", "text", "report", "policy", "series", "initiative", "organization", "person",
    "membership", "product", "role", "tech", "sector", "var", "obs", "target", "period", "place",
    "age", "event", "anno", "stmt", "principle", "risk", "concept", "disagreement",
)  # fmt: skip
ID = {kind: Namespace(f"{BASE}id/{kind}/") for kind in ID_KINDS}

AIKGUNIT = VOCAB["aikgunit"]
QUAL = VOCAB["qual"]

PREFIXES: dict[str, Namespace] = {
    "aikg": AIKG,
    "schema": SCHEMA,
    "oa": OA,
    "prov": Namespace(str(PROV)),
    "org": Namespace(str(ORG)),
    "skos": Namespace(str(SKOS)),
    "time": Namespace(str(TIME)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "dcterms": Namespace(str(DCTERMS)),
    "sdmx-dimension": SDMX_DIM,
    "sdmx-attribute": SDMX_ATT,
    "sdmx-code": SDMX_CODE,
    "eli": ELI,
    "qudt": QUDT,
    "unit": UNIT,
    "cur": CUR,
    "sh": SH,
    **VOCAB,
    **ID,
}


def sparql_prefixes(*names: str) -> str:
    """SPARQL ``PREFIX`` lines for the prefixes ``names``, one a line.

    >>> print(sparql_prefixes("aikg", "schema"), end="")
    PREFIX aikg: <https://w3id.org/aikg/ontology#>
    PREFIX schema: <https://schema.org/>
    """
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def expand(curie: str) -> str:
    """Expand a prefixed name (``organization:cnnic``) to a full IRI; an IRI stays as it is.

    Example:
        >>> expand("organization:cnnic")
        'https://w3id.org/aikg/id/organization/cnnic'
        >>> expand("https://example.org/x")
        'https://example.org/x'
        >>> expand("nope:x")
        Traceback (most recent call last):
        ...
        KeyError: "unknown prefix in 'nope:x'"
    """
    if curie.startswith(("http://", "https://", "urn:")):
        return curie
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        raise KeyError(f"unknown prefix in {curie!r}")
    return str(PREFIXES[prefix]) + local


@lru_cache(maxsize=1 << 16)  # a page or a report names the same IRIs many times
def shorten(iri: str) -> str:
    """The prefixed name of ``iri`` when one of the project's prefixes covers it, else the IRI.

    Example:
        >>> shorten("https://w3id.org/aikg/id/organization/cnnic")
        'organization:cnnic'
        >>> shorten("https://example.org/x")  # no prefix covers it
        'https://example.org/x'
    """
    best, longest = "", ""
    for prefix, ns in _NAMESPACES:
        if iri.startswith(ns) and len(ns) > len(longest):
            best, longest = prefix, ns
    if best:
        local = iri[len(longest) :]
        if local and "/" not in local and "#" not in local:
            return f"{best}:{local}"
    return iri


#: :data:`PREFIXES` as plain text, for :func:`shorten` (a namespace's ``str()`` is a copy).
_NAMESPACES = tuple((prefix, str(ns)) for prefix, ns in PREFIXES.items())
