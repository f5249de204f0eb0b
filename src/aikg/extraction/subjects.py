"""Subjects: what a figure is of, as the phrase that labels its variable.

Reads the layout, the time expressions and a figure's :class:`Mention`; returns the subject
phrase of the clause before the number (or, in English, the noun phrase after it), the item of
"A、B分别增长x%、y%" a number belongs to, the label of a change of the figure before it, whether
the figure is an earlier level of the one before it ("up from 249 million a year earlier"), and
the fuller English label an elliptical one ("the rate") stands for.
"""

from __future__ import annotations

import re

from aikg.extraction.layout import LIST_ITEM, Layout
from aikg.extraction.periods import TimeExpr
from aikg.extraction.quantities import Mention
from aikg.extraction.script import has_cjk
from aikg.extraction.sheet import SheetBuilder
from aikg.extraction.variables import clean_subject

_PLAIN_UNITS = {
    "yuan", "percent", "%", "dollars", "u.s. dollars", "us dollars", "days", "years", "months",
    "times", "fold", "percentage points", "rmb", "cny", "usd", "", "units", "items", "pieces",
    "sets",
}  # fmt: skip
_AFTER_STOP = re.compile(r"[，,；;。.!?]|\s(?:in|by|as|last|this|from|to|on|at|with|while|and)\s")
_EN_BREAKDOWN = re.compile(r"\b(?:rural|urban|male|female|elderly|aged|older|minors?)\b")
#: The label of a change of a Chinese variable, by unit kind (else 增加量).
_CHANGE_WORDS = {"percent": "增长率", "percentage_point": "变化（百分点）"}
#: An earlier level of the figure before it (English): "up from 249 million a year earlier",
#: "compared with 22.5 percent at the end of 2024".
_EARLIER_LEVEL = re.compile(
    r"\b(?:(?:up|down|rising|falling|rose|fell|climbing|increased|decreased|grew|dropped)\s+)?"
    r"from\s+$|\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+$"
)


#: What a counted population does, after its noun ("netizens watch online videos", "users who
#: shop online"): the figure counts the users of that application, not the population.
_USERS_WHO = re.compile(
    r"\s+(?:who\s+|that\s+)?((?:use|used|watch|watched|shop|shopped|play|played|access|accessed"
    r"|stream|streamed|read|listen|listened|order|ordered|book|booked|pay|paid|buy|bought"
    r"|make|made|engage|engaged|take|took|chat|browse|browsed|search|searched)\b[^,;.()]{0,60})"
)


def change_label(base: str, kind: str) -> str:
    """The label of a change of the variable labelled ``base`` (a change in unit ``kind``)."""
    if has_cjk(base):
        return base + _CHANGE_WORDS.get(kind, "增加量")
    return f"{'growth' if kind == 'percent' else 'change'} of {base}"


def change_suffix(kind: str) -> str:
    """What a Chinese item label of 分别 takes when its numbers are changes."""
    return _CHANGE_WORDS.get(kind, "增加量")


def is_earlier_level(layout: Layout, mention: Mention, sentence_start: int) -> bool:
    """Whether the English figure at ``mention`` is an earlier level of the figure before it
    ("up from 249 million a year earlier"): the same variable at an earlier date, not a change."""
    text = layout.text
    return bool(
        _EARLIER_LEVEL.search(text[max(sentence_start, mention.start - 40) : mention.start])
    ) and not re.match(
        r"\s*(?:percent|per\s+cent|%)?\s*(?:increase|rise|growth|decline)",
        text[mention.end : mention.end + 20],
    )


def english_label(builder: SheetBuilder, label: str) -> str:
    """An English subject that only names a head (the rate, a rate) is the earlier one."""
    words = [w for w in label.lower().split() if w not in ("the", "a", "an", "this", "that")]
    if not words or len(words) > 2:
        return label
    for earlier in builder.english_labels.holding(words):
        if _EN_BREAKDOWN.search(earlier.lower()) and not _EN_BREAKDOWN.search(label.lower()):
            continue  # "netizens" after "rural netizens": the whole, not the breakdown
        return earlier
    return label


