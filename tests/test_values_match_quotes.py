"""Every number of the curated graph is a number its own evidence states.

For each observation and target of the bundled graph, the number expressions of its quote
(``oa:exact`` of its annotation's ``oa:TextQuoteSelector``) are read with THE normalizer,
:func:`aikg.numbers.parse_quantity`, and the graph must agree with one of them:

- value: ``schema:value`` equals the expression's normalized value (亿/万, million/billion,
  percent on the 0-100 scale, EFLOPS as stated: the parser's own scale);
- precision: ``aikg:precision`` is the place value of the last digit the expression states
  (9.89亿 -> 1000000, 73.0% -> 0.1);
- unit: ``schema:unitCode`` is the unit the expression names (the compiler's ``UNIT_IRIS``);
- qualifier: a qualifier the expression states (超, 近, more than) is the graph's;
- bounds: ``schema:minValue``/``schema:maxValue`` are the value or numbers of the quote;
- the sheet's ``value_text`` is a whole expression of the quote, not a truncated one (9.89 of
  9.89亿), and reads as the graph's value.

What the quote legitimately does not state in the expression is accepted only by the named
rules below (``UNIT_EXCEPTIONS``, ``QUALIFIER_FROM_SHEET``, a range's bound that is another
number of the quote), each keyed on a mark of the graph or of the sheet (the unit, a reading
note, the sheet's ``unit`` or ``qualifier``); nothing is accepted by listing IRIs. No value of
the graph is outside its quote: a currency conversion (``aikg:currencyConversionOf``) is one
the source states, and no change is computed by the curators. A number expression is the
longest text from a number's start that parses, extended leftwards as far as it still parses
(so 不少於10家 is at-least, not 少於).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from aikg.curation.compile import UNIT_IRIS, load_sheet
from aikg.namespaces import AIKG, AIKGUNIT, OA, QUAL, SCHEMA, shorten
from aikg.numbers import Quantity, QuantityError, parse_quantity, precision

CURATION = Path(__file__).resolve().parent.parent / "curation"

# --- the number expressions of a quote -----------------------------------------------------

#: Digits and Chinese numerals: a cut between two of them is inside a number.
_DIGITS = frozenset("0123456789零〇一二两兩三四五六七八九十百千万萬亿億")


def _cuts_number(text: str, at: int) -> bool:
    """``at`` lies inside a number: 49亿 is no number of 2.49亿, nor 9.89 of 9.89亿."""
    left, right = text[at - 1], text[at]
    after = text[at + 1 : at + 2]
    return (
        (left in _DIGITS and right in _DIGITS)
        or (left in ".," and right.isdigit() and text[at - 2 : at - 1].isdigit())
        or (left.isdigit() and right in ".," and after.isdigit())
    )


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _can_start(text: str, at: int) -> bool:
    """An expression may start at ``at``: it cuts no number and no word (IPv6 is not 6)."""
    return at == 0 or not (_cuts_number(text, at) or _word_char(text[at - 1]))


def _can_end(text: str, at: int) -> bool:
    """An expression may end at ``at``: it cuts no number and no English word ("11.09 million
    s" is not one), but may end before letters that follow a number (40000P, 1800EB)."""
    if at == len(text):
        return True
    letters = text[at - 1].isalpha() and _word_char(text[at - 1]) and _word_char(text[at])
    return not (_cuts_number(text, at) or letters)


@dataclass(frozen=True)
class Expression:
    """A number expression of a quote: ``quote[start:end]`` read by parse_quantity."""

    start: int
    end: int
    quantity: Quantity


def expressions(quote: str) -> list[Expression]:
    """Each number of ``quote`` with the longest text around it that parse_quantity reads.

    From every start that cuts no word or number, the longest span that parses; of those
    ending at the same place, the one that starts first (its qualifier is the quote's).

    >>> [(e.quantity.value, e.quantity.qualifier) for e in expressions("集聚不少於10家企業")]
    [(Decimal('10'), 'at-least')]
    >>> [str(e.quantity.value) for e in expressions("网民规模达9.89亿，较2020年3月增长8540万")]
    ['989000000', '2020', '3', '85400000']
    """
    longest: dict[int, Expression] = {}
    for start in range(len(quote)):
        if not _can_start(quote, start):
            continue
        for end in range(len(quote), start, -1):
            if not _can_end(quote, end):
                continue
            try:
                quantity = parse_quantity(quote[start:end])
            except QuantityError:
                continue
            if end not in longest:
                longest[end] = Expression(start, end, quantity)
            break
    return sorted(longest.values(), key=lambda e: e.start)


# --- the graph's numbers and their sheets --------------------------------------------------


@dataclass
class Number:
    """One observation or target: what the graph states and what its sheet says."""

    iri: URIRef
    curie: str
    value: Decimal
    unit: URIRef
    precision: Decimal
    qualifier: str | None
    bounds: list[Decimal]
    quotes: list[str]
    sheet: dict[str, Any]
    marks: set[URIRef] = field(default_factory=set)  # predicates the graph gives it

    @property
    def has_reading(self) -> bool:
        return AIKG.readingNote in self.marks


def _decimal(graph: Graph, subject: URIRef, predicate: URIRef) -> Decimal:
    return Decimal(str(graph.value(subject, predicate)))


def _sheets() -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for path in sorted(CURATION.glob("*.yaml")):
        sheet = load_sheet(path)
        if not isinstance(sheet, dict) or "document" not in sheet:
            continue  # entities.yaml
        for kind in ("observations", "targets"):
            for entry in sheet.get(kind) or []:
                entries[entry["id"]] = dict(entry)
    return entries


def numbers(graph: Graph) -> list[Number]:
    sheets = _sheets()
    found = []
    for cls in (SCHEMA.Observation, AIKG.Target):
        for subject in sorted(graph.subjects(RDF.type, cls)):
            assert isinstance(subject, URIRef)
            curie = shorten(str(subject))
            quotes = [
                str(exact)
                for anno in graph.subjects(OA.hasBody, subject)
                for selector in graph.objects(graph.value(anno, OA.hasTarget), OA.hasSelector)
                if (exact := graph.value(selector, OA.exact)) is not None
            ]
            qualifier = graph.value(subject, AIKG.valueQualifier)
            found.append(
                Number(
                    iri=subject,
                    curie=curie,
                    value=_decimal(graph, subject, SCHEMA.value),
                    unit=graph.value(subject, SCHEMA.unitCode),  # type: ignore[arg-type]
                    precision=_decimal(graph, subject, AIKG.precision),
                    qualifier=str(qualifier)[len(str(QUAL)) :] if qualifier else None,
                    bounds=[
                        Decimal(str(bound))
                        for predicate in (SCHEMA.minValue, SCHEMA.maxValue)
                        for bound in graph.objects(subject, predicate)
                    ],
                    quotes=quotes,
                    sheet=sheets.get(curie, {}),
                    marks=set(graph.predicates(subject)),
                )
            )
    return found


# --- the named exceptions ------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A way the graph may legitimately differ from the expression its quote states."""

    reason: str
    applies: Callable[[Number, Expression], bool]


#: The currencies of the compiler's units.
CURRENCIES = frozenset(UNIT_IRIS[kind] for kind in ("CNY", "USD", "HKD"))


def _before(number: Number, expression: Expression, word: str) -> bool:
    return any(quote[: expression.start].endswith(word) for quote in number.quotes)


#: Unit exceptions: the expression reads the value (checked) but names another unit or none.
#: The first rule that applies names the exception.
UNIT_EXCEPTIONS: dict[str, Rule] = {
    "rank": Rule(
        "an ordinal (位居全球第二, 第五位): the number after 第 is the rank; 位 is read by the "
        "parser as a person counter, the graph's unit is aikgunit:RANK",
        lambda n, e: n.unit == AIKGUNIT.RANK and _before(n, e, "第"),
    ),
    "density-per-10k-workers": Rule(
        "a robot density (每万名工人392台, '470 units per 10,000 employees'): the parser reads "
        "the count of robots (台, units) and refuses the rate; the graph's unit is "
        "aikgunit:PER_10K_WORKERS",
        lambda n, e: n.unit == AIKGUNIT.PER_10K_WORKERS and e.quantity.unit in (None, "count"),
    ),
    "persons-without-unit-word": Rule(
        "a count of people written as a bare number ('989 million' users, '10.11亿' 网民, "
        "'增长2175万'): the parser reads no unit, the variable says who is counted and the "
        "sheet's `unit` is aikgunit:PERSON",
        lambda n, e: n.unit == AIKGUNIT.PERSON and e.quantity.unit is None and "unit" in n.sheet,
    ),
    "currency-not-written": Rule(
        "an amount in 亿 with no currency word (核心产业营收超3000亿): the sheet reads it as "
        "yuan and the graph's reading note says so",
        lambda n, e: n.unit in CURRENCIES and e.quantity.unit is None and n.has_reading,
    ),
    "unit-named-by-sheet": Rule(
        "another bare number whose unit word the parser does not read or that lies outside the "
        "number ('40000P', '1080艾字节(EB)', '30周年', '346 generative artificial intelligence' "
        "services, the 个百分点 that a list '分别增长2.7和4.1个百分点' states once after its "
        "last item): the sheet names the unit (its `unit` key), as docs/curation.md asks",
        lambda n, e: e.quantity.unit is None and "unit" in n.sheet,
    ),
}

#: Qualifier exception: the graph's qualifier is stated by a word outside the expression.
QUALIFIER_FROM_SHEET = Rule(
    "a qualifying word the parser does not read ('has exceeded', 'Surpasses', 'expected to "
    "exceed', the lower end of a range 2至3家): the sheet's `qualifier` with its `reading` "
    "(the compiler refuses a qualifier without a reading)",
    lambda n, e: e.quantity.qualifier is None and "qualifier" in n.sheet and n.has_reading,
)


# --- the audit -----------------------------------------------------------------------------


@dataclass
class Audit:
    checked: int = 0
    direct: int = 0
    exceptions: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def _audit_one(number: Number, audit: Audit) -> None:
    where = f"{number.curie} (quote {number.quotes})"
    found = [e for quote in number.quotes for e in expressions(quote)]
    matches = [e for e in found if e.quantity.value == number.value]
    if not matches:
        audit.problems.append(f"{where}: value {number.value} is in no expression")
        return
    # the expression that agrees on most, so one mismatch is reported, not its neighbours'
    match = max(
        matches,
        key=lambda e: (
            UNIT_IRIS.get(e.quantity.unit or "") == number.unit,
            precision(e.quantity) == number.precision,
        ),
    )
    quantity, kinds = match.quantity, []
    if precision(quantity) != number.precision:
        audit.problems.append(
            f"{where}: precision {number.precision} but the quote states {precision(quantity)}"
        )
    if UNIT_IRIS.get(quantity.unit or "") != number.unit:
        kind = next((k for k, x in UNIT_EXCEPTIONS.items() if x.applies(number, match)), None)
        if kind is None:
            audit.problems.append(
                f"{where}: unit {shorten(str(number.unit))} but the quote says {quantity.unit}"
            )
        kinds.append(kind)
    if quantity.qualifier != number.qualifier:
        if quantity.qualifier is None and QUALIFIER_FROM_SHEET.applies(number, match):
            kinds.append("qualifier-named-by-sheet")
        else:
            audit.problems.append(
                f"{where}: qualifier {number.qualifier} but the quote says {quantity.qualifier}"
            )
    values = {e.quantity.value for e in found}
    for bound in number.bounds:
        if bound != number.value and bound not in values:
            audit.problems.append(f"{where}: bound {bound} is in no expression")
        elif bound != number.value:
            kinds.append("range-bound-in-quote")
    _audit_value_text(number, found, where, audit)
    audit.checked += 1
    audit.direct += not kinds
    audit.exceptions.update(k for k in kinds if k)


def _audit_value_text(number: Number, found: list[Expression], where: str, audit: Audit) -> None:
    """The sheet's value_text reads as the graph's value and is a whole expression."""
    value_text = number.sheet.get("value_text", number.sheet.get("quote"))
    if value_text is None:
        audit.problems.append(f"{where}: no sheet entry")
        return
    if parse_quantity(value_text).value != number.value:
        audit.problems.append(f"{where}: value_text {value_text!r} is not {number.value}")
    quote = number.sheet["quote"]
    at = quote.find(value_text)
    covering = [e for e in found if e.start <= at and at + len(value_text) <= e.end]
    if not any(e.quantity.value == number.value for e in covering):
        audit.problems.append(
            f"{where}: value_text {value_text!r} is part of a longer expression "
            f"{[quote[e.start : e.end] for e in covering]}"
        )


@pytest.fixture(scope="module")
def graph_numbers(graph: Graph) -> list[Number]:
    return numbers(graph)


@pytest.fixture(scope="module")
def audit(graph_numbers: list[Number]) -> Audit:
    result = Audit()
    for number in graph_numbers:
        if number.quotes:
            _audit_one(number, result)
    return result


def test_every_number_is_stated_by_its_quote(audit: Audit) -> None:
    assert audit.checked > 300
    assert audit.problems == []


def test_exceptions_are_the_named_ones_and_few(audit: Audit) -> None:
    named = set(UNIT_EXCEPTIONS) | {"qualifier-named-by-sheet", "range-bound-in-quote"}
    assert set(audit.exceptions) <= named
    # most numbers are read straight from their quote; the exceptions stay a minority
    assert audit.direct > 3 * sum(audit.exceptions.values())


def test_currency_conversions_are_stated_not_computed(
    graph: Graph, graph_numbers: list[Number]
) -> None:
    """aikg:currencyConversionOf marks a bracketed conversion the source itself states
    ("about 82.84 billion U.S. dollars"): the converted value is in the quote, in a currency
    the original is not in."""
    conversions = [n for n in graph_numbers if AIKG.currencyConversionOf in n.marks]
    assert conversions
    for number in conversions:
        original = graph.value(number.iri, AIKG.currencyConversionOf)
        assert graph.value(original, SCHEMA.unitCode) != number.unit, number.curie
        assert any(
            e.quantity.value == number.value and UNIT_IRIS.get(e.quantity.unit or "") == number.unit
            for quote in number.quotes
            for e in expressions(quote)
        ), number.curie


@pytest.mark.parametrize(
    ("quote", "value_text", "value", "unit", "precision_", "problem"),
    [
        # a value_text cut before its magnitude word: 9.89 people, not 9.89亿
        ("网民规模达9.89亿", "9.89", "9.89", AIKGUNIT.PERSON, "0.01", "in no expression"),
        # percentage points recorded as percent
        ("增长2.7个百分点", "2.7个百分点", "2.7", UNIT_IRIS["percent"], "0.1", "unit"),
        # a precision coarser than the digits stated
        ("规模达3.80亿", "3.80亿", "380000000", AIKGUNIT.PERSON, "10000000", "precision"),
        # a qualifier the quote states, dropped
        ("超4500家", "4500家", "4500", UNIT_IRIS["count"], "1", "qualifier"),
    ],
)
def test_the_audit_catches_a_wrong_number(
    quote: str, value_text: str, value: str, unit: URIRef, precision_: str, problem: str
) -> None:
    number = Number(
        iri=URIRef("https://w3id.org/aikg/id/obs/x"),
        curie="obs:x",
        value=Decimal(value),
        unit=unit,
        precision=Decimal(precision_),
        qualifier=None,
        bounds=[],
        quotes=[quote],
        sheet={"quote": quote, "value_text": value_text, "unit": str(unit)},
    )
    audit = Audit()
    _audit_one(number, audit)
    assert any(problem in p for p in audit.problems), audit.problems
