"""Population bases: the denominator of a share, as the variable of the population it is of.

Reads the layout, the builder (the counts drafted so far, the last share's population) and a
figure's :class:`Mention`; returns the CURIE of the variable a share is of: a population
counted earlier in the text (在用户中占比 -> the users of the paragraph), else the graph's
variable of that name ("percent of all internet users", 网民整体), else the population of the
paragraph's last share (老年人占比); and, for 占…的比重, the share's own label.
"""

from __future__ import annotations

import re

from aikg.extraction.anchor import anchor
from aikg.extraction.layout import Layout
from aikg.extraction.places import NATIONAL_WORDS
from aikg.extraction.quantities import Mention
from aikg.extraction.script import fold, has_cjk
from aikg.extraction.sheet import SheetBuilder
from aikg.extraction.variables import clean_subject
from aikg.namespaces import ID, shorten

#: A share named before its number: 占全国的比重达, 占网民整体的.
_SHARE = re.compile(
    r"占(?P<base>[^，,；;。]{1,16}?)(?:的)?(?:比重|比例|份额)?\s*(?:达到|达|为)?\s*$"
)


#: The population a share is of: 在用户中占比, 农村网民中…的占比, 用户占比, 占使用者的比重,
#: "percent of all X".
_POPULATION = r"(?:用户|网民|企业|人口|居民|从业人员|使用者|使用人群|患者|学生|人群)"
_AMONG_CN = re.compile(
    r"在(?P<a>[\u4e00-\u9fff]{1,12}?)(?:中|当中|之中)[^，,；;。]{0,8}占比"
    rf"|(?P<c>(?:(?![在的岁歲])[\u4e00-\u9fff]){{0,6}}?{_POPULATION})(?:中|当中|之中)[^，,；;。]{{0,10}}"
    r"(?:占比|这一比例|这一比重|该比例)"
    r"|占(?P<d>[^，,；;。占]{1,12}?)的?(?:比重|比例|份额)"
    rf"|(?P<b>{_POPULATION})(?:中|当中)?[^，,；;。]{{0,4}}占比"
)
_AMONG_EN = re.compile(r"^\s+of\s+(?:all\s+|the\s+|total\s+)*(?P<base>[a-z][a-z -]{2,60})")
_EN_BASE_END = re.compile(r"\s+(?:in|on|at|for|by|during|over|as|from|with|and|while)\s+|[,;.()]")
#: Words that only say "the whole" of a population: 网民整体, 全体用户, the total.
_WHOLE = re.compile(r"整体|总体|全体|全部|总数|总量")
#: English names of a population the graph labels otherwise.
_POPULATION_EN = {"netizens": "internet users", "internet population": "internet users",
                  "web users": "internet users", "online population": "internet users"}  # fmt: skip
#: A whole of a province or a city (全省, 全市): another area than the graph variables' of a place.
_LOCAL_WHOLE = re.compile(r"全省|本省|我省|全市|本市|我市|全区|the province|the city")
#: A share with no population named (老年人占比): the population of the paragraph's last share.
_BARE_SHARE = re.compile(r"占比|比重|份额|\bshare\b|proportion")


def population_base(
    builder: SheetBuilder, layout: Layout, mention: Mention, raw: str, kind: str
) -> str | None:
    """The denominator of a share named as a population: the variable of that population
    counted earlier in the text (在用户中占比 -> the users of the paragraph), else the graph's
    variable of that name ("percent of all internet users", 网民整体, 农村网民中…占比); a share that
    names none (老年人占比) is of the population of the paragraph's last share."""
    if kind != "percent":
        return None
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    part = _part_of_share(builder, layout, mention, sentence.start)
    if part is not None:
        return part
    matches = list(_AMONG_CN.finditer(layout.folded[sentence.start : mention.start]))
    found = matches[-1] if matches else None  # the last one before the number
    if found and any(
        sentence.start + found.end() <= at < mention.start for at, *_ in builder.counted
    ):
        found = None  # the population of a share stated before (初中生网民中这一比例为48.9%，…)
    if found:
        base = found.group("a") or found.group("c") or found.group("d") or found.group("b")
    else:
        english = _AMONG_EN.match(layout.text[mention.end : mention.end + 80].lower())
        if english is None or has_cjk(english.group("base")):
            clause_lo = layout.clause_bounds(mention.start)[0]
            last = builder.share_bases.get(sentence.line)
            if last and _BARE_SHARE.search(layout.folded[clause_lo : mention.end + 8]):
                return base_variable(builder, mention, last)
            return None
        base = _EN_BASE_END.split(english.group("base"))[0].strip()
        base = _POPULATION_EN.get(base, base)
    named = base
    base = _WHOLE.sub("", base).strip() or base
    builder.share_bases[sentence.line] = base
    return base_variable(builder, mention, base) or _drafted_population(
        builder, layout, named, sentence.start, mention.start
    )


