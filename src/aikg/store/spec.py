"""What ``--store`` names: ``memory``, ``oxigraph`` or ``oxigraph:DIR`` (see :mod:`aikg.store`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aikg.errors import SettingError

#: The store a command uses when none is named: the fastest for the bundled graph.
DEFAULT_STORE = "oxigraph"
STORE_ENV = "AIKG_STORE"


@dataclass(frozen=True)
class StoreSpec:
    """A store named by its kind and, for a persistent one, its folder."""

    kind: str
    path: Path | None = None

    def __str__(self) -> str:
        return self.kind if self.path is None else f"{self.kind}:{self.path}"


def parse_store(text: str | None) -> StoreSpec:
    """The store named by ``text`` (``None`` or empty: the default); anything else is an error.

    Example:
        >>> parse_store("oxigraph:/tmp/graph")
        StoreSpec(kind='oxigraph', path=PosixPath('/tmp/graph'))
        >>> str(parse_store(None)), str(parse_store("memory"))
        ('oxigraph', 'memory')
        >>> parse_store("rdflib")
        Traceback (most recent call last):
        ...
        aikg.errors.SettingError: store 'rdflib': use memory, oxigraph or oxigraph:DIR
    """
    if not text:
        return StoreSpec(DEFAULT_STORE)
    kind, colon, folder = text.partition(":")
    if kind == "memory" and not colon:
        return StoreSpec("memory")
    if kind == "oxigraph":
        if not colon:
            return StoreSpec("oxigraph")
        if folder.strip():
            return StoreSpec("oxigraph", Path(folder).expanduser())
        raise SettingError("store", f"{text!r}: give a folder after the colon (oxigraph:DIR)")
    raise SettingError("store", f"{text!r}: use memory, oxigraph or oxigraph:DIR")
