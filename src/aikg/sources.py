"""Source documents: their stored text, front matter, SHA-256, and evidence spans in them.

Offsets are Unicode code points into the file's whole text (front matter included), read as
UTF-8 without newline translation, as the W3C Web Annotation TextPositionSelector defines them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from aikg.errors import EvidenceError, InputError


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str
    sha256: str
    front_matter: dict[str, str]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


def read_source(path: Path) -> SourceText:
    """Read a source file exactly as stored: UTF-8, no newline translation."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read source text ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return SourceText(path, text, hashlib.sha256(raw).hexdigest(), parse_front_matter(text))


def parse_front_matter(text: str) -> dict[str, str]:
    """The ``key: value`` lines between the leading ``---`` fences, or ``{}`` when none."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}
    fields: dict[str, str] = {}
    for line in lines[1:]:
        if line.strip() == "---":
            return fields
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip()] = value.strip()
    return {}


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``needle`` in ``text``."""
    found, start = [], text.find(needle)
    while start != -1 and needle:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def find_span(text: str, exact: str, prefix: str = "", suffix: str = "") -> Span:
    """Anchor ``exact`` in ``text``; ``prefix``/``suffix`` disambiguate a quote that recurs.

    Refuses a quote that is absent or that occurs more than once with the given context.
    """
    if not exact:
        raise EvidenceError("empty quote")
    hits = occurrences(text, prefix + exact + suffix)
    context = f" (prefix {prefix!r}, suffix {suffix!r})" if prefix or suffix else ""
    if not hits:
        raise EvidenceError(f"quote {exact!r}{context} does not occur in the source text")
    if len(hits) > 1:
        raise EvidenceError(
            f"quote {exact!r}{context} occurs {len(hits)} times; add a prefix or suffix"
        )
    start = hits[0] + len(prefix)
    return Span(start, start + len(exact), exact, prefix, suffix)
