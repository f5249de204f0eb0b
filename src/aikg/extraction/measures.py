"""The name of a measure, normalised: two names of one measure compare equal.

Issue 12's fifth revision reuses a graph variable only for the same measure by construction:
:func:`measure_key` folds a label's script and drops its place and area words, 的, stock words
and a final measure noun, reads AI as 人工智能 / "artificial intelligence", and keeps the scope
of a share's denominator (:func:`share_scope`). :func:`tokens` and :func:`dice` compare labels
that merely overlap (character bigrams in Chinese, word stems in English), which only name the
close variable passed over. :mod:`aikg.extraction.variables` matches a figure's phrase to the
graph with them.
"""

from __future__ import annotations

import re

from aikg.extraction.gazetteer import CITIES, COUNTRIES, PROVINCES
from aikg.extraction.places import NATIONAL_WORDS
from aikg.extraction.script import fold, has_cjk

_AREA = NATIONAL_WORDS["subject"]

#: English words a label's tokens leave out (articles, verbs of reaching, quantity words).
STOP_WORDS_EN = {
    "a", "an", "the", "and", "while", "with", "which", "that", "had", "has", "have", "was",
    "were", "is", "are", "of", "to", "at", "reached", "reaching", "reach", "stood", "stands",
    "stand", "climbing", "climbed", "rising", "rose", "grew", "growing", "totaled", "totalled",
    "amounted", "been", "be", "by", "more", "than", "over", "nearly", "about", "around",
    "exceed", "exceeded", "exceeds", "exceeding", "surpass", "surpassed", "surpasses", "some",
    "achieved", "striking", "total", "number", "expected", "its", "their", "in", "for", "on",
    "as", "from", "up", "so", "far", "also", "both", "new", "record", "already", "there",
}  # fmt: skip

_SPLIT_EN = re.compile(r"[a-z0-9][a-z0-9\-]*")


#: Words that say a count is a stock (累计建成…数, …总数): the same series with or without them.
_STOCK_WORDS = re.compile(r"累计|已建成|建成|总(?=数|量|规模)")


#: English words for a population that the graph labels otherwise (netizens: internet users).
_SYNONYM_EN = {"netizen": "internet user", "netizens": "internet users",
               "webusers": "internet users", "onlinepopulation": "internet users",
               "internetpopulation": "internet users"}  # fmt: skip
_SYNONYMS_EN = re.compile(r"\b(?:netizens?|web users|online population|internet population)\b")


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ies", "s"):
        if word.endswith(suffix) and len(word) > 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def tokens(label: str) -> frozenset[str]:
    """Comparable tokens of a label: character bigrams in Chinese, word stems in English."""
    folded = fold(label)
    if has_cjk(folded):
        chars = "".join(ch for ch in folded if "\u4e00" <= ch <= "\u9fff" or ch.isalnum())
        chars = _STOCK_WORDS.sub("", chars.replace("的", ""))
        return frozenset(chars[i : i + 2] for i in range(len(chars) - 1)) or frozenset([chars])
    folded = _SYNONYMS_EN.sub(lambda m: _SYNONYM_EN[m.group().replace(" ", "")], folded)
    words = [
        _stem(part)
        for w in _SPLIT_EN.findall(folded)
        for part in w.split("-")
        if part and w not in STOP_WORDS_EN and part not in STOP_WORDS_EN
    ]
    return frozenset(words)


def subject_tokens(label: str) -> frozenset[str]:
    """The tokens of a Chinese ``label`` without its area words, as a subject is read."""
    if not has_cjk(fold(label)):
        return tokens(label)
    return tokens(_AREA.sub("", label)) or tokens(label)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


#: The scope of a share's denominator (issue 12's fifth revision): a share of the province
#: (占全省…的比重, "of the province's total") is not a share of the nation or of the world,
#: whatever else its label shares with a variable's.
_SHARE_SCOPES = (
    ("province", re.compile(r"[占佔](?:全省|本省|我省)|\bof (?:the )?(?:province|provincial)")),
    ("city", re.compile(r"[占佔](?:全市|本市|我市)|\bof (?:the )?(?:city|municipal)")),
    (
        "nation",
        re.compile(
            r"[占佔](?:全国|全國|我国|我國|中国|中國|国内(?!生产总值))"
            r"|\bof (?:the )?(?:national|china)"
        ),
    ),
    ("world", re.compile(r"[占佔](?:全球|世界|全世界)|\bof (?:the )?(?:world|global)")),
)
#: Place names of the dictionary in a Chinese label (杭州市, 浙江省) or an English one
#: ("Hangzhou's", "in Shenzhen"): the area is a figure's dimension, checked on its own.
_PLACE_CN = re.compile(
    "(?:" + "|".join(sorted((*PROVINCES, *CITIES, *COUNTRIES), key=len, reverse=True)) + ")"
    r"(?:省|市|自治区|特别行政区|特区)?"
)
_PLACE_EN = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(n.lower())
        for n in sorted(
            (*PROVINCES.values(), *CITIES.values(), *(c[0] for c in COUNTRIES.values())),
            key=len,
            reverse=True,
        )
    )
    + r")(?:'s)?\b"
)
#: Local words (全省, 全市, provincial) that only say where, as area words do.
_LOCAL_WORDS = re.compile(
    r"全省|我省|本省|全市|我市|本市|全区|本区|province-wide|citywide|\bthe city's\b"
)
#: A measure noun at the end of a Chinese label (网民规模, 企业数量, 出货量): the same count.
_MEASURE_NOUN_CN = re.compile(r"(?:总规模|规模|数量|总数|个数|总量|数|量)$")
#: English words that only name the measure of a count or a size ("number of", "size of").
_MEASURE_NOUN_EN = re.compile(r"\b(?:size|count|scale|amount)\s+of\b|(?<=\w)\s+population\s*$")
_AI_CN = re.compile(r"(?<![a-z])ai(?![a-z])")
_AI_EN = re.compile(r"\bai\b")


