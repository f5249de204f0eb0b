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
    return _distinct_context(text, start, end)


def _common_before(text: str, a: int, b: int) -> int:
    """How many characters before ``a`` equal those before ``b``."""
    n = 0
    while n < min(a, b) and text[a - n - 1] == text[b - n - 1]:
        n += 1
    return n


def _common_after(text: str, a: int, b: int) -> int:
    """How many characters from ``a`` equal those from ``b``."""
    n, size = 0, len(text)
    while max(a, b) + n < size and text[a + n] == text[b + n]:
        n += 1
    return n


def _distinct_context(text: str, start: int, end: int) -> dict[str, str]:
    """The shortest prefix, else suffix, else both, that sets this occurrence of the quote apart
    from its other occurrences however far the repetition goes (a repeated paragraph: each
    occurrence is anchored by what surrounds it)."""
    quote, length = text[start:end], end - start
    others = [q for q in occurrences(text, quote) if q != start]
    before = 1 + max(_common_before(text, start, q) for q in others)
    if before <= start:
        return {"quote": quote, "prefix": text[start - before : start]}
    after = 1 + max(_common_after(text, end, q + length) for q in others)
    if end + after <= len(text):
        return {"quote": quote, "suffix": text[end : end + after]}
    # the text repeats itself up to both ends (it is periodic): its ends tell them apart
    prefix, suffix = text[:start], text[end:]
    if len(occurrences(text, prefix + quote + suffix)) == 1:
        return {"quote": quote, "prefix": prefix, "suffix": suffix}
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
