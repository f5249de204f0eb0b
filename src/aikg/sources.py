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
    #: which occurrence (1-based, in text order) of ``prefix + exact + suffix`` this span is,
    #: when that context recurs (a repeated paragraph); ``None`` when it occurs once
    occurrence: int | None = None


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


def find_span(
    text: str, exact: str, prefix: str = "", suffix: str = "", occurrence: int | None = None
) -> Span:
    """Anchor ``exact`` in ``text``; ``prefix``/``suffix`` disambiguate a quote that recurs.

    Refuses a quote that is absent or that occurs more than once with the given context, unless
    ``occurrence`` says which one (1-based, in text order). That is for a text that repeats
    itself (a page that prints a paragraph twice): there, only a context as long as the
    repetition would tell the occurrences apart, and a prefix of a whole copied sentence is
    what a sheet must not hold. ``occurrence`` is refused where the context already anchors
    the quote once: a number that says nothing would hide a quote that later recurs.

    Example:
        >>> text = "Para. AI firms: 4400. Para. AI firms: 4400."
        >>> find_span(text, "4400", "firms: ", occurrence=2).start
        38
        >>> find_span(text, "4400", "firms: ")
        Traceback (most recent call last):
        ...
        aikg.errors.EvidenceError: quote '4400' (prefix 'firms: ', suffix '') occurs 2 times; ...
        >>> find_span(text, "Para. AI", occurrence=3)
        Traceback (most recent call last):
        ...
        aikg.errors.EvidenceError: quote 'Para. AI' occurs 2 times: there is no occurrence 3
    """
    if not exact:
        raise EvidenceError("empty quote")
    hits = occurrences(text, prefix + exact + suffix)
    context = f" (prefix {prefix!r}, suffix {suffix!r})" if prefix or suffix else ""
    if not hits:
        raise EvidenceError(f"quote {exact!r}{context} does not occur in the source text")
    if occurrence is None:
        if len(hits) > 1:
            raise EvidenceError(
                f"quote {exact!r}{context} occurs {len(hits)} times; add a prefix or suffix, "
                "or the occurrence"
            )
        index = 0
    elif isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
        raise EvidenceError(f"occurrence {occurrence!r} of {exact!r} is not a whole number from 1")
    elif len(hits) == 1:
        raise EvidenceError(
            f"quote {exact!r}{context} occurs once: drop its occurrence {occurrence}"
        )
    elif occurrence > len(hits):
        raise EvidenceError(
            f"quote {exact!r}{context} occurs {len(hits)} times: there is no occurrence "
            f"{occurrence}"
        )
    else:
        index = occurrence - 1
    start = hits[index] + len(prefix)
    return Span(start, start + len(exact), exact, prefix, suffix, occurrence)
