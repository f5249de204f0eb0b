"""Content negotiation: which of the formats a response can take the client's ``Accept`` prefers.

Media types are matched as RFC 9110 says (``q`` weights; an exact type before ``type/*`` before
``*/*``); among equally acceptable formats the server's order decides. The format names are
those of :mod:`aikg.query.results` (``json``, ``turtle`` ...).

Example:
    >>> choose("text/csv;q=0.5, application/sparql-results+xml", TABLE_TYPES)
    'xml'
    >>> choose(None, GRAPH_TYPES), choose("*/*", TABLE_TYPES)
    ('turtle', 'json')
    >>> choose("image/png", TABLE_TYPES) is None
    True
"""

from __future__ import annotations

#: Media type -> result format, for SELECT and ASK answers (the first is the default).
TABLE_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: Media type -> RDF format, for CONSTRUCT and DESCRIBE answers and entity descriptions.
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/x-turtle": "turtle",
    "application/json": "jsonld",
    "text/plain": "nt",
}
#: The media type each result format is sent as (a graph's ``xml`` is RDF/XML).
TABLE_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
GRAPH_MEDIA = {
    "turtle": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "xml": "application/rdf+xml",
}


def _ranges(accept: str) -> list[tuple[str, float]]:
    found = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        weight = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = max(0.0, min(1.0, float(value)))
                except ValueError:
                    weight = 0.0
        found.append((media, weight))
    return found


def _weight(media: str, ranges: list[tuple[str, float]]) -> float:
    """The ``q`` of the most specific range that matches ``media`` (0: none matches)."""
    kind = media.split("/")[0]
    best: tuple[int, float] = (-1, 0.0)
    for pattern, weight in ranges:
        if pattern == media:
            rank = 2
        elif pattern == f"{kind}/*":
            rank = 1
        elif pattern == "*/*":
            rank = 0
        else:
            continue
        if rank > best[0]:
            best = (rank, weight)
    return best[1]


def choose(accept: str | None, offered: dict[str, str]) -> str | None:
    """The value of ``offered`` (media type -> name) that ``accept`` prefers; ``None`` when the
    client accepts none of them. No ``Accept`` (or an empty one): the first offered."""
    if not accept or not accept.strip():
        return next(iter(offered.values()))
    ranges = _ranges(accept)
    best, best_weight = None, 0.0
    for media, name in offered.items():
        weight = _weight(media, ranges)
        if weight > best_weight:
            best, best_weight = name, weight
    return best


def preferred(accept: str | None, media_types: list[str]) -> str | None:
    """Which of ``media_types`` ``accept`` prefers (the first on a tie; ``None``: none)."""
    return choose(accept, {media: media for media in media_types})