#: A rounded figure and the bracket that opens on the precise one (接近11亿人（).
#: An age group's word with its particle (老年人的, 老年网民中 keeps 网民): read as the band.
_GROUP_WORD = re.compile(
    r"(?:老年人|老年|老人|未成年人|未成年|青少年)(?:的|中)?|\b(?:the\s+)?elderly\b|\bseniors\b"
    r"|\bolder (?:people|adults)\b",
    re.IGNORECASE,
)
_ROUNDED_BEFORE = re.compile(
    r"(?:接近|近|约|約|超过|超過|超)?\s*\d+(?:\.\d+)?\s*[万亿萬億]*\s*[人个個家户戶]?\s*[（(]\s*$"
)


def subject_of(layout: Layout, mention: Mention, times: list[TimeExpr]) -> tuple[str, str]:
    """(subject phrase, raw text of the clause before the number)."""
    text = layout.text
    lo, hi = layout.clause_bounds(mention.start)
    clause_lo = lo
    first_time = None
    for t in times:
        if lo <= t.start and t.end <= mention.start:
            lo = max(lo, t.end)
            first_time = t.start if first_time is None else first_time
    item = LIST_ITEM.match(text, lo)
    if item and item.end() <= mention.start:
        lo = item.end()  # a list marker is not part of the subject
    raw = text[lo : mention.start]
    # 网民规模接近11亿人（10.9967亿人）: the bracketed figure's subject is the rounding's
    raw = _ROUNDED_BEFORE.sub("", raw)
    if mention.age:
        raw = raw.replace(text[mention.age.start : mention.age.end], " ")
        # the group's word beside its band (60岁及以上老年人的互联网普及率) is the band, not the
        # measure: the figure is the total's measure with the age dimension
        raw = _GROUP_WORD.sub(" ", raw)
    unit_text = mention.quantity.unit_text
    english = not has_cjk(raw + unit_text)
    if english and len(unit_text.split()) >= 1 and unit_text.lower() not in _PLAIN_UNITS:
        # "700 generative AI services had completed filing with X": the verb phrase says which
        done = re.match(
            r"\s+(?:had|have|has)\s+(?:been\s+)?([a-z]+ed\b[^,;.()]{0,60})", text[mention.end : hi]
        )
        # "975 million netizens watch online videos": the users of an application, a subgroup
        done = done or _USERS_WHO.match(text[mention.end : hi])
        phrase = unit_text + (" " + done.group(1) if done else "")
        action = _ACTION_BEFORE.search(raw)
        if action and not done:
            # "installed 296,000 industrial robots": the installations of industrial robots
            words = unit_text.split()
            words[-1] = re.sub(r"(?<=[a-z])s$", "", words[-1])
            phrase = " ".join(words) + " " + _ACTIONS[action.group(1).lower()]
        return clean_subject(phrase), raw
    following = re.match(
        r"\s+((?:[A-Za-z-]+\s+){0,2}?(?:growth|increase|rate|share|decline))\b",
        text[mention.end : hi],
        re.IGNORECASE,
    )
    if english and following:
        return following.group(1).lower(), raw
    if english and _EN_COUNTING_VERB.search(raw):
        # "MIIT also reported 4.62 million 5G base stations": the noun phrase after the number
        subject = ""
    elif english:
        subject = clean_subject(_english_subject(raw))
        subject = " ".join(subject.split()[-10:])
    else:
        subject = clean_subject(raw)
        if not subject.strip("的") and first_time is not None:
            # 网民规模从1997年的62万人: the subject is before the date, not after it
            subject = clean_subject(text[clause_lo:first_time])
    if not re.search(r"[\w\u4e00-\u9fff]", subject):
        subject = ""
    if not subject:
        tail = text[mention.end : hi]
        stop = _AFTER_STOP.search(tail)
        tail = tail[: stop.start()] if stop else tail
        tail = re.sub(r"^\s*(?:表示|自己|的)+", "", tail)
        subject = clean_subject(re.sub(r"^(?:表示自己|表示)", "", tail))
    if not subject and mention.quantity.unit_text:
        subject = mention.quantity.unit_text
    return subject[: 100 if english else 40], raw


