"""An entity's neighbourhood read from the store: only the triples its page shows.

``aikg view --focus E --depth N`` (and ``aikg serve``'s ``/view``) draws the entities within
``N`` relations of ``E``. :func:`neighbourhood` finds them on the store the command holds and
reads, around them, every triple the page reads (:func:`aikg.view.page.render`): so its time
follows the neighbourhood, not the graph.

- **Which entities.** A breadth-first walk from the focus, one query a step on the frontier:
  relations in either direction between entities, an ``org:Membership`` as a relation between
  its member and its organization; the source links (``schema:mentions``,
  ``prov:wasDerivedFrom``) only with ``source_links`` -- the relations
  :func:`aikg.view.network.neighbourhood` follows on the whole network. Of the new entities
  that one node links to by one relation in one direction, at most ``max_neighbours`` are
  drawn (:func:`fold`; :data:`MAX_NEIGHBOURS` by default, 0 for all); the rest are counted in
  :attr:`Neighbourhood.folded`, and the walk goes on from the drawn ones only. A hub's page
  then reads what it draws: a thousand observations attributed to one organization are not
  read, laid out and written to a page no one can read them on.
- **Which triples** (:attr:`Neighbourhood.graph`): everything said of the drawn entities; the
  memberships, statements (``rdf:Statement``) and annotations about them, with their evidence
  targets and selectors; the observations of a drawn variable (its series charts show every
  one), without the evidence of those not drawn (:attr:`Neighbourhood.unquoted`); the
  documents these come from or that mention them (all but their own mentions);
  the class, label and notation of every other resource named; the labels of the classes and
  properties used, and which classes are displayed. A resource that is not an entity (a
  period, a unit, an evidence target ...) is read whole, up to :data:`HOPS` links away.

On Oxigraph each step of the walk, and the name search, is a SPARQL query (the frontier in a
``VALUES`` block, :data:`BATCH` nodes at a time); the triples of the nodes found are read from
the store's index, as that query's ``?s ?p ?o`` would read them. On rdflib's in-memory graph
(``--store memory``) the same reads are its triple index's. Literals come as the store holds
them: Oxigraph keeps canonical forms (``1.50`` is ``1.5``), so the panel may spell a number as
the store does.

Example:
    >>> from aikg.store import open_store
    >>> around = neighbourhood(open_store("oxigraph"), "中国互联网络信息中心", 1)
    >>> around.focus
    'https://w3id.org/aikg/id/organization/cnnic'
    >>> len(around.entities) > 1, around.focus in around.network()
    (True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS
from rdflib.term import Identifier

from aikg.errors import InputError, SettingError
from aikg.namespaces import AIKG, OA, PREFIXES, SCHEMA, bind_prefixes, expand
from aikg.view.network import HEADING, PROVENANCE, build_network, name_key, resolve
from aikg.view.pagegraph import PageGraph

if TYPE_CHECKING:
    import networkx as nx

    from aikg.store.base import GraphStore

Triple = tuple[Any, Any, Any]

#: Nodes in one ``VALUES`` block of a query.
BATCH = 2000
#: How many links away from a described node a resource that is not an entity is read whole
#: (an annotation's target, then its selector and its source text).
HOPS = 3
#: What is read of any other resource named: whether it is an entity, and its name.
BRIEF = (RDF.type, RDFS.label, SKOS.notation)
#: The most entities drawn of those one node links to by one relation in one direction, unless
#: asked otherwise (``aikg view --max-neighbours``). Neo4j Browser draws at most 100 neighbours
#: of a node it expands, for the same reason: past that, a ring of nodes is not read, only drawn.
MAX_NEIGHBOURS = 100
#: A relation the walk follows: ``(node, property, incoming, other)``, ``incoming`` when
#: ``other`` is the subject (a membership is ``member org:memberOf organization``).
Link = tuple[URIRef, URIRef, bool, URIRef]
#: Links to a drawn entity that bring what its page shows: its memberships, its statements,
#: the observations of a variable (the series), the annotations, the documents mentioning it.
_MEMBERSHIP = (ORG.member, ORG.organization)


@dataclass(frozen=True)
class Folded:
    """The entities ``node`` links to by ``relation`` (its subject when ``incoming``): ``total``
    of them new to the walk, ``drawn`` of them drawn."""

    node: str
    relation: str
    incoming: bool
    drawn: int
    total: int


@dataclass
class Neighbourhood:
    """The entities within ``depth`` relations of ``focus``, and the triples their page reads.

    ``graph`` is small (what the page shows of these entities, see the module); ``entities``
    are the drawn entities' IRIs, sorted, the focus among them; ``folded``, the relations of
    which some entities were left out (:func:`fold`).
    """

    focus: str
    depth: int
    entities: list[str]
    graph: Graph
    source_links: bool = False
    folded: list[Folded] = field(default_factory=list)
    #: How many entities the walk met and did not draw (each counted once).
    not_drawn: int = 0
    #: Whether ``max_entities`` stopped the walk (:func:`neighbourhood`).
    cut: bool = False
    #: How many observations and targets of the drawn variables are not drawn: the series
    #: charts show those observations with their value, period, area and sources, but the page
    #: does not hold their evidence (each quote is on the observation's own page).
    #: Their evidence was most of a hub's page read: a drawn variable's every observation with
    #: its annotation, target and two selectors, four reads each (2,057 observations, 27,000
    #: of the 67,000 triples the 100k graph's hub page read at depth 2).
    unquoted: int = 0

    def network(self) -> nx.MultiDiGraph:
        """The drawn entities as :func:`aikg.view.network.build_network` makes them, with
        every relation among them (the same network as the whole graph's, cut to them), in
        the order of their IRIs."""
        import networkx as nx

        net = build_network(self.graph, only=[URIRef(e) for e in self.entities])
        drawn: nx.MultiDiGraph[str] = nx.MultiDiGraph()  # in a set order, not a hash's
        drawn.add_nodes_from((node, net.nodes[node]) for node in self.entities)
        for s, o, key, data in net.edges(keys=True, data=True):  # only those among them
            drawn.add_edge(s, o, key, **data)
        return drawn


def neighbourhood(
    store: GraphStore,
    focus: str,
    depth: int = 1,
    *,
    source_links: bool = False,
    max_neighbours: int = MAX_NEIGHBOURS,
    max_entities: int | None = None,
    brief: bool = False,
) -> Neighbourhood:
    """The neighbourhood of the entity ``focus`` (IRI, prefixed name or label) to ``depth``
    relations, read from ``store`` (see the module).

    ``source_links``: a document mentioning an entity, a fact derived from a document, count
    as relations. ``max_neighbours``: the most entities drawn of those one node links to by one
    relation in one direction (0: all). ``max_entities``: the walk stops there, nearer
    entities first (the focus, then each step's by IRI), and says so (``cut``). ``brief``: the
    graph holds only what :meth:`Neighbourhood.network` reads (the entities' own triples,
    their memberships, the names of what they link to), not their page's evidence, sources
    and series. A name that matches no entity or several raises :class:`InputError`.
    """
    if depth < 0:
        raise SettingError("depth", "must be 0 or more")
    if max_neighbours < 0:
        raise SettingError("max_neighbours", "must be 0 (no limit) or more")
    if max_entities is not None and max_entities < 1:
        raise SettingError("max_entities", "must be 1 or more")
    reader = reader_of(store)
    iri = find_entity(store, focus)
    reached, frontier = {URIRef(iri)}, {URIRef(iri)}
    folded: list[Folded] = []
    met: set[URIRef] = set()
    cut = False
    for _ in range(depth):
        links = reader.links(frontier, source_links)
        frontier, dropped = fold(links, reached, max_neighbours)
        folded += dropped
        met |= {link[3] for link in links}
        if max_entities is not None and len(reached) + len(frontier) > max_entities:
            frontier = set(sorted(frontier)[: max_entities - len(reached)])
            cut = True
        if not frontier:
            break
        reached |= frontier
        if cut:
            break
    entities = sorted(str(e) for e in reached)
    unquoted = 0
    if brief:
        graph = brief_graph(reader, reached, network=True)
    else:
        graph, unquoted = _page_graph(reader, reached, {URIRef(f.relation) for f in folded})
    not_drawn = len(met - reached)
    return Neighbourhood(
        iri, depth, entities, graph, source_links, folded, not_drawn, cut, unquoted
    )


def fold(
    links: Iterable[Link], reached: set[URIRef], limit: int
) -> tuple[set[URIRef], list[Folded]]:
    """The entities ``links`` lead to that are not in ``reached``, at most ``limit`` of those
    one node links to by one relation in one direction (the first by IRI; 0: all), and the
    relations some were left out of.

    An entity left out of one relation is drawn when another keeps it, and not counted as left
    out there.

    Example:
        >>> from rdflib import URIRef
        >>> hub, cites, knows = URIRef("urn:x:hub"), URIRef("urn:x:cites"), URIRef("urn:x:knows")
        >>> links = [(hub, cites, True, URIRef(f"urn:x:doc{i}")) for i in range(5)]
        >>> links.append((hub, knows, False, URIRef("urn:x:doc4")))
        >>> kept, folded = fold(links, {hub}, 2)
        >>> sorted(str(k) for k in kept)
        ['urn:x:doc0', 'urn:x:doc1', 'urn:x:doc4']
        >>> folded
        [Folded(node='urn:x:hub', relation='urn:x:cites', incoming=True, drawn=3, total=5)]
    """
    groups: dict[tuple[URIRef, URIRef, bool], set[URIRef]] = {}
    for node, relation, incoming, other in links:
        if other not in reached:
            groups.setdefault((node, relation, incoming), set()).add(other)
    kept: set[URIRef] = set()
    for members in groups.values():
        kept.update(members if not limit or len(members) <= limit else sorted(members)[:limit])
    return kept, [
        Folded(str(node), str(relation), incoming, len(members & kept), len(members))
        for (node, relation, incoming), members in sorted(groups.items())
        if not members <= kept
    ]


def find_entity(store: GraphStore, text: str) -> str:
    """The entity of ``store`` named by ``text``: an IRI, a prefixed name, or a label or alias.

    The store is asked for the entities whose IRI, label or alias holds ``text`` (ignoring
    case); among them :func:`aikg.view.network.resolve` picks as it does on the whole network,
    with its errors (no entity, several, did-you-mean).
    """
    reader = reader_of(store)
    wanted = text.strip()
    if not wanted:
        raise InputError("an empty entity name")
    prefix = wanted.partition(":")[0]
    if wanted.startswith(("http://", "https://", "urn:")) or (
        prefix in PREFIXES and not wanted.startswith(("http://", "https://"))
    ):
        iri = wanted if wanted.startswith(("http://", "https://", "urn:")) else expand(wanted)
        if reader.entity(URIRef(iri)):
            return iri
        raise InputError(f"{wanted} is not an entity of the graph")
    candidates = reader.named(wanted)
    graph = brief_graph(reader, candidates)
    return resolve(build_network(graph, only=candidates), wanted)


# --- what the page reads ----------------------------------------------------------------------


class _Collected:
    """The triples read so far, as an rdflib graph, and the nodes they name."""

    def __init__(self) -> None:
        self.graph = PageGraph()
        bind_prefixes(self.graph)
        self.named: set[Any] = set()  # subjects, and objects other than classes
        self.classes: set[Any] = set()
        self.predicates: set[Any] = set()

    def add(self, triples: Iterable[Triple]) -> None:
        triples = triples if isinstance(triples, list) else list(triples)
        self.graph.add_all(triples)
        named, classes, predicates = self.named, self.classes, self.predicates
        kind, is_node = RDF.type, (URIRef, BNode)
        for s, p, o in triples:
            named.add(s)
            predicates.add(p)
            if p == kind:
                classes.add(o)
            elif isinstance(o, is_node):
                named.add(o)


def _page_graph(reader: _Reader, drawn: set[URIRef], relations: set[URIRef]) -> tuple[Graph, int]:
    """What the page reads of the ``drawn`` entities, and how many observations it charts
    without their evidence (:attr:`Neighbourhood.unquoted`); ``relations``: other properties
    whose labels it shows (those of folded relations)."""
    found = _Collected()
    found.predicates |= relations
    found.add(reader.displayed())
    described: set[Any] = set(drawn)
    # a drawn document's mentions: those of drawn entities come below (the mentions of each
    # drawn entity); those of other entities are not drawn; only the others are read here
    found.add(reader.outgoing(drawn, skip=SCHEMA.mentions))
    found.add(reader.not_entities(drawn, SCHEMA.mentions))
    memberships = {s for s, _, _ in reader.incoming(drawn, _MEMBERSHIP)}
    statements = {s for s, _, _ in reader.incoming(drawn, (RDF.subject,))}
    observed = {s for s, _, _ in reader.incoming(drawn, (SCHEMA.variableMeasured,))}
    helpers = (memberships | statements | observed) - described
    found.add(reader.outgoing(helpers))
    described |= helpers
    found.add(reader.incoming(drawn | memberships | observed, (SCHEMA.mentions,)))
    charted = observed - drawn  # points of a series chart: their evidence is not read
    quoted = described - charted
    annotations = {s for s, _, _ in reader.incoming(quoted, (OA.hasBody,))} - described
    found.add(reader.outgoing(annotations))
    described |= annotations
    _describe_named(reader, found, described)
    found.add(reader.outgoing(found.classes | found.predicates, (RDFS.label,)))
    return found.graph, len(charted)


def _describe_named(reader: _Reader, found: _Collected, described: set[Any]) -> None:
    """Read what the page needs of every node named and not described yet: its class, label
    and notation; all of a resource that is not an entity (to :data:`HOPS` links away); all
    but its mentions of a source document."""
    briefed: set[Any] = set()
    shown = {c for c, _, _ in reader.displayed()}
    described |= shown  # the ontology's classes: only their labels are read (at the end)
    brief, kind, mentions, document = set(BRIEF), RDF.type, SCHEMA.mentions, AIKG.SourceDocument
    for _ in range(HOPS + 1):
        pending = found.named - described - briefed
        if not pending:
            return
        # each node read once, whole, then cut to what the page needs of it (reading its
        # class first and the rest after read most nodes twice: 8,424 reads again of 16,736
        # on a 100k graph's hub page)
        triples = reader.outgoing(pending)
        briefed |= pending
        types: dict[Any, set[Any]] = {}
        for s, p, o in triples:
            if p == kind:
                types.setdefault(s, set()).add(o)
        whole = {n for n in pending if not types.get(n, set()) & shown}
        documents = {n for n in pending if document in types.get(n, set())}
        found.add(
            (s, p, o)
            for s, p, o in triples
            if s in whole or p in brief or (s in documents and p != mentions)
        )
        described |= whole | documents


def brief_graph(reader: _Reader, nodes: set[URIRef], *, network: bool = False) -> Graph:
    """What naming ``nodes`` reads: their triples, and the class, label and notation of what
    they link to (an observation is named by its value, unit and period). With ``network``,
    what :meth:`Neighbourhood.network` reads of them too: their memberships and the labels of
    the classes and properties (the serve view's nodes and links, without the page's
    evidence, sources and series)."""
    found = _Collected()
    found.add(reader.displayed())
    found.add(reader.outgoing(nodes))
    memberships: set[Any] = set()
    if network:
        memberships = {s for s, _, _ in reader.incoming(nodes, _MEMBERSHIP)} - nodes
        found.add(reader.outgoing(memberships))
    found.add(reader.outgoing(found.named - nodes - memberships, BRIEF))
    if network:
        found.add(reader.outgoing(found.classes | found.predicates, (RDFS.label,)))
    return found.graph


# --- reading a store --------------------------------------------------------------------------


class _Reader(Protocol):
    def displayed(self) -> list[Triple]:
        """``?class aikg:displayed ?flag`` triples."""

    def entity(self, node: URIRef) -> bool:
        """Whether ``node`` is an entity (typed with a displayed class)."""

    def named(self, text: str) -> set[URIRef]:
        """Entities whose IRI, label or alias holds ``text``, ignoring case."""

    def links(self, nodes: set[URIRef], provenance: bool) -> list[Link]:
        """The relations from ``nodes`` to entities, in either direction (:data:`Link`)."""

    def outgoing(
        self,
        nodes: Iterable[Any],
        predicates: Sequence[URIRef] | None = None,
        *,
        skip: URIRef | None = None,
    ) -> list[Triple]:
        """The triples of which one of ``nodes`` is the subject (only ``predicates``, or all
        but ``skip``)."""

    def incoming(self, nodes: Iterable[Any], predicates: Sequence[URIRef]) -> list[Triple]:
        """The triples ``?s p node`` for ``p`` in ``predicates``, ``node`` in ``nodes``."""

    def not_entities(self, nodes: Iterable[Any], predicate: URIRef) -> list[Triple]:
        """The triples ``node predicate ?o`` whose object is not an entity."""


def reader_of(store: GraphStore) -> _Reader:
    """How the neighbourhood is read from ``store``: SPARQL on Oxigraph, the triple index of
    rdflib's graph otherwise."""
    from aikg.store.oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        return _OxigraphReader(store)
    return _GraphReader(store.graph())


def _relation(predicate: Any, provenance: bool) -> bool:
    """Whether a triple of ``predicate`` between two entities is a relation the walk follows."""
    return (
        isinstance(predicate, URIRef)
        and predicate not in HEADING
        and (provenance or predicate not in PROVENANCE)
    )


class _GraphReader:
    """The reads on an rdflib graph, through its triple index."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._shown = {c for c, _, _ in self.displayed()}

    def displayed(self) -> list[Triple]:
        return list(self.graph.triples((None, AIKG.displayed, None)))

    def entity(self, node: Any) -> bool:
        return isinstance(node, URIRef) and any(
            c in self._shown for c in self.graph.objects(node, RDF.type)
        )

    def named(self, text: str) -> set[URIRef]:
        key = name_key(text)
        found: set[URIRef] = set()
        for predicate in (RDFS.label, SKOS.altLabel):
            for s, o in self.graph.subject_objects(predicate):
                if isinstance(o, Literal) and key in name_key(o) and self.entity(s):
                    found.add(s)  # type: ignore[arg-type]
        for s in set(self.graph.subjects(RDF.type)):
            if isinstance(s, URIRef) and key in name_key(s) and self.entity(s):
                found.add(s)
        return found

    def links(self, nodes: set[URIRef], provenance: bool) -> list[Link]:
        g, found = self.graph, []
        for node in nodes:
            for p, o in g.predicate_objects(node):
                if _relation(p, provenance) and self.entity(o):
                    found.append((node, p, False, o))
            for s, p in g.subject_predicates(node):
                if _relation(p, provenance) and self.entity(s):
                    found.append((node, p, True, s))
            for one, other, incoming in (
                (ORG.member, ORG.organization, False),
                (ORG.organization, ORG.member, True),
            ):
                for membership in g.subjects(one, node):
                    if (membership, RDF.type, ORG.Membership) in g:
                        found += [
                            (node, ORG.memberOf, incoming, o)
                            for o in g.objects(membership, other)
                            if self.entity(o)
                        ]
        return found  # type: ignore[return-value]

    def outgoing(
        self,
        nodes: Iterable[Any],
        predicates: Sequence[URIRef] | None = None,
        *,
        skip: URIRef | None = None,
    ) -> list[Triple]:
        g, out = self.graph, []
        for node in nodes:
            if predicates is None:
                out += [(node, p, o) for p, o in g.predicate_objects(node) if p != skip]
            else:
                out += [(node, p, o) for p in predicates for o in g.objects(node, p)]
        return out

    def incoming(self, nodes: Iterable[Any], predicates: Sequence[URIRef]) -> list[Triple]:
        g = self.graph
        return [(s, p, node) for node in nodes for p in predicates for s in g.subjects(p, node)]

    def not_entities(self, nodes: Iterable[Any], predicate: URIRef) -> list[Triple]:
        g = self.graph
        return [
            (n, predicate, o) for n in nodes for o in g.objects(n, predicate) if not self.entity(o)
        ]


class _OxigraphReader:
    """The reads on an Oxigraph store, in SPARQL (blank nodes, which a query cannot name,
    through the store's index)."""

    def __init__(self, store: Any) -> None:
        from aikg.store.terms import RdflibTerms

        self.store = store.store
        self.term = RdflibTerms()
        self._displayed: list[Triple] | None = None

    def _select(self, text: str) -> Iterator[tuple[Any, ...]]:
        solutions = self.store.query(_PREFIXES + text)
        term = self.term
        for solution in solutions:
            yield tuple(term(value) for value in solution)

    def displayed(self) -> list[Triple]:
        if self._displayed is None:
            self._displayed = [
                (c, AIKG.displayed, flag)
                for c, flag in self._select("SELECT ?c ?f WHERE { ?c aikg:displayed ?f }")
            ]
        return self._displayed

    def _is_entity(self, variable: str) -> str:
        """A pattern: ``?variable`` is an entity. (A second ``VALUES`` block in a query makes
        Oxigraph scan the whole store: the class is tested with ``IN``.)"""
        shown = [c for c, _, flag in self.displayed() if flag == Literal(True)]
        classes = ", ".join(_iri(c) for c in shown if isinstance(c, URIRef))
        return f"?{variable} a ?class FILTER (?class IN ({classes}))"

    def _shown(self, variable: str) -> str:
        """A filter: ``?variable`` is an entity."""
        return f"FILTER EXISTS {{ {self._is_entity(variable)} }}"

    def entity(self, node: URIRef) -> bool:
        return bool(self._entities({node}))

    def named(self, text: str) -> set[URIRef]:
        # SPARQL has no NFKC: the text is looked for as typed and as normalized (a label in
        # full-width forms is found by the same forms, or by its exact Unicode letters)
        keys = sorted({text.lower(), name_key(text)})
        holds = " || ".join(f"CONTAINS(LCASE(STR(?text)), {_iri(Literal(k))})" for k in keys)
        query = f"""SELECT DISTINCT ?n WHERE {{
          {{ ?n rdfs:label|skos:altLabel ?text }} UNION {{ ?n a ?c BIND (STR(?n) AS ?text) }}
          FILTER (isIRI(?n) && ({holds}))
          {self._shown("n")}
        }}"""
        return {row[0] for row in self._select(query)}

    def links(self, nodes: set[URIRef], provenance: bool) -> list[Link]:
        skipped = [*HEADING, *([] if provenance else PROVENANCE)]
        not_in = ", ".join(_iri(p) for p in sorted(skipped))
        found: list[Link] = []
        for values in _batches(nodes):
            query = f"""SELECT DISTINCT ?f ?p ?in ?n WHERE {{
              VALUES ?f {{ {values} }}
              {{ ?f ?p ?n FILTER (?p NOT IN ({not_in})) BIND (0 AS ?in) }}
              UNION {{ ?n ?p ?f FILTER (?p NOT IN ({not_in})) BIND (1 AS ?in) }}
              UNION {{ ?m org:member ?f ; org:organization ?n ; a org:Membership
                       BIND (org:memberOf AS ?p) BIND (0 AS ?in) }}
              UNION {{ ?m org:organization ?f ; org:member ?n ; a org:Membership
                       BIND (org:memberOf AS ?p) BIND (1 AS ?in) }}
              FILTER (isIRI(?n))
            }}"""
            found += [(f, p, bool(int(i)), n) for f, p, i, n in self._select(query)]
        # which of them are entities, asked once of them all (a FILTER EXISTS in the query
        # above tests each solution of each branch: twice the time on a hub's neighbours)
        entities = self._entities({link[3] for link in found})
        return [link for link in found if link[3] in entities]

    def _entities(self, nodes: set[URIRef]) -> set[URIRef]:
        """Those of ``nodes`` that are entities."""
        found: set[URIRef] = set()
        shown = self._is_entity("n")
        for values in _batches(nodes):
            query = f"SELECT DISTINCT ?n WHERE {{ VALUES ?n {{ {values} }} {shown} }}"
            found |= {row[0] for row in self._select(query)}
        return found

    # The triples of given nodes come from the store's index (what the SPARQL pattern
    # ``VALUES ?s { ... } ?s ?p ?o`` reads, at half its cost in Python: no solutions to unpack)

    def outgoing(
        self,
        nodes: Iterable[Any],
        predicates: Sequence[URIRef] | None = None,
        *,
        skip: URIRef | None = None,
    ) -> list[Triple]:
        out: list[Triple] = []
        if predicates is not None and len(predicates) > 1:
            # one read of a node's triples, not one a predicate: opening a read on the store's
            # index costs as much as reading a few triples, and the nodes asked for a few
            # predicates (their class, label and notation) have few others
            wanted = set(predicates)
            for node in nodes:
                out += [t for t in self._quads(node, None) if t[1] in wanted]
            return out
        for node in nodes:
            if predicates is None and skip is None:
                out += self._quads(node, None)
            elif predicates is None:
                out += [t for t in self._quads(node, None) if t[1] != skip]
            else:
                for predicate in predicates:
                    out += self._quads(node, None, predicate)
        return out

    def incoming(self, nodes: Iterable[Any], predicates: Sequence[URIRef]) -> list[Triple]:
        out: list[Triple] = []
        for node in nodes:
            for predicate in predicates:
                out += self._quads(None, node, predicate)
        return out

    def not_entities(self, nodes: Iterable[Any], predicate: URIRef) -> list[Triple]:
        nodes = list(nodes)
        out: list[Triple] = []
        for values in _batches(n for n in nodes if isinstance(n, URIRef)):
            query = (
                f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s {_iri(predicate)} ?o "
                f"BIND ({_iri(predicate)} AS ?p) FILTER NOT EXISTS {{ {self._is_entity('o')} }} }}"
            )
            out += self._select(query)
        for blank in (n for n in nodes if isinstance(n, BNode)):
            found = [t for t in self._quads(blank, None) if t[1] == predicate]
            out += [t for t in found if not self.entity(t[2])]
        return out

    def _quads(self, subject: Any, obj: Any, predicate: Any = None) -> list[Triple]:
        import pyoxigraph as ox

        term = self.term
        found = self.store.quads_for_pattern(
            _ox(subject) if subject is not None else None,
            _ox(predicate) if predicate is not None else None,
            _ox(obj) if obj is not None else None,
            ox.DefaultGraph(),
        )
        # the terms asked for are not converted back: converting is most of a read's cost
        if subject is not None and predicate is not None:
            return [(subject, predicate, term(q.object)) for q in found]
        if subject is not None:
            return [(subject, term(q.predicate), term(q.object)) for q in found]
        if obj is not None and predicate is not None:
            return [(term(q.subject), predicate, obj) for q in found]
        return [(term(q.subject), term(q.predicate), term(q.object)) for q in found]


_PREFIXES = "".join(
    f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("aikg", "rdfs", "skos", "org") if p in PREFIXES
)


def _iri(node: Identifier) -> str:
    """``node`` in SPARQL, written as a bound parameter is."""
    from aikg.query.parameters import sparql_term

    return sparql_term(node)


def _batches(nodes: Iterable[URIRef]) -> Iterator[str]:
    """The nodes as the bodies of ``VALUES`` blocks, :data:`BATCH` at a time (sorted)."""
    ordered = sorted(nodes)
    for start in range(0, len(ordered), BATCH):
        yield " ".join(_iri(n) for n in ordered[start : start + BATCH])


def _ox(node: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node))
