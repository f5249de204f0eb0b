"""aikg: a knowledge graph of AI policy and industry, with provenance down to the text span.

The Python API (:mod:`aikg.api`, docs/api.md) is imported on first use, so that ``import aikg``
(and the ``aikg`` command) stays light:

    >>> import aikg
    >>> aikg.open_graph is aikg.api.open_graph
    True
"""

__version__ = "0.1.0"

# Not typing.TYPE_CHECKING: importing typing is most of what ``import aikg`` would cost. Type
# checkers (mypy, pyright) treat a name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from aikg.api import KnowledgeGraph, MissingPackage, Rows, open_graph

__all__ = ["KnowledgeGraph", "MissingPackage", "Rows", "open_graph"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from aikg import api

        return getattr(api, name)
    raise AttributeError(f"module 'aikg' has no attribute {name!r}")
