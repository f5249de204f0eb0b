"""The labels of a text's English figures, found by their words (the subjects rule family
reads them to resolve an elliptical label such as "rural" to the figure it refers back to).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator


class EnglishLabels:
    """The labels of the English figures so far, in text order, found by their words: an
    elliptical label looks only at the longer labels that hold its words (a scan of every label
    before it made a long text quadratic in its figures)."""

    def __init__(self) -> None:
        self.labels: list[str] = []
        #: (word, fewest words a label must have) -> indexes of the labels holding the word
        self._holding: dict[tuple[str, int], list[int]] = defaultdict(list)

    def append(self, label: str) -> None:
        index, words = len(self.labels), label.split()
        self.labels.append(label)
        for word in set(words):
            for fewest in (2, 3):
                if len(words) >= fewest:
                    self._holding[(word, fewest)].append(index)

    def holding(self, words: list[str]) -> Iterator[str]:
        """The labels with more words than ``words`` (one or two) that hold them all, last
        first."""
        lists = [self._holding.get((w, len(words) + 1), []) for w in words]
        for index in reversed(min(lists, key=len)):
            label = self.labels[index]
            if all(w in label.split() for w in words):
                yield label
