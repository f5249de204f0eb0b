"""Quantitative statements of a text: where each number is, what it reads as, what it is not.

Every number of the fact text (see :mod:`aikg.extraction.layout`) is read with THE normalizer,
:func:`aikg.numbers.parse_quantity`: the longest span from the number rightwards that it reads
(number, magnitude, unit or counter word, 以上/左右), then the longest extension leftwards that
it still reads (超, 接近, 约, more than, 达到 ...). Numbers that are not statistics are dropped:

- ordinals and identifiers: 第55次, 第 15 號, 十四届, 三次会议, 2.0版, 11号, A001;
- dates, clock times and years (those are periods, :mod:`aikg.extraction.periods`);
- numbers glued to Latin letters (5G, IPv6, GPT-4) or after a slash (/32);
- durations that only frame a period (10年间, 近5年, in 10 years); a duration is a fact when
  the text states it as one (连续11年, 累计3年, less than 20 days);
- Chinese numerals without a magnitude word (一是, 四部门, 七方面, 六大);
- counts of the text's own parts (7个部分, 四部门) and small counts that only describe the
  subject of another number in the same clause (3家企业发展用户26.42亿户);
- bare numbers with neither unit nor magnitude in Chinese text (从0到1);
- "N major …" (6大重点领域, 六大行动) counts the items of a list: drafted only as a goal's value.

Ranks (位居全球第二) and age bands (20~29岁, aged 60 and above) are read by their own rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from aikg.extraction.layout import Layout
from aikg.extraction.script import has_cjk
from aikg.extraction.spans import Spans
from aikg.numbers import Quantity, QuantityError, parse_quantity

_ARABIC = re.compile(
    r"(?<![A-Za-z0-9./_\-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*[A-Za-z])|(?<![A-Za-z0-9./_])\d+(?:\.\d+)?(?![\d.]*[A-Za-z](?<![a-z]))"
)
_CN_NUMERAL = re.compile(r"[零〇一二两兩三四五六七八九十百千万萬亿億]+")
_MAGNITUDE_CN = re.compile(r"[万萬亿億]")
_ORDINAL_AFTER = re.compile(
    r"\s*(?:届|屆|版|期|号|號|章|条|條|次(?:会议|會議|会|會|全会|全會|室务会|室務會|全体会议))"
)
_PARTS_AFTER = re.compile(r"^(?:部分|方面|部门|部門|大类|大類)")
_DURATION_CUE = re.compile(r"连续|連續|累计|累計|长达|長達|已经|已經|已|满|滿|持续|持續|历时|歷時")
_FRAME_AFTER = re.compile(r"^\s*(?:间|間|来|來|内|內|中|里|裡|前|后|後|以来|以來)")
_PERSON_WORDS = re.compile(
    r"用户|用戶|网民|網民|人口|人数|人數|居民|职工|職工|员工|員工|从业|從業|劳动者|勞動者"
    r"|users?\b|people|persons|population|residents|netizens|workers|employees|subscribers"
    r"|user base"
)
_RANK = re.compile(
    r"(?:位居|位列|排名|排在|居于|居於|位于|位於|居)\s*(?:全球|世界|全国|全國|亚洲|亞洲)?\s*第"
    r"\s*(?P<n>[一二三四五六七八九十]+|\d+)\s*(?:位|名)?"
)
_AGE_BAND = re.compile(
    r"(?P<lo>\d{1,3})\s*(?:[~～\-－—–至到]|to)\s*(?P<hi>\d{1,3})\s*(?:周岁|週歲|岁|歲|years? old)"
    r"|(?P<ylo>\d{1,3})-?\s*(?:to|-)\s*(?P<yhi>\d{1,3})-year-olds?"
    r"|(?:aged|ages|age)\s+(?:between\s+)?(?P<blo>\d{1,3})\s*(?:and|to|-|–)\s*(?P<bhi>\d{1,3})"
    r"|(?:aged|ages)\s+(?P<emin2>\d{1,3})\s*\+"
    r"|(?P<cmin>\d{1,3})\s*(?:周岁|週歲)\s*(?:及|或)?以上"
    r"|(?P<min>\d{1,3})\s*(?:岁|歲)\s*(?:及|或)?以上|aged\s+(?P<emin>\d{1,3})\s*(?:and|or)\s*(?:above|over|older)"
    r"|aged\s+(?P<elo>\d{1,3})\s*(?:-|to)\s*(?P<ehi>\d{1,3})|(?P<max>\d{1,3})\s*(?:岁|歲)\s*(?:及|或)?以下"
    r"|aged\s+(?P<emax>\d{1,3})\s*(?:and|or)\s*(?:below|under|younger)"
)
#: 6大重点领域, 六大行动: "N major ..." counts the items of a list.
_MAJOR = re.compile(
    r"(?P<n>\d{1,2}|[二三四五六七八九十]{1,2})大(?![于约幅量型学会小])(?=[\u4e00-\u9fff])"
)
#: A rate per 10,000 workers (robot density): 每万名工人392台 before the number, ...
_PER_10K = re.compile(
    r"每[万萬]名(?:产业|產業|制造业|製造業)?(?:工人|员工|員工|职工|職工)"
    r"|per 10,000 (?:manufacturing |industrial )?(?:workers|employees)\s*$"
)
#: ... or after it: 392台/万人, "470 units per 10,000 employees", "among each 10,000 workers".
_PER_10K_AFTER = re.compile(
    r"\s*(?:/\s*[万萬](?:名工)?人|(?:per|among each|for every|for each|in every)\s+10,000\s+"
    r"(?:[a-z]+\s+)?(?:workers|employees))",
    re.IGNORECASE,
)
#: The base of a rate, not a statistic: "per 10,000 employees", "each 10,000 workers".
_RATE_BASE_BEFORE = re.compile(r"\b(?:per|each|every)\s+$", re.IGNORECASE)
#: English verbs that state a strict lower bound the number parser does not read.
_EXCEED = re.compile(
    r"\b(?:exceed|exceeds|exceeded|surpass|surpasses|surpassed|top|tops|topped|pass|passes"
    r"|passed)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: 三千余家, 八百多个: a count in hundreds or thousands written in Chinese numerals.
_HUNDREDS_CN = re.compile(r"[一二两兩三四五六七八九][百千]")
_COUNTER_AFTER = re.compile(
    r"\s*[余餘多]?\s*(?:个|個|家|人|项|項|所|款|座|台|套|名|户|戶|条|條|种|種|件|位|处|處|元|起|次)"
)
#: A threshold that defines what is counted, inside a noun phrase: 营业收入超百亿元的企业
#: (…20家), "companies with revenue above 1 billion yuan".
_THRESHOLD_AFTER_CN = re.compile(r"^\s*(?:以上|以下|及以上|及以下)?\s*的\s*[\u4e00-\u9fff“\"]")
_THRESHOLD_BEFORE_EN = re.compile(
    # "firms with at least 50 employees": the noun may follow the number
    r"\b(?:with|whose|having)\s+(?:(?:(?:an?|the|annual|yearly|total)\s+)*[a-z-]+"
    r"(?:\s+[a-z-]+){0,2}\s+(?:of\s+)?)?(?P<bound>(?:above|over|more\s+than|exceeding|at\s+least|no\s+less\s+than"
    r"|below|under|less\s+than)\s+)?$",
    re.IGNORECASE,
)

#: Computing power: a number of FLOPS (850EFLOPS, 2.3 PFLOPS, 197百亿亿次/秒(EFLOPS), 1,300
#: petaflops). The rate word (/秒) and a bracketed unit after it belong to the statement.
_COMPUTE = re.compile(
    r"(?<![A-Za-z0-9.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>(?:[EPTZ]?FLOPS|[EPTZ]?Flops|exaflops|petaflops)\b|百亿亿次|百億億次|千万亿次|千萬億次)"
    r"(?:\s*(?:/|每)\s*秒)?(?:\s*[（(]\s*[EP]FLOPS\s*[)）])?"
)
#: A computing-power unit word with no number before it (每秒百亿亿次浮点运算: a definition).
_COMPUTE_WORD = re.compile(r"百亿亿次|百億億次|千万亿次|千萬億次")
#: A class of size, not a statistic: 万卡级 (ten-thousand-card class), 千亿级, 百万吨级.
_CLASS_AFTER = re.compile(r"\s*[卡台人吨瓦噸]?\s*[级級]")
#: English verbs after which a bare number is a count ("reached 142", "rose to 3,200").
_EN_VERB = re.compile(
    r"\b(?:reached|reaches|reach|hit|hits|totaled|totalled|totals|totaling|totalling|numbered"
    r"|numbers|stood at|stands at|rose to|risen to|grew to|climbed to|increased to|jumped to"
    r"|fell to|dropped to|declined to|decreased to)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AgeBand:
    start: int
    end: int
    low: int | None
    high: int | None

    @property
    def notation(self) -> str:
        low = "" if self.low is None else self.low
        return f"{low}-{'' if self.high is None else self.high}"


@dataclass
class Mention:
    """One quantitative statement: the span of its value text and how it reads."""

    start: int  # value text span in the whole file text
    end: int
    value_text: str
    quantity: Quantity
    unit: str | None  # unit kind; None when the caller must infer it (bare number)
    qualifier: str | None = None  # a qualifier the parser did not read (exceed ...)
    qualifier_reading: tuple[str, str] | None = None
    rank: bool = False
    age: AgeBand | None = None
    goal_only: bool = False  # 6大重点领域: a count of list items, a fact only as a goal
    unit_text: str | None = None  # a unit the parser does not read (EFLOPS), kept as text

    @property
    def value(self) -> Decimal:
        return self.quantity.value


def age_bands(layout: Layout) -> list[AgeBand]:
    bands = []
    for match in _AGE_BAND.finditer(layout.folded, layout.body_start):
        if layout.fact_text[match.start()].isspace():
            continue
        g = match.groupdict()
        low = (
            g.get("lo") or g.get("ylo") or g.get("blo") or g.get("min") or g.get("cmin")
            or g.get("emin") or g.get("emin2") or g.get("elo")
        )  # fmt: skip
        high = (
            g.get("hi") or g.get("yhi") or g.get("bhi") or g.get("max") or g.get("ehi")
            or g.get("emax")
        )  # fmt: skip
        bands.append(
            AgeBand(
                match.start(), match.end(), int(low) if low else None, int(high) if high else None
            )
        )
    return bands + _named_groups(layout, bands)


#: An age group named by a word (老年人, 老年网民, 未成年人, "older people"), and the band a text
#: gives it where it states one right before the word (60岁及以上老年人, "aged 60 and above, the
#: elderly").
AGE_GROUP_WORDS = re.compile(
    r"老年|老人|未成年|青少年|\b(?:the\s+)?elderly\b|\bseniors\b|\bolder (?:people|adults)\b"
)
_BAND_THEN_GROUP = re.compile(r"^\s*(?:的|,|，)?\s*$")


def _named_groups(layout: Layout, bands: list[AgeBand]) -> list[AgeBand]:
    """The age group words of a text that defines them by a band (60岁及以上老年人 … 老年网民中…
    的比例): each later use of the word is that band (a word the text does not define is not
    read: 老年 has no band of its own)."""
    folded = layout.folded
    defined: dict[str, AgeBand] = {}
    used = []
    for match in AGE_GROUP_WORDS.finditer(folded, layout.body_start):
        before = [b for b in bands if b.end <= match.start()]
        if before and _BAND_THEN_GROUP.match(folded[before[-1].end : match.start()]):
            defined.setdefault(match.group(), before[-1])
        elif match.group() in defined:
            used.append(match)
    out = []
    for match in used:
        band = defined[match.group()]
        out.append(AgeBand(match.start(), match.end(), band.low, band.high))
    return out


def _longest_parse(text: str, start: int, stop: int, english: bool) -> tuple[int, Quantity] | None:
    """The longest span ``text[start:end]`` (end <= stop) that parses; (end, quantity)."""
    ends = list(range(stop, start, -1))
    if english:
        found = list(re.finditer(r"[A-Za-z0-9%$]+\.?", text[start:stop]))
        ends = sorted(
            {m.end() + start for m in found}
            | {m.end() - 1 + start for m in found if m.group().endswith(".")},
            reverse=True,
        )
        ends = [e for e in ends if e > start] or [stop]
    for end in ends:
        piece = text[start:end]
        if not piece.strip() or piece != piece.rstrip():
            continue
        try:
            return end, parse_quantity(piece)
        except QuantityError:
            continue
    return None


def _extend_left(
    text: str, start: int, end: int, floor: int, english: bool
) -> tuple[int, Quantity] | None:
    """The longest leftward extension of ``text[start:end]`` that still parses."""
    if english:
        words = [m.start() for m in re.finditer(r"\S+", text[floor:start])][-4:]
        # a bracketed conversion "(about 16.8 billion U.S. dollars)" starts inside the bracket,
        # a quotation ("About 40 percent of our orders …") inside the quotation mark
        starts = [floor + s + (1 if text[floor + s] in "([\"“‘'" else 0) for s in words]
    else:
        starts = list(range(max(floor, start - 8), start))
    for begin in starts:
        piece = text[begin:end]
        if "\n" in piece or piece != piece.lstrip():
            continue
        try:
            return begin, parse_quantity(piece)
        except QuantityError:
            continue
    return None


class _Scan:
    """The mentions found so far, and the spans no further mention may overlap."""

    def __init__(self, layout: Layout, blocked: list[tuple[int, int]]) -> None:
        self.layout, self.text, self.fact = layout, layout.text, layout.fact_text
        self.bands = age_bands(layout)
        self.mentions: list[Mention] = []
        # the blocked spans and those of the mentions found
        self.taken: Spans[None] = Spans((a, b, None) for a, b in blocked)
        for band in self.bands:
            self.taken.add(band.start, band.end, None)

    def free(self, lo: int, hi: int) -> bool:
        return not self.taken.overlaps(lo, hi)

    def add(self, mention: Mention, span: tuple[int, int]) -> None:
        self.mentions.append(mention)
        self.taken.add(*span, None)


def find_quantities(layout: Layout, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Every quantitative statement of the fact text, outside the ``blocked`` spans (periods)."""
    scan = _Scan(layout, blocked)
    _ranks(scan)
    _majors(scan)
    _computing_power(scan)
    numbers = [(m.start(), m.end(), False) for m in _ARABIC.finditer(scan.fact, layout.body_start)]
    numbers += [
        (m.start(), m.end(), True) for m in _CN_NUMERAL.finditer(scan.fact, layout.body_start)
    ]
    for start, end, chinese in sorted(numbers):
        if scan.free(start, end):
            _number(scan, start, end, chinese)
    mentions = sorted(scan.mentions, key=lambda m: m.start)
    return _drop_thresholds(layout, _drop_modifiers(layout, mentions))


