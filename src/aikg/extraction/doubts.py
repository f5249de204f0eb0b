"""Doubts: the part of a figure the rules assumed rather than read, and why it is held back.

Reads a figure's :class:`~aikg.extraction.sheet.Fact`, whose ``basis`` says what the rules read
its period, area and variable from; returns its doubts, each a reason in English and Chinese.

A draft is a reviewer's starting point, and a figure drafted with a guessed part looks exactly
like one read whole: the reviewer has to find the guess. So ``aikg extract`` does not draft a
figure it doubts as an observation. It lists it under the sheet's ``unsure`` key, complete (the
same entry an observation or a target would have), with each doubt said in its reading note;
the reviewer completes it and moves it to ``observations`` or ``targets`` (the curation compiler
refuses a sheet that still has an ``unsure`` key). ``aikg extract --draft-unsure`` drafts them
instead.

The doubts are the cases where the rules found nothing to read and fell back to an assumption,
chosen by what they cost on texts the rules had not been written on (issue 12's held-out sets;
``docs/extraction.md``, "What the draft leaves out as unsure"). The first three were chosen on
sets 13 to 15's drafts, the last two added with sets 16 to 18's first run (those six sets are
in sample for the doubts since):

- **no date**: the text states no date for the figure, and the period is assumed to run up to
  the document's date (0 of 24 such figures were right on sets 13 to 15, 0 of 16 on 16 to 18),
  or to the day the text says its figures were released (0 of 8);
- **an unnamed local place**: the sentence speaks of its own place (全县, 本市, "the county")
  and the text names none the gazetteer knows, so the area China is assumed (0 of 9);
- **a local text's figure placed nowhere**: the text is of a place of its own (its title names a
  province or a city, or it speaks of 全省, 本市 …), but nothing near the figure says where, so
  the area China is assumed (0 of 19);
- **a district the rules cannot name**: the figure's sentence names a district, county or zone
  (龙岗区, 双流区, 西安高新区) after any place it names, or the title names one and nothing
  nearer places the figure; the area (the city, the document's place or China) is assumed
  (the fourth revision, from sets 28 to 30: 0 of 11 such figures were right there);
- **a graph variable passed over**: the graph has a variable of a near name that the rules
  passed over for its scope, and a new one is proposed beside it (2 of 14); the reviewer
  decides which, with the scope note the draft writes.

Example:

    >>> from aikg.extraction.sheet import Fact
    >>> basis = {"period": "undated", "area": "none", "variable": "new"}
    >>> fact = Fact("obs:x-1", "observation", "46个", "var:d", True, "../2027-02-26", None, basis)
    >>> [en for en, _ in doubts(fact)]
    ['No date is stated for this figure: its period is assumed.']
    >>> fact.basis["period"] = "stated"
    >>> doubts(fact)
    []
"""

from __future__ import annotations

from aikg.extraction.sheet import Fact

#: (part, basis) -> the doubt, in English and Chinese: what the rules assumed of that part.
_NO_DATE = (
    "No date is stated for this figure: its period is assumed.",
    "原文未说明该数据的日期：其期间为推定。",
)
DOUBTS: dict[tuple[str, str], tuple[str, str]] = {
    ("period", "undated"): _NO_DATE,
    ("period", "released"): _NO_DATE,  # dated only by the day the figures were released
    ("area", "local-text"): (
        "The text is of a place of its own, but nothing near this figure says where: the area "
        "is assumed.",
        "原文讲的是某一地方，但该数据附近未说明地区：其地区为推定。",
    ),
    ("area", "local-unnamed"): (
        "The text speaks of a place of its own that it does not name in a way the rules know: "
        "the area is assumed.",
        "原文所指地方（如全县、本市）未能识别：其地区为推定。",
    ),
    ("area", "district"): (
        "The text names a district, county or zone the rules know no place for (龙岗区, 双流区): "
        "the area is assumed.",
        "原文提到规则无法识别的区、县或园区（如龙岗区、双流区）：其地区为推定。",
    ),
    ("variable", "new-beside"): (
        "The graph has a variable of a near name, passed over for its scope: reuse it or keep "
        "the new one.",
        "图谱中有名称相近的变量，因口径不同未予复用：请决定复用或保留新变量。",
    ),
}


def doubts(fact: Fact) -> list[tuple[str, str]]:
    """The doubts of ``fact`` (English, Chinese), in the order period, area, variable (a
    target's year is the goal's, stated: its period is never a doubt)."""
    return [
        DOUBTS[(part, fact.basis[part])]
        for part in ("period", "area", "variable")
        if (part, fact.basis.get(part, "")) in DOUBTS
    ]


__all__ = ["DOUBTS", "doubts"]
