"""The manifest of a persistent store (``oxigraph:DIR``): what it was loaded from, and when.

``DIR/aikg-store.json`` records the input files (path, size, modification time, SHA-256), the
pyoxigraph version and the number of triples. A store is reused while the inputs' paths, sizes
and SHA-256 are unchanged. Every input is hashed on every open: a file edited to the same size
with its modification time put back (``touch -d``, a copy keeping times, a coarse clock) is
still seen to differ. A file whose time changed but whose content did not is recorded again,
not reloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aikg.errors import InputError

#: The manifest file and the database folder inside ``oxigraph:DIR``.
MANIFEST = "aikg-store.json"
DATABASE = "oxigraph"
MANIFEST_FORMAT = 1


@dataclass
class Input:
    """One input file as the manifest records it."""

    path: str
    size: int
    mtime_ns: int
    sha256: str = ""

    @classmethod
    def of(cls, path: Path) -> Input:
        """``path`` as it is now: its size and time, and the SHA-256 of what it holds."""
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as handle:
                status = os.fstat(handle.fileno())
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        return cls(str(path.resolve()), status.st_size, status.st_mtime_ns, digest.hexdigest())


def _pyoxigraph_version() -> str:
    import pyoxigraph

    return str(pyoxigraph.__version__)


def read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def difference(manifest: dict[str, Any], inputs: list[Input]) -> str | None:
    """Why the store in a folder does not hold ``inputs`` (``None`` when it does)."""
    if manifest.get("format") != MANIFEST_FORMAT:
        return "its manifest is from another aikg version"
    if manifest.get("pyoxigraph") != _pyoxigraph_version():
        return f"it was written by pyoxigraph {manifest.get('pyoxigraph')}"
    recorded = manifest.get("inputs") or []
    paths = [item.get("path") for item in recorded if isinstance(item, dict)]
    if paths != [i.path for i in inputs]:
        return "the input files differ"
    for old, new in zip(recorded, inputs, strict=True):
        if old.get("size") != new.size or old.get("sha256") != new.sha256:
            return f"{new.path} changed"
    return None


def refresh(manifest: dict[str, Any], inputs: list[Input]) -> list[Input] | None:
    """The inputs to record again when only modification times changed (else ``None``)."""
    recorded = manifest["inputs"]
    if all(old.get("mtime_ns") == new.mtime_ns for old, new in zip(recorded, inputs, strict=True)):
        return None
    return inputs


def write_manifest(folder: Path, inputs: list[Input], triples: int) -> None:
    from aikg import __version__
    from aikg.store.export import write_atomic

    manifest = {
        "format": MANIFEST_FORMAT,
        "aikg": __version__,
        "pyoxigraph": _pyoxigraph_version(),
        "triples": triples,
        "inputs": [vars(i) for i in inputs],
    }
    with contextlib.suppress(OSError):  # a read-only folder keeps its older manifest
        write_atomic(folder / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode())
