"""``extract``: draft the facts of one document as a curation sheet and its compiled graph.

Reads a source document and the ``known`` graph; returns a :class:`~aikg.extraction.sheet.Draft`.
It finds the text's layout, time expressions, quantities and named entities, then applies the
rule families in order: the document entry (:mod:`~aikg.extraction.document`), the entity
mentions, and each figure as an observation or a target (:mod:`~aikg.extraction.facts`, with
:mod:`~aikg.extraction.subjects`, :mod:`~aikg.extraction.bases`, :mod:`~aikg.extraction.areas`,
:mod:`~aikg.extraction.times` and :mod:`~aikg.extraction.policies`), all collected by the
sheet builder (:mod:`~aikg.extraction.sheet`). The sheet (the format of ``curation/*.yaml``) is
the reviewable form of the draft; the graph is what :func:`aikg.curation.compile_sheet` makes of
it, so a draft carries its evidence exactly like curated facts and a reviewed sheet merges
through ``aikg curate``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Graph

from aikg.curation.compile import UNSURE
from aikg.extraction.anchor import anchor
from aikg.extraction.document import (
    Meta,
    document_date,
    document_entry,
    lead,
    released,
    sheet_key,
)
from aikg.extraction.doubts import doubts
from aikg.extraction.entities import EntityIndex, EntityMention, draft_iri, find_entities
from aikg.extraction.facts import Previous, fact
from aikg.extraction.headlines import drop_headline_repeats
from aikg.extraction.layout import analyse, first_line
from aikg.extraction.periods import TimeExpr, find_times, review_year
from aikg.extraction.policies import work_reports
from aikg.extraction.quantities import find_quantities
from aikg.extraction.script import fold
from aikg.extraction.sheet import Draft, SheetBuilder, compile_draft
from aikg.extraction.times import coverage_date, dating_times, survey_period
from aikg.namespaces import AIKG, ID, shorten
from aikg.sources import read_source

#: What :func:`extract` reports as it goes: ``(done, total, stage)``, the steps done of the
#: text's total (one a figure, and one for each stage around them).
Progress = Callable[[int, int, str], None]


def extract(
    path: Path,
    known: Graph,
    *,
    shared: Path | None = None,
    meta: Meta | None = None,
    progress: Progress | None = None,
    draft_unsure: bool = False,
) -> Draft:
    """Draft the facts of the document at ``path`` against the ``known`` graph.

    A figure the rules doubt (:mod:`~aikg.extraction.doubts`) is listed under the sheet's
    ``unsure`` key and left out of the graph, unless ``draft_unsure``.

    ``progress``, if given, is called as the work goes (a progress bar for long texts).
    """
    report = progress or (lambda done, total, stage: None)
    meta = meta or Meta()
    source = read_source(path)
    layout = analyse(source.text)
    doc_date = document_date(source, meta)
    builder = SheetBuilder(layout, source, known, doc_date)
    key = sheet_key(path)
    title = meta.title or source.front_matter.get("title", "") or first_line(layout)
    builder.review = review_year(
        fold(title), lead(layout), layout.folded[layout.body_start :], doc_date
    )
    builder.released = released(layout, doc_date)
    report(0, _STAGES, "reading the text")
    times = _times(builder)
    figures = find_quantities(layout, [(t.start, t.end) for t in times])
    figures = drop_headline_repeats(layout, figures)
    total = _STAGES + len(figures)
    report(1, total, "finding names")
    entity_mentions = find_entities(layout, EntityIndex(known), doc_date.year)
    builder.survey = survey_period(layout, times)
    builder.coverage = coverage_date(layout, times)
    builder.dating = dating_times(layout, times)
    builder.reports = work_reports(entity_mentions)
    builder.bodies = [m for m in entity_mentions if m.kind in ("organization", "report")]
    document = document_entry(builder, path, meta, entity_mentions, shared)
    policies = [m for m in entity_mentions if m.kind == "policy"]

    report(2, total, "drafting figures")
    draft = Draft(path, source, {}, Graph())
    mention_specs = _entity_entries(builder, entity_mentions, draft)
    observations: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    unsure: list[dict[str, Any]] = []
    previous: Previous = {}
    for number, mention in enumerate(figures, 1):
        spec, found = fact(
            builder, layout, mention, times, previous, policies, key, number, doc_date
        )
        report(2 + number, total, "drafting figures")
        if spec is None:
            continue
        if not draft_unsure and doubts(found):  # its reading says what was assumed
            unsure.append(spec)
            draft.unsure.append(found)
            continue
        (targets if found.kind == "target" else observations).append(spec)
        draft.facts.append(found)

    mention_specs += builder.extra_mentions.values()
    sheet: dict[str, Any] = {"document": document, "mentions": mention_specs}
    if observations:
        sheet["observations"] = observations
    if targets:
        sheet["targets"] = targets
    if unsure:
        sheet[UNSURE] = unsure
    sheet["draft_entities"] = list(builder.entities.values())
    draft.sheet = sheet
    report(total - 1, total, "compiling the draft")
    draft.graph = compile_draft(sheet, source, known, shared)
    if meta.date and not source.front_matter:
        draft.graph.remove((ID["doc"][key], AIKG.dateUnknown, None))
    report(total, total, "done")
    return draft


#: The steps of :func:`extract` besides its figures: reading the text, finding names,
#: compiling the draft.
_STAGES = 3


def _times(builder: SheetBuilder) -> list[TimeExpr]:
    """The time expressions of the text outside page furniture."""
    layout = builder.layout
    found = find_times(
        layout.folded, builder.date, layout.body_start, original=layout.text, year=builder.review
    )
    return [t for t in found if not layout.fact_text[t.start].isspace()]


def _entity_entries(
    builder: SheetBuilder, entity_mentions: list[EntityMention], draft: Draft
) -> list[dict[str, Any]]:
    """The sheet's ``mentions``: the first mention of each entity in the body proper (a
    headline restates the body), drafting the entities the graph lacks."""
    layout = builder.layout

    def place(m: EntityMention) -> tuple[bool, bool, int]:
        line = layout.line_of(m.start)
        return (m.start < layout.body_start, bool(line and line.headline), m.start)

    specs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for mention in sorted(entity_mentions, key=place):
        if mention.iri is None:
            mention.iri = draft_iri(mention.kind, mention.name)
        if mention.new:
            curie = builder.new_entity(
                mention.iri, mention.kind, mention.canonical or mention.name, mention.aliases
            )
        else:
            curie = shorten(str(mention.iri))
        if curie in seen:
            continue
        seen.add(curie)
        specs.append({"id": curie, **anchor(builder.source.text, mention.start, mention.end)})
        draft.entities.append((str(mention.iri), mention.name, mention.new))
    return specs


__all__ = ["Progress", "extract"]
