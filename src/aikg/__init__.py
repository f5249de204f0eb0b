"""aikg: a knowledge graph of AI policy and industry, with provenance down to the text span.

The Python API (:mod:`aikg.api`) is imported on first use, so that ``import aikg`` (and the
``aikg`` command) stays light:

    >>> import aikg
    >>> aikg.open_graph is aikg.api.open_graph
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from aikg.api import KnowledgeGraph, MissingPackage, Rows, open_graph

__all__ = ["KnowledgeGraph", "MissingPackage", "Rows", "open_graph"]

_API = frozenset(__all__)


def __getattr__(name: str) -> Any:
    if name in _API:
        from aikg import api

        return getattr(api, name)
    raise AttributeError(f"module 'aikg' has no attribute {name!r}")
