#!/usr/bin/env python3
"""Score ``aikg extract`` on one extraction gold set (method: ``benchmarks/extraction/README.md``).

Run from the project root with the project's interpreter:

    .venv/bin/python -m benchmarks.extraction.score --set set-5            # print the tables
    .venv/bin/python -m benchmarks.extraction.score --set set-5 --update   # and its README

``--set`` takes a set's name (a folder of ``benchmarks/extraction/sets/``) or any folder with
the same layout: ``README.md`` (status and frozen hashes), ``shared/sources/``, ``curation/``,
``gold/``. Steps:

1. check that the set's files still have the SHA-256 recorded in its README before the first run;
2. ``aikg extract`` every text of ``shared/sources/`` against the bundled project graph (which
   knows none of these texts), writing ``drafts/<stem>.ttl`` and ``drafts/<stem>.yaml``;
3. ``aikg eval-extract`` of all drafts against all gold graphs (the project's own scorer: per
   document and overall);
4. supplementary measures the project's scorer does not take: for the observations and targets it
   matches (same rule: overlapping evidence span, equal value, same unit kind), whether the
   draft's reference period, area, variable, qualifier, age band, denominator, target year and
   target policy agree with the gold; the drafted facts kept unchanged (matched, and agreeing on
   variable, unit, qualifier, period and area: issue 12's measure), per document and overall;
   the figures the drafts left out as unsure (their sheets' ``unsure``), and how many of them
   would have been kept had they been drafted (the texts drafted again with
   ``--draft-unsure``); and the drafted entity mentions (of the scored kinds) that overlap no
   gold mention.
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
from dataclasses import dataclass
from pathlib import Path

import rdflib
import yaml
from rdflib import RDF, RDFS, Namespace

from aikg.extraction.entities import NAMED_KINDS
from aikg.extraction.script import name_key

HERE = Path(__file__).resolve().parent
SETS = HERE / "sets"
ROOT = HERE.parent.parent
AIKG = [sys.executable, "-m", "aikg"]
PROJECT_GRAPH = ROOT / "graph"

SCHEMA = Namespace("https://schema.org/")
AIKG_NS = Namespace("https://w3id.org/aikg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SDMXD = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
ID = "https://w3id.org/aikg/id/"
#: The entity kinds eval-extract scores.
SCORED_KINDS = NAMED_KINDS
BEGIN, END = "<!-- heldout:begin -->", "<!-- heldout:end -->"
#: The status line of a set's README: ``Status: **held-out**`` or ``Status: **in-sample**``.
STATUS = re.compile(r"^Status: \*\*(held-out|in-sample)\*\*", re.M)
#: A hash recorded in a set's README, as ``sha256sum`` prints it.
FROZEN = re.compile(r"^([0-9a-f]{64})  ((?:gold|curation|shared/sources)/\S+)$", re.M)


@dataclass(frozen=True)
class GoldSet:
    """One set's folders (see the module docstring)."""

    folder: Path

    @classmethod
    def named(cls, name: str) -> GoldSet:
        """The set called ``name`` under ``sets/``, or the folder ``name``."""
        folder = SETS / name if (SETS / name).is_dir() else Path(name)
        if not (folder / "README.md").is_file() or not (folder / "gold").is_dir():
            known = ", ".join(sorted(p.name for p in SETS.iterdir() if p.is_dir()))
            raise SystemExit(f"no extraction gold set at {name} (known sets: {known})")
        return cls(folder.resolve())

    @property
    def sources(self) -> Path:
        return self.folder / "shared" / "sources"

    @property
    def gold(self) -> Path:
        return self.folder / "gold"

    @property
    def drafts(self) -> Path:
        return self.folder / "drafts"

    @property
    def readme(self) -> Path:
        return self.folder / "README.md"

    def status(self) -> str:
        """``held-out`` or ``in-sample``, as the README says."""
        found = STATUS.search(self.readme.read_text(encoding="utf-8"))
        return found.group(1) if found else "unmarked"


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