#: A share of a part stated after a share (其中用于学习辅导的占71.2%, "of whom 71 percent"):
#: of the population the share before it counts, not of that share's whole.
_OF_WHOM = re.compile(r"^\s*(?:其中|当中|當中)|^\s*(?:of whom|of them|of those|among them)\b")
#: The words that make a label a share (…的占比, the share of …).
_SHARE_WORDS = re.compile(
    r"的?(?:占比|比重|比例|份额)$|^(?:the )?(?:share|proportion) of (?:the )?"
)


def _part_of_share(
    builder: SheetBuilder, layout: Layout, mention: Mention, sentence_start: int
) -> str | None:
    """The denominator of a share stated with 其中 / "of whom" right after a share of its
    sentence: the population that share counts (使用过生成式人工智能产品的未成年网民 for
    其中用于学习辅导的占71.2% after …的未成年网民占比达43.6%), as a draft variable when the text
    has no figure of it."""
    clause_lo = layout.clause_bounds(mention.start)[0]
    if not _OF_WHOM.match(layout.folded[clause_lo : mention.start]):
        return None
    before = [c for c in builder.counted if sentence_start <= c[0] < mention.start]
    if not before or before[-1][4] != "unit:PERCENT":
        return None
    label = before[-1][2].strip()
    population, previous = fold(label), ""  # (folding keeps the length: 佔比 is 占比)
    while population != previous:
        previous, population = population, _SHARE_WORDS.sub("", population).strip()
    if not population or len(population) == len(label):
        return None
    population = label[: len(population)] if fold(label).startswith(population) else population
    for at, _, label, variable, unit in reversed(builder.counted):
        if at < mention.start and unit != "unit:PERCENT" and fold(label) == fold(population):
            return variable
    return _drafted_population(builder, layout, population, sentence_start, mention.start)


def _drafted_population(
    builder: SheetBuilder, layout: Layout, population: str, lo: int, hi: int
) -> str | None:
    """A draft variable for a share's population that neither the text counts nor the graph
    has (中小学总数, 初中生网民), with its words in ``layout.folded[lo:hi]`` as evidence; None
    when they are not there or name only a place or the whole (全国, 全省)."""
    words = fold(population).strip()
    if not has_cjk(words) or not _LOCAL_WHOLE.sub("", NATIONAL_WORDS["subject"].sub("", words)):
        return None
    at = layout.folded.find(words, lo, hi)
    if at == -1:
        return None
    new = builder.variables.draft(population, "count", ID["var"])
    curie = builder.new_variable(new.iri, population)
    builder.extra_mentions.setdefault(
        curie, {"id": curie, **anchor(layout.text, at, at + len(words))}
    )
    return curie


def base_variable(builder: SheetBuilder, mention: Mention, base: str) -> str | None:
    """The variable of the population ``base``: counted earlier in the text, else the graph's."""
    folded = fold(base)
    if folded in ("total", "the total", "whole", "总量", "总数", "总体", "整体"):
        # "of the total": the total counted last before it in its paragraph
        line = builder.layout.line_of(mention.start)
        for at, _, _, variable, unit in reversed(builder.counted):
            if line and line.start <= at < mention.start and unit == "count":
                return variable
        return None
    for at, _, label, variable, unit in reversed(builder.counted):
        if at < mention.start and unit == "count" and folded and folded in fold(label):
            return variable
    if _LOCAL_WHOLE.search(folded):
        # 占全省…的比重: the whole of a province or a city the figure's place is part of, not
        # a graph variable of the figure's own place (its area is not known here)
        return None
    forms = [base] + ([base + "规模", base + "数"] if has_cjk(base) else [])
    for form in forms:
        iri = builder.variables.match(form, "count", any_unit=True)
        if iri is not None:
            return shorten(str(iri))
    return None


def share_of(
    builder: SheetBuilder, mention: Mention, raw: str, prior_subject: str
) -> tuple[str | None, str] | None:
    """For a share named in ``raw`` (the clause before the number: 占网民整体的比例): the
    variable of its population (None when there is none) and the share's label; else None.

    ``prior_subject`` is the subject of the sentence's figure before, the owner of the share
    when ``raw`` names none.
    """
    share = _SHARE.search(raw)
    if share is None:
        return None
    base_phrase = share.group("base").strip()
    whole = _WHOLE.sub("", base_phrase) or base_phrase  # 网民整体: the internet users
    denominator = base_variable(builder, mention, base_phrase) or base_variable(
        builder, mention, whole
    )
    owner = clean_subject(raw[: share.start()]) or prior_subject
    label = f"{owner}占{base_phrase}的比例" if owner else f"占{base_phrase}的比例"
    return denominator, label