#: Verbs of an action whose count names the measure ("installed 296,000 robots": robot
#: installations), and the measure's noun.
_ACTIONS = {"installed": "installations", "shipped": "shipments", "sold": "sales",
            "exported": "exports", "imported": "imports", "deployed": "deployments"}  # fmt: skip
_ACTION_BEFORE = re.compile(
    rf"\b({'|'.join(_ACTIONS)})\s+(?:a\s+total\s+of\s+|some\s+|about\s+|nearly\s+"
    r"|more\s+than\s+|over\s+|around\s+)?$",
    re.IGNORECASE,
)
#: A share of the world's total named after the number ("54 percent of all installations
#: worldwide", "of the world's robots"): the thing totalled.
WORLD_SHARE_OF = re.compile(
    r"\s+of\s+(?:(?:the\s+world's|global)\s+(?P<x>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)"
    r"|all\s+(?P<y>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)\s+(?:worldwide|globally|in\s+the\s+world))"
    r"(?=\s*[,.;)]|\s+(?:in|last|this|according)\b|\s*$)",
    re.IGNORECASE,
)


#: A verb that reports or counts what the noun phrase after the number names.
_EN_COUNTING_VERB = re.compile(
    r"\b(?:reported|reports|recorded|records|counted|counts|registered|logged|listed|tallied"
    r"|identified|approved|licensed)\s+(?:a\s+total\s+of\s+|some\s+|about\s+|nearly\s+"
    r"|more\s+than\s+|over\s+|around\s+)?$",
    re.IGNORECASE,
)
#: Where an English subject starts: after a reporting verb, "with", "which", "while" …
_EN_CUT = re.compile(
    r".*\b(?:said|says|say|told|noted|added|stated|announced|showed|shows|show|with|which|while"
    r"|whereas|that|where)\s+",
    re.IGNORECASE,
)
#: The verb phrase before an English number ("had reached", "is set to top", "rose to").
_EN_VERB_TAIL = re.compile(
    r"(?:\s+(?:is|are|was|were|has|have|had|will|would|could|should|also|been|be|now|already))*"
    r"(?:\s+(?:set|expected|projected|poised|likely|forecast|estimated|due|going|aim|aims|aimed"
    r"|seek|seeks)\s+(?:to|for|at))?"
    r"(?:\s+(?:top|reach|reached|reaching|exceed|exceeded|hit|surpass|surpassed|rise|rose|grow"
    r"|grew|climb|climbed|stand|stood|total|totaled|totalled|number|numbered|amount|amounted"
    r"|increase|increased|jump|jumped|be))?(?:\s+(?:to|at|by|of))?\s*$",
    re.IGNORECASE,
)


def _english_subject(raw: str) -> str:
    """The noun phrase of an English clause before its number: after a reporting verb or a
    conjunction, from its first determiner, without the verb phrase before the number."""
    raw = re.split(r"\s--\s|\s—\s", raw)[-1]  # after a dateline ("BEIJING, Oct. 27 (X) --")
    cut = _EN_CUT.match(raw)
    phrase = raw[cut.end() :] if cut else raw
    phrase = _EN_VERB_TAIL.sub("", phrase)
    determiner = re.search(r"\b(?:the|a|an|its|their)\s+", phrase, re.IGNORECASE)
    if determiner and len(phrase[determiner.end() :].split()) >= 1:
        phrase = phrase[determiner.start() :]
    return phrase


def respectively(layout: Layout, mention: Mention, raw: str) -> str:
    """The item of "A、B分别增长x%、y%" that this number belongs to, or ""."""
    text = layout.text
    lo, _ = layout.clause_bounds(mention.start)
    clause = text[lo : mention.start]
    at = clause.find("分别")
    if at == -1:
        at = clause.find("分別")
    if at == -1:
        return ""
    items = [item for item in re.split(r"[、和及与與]", clause[:at]) if item.strip()]
    rank = len(re.findall(r"[、]", clause[at:]))  # numbers listed before this one
    if not items or rank >= len(items):
        return ""
    return clean_subject(items[rank])