def check_frozen(gold_set: GoldSet) -> list[str]:
    """Compare the set's files (gold, curation sheets, texts) with the hashes in its README."""
    frozen = {
        path: digest for digest, path in FROZEN.findall(gold_set.readme.read_text(encoding="utf-8"))
    }
    if not frozen:
        return ["README.md records no SHA-256 for the set's files"]
    problems = []
    for rel, digest in sorted(frozen.items()):
        path = gold_set.folder / rel
        if not path.is_file():
            problems.append(f"{rel}: missing (its SHA-256 is recorded)")
        elif (actual := hashlib.sha256(path.read_bytes()).hexdigest()) != digest:
            problems.append(f"{rel}: SHA-256 {actual[:12]} differs from the frozen {digest[:12]}")
    for path in sorted(gold_set.gold.glob("*.ttl")):
        if f"gold/{path.name}" not in frozen:
            problems.append(f"gold/{path.name}: no SHA-256 recorded for it")
    return problems


def extract_all(gold_set: GoldSet, folder: Path | None = None, *extra: str) -> list[Path]:
    """``aikg extract`` every text of the set into ``folder`` (the set's ``drafts/``), with the
    options ``extra``; the draft graphs' paths."""
    folder = folder or gold_set.drafts
    folder.mkdir(exist_ok=True)
    drafts = []
    for src in sorted(gold_set.sources.glob("*.md")):
        out = folder / f"{src.stem}.ttl"
        sheet = folder / f"{src.stem}.yaml"
        shared = gold_set.folder / "shared"
        subprocess.run(
            [
                *AIKG,
                "extract",
                str(src),
                "-o",
                str(out),
                "--sheet",
                str(sheet),
                "--shared",
                str(shared),
                *extra,
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

    def shown(node, prop, default=None, as_text=short):
        value = g.value(node, prop)
        return as_text(value) if value is not None else default

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
                value=shown(node, SCHEMA.value, as_text=lambda v: v.toPython()),
                unit=unit_kind(g.value(node, SCHEMA.unitCode)),
                unit_code=short(g.value(node, SCHEMA.unitCode)),
                var=short(g.value(node, SCHEMA.variableMeasured)),
                period=short(g.value(node, SDMXD.refPeriod)),
                area=short(g.value(node, SDMXD.refArea)),
                qualifier=shown(node, AIKG_NS.valueQualifier, "none"),
                age=shown(node, SDMXD.age),
                denominator=shown(node, SCHEMA.measurementDenominator),
                year=shown(node, AIKG_NS.targetYear, as_text=str),
                policy=shown(node, AIKG_NS.targetOf),
            )
        )
    return out


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


def mentions(g: rdflib.Graph, kinds: tuple[str, ...] = SCORED_KINDS) -> list[tuple]:
    """(entity, source, start, end) of every mention of an entity of ``kinds``."""
    sp = spans(g)
    out = []
    for body, locs in sp.items():
        s = short(body)
        if s.split(":")[0] in kinds:
            for source, start, end in locs:
                out.append((s, source, start, end))
    return out


#: Fields whose value is an entity the project graph may not know (a policy, a place): then the
#: extractor cannot know the gold's IRI (``place:macao`` and ``place:macau`` are both right for
#: a Macao the graph does not hold), and a new IRI that names the same entity agrees: drafted over
#: the gold entity's mention, or given one of its names. A variable is scored apart (any new
#: variable where the gold's is new).
NAMED_HERE = ("policy", "area")
#: The kinds of entity those fields name (a target's policy may be a report: a work report).
HERE_KINDS = (*SCORED_KINDS, "place")


