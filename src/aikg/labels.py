"""The one label picker: a node's name in Chinese and in English, from its RDF literals.

Every part that shows a node by name (the view and the analytics, the consistency findings,
extraction's diff, curation's observation labels) picks it here. Simplified Chinese is
preferred to Traditional (``zh-hans``, ``zh-cn``, ``zh`` ... ``zh-hk``); a text without a
language tag, or the other language, stands in for a missing one; a node without any label is
named by its prefixed name.

Example:
    >>> from rdflib import Graph, Literal, URIRef
    >>> from rdflib.namespace import RDFS
    >>> g = Graph()
    >>> cnnic = URIRef("https://w3id.org/aikg/id/organization/cnnic")
    >>> _ = g.add((cnnic, RDFS.label, Literal("中國互聯網絡信息中心", lang="zh-Hant")))
    >>> _ = g.add((cnnic, RDFS.label, Literal("中国互联网络信息中心", lang="zh-Hans")))
    >>> label(g, cnnic, "zh"), label(g, cnnic, "en")
    ('中国互联网络信息中心', '中国互联网络信息中心')
    >>> label(g, URIRef("https://w3id.org/aikg/id/organization/cac"), "en")
    'organization:cac'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from aikg.namespaces import shorten

#: The label languages (a prefix of the RDF language tag).
LANGS = ("zh", "en")

#: Language tags in order of preference for each label language (Simplified before Traditional).
_TAG_RANK = {
    "zh": ("zh-hans", "zh-cn", "zh", "zh-sg", "zh-hant", "zh-tw", "zh-hk"),
    "en": ("en", "en-us", "en-gb"),
}


@dataclass(frozen=True)
class Texts:
    """A text in each label language (the other language stands in where one is missing)."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


#: Each label language's known tags by rank (:data:`_TAG_RANK`, looked up for every label).
_RANK_OF = {lang: {tag: i for i, tag in enumerate(order)} for lang, order in _TAG_RANK.items()}


def _rank(tag: str, lang: str) -> int | None:
    """How well ``tag`` serves ``lang`` (lower is better), or None when it does not."""
    if not tag.startswith(lang):
        return None
    return _RANK_OF[lang].get(tag, len(_TAG_RANK[lang]))


def texts(
    graph: Graph | Iterable[Graph], node: URIRef, predicate: URIRef = RDFS.label
) -> Texts | None:
    """The node's ``predicate`` text in Chinese and English, or None when it has none.

    ``graph`` may be several graphs: the first that gives the node a text is the one read.
    """
    for one in [graph] if isinstance(graph, Graph) else graph:
        found = _texts(one, node, predicate)
        if found is not None:
            return found
    return None


def _texts(graph: Graph, node: URIRef, predicate: URIRef) -> Texts | None:
    best: dict[str, tuple[int, str]] = {}
    plain = ""
    # by text, so that of two labels of one rank the first in the alphabet is taken; two of one
    # text (``"AI"``, ``"AI"@en``) give the same text in either order
    for value in sorted(graph.objects(node, predicate), key=str):
        if not isinstance(value, Literal):
            continue
        tag = (value.language or "").lower()
        for lang in LANGS:
            rank = _rank(tag, lang)
            if rank is not None and (lang not in best or rank < best[lang][0]):
                best[lang] = (rank, str(value))
        if not tag:
            plain = plain or str(value)
    found = {lang: text for lang, (_, text) in best.items()}
    zh = found.get("zh") or plain or found.get("en")
    en = found.get("en") or plain or found.get("zh")
    if zh is None or en is None:
        return None
    return Texts(zh, en)


class Labels:
    """:func:`texts` and :func:`labels` of one graph's nodes, each node's read once: a page
    names the same unit, qualifier and period thousands of times.

    Only for a graph that does not change while it is used.

    Example (``tech:ml`` has no label):
        >>> from rdflib import Graph, Literal, URIRef
        >>> from rdflib.namespace import RDFS
        >>> ai, ml = (URIRef(f"https://w3id.org/aikg/id/tech/{x}") for x in ("ai", "ml"))
        >>> known = Labels(Graph().add((ai, RDFS.label, Literal("人工智能", lang="zh-hans"))))
        >>> known(ai), known.texts(ml), known(ml).en
        (Texts(zh='人工智能', en='人工智能'), None, 'tech:ml')
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._texts: dict[URIRef, Texts | None] = {}
        self._labels: dict[URIRef, Texts] = {}

    def texts(self, node: URIRef) -> Texts | None:
        """``texts(graph, node)``: its ``rdfs:label``, or None."""
        if node not in self._texts:
            self._texts[node] = _texts(self.graph, node, RDFS.label)
        return self._texts[node]

    def __call__(self, node: URIRef) -> Texts:
        """``labels(graph, node)``: its ``rdfs:label``, or its prefixed name."""
        found = self._labels.get(node)
        if found is None:
            found = self._labels[node] = self.texts(node) or _named(node)
        return found


def _named(node: URIRef) -> Texts:
    name = shorten(str(node))
    return Texts(name, name)


def labels(graph: Graph | Iterable[Graph], node: URIRef) -> Texts:
    """The node's ``rdfs:label`` in both languages; its prefixed name where it has none."""
    return texts(graph, node) or _named(node)


def label(
    graph: Graph | Iterable[Graph], node: URIRef, lang: str = "zh", *, strict: bool = False
) -> str:
    """The node's ``rdfs:label`` in ``lang`` (``zh`` or ``en``), as :func:`labels` picks it.

    ``strict``: only a label tagged exactly as the language's first choice (``zh-hans``,
    ``en``) is taken, never a Traditional, untagged or other-language one; else the prefixed
    name. Curation builds labels of its own with it, tagged ``zh-hans`` and ``en``: a
    Traditional text must not be copied into a label tagged Simplified.

    Example:
        >>> from rdflib import Graph, Literal, URIRef
        >>> from rdflib.namespace import RDFS
        >>> g, var = Graph(), URIRef("https://w3id.org/aikg/id/var/wearables")
        >>> _ = g.add((var, RDFS.label, Literal("智慧穿戴", lang="zh-hant")))
        >>> label(g, var, "zh"), label(g, var, "zh", strict=True)
        ('智慧穿戴', 'var:wearables')
    """
    if not strict:
        return labels(graph, node).get(lang)
    tag = _TAG_RANK[lang][0]
    for one in [graph] if isinstance(graph, Graph) else graph:
        for value in one.objects(node, RDFS.label):
            if isinstance(value, Literal) and value.language == tag:
                return str(value)
    return shorten(str(node))
