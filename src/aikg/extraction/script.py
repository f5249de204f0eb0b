"""Script and width folding for matching names across simplified, traditional and English text.

:func:`fold` maps a text to a comparable form *of the same length*, so that a match found in the
folded text is a match at the same offsets in the original: traditional characters become
simplified ones (OpenCC's ``tw2sp`` phrase conversion, which also maps Taiwan wording such as
人工智慧 to 人工智能; a phrase whose conversion changes length falls back to character-level
``t2s``), full-width forms become ASCII (NFKC, where one character stays one character), every
kind of quotation mark becomes ``"`` and ASCII letters become lower case.

:func:`name_key` is the form names are compared in: folded, Chinese numerals read as Arabic
(:func:`aikg.numbers.arabic_numerals`: 第五十五次 -> 第55次), brackets, quotes, punctuation and
spaces removed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from aikg.numbers import arabic_numerals

if TYPE_CHECKING:
    import opencc

_QUOTES = str.maketrans(dict.fromkeys("“”„‟「」『』﹁﹂﹃﹄〝〞＂‘’′", '"'))


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    import opencc  # lazy: only extraction needs it

    return opencc.OpenCC(config)


def _width(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


#: Words ``tw2sp`` maps as Taiwan wording though the mainland writes them too, in another sense:
#: 核心 is "core" (人工智能核心产业, the AI core industry) far more often than Taiwan's word
#: for a computer's "kernel" (the mainland's 内核). They are converted character by character.
_SHARED_WORDS = re.compile("核心")


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, the same length as ``text``.

    Example:
        >>> to_simplified("人工智慧核心產業")
        '人工智能核心产业'
    """
    if not text:
        return text
    converted = _phrases(text)
    for word in _SHARED_WORDS.finditer(text):
        start, end = word.span()
        converted = converted[:start] + _converter("t2s").convert(word.group()) + converted[end:]
    return converted


def _phrases(text: str) -> str:
    """``text`` by ``tw2sp`` (by ``t2s`` where a phrase changes length)."""
    converted = _converter("tw2sp").convert(text)
    if len(converted) == len(text):
        return converted
    # Phrase conversion changed the length somewhere: convert run by run, keeping lengths.
    out = []
    for run in re.split(r"(\s+|[，。、；：,.;:!?！？\n])", text):
        piece = _converter("tw2sp").convert(run) if run else run
        if len(piece) != len(run):
            piece = _converter("t2s").convert(run)
        if len(piece) != len(run):
            piece = run
        out.append(piece)
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A comparable form of ``text``, of exactly the same length (offsets carry over).

    Cached: the rules fold the same names and phrases again for every figure of a text, and
    OpenCC's conversion is slow.
    """
    simplified = to_simplified(text)
    folded = "".join(_width(char) for char in simplified).translate(_QUOTES)
    return folded.lower() if len(folded) == len(text) else text.lower()


_NOISE = re.compile(r"[\s\"'《》〈〉()（）\[\]【】〔〕<>·・,，、.。:：;；!！?？/_\-–—]+")


@functools.lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """The form in which two names are compared: folded, Arabic numerals, no punctuation.

    Cached: the same names are compared again for every figure of a text, and folding is slow.
    """
    return _NOISE.sub("", arabic_numerals(fold(text)))


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
