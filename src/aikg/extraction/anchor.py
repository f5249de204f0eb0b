"""Quotes that anchor a span of the source text uniquely, as the curation compiler needs them."""

from __future__ import annotations

from aikg.errors import EvidenceError
from aikg.sources import find_span, occurrences


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


def check_anchor(text: str, spec: dict[str, str], start: int, end: int) -> bool:
    span = find_span(text, spec["quote"], spec.get("prefix", ""), spec.get("suffix", ""))
    return (span.start, span.end) == (start, end)
