"""Policies: the policy that sets each goal, and the work reports that set a year's goals.

Reads the layout, the policies the text names (linked or drafted entity mentions) and the work
reports it names; returns the CURIE of the policy a goal belongs to: the plan the document
issues or announces, not a higher-level policy it cites as its basis; when the text names none,
a work report it names, else a draft policy for the document's own subject.
"""

from __future__ import annotations

import re

from aikg.extraction.anchor import document_evidence
from aikg.extraction.entities import EntityMention, draft_iri
from aikg.extraction.layout import Layout, first_line
from aikg.extraction.quantities import Mention
from aikg.extraction.script import fold, has_cjk, name_key
from aikg.extraction.sheet import SheetBuilder
from aikg.namespaces import shorten

#: A work report (政府工作报告, "government work report"): it sets the goals of its year.
_WORK_REPORT = re.compile(r"工作报告|work report")


def work_reports(mentions: list[EntityMention]) -> list[EntityMention]:
    """The work reports among ``mentions`` (政府工作报告, "government work report")."""
    return [m for m in mentions if m.kind == "report" and _WORK_REPORT.search(fold(m.name))]


def policy_for(
    builder: SheetBuilder, layout: Layout, mention: Mention, policies: list[EntityMention]
) -> str:
    """The policy that sets a goal.

    Goals belong to the plan the document issues or announces, not to a higher-level policy it
    cites as its basis (为贯彻落实《…意见》, "puts into practice the State Council's Opinions").
    In order: a policy named in the goal's own sentence before it; the document's own policy
    (its title names it, or the text issues it: 印发《…》, "released the … Plan"), the last one
    named before the goal; the last policy named before it that is not a basis; the first named.
    """
    named = [p for p in policies if p.iri is not None]
    basis = {id(p) for p in named if _is_basis(layout, p)}
    own = [p for p in named if id(p) not in basis and _is_own(layout, p)]
    sentence = layout.sentence_at(mention.start)
    assert sentence is not None
    in_sentence = [
        p for p in named if sentence.start <= p.start < mention.start and id(p) not in basis
    ]
    before = [p for p in named if p.start < mention.start]
    plain = [p for p in before if id(p) not in basis]
    own_before = [p for p in own if p.start < mention.start]
    chosen = (
        (in_sentence[-1] if in_sentence else None)
        or (own_before[-1] if own_before else None)
        or (own[0] if own else None)
        or (plain[-1] if plain else None)
        or next((p for p in named if id(p) not in basis), None)
    )
    title = layout.front_matter.get("title", "").strip().strip('"')
    if chosen is None and named and not _SELF_REFERENCE.search(layout.folded):
        chosen = before[-1] if before else named[0]  # only bases named: the last one
    if chosen is not None and chosen.iri is not None:
        return shorten(str(chosen.iri))
    reports = [r for r in builder.reports if r.iri is not None]
    if reports:
        # no policy named: a work report the text names sets its year's goals
        before = [r for r in reports if r.start < mention.start] or reports
        return shorten(str(before[-1].iri))
    issued = _ISSUED_IN_TITLE.search(title)
    name = (issued.group("name") if issued else title) or "the policy of this document"
    curie = builder.new_entity(draft_iri("policy", name), "policy", name, [])
    builder.entities[curie]["note"] = {
        "en": "Drafted by aikg extract: a goal of the text names no policy; the policy is "
        "taken to be the subject of the document. Name it, or point the target elsewhere."
    }
    builder.extra_mentions.setdefault(curie, {"id": curie, **document_evidence(layout, title)})
    return curie


#: A policy cited as the basis of the text's own (为深入贯彻落实《…》, "in line with …").
_BASIS_CN = re.compile(
    r"(?:根据|依据|按照|遵照|贯彻|落实|贯彻落实|对照|衔接|承接)[^，,。；;]{0,8}$"
)
_BASIS_EN = re.compile(
    r"\b(?:in line with|in accordance with|pursuant to|in keeping with|to implement|implements"
    r"|implementing|puts? into practice|putting into practice|based on|builds? on|follows? up on"
    r"|as required by|guided by|to carry out|carries out)\b",
    re.IGNORECASE,
)
#: The text issues or announces a policy: 印发《…》, "released the … Plan".
_ISSUES = re.compile(
    r"印发|发布|出台|制定|公布|推出|颁布|released|issued|unveiled|published|launched|announced"
    r"|rolled out|adopted",
    re.IGNORECASE,
)


#: The text speaks of itself as a policy: 本方案, 本计划, "this plan".
_SELF_REFERENCE = re.compile(
    r"本(?:方案|计划|规划|意见|办法|行动方案|行动计划|纲要)|\bthis (?:action )?plan\b"
)
#: A notice that issues a policy names it: 关于印发《X》的通知.
_ISSUED_IN_TITLE = re.compile(r"关于印发《?(?P<name>[^《》]{4,60}?)》?的通知")


def _is_basis(layout: Layout, policy: EntityMention) -> bool:
    sentence = layout.sentence_at(policy.start)
    if sentence is None:
        return False
    before = layout.folded[sentence.start : policy.start]
    if has_cjk(before):
        return bool(_BASIS_CN.search(before))
    issued = list(_ISSUES.finditer(before))
    basis = list(_BASIS_EN.finditer(before))
    return bool(basis) and (not issued or basis[-1].start() > issued[-1].start())


def _is_own(layout: Layout, policy: EntityMention) -> bool:
    """Whether the text is or issues ``policy``: its title names it, or a verb issues it."""
    title = layout.front_matter.get("title", "") or first_line(layout)
    name = re.sub(r"[(（][^()（）]*[)）]\s*$", "", (policy.canonical or policy.name).strip("《》 "))
    key = name_key(name)
    if len(key) >= 4 and key in name_key(title):
        return True
    sentence = layout.sentence_at(policy.start)
    if sentence is None:
        return False
    before = layout.folded[sentence.start : policy.start]
    return bool(_ISSUES.search(before[-40:]))
