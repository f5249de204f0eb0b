"""``eval-extract``: how well a draft graph recovers a curated (gold) graph, document by document.

- Observations and targets: a drafted fact matches a gold fact of the same class when both
  anchor in the same source text (its SHA-256), their evidence spans overlap, their normalized
  values are equal and their units are of one kind (:func:`aikg.extraction.units.unit_kind`:
  persons and plain counts are both counts). Matching is one to one. Precision, recall and F1.
- Entity linking: every gold mention of a named entity (a policy, report, series, initiative,
  organization, person, product or event) that the draft also found is *linked correctly* when
  the draft gives it the gold IRI, or, for an entity the extractor could not know (not in the
  ``known`` IRIs), a new draft IRI. A gold mention counts as found when a drafted mention
  overlaps it, or when the draft mentions the gold IRI elsewhere in the same source. Accuracy
  is correct / found; coverage is found / gold mentions.
- Attributes of the matched facts (not part of precision and recall): for each matched
  observation, whether the draft agrees with the gold on the reference period, the area and the
  variable; for each matched target, on the target year, the area, the variable and the policy.
  A variable or policy agrees when the draft gives the gold IRI, or, for one the extractor could
  not know (outside ``known``), a new IRI that is not one of the known ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from aikg.extraction.entities import NAMED_KINDS, kind_of
from aikg.extraction.units import unit_kind
from aikg.namespaces import AIKG, OA, SCHEMA, SDMX_DIM, shorten

#: Attributes compared on matched facts: (name, predicate, compared as an entity IRI).
OBS_ATTRIBUTES = (
    ("period", SDMX_DIM.refPeriod, False),
    ("area", SDMX_DIM.refArea, False),
    ("var", SCHEMA.variableMeasured, True),
)
TARGET_ATTRIBUTES = (
    ("year", AIKG.targetYear, False),
    ("area", SDMX_DIM.refArea, False),
    ("var", SCHEMA.variableMeasured, True),
    ("policy", AIKG.targetOf, True),
)


@dataclass(frozen=True)
class Span:
    body: str
    sha: str
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.sha == other.sha and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Quantity:
    span: Span
    value: Decimal
    unit: str


@dataclass
class Score:
    """Counts of one kind of fact in one document, and the figures they give."""

    drafted: int = 0
    gold: int = 0
    matched: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.drafted if self.drafted else (None if not self.gold else 0.0)

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else (None if not self.drafted else 1.0)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.drafted += other.drafted
        self.gold += other.gold
        self.matched += other.matched

    def to_json(self) -> dict[str, Any]:
        return {
            "drafted": self.drafted,
            "gold": self.gold,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Linking:
    gold: int = 0
    found: int = 0
    correct: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (gold, drafted, quote)
    missed: list[tuple[str, str]] = field(default_factory=list)  # (gold, quote)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.found if self.found else None

    @property
    def coverage(self) -> float | None:
        return self.found / self.gold if self.gold else None

    def add(self, other: Linking) -> None:
        self.gold += other.gold
        self.found += other.found
        self.correct += other.correct
        self.errors += other.errors
        self.missed += other.missed

    def to_json(self) -> dict[str, Any]:
        return {
            "gold_mentions": self.gold,
            "found": self.found,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "coverage": self.coverage,
            "errors": [{"gold": g, "drafted": d, "quote": q} for g, d, q in self.errors],
            "not_found": [{"gold": g, "quote": q} for g, q in self.missed],
        }


@dataclass
class Attributes:
    """Agreement of the matched facts with the gold on each attribute: name -> [agree, total]."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)

    def tally(self, name: str, ok: bool) -> None:
        cell = self.counts.setdefault(name, [0, 0])
        cell[0] += int(ok)
        cell[1] += 1

    def cell(self, name: str) -> tuple[int, int]:
        agree, total = self.counts.get(name, [0, 0])
        return agree, total

    def add(self, other: Attributes) -> None:
        for name, (agree, total) in other.counts.items():
            cell = self.counts.setdefault(name, [0, 0])
            cell[0] += agree
            cell[1] += total
        self.errors += other.errors

    def to_json(self) -> dict[str, Any]:
        return {
            name: {"agree": a, "total": n, "rate": a / n if n else None}
            for name, (a, n) in self.counts.items()
        }


