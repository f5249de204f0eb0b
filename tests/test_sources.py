"""Source texts: exact reading, front matter, and anchoring quotes (refusing ambiguous ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.errors import EvidenceError
from aikg.sources import find_span, occurrences, parse_front_matter, read_source


def test_find_span_returns_code_point_offsets() -> None:
    text = "前言：超4500家，𠀀超4500家以上"
    span = find_span(text, "超4500家", suffix="以上")
    assert text[span.start : span.end] == "超4500家"
    assert span.start == text.rindex("超4500家")  # 𠀀 is one code point, not two


def test_find_span_refuses_a_quote_that_occurs_twice() -> None:
    with pytest.raises(EvidenceError, match="occurs 2 times"):
        find_span("超4500家，超4500家", "超4500家")


def test_find_span_refuses_an_absent_quote() -> None:
    with pytest.raises(EvidenceError, match="does not occur"):
        find_span("超4500家", "超4600家")


def test_prefix_disambiguates_and_is_kept() -> None:
    span = find_span("A 12% B 12%", "12%", prefix="B ")
    assert (span.start, span.end, span.prefix) == (8, 11, "B ")


def test_occurrences_counts_overlaps() -> None:
    assert occurrences("aaa", "aa") == [0, 1]


def test_front_matter_is_read_and_text_kept_byte_exact(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    raw = "---\r\ntitle: 标题: 副题\r\ndate: unknown\r\n---\r\n正文\r\n".encode()
    path.write_bytes(raw)
    source = read_source(path)
    assert source.text.encode("utf-8") == raw  # no newline translation
    assert source.front_matter == {"title": "标题: 副题", "date": "unknown"}
    assert len(source.sha256) == 64


def test_front_matter_absent_or_unterminated() -> None:
    assert parse_front_matter("no front matter") == {}
    assert parse_front_matter("---\ntitle: x\n") == {}


def test_read_source_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("中文".encode("gbk"))
    with pytest.raises(Exception, match="not UTF-8"):
        read_source(path)