@dataclass
class NewEntities:
    """What tells whether a drafted new policy or place is the gold's: the mentions of both
    graphs and their entities' names (compared as the extractor compares names)."""

    project: set[str]
    gold_mentions: list[tuple]
    draft_mentions: list[tuple]
    gold_names: dict[str, set[str]]
    draft_names: dict[str, set[str]]

    @classmethod
    def of(cls, draft: rdflib.Graph, gold: rdflib.Graph, project: set[str]) -> NewEntities:
        def names(g: rdflib.Graph) -> dict[str, set[str]]:
            found: dict[str, set[str]] = defaultdict(set)
            for s, label in g.subject_objects(RDFS.label):
                found[short(s)].add(name_key(str(label)))
            return found

        return cls(
            project,
            mentions(gold, HERE_KINDS),
            mentions(draft, HERE_KINDS),
            names(gold),
            names(draft),
        )

    def agrees(self, field: str, dv, gv, source) -> tuple[bool, str]:
        """Whether the drafted value ``dv`` of ``field`` agrees with the gold's ``gv``, and the
        name the error lists give the field. A variable: the gold's when the project graph knows
        it (the draft must reuse it), else any new one (the draft must not reuse a project
        variable); a policy or place: :meth:`same`; anything else: equal."""
        if field == "var":
            if gv in self.project:
                return dv == gv, "var (reuse)"
            return dv not in self.project, "var (new)"
        if field in NAMED_HERE:
            return self.same(dv, gv, source), field
        return dv == gv, field

    def same(self, dv, gv, source) -> bool:
        """Whether the drafted ``dv`` is the gold's ``gv``: the same IRI; or, for an entity the
        project graph does not hold, a new IRI drafted over a mention of ``gv`` in the same text
        or named as ``gv`` is."""
        if dv == gv or gv in self.project or dv in self.project or dv is None:
            return dv == gv
        if self.gold_names.get(gv, set()) & self.draft_names.get(dv, set()):
            return True
        gspans = [(a, b) for (e, s, a, b) in self.gold_mentions if e == gv and s == source]
        dspans = [(a, b) for (e, s, a, b) in self.draft_mentions if e == dv and s == source]
        return any(a1 < b2 and a2 < b1 for a1, b1 in dspans for a2, b2 in gspans)


def supplementary(
    draft: rdflib.Graph, gold: rdflib.Graph, project: set[str], doc_of_source: dict
) -> tuple[dict, dict]:
    per_doc = defaultdict(lambda: defaultdict(lambda: [0, 0]))  # doc -> field -> [agree, total]
    errors = defaultdict(list)
    gold_mentions = mentions(gold)
    draft_mentions = mentions(draft)
    new = NewEntities.of(draft, gold, project)

    for cls, fields in (
        (SCHEMA.Observation, ("period", "area", "var", "qualifier", "age", "denominator")),
        (AIKG_NS.Target, ("year", "policy", "var", "qualifier", "area")),
    ):
        kind = "target" if cls == AIKG_NS.Target else "obs"
        for d, g in match(facts(draft, cls), facts(gold, cls)):
            doc = doc_of_source.get(g["source"], str(g["source"]))
            for field in fields:
                gv, dv = g[field], d[field]
                if field in ("age", "denominator") and gv is None:
                    continue
                ok, key = new.agrees(field, dv, gv, g["source"])
                cell = per_doc[doc][f"{'target ' if kind == 'target' else ''}{key}"]
                cell[1] += 1
                cell[0] += ok
                if not ok:
                    errors[doc].append(
                        f"{kind} {g['value']:g} ({short(g['node'])}): {key} drafted {dv}, gold {gv}"
                    )
    # drafted mentions of scored kinds that overlap no gold mention of any entity
    for e, s, a, b in draft_mentions:
        if not any(s == s2 and a < b2 and a2 < b for (_, s2, a2, b2) in gold_mentions):
            errors[doc_of_source.get(s, str(s))].append(
                f"entity drafted with no gold mention there: {e} at {a}-{b}"
            )
    return per_doc, errors


