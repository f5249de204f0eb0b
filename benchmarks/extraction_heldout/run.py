#!/usr/bin/env python3
"""Reproduce the held-out extraction evaluation (issue #7).

Run from anywhere with the project's interpreter:

    .venv/bin/python benchmarks/extraction_heldout/run.py            # print the tables
    .venv/bin/python benchmarks/extraction_heldout/run.py --update   # also rewrite README.md's table

Steps:
1. check that the gold files still have the SHA-256 frozen in README.md (before the first run);
2. `aikg extract` every text of shared/sources/ against the bundled project graph (which knows
   none of these texts), writing drafts/<stem>.ttl and drafts/<stem>.yaml;
3. `aikg eval-extract` of all drafts against all gold graphs (the project's own scorer: per
   document and overall);
4. supplementary measures the project's scorer does not take: for the observations and targets it
   matches (same rule: overlapping evidence span, equal value, same unit kind), whether the
   draft's reference period, area, variable, qualifier, age band, denominator, target year and
   target policy agree with the gold; and the drafted entity mentions (of the scored kinds) that
   overlap no gold mention.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import rdflib
from rdflib import RDF, Namespace

from aikg.extraction.entities import NAMED_KINDS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
AIKG = ROOT / ".venv" / "bin" / "aikg"
SHARED = HERE / "shared"
GOLD = HERE / "gold"
DRAFTS = HERE / "drafts"
README = HERE / "README.md"
PROJECT_GRAPH = ROOT / "graph"

SCHEMA = Namespace("https://schema.org/")
AIKG_NS = Namespace("https://w3id.org/aikg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SDMXD = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
ID = "https://w3id.org/aikg/id/"
#: The entity kinds eval-extract scores.
SCORED_KINDS = NAMED_KINDS
BEGIN, END = "<!-- heldout:begin -->", "<!-- heldout:end -->"


def short(node) -> str:
    s = str(node)
    if s.startswith(ID):
        kind, _, name = s[len(ID) :].partition("/")
        return f"{kind}:{name}"
    for prefix, ns in (
        ("unit:", "http://qudt.org/vocab/unit/"),
        ("cur:", "http://qudt.org/vocab/currency/"),
        ("aikgunit:", "https://w3id.org/aikg/vocab/unit/"),
        ("qual:", "https://w3id.org/aikg/vocab/qualifier/"),
    ):
        if s.startswith(ns):
            return prefix + s[len(ns) :]
    return s


def use_set(folder: Path) -> None:
    """Score the held-out set in ``folder`` (same layout: shared/, gold/, README.md)."""
    global SHARED, GOLD, DRAFTS, README
    SHARED, GOLD, DRAFTS, README = (
        folder / "shared",
        folder / "gold",
        folder / "drafts",
        folder / "README.md",
    )


def check_frozen() -> list[str]:
    """Compare the gold files with the hashes frozen in README.md."""
    frozen = dict(
        (path, digest)
        for digest, path in re.findall(
            r"^([0-9a-f]{64})  (gold/\S+)$", README.read_text(encoding="utf-8"), re.M
        )
    )
    problems = []
    for path in sorted(GOLD.glob("*.ttl")):
        rel = f"gold/{path.name}"
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if frozen.get(rel) != digest:
            problems.append(
                f"{rel}: SHA-256 {digest[:12]} differs from the frozen {str(frozen.get(rel))[:12]}"
            )
    return problems


def extract_all() -> list[Path]:
    DRAFTS.mkdir(exist_ok=True)
    drafts = []
    for src in sorted((SHARED / "sources").glob("*.md")):
        out = DRAFTS / f"{src.stem}.ttl"
        subprocess.run(
            [
                str(AIKG),
                "extract",
                str(src),
                "-o",
                str(out),
                "--sheet",
                str(DRAFTS / f"{src.stem}.yaml"),
                "--shared",
                str(SHARED),
            ],
            check=True,
            cwd=ROOT,
        )
        drafts.append(out)
    return drafts


def merged(paths, dest: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    for p in paths:
        g.parse(p)
    g.serialize(dest, format="turtle")
    return g


def unit_kind(u) -> str:
    s = short(u)
    return "count" if s in ("unit:NUM", "aikgunit:PERSON") else s


def spans(g: rdflib.Graph) -> dict:
    """Body -> list of (source, start, end) from the evidence annotations."""
    out = defaultdict(list)
    for anno in g.subjects(RDF.type, OA.Annotation):
        body = g.value(anno, OA.hasBody)
        target = g.value(anno, OA.hasTarget)
        if body is None or target is None:
            continue
        source = g.value(target, OA.hasSource)
        for sel in g.objects(target, OA.hasSelector):
            start, end = g.value(sel, OA.start), g.value(sel, OA.end)
            if start is not None:
                out[body].append((source, int(start), int(end)))
    return out


def facts(g: rdflib.Graph, cls) -> list[dict]:
    sp = spans(g)
    out = []
    for node in g.subjects(RDF.type, cls):
        if not sp.get(node):
            continue
        source, start, end = sp[node][0]
        out.append(
            dict(
                node=node,
                source=source,
                start=start,
                end=end,
                value=g.value(node, SCHEMA.value).toPython()
                if g.value(node, SCHEMA.value) is not None
                else None,
                unit=unit_kind(g.value(node, SCHEMA.unitCode)),
                var=short(g.value(node, SCHEMA.variableMeasured)),
                period=short(g.value(node, SDMXD.refPeriod)),
                area=short(g.value(node, SDMXD.refArea)),
                qualifier=short(g.value(node, AIKG_NS.valueQualifier))
                if g.value(node, AIKG_NS.valueQualifier)
                else "none",
                age=short(g.value(node, SDMXD.age)) if g.value(node, SDMXD.age) else None,
                denominator=short(g.value(node, SCHEMA.measurementDenominator))
                if g.value(node, SCHEMA.measurementDenominator)
                else None,
                year=str(g.value(node, AIKG_NS.targetYear))
                if g.value(node, AIKG_NS.targetYear)
                else None,
                policy=short(g.value(node, AIKG_NS.targetOf))
                if g.value(node, AIKG_NS.targetOf)
                else None,
                quote=str(g.value(node, RDFS_LABEL)) if False else None,
            )
        )
    return out


RDFS_LABEL = rdflib.RDFS.label


def match(drafted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for gd in sorted(gold, key=lambda f: f["start"]):
        for i, d in enumerate(drafted):
            if i in used or d["source"] != gd["source"]:
                continue
            if (
                d["start"] < gd["end"]
                and gd["start"] < d["end"]
                and d["value"] == gd["value"]
                and d["unit"] == gd["unit"]
            ):
                pairs.append((d, gd))
                used.add(i)
                break
    return pairs


def mentions(g: rdflib.Graph) -> list[tuple]:
    sp = spans(g)
    out = []
    for body, locs in sp.items():
        s = short(body)
        if s.split(":")[0] in SCORED_KINDS:
            for source, start, end in locs:
                out.append((s, source, start, end))
    return out


def supplementary(
    draft: rdflib.Graph, gold: rdflib.Graph, project: set[str], doc_of_source: dict
) -> dict:
    per_doc = defaultdict(lambda: defaultdict(lambda: [0, 0]))  # doc -> field -> [agree, total]
    errors = defaultdict(list)
    gold_mentions = mentions(gold)
    draft_mentions = mentions(draft)

    def policy_ok(dpol, gpol, source):
        if gpol in project:
            return dpol == gpol
        # a policy the project graph does not know: the draft's (new) policy must be drafted
        # over the gold policy's mention
        gspans = [(s, a, b) for (e, s, a, b) in gold_mentions if e == gpol and s == source]
        dspans = [(s, a, b) for (e, s, a, b) in draft_mentions if e == dpol and s == source]
        return dpol not in project and any(
            a1 < b2 and a2 < b1 for (_, a1, b1) in dspans for (_, a2, b2) in gspans
        )

    for cls, fields in (
        (SCHEMA.Observation, ("period", "area", "var", "qualifier", "age", "denominator")),
        (AIKG_NS.Target, ("year", "policy", "var", "qualifier", "area")),
    ):
        for d, g in match(facts(draft, cls), facts(gold, cls)):
            doc = doc_of_source.get(g["source"], str(g["source"]))
            for field in fields:
                gv, dv = g[field], d[field]
                if field in ("age", "denominator") and gv is None:
                    continue
                if field == "var":
                    # gold variable known to the project graph: the draft must reuse it;
                    # gold variable new: the draft must not reuse a project variable
                    ok = dv == gv if gv in project else dv not in project
                    key = "var (reuse)" if gv in project else "var (new)"
                elif field == "policy":
                    ok, key = policy_ok(dv, gv, g["source"]), "policy"
                else:
                    ok, key = dv == gv, field
                cell = per_doc[doc][f"{'target ' if cls == AIKG_NS.Target else ''}{key}"]
                cell[1] += 1
                cell[0] += ok
                if not ok:
                    errors[doc].append(
                        f"{'target' if cls == AIKG_NS.Target else 'obs'} {g['value']:g} ({short(g['node'])}): "
                        f"{key} drafted {dv}, gold {gv}"
                    )
    # drafted mentions of scored kinds that overlap no gold mention of any entity
    for e, s, a, b in draft_mentions:
        if not any(s == s2 and a < b2 and a2 < b for (_, s2, a2, b2) in gold_mentions):
            errors[doc_of_source.get(s, str(s))].append(
                f"entity drafted with no gold mention there: {e} at {a}-{b}"
            )
    return per_doc, errors


def eval_extract(drafts: Path, gold: Path, fmt: str) -> str:
    """The project's scorer, ``aikg eval-extract DRAFTS GOLD --format FMT``: its output."""
    return subprocess.run(
        [str(AIKG), "eval-extract", str(drafts), str(gold), "--format", fmt],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--update", action="store_true", help="rewrite the result section of README.md")
    ap.add_argument(
        "--set",
        type=Path,
        default=HERE,
        help="the held-out set's folder (default: this one; e.g. benchmarks/extraction_heldout2)",
    )
    args = ap.parse_args()
    use_set(args.set.resolve())

    problems = check_frozen()
    for p in problems:
        print(f"WARNING: {p}", file=sys.stderr)

    drafts = extract_all()
    golds = sorted(p for p in GOLD.glob("*.ttl") if p.name != "entities.ttl")
    with tempfile.TemporaryDirectory() as tmp:
        drafts_ttl, gold_ttl = Path(tmp) / "drafts.ttl", Path(tmp) / "gold.ttl"
        dg = merged(drafts, drafts_ttl)
        gg = merged(golds, gold_ttl)
        table = eval_extract(drafts_ttl, gold_ttl, "md")
        detail = json.loads(eval_extract(drafts_ttl, gold_ttl, "json"))

    project = set()
    pg = rdflib.Graph()
    for p in PROJECT_GRAPH.glob("*.ttl"):
        pg.parse(p)
    project = {short(s) for s in pg.subjects(RDF.type, None)}

    doc_of_source = {}
    for g_path in golds:
        g = rdflib.Graph().parse(g_path)
        for src in g.objects(None, OA.hasSource):
            doc_of_source[src] = g_path.stem + ".md"
    per_doc, errors = supplementary(dg, gg, project, doc_of_source)

    # ---- output -------------------------------------------------------------------------------
    code = [
        *sorted((ROOT / "src" / "aikg" / "extraction").rglob("*.py")),
        ROOT / "src" / "aikg" / "numbers.py",
    ]
    code_hash = hashlib.sha256(b"".join(p.read_bytes() for p in code)).hexdigest()
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    lines = []
    lines.append(
        f"Extractor: commit {head or '?'} with its working tree; SHA-256 of `src/aikg/extraction/**/*.py` "
        f"+ `src/aikg/numbers.py` (concatenated, sorted): `{code_hash[:16]}`. "
        f"Gold: {'as frozen' if not problems else 'DIFFERS FROM THE FROZEN GOLD'}.\n"
    )
    lines.append("### Scores of `aikg eval-extract` (the project's scorer)\n")
    lines.append(
        table.split("\n", 2)[2].strip() if table.startswith("Generated") else table.strip()
    )
    lines.append("")
    lines.append("### Attributes of the matched facts (not scored by `aikg eval-extract`)\n")
    fields = [
        "period",
        "area",
        "var (reuse)",
        "var (new)",
        "qualifier",
        "age",
        "denominator",
        "target year",
        "target policy",
        "target var (reuse)",
        "target var (new)",
        "target area",
    ]
    lines.append("| document | " + " | ".join(fields) + " |")
    lines.append("|---|" + "---:|" * len(fields))
    total = defaultdict(lambda: [0, 0])
    for doc in sorted(per_doc):
        cells = []
        for f in fields:
            a, n = per_doc[doc].get(f, [0, 0])
            total[f][0] += a
            total[f][1] += n
            cells.append(f"{a}/{n}" if n else "–")
        lines.append(f"| {doc} | " + " | ".join(cells) + " |")
    lines.append(
        "| **overall** | "
        + " | ".join(
            (
                f"**{total[f][0]}/{total[f][1]}** ({total[f][0] / total[f][1]:.2f})"
                if total[f][1]
                else "–"
            )
            for f in fields
        )
        + " |"
    )
    lines.append("")
    lines.append(
        "a/n: the draft agrees with the gold on a of the n matched facts where the gold states the attribute. "
        "var (reuse): the gold variable is one of the project graph's, and the draft must reuse it; "
        "var (new): the gold variable is new, and the draft must not reuse one of the graph's. "
        "target policy: the gold policy's IRI, or for a policy the graph does not know, a new drafted policy "
        "over the gold policy's mention."
    )
    lines.append("")
    lines.append("### Errors, per document\n")
    for d in detail["documents"]:
        doc = d["document"]
        lines.append(f"**{doc}**\n")
        for m in d.get("missed", []):
            lines.append(f"- missed (in gold, not drafted): `{m}`")
        for s in d.get("spurious", []):
            lines.append(f"- spurious (drafted, not in gold): `{s}`")
        for e in d["entity_linking"]["errors"]:
            lines.append(
                f"- linking error: `{e['quote']}` gold {e['gold']}, drafted {e['drafted']}"
            )
        for e in d["entity_linking"]["not_found"]:
            lines.append(f"- entity not found: `{e['quote']}` ({e['gold']})")
        for e in errors.get(doc, []):
            lines.append(f"- {e}")
        lines.append("")
    out = "\n".join(lines).rstrip() + "\n"
    print(out)
    if problems:
        print("WARNING: the gold differs from the frozen gold (see above).")
    if args.update:
        text = README.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            README.write_text(f"{head}{BEGIN}\n{out}{END}{tail}", encoding="utf-8")
        else:
            print("README.md has no result markers; nothing updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
