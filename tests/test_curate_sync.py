"""graph/ is exactly what the curation sheets compile to, and the compiler refuses bad quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.curation import compile_all
from aikg.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def test_graph_folder_is_in_sync_with_the_sheets(cli, shared: Path) -> None:
    result = cli("curate", "--check", "--shared", str(shared))
    assert result.returncode == 0, result.stdout + result.stderr


def _project(tmp_path: Path, sheet: str) -> tuple[Path, Path]:
    shared = tmp_path / "shared"
    (shared / "sources").mkdir(parents=True)
    (shared / "sources" / "t.md").write_text(
        "---\ntitle: 标题\nurl: https://example.org/t\ndate: 2025-01-01\n---\n"
        "企业超4500家。另有企业超4500家以上。\n",
        encoding="utf-8",
    )
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / "entities.yaml").write_text(
        "- {id: organization:x, a: [schema:Organization], label: {zh: 某机构, en: X}}\n"
        "- {id: var:n, a: [schema:StatisticalVariable], label: {zh: 企业数量, en: firms}}\n"
        "- {id: place:CN, a: [schema:Country], label: {zh: 中国, en: China}}\n",
        encoding="utf-8",
    )
    header = (
        "document:\n  id: doc:t\n  path: sources/t.md\n  publisher: organization:x\n"
        "  reliability: reliability:official\n  evidence: {quote: 标题, prefix: 'title: '}\n"
    )
    (curation / "t.yaml").write_text(header + sheet, encoding="utf-8")
    return curation, shared


OBS = (
    "observations:\n"
    "  - {{id: obs:t-n, var: var:n, quote: {quote}, period: 2024-12-31, area: place:CN{extra}}}\n"
)


def test_ambiguous_quote_is_refused(tmp_path: Path) -> None:
    curation, shared = _project(tmp_path, OBS.format(quote="超4500家", extra=""))
    with pytest.raises(InputError, match="occurs 2 times"):
        compile_all(curation, shared)


def test_suffix_disambiguates(tmp_path: Path) -> None:
    curation, shared = _project(tmp_path, OBS.format(quote="超4500家", extra=", suffix: 以上"))
    graphs = compile_all(curation, shared)
    assert any("4500" in g.serialize(format="nt") for g in graphs.values())


def test_value_text_must_be_part_of_the_quote(tmp_path: Path) -> None:
    curation, shared = _project(
        tmp_path, OBS.format(quote="企业超4500家。", extra=", value_text: 超4600家")
    )
    with pytest.raises(InputError, match="not part of quote"):
        compile_all(curation, shared)


def test_unknown_entity_mention_is_refused(tmp_path: Path) -> None:
    curation, shared = _project(tmp_path, "mentions:\n  - {id: organization:nobody, quote: 标题}\n")
    with pytest.raises(InputError, match="not defined"):
        compile_all(curation, shared)


def test_malformed_sheet_reports_file_and_line(tmp_path: Path) -> None:
    curation, shared = _project(tmp_path, "observations: [unclosed\n")
    with pytest.raises(InputError, match=r"t\.yaml:\d+:"):
        compile_all(curation, shared)
