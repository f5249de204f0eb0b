"""Tests for aikg.numbers: real quantities from Chinese and English policy texts."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from decimal import Decimal, localcontext
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aikg.number_display import chinese_quantity
from aikg.numbers import (
    Quantity,
    QuantityError,
    arabic_numerals,
    canonical,
    is_integral,
    parse_quantity,
    precision,
)


class Case(NamedTuple):
    text: str
    value: str  # canonical form of the expected value
    unit: str | None
    unit_text: str
    multiplier: int
    qualifier: str | None = None
    bound: str = ""  # ">" strict lower, ">=" lower, "<" strict upper, "<=" upper, "" none


E4, E8 = 10**4, 10**8

CASES = [
    # Chinese, simplified
    Case("超4500家", "4500", "count", "家", 1, "more-than", ">"),
    Case("接近6000亿元", "600000000000", "CNY", "元", E8, "nearly", "<"),
    Case("约812亿元", "81200000000", "CNY", "元", E8, "about"),
    Case("合计约812亿元", "81200000000", "CNY", "元", E8, "about"),
    Case("504起", "504", "count", "起", 1),
    Case("35.65%", "35.65", "percent", "%", 1),
    Case("41.5%", "41.5", "percent", "%", 1),
    Case("23.5%", "23.5", "percent", "%", 1),
    Case("42.8%", "42.8", "percent", "%", 1),
    Case("7.2%", "7.2", "percent", "%", 1),
    Case("0.05%", "0.05", "percent", "%", 1),
    Case("+141.7%", "141.7", "percent", "%", 1),
    Case("-3%", "-3", "percent", "%", 1),
    Case("25.2个百分点", "25.2", "percentage_point", "个百分点", 1),
    Case("3.31亿人", "331000000", "person", "人", E8),
    Case("2.49亿人", "249000000", "person", "人", E8),
    Case("超过600万", "6000000", None, "", E4, "more-than", ">"),
    Case("超6500万个", "65000000", "count", "个", E4, "more-than", ">"),
    Case("超1.75亿张", "175000000", "count", "张", E8, "more-than", ">"),
    Case("421家", "421", "count", "家", 1),
    Case("万余家", "10000", "count", "家", E4, "odd", ">"),
    Case("逾万家", "10000", "count", "家", E4, "more-than", ">"),
    Case("4500余家", "4500", "count", "家", 1, "odd", ">"),
    Case("1000多家", "1000", "count", "家", 1, "odd", ">"),
    Case("600多万", "6000000", None, "", E4, "odd", ">"),
    Case("百余家", "100", "count", "家", 1, "odd", ">"),
    Case("一百多万", "1000000", None, "", E4, "odd", ">"),
    Case("近19倍", "19", "times", "倍", 1, "nearly", "<"),
    Case("11年", "11", "year", "年", 1),
    Case("6个月", "6", "month", "个月", 1),
    Case("30天", "30", "day", "天", 1),
    # units of issue 12's corpus: hours, computing power in the unit stated, Hong Kong dollars
    Case("26.1小时", "26.1", "hour", "小时", 1),
    Case("28.5 hours", "28.5", "hour", "hours", 1),
    Case("超过300EFLOPS", "300", "EFLOPS", "EFLOPS", 1, "more-than", ">"),
    Case("197百亿亿次", "197", "EFLOPS", "百亿亿次", 1),
    Case("1,300 petaflops", "1300", "PFLOPS", "petaflops", 1),
    Case("30亿港元", "3000000000", "HKD", "港元", E8),
    Case("HK$3 billion", "3000000000", "HKD", "HK$", 10**9),
    Case("230 mln", "230000000", None, "", 10**6),
    Case(
        "nearly 1 bln internet users",
        "1000000000",
        "person",
        "internet users",
        10**9,
        "nearly",
        "<",
    ),
    Case("nearly 300,000 professionals", "300000", "person", "professionals", 1, "nearly", "<"),
    Case("9个", "9", "count", "个", 1),
    Case("3302万", "33020000", None, "", E4),
    Case("419.1万", "4191000", None, "", E4),
    Case("26.42亿", "2642000000", None, "", E8),
    Case("69148块", "69148", "count", "块", 1),
    Case("1300万", "13000000", None, "", E4),
    Case("1.2万亿元", "1200000000000", "CNY", "元", 10**12),
    Case("超過人民幣1.2兆元", "1200000000000", "CNY", "元", 10**12, "more-than", ">"),
    Case("超 5.28 兆", "5280000000000", None, "", 10**12, "more-than", ">"),
    Case("3千家", "3000", "count", "家", 10**3),
    Case("140", "140", None, "", 1),
    Case("346", "346", None, "", 1),
    Case("1,000", "1000", None, "", 1),
    Case("6,000", "6000", None, "", 1),
    Case("3,000.50", "3000.5", None, "", 1),
    Case("50项以上", "50", "count", "项", 1, "at-least", ">="),
    Case("不少于50项", "50", "count", "项", 1, "at-least", ">="),
    Case("至少3项", "3", "count", "项", 1, "at-least", ">="),
    Case("突破1万亿元", "1000000000000", "CNY", "元", 10**12, "at-least", ">="),
    Case("不足10%", "10", "percent", "%", 1, "less-than", "<"),
    Case("不超过5年", "5", "year", "年", 1, "at-most", "<="),
    Case("50%以下", "50", "percent", "%", 1, "at-most", "<="),
    Case("5000人左右", "5000", "person", "人", 1, "about"),
    Case("约4500家左右", "4500", "count", "家", 1, "about"),
    Case("約有4,300個", "4300", "count", "個", 1, "about"),  # 约有: there are about
    Case("大约有30家", "30", "count", "家", 1, "about"),
    Case("累计达4.5万人次", "45000", "person_time", "人次", E4),
    Case("共计超过500家", "500", "count", "家", 1, "more-than", ">"),
    Case("高于50%", "50", "percent", "%", 1, "more-than", ">"),
    Case("逼近1万亿元", "1000000000000", "CNY", "元", 10**12, "nearly", "<"),
    Case("不到1000人", "1000", "person", "人", 1, "less-than", "<"),
    Case("至多3次", "3", "count", "次", 1, "at-most", "<="),
    Case("5年以内", "5", "year", "年", 1, "at-most", "<="),
    Case("人民币6000亿元", "600000000000", "CNY", "元", E8),
    Case("6000亿元人民币", "600000000000", "CNY", "元人民币", E8),
    Case("1.75亿美元", "175000000", "USD", "美元", E8),
    # Chinese numerals
    Case("逾千家", "1000", "count", "家", 1, "more-than", ">"),
    Case("三十多家", "30", "count", "家", 1, "odd", ">"),
    Case("两千", "2000", None, "", 1),
    Case("一百零五", "105", None, "", 1),
    Case("十一", "11", None, "", 1),
    Case("二十三", "23", None, "", 1),
    Case("三千五百", "3500", None, "", 1),
    Case("三千五百万", "35000000", None, "", E4),
    Case("一亿零五百万", "105000000", None, "", 1),
    Case("三万五千亿", "3500000000000", None, "", E8),
    Case("三点五亿", "350000000", None, "", E8),
    Case("两万亿元", "2000000000000", "CNY", "元", 10**12),
    Case("百分之二十三点五", "23.5", "percent", "百分之", 1),
    # Chinese, traditional and full-width
    Case("16655.4億元", "1665540000000", "CNY", "元", E8),
    Case("超過600萬", "6000000", None, "", E4, "more-than", ">"),
    Case("約812億元", "81200000000", "CNY", "元", E8, "about"),
    Case("將近6000億元", "600000000000", "CNY", "元", E8, "nearly", "<"),
    Case("兩千", "2000", None, "", 1),
    Case("4500餘家", "4500", "count", "家", 1, "odd", ">"),
    Case("６，０００", "6000", None, "", 1),
    Case("35.65％", "35.65", "percent", "％", 1),
    # English
    Case("602 million", "602000000", None, "", 10**6),
    Case("1.123 billion", "1123000000", None, "", 10**9),
    Case("more than 700 billion yuan", "700000000000", "CNY", "yuan", 10**9, "more-than", ">"),
    Case("over 20%", "20", "percent", "%", 1, "more-than", ">"),
    Case("more than 30 million", "30000000", None, "", 10**6, "more-than", ">"),
    Case("1.2 trillion yuan", "1200000000000", "CNY", "yuan", 10**12),
    Case("reached 1.2 trillion yuan", "1200000000000", "CNY", "yuan", 10**12),
    Case("nearly 19-fold", "19", "times", "fold", 1, "nearly", "<"),
    Case("1.5 times", "1.5", "times", "times", 1),
    Case("$1.2 trillion", "1200000000000", "USD", "$", 10**12),
    Case("US$5 billion", "5000000000", "USD", "US$", 10**9),
    Case("RMB 600 billion", "600000000000", "CNY", "RMB", 10**9),
    Case("a total of 421 companies", "421", "count", "companies", 1),
    Case("about 30 million users", "30000000", "person", "users", 10**6, "about"),
    Case("approximately 1,000 people", "1000", "person", "people", 1, "about"),
    Case("some 40 companies", "40", "count", "companies", 1, "about"),
    Case("forty-odd companies", "40", "count", "companies", 1, "odd", ">"),
    Case("at least 50 projects", "50", "count", "projects", 1, "at-least", ">="),
    Case("20 or more projects", "20", "count", "projects", 1, "at-least", ">="),
    Case("fewer than 10 cases", "10", "count", "cases", 1, "less-than", "<"),
    Case("up to 5 years", "5", "year", "years", 1, "at-most", "<="),
    Case("in excess of 30%", "30", "percent", "%", 1, "more-than", ">"),
    Case("exceeding 1 million", "1000000", None, "", 10**6, "more-than", ">"),
    Case("almost 20%", "20", "percent", "%", 1, "nearly", "<"),
    Case("roughly 1,000 firms", "1000", "count", "firms", 1, "about"),
    Case("no less than 10 years", "10", "year", "years", 1, "at-least", ">="),
    Case("below 3%", "3", "percent", "%", 1, "less-than", "<"),
    Case("20-odd million", "20000000", None, "", 10**6, "odd", ">"),
    Case("3 percentage points", "3", "percentage_point", "percentage points", 1),
    Case("141.7-percent", "141.7", "percent", "percent", 1),  # "a 141.7-percent increase"
    Case("0.5 pp", "0.5", "percentage_point", "pp", 1),
    Case("20 per cent", "20", "percent", "per cent", 1),
    Case("3 million person-times", "3000000", "person_time", "person-times", 10**6),
    Case("one hundred and five", "105", None, "", 1),
    Case("twenty-five", "25", None, "", 1),
    # a fall before the number: a change, negative (documented decision)
    Case("下降3.5%", "-3.5", "percent", "%", 1),
    Case("下降了3.5%", "-3.5", "percent", "%", 1),
    Case("減少2.3萬人", "-23000", "person", "人", E4),
    Case("回落0.8个百分点", "-0.8", "percentage_point", "个百分点", 1),
    Case("下降约3.5%", "-3.5", "percent", "%", 1, "about"),
    Case("fell 27 percent", "-27", "percent", "percent", 1),
    Case("dropped by 4,000 users", "-4000", "person", "users", 1),
    Case("a decline of 5%", "-5", "percent", "%", 1),
]


@pytest.mark.parametrize("case", CASES, ids=[case.text for case in CASES])
def test_parse_quantity(case: Case) -> None:
    quantity = parse_quantity(case.text)
    value = Decimal(case.value)
    lower = value if case.bound.startswith(">") else None
    upper = value if case.bound.startswith("<") else None
    assert quantity == Quantity(
        surface=case.text,
        value=value,
        unit=case.unit,
        unit_text=case.unit_text,
        multiplier=case.multiplier,
        qualifier=case.qualifier,
        min_value=lower,
        max_value=upper,
        min_exclusive=case.bound == ">",
        max_exclusive=case.bound == "<",
    )
    # No exponent, no trailing zeros: the stored Decimal prints as its canonical form.
    assert str(quantity.value) == canonical(quantity.value) == case.value


def test_table_is_large_enough_and_unique() -> None:
    texts = [case.text for case in CASES]
    assert len(texts) >= 60
    assert len(set(texts)) == len(texts)


def test_surface_is_kept_unchanged() -> None:
    quantity = parse_quantity("  超 4,500 家 ")
    assert quantity.surface == "  超 4,500 家 "
    assert (quantity.value, quantity.unit_text, quantity.qualifier) == (4500, "家", "more-than")


ERRORS = [
    ("", "empty"),
    ("   ", "empty"),
    ("每万名工人470台", "rate units are modelled by the caller"),
    ("5元/吨", "rate"),
    ("人均5万元", "rate"),
    ("470 robots per 10,000 workers", "rate"),
    ("6000亿元和7000亿元", "more than one number"),
    ("6000亿元 7000亿元", "more than one number"),
    ("10-20%", "more than one number"),
    ("10至20家", "more than one number"),
    ("超过", "has no number"),
    ("超过家", "has no number"),
    ("nearly", "has no number"),
    ("公司", "no number"),
    ("增长7.2%", "unrecognised text before the number"),
    ("第3", "unrecognised text before the number"),
    ("500万吨", "unsupported unit"),
    ("4500家企业", "unsupported unit or trailing text"),
    ("5 billion euros", "unsupported unit"),
    ("2 dollars", "unsupported unit"),
    ("3 basis points", "unsupported unit"),
    ("5 minutes", "unsupported unit"),
    ("20s", "unsupported unit"),
    ("5 new jobs created", "plural noun"),
    ("forty two", "plural noun"),
    ("一万五", "abbreviated"),
    ("三千五", "abbreviated"),
    ("三五", "two digits"),
    ("一千零五百", "out of order"),
    ("二〇二四年", "misplaced zero"),
    ("万万", "repeated"),
    ("超过4500家以上", "conflicting qualifiers"),
    ("约4500余家", "conflicting qualifiers"),
    ("1.2.3", "malformed digits"),
    ("12,34", "malformed digits"),
    ("$600亿元", "contradicts"),
    ("千兆", "兆 after a Chinese numeral is ambiguous"),
    ("百兆", "兆 after a Chinese numeral is ambiguous"),
    ("100兆瓦", "unsupported unit"),
    # a fall *to* a value is the level, not read here; a fall with a bound or a sign raises
    ("降至3.5%", "unrecognised text before the number"),
    ("下降到3.5%", "unrecognised text before the number"),
    ("下降为3.5%", "unrecognised text before the number"),
    ("fell to 27%", "unrecognised text before the number"),
    ("下降超过3%", "a fall ('下降') with a bound"),
    ("fell more than 27%", "with a bound"),
    ("下降-3%", "of a signed number"),
]


@pytest.mark.parametrize(("text", "reason"), ERRORS, ids=[text for text, _ in ERRORS])
def test_not_a_quantity(text: str, reason: str) -> None:
    with pytest.raises(QuantityError) as raised:
        parse_quantity(text)
    message = str(raised.value)
    assert reason in message
    assert repr(text) in message
    assert "\n" not in message


def test_quantity_error_is_a_value_error_and_quantity_is_frozen() -> None:
    assert issubclass(QuantityError, ValueError)
    quantity = parse_quantity("421家")
    with pytest.raises(FrozenInstanceError):
        quantity.value = Decimal(1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("6E+11"), "600000000000"),
        (Decimal("23.50"), "23.5"),
        (Decimal("0.050"), "0.05"),
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("-3.10"), "-3.1"),
        (Decimal("-0.00"), "0"),
        (Decimal("100"), "100"),
    ],
)
def test_canonical_examples(value: Decimal, expected: str) -> None:
    assert canonical(value) == expected


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_canonical_rejects_non_finite(value: Decimal) -> None:
    with pytest.raises(ValueError, match="xsd:decimal"):
        canonical(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("6E+11"), True),
        (Decimal("5.00"), True),
        (Decimal("-0"), True),
        (Decimal("5.01"), False),
        (Decimal("0.05"), False),
        (Decimal("NaN"), False),
        (Decimal("Infinity"), False),
    ],
)
def test_is_integral(value: Decimal, expected: bool) -> None:
    assert is_integral(value) is expected


# --- properties ------------------------------------------------------------------------------

XSD_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")
finite_decimals = st.decimals(allow_nan=False, allow_infinity=False)


@given(finite_decimals)
def test_canonical_round_trips(value: Decimal) -> None:
    text = canonical(value)
    assert Decimal(text) == value
    assert "E" not in text.upper()
    assert XSD_DECIMAL.fullmatch(text)
    assert text != "-0"
    assert is_integral(value) == ("." not in text)


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_n_wan_is_n_times_ten_thousand(n: int) -> None:
    quantity = parse_quantity(f"{n}万")
    assert quantity.value == n * 10**4
    assert canonical(quantity.value) == str(n * 10**4)
    assert (quantity.multiplier, quantity.unit, quantity.qualifier) == (10**4, None, None)


@given(st.integers(min_value=0, max_value=10**30))
def test_thousands_separators(n: int) -> None:
    assert parse_quantity(f"{n:,}").value == n


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6))
def test_decimal_yi_is_exact(value: Decimal) -> None:
    with localcontext() as context:
        context.prec = 100
        expected = value * 10**8
    quantity = parse_quantity(f"{canonical(value)}亿元")
    assert quantity.value == expected
    assert canonical(quantity.value) == canonical(expected)
    assert (quantity.unit, quantity.multiplier) == ("CNY", 10**8)


@given(st.decimals(min_value=0, max_value=1000, places=4))
def test_percent_is_not_scaled(value: Decimal) -> None:
    quantity = parse_quantity(f"{canonical(value)}%")
    assert (quantity.value, quantity.unit) == (value, "percent")


CN_DIGITS = "零一二三四五六七八九"


def chinese_section(n: int, leading: bool) -> str:
    """Write 0 < n < 10**4 the standard way (一千零五, 十五 at the start, 一十五 inside)."""
    out, gap, started = "", False, False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit == 0:
            gap = gap or started
            continue
        if gap:
            out, gap = out + "零", False
        implied_one = unit == 10 and digit == 1 and leading and not started
        out += ("" if implied_one else CN_DIGITS[digit]) + name
        started = True
    return out


def chinese(n: int, leading: bool = True) -> str:
    """Write 0 <= n < 10**16 as a Chinese numeral, independently of the module under test."""
    if n == 0:
        return "零"
    for factor, name in ((10**8, "亿"), (10**4, "万")):
        if n >= factor:
            high, low = divmod(n, factor)
            tail = ""
            if low:
                tail = ("零" if low < factor // 10 else "") + chinese(low, leading=False)
            return chinese(high, leading) + name + tail
    return chinese_section(n, leading)


def test_chinese_writer_matches_known_forms() -> None:
    known = {
        10: "十",
        105: "一百零五",
        1050: "一千零五十",
        3500: "三千五百",
        10010: "一万零一十",
        105_000_000: "一亿零五百万",
        10**12: "一万亿",
    }
    assert {n: chinese(n) for n in known} == known


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_numerals(n: int) -> None:
    assert parse_quantity(chinese(n)).value == n


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_traditional_chinese_numerals(n: int) -> None:
    text = chinese(n).translate(str.maketrans("万亿", "萬億"))
    assert parse_quantity(text).value == n


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.49亿人", "1000000"),
        ("23.5%", "0.1"),
        ("接近6000亿元", "100000000"),
        ("超4500家", "1"),
        ("35.65%", "0.01"),
        ("1.2万亿元", "100000000000"),
        ("602 million", "1000000"),
        # trailing zeros after the decimal point are stated digits (the value drops them)
        ("3.80億", "1000000"),
        ("73.0 percent", "0.1"),
        ("三点八零亿", "1000000"),
    ],
)
def test_precision_is_the_place_value_of_the_last_stated_digit(text: str, expected: str) -> None:
    assert canonical(precision(parse_quantity(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("602 million", "6.02亿"),
        ("1.125 billion", "11.25亿"),
        ("more than 1.2 trillion yuan", "超过1.2万亿元"),
        ("42.8 percent", "42.8%"),
        ("25.2 percentage points", "25.2个百分点"),
        ("more than 30 million users", "超过3000万人"),
        ("346", "346"),
        ("nearly 19-fold", "近19倍"),
    ],
)
def test_chinese_rendering_of_an_english_quantity(text: str, expected: str) -> None:
    assert chinese_quantity(parse_quantity(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第五十五次", "第55次"),
        ("第二十次全国代表大会", "第20次全国代表大会"),
        ("一季度", "1季度"),
        ("一百零五", "105"),
        ("三万五千亿", "3500000000000"),
        ("二〇二五年", "2025年"),
        ("十", "10"),
        ("第55次", "第55次"),  # Arabic digits stay
        ("“十四五”规划", "“十四五”规划"),  # no well-formed numeral
        ("一万五", "一万五"),  # colloquial: not guessed, as parse_quantity refuses it
        ("两会", "两会"),  # 两 alone is not a number
        ("万物互联", "万物互联"),  # nor is a magnitude word alone
        ("千帆", "千帆"),
    ],
)
def test_arabic_numerals_reads_chinese_numerals_in_names(text: str, expected: str) -> None:
    assert arabic_numerals(text) == expected
