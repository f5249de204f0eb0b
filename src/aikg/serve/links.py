"""Where the server answers an IRI: every ``https://w3id.org/aikg/id/X/Y`` at ``/id/X/Y``.

Example:
    >>> path_of("https://w3id.org/aikg/id/organization/cnnic")
    '/id/organization/cnnic'
    >>> path_of("https://schema.org/Organization") is None
    True
    >>> iri_of("organization/cnnic")
    'https://w3id.org/aikg/id/organization/cnnic'
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from aikg.namespaces import BASE

#: The namespace of the graph's entities; the server answers it under ``/id/``.
ENTITY_BASE = BASE + "id/"


def path_of(iri: str) -> str | None:
    """The server path of an entity IRI (``None`` for any other IRI)."""
    if not iri.startswith(ENTITY_BASE) or len(iri) == len(ENTITY_BASE):
        return None
    return "/id/" + quote(iri[len(ENTITY_BASE) :], safe="/:@!$&'()*+,;=-._~")


def iri_of(path: str) -> str:
    """The entity IRI a path under ``/id/`` stands for (``path`` without ``/id/``)."""
    return ENTITY_BASE + unquote(path)


def link(iri: str, names: dict[str, str] | None = None) -> dict[str, Any]:
    """A node as a page shows it: its prefixed name, labels and server path (if any)."""
    from aikg.namespaces import shorten

    curie = shorten(iri)
    names = names or {"zh": curie, "en": curie}
    return {"iri": iri, "curie": curie, "href": path_of(iri), "zh": names["zh"], "en": names["en"]}