def _ranks(scan: _Scan) -> None:
    """Ranks (位居全球第二)."""
    layout, text, fact = scan.layout, scan.text, scan.fact
    for match in _RANK.finditer(layout.folded, layout.body_start):
        if fact[match.start("n")].isspace():
            continue
        lo, hi = match.start("n"), match.end("n")
        quantity = parse_quantity(text[lo:hi])
        scan.add(
            Mention(lo, hi, text[lo:hi], quantity, "rank", rank=True), (match.start(), match.end())
        )


def _majors(scan: _Scan) -> None:
    """ "N major …" (6大重点领域): the count of a list's items, drafted only as a goal's value."""
    layout, text, fact = scan.layout, scan.text, scan.fact
    for match in _MAJOR.finditer(layout.folded, layout.body_start):
        lo, hi = match.start("n"), match.end("n")
        if (
            fact[lo].isspace()
            or not scan.free(lo, hi)
            or re.search(r"第\s*$", fact[max(0, lo - 2) : lo])
        ):
            continue
        quantity = parse_quantity(text[lo:hi])
        scan.add(Mention(lo, hi, text[lo:hi], quantity, None, goal_only=True), (lo, hi))


def _computing_power(scan: _Scan) -> None:
    """Computing power (300 EFLOPS, 197百亿亿次/秒): read by the normalizer in the unit stated;
    a FLOPS unit the ontology has no unit for (TFLOPS) is a count with the unit kept as text."""
    layout, text = scan.layout, scan.text
    for match in _COMPUTE.finditer(scan.fact, layout.body_start):
        lo, hi = match.start("num"), match.end("num")
        if not scan.free(lo, match.end()):
            continue
        sentence = layout.sentence_at(lo)
        if sentence is None:
            continue
        english = not has_cjk(text[sentence.start : sentence.end])
        clause_lo = layout.clause_bounds(lo)[0]
        floor = max(clause_lo, layout.body_start)
        end = match.end("unit")
        unit_text: str | None = None
        try:
            quantity = parse_quantity(text[lo:end])
            value_end = end
        except QuantityError:
            quantity, value_end, unit_text = parse_quantity(text[lo:hi]), hi, match.group("unit")
        left = _extend_left(text, lo, value_end, floor, english)
        v_start = lo
        if left is not None:
            v_start, quantity = left
        unit = quantity.unit if unit_text is None else "count"
        value_text = text[v_start:value_end]
        mention = Mention(v_start, end, value_text, quantity, unit, unit_text=unit_text)
        scan.add(mention, (v_start, match.end()))
    for word in _COMPUTE_WORD.finditer(scan.fact, layout.body_start):
        if scan.free(word.start(), word.end()):
            scan.taken.add(word.start(), word.end(), None)


