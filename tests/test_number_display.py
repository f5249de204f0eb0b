"""The one number display (aikg.number_display): each caller's style, and its doctests."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

import aikg.cli.options
import aikg.number_display
import aikg.qualifiers
from aikg.number_display import display_number


@pytest.mark.parametrize("module", [aikg.number_display, aikg.qualifiers, aikg.cli.options])
def test_docstring_examples_run(module) -> None:  # type: ignore[no-untyped-def]
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("value", "lang", "style", "shown"),
    [
        ("600000000000", "zh", "exact", "6000亿"),
        ("331000000", "zh", "exact", "3.31亿"),
        ("45000", "zh", "exact", "4.5万"),
        ("123456.78", "zh", "exact", "123456.78"),  # 12.345678万 would not be exact to 4 places
        ("249000000", "zh", "scaled", "2.49亿"),
        ("1200000000000", "zh", "scaled", "12000亿"),
        ("9999", "zh", "scaled", "9999"),
        ("4500", "en", "digits", "4,500"),
        ("35.65", "en", "digits", "35.65"),
        ("1200000000000", "en", "words", "1.2 trillion"),
        ("30000000", "en", "words", "30 million"),
        ("999999", "en", "words", "999,999"),
    ],
)
def test_styles(value: str, lang: str, style: str, shown: str) -> None:
    assert display_number(Decimal(value), lang, style) == shown  # type: ignore[arg-type]


def test_a_style_of_the_other_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no 'words' number style in 'zh'"):
        display_number(Decimal(1), "zh", "words")
