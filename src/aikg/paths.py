"""Where the bundled ontology, graph and saved queries are, installed or in a checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # src/aikg -> repository root (editable install, checkout)


def _data_dir(name: str) -> Path:
    """The folder ``name`` packaged in the wheel (``aikg/_data/name``) or at the checkout root."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / name


def ontology_dir() -> Path:
    return _data_dir("ontology")


def graph_dir() -> Path:
    return _data_dir("graph")


def queries_dir() -> Path:
    return _data_dir("queries")


def ontology_files() -> list[Path]:
    """The ontology's Turtle files (vocabulary and schemes), without the SHACL shapes."""
    return sorted(p for p in ontology_dir().glob("*.ttl") if p.name != "shapes.ttl")


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def shared_dir() -> Path | None:
    """The shared corpus folder (``../shared`` beside the checkout, or ``$AIKG_SHARED``)."""
    env = os.environ.get("AIKG_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [_CHECKOUT.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for candidate in candidates:
        if (candidate / "seeds").is_dir() or (candidate / "sources").is_dir():
            return candidate.resolve()
    return None