@dataclass
class DocumentScore:
    document: str
    observations: Score = field(default_factory=Score)
    targets: Score = field(default_factory=Score)
    linking: Linking = field(default_factory=Linking)
    missed: list[str] = field(default_factory=list)  # gold quotes not recovered
    spurious: list[str] = field(default_factory=list)  # drafted quotes not in gold
    obs_attributes: Attributes = field(default_factory=Attributes)
    target_attributes: Attributes = field(default_factory=Attributes)

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "observations": self.observations.to_json(),
            "targets": self.targets.to_json(),
            "entity_linking": self.linking.to_json(),
            "missed": self.missed,
            "spurious": self.spurious,
            "attributes": {
                "observations": self.obs_attributes.to_json(),
                "targets": self.target_attributes.to_json(),
            },
            "attribute_errors": self.obs_attributes.errors + self.target_attributes.errors,
        }


@dataclass
class Evaluation:
    documents: list[DocumentScore]

    @property
    def overall(self) -> DocumentScore:
        total = DocumentScore("overall")
        for doc in self.documents:
            total.observations.add(doc.observations)
            total.targets.add(doc.targets)
            total.linking.add(doc.linking)
            total.obs_attributes.add(doc.obs_attributes)
            total.target_attributes.add(doc.target_attributes)
        return total

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_json(),
            "documents": [d.to_json() for d in self.documents],
        }


def _texts(graph: Graph) -> dict[URIRef, str]:
    """Source text IRI -> SHA-256."""
    return {
        text: str(graph.value(text, SCHEMA.sha256))
        for text in graph.subjects(RDF.type, AIKG.SourceText)
        if isinstance(text, URIRef)
    }


def _names(graph: Graph) -> dict[str, str]:
    """SHA-256 -> a readable name of the document (its source path)."""
    out = {}
    for text, sha in _texts(graph).items():
        path = graph.value(text, AIKG.sourcePath)
        out[sha] = str(path).rsplit("/", 1)[-1] if path else sha[:12]
    return out


def spans(graph: Graph) -> list[tuple[URIRef, Span, str]]:
    """(body, span, quote) of every annotation of ``graph``."""
    shas = _texts(graph)
    found = []
    for anno in graph.subjects(RDF.type, OA.Annotation):
        body, target = graph.value(anno, OA.hasBody), graph.value(anno, OA.hasTarget)
        source = graph.value(target, OA.hasSource)
        sha = shas.get(source) if isinstance(source, URIRef) else None
        if sha is None:
            sha = str(graph.value(source, SCHEMA.sha256) or "")
        start = end = None
        quote = ""
        for selector in graph.objects(target, OA.hasSelector):
            if (selector, RDF.type, OA.TextPositionSelector) in graph:
                start, end = (
                    int(str(graph.value(selector, OA.start))),
                    int(str(graph.value(selector, OA.end))),
                )
            elif (selector, RDF.type, OA.TextQuoteSelector) in graph:
                quote = str(graph.value(selector, OA.exact))
        if isinstance(body, URIRef) and start is not None and end is not None and sha:
            found.append((body, Span(str(body), sha, start, end), quote))
    return found


def _quantities(graph: Graph, cls: URIRef) -> list[tuple[Quantity, str]]:
    members = set(graph.subjects(RDF.type, cls))
    out = []
    for body, span, quote in spans(graph):
        if body not in members:
            continue
        value, unit = graph.value(body, SCHEMA.value), graph.value(body, SCHEMA.unitCode)
        if value is None or unit is None:
            continue
        out.append((Quantity(span, Decimal(str(value)), unit_kind(str(unit))), quote))
    return out


def _score(
    drafted: list[tuple[Quantity, str]],
    gold: list[tuple[Quantity, str]],
    doc: DocumentScore,
    pairs: list[tuple[Quantity, Quantity, str]] | None = None,
) -> Score:
    score = Score(len(drafted), len(gold), 0)
    used: set[int] = set()
    for g, g_quote in gold:
        best = None
        for index, (d, _) in enumerate(drafted):
            if index in used or not d.span.overlaps(g.span):
                continue
            if d.value == g.value and d.unit == g.unit:
                best = index
                break
        if best is None:
            doc.missed.append(g_quote)
        else:
            used.add(best)
            score.matched += 1
            if pairs is not None:
                pairs.append((drafted[best][0], g, g_quote))
    doc.spurious += [q for index, (_, q) in enumerate(drafted) if index not in used]
    return score


