"""Normalize quantities written in Chinese (simplified and traditional) and English texts.

This is the single place in aikg where numbers are normalized and Chinese numerals are read
(:func:`arabic_numerals` rewrites the numerals of a name with the same parser).
`parse_quantity` reads one quantity such as ``超4500家``, ``接近6000亿元``, ``3.31億人`` or
``more than 700 billion yuan`` and returns its exact value in base units (`decimal.Decimal`,
never float), the unit kind, the magnitude word's factor and the qualifier with the bounds it
implies.  The graph stores the value; the text itself is kept as the quote.
The qualifier words and the bound each implies come from the one qualifier table,
:mod:`aikg.qualifiers`; writing a value back for people is :mod:`aikg.number_display`.

A text is read in this order, each part optional except the number; whitespace may separate
the parts and full-width forms (``６，０００``, ``％``) count as their ASCII twins::

    verb*  fall  prefix-qualifier  verb*  sign  currency  百分之  NUMBER  odd  magnitude  odd
    suffix-qualifier  unit  suffix-qualifier

Decisions on ambiguous wording (the rules the tests pin down):

- 突破 ("broke through") is *at-least*: the stated value was reached, inclusive.
- 余/餘 and 多 are the same qualifier, *odd* ("value and a bit more", exclusive lower bound),
  whether they follow the number (4500余家, 600多万) or the magnitude word (万余家).
- 兆 after Arabic digits is 10**12, as in Taiwan and Hong Kong texts (1.2兆元 is 1.2万亿元).
  Mainland texts use 兆 as mega: before a unit (兆瓦, 兆字节: not read here, so they raise) and
  in bandwidth tiers written with a Chinese numeral (百兆, 千兆, 万兆), which raise rather than
  read as 10**14 and up.  A bare 兆 after Arabic digits in a mainland text (100兆 for 100 Mbps)
  cannot be told apart: the caller must not pass it.
- 千 is a magnitude word (10**3) only after digits (3千).  Alone or inside a Chinese numeral
  it is a numeral: 逾千家 is 1000 with multiplier 1, 两千 is 2000 with multiplier 1.
- A Chinese numeral ending in 万/亿/万亿 that scopes the whole numeral carries that magnitude:
  三千五百万 and 万余家 have multiplier 10**4, 三万五千亿 10**8; 一亿二千万 has 1.
- "over", "above", "exceeding" are *more-than*; "under", "below" are *less-than*; "up to"
  is *at-most*.  以上/以下/以内 include the stated number (as in PRC legal usage).
- One qualifier per quantity; the same one twice (约…左右) is accepted, two different ones
  (超过4500家以上) raise.
- Colloquial abbreviations (一万五 for 15000, 三千五 for 3500) raise rather than guess.
- 元 always means CNY and 年 always a duration: the caller must not pass TWD amounts or
  dates.  Bare "dollars" raises (which dollar?); so do ranges (10-20%, 10至20).
- Rates and ratios (每万名工人470台, 5元/吨, 人均, "per capita", "per worker") raise: the
  caller models a rate as a quantity of one unit over a base quantity of another.
- Computing power keeps the unit the source states: EFLOPS (exaflops, 百亿亿次) and PFLOPS
  (petaflops, 千万亿次) are units, not magnitudes, and are not converted into each other
  (``197百亿亿次`` is 197 EFLOPS, not 1.97 * 10**12).  The rate form ``百亿亿次/秒`` raises like
  any rate: the caller passes the quantity without ``/秒``.
- HK$, 港元 and 港币 are Hong Kong dollars ("HKD"), never CNY; 元 alone stays CNY.
- After the number, a Chinese text may only hold one known unit or counter word (家, 个, 台,
  …); a noun after it (4500家企业) is left over and raises.  English has no counters, so a
  simple noun phrase is accepted: one to three words with no function word ("and", "of",
  "per", …), the last one a plural (ending in s, or people/children) or a known unit word.
  Its head decides the kind: people/users/workers… -> person, years -> year, anything else
  -> count.  Words for units this module does not model (euros, minutes, tonnes, points…) raise;
  hours (小时, "hours") are a unit, as in average weekly online time.
- Leading verbs (达, 为, 合计, reached, a total of …) state the value and are dropped.
- A fall written before the number (下降, 减少, 下滑, 回落, 降低, 下跌; fell, dropped, declined,
  decreased, down, "a decline of" …, with 了 or "by" after it) states a change, and its value is
  negative: 下降3.5% is -3.5 percent, 减少2.3万人 -23000 persons, "fell 27%" -27 percent (growth
  of -27 %, as statistics offices write a fall).  A fall *to* a value (降至, 下降到, 下降为,
  "fell to") states the level: not read here (至 / 到 / 为 / "to" is left over and raises; the
  caller passes the number alone, or 为 with it).  A fall with a bound (下降超过3%, "fell more
  than 27%") raises: the bound of a negated value points the other way, which the qualifier
  table does not say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from aikg.qualifiers import QUALIFIERS, bounds

__all__ = [
    "UNIT_ZH",
    "Quantity",
    "QuantityError",
    "arabic_numerals",
    "canonical",
    "is_integral",
    "parse_quantity",
    "unsupported_unit",
]


class QuantityError(ValueError):
    """The text is not one quantity this module can normalize; the message is one line."""


@dataclass(frozen=True)
class Quantity:
    """One normalized quantity.

    `surface` is the input unchanged; `value` the exact number in base units (6000亿元 ->
    600000000000, 23.5% -> 23.5: percent stays on the 0-100 scale); `unit` a kind key ("CNY",
    "USD", "HKD", "EFLOPS", "PFLOPS", "percent", "percentage_point", "times", "person",
    "person_time", "count", "year", "hour",
    "month", "day") or None; `unit_text` the unit as written without the magnitude word ("元",
    "家", "yuan", "" when none); `multiplier` the magnitude word's factor (1 when none);
    `qualifier` one of "more-than", "at-least", "odd", "nearly", "about", "less-than",
    "at-most" or None; the bounds are the ones that qualifier implies, else None/False;
    `decimals` the digits written after the decimal point, trailing zeros included (3.80億 -> 2,
    73.0% -> 1): the value drops them, the precision keeps them.
    """

    surface: str
    value: Decimal
    unit: str | None
    unit_text: str
    multiplier: int
    qualifier: str | None
    min_value: Decimal | None
    max_value: Decimal | None
    min_exclusive: bool
    max_exclusive: bool
    # how the number was written, not what it is: two readings of one value compare equal
    decimals: int = field(default=0, compare=False)


# --- phrase tables -------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    """Split a ``|``-separated list of phrases."""
    return tuple(text.split("|"))


def _table(groups: dict[str, Iterable[str]]) -> dict[str, str]:
    """Invert ``{code: phrases}`` into ``{phrase: code}``."""
    return {phrase: code for code, phrases in groups.items() for phrase in phrases}


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """Match any of `phrases`, longest first, ignoring case.

    English words must end at a word boundary; a space in a phrase matches any whitespace.
    """
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = r"\s+".join(map(re.escape, phrase.split(" ")))
        if phrase[-1].isascii() and phrase[-1].isalpha():
            body += "(?![a-z])"
        parts.append(body)
    return re.compile("|".join(parts), re.IGNORECASE)


def _key(matched: str) -> str:
    """The table key of a matched phrase: lower case, single spaces, no joining hyphen."""
    return " ".join(matched.lower().split()).lstrip("-")


_PREFIX_QUALIFIERS = _table({q.notation: _words(q.before) for q in QUALIFIERS.values() if q.before})
_SUFFIX_QUALIFIERS = _table({q.notation: _words(q.after) for q in QUALIFIERS.values() if q.after})
_VERBS = _words(
    "达到|達到|达|達|为|為|是|共计|共計|合计|合計|共|累计|累計|总计|總計|高达|高達"
    "|reached|reaching|totalled|totaled|totalling|totaling|a total of|amounted to|stood at"
)
#: Words for a fall, before the number (a change, negative); 了 / "by" may follow them.
_FALLS = _words(
    "下降了|下降|减少了|减少|減少了|減少|下滑了|下滑|回落了|回落|降低了|降低|下跌了|下跌"
    "|fell by|fell|dropped by|dropped|declined by|declined|decreased by|decreased|down by|down"
    "|a decline of|a decrease of|a drop of|a fall of"
)
_CURRENCIES = _table(
    {"USD": _words("$|us$|usd"), "CNY": _words("rmb|cny|人民币|人民幣"), "HKD": _words("hk$|hkd")}
)
_MAGNITUDES = {
    **dict.fromkeys(_words("万亿|萬億|兆|trillion"), 12),
    **dict.fromkeys(_words("千亿|千億"), 11),
    **dict.fromkeys(_words("百亿|百億"), 10),
    **dict.fromkeys(_words("十亿|十億|billion|bln|bn"), 9),
    **dict.fromkeys(_words("亿|億"), 8),
    **dict.fromkeys(_words("千万|千萬"), 7),
    **dict.fromkeys(_words("百万|百萬|million|mln"), 6),
    **dict.fromkeys(_words("十万|十萬"), 5),
    **dict.fromkeys(_words("万|萬"), 4),
    **dict.fromkeys(_words("千|thousand"), 3),
}
_COUNTERS = tuple(
    "家个個台臺起张張项項部座款件条條所种種类類块塊次户戶辆輛篇份批只隻架艘枚颗顆"
    "套处處场場例支栋棟间間本册冊首门門届屆期轮輪片棵株头頭匹宗笔筆"
)
_UNITS = _table(
    {
        "percent": _words("%|percent|per cent|per-cent|-percent|-per-cent"),
        "percentage_point": _words(
            "个百分点|個百分點|百分点|百分點|percentage point|percentage points|pp|pps"
        ),
        "times": _words("倍|times|fold|-fold"),
        "CNY": _words("元人民币|元人民幣|人民币|人民幣|元|yuan|rmb|cny|renminbi"),
        "USD": _words("美元|us dollars|u.s. dollars|usd"),
        "HKD": _words("港元|港币|港幣|hong kong dollars|hk dollars|hkd"),
        # computing power, in the unit the source states (values are not converted)
        "EFLOPS": _words("eflops|exaflops|百亿亿次|百億億次"),
        "PFLOPS": _words("pflops|petaflops|千万亿次|千萬億次"),
        "person_time": _words("人次|person-times|person times"),
        "person": _words("人|名|位|用户|用戶|网民|網民"),
        "month": _words("个月|個月"),
        "year": _words("年"),
        "day": _words("天|日"),
        "hour": _words("小时|小時|hours|hour"),
        "count": _COUNTERS,
    }
)
# Heads of English noun phrases that name a kind other than "count".
_HEADS = _table(
    {
        "person": _words(
            "people|persons|person|individuals|individual|users|user|residents|workers"
            "|employees|students|children|netizens|professionals|talents|engineers|researchers"
            "|scientists|developers|specialists|experts"
        ),
        "year": _words("years|year"),
        "month": _words("months|month"),
        "day": _words("days|day"),
        "hour": _words("hours|hour"),
    }
)
_UNSUPPORTED_WORDS = frozenset(
    _words(
        "dollar|dollars|euro|euros|pound|pounds|yen|won|rupee|rupees|franc|francs|point|points"
        "|bp|bps|basis|minute|minutes|mins|second|seconds|secs|week|weeks|decade"
        "|decades|quarter|quarters|century|centuries|ton|tons|tonne|tonnes|kg|kilogram"
        "|kilograms|gram|grams|metre|metres|meter|meters|km|kilometre|kilometres|kilometer"
        "|kilometers|mile|miles|hectare|hectares|acre|acres|watt|watts|kilowatts|megawatts"
        "|gigawatts|kwh|barrels|litres|liters|gallons|bytes|gigabytes|terabytes|petabytes"
        "|flops|teraflops"
    )
)


def unsupported_unit(text: str) -> str | None:
    """The unit word ``text`` starts with when it is one this module does not model (minutes,
    euros, tonnes …), else None: a number followed by it measures that unit.

    Example:
        >>> unsupported_unit(" tonnes of grain"), unsupported_unit(" users")
        ('tonnes', None)
    """
    words = text.split(None, 1)
    word = words[0].strip(".,;:").lower() if words else ""
    return word if word in _UNSUPPORTED_WORDS else None


_FUNCTION_WORDS = frozenset(
    _words(
        "a|an|and|as|at|by|each|every|for|from|in|into|is|it|its|of|on|or|per|plus|minus"
        "|than|that|the|this|to|was|were|with|more|less|fewer|over|under|above|below|up"
        "|year-on-year|yoy"
    )
)

# --- number syntax -------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_WAN, _YI = "万萬", "亿億"
_EN_ONES = _words("one|two|three|four|five|six|seven|eight|nine")
_EN_TEENS = _words(
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_EN_TENS = _words("twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_EN_VALUES = {word: n for n, word in enumerate(("zero", *_EN_ONES, *_EN_TEENS))}
_EN_VALUES |= {word: 20 + 10 * n for n, word in enumerate(_EN_TENS)}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_EN_BELOW_100 = (
    f"(?:{_alternatives(_EN_TENS)})(?:-(?:{_alternatives(_EN_ONES)}))?"
    f"|{_alternatives(('zero', *_EN_ONES, *_EN_TEENS))}"
)
_EN_NUMBER = re.compile(
    rf"(?:(?:{_alternatives(_EN_ONES)})\s+hundred(?:\s+(?:and\s+)?(?:{_EN_BELOW_100}))?"
    rf"|{_EN_BELOW_100})(?![a-z])",
    re.IGNORECASE,
)
_ARABIC = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9]|[.,][0-9])")
_CN_DECIMAL = re.compile("([零〇一二两兩三四五六七八九十百千]+)[点點]([零〇一二三四五六七八九]+)")
_CN_INTEGER = re.compile("[零〇一二两兩三四五六七八九十百千万萬亿億]+")
_DIGIT = re.compile("[0-9]")
_ARABIC_START = re.compile(r"\s*[0-9]")
_BIG_UNIT = re.compile(f"[{_WAN}{_YI}]")
_NUMBER_CHAR = re.compile("[0-9零〇一二两兩三四五六七八九十百千万萬亿億]")

_SIGN = re.compile("[+-]")
_PERCENT_PREFIX = re.compile("百分之")
_ODD = re.compile("[余餘多]|-?odd(?![a-z])", re.IGNORECASE)
_WORD = re.compile("[a-z][a-z'-]*", re.IGNORECASE)
_RATE = re.compile(r"每|/|人均|\bper\b(?!\s*-?\s*cent)", re.IGNORECASE)
_PREFIX_QUALIFIER_RE = _phrases(_PREFIX_QUALIFIERS)
_SUFFIX_QUALIFIER_RE = _phrases(_SUFFIX_QUALIFIERS)
_VERB_RE = _phrases(_VERBS)
_FALL_RE = _phrases(_FALLS)
_CURRENCY_RE = _phrases(_CURRENCIES)
# not the 百亿/千万 that starts a computing-power unit (197百亿亿次 is 197 EFLOPS)
_MAGNITUDE_RE = re.compile(
    r"(?!百亿亿次|百億億次|千万亿次|千萬億次)(?:" + _phrases(_MAGNITUDES).pattern + ")",
    re.IGNORECASE,
)
_UNIT_RE = _phrases(_UNITS)

# Full-width ASCII and odd spaces/minus signs, one character for one so spans stay aligned.
_WIDTH: dict[int, int | str] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH |= {0x3000: " ", 0x00A0: " ", 0x2212: "-"}


# --- decimals ------------------------------------------------------------------------------


def is_integral(value: Decimal) -> bool:
    """True when `value` is a finite whole number (``Decimal("6E+11")``, ``Decimal("5.00")``)."""
    if not value.is_finite():
        return False
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return exponent >= 0 or not any(digits[exponent:])


def _plain(value: Decimal) -> Decimal:
    """The same number with exponent 0 if whole, else without trailing zeros; -0 becomes 0.

    Works on the digit tuple, so it is exact whatever the decimal context's precision.
    """
    sign, digit_tuple, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if not any(digit_tuple):
        return Decimal(0)
    digits = list(digit_tuple)
    if exponent > 0:
        digits += [0] * exponent
        exponent = 0
    while exponent < 0 and digits[-1] == 0:
        digits.pop()
        exponent += 1
    return Decimal((sign, tuple(digits), exponent))


def canonical(value: Decimal) -> str:
    """XSD 1.1 canonical decimal: ``600000000000``, ``23.5``, ``0.05``, ``-3``; never ``6E+11``."""
    if not value.is_finite():
        raise ValueError(f"{value} has no xsd:decimal form")
    return format(_plain(value), "f")


def _shift(value: Decimal, exponent: int) -> Decimal:
    """``value * 10**exponent``, exactly."""
    sign, digits, own = value.as_tuple()
    assert isinstance(own, int)
    return Decimal((sign, digits, own + exponent))


# --- Chinese and English numerals ----------------------------------------------------------


def _cn_section(text: str, leading: bool) -> int:
    """Value of a numeral below 10**4 (三千零五, 二十三); `leading` if it starts the number."""
    if text in ("零", "〇"):
        return 0
    total, digit, last_unit, zero = 0, None, None, False
    for index, char in enumerate(text):
        if char in _CN_UNITS:
            unit = _CN_UNITS[char]
            if last_unit is not None and (unit >= last_unit or (zero and unit * 10 >= last_unit)):
                raise QuantityError(f"place values out of order in Chinese numeral {text!r}")
            if digit is None:
                if not (leading and index == 0):
                    raise QuantityError(f"{char!r} lacks its digit in Chinese numeral {text!r}")
                digit = 1
            total, digit, last_unit, zero = total + digit * unit, None, unit, False
        elif _CN_DIGITS[char] == 0:
            if digit is not None or zero or (leading and index == 0):
                raise QuantityError(f"misplaced zero in Chinese numeral {text!r}")
            zero = True
        elif digit is not None:
            raise QuantityError(f"two digits in a row in Chinese numeral {text!r}")
        else:
            digit = _CN_DIGITS[char]
    if digit is not None:
        if last_unit not in (None, 10) and not zero:
            raise QuantityError(f"abbreviated Chinese numeral {text!r} is ambiguous")
        if zero and last_unit == 10:
            raise QuantityError(f"misplaced zero in Chinese numeral {text!r}")
        total += digit
    elif zero:
        raise QuantityError(f"misplaced zero in Chinese numeral {text!r}")
    return total


def _cn_integer(text: str, leading: bool = True) -> int:
    """Value of a Chinese integer numeral with 万/亿 sections (一亿零五百万, 三万五千亿)."""
    for chars, factor in ((_YI, 10**8), (_WAN, 10**4)):
        cut = max(text.rfind(char) for char in chars)
        if cut < 0:
            continue
        high, low = text[:cut], text[cut + 1 :]
        if any(char in chars for char in high):
            raise QuantityError(f"repeated {text[cut]!r} in Chinese numeral {text!r}")
        if not high and not leading:
            raise QuantityError(f"{text[cut]!r} lacks its digit in Chinese numeral {text!r}")
        if len(low) == 1 and low not in _CN_UNITS:
            raise QuantityError(f"abbreviated Chinese numeral {text!r} is ambiguous")
        high_value = _cn_integer(high, leading) if high else 1
        return high_value * factor + (_cn_integer(low, leading=False) if low else 0)
    return _cn_section(text, leading)


def _cn_exponent(text: str) -> int:
    """Exponent of the 万/亿/万亿 that ends `text` and scopes all of it, else 0."""
    if text[-2:-1] in tuple(_WAN) and text[-1] in _YI and not _BIG_UNIT.search(text[:-2]):
        return 12
    if text[-1] in _YI and not any(char in _YI for char in text[:-1]):
        return 8  # 三万五千亿: the 万 inside is scoped by the 亿
    if text[-1] in _WAN and not _BIG_UNIT.search(text[:-1]):
        return 4
    return 0


def _en_integer(text: str) -> int:
    """Value of an English number below a thousand written in words (two hundred and five)."""
    total = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "hundred":
            total *= 100
        elif word != "and":
            total += _EN_VALUES[word]
    return total


_CN_DIGIT_RUN = re.compile("[零〇一二三四五六七八九]{2,}")
_CN_DIGIT_OR_TEN = re.compile("[零〇一二两兩三四五六七八九十]")


def _arabic(match: re.Match[str]) -> str:
    run = match.group()
    if run in ("两", "兩") or not _CN_DIGIT_OR_TEN.search(run):
        return run  # 两会, 万物, 千帆: not a number on its own
    if _CN_DIGIT_RUN.fullmatch(run):
        return "".join(str(_CN_DIGITS[char]) for char in run)  # 二〇二五: digit by digit
    try:
        return str(_cn_integer(run))
    except QuantityError:
        return run  # 十四五, 一万五: no well-formed numeral


def arabic_numerals(text: str) -> str:
    """``text`` with each Chinese integer numeral in it written in Arabic digits.

    For comparing names (第五十五次 and 第55次 name the same report). A run of digits without
    place values is read digit by digit (二〇二五年); a run that is no well-formed numeral by
    the rules above (十四五, the colloquial 一万五), 两 alone and a magnitude word alone (万物)
    stay as written.

    >>> arabic_numerals("第五十五次全国互联网发展统计报告")
    '第55次全国互联网发展统计报告'
    >>> arabic_numerals("二〇二五年")
    '2025年'
    >>> arabic_numerals("“十四五”规划与两会")
    '“十四五”规划与两会'
    """
    return _CN_INTEGER.sub(_arabic, text)


# --- the scanner ---------------------------------------------------------------------------


class _Scanner:
    """Reads `text` left to right; every token may be preceded by whitespace."""

    def __init__(self, surface: str, text: str) -> None:
        self.surface = surface
        self.text = text
        self.pos = 0

    def take(self, pattern: re.Pattern[str], spaced: bool = False) -> re.Match[str] | None:
        """Match `pattern` at the next token (after whitespace, required if `spaced`)."""
        start = self.pos
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        if spaced and start == self.pos:
            return None
        match = pattern.match(self.text, start)
        if match:
            self.pos = match.end()
        return match

    def written(self, match: re.Match[str]) -> str:
        """The surface text of `match`, as the author wrote it."""
        return self.surface[match.start() : match.end()]

    def rest(self) -> str:
        return self.surface[self.pos :].strip()


def _take_number(scanner: _Scanner) -> tuple[Decimal, int] | None:
    """The next number as (coefficient, exponent of the magnitude inside the numeral)."""
    if match := scanner.take(_ARABIC):
        return Decimal(match.group().replace(",", "")), 0
    if match := scanner.take(_CN_DECIMAL):
        whole, fraction = match.groups()
        digits = "".join(str(_CN_DIGITS[char]) for char in fraction)
        return Decimal(f"{_cn_section(whole, leading=True)}.{digits}"), 0
    if match := scanner.take(_CN_INTEGER):
        exponent = _cn_exponent(match.group())
        return Decimal(_cn_integer(match.group()) // 10**exponent), exponent
    if match := scanner.take(_EN_NUMBER):
        return Decimal(_en_integer(match.group())), 0
    return None


def _take_unit(scanner: _Scanner) -> tuple[str | None, str]:
    """The unit kind and its written text, or (None, "") when no unit follows."""
    if match := scanner.take(_UNIT_RE):
        return _UNITS[_key(match.group())], scanner.written(match).lstrip("-")
    start = scanner.pos
    words: list[re.Match[str]] = []
    while len(words) < 3 and (match := scanner.take(_WORD, spaced=True)):
        if match.group().lower() in _FUNCTION_WORDS:
            scanner.pos = start if not words else words[-1].end()
            break
        words.append(match)
    if not words:
        return None, ""
    phrase = scanner.surface[words[0].start() : words[-1].end()]
    lowered = [word.group().lower() for word in words]
    if unsupported := [word for word in lowered if word in _UNSUPPORTED_WORDS]:
        raise QuantityError(f"unsupported unit {unsupported[0]!r}")
    head = lowered[-1]
    if head in _HEADS:
        return _HEADS[head], phrase
    if head.endswith("s") and not head.endswith("ss"):
        return "count", phrase
    raise QuantityError(f"cannot read {phrase!r} as a unit or a plural noun")


def _take_suffix_qualifier(scanner: _Scanner, qualifiers: list[str]) -> None:
    if match := scanner.take(_SUFFIX_QUALIFIER_RE):
        qualifiers.append(_SUFFIX_QUALIFIERS[_key(match.group())])


def _parse(surface: str) -> Quantity:
    text = surface.translate(_WIDTH)
    if not text.strip():
        raise QuantityError("empty text")
    if rate := _RATE.search(text):
        raise QuantityError(
            f"rate or ratio ({rate.group()!r}): rate units are modelled by the caller "
            "as a quantity over a base quantity"
        )
    scanner = _Scanner(surface, text)
    qualifiers: list[str] = []
    while scanner.take(_VERB_RE):
        pass
    fall = scanner.take(_FALL_RE)
    if prefix := scanner.take(_PREFIX_QUALIFIER_RE):
        qualifiers.append(_PREFIX_QUALIFIERS[_key(prefix.group())])
        while scanner.take(_VERB_RE):
            pass
    sign = scanner.take(_SIGN)
    currency = scanner.take(_CURRENCY_RE)
    percent = scanner.take(_PERCENT_PREFIX)
    number_start = scanner.pos
    number = _take_number(scanner)
    if number is None:
        if prefix:
            raise QuantityError(f"qualifier {prefix.group()!r} has no number after it")
        if scanner.take(_DIGIT):
            raise QuantityError("malformed digits (thousands groups of three, one decimal point)")
        if _NUMBER_CHAR.search(text):
            raise QuantityError(f"unrecognised text before the number: {scanner.rest()!r}")
        raise QuantityError("no number")
    coefficient, exponent = number
    arabic = _ARABIC_START.match(text, number_start) is not None
    if scanner.take(_ODD):
        qualifiers.append("odd")
    if match := scanner.take(_MAGNITUDE_RE):
        if match.group() == "兆" and not arabic:
            raise QuantityError("兆 after a Chinese numeral is ambiguous (千兆 is mega)")
        exponent += _MAGNITUDES[_key(match.group())]
    if "odd" not in qualifiers and scanner.take(_ODD):
        qualifiers.append("odd")
    _take_suffix_qualifier(scanner, qualifiers)
    unit, unit_text = _take_unit(scanner)
    _take_suffix_qualifier(scanner, qualifiers)

    if rest := scanner.rest():
        if _NUMBER_CHAR.search(rest):
            raise QuantityError(
                f"more than one number (ranges and lists are not quantities): {rest!r}"
            )
        raise QuantityError(f"unsupported unit or trailing text {rest!r}")
    if currency:
        kind = _CURRENCIES[_key(currency.group())]
        if unit is None:
            unit, unit_text = kind, scanner.written(currency)
        elif unit != kind:
            raise QuantityError(f"currency {currency.group()!r} contradicts unit {unit_text!r}")
    if percent:
        if unit is not None:
            raise QuantityError(f"百分之 contradicts unit {unit_text!r}")
        unit, unit_text = "percent", scanner.written(percent)
    if len(set(qualifiers)) > 1:
        raise QuantityError(f"conflicting qualifiers {sorted(set(qualifiers))}")

    written = coefficient.as_tuple().exponent
    decimals = -written if isinstance(written, int) and written < 0 else 0
    value = _shift(coefficient, exponent)
    if sign and fall:
        raise QuantityError(f"a fall ({fall.group()!r}) of a signed number")
    if (sign and sign.group() == "-") or fall:
        value = value.copy_negate()
    value = _plain(value)
    qualifier = qualifiers[0] if qualifiers else None
    limits = bounds(qualifier, value)
    if fall and (limits[0] is not None or limits[1] is not None):
        raise QuantityError(f"a fall ({fall.group()!r}) with a bound ({qualifier})")
    return Quantity(
        surface,
        value,
        unit,
        unit_text,
        10**exponent,
        qualifier,
        *limits,
        decimals=decimals,
    )


def parse_quantity(text: str) -> Quantity:
    """Normalize one written quantity, e.g. ``超1.75亿张`` or ``more than 30 million users``.

    Raises QuantityError, with a one-line message, for text that is not exactly one quantity.

    Example:
        >>> q = parse_quantity("超1.75亿张")
        >>> q.value, q.unit, q.unit_text, q.qualifier, q.min_exclusive
        (Decimal('175000000'), 'count', '张', 'more-than', True)
        >>> q = parse_quantity("more than 30 million users")
        >>> q.value, q.unit, q.qualifier
        (Decimal('30000000'), 'person', 'more-than')
        >>> [(q.value, q.unit) for q in map(parse_quantity, ("246 EFLOPS", "197百亿亿次"))]
        [(Decimal('246'), 'EFLOPS'), (Decimal('197'), 'EFLOPS')]
        >>> q = parse_quantity("HK$3 billion")
        >>> q.value, q.unit, q.unit_text
        (Decimal('3000000000'), 'HKD', 'HK$')
        >>> parse_quantity("nearly 300,000 professionals").unit
        'person'
        >>> parse_quantity("下降3.5%").value, parse_quantity("fell 27 percent").value
        (Decimal('-3.5'), Decimal('-27'))
        >>> parse_quantity("abc")
        Traceback (most recent call last):
        ...
        aikg.numbers.QuantityError: not a quantity: 'abc': no number
    """
    try:
        return _parse(text)
    except QuantityError as error:
        raise QuantityError(f"not a quantity: {text!r}: {error}") from None


def precision(quantity: Quantity) -> Decimal:
    """The place value of the last stated digit, in normalized units.

    ``2.49亿`` -> 1000000, ``23.5%`` -> 0.1, ``6000亿元`` -> 100000000, ``4500`` -> 1. Trailing
    zeros count as stated digits, so the result is the finest reading: those of a whole number
    (6000 -> 1) and those written after the decimal point (``3.80億`` -> 1000000, not 10**7;
    ``73.0%`` -> 0.1, not 1), which the value drops and `Quantity.decimals` keeps.

    Example:
        >>> [canonical(precision(parse_quantity(t))) for t in ("3.80億", "3.8億", "73.0%")]
        ['1000000', '10000000', '0.1']
    """
    stated = quantity.value / Decimal(quantity.multiplier)
    exponent = stated.as_tuple().exponent
    places = max(-exponent if isinstance(exponent, int) and exponent < 0 else 0, quantity.decimals)
    return _plain(Decimal(1).scaleb(-places) * quantity.multiplier)


#: Chinese unit words by unit kind (counts take none: the variable says what is counted).
UNIT_ZH: dict[str, str] = {
    "CNY": "元",
    "USD": "美元",
    "HKD": "港元",
    "EFLOPS": " EFLOPS",
    "PFLOPS": " PFLOPS",
    "percent": "%",
    "percentage_point": "个百分点",
    "times": "倍",
    "person": "人",
    "person_time": "人次",
    "year": "年",
    "month": "个月",
    "day": "天",
    "hour": "小时",
}
