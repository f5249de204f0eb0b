"""Quotes that anchor a span of the source text uniquely, as the curation compiler needs them."""

from __future__ import annotations

from collections.abc import Callable

from aikg.errors import EvidenceError, InputError
from aikg.extraction.layout import Layout
from aikg.sources import occurrences


def anchor(text: str, start: int, end: int, limit: int = 80) -> dict[str, str | int]:
    """``{quote, prefix?, suffix?}`` that :func:`aikg.sources.find_span` resolves to the span,
    or ``{quote, occurrence}``.

    The shortest context that makes the quote unique, trying at each size (1 to ``limit``
    characters) a prefix, then a suffix, then both. Beyond ``limit`` (a text that repeats a
    paragraph), which occurrence of the quote it is: a context as long as the repetition would
    copy the text's sentences into the sheet.

    The text is searched once, for the quote's occurrences: the size at which each other
    occurrence stops matching a prefix or a suffix is read by comparing the text around it with
    the text around this one (searching the whole text for each candidate context made a long
    text quadratic in its figures).

    Example:
        >>> anchor("a 5% rise, b 5% fall", 2, 4)
        {'quote': '5%', 'prefix': 'a '}
        >>> anchor("Up 5%. Up 5%.", 10, 12, limit=3)
        {'quote': '5%', 'occurrence': 2}
    """
    quote = text[start:end]
    if not quote:
        raise EvidenceError(f"cannot anchor an empty quote at {start}")
    others = [q for q in occurrences(text, quote) if q != start]
    if not others:
        return {"quote": quote}
    room_before, room_after = start, len(text) - end
    never = limit + 1
    # per other occurrence: the smallest prefix and suffix sizes that it does not match
    sizes = []
    for q in others:
        before = _common_before(text, start, q, limit)
        after = _common_after(text, end, q + len(quote), limit)
        sizes.append(
            (
                before + 1 if before < room_before else never,
                after + 1 if after < room_after else never,
            )
        )
    by_prefix = max(p for p, _ in sizes)
    by_suffix = max(s for _, s in sizes)
    by_both = max(min(p, s) for p, s in sizes)
    size = min(by_prefix, by_suffix, by_both)
    if size > limit:
        return {"quote": quote, "occurrence": 1 + sum(q < start for q in others)}
    prefix, suffix = text[max(0, start - size) : start], text[end : end + size]
    if by_prefix == size:
        return {"quote": quote, "prefix": prefix}
    if by_suffix == size:
        return {"quote": quote, "suffix": suffix}
    return {"quote": quote, "prefix": prefix, "suffix": suffix}


def _common_before(text: str, a: int, b: int, most: int | None = None) -> int:
    """How many characters before ``a`` equal those before ``b`` (up to ``most``)."""
    bound = min(a, b) if most is None else min(a, b, most)
    return _common(lambda n, m: text[a - m : a - n] == text[b - m : b - n], bound)


def _common_after(text: str, a: int, b: int, most: int | None = None) -> int:
    """How many characters from ``a`` equal those from ``b`` (up to ``most``)."""
    bound = len(text) - max(a, b) if most is None else min(len(text) - max(a, b), most)
    return _common(lambda n, m: text[a + n : a + m] == text[b + n : b + m], bound)


def _common(same: Callable[[int, int], bool], bound: int) -> int:
    """The longest run up to ``bound`` for which ``same(n, m)`` (the characters from ``n`` to
    ``m`` agree) holds: galloping, so that a long repetition costs a few slice comparisons
    rather than a loop over its characters."""
    n, step = 0, 1
    while n < bound:
        m = min(n + step, bound)
        if same(n, m):
            n, step = m, step * 2
        elif step == 1:
            break
        else:
            step //= 2
    return n


def document_evidence(layout: Layout, title: str) -> dict[str, str | int]:
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