#: A Chinese share named with its whole: X占Y的比例 (比重, 份额).
_SHARE_OF_CN = re.compile(r"(?P<x>[^占佔]+?)[占佔](?P<y>[^占佔]+?)的?(?:比例|比重|份额|份額)")


#: English words of a share: only a share's "of the province" names its whole.
_SHARE_EN = re.compile(r"\b(?:share|percent|per cent|proportion|portion)\b|%")
#: English stock words and verbs of building up (cumulative, built): the same series, as
#: 累计 and 建成 are in Chinese.
_STOCK_EN = re.compile(
    r"\b(?:cumulative|cumulatively|built|in total|to date)\b"
    r"|\b(?:and the like|and so on|etc)\b\.?"  # a list left open is the same list
)


#: GDP in a Chinese label is 国内生产总值 (占GDP比重 = 占国内生产总值的比例); in English,
#: "gross domestic product" is GDP.
_GDP = re.compile(r"(?<![a-zA-Z])GDP(?![a-zA-Z])", re.IGNORECASE)
_GDP_EN = re.compile(r"\bgross domestic product\b", re.IGNORECASE)


def share_scope(text: str) -> str | None:
    """The scope of the denominator a share's ``text`` names, if any.

    >>> share_scope("占全省人工智能核心产业的比重"), share_scope("占全国AI产业总规模的比例")
    ('province', 'nation')
    >>> share_scope("share of the world's installations"), share_scope("互联网普及率")
    ('world', None)
    """
    folded = fold(text).lower()
    if not has_cjk(folded) and not _SHARE_EN.search(folded):
        return None  # "size of China's core AI industry" names no share
    return next((name for name, words in _SHARE_SCOPES if words.search(folded)), None)


def measure_key(label: str) -> frozenset[str]:
    """The tokens of ``label`` as the name of a measure (issue 12's fifth revision): script
    folded; place and area words dropped (the area is a dimension, checked on its own); 的, a
    stock word and a final measure noun dropped (网民规模 = 网民数量 = 网民); AI read as
    人工智能 / "artificial intelligence"; and, for a share, the scope of its denominator kept.
    A figure reuses a graph variable only when its key equals one of the variable's.

    >>> measure_key("杭州市人工智能核心产业规模") == measure_key("杭州人工智能核心产业规模")
    True
    >>> measure_key("number of AI enterprises in Shenzhen") == measure_key(
    ...     "artificial intelligence enterprises")
    True
    >>> measure_key("杭州人工智能核心产业规模占全省人工智能核心产业的比例") == measure_key(
    ...     "杭州人工智能核心产业规模占全国人工智能核心产业的比例")
    False
    >>> measure_key("人工智能核心产业规模") == measure_key("人工智能产业规模")
    False
    """
    label = _GDP.sub("国内生产总值", label) if has_cjk(label) else _GDP_EN.sub("gdp", label)
    scope = share_scope(label)
    # the scope a label states (（工业和信息化部口径）) is checked on its own (VariableIndex)
    label = STATED_SCOPE_ZH.sub("", STATED_SCOPE_EN.sub("", label))
    text = fold(label).lower()
    share = _SHARE_OF_CN.fullmatch(text.strip())
    if share:
        # X占Y的比例 = X占Y比重: the numerator's and the denominator's names, each normalised
        key = frozenset(
            f"{side}:{token}" for side in ("x", "y") for token in measure_key(share.group(side))
        )
        return key | {f"<share of the {scope}>"} if key and scope else key
    if has_cjk(text):
        text = _AI_CN.sub("人工智能", text)
        text = _PLACE_CN.sub("", text)
        text = _LOCAL_WORDS.sub("", _AREA.sub("", text)).replace("的", "")
        text = _MEASURE_NOUN_CN.sub("", text.strip())
    else:
        text = _AI_EN.sub("artificial intelligence", text)
        text = _PLACE_EN.sub(" ", text)
        text = _MEASURE_NOUN_EN.sub(" ", _LOCAL_WORDS.sub(" ", _AREA.sub(" ", text)))
        text = _STOCK_EN.sub(" ", text)
    key = tokens(text) if text.strip() else frozenset()
    return key | {f"<share of the {scope}>"} if key and scope else key


_LOCAL_PLACE = re.compile(
    "|".join(sorted((*PROVINCES, *CITIES), key=len, reverse=True))
    + "|"
    + "|".join(re.escape(n) for n in (*PROVINCES.values(), *CITIES.values()))
)


def names_a_place(label: str) -> bool:
    """Whether ``label`` names a province or a city of the dictionary (a local measure).

    >>> names_a_place("杭州市人工智能核心产业规模"), names_a_place("网民规模")
    (True, False)
    """
    return bool(_LOCAL_PLACE.search(fold(label)))


#: A scope a variable's label states: （工业和信息化部口径）, "(as stated by MIIT)", "(as in the
#: 56th CNNIC report)", "(as targeted by the 2017 … Plan)".
STATED_SCOPE_ZH = re.compile(r"[（(]([^（）()]+?)口径[)）]\s*$")
STATED_SCOPE_EN = re.compile(
    r"\(as (?:stated|measured|reported|estimated|targeted|counted) by (?:the )?([^()]+)\)\s*$"
    r"|\(as in (?:the )?([^()]+)\)\s*$"
)
