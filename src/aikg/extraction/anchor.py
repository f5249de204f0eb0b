"""Quotes that anchor a span of the source text uniquely, as the curation compiler needs them."""

from __future__ import annotations

from aikg.errors import EvidenceError, InputError
from aikg.extraction.layout import Layout
from aikg.sources import occurrences


def anchor(text: str, start: int, end: int, limit: int = 80) -> dict[str, str]:
    """``{quote, prefix?, suffix?}`` that :func:`aikg.sources.find_span` resolves to the span.

    The prefix and then the suffix grow one character at a time until the quote is unique.
    """
    quote = text[start:end]
    if len(occurrences(text, quote)) == 1:
        return {"quote": quote}
    for size in range(1, limit + 1):
        prefix = text[max(0, start - size) : start]
        if len(occurrences(text, prefix + quote)) == 1:
            return {"quote": quote, "prefix": prefix}
        suffix = text[end : end + size]
        if len(occurrences(text, quote + suffix)) == 1:
            return {"quote": quote, "suffix": suffix}
        both_prefix = text[max(0, start - size) : start]
        both_suffix = text[end : end + size]
        if len(occurrences(text, both_prefix + quote + both_suffix)) == 1:
            return {"quote": quote, "prefix": both_prefix, "suffix": both_suffix}
    raise EvidenceError(f"cannot anchor {quote!r} at {start} uniquely")


def document_evidence(layout: Layout, title: str) -> dict[str, str]:
    """The evidence of the document itself: its ``title`` where the text states it, else the
    start of its first line (up to 40 characters)."""
    text = layout.text
    if title:
        start = text.find(title, 0, layout.body_start or None)
        if start == -1:
            start = text.find(title)
        if start != -1:
            return anchor(text, start, start + len(title))
    first = next((line for line in layout.lines if line.text.strip()), None)
    if first is None:
        raise InputError(f"{layout.text[:20]!r}: the document has no text")
    stripped = first.text.strip()
    start = first.start + first.text.index(stripped)
    return anchor(text, start, start + min(len(stripped), 40))