#: A magnitude word alone, in a word or idiom, not a number: 万物, 千家万户, 万卡, 万亿参数 (but
#: 超万个, 近万家 state a number).
_BARE_MAGNITUDE = re.compile(r"[万萬亿億]+")
_BARE_MAGNITUDE_NUMBER_BEFORE = re.compile(
    r"(?:超|逾|近|约|約|上|过|過|破|达|達|[零〇一二两兩三四五六七八九十百千多余餘])\s*$"
)
#: The counted things of a count of a text's own parts: 18项具体要求, 3个专栏, 7张工作清单
#: (任务 only as 重点任务 or 工作任务: a plan's or a work report's tasks, not 任务 in general).
_PLAN_PARTS_AFTER = re.compile(
    r"^\s*(?:[A-Za-z]{1,4})?\s*(?:具体|具體|重点|重點|主要|工作)?\s*(?:伦理要求|倫理要求|要求"
    r"|举措|舉措|措施|行动|行動|专栏|專欄|方向|清单|清單|协同发展地|協同發展地)"
    # 部署22项重点任务, 政府10项工作任务: a plan's or a work report's own tasks
    r"|^\s*(?:重点|重點|工作)\s*(?:任务|任務)"
)
#: A currency the normalizer does not read as yuan: 台幣5.28兆元 is TWD, not CNY.
_OTHER_CURRENCY_BEFORE = re.compile(r"(?:新?台[币幣]|NT\$)\s*$")
#: A ratio "1 in 6" (a restatement of a share), and a ranking bracket "top 10".
_ONE_IN = re.compile(r"^\s+in\s+\d{1,2}(?!\d)", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\d\s+in\s+$|\bthe\s+(?:[a-z]+\s+)?top\s+$", re.IGNORECASE)
#: A rounded figure followed by its precise value in brackets: 接近11亿人（10.9967亿人）.
_PRECISE_AFTER = re.compile(r"^\s*[（(]\s*\d")


def _number(scan: _Scan, start: int, end: int, chinese: bool) -> None:
    """The quantity that starts with the number at ``start:end``, unless it is no statistic."""
    layout, text, fact = scan.layout, scan.text, scan.fact
    before = fact[max(0, start - 3) : start]
    if (
        chinese
        and _BARE_MAGNITUDE.fullmatch(fact[start:end])
        and not _BARE_MAGNITUDE_NUMBER_BEFORE.search(before)
    ):
        return
    if _OTHER_CURRENCY_BEFORE.search(fact[max(0, start - 4) : start]):
        return
    one_in = _ONE_IN.match(fact[end : end + 8]) and end - start <= 2
    if one_in or _IN_BEFORE.search(fact[max(0, start - 20) : start]):
        return  # "1 in 6", "the global top 10"
    if re.search(r"第\s*$|每\s*$|/\s*$", before) or _RATE_BASE_BEFORE.search(
        fact[max(0, start - 7) : start]
    ):
        return
    if (
        chinese
        and not _MAGNITUDE_CN.search(fact[start:end])
        and not re.match(r"\s*(?:倍|个百分点|個百分點)", fact[end:])
        and not (_HUNDREDS_CN.search(fact[start:end]) and _COUNTER_AFTER.match(fact, end))
    ):
        return
    if _ORDINAL_AFTER.match(fact, end) or _CLASS_AFTER.match(fact, end):
        return
    sentence = layout.sentence_at(start)
    if sentence is None:
        return
    english = not has_cjk(text[sentence.start : sentence.end])
    clause_lo, clause_hi = layout.clause_bounds(start)
    stop = min(sentence.end, end + (60 if english else 12))
    if not english:
        stop = min(stop, clause_hi if clause_hi > end else stop)
    parsed = _longest_parse(text, start, stop, english)
    if parsed is None:
        return
    q_end, quantity = parsed
    if fact[start:q_end].strip() != text[start:q_end].strip():
        return  # runs into masked text
    if not _is_statistic(text, start, q_end, quantity, clause_lo, english):
        return
    unit = quantity.unit
    v_start = start
    # never into an age band before it ("aged 60 and above totaled 165 million")
    floor = max([clause_lo, layout.body_start] + [b.end for b in scan.bands if b.end <= start])
    left = _extend_left(text, start, q_end, floor, english)
    if left is not None:
        v_start, quantity = left
        unit = quantity.unit or unit  # a currency sign before it ("$220 million")
    qualifier = reading = None
    if english and not quantity.qualifier and _EXCEED.search(text[max(0, v_start - 30) : v_start]):
        qualifier = "more-than"
        reading = (
            "The verb before the number (exceed, surpass) is read as 'more than'.",
            "数字前的动词（exceed、surpass）按“超过”理解。",
        )
    mention = Mention(v_start, q_end, text[v_start:q_end], quantity, unit, qualifier, reading)
    if _PER_10K.search(text[max(0, v_start - 12) : v_start]) or _PER_10K_AFTER.match(text, q_end):
        mention.unit = "per_10k_workers"
    mention.age = next(
        (
            b
            for b in reversed(scan.bands)
            if layout.sentence_at(b.start) is sentence
            and b.end <= v_start
            and not any(b.end <= m.start < v_start for m in scan.mentions)
        ),
        None,
    )
    scan.add(mention, (v_start, q_end))


def _is_statistic(
    text: str, start: int, q_end: int, quantity: Quantity, clause_lo: int, english: bool
) -> bool:
    """Whether the quantity read at ``start:q_end`` is a statistic: not a duration that only
    frames a period, not a count of the text's parts, not a bare number in Chinese text."""
    after = text[q_end : q_end + 4]
    if quantity.unit in ("year", "month", "day"):
        if quantity.unit_text in ("日", "号", "號", "月"):
            return False
        if _FRAME_AFTER.match(after) or re.search(
            r"近\s*$|in\s+$|within\s+$|over\s+the\s+(?:past|last)\s+$",
            text[max(0, start - 15) : start],
        ):
            return False
        if not _DURATION_CUE.search(text[max(0, start - 6) : start]) and not quantity.qualifier:
            left = _extend_left(text, start, q_end, clause_lo, english)
            if left is None or not left[1].qualifier:
                return False
    if _PARTS_AFTER.match(text[q_end : q_end + 2]):
        return False
    if quantity.value <= 100 and _PLAN_PARTS_AFTER.match(text[q_end : q_end + 12]):
        return False  # 部署25项重点任务: the plan's own parts, not a statistic
    if _restated_in_brackets(text, q_end, quantity):
        return False  # 接近11亿人（10.9967亿人）: the bracket states the figure
    if (
        english
        and quantity.unit is None
        and quantity.multiplier == 1
        and 1900 <= quantity.value <= 2100
        and re.match(r"\s+[a-z]", text[q_end : q_end + 2])
    ):
        return False  # "the 2024 report": a year naming something, not a count
    if quantity.unit == "hour" and quantity.value == 24 and not quantity.qualifier:
        return False  # 7×24小时, "24 hours a day": around the clock, not a statistic
    if quantity.unit is None and quantity.multiplier == 1:
        if not english:
            return False
        nxt = text[q_end : q_end + 2]
        # "Japan with 432, while …": an item of an English list states its number bare
        verb = _EN_VERB.search(text[max(0, start - 20) : start]) or re.search(
            r"\bwith\s+$", text[max(0, start - 6) : start]
        )
        if not re.match(r"\s+[A-Za-z]", nxt) and not (
            verb and re.match(r"\s*(?:[.,;]|$)", text[q_end : q_end + 2])
        ):
            return False
    return True


def _restated_in_brackets(text: str, q_end: int, quantity: Quantity) -> bool:
    """Whether the quantity is a rounding of the one in brackets right after it (近11亿人
    （10.9967亿人）): within 5 %, in the same unit."""
    bracket = re.match(r"\s*[（(]([^（）()]{1,20})[)）]", text[q_end : q_end + 24])
    if bracket is None or not _PRECISE_AFTER.match(text[q_end : q_end + 4]):
        return False
    try:
        precise = parse_quantity(bracket.group(1))
    except QuantityError:
        return False
    same_unit = precise.unit == quantity.unit or None in (precise.unit, quantity.unit)
    return same_unit and abs(precise.value - quantity.value) <= precise.value / 20


def _drop_thresholds(layout: Layout, mentions: list[Mention]) -> list[Mention]:
    """Drop thresholds that define what another number of their clause counts.

    营业收入超百亿元的人工智能企业20家 (the number before 的 and a noun, the count after it);
    "20 companies with revenue above 1 billion yuan" (with/whose … above N, the count before).
    """
    text = layout.text
    clauses = [layout.clause_bounds(m.start) for m in mentions]
    by_clause: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for mention, clause in zip(mentions, clauses, strict=True):
        by_clause[clause].append(mention)
    kept = []
    for mention, clause in zip(mentions, clauses, strict=True):
        same = [m for m in by_clause[clause] if m is not mention]
        later = [m for m in same if m.start > mention.end]
        earlier = [m for m in same if m.end <= mention.start]
        if later and _THRESHOLD_AFTER_CN.match(text[mention.end : mention.end + 6]):
            continue
        if earlier and mention.quantity.unit == "hour" and has_cjk(text[clause[0] : clause[1]]):
            continue  # 约3千万成年人每天使用超过1小时: the hours define who is counted
        before = _THRESHOLD_BEFORE_EN.search(text[clause[0] : mention.start])
        if (
            earlier
            and before
            and not has_cjk(text[clause[0] : clause[1]])
            and (before.group("bound") or mention.quantity.qualifier)
        ):
            continue
        kept.append(mention)
    return kept


def _drop_modifiers(layout: Layout, mentions: list[Mention]) -> list[Mention]:
    """Drop small counts that only describe the subject of the next number in their clause."""
    kept = []
    for index, mention in enumerate(mentions):
        nxt = mentions[index + 1] if index + 1 < len(mentions) else None
        q = mention.quantity
        if (
            nxt is not None
            and mention.unit == "count"
            and q.qualifier is None
            and q.multiplier == 1
            and q.value <= 10
            and layout.clause_bounds(mention.start) == layout.clause_bounds(nxt.start)
        ):
            continue
        kept.append(mention)
    return kept


def is_person_subject(text: str) -> bool:
    return bool(_PERSON_WORDS.search(text.lower()))
