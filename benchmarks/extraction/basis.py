"""Would the draft reach issue 12's 85 % by holding back more? Kept unchanged by basis.

Every figure ``aikg extract`` drafts carries a *basis*: what the rules read its period, area and
variable from (``aikg.extraction.facts``; ``stated``, ``carried``, ``coverage`` …; ``clause``,
``sentence``, ``document``, ``none`` …; ``graph``, ``new``, ``earlier`` …). The draft already
holds back the figures whose basis is an assumption (``aikg.extraction.doubts``). This script
drafts the texts of the gold sets with the rules of the working tree, scores each drafted figure
as ``score.py`` does (kept unchanged or not), and prints:

1. the kept share per basis of each part, and per basis of the area in Chinese and English texts;
2. what holding back more would give: the basis combinations (kind, period, area, variable)
   from the worst kept share up, each with the share of the rest, and the drafts left.

The sets have been read for rules (most are in sample), so these shares are higher than a first
run's; the question is whether any basis sets apart the figures a reviewer changes.

Usage (from the project root)::

    .venv/bin/python -m benchmarks.extraction.basis --sets 19-45
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass

import rdflib

from aikg.extraction.pipeline import extract
from aikg.store import open_store
from benchmarks.extraction import score as S


@dataclass
class Drafted:
    """One drafted figure: its set, its text's language, kind, basis and whether it was kept."""

    set: str
    language: str
    kind: str
    basis: dict[str, str]
    kept: bool


def drafted(name: str, known: rdflib.Graph, project: set[str]) -> list[Drafted]:
    """The figures the draft commits (not those it holds back) of the set ``name``."""
    gold_set = S.GoldSet.named(name)
    draft_graph, facts = rdflib.Graph(), {}
    for src in sorted(gold_set.sources.glob("*.md")):
        draft = extract(src, known, shared=gold_set.folder / "shared")
        draft_graph += draft.graph
        # the language the draft's document entry gives (en, zh-hans, zh-hant)
        language = "en" if draft.sheet["document"]["language"] == "en" else "zh"
        for fact in draft.facts:  # those it commits: the doubted ones are draft.unsure
            facts[fact.id] = (language, fact.kind, dict(fact.basis))
    gold_graph = rdflib.Graph()
    for path in gold_set.gold.glob("*.ttl"):  # entities.ttl too: the gold's new places' names
        gold_graph.parse(path)
    kept = S.kept_facts(draft_graph, gold_graph, project, {})
    return [Drafted(name, *facts[node], same) for node, (_doc, same) in kept.items()]


def share(rows: list[Drafted]) -> str:
    k, n = sum(r.kept for r in rows), len(rows)
    return f"{k}/{n} ({k / n:.0%})" if n else "–"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sets", default="19-45", help="a range of set numbers, as 19-45")
    low, _, high = ap.parse_args().sets.partition("-")
    names = [f"set-{n}" for n in range(int(low), int(high or low) + 1)]
    known = open_store(None, None).graph()
    project = S.project_entities()
    rows = [row for name in names for row in drafted(name, known, project)]

    print(f"Sets {names[0]} to {names[-1]}: kept unchanged {share(rows)} of the drafted figures.\n")
    print("| part | basis | kept unchanged |\n|---|---|---:|")
    for part in ("period", "area", "variable"):
        groups: dict[str, list[Drafted]] = defaultdict(list)
        for row in rows:
            groups[row.basis.get(part, "(target)")].append(row)
        for basis, group in sorted(groups.items()):
            print(f"| {part} | {basis} | {share(group)} |")
    print("\n| text | area basis | kept unchanged |\n|---|---|---:|")
    by_language: dict[tuple[str, str], list[Drafted]] = defaultdict(list)
    for row in rows:
        by_language[(row.language, row.basis.get("area", ""))].append(row)
    for (language, basis), group in sorted(by_language.items()):
        print(f"| {language} | {basis} | {share(group)} |")

    combos: dict[tuple[str, ...], list[Drafted]] = defaultdict(list)
    for row in rows:
        b = row.basis
        combos[(row.kind, b.get("period", "-"), b.get("area", "-"), b.get("variable", "-"))].append(
            row
        )
    print("\nHolding back more, worst basis combination first (3 figures or more):\n")
    print("| held back too | its kept | the rest kept | drafts left |\n|---|---:|---:|---:|")
    # the combinations split the drafts: what is left is the totals less those held back
    kept, left = sum(r.kept for r in rows), len(rows)
    for combo, group in sorted(
        combos.items(), key=lambda kv: (sum(r.kept for r in kv[1]) / len(kv[1]), kv[0])
    ):
        if len(group) < 3:
            continue
        kept, left = kept - sum(r.kept for r in group), left - len(group)
        rest = f"{kept}/{left} ({kept / left:.0%})" if left else "–"
        print(f"| {' / '.join(combo)} | {share(group)} | {rest} | {left / len(rows):.0%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
