"""Hostile text for ``aikg extract``: paths given from another folder, repeated paragraphs,
long texts. Real files, real processes, bounded in time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FRONT = """---
title: One
url: https://example.org/one
publisher: Example
date: 2024-05-01
---

"""
PARAGRAPH = (
    "By the end of 2023 the number of artificial intelligence companies in China had "
    "exceeded 4,500, and the core industry reached 578 billion yuan in 2023."
)


def aikg(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aikg", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=timeout,
    )


def test_extract_a_path_given_from_the_parent_folder(tmp_path: Path, monkeypatch) -> None:
    from aikg.extraction.pipeline import extract
    from aikg.store.files import load_graph

    (tmp_path / "ext").mkdir()
    (tmp_path / "ext" / "one.md").write_text(FRONT + PARAGRAPH + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    draft = extract(Path("ext/one.md"), load_graph(), shared=None)  # no shared corpus
    assert draft.sheet["document"]["path"] == "one.md"
    assert len(draft.graph) > 0


def test_extract_a_path_given_from_the_parent_folder_cli(tmp_path: Path) -> None:
    (tmp_path / "ext").mkdir()
    (tmp_path / "ext" / "one.md").write_text(FRONT + PARAGRAPH + "\n", encoding="utf-8")
    result = aikg("extract", "ext/one.md", "-o", "d.ttl", "--sheet", "d.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d.ttl").stat().st_size > 0


@pytest.mark.parametrize("copies", [2, 3])
def test_a_repeated_paragraph_anchors_each_occurrence(tmp_path: Path, copies: int) -> None:
    text = FRONT + "\n\n".join([PARAGRAPH] * copies) + "\n"
    (tmp_path / "rep.md").write_text(text, encoding="utf-8")
    result = aikg("extract", "rep.md", "-o", "d.ttl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "cannot anchor" not in result.stderr


def test_anchor_sets_every_occurrence_apart() -> None:
    from aikg.extraction.anchor import anchor
    from aikg.sources import find_span, occurrences

    text = "Intro.\n\n" + "\n\n".join([PARAGRAPH] * 4) + "\n\nEnd."
    quote = "4,500"
    for start in occurrences(text, quote):
        spec = anchor(text, start, start + len(quote))
        span = find_span(text, spec["quote"], spec.get("prefix", ""), spec.get("suffix", ""))
        assert span.start == start