#: What a matched fact must agree on to be kept unchanged (issue 12's measure): variable,
#: value (matched facts have equal values), unit, qualifier, period and area; a target's period
#: is its year, and its policy must agree too.
KEPT_FIELDS = {
    "obs": ("var", "unit_code", "qualifier", "period", "area"),
    "target": ("var", "unit_code", "qualifier", "year", "policy", "area"),
}


def kept_facts(
    draft: rdflib.Graph, gold: rdflib.Graph, project: set[str], doc_of_source: dict
) -> dict[str, tuple[str, bool]]:
    """Each drafted observation and target (its short IRI) -> (its document, whether it is kept
    unchanged): it matches a gold fact and agrees with it on every field of
    :data:`KEPT_FIELDS` (:meth:`NewEntities.agrees`)."""
    out: dict[str, tuple[str, bool]] = {}
    new = NewEntities.of(draft, gold, project)
    for cls, kind in ((SCHEMA.Observation, "obs"), (AIKG_NS.Target, "target")):
        drafted = facts(draft, cls)
        for d in drafted:
            out[short(d["node"])] = (doc_of_source.get(d["source"], str(d["source"])), False)
        for d, g in match(drafted, facts(gold, cls)):
            same = all(
                new.agrees(field, d[field], g[field], g["source"])[0] for field in KEPT_FIELDS[kind]
            )
            out[short(d["node"])] = (out[short(d["node"])][0], same)
    return out


