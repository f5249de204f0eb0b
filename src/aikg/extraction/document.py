"""Document metadata: the draft's ``document`` entry and what the rules read from the document.

Reads the source (front matter, file name), its layout and the :class:`Meta` given on the
command line; returns the document's date, language, sheet key, lead paragraph, the day a report
it relays was released, its publisher (linked, or a draft organization) and its ``document``
entry (IRI, path, type, language, publisher, reliability, labels, evidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from aikg.curation.compile import UNTITLED
from aikg.errors import InputError
from aikg.extraction.anchor import anchor, document_evidence
from aikg.extraction.entities import EntityIndex, EntityMention, draft_iri
from aikg.extraction.layout import Layout, first_line
from aikg.extraction.script import to_simplified
from aikg.extraction.sheet import DRAFT, SheetBuilder
from aikg.namespaces import shorten
from aikg.sources import SourceText


@dataclass
class Meta:
    """Document facts given on the command line for texts without front matter."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    reliability: str = "reliability:repost"


def document_date(source: SourceText, meta: Meta) -> date:
    """The date of the document: given, in its front matter, or in its file name."""
    for text in (meta.date, source.front_matter.get("date")):
        if text and text != "unknown":
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                raise InputError(f"{source.path}: date {text!r} is not YYYY-MM-DD") from None
    found = re.match(r"(\d{4}-\d{2}-\d{2})", source.path.name)
    if found:
        return date.fromisoformat(found.group(1))
    raise InputError(f"{source.path}: no date in front matter or file name; give --date")


def language(text: str) -> str:
    """``en``, ``zh-hans`` or ``zh-hant``: the language and script of ``text``."""
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(cjk) < 20:
        return "en"
    changed = sum(1 for a, b in zip(text, to_simplified(text), strict=True) if a != b)
    return "zh-hant" if changed > len(cjk) * 0.03 else "zh-hans"


def sheet_key(path: Path) -> str:
    """The key of the draft's sheet and IRIs: ``draft-`` and the file name's slug."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"
    return "draft-" + slug[:40]


def lead(layout: Layout) -> str:
    """The folded first paragraph of the body proper (not a headline or page furniture)."""
    for line in layout.lines:
        if line.start < layout.body_start or line.headline or line.boilerplate:
            continue
        if len(line.text.strip()) >= 20 and re.search(r"[。！？]|[.!?](?:\s|$)", line.text):
            return layout.folded[line.start : line.end]
    return ""


#: A source released or stated the day before the text (昨日公布《…报告》, 发言人昨日表示,
#: "released … yesterday", "said yesterday").
_YESTERDAY = re.compile(
    r"(?:昨日|昨天)[^，,。；]{0,12}(?:公布|发布|发表|出炉|表示|指出|介绍|透露|宣布|称)"
    r"|\b(?:released|published|issued|said|announced|told)\b[^.;]{0,60}\byesterday\b"
    r"|\byesterday\b[^.;]{0,12}\b(?:released|published|issued|said|announced|told)\b"
)
#: An event of a day shortly before the text where its figures were given (记者从23日开幕的…大会
#: 上获悉, 22日召开的新闻发布会上): the day of the month.
_EVENT_DAY = re.compile(
    r"(?<![\d月])(?P<day>\d{1,2})日(?:上午|下午|晚间?)?(?:开幕|召开|举行|举办|发布|公布)"
)


#: A day on which the reporter learnt the figures from a source (记者8月13日从工业和信息化部获悉,
#: 记者13日从…了解到): the day of the month, with its month if stated.
_LEARNT_DAY = re.compile(
    r"记者\s*(?:(?P<month>\d{1,2})月)?(?P<day>\d{1,2})日\s*(?:从|自|在)[^，,。；]{0,30}?"
    r"(?:获悉|了解到|得知)"
)


#: A weekday the source spoke or published on ("the ministry said on Saturday", 教育部周六表示):
#: the latest such day before the text.
_WEEKDAY = re.compile(
    r"\b(?:said|announced|released|published|reported|told)\b[^.;]{0,40}?\bon (?P<en>monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?:周|星期)(?P<cn>[一二三四五六日天])[^，,。；]{0,12}?(?:公布|发布|表示|指出|介绍|宣布|称)"
)
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_CN = "一二三四五六日"


def released(layout: Layout, doc_date: date) -> date | None:
    """The date the lead says the text's figures were released or stated, when it is shortly
    before ``doc_date``: the day before (昨日, "yesterday"), or a day of the month up to three
    days before on which an event gave them (23日开幕的…大会) or the reporter learnt them
    (记者8月13日从…获悉), or a weekday of the week before ("said on Saturday", 周六表示).
    Figures with no date of their own are open up to that date, not the document's."""
    text = lead(layout)
    if _YESTERDAY.search(text):
        return doc_date - timedelta(days=1)
    event = _EVENT_DAY.search(text)
    if event and 0 < doc_date.day - int(event.group("day")) <= 3:
        return doc_date.replace(day=int(event.group("day")))
    weekday = _WEEKDAY.search(text)
    if weekday:
        cn = weekday.group("cn")
        number = (
            _WEEKDAYS_EN.index(weekday.group("en"))
            if weekday.group("en")
            else _WEEKDAYS_CN.index("日" if cn == "天" else cn)
        )
        back = (doc_date.weekday() - number) % 7
        if back:  # the same weekday as the text's is the text's own day
            return doc_date - timedelta(days=back)
    learnt = _LEARNT_DAY.search(text)
    month = learnt and learnt.group("month")
    if (
        learnt
        and (not month or int(month) == doc_date.month)
        and 0 < doc_date.day - int(learnt.group("day")) <= 3
    ):
        return doc_date.replace(day=int(learnt.group("day")))
    return None


