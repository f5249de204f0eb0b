"""The extractor's first drafts of the corpus documents (issue 12): frozen, measured in the docs."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from benchmarks.extraction import first_drafts
from benchmarks.extraction.first_drafts import DRAFTS, SHAS, measure, records, table

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "extraction.md"


def _row(**cells: str) -> dict[str, str]:
    base = dict.fromkeys(first_drafts.COLUMNS, "")
    base.update(kind="schema:Observation", sha="s", start="0", end="10", value="5", unit="unit:NUM")
    base.update(cells)
    return base


def test_the_drafts_are_of_the_texts_they_name(shared: Path) -> None:
    listed = dict(line.split() for line in SHAS.read_text(encoding="utf-8").splitlines())
    assert len(listed) == 45
    for sha, path in listed.items():
        assert hashlib.sha256((shared / path).read_bytes()).hexdigest() == sha, path
    with DRAFTS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 338 and {row["sha"] for row in rows} <= set(listed)


def test_a_fact_kept_as_drafted_counts_as_kept_and_a_relinked_one_as_a_wrong_link() -> None:
    known = {"var:internet-users"}
    kept = measure("d", [_row(fact="a", var="var:internet-users")],
                   [_row(fact="x", var="var:internet-users")], known)  # fmt: skip
    assert (kept.matched, kept.kept, kept.wrong_links) == (1, 1, [])
    relinked = measure("d", [_row(fact="a", var="var:internet-users")],
                       [_row(fact="x", var="var:rural-internet-users")], known)  # fmt: skip
    assert (relinked.kept, relinked.changed) == (0, {"var": 1})
    assert relinked.wrong_links == ["a: var:internet-users -> var:rural-internet-users"]
    # a drafted new variable for a measure the graph did not know is right
    new = measure("d", [_row(fact="a", var="var:draft-1")], [_row(fact="x", var="var:new")], known)
    assert new.kept == 1
    # another value or a span elsewhere is no match
    other = measure("d", [_row(fact="a", value="6")], [_row(fact="x", start="20", end="30")], known)
    assert (other.matched, other.drafted, other.reviewed) == (0, 1, 1)


def test_the_docs_hold_the_measured_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"<!-- first-drafts -->\n(.*?)<!-- /first-drafts -->", text, re.S)
    assert found, "docs/extraction.md lacks the first-drafts table markers"
    assert found.group(1) == table(records()), "run python -m benchmarks.extraction.first_drafts"