def _linking(draft: Graph, gold: Graph, sha: str, known: set[str] | None) -> Linking:
    def named(graph: Graph) -> list[tuple[URIRef, Span, str]]:
        return [
            (b, s, q) for b, s, q in spans(graph) if s.sha == sha and kind_of(str(b)) in NAMED_KINDS
        ]

    drafted, result = named(draft), Linking()
    drafted_iris = {str(b) for b, _, _ in drafted}
    for body, span, quote in named(gold):
        result.gold += 1
        iri = str(body)
        kind = kind_of(iri)
        overlapping = [str(b) for b, s, _ in drafted if s.overlaps(span)]
        same_kind = [d for d in overlapping if kind_of(d) == kind]
        new_ok = known is not None and iri not in known
        if iri in overlapping or iri in drafted_iris or (new_ok and any(map(_is_draft, same_kind))):
            result.found += 1
            result.correct += 1
        elif same_kind:
            result.found += 1
            result.errors.append((shorten(iri), shorten(same_kind[0]), quote))
        else:
            result.missed.append((shorten(iri), quote))
    return result


def _attributes(
    pairs: list[tuple[Quantity, Quantity, str]],
    draft: Graph,
    gold: Graph,
    attributes: tuple[tuple[str, URIRef, bool], ...],
    known: set[str] | None,
    kind: str,
) -> Attributes:
    """Agreement of matched (draft, gold) facts on each attribute the gold states."""
    result = Attributes()
    for d, g, quote in pairs:
        d_node, g_node = URIRef(d.span.body), URIRef(g.span.body)
        for name, predicate, entity in attributes:
            g_value, d_value = gold.value(g_node, predicate), draft.value(d_node, predicate)
            if g_value is None:
                continue
            if entity and known is not None and str(g_value) not in known:
                ok = d_value is not None and str(d_value) not in known
            else:
                ok = d_value is not None and str(d_value) == str(g_value)
            result.tally(name, ok)
            if not ok:
                result.errors.append(
                    {
                        "fact": kind,
                        "attribute": name,
                        "quote": quote,
                        "gold": _short(g_value),
                        "drafted": _short(d_value),
                    }
                )
    return result


def _short(node: Any) -> str:
    if node is None:
        return "none"
    return shorten(str(node)) if isinstance(node, URIRef) else str(node)


def _is_draft(iri: str) -> bool:
    return iri.rsplit("/", 1)[-1].startswith("draft-")


def evaluate(
    draft: Graph,
    gold: Graph,
    known: set[str] | None = None,
    variables: set[str] | None = None,
) -> Evaluation:
    """Score ``draft`` against ``gold``, per source text of the gold graph.

    ``known``: the IRIs the extractor could link to; a gold entity outside it is rightly drafted
    as new. None: every gold entity counts as known. ``variables``: the variables and policies
    the extractor could reuse, for the attribute agreement (default: ``known``).
    """
    reusable = variables if variables is not None else known
    names = _names(gold)
    d_obs = _quantities(draft, SCHEMA.Observation)
    g_obs = _quantities(gold, SCHEMA.Observation)
    d_tgt = _quantities(draft, AIKG.Target)
    g_tgt = _quantities(gold, AIKG.Target)
    documents = []
    for sha, name in sorted(names.items(), key=lambda item: item[1]):
        doc = DocumentScore(name)

        def pick(items: list[tuple[Quantity, str]], sha: str = sha) -> list[tuple[Quantity, str]]:
            return [item for item in items if item[0].span.sha == sha]

        obs_pairs: list[tuple[Quantity, Quantity, str]] = []
        tgt_pairs: list[tuple[Quantity, Quantity, str]] = []
        doc.observations = _score(pick(d_obs), pick(g_obs), doc, obs_pairs)
        doc.targets = _score(pick(d_tgt), pick(g_tgt), doc, tgt_pairs)
        doc.obs_attributes = _attributes(
            obs_pairs, draft, gold, OBS_ATTRIBUTES, reusable, "observation"
        )
        doc.target_attributes = _attributes(
            tgt_pairs, draft, gold, TARGET_ATTRIBUTES, reusable, "target"
        )
        doc.linking = _linking(draft, gold, sha, known)
        documents.append(doc)
    return Evaluation(documents)


def known_iris(graph: Graph) -> set[str]:
    """The entities a graph's documents name: bodies of annotations and objects of mentions."""
    out = {str(o) for o in graph.objects(None, SCHEMA.mentions)}
    out |= {str(o) for o in graph.objects(None, OA.hasBody)}
    return out


__all__ = [
    "Attributes",
    "DocumentScore",
    "Evaluation",
    "Linking",
    "Score",
    "defaultdict",
    "evaluate",
    "known_iris",
]