def publisher(
    builder: SheetBuilder, layout: Layout, mentions: list[EntityMention], meta: Meta
) -> str:
    """The publisher's CURIE: an organization of the front matter, else ``meta.publisher``
    (linked to the graph, or drafted), else a draft "unknown publisher"."""
    front = [m for m in mentions if m.start < layout.body_start and m.kind == "organization"]
    if front:
        mention = front[0]
        if mention.iri is None:
            mention.iri = draft_iri("organization", mention.name)
        if mention.new:
            return builder.new_entity(mention.iri, "organization", mention.name, mention.aliases)
        return shorten(str(mention.iri))
    name = meta.publisher or "unknown publisher"
    iri = EntityIndex(builder.known).link(name) if meta.publisher else None
    if iri is not None:
        return shorten(str(iri))
    curie = builder.new_entity(draft_iri("organization", name), "organization", name, [])
    at = layout.text.find(name) if meta.publisher else -1
    if at != -1:
        evidence = anchor(layout.text, at, at + len(name))
    else:
        builder.entities[curie]["note"] = {
            "en": "The publisher as given on the command line (--publisher); the text does not "
            "name it, so its evidence is the document's first line."
        }
        evidence = document_evidence(layout, "")
    builder.extra_mentions.setdefault(curie, {"id": curie, **evidence})
    return curie


def document_entry(
    builder: SheetBuilder,
    path: Path,
    meta: Meta,
    mentions: list[EntityMention],
    shared: Path | None,
) -> dict[str, Any]:
    """The sheet's ``document`` entry (drafting its publisher when the graph lacks it)."""
    layout, source, doc_date = builder.layout, builder.source, builder.date
    key = sheet_key(path)
    lang = language(source.text[layout.body_start :])
    publisher_curie = publisher(builder, layout, mentions, meta)
    try:
        # without a shared folder the text is found beside itself (compile_draft's base)
        relative = str(path.resolve().relative_to(shared.resolve())) if shared else path.name
    except ValueError:
        relative = str(path.resolve())
    title = meta.title or source.front_matter.get("title", "").strip().strip('"')
    spec: dict[str, Any] = {
        "id": f"doc:{key}",
        "key": key,
        "path": relative,
        "a": ["schema:Article"],
        "language": lang,
        "publisher": publisher_curie,
        "reliability": meta.reliability,
    }
    shown = title if title and not title.startswith(UNTITLED) else first_line(layout)
    lang_key = "en" if lang == "en" else lang.replace("zh-hans", "zh")
    labels = {lang_key: shown}
    if lang == "en":
        labels["zh"] = f"[待译] {shown}"
    else:
        labels["en"] = f"[to translate] {to_simplified(shown)}"
    spec["label"] = labels
    spec["evidence"] = document_evidence(layout, title)
    props: dict[str, Any] = dict(DRAFT)
    if not source.front_matter:
        if meta.url:
            props["schema:url"] = {"value": meta.url, "type": "xsd:anyURI"}
        if meta.date:
            props["schema:datePublished"] = {"value": doc_date.isoformat(), "type": "xsd:date"}
        if title:
            props["schema:name"] = {"value": title, "lang": lang[:2] if lang == "en" else lang}
    spec["props"] = props
    return spec
