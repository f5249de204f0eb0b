"""The layout of a source text: front matter, lines, boilerplate, sentences and clauses.

Offsets are code points into the whole file text (front matter included), as evidence needs.
Two masked copies of the text, of the same length, hide what must not be read:

- ``entity_text``: the front matter, URLs and image links are blanked (names are still read in
  bylines and source lines);
- ``fact_text``: also blanks publication boilerplate (subscription codes, phone numbers, page
  furniture, bylines, editor lines, "more news" lists) and calendar dates and clock times that
  are not reference periods, so that no number in them is drafted as a fact.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from aikg.extraction.script import fold
from aikg.sources import parse_front_matter

_URL = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|(?:https?://|www\.)\S+")
_PHONE = re.compile(r"\d{3,4}-\d{7,8}|\(\d{3,4}\)\s?\d{7,8}|\+\d{1,3}[\s-]\d{2,}")
#: Lines that are page furniture rather than content (folded, lower case).
_FURNITURE = re.compile(
    r"订阅|征订|邮发代号|热线|电话|扫码|扫一扫|长按|识别二维码|点击|阅读原文|预览|轻点|小程序"
    # 关注 as a prompt (欢迎关注, 关注我们), not the verb of prose (家长应关注孩子的…)
    r"|(?:欢迎|请|敬请|长按|扫码)关注|关注(?:我们|公众号|微信|微博|官方|本号|本报)"
    r"|版权|责任编辑|编辑[:：]|\(编辑|发布时间|本版导读|今日\d+版|^\s*分享|^\s*收藏|^\s*听过"
    r"|copyright|all rights reserved|subscribe|follow us|click here|share this|©|\bmin read\b"
    r"|^\s*(?:published|updated|posted)\b|reading time|阅读时间|阅读时长"
    r"|\bdownload\b[^.]*\b(?:pdf|report|brief|file)\b|\(\s*(?:pdf|docx?)\s*,\s*\d"
)
#: A heading that opens a list of other items ("more news", "related", "today's picks").
_MORE = re.compile(
    r"^\s*(?:[-•*#【\[]\s*)?(?:更多|经济新闻精选|新闻精选|精选|今日看点|本版导读|相关(?:新闻|阅读|报道)"
    r"|延伸阅读|热门|推荐阅读|猜你喜欢|more news|more from\b|more stories|related|read more"
    r"|most read|most popular|read next|up next|latest stories"
    r"|recommended|you may also like|you might also like|also read|see also)"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)?"
    r"|\d{4}\.\d{1,2}\.\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    # English calendar dates with a day: 10 June (2026), June 10(, 2026), Oct. 27
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\b\.?(?:\s+\d{{4}}\b)?"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:percent|per cent|%|million|billion))"
    r"(?:,?\s+\d{4}\b)?"
)
#: Page furniture inside a longer line: reading times, file sizes of downloads.
_INLINE_FURNITURE = re.compile(
    r"(?i)\breading\s+time\s*[:：]?\s*\d+\s*(?:min(?:ute)?s?)\b|\b\d+\s*min(?:ute)?s?\s+read\b"
    r"|阅读(?:时间|时长)\s*[:：]?\s*\d+\s*分钟|\(\s*(?:pdf|docx?)\s*,\s*\d+(?:\.\d+)?\s*[kmg]b\s*\)"
)
_SENTENCE_END = re.compile(
    r"[。！？!?；;]|\n|\.(?=\s+[\"“(]?[A-Z0-9])|(?<=[a-z])\.(?=[A-Z][a-z])|\.\s*$"
    # a sentence that starts with a brand written in camel case (iFlytek, eBay)
    r"|\.(?=\s+[a-z]{1,2}[A-Z][a-z])"
)
_CLAUSE_END = re.compile(r"[，；;：:—]|,(?!\d{3}(?!\d))|\s-\s")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[A-Z]|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Mr|Ms|Dr|St|vs|etc))$"
)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    boilerplate: bool
    headline: bool


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    line: int  # index of its line (a paragraph)


@dataclass
class Layout:
    text: str
    folded: str
    front_matter: dict[str, str]
    body_start: int
    entity_text: str
    fact_text: str
    lines: list[Line] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # the starts of ``sentences`` and ``lines`` (both in text order, neither overlapping), to
    # find the one at an offset by bisection: a scan per figure made long texts quadratic
    _sentence_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def sentence_at(self, offset: int) -> Sentence | None:
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [sentence.start for sentence in self.sentences]
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """The clause (between commas, semicolons, colons) of ``offset`` within its sentence."""
        sentence = self.sentence_at(offset)
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(self.text))
        start = lo
        for match in _CLAUSE_END.finditer(self.fact_text, lo, hi):
            if match.end() <= offset:
                start = match.end()
            elif match.start() >= offset:
                return start, match.start()
        return start, hi

    def line_of(self, offset: int) -> Line | None:
        """The line of ``offset``; its end (the newline) belongs to it."""
        if len(self._line_starts) != len(self.lines):
            self._line_starts = [line.start for line in self.lines]
        index = bisect_right(self._line_starts, offset) - 1
        if index >= 0 and offset <= self.lines[index].end:
            return self.lines[index]
        return None


#: A list item: "- …", "• …", "1. …", "1、…", "（1）…", "(a) …".
LIST_ITEM = re.compile(
    r"^\s*(?:[-•*·▪]\s+|\d{1,2}\s*[.、)）]\s*|[(（](?:\d{1,2}|[a-z]|[一二三四五六七八九十]{1,2})[)）]\s*)"
)


def first_line(layout: Layout) -> str:
    """The first line of text that is not page furniture (up to 80 characters), or "untitled"."""
    for line in layout.lines:
        if not line.boilerplate and line.text.strip():
            return line.text.strip()[:80]
    return "untitled"


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "


def _body_start(text: str) -> int:
    if not text.startswith("---"):
        return 0
    close = re.search(r"\n---[ \t]*(?:\n|$)", text[3:])
    return 3 + close.end() if close else 0


def _is_headline(line: str, title: str, first: bool, top: bool = True) -> bool:
    """Whether ``line`` is a headline: the title, a part of it or a line holding it at the top
    of the text (before
    the first full sentence: a signature line that repeats the issuer is not one), or the first
    line when it is short and has no sentence end."""
    stripped = fold(line.strip().strip("#*").strip())
    if not stripped:
        return False
    if title and (
        stripped == title
        or (top and len(stripped) > 8 and stripped in title)
        or (top and len(title) > 8 and title in stripped)  # " date 2025-04-09 <the title>"
    ):
        return True
    return first and not re.search(r"[。.!?！？]\s*$", stripped) and len(stripped) <= 120


def analyse(text: str) -> Layout:
    """Split ``text`` into lines and sentences and mask what is not content."""
    front = parse_front_matter(text)
    body = _body_start(text)
    folded = fold(text)
    entity_chars = list(text)
    _blank(entity_chars, 0, body)
    for match in _URL.finditer(text, body):
        _blank(entity_chars, match.start(), match.end())
    entity_text = "".join(entity_chars)
    fact_chars = list(entity_text)
    for match in _PHONE.finditer(entity_text):
        _blank(fact_chars, match.start(), match.end())
    for match in _DATE.finditer(entity_text):
        _blank(fact_chars, match.start(), match.end())
    for match in _INLINE_FURNITURE.finditer(entity_text):
        _blank(fact_chars, match.start(), match.end())
    title = fold(front.get("title", "").strip().strip('"'))
    layout = Layout(text, folded, front, body, entity_text, "", [], [])
    in_more, seen_content, seen_sentence = False, False, False
    offset = body
    for raw in text[body:].split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        line_folded = folded[start:end]
        content = entity_text[start:end].strip()
        boiler = bool(_FURNITURE.search(line_folded)) and len(content) < 80
        if _MORE.search(line_folded):
            in_more, boiler = True, True
        elif in_more and (len(content) < 40 or not re.search(r"[，,。；]", content)):
            boiler = True
        if not content:
            boiler = True
        headline = not boiler and _is_headline(raw, title, not seen_content, not seen_sentence)
        if content and not boiler:
            seen_content = True
            seen_sentence = seen_sentence or bool(re.search(r"[。.!?！？]\s*$", content))
        if boiler:
            _blank(fact_chars, start, end)
        if in_more and boiler:
            _blank(entity_chars, start, end)
        layout.lines.append(Line(start, end, raw, boiler, headline))
    layout.fact_text = "".join(fact_chars)
    layout.entity_text = "".join(entity_chars)
    for index, line in enumerate(layout.lines):
        if line.boilerplate:
            continue
        cursor = line.start
        for match in _SENTENCE_END.finditer(layout.fact_text, line.start, line.end):
            # the few characters before the period are enough (the longest abbreviation and the
            # one before it for \b): the whole paragraph before it made long lines quadratic
            before = text[max(line.start, match.start() - 8) : match.start()]
            if match.group() == "." and _ABBREVIATIONS.search(before):
                continue
            if match.end() > cursor:
                layout.sentences.append(Sentence(cursor, match.end(), index))
            cursor = match.end()
        if cursor < line.end:
            layout.sentences.append(Sentence(cursor, line.end, index))
    return layout
