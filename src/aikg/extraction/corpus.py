"""Run the extractor over every curated document, each against the graph *without* it.

For each document graph of ``graph/`` (one per source text), the extractor sees the ontology,
the other documents' graphs and the shared entities those documents name, never the document's
own facts or the entities only it names: the conditions of a document nobody has curated yet.
The draft is then scored against the document's curated graph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from aikg.errors import InputError
from aikg.extraction.evaluate import Evaluation, evaluate, known_iris
from aikg.extraction.pipeline import extract
from aikg.extraction.sheet import Draft
from aikg.namespaces import AIKG
from aikg.store.files import ontology_graph, parse_file


@dataclass
class CorpusRun:
    evaluation: Evaluation
    drafts: dict[str, Draft]


def _parse(path: Path) -> Graph:
    graph = Graph()
    parse_file(graph, path)
    return graph


def document_graphs(graph_dir: Path) -> dict[Path, Graph]:
    """Every graph file of ``graph_dir`` that describes one source text."""
    out = {}
    for path in sorted(graph_dir.glob("*.ttl")):
        graph = _parse(path)
        if any(True for _ in graph.subjects(RDF.type, AIKG.SourceText)):
            out[path] = graph
    if not out:
        raise InputError(f"{graph_dir}: no document graphs (files with an aikg:SourceText)")
    return out


def known_without(
    documents: dict[Path, Graph], entities: Graph, exclude: Path
) -> tuple[Graph, set[str]]:
    """The graph the extractor may use for ``exclude``: the others, and what they name."""
    others = Graph()
    for path, graph in documents.items():
        if path != exclude:
            others += graph
    names = known_iris(others)
    names |= {str(s) for s in others.subjects()} | {str(o) for o in others.objects()}
    known = ontology_graph() + others
    for s, p, o in entities:
        if str(s) in names:
            known.add((s, p, o))
    return known, names


def run_corpus(
    graph_dir: Path, shared: Path, progress: Callable[[str], None] | None = None
) -> CorpusRun:
    documents = document_graphs(graph_dir)
    entities_file = graph_dir / "entities.ttl"
    entities = _parse(entities_file) if entities_file.exists() else Graph()
    scores, drafts = [], {}
    for path, gold in documents.items():
        text = next(gold.subjects(RDF.type, AIKG.SourceText))
        source = shared / str(gold.value(text, AIKG.sourcePath))
        if not source.exists():
            raise InputError(f"{source}: the source text of {path.name} is missing")
        if progress:
            progress(path.name)
        known, names = known_without(documents, entities, path)
        # every figure, the unsure ones too: this measures how the rules read each figure
        # (which figures a draft leaves out is measured on the held-out sets)
        draft = extract(source, known, shared=shared, draft_unsure=True)
        drafts[path.name] = draft
        scores += evaluate(draft.graph, gold, names).documents
    return CorpusRun(Evaluation(scores), drafts)
