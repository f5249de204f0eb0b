"""The data of the entity pages and of the home page, from small graphs the workers query.

An entity page shows what ``aikg query entity`` gives (:data:`queries/entity.rq`): labels in
Chinese and English, classes, facts with the statements that state them (sources and quotes),
the evidence that identifies the entity in the sources, the entities that point to it (every
one a link to its own page) and, for a statistical variable, its series charts
(:func:`aikg.view.series.series`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from aikg.labels import labels
from aikg.namespaces import AIKG, OA, SCHEMA, shorten
from aikg.query.results import GraphResult, Result, Table, display
from aikg.serve.links import link
from aikg.store.stats import Summary

#: Facts a page does not list as such: the labels are its title, the types its classes.
_SHOWN_ELSEWHERE = {RDFS.label, RDF.type}


def _sorted(nodes: Iterable[Any]) -> list[Any]:
    """Nodes in a stable order (rdflib's terms do not all compare with each other)."""
    return sorted(nodes, key=lambda n: (type(n).__name__, str(n)))


def _node(graph: Graph, node: Any) -> dict[str, Any]:
    if isinstance(node, URIRef):
        return {"link": link(str(node), labels(graph, node).as_dict())}
    if isinstance(node, Literal):
        datatype = shorten(str(node.datatype)) if node.datatype else None
        return {"text": str(node), "lang": node.language, "datatype": datatype}
    return _text(display(node))


def _text(text: str) -> dict[str, Any]:
    return {"text": text, "lang": None, "datatype": None}


def _quotes(graph: Graph, body: Any) -> list[dict[str, Any]]:
    """The quotes of the annotations whose body is ``body``, with their source documents."""
    found = []
    for anno in _sorted(graph.subjects(OA.hasBody, body)):
        for target in graph.objects(anno, OA.hasTarget):
            text = graph.value(target, OA.hasSource)
            docs = _sorted(graph.subjects(AIKG.sourceText, text)) if text is not None else []
            for selector in graph.objects(target, OA.hasSelector):
                exact = graph.value(selector, OA.exact)
                if exact is not None:
                    found.append({
                        "quote": str(exact),
                        "sources": [_node(graph, d)["link"] for d in docs],
                    })  # fmt: skip
    return sorted(found, key=lambda q: (q["quote"], [s["iri"] for s in q["sources"]]))


def wanted_context(graph: Graph, node: URIRef) -> list[URIRef]:
    """Nodes whose labels (or documents, for stored texts) the page needs and ``graph`` lacks."""
    wanted = {p for p in graph.predicates(node, None) if isinstance(p, URIRef)}
    wanted |= {p for _, p in graph.subject_predicates(node) if isinstance(p, URIRef)}
    wanted |= {p for p in graph.objects(None, RDF.predicate) if isinstance(p, URIRef)}
    wanted |= {t for t in graph.objects(None, OA.hasSource) if isinstance(t, URIRef)}
    wanted |= {d for d in graph.objects(None, PROV.wasDerivedFrom) if isinstance(d, URIRef)}
    return sorted(n for n in wanted if (n, RDFS.label, None) not in graph)


def page_data(
    graph: Graph, node: URIRef, observations: Graph | None, max_points: int
) -> dict[str, Any]:
    """The entity page of ``node`` from its description ``graph`` (see the module)."""
    statements: dict[tuple[Any, Any], list[Any]] = {}
    for stmt in graph.subjects(RDF.subject, node):
        key = (graph.value(stmt, RDF.predicate), graph.value(stmt, RDF.object))
        statements.setdefault(key, []).append(stmt)
    facts = []
    for p in _sorted(set(graph.predicates(node, None)) - _SHOWN_ELSEWHERE):
        values = []
        for o in _sorted(graph.objects(node, p)):
            stated = []
            for stmt in _sorted(statements.pop((p, o), [])):
                stated.append({
                    "sources": [_node(graph, d)["link"]
                                for d in _sorted(graph.objects(stmt, PROV.wasDerivedFrom))],
                    "quotes": _quotes(graph, stmt),
                })  # fmt: skip
            values.append({**_node(graph, o), "stated": stated})
        facts.append({"property": _node(graph, p)["link"], "objects": values})
    disputed = []  # statements of a fact the graph does not assert itself
    for (p, o), stmts in sorted(statements.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        for stmt in _sorted(stmts):
            disputed.append({
                "property": _node(graph, p)["link"] if p is not None else None,
                "value": _node(graph, o) if o is not None else None,
                "sources": [_node(graph, d)["link"]
                            for d in _sorted(graph.objects(stmt, PROV.wasDerivedFrom))],
                "quotes": _quotes(graph, stmt),
            })  # fmt: skip
    incoming = []
    for s, p in _sorted(graph.subject_predicates(node)):
        if (s, RDF.type, OA.Annotation) in graph or (s, RDF.type, RDF.Statement) in graph:
            continue
        incoming.append({"subject": _node(graph, s)["link"], "property": _node(graph, p)["link"]})
    charts = None
    too_many = 0
    if observations is not None:
        from aikg.view.panel import Facts
        from aikg.view.series import series

        count = sum(1 for _ in observations.subjects(RDF.type, SCHEMA.Observation))
        if count > max_points:
            too_many = count
        else:
            found = series(observations, Facts(observations), [str(node)])
            charts = found.get(str(node))
    return {
        "iri": str(node),
        "curie": shorten(str(node)),
        "names": labels(graph, node).as_dict(),
        "classes": [_node(graph, c)["link"] for c in _sorted(graph.objects(node, RDF.type))],
        "facts": facts,
        "disputed": disputed,
        "evidence": _quotes(graph, node),
        "incoming": incoming,
        "series": charts,
        "too_many_points": too_many,
    }


def table_data(result: Result, names: Graph | None = None) -> dict[str, Any]:
    """A result as a page's table: columns, and cells as text or links."""
    if isinstance(result, Table):
        cells = [
            [_node(names or Graph(), term) if term is not None else _text("") for term in row]
            for row in result.rows
        ]
        return {"columns": result.variables, "rows": cells}
    if isinstance(result, GraphResult):
        triples = sorted(result.graph)
        return {
            "columns": ["subject", "predicate", "object"],
            "rows": [[_node(result.graph, t) for t in triple] for triple in triples],
        }
    return {"columns": ["answer"], "rows": [[_text("true" if result.value else "false")]]}


def home_data(
    summary: Summary,
    names: Graph,
    docs: tuple[Result, bool] | None,
    figures: tuple[Result, bool] | None,
) -> dict[str, Any]:
    """The home page: counts, the classes with their sizes, documents, latest figures."""
    return {
        "triples": summary.triples,
        "entities": summary.entities,
        "observations": summary.observations,
        "targets": summary.targets,
        "sources": summary.sources,
        "classes": [
            {"class": _node(names, cls)["link"], "count": count} for cls, count in summary.by_class
        ],
        "documents": table_data(docs[0], names) if docs else None,
        "documents_cut": bool(docs and docs[1]),
        "figures": table_data(figures[0], names) if figures else None,
        "figures_cut": bool(figures and figures[1]),
    }
