"""How good were ``aikg extract``'s first drafts of the corpus documents (issue 12)?

Compares the frozen, text-free fingerprint of the first drafts (``corpus-first-drafts/drafts.tsv``,
made once at 50073f8 before any of these documents was read for rules) with the reviewed graph
(``graph/<stem>.ttl``), document by document:

- a drafted fact *matches* a reviewed fact of the same class when their evidence spans overlap in
  the same source text and their values are equal (one to one, as in ``aikg eval-extract``);
- a matched fact was *kept unchanged* when the reviewer kept its variable, value, unit, qualifier,
  period and area (targets: also year and policy). A drafted new variable (``var:draft-…``) counts
  as kept when the reviewed fact measures a variable the graph did not know at 50073f8, the way
  ``aikg eval-extract`` scores variables the extractor could not know;
- a *wrong link* is a drafted fact linked to a variable the graph already knew, whose reviewed
  fact measures another variable: the worst error, since it corrupts a series.

Usage: ``python -m benchmarks.extraction.first_drafts`` prints the table that docs/extraction.md
holds between its ``first-drafts`` markers (tests/test_first_drafts.py keeps the two equal).

``python -m benchmarks.extraction.first_drafts --current`` drafts the same 45 texts again with
the rules of the working tree, against the graph the first drafts saw (the documents curated
before the corpus issue, with the entities they name), and measures those drafts the same way:
the in-sample measure of a rule revised with these documents' errors. Nothing is written; the
frozen drafts stay the out-of-sample record.
"""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, URIRef

from aikg.namespaces import SCHEMA, shorten

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = Path(__file__).resolve().parent / "corpus-first-drafts" / "drafts.tsv"
#: The SHA-256 and path of every drafted text (``sha256sum`` lines).
SHAS = DRAFTS.with_name("texts.sha256")
#: The commit whose extractor made the drafts: the variables the graph knew then.
DRAFTED_AT = "50073f8"

QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX aikg: <https://w3id.org/aikg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?fact ?kind ?doc ?sha ?start ?end ?var ?value ?min ?max ?unit ?qual ?period ?area
       ?year ?policy ?base WHERE {
  VALUES ?kind { schema:Observation aikg:Target }
  ?fact a ?kind ; prov:wasDerivedFrom ?doc .
  ?anno oa:hasBody ?fact ; oa:hasTarget ?t .
  ?t oa:hasSource ?text ; oa:hasSelector ?pos .
  ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?text schema:sha256 ?sha .
  OPTIONAL { ?fact schema:variableMeasured ?var }
  OPTIONAL { ?fact schema:value ?value }
  OPTIONAL { ?fact schema:minValue ?min }
  OPTIONAL { ?fact schema:maxValue ?max }
  OPTIONAL { ?fact schema:unitCode ?unit }
  OPTIONAL { ?fact aikg:valueQualifier ?qual }
  OPTIONAL { ?fact sdmx-dimension:refPeriod ?period }
  OPTIONAL { ?fact sdmx-dimension:refArea ?area }
  OPTIONAL { ?fact aikg:targetYear ?year }
  OPTIONAL { ?fact aikg:targetOf ?policy }
  OPTIONAL { ?fact aikg:basePeriod ?base }
} ORDER BY ?doc ?start ?fact"""
COLUMNS = ("fact", "kind", "doc", "sha", "start", "end", "var", "value", "min", "max", "unit",
           "qual", "period", "area", "year", "policy", "base")  # fmt: skip
#: What a reviewer may change in a matched fact; all kept means the draft was right.
KEPT = ("var", "value", "min", "max", "unit", "qual", "period", "area", "year", "policy")


def fingerprint(graph: Graph) -> list[dict[str, str]]:
    """One row per observation or target of ``graph``: evidence offsets and attributes, no text."""
    rows = []
    for result in graph.query(QUERY):
        cells = zip(COLUMNS, result, strict=True)
        rows.append({name: _cell(term) for name, term in cells})
    return rows


def _cell(term: object) -> str:
    if term is None:
        return ""
    return shorten(str(term)) if isinstance(term, URIRef) else str(term)


@dataclass
class DocumentRecord:
    stem: str
    drafted: int = 0
    reviewed: int = 0
    matched: int = 0
    kept: int = 0
    wrong_links: list[str] = field(default_factory=list)
    changed: dict[str, int] = field(default_factory=dict)  # attribute -> matched facts changed


def _value(row: dict[str, str]) -> tuple[Decimal | None, ...]:
    return tuple(Decimal(row[k]) if row[k] else None for k in ("value", "min", "max"))


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    return (
        a["sha"] == b["sha"] and int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])
    )


def _same(name: str, draft: dict[str, str], final: dict[str, str], known: set[str]) -> bool:
    d, f = draft[name], final[name]
    if name in ("value", "min", "max"):
        return (Decimal(d) if d else None) == (Decimal(f) if f else None)
    if name in ("var", "policy") and d.split(":", 1)[-1].startswith("draft-"):
        return f not in known  # a new drafted entity for one the graph did not know
    return d == f


def measure(stem: str, drafts: list[dict[str, str]], final: list[dict[str, str]],
            known: set[str]) -> DocumentRecord:  # fmt: skip
    record = DocumentRecord(stem, drafted=len(drafts), reviewed=len(final))
    free = list(final)
    for draft in drafts:
        match = next((f for f in free if f["kind"] == draft["kind"] and _overlap(draft, f)
                      and _value(draft) == _value(f)), None)  # fmt: skip
        if match is None:
            continue
        free.remove(match)
        record.matched += 1
        changed = [name for name in KEPT if not _same(name, draft, match, known)]
        for name in changed:
            record.changed[name] = record.changed.get(name, 0) + 1
        record.kept += not changed
        if draft["var"] in known and match["var"] != draft["var"]:
            record.wrong_links.append(f"{draft['fact']}: {draft['var']} -> {match['var']}")
    return record


def known_iris(commit: str = DRAFTED_AT) -> set[str]:
    """The var: and policy: IRIs (as CURIEs) the graph held at ``commit``."""
    pattern = r"(var|policy):[A-Za-z0-9_.-]+"
    command = ["git", "-C", str(ROOT), "grep", "-hoE", pattern, commit, "--", "graph"]
    found = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    return set(found)


def records(stems: Iterable[str] | None = None) -> list[DocumentRecord]:
    with DRAFTS.open(encoding="utf-8") as handle:
        drafted = list(csv.DictReader(handle, delimiter="\t"))
    known = known_iris()
    by_sha: dict[str, list[dict[str, str]]] = {}
    for row in drafted:
        by_sha.setdefault(row["sha"], []).append(row)
    # every drafted document: the SHA-256 of its text, also for a draft with no facts
    drafted_shas = {line.split()[0] for line in SHAS.read_text(encoding="utf-8").splitlines()}
    out = []
    for path in sorted((ROOT / "graph").glob("*.ttl")):
        graph = Graph().parse(path)
        shas = {str(sha) for sha in graph.objects(None, SCHEMA.sha256)}
        drafts = [row for sha in shas for row in by_sha.get(sha, [])]
        if not shas & drafted_shas or (stems is not None and path.stem not in stems):
            continue  # a document curated before the corpus issue, or one not asked for
        out.append(measure(path.stem, drafts, fingerprint(graph), known))
    return out


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def table(rows: list[DocumentRecord]) -> str:
    """The Markdown table of :func:`records`: one row a document, then the totals."""
    lines = [
        "| document | drafted | in the sheet | matched | kept unchanged "
        "| changed (attribute: facts) | wrong links |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    total = DocumentRecord("total")
    for row in rows:
        changed = ", ".join(f"{k} {v}" for k, v in sorted(row.changed.items())) or "–"
        lines.append(
            f"| `{row.stem}` | {row.drafted} | {row.reviewed} | {row.matched} | "
            f"{row.kept} ({_pct(row.kept, row.drafted)}) | {changed} | {len(row.wrong_links)} |"
        )
        total.drafted += row.drafted
        total.reviewed += row.reviewed
        total.matched += row.matched
        total.kept += row.kept
        total.wrong_links += row.wrong_links
        for name, count in row.changed.items():
            total.changed[name] = total.changed.get(name, 0) + count
    changed = ", ".join(f"{k} {v}" for k, v in sorted(total.changed.items()))
    lines.append(
        f"| **{len(rows)} documents** | {total.drafted} | {total.reviewed} | {total.matched} | "
        f"{total.kept} ({_pct(total.kept, total.drafted)}) | {changed} | "
        f"{len(total.wrong_links)} |"
    )
    lines.append("")
    lines.append("Wrong links (drafted variable → the reviewed fact's variable):")
    lines.append("")
    lines += [f"- `{link}`" for link in total.wrong_links]
    return "\n".join(lines) + "\n"


def current_records(stems: Iterable[str] | None = None) -> list[DocumentRecord]:
    """:func:`records` for drafts made now, with the working tree's rules, of the same texts
    against the graph of the documents curated before them (what the first drafts saw)."""
    from aikg import paths
    from aikg.extraction import extract
    from aikg.extraction.corpus import document_graphs, known_without

    shared = paths.shared_dir()
    if shared is None:
        raise SystemExit("the shared corpus was not found: set AIKG_SHARED")
    drafted = dict(line.split() for line in SHAS.read_text(encoding="utf-8").splitlines())
    documents = document_graphs(ROOT / "graph")
    new, before = {}, {}
    for path, graph in documents.items():
        shas = {str(sha) for sha in graph.objects(None, SCHEMA.sha256)}
        (new if shas & set(drafted) else before)[path] = graph
    entities = Graph().parse(ROOT / "graph" / "entities.ttl")
    known_graph, _ = known_without(before, entities, ROOT / "graph" / "none")
    known = known_iris()
    out = []
    for path, graph in sorted(new.items()):
        if stems is not None and path.stem not in stems:
            continue
        shas = {str(sha) for sha in graph.objects(None, SCHEMA.sha256)}
        text = shared / next(drafted[sha] for sha in shas if sha in drafted)
        draft = extract(text, known_graph, shared=shared)
        out.append(measure(path.stem, fingerprint(draft.graph), fingerprint(graph), known))
    return out


if __name__ == "__main__":
    import sys

    if "--current" in sys.argv[1:]:
        print(table(current_records()), end="")
    else:
        print(table(records()), end="")