def kept_unchanged(
    draft: rdflib.Graph, gold: rdflib.Graph, project: set[str], doc_of_source: dict
) -> dict[str, list[int]]:
    """Per document, [kept, drafted]: the drafted observations and targets kept unchanged
    (:func:`kept_facts`), and all drafted observations and targets."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, same in kept_facts(draft, gold, project, doc_of_source).values():
        out[doc][0] += same
        out[doc][1] += 1
    return dict(out)


def left_out(
    gold_set: GoldSet, gold: rdflib.Graph, project: set[str], doc_of_source: dict
) -> dict[str, list[int]]:
    """Per document, [left out, of which kept had they been drafted]: the figures the drafts list
    under ``unsure`` (not drafted), scored as ``aikg extract --draft-unsure`` drafts them."""
    unsure: set[str] = set()
    for sheet in gold_set.drafts.glob("*.yaml"):
        entries = yaml.safe_load(sheet.read_text(encoding="utf-8")).get("unsure") or []
        unsure |= {entry["id"] for entry in entries}
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    if not unsure:
        return out
    with tempfile.TemporaryDirectory() as tmp:
        every = merged(extract_all(gold_set, Path(tmp), "--draft-unsure"), Path(tmp) / "all.ttl")
    for node, (doc, same) in kept_facts(every, gold, project, doc_of_source).items():
        if node in unsure:
            out[doc][0] += 1
            out[doc][1] += same
    return out


def kept_table(kept: dict[str, list[int]], held: dict[str, list[int]]) -> list[str]:
    """Per document and overall: drafted facts kept unchanged, as count and share of drafted;
    the figures left out as unsure, and how many of them would have been kept as drafted."""

    def cell(k: int, n: int) -> str:
        return f"{k}/{n} ({100 * k / n:.0f}%)" if n else "–"

    lines = [
        "| document | kept unchanged / drafted | left out as unsure (kept had they been drafted) |",
        "|---|---:|---:|",
    ]
    for doc in sorted(set(kept) | set(held)):
        n_held, n_right = held.get(doc, [0, 0])
        lines.append(f"| {doc} | {cell(*kept.get(doc, [0, 0]))} | {n_held} ({n_right}) |")
    k, n = (sum(v[i] for v in kept.values()) for i in (0, 1))
    n_held, n_right = (sum(v[i] for v in held.values()) for i in (0, 1))
    lines.append(f"| **overall** | **{cell(k, n)}** | **{n_held} ({n_right})** |")
    return lines


KEPT_NOTE = (
    "Kept unchanged: a drafted observation or target that matches a gold fact (overlapping "
    "evidence, equal value, same unit kind) and agrees with it on variable, unit, qualifier, "
    "period and area (a target: year, policy and area), as issue 12 measures a first draft; the "
    "share is of all drafted observations and targets. A variable the project graph does not "
    "hold is right when the draft makes a new one; a place or policy the graph does not hold, "
    "when the draft names a new one over the gold's mention of it or by one of its names. Left "
    "out as unsure: figures the draft lists under `unsure` and does not draft (a part of each "
    "assumed: `aikg.extraction.doubts`), scored as `aikg extract --draft-unsure` drafts them; "
    "they are not in the share."
)


def eval_extract(drafts: Path, gold: Path, fmt: str) -> str:
    """The project's scorer, ``aikg eval-extract DRAFTS GOLD --format FMT``: its output."""
    return subprocess.run(
        [*AIKG, "eval-extract", str(drafts), str(gold), "--format", fmt],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout


FIELDS = [
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

ATTRIBUTES_NOTE = (
    "a/n: the draft agrees with the gold on a of the n matched facts where the gold states the "
    "attribute. var (reuse): the gold variable is one of the project graph's, and the draft must "
    "reuse it; var (new): the gold variable is new, and the draft must not reuse one of the "
    "graph's. target policy: the gold policy's IRI, or for a policy the graph does not know, a "
    "new drafted policy over the gold policy's mention."
)


def extractor_line(frozen: bool) -> str:
    """Which extractor was scored: the commit and a hash of the extraction code."""
    code = [
        *sorted((ROOT / "src" / "aikg" / "extraction").rglob("*.py")),
        ROOT / "src" / "aikg" / "numbers.py",
    ]
    code_hash = hashlib.sha256(b"".join(p.read_bytes() for p in code)).hexdigest()
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    return (
        f"Extractor: commit {head or '?'} with its working tree; SHA-256 of "
        "`src/aikg/extraction/**/*.py` + `src/aikg/numbers.py` (concatenated, sorted): "
        f"`{code_hash[:16]}`. Gold: {'as frozen' if frozen else 'DIFFERS FROM THE FROZEN GOLD'}.\n"
    )


def attributes_table(per_doc: dict) -> list[str]:
    """The supplementary table: per document, a/n agreeing attributes of the matched facts."""
    lines = ["| document | " + " | ".join(FIELDS) + " |", "|---|" + "---:|" * len(FIELDS)]
    total = defaultdict(lambda: [0, 0])
    for doc in sorted(per_doc):
        cells = []
        for f in FIELDS:
            a, n = per_doc[doc].get(f, [0, 0])
            total[f][0] += a
            total[f][1] += n
            cells.append(f"{a}/{n}" if n else "–")
        lines.append(f"| {doc} | " + " | ".join(cells) + " |")
    overall = [
        f"**{total[f][0]}/{total[f][1]}** ({total[f][0] / total[f][1]:.2f})" if total[f][1] else "–"
        for f in FIELDS
    ]
    lines.append("| **overall** | " + " | ".join(overall) + " |")
    return lines


def error_lines(detail: dict, errors: dict) -> list[str]:
    """Per document: eval-extract's misses and linking errors, then the supplementary ones."""
    lines = []
    for d in detail["documents"]:
        doc = d["document"]
        lines.append(f"**{doc}**\n")
        lines += [f"- missed (in gold, not drafted): `{m}`" for m in d.get("missed", [])]
        lines += [f"- spurious (drafted, not in gold): `{s}`" for s in d.get("spurious", [])]
        lines += [
            f"- linking error: `{e['quote']}` gold {e['gold']}, drafted {e['drafted']}"
            for e in d["entity_linking"]["errors"]
        ]
        lines += [
            f"- entity not found: `{e['quote']}` ({e['gold']})"
            for e in d["entity_linking"]["not_found"]
        ]
        lines += [f"- {e}" for e in errors.get(doc, [])]
        lines.append("")
    return lines


def project_entities() -> set[str]:
    """The short IRIs of everything the project graph types: what a draft may reuse."""
    graph = rdflib.Graph()
    for path in PROJECT_GRAPH.glob("*.ttl"):
        graph.parse(path)
    return {short(s) for s in graph.subjects(RDF.type, None)}


def report(gold_set: GoldSet, frozen: bool) -> str:
    """Extract, score, and write the Markdown the set's README keeps between its markers."""
    drafts = extract_all(gold_set)
    golds = sorted(p for p in gold_set.gold.glob("*.ttl") if p.name != "entities.ttl")
    with tempfile.TemporaryDirectory() as tmp:
        drafts_ttl, gold_ttl = Path(tmp) / "drafts.ttl", Path(tmp) / "gold.ttl"
        dg = merged(drafts, drafts_ttl)
        gg = merged(golds, gold_ttl)
        table = eval_extract(drafts_ttl, gold_ttl, "md")
        detail = json.loads(eval_extract(drafts_ttl, gold_ttl, "json"))
    # the names of the gold's new entities (a new place agrees by one of them: NewEntities)
    if (gold_set.gold / "entities.ttl").exists():
        gg.parse(gold_set.gold / "entities.ttl")

    project = project_entities()

    doc_of_source = {}
    for g_path in golds:
        for src in rdflib.Graph().parse(g_path).objects(None, OA.hasSource):
            doc_of_source[src] = g_path.stem + ".md"
    per_doc, errors = supplementary(dg, gg, project, doc_of_source)
    kept = kept_unchanged(dg, gg, project, doc_of_source)
    held = left_out(gold_set, gg, project, doc_of_source)

    lines = [extractor_line(frozen), "### Scores of `aikg eval-extract` (the project's scorer)\n"]
    lines.append(
        table.split("\n", 2)[2].strip() if table.startswith("Generated") else table.strip()
    )
    lines.append("")
    lines.append("### Attributes of the matched facts (not scored by `aikg eval-extract`)\n")
    lines += attributes_table(per_doc)
    lines += ["", ATTRIBUTES_NOTE, "", "### Kept unchanged (issue 12's measure)\n"]
    lines += kept_table(kept, held)
    lines += ["", KEPT_NOTE, "", "### Errors, per document\n"]
    lines += error_lines(detail, errors)
    return "\n".join(lines).rstrip() + "\n"


def update_readme(readme: Path, out: str) -> None:
    """Replace the text between the README's result markers with ``out``: the last marker
    that stands on a line of its own, so that a README which quotes the marker in its prose
    (how the set was made) keeps its prose."""
    text = readme.read_text(encoding="utf-8")
    begins = list(re.finditer(rf"^{re.escape(BEGIN)}$", text, re.M))
    ends = re.compile(rf"^{re.escape(END)}$", re.M)
    end = ends.search(text, begins[-1].end()) if begins else None
    if end is None:
        print(f"{readme} has no result markers; nothing updated", file=sys.stderr)
        return
    head, tail = text[: begins[-1].start()], text[end.end() :]
    readme.write_text(f"{head}{BEGIN}\n{out}{END}{tail}", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--set",
        required=True,
        help="a set's name under benchmarks/extraction/sets/ (e.g. set-5) or a set's folder",
    )
    ap.add_argument("--update", action="store_true", help="rewrite the result section of README.md")
    args = ap.parse_args()
    gold_set = GoldSet.named(args.set)

    problems = check_frozen(gold_set)
    for p in problems:
        print(f"WARNING: {p}", file=sys.stderr)
    print(f"Set {gold_set.folder.name}: {gold_set.status()}.\n", file=sys.stderr)

    out = report(gold_set, frozen=not problems)
    print(out)
    if problems:
        print("WARNING: the gold differs from the frozen gold (see above).")
    if args.update:
        update_readme(gold_set.readme, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
