"""Spans of a text taken so far (names, time expressions, numbers), and which of them a new
span overlaps.

The rules take a span only where it overlaps none, or none of a kind, already taken. The spans
are kept in the order of their starts, so that a question looks only at those that start
within the longest span's length before it: asking every span taken made a long text quadratic
in its mentions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Spans(Generic[T]):
    """``(start, end, tag)`` spans, half-open; ``tag`` is what the caller keeps with each.

    Example:
        >>> taken = Spans([(10, 14, "org")])
        >>> taken.overlaps(12, 20), taken.overlaps(14, 20)
        (True, False)
        >>> taken.add(3, 5, "date")
        >>> list(taken.overlapping(0, 11))
        [(3, 5, 'date'), (10, 14, 'org')]
    """

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        self._spans: list[tuple[int, int, T]] = []
        self._starts: list[int] = []
        self._longest = 0
        for start, end, tag in spans:
            self.add(start, end, tag)

    def add(self, start: int, end: int, tag: T) -> None:
        index = bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._spans.insert(index, (start, end, tag))
        self._longest = max(self._longest, end - start)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """The spans ``(a, b, tag)`` with ``a < end and start < b``, in the order of ``a``."""
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        for span in self._spans[lo:hi]:
            if start < span[1]:
                yield span

    def overlaps(self, start: int, end: int) -> bool:
        return next(self.overlapping(start, end), None) is not None


__all__ = ["Spans"]
