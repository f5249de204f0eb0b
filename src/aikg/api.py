"""The Python API for notebooks and scripts: open the graph on a store, run its saved queries
with parameters, export, validate, check and count it.

It is a thin layer over the wings, in the style of pyoxigraph's API: :func:`open_graph` opens a
store (:mod:`aikg.store`), :meth:`KnowledgeGraph.query` runs a saved query or SPARQL text through
:mod:`aikg.query` (parameters bound once, as typed RDF terms), :meth:`~KnowledgeGraph.validate` is
:func:`aikg.validation.validate`, :meth:`~KnowledgeGraph.check` is :func:`aikg.consistency.check`.
Errors are :class:`aikg.errors.AikgError`, each with a one-line message.

Example:
    >>> import aikg
    >>> kg = aikg.open_graph()  # the bundled graph in Oxigraph
    >>> rows = kg.query("search", text="China Internet Network Information Center")
    >>> rows.columns
    ['entity', 'class', 'label_zh', 'label_en', 'matched']
    >>> [(row["label_zh"], row["entity"].n3()) for row in rows]
    [('中国互联网络信息中心', '<https://w3id.org/aikg/id/organization/cnnic>')]
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from rdflib import Graph, Literal
from rdflib.term import Identifier

from aikg.errors import AikgError, InputError

if TYPE_CHECKING:
    import pandas

    from aikg.consistency.report import CheckReport
    from aikg.query.catalog import SavedQuery
    from aikg.query.results import Table
    from aikg.store.base import GraphStore
    from aikg.store.stats import Summary
    from aikg.validation import Report

__all__ = ["KnowledgeGraph", "MissingPackage", "Rows", "open_graph"]

#: What a parameter may be given as: its text, a number, a date, a boolean, or an rdflib term.
ParameterValue = str | int | float | Decimal | bool | datetime.date | Identifier
DataPath = str | os.PathLike[str]


class MissingPackage(AikgError, ImportError):
    """An optional package (pandas) is needed for what was asked and is not installed."""


def _python(term: Identifier | None) -> Any:
    """A literal as its Python value where rdflib has one (``int``, ``Decimal``, ``date``,
    ``str``); an IRI, a blank node or a literal without one (``gYear``) as the rdflib term."""
    if isinstance(term, Literal):
        return term.toPython()
    return term


class Rows(Sequence[dict[str, Any]]):
    """The rows of a ``SELECT`` query: each a dict, column name -> Python value (an IRI stays a
    :class:`rdflib.URIRef`; an unbound column is ``None``).

    :attr:`terms` keeps every cell as the rdflib term the store gave (language tags and
    datatypes included).

    Example:
        >>> from rdflib import Literal, URIRef
        >>> rows = Rows(["name", "n"], [(Literal("CNNIC", lang="en"), Literal(3)), (None, None)])
        >>> list(rows)
        [{'name': 'CNNIC', 'n': 3}, {'name': None, 'n': None}]
        >>> rows.terms[0][0].language, len(rows)
        ('en', 2)
    """

    def __init__(
        self, columns: Sequence[str], terms: Sequence[Sequence[Identifier | None]]
    ) -> None:
        self.columns: list[str] = list(columns)
        self.terms: list[tuple[Identifier | None, ...]] = [tuple(row) for row in terms]

    @classmethod
    def of(cls, table: Table) -> Rows:
        return cls(table.variables, table.rows)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self._row(row) for row in self.terms[index]]
        return self._row(self.terms[index])

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._row(row) for row in self.terms)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rows):
            return NotImplemented
        return self.columns == other.columns and self.terms == other.terms

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside

    def __repr__(self) -> str:
        return f"<Rows: {len(self)} rows of {', '.join(self.columns) or 'no columns'}>"

    def _row(self, row: tuple[Identifier | None, ...]) -> dict[str, Any]:
        return {name: _python(term) for name, term in zip(self.columns, row, strict=True)}

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas ``DataFrame``, one column a variable (pandas is optional:
        :class:`MissingPackage` when it is not installed)."""
        try:
            import pandas
        except ImportError:
            raise MissingPackage(
                "to_dataframe needs pandas, which is not installed (pip install pandas)"
            ) from None
        return pandas.DataFrame(list(self), columns=self.columns)


def _text(name: str, value: object) -> str:
    """A parameter value as the text the catalog's parameter types read (and check)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Identifier):  # URIRef or Literal: its IRI or lexical form
        return str(value)
    if isinstance(value, str | int | float | Decimal):
        return str(value)
    if isinstance(value, datetime.date):  # a datetime too
        return value.isoformat()
    raise InputError(
        f"parameter {name}: a {type(value).__name__} cannot be bound "
        "(give a str, number, bool, date or rdflib term)"
    )


def _paths(data: DataPath | Sequence[DataPath] | None) -> list[Path] | None:
    if data is None:
        return None
    if isinstance(data, str | os.PathLike):
        return [Path(data)]
    return [Path(item) for item in data]


class KnowledgeGraph:
    """The graph (ontology included) held in a store, with its saved queries.

    ``data``: RDF files or folders to read instead of the bundled graph; ``store``: ``oxigraph``
    (the default, in memory), ``oxigraph:DIR`` (persisted in a folder) or ``memory`` (rdflib);
    ``catalog``: a folder of ``.rq`` files instead of the bundled queries.

    Example:
        >>> kg = KnowledgeGraph(store="oxigraph")
        >>> kg
        <KnowledgeGraph store=oxigraph, bundled graph>
        >>> len(kg) > 1000 and kg.stats().sources > 0
        True
    """

    def __init__(
        self,
        data: DataPath | Sequence[DataPath] | None = None,
        *,
        store: str | None = None,
        catalog: DataPath | None = None,
    ) -> None:
        from aikg.store import open_store

        self._data = _paths(data)
        self._catalog = Path(catalog) if catalog is not None else None
        self.store: GraphStore = open_store(store, self._data)

    def __repr__(self) -> str:
        source = ", ".join(map(str, self._data)) if self._data else "bundled graph"
        return f"<KnowledgeGraph store={self.store.spec}, {source}>"

    def __len__(self) -> int:
        return len(self.store)

    @property
    def graph(self) -> Graph:
        """The whole graph as an rdflib ``Graph`` (read it; do not change it)."""
        return self.store.graph()

    def queries(self) -> dict[str, SavedQuery]:
        """The catalog of saved queries, by name (summary, parameters, text).

        Example:
            >>> search = open_graph().queries()["search"]
            >>> [(p.name, p.type_label, p.required) for p in search.parameters]
            [('text', 'string', True)]
        """
        from aikg.query.catalog import load_catalog

        return load_catalog(self._catalog)

    def query(self, name_or_text: str, /, **params: ParameterValue) -> Rows | bool | Graph:
        """Run a saved query (by catalog name, or a ``.rq`` file) or SPARQL text, with its
        parameters bound as typed RDF terms, never pasted into the text.

        A ``SELECT`` gives :class:`Rows`; an ``ASK`` a ``bool``; a ``CONSTRUCT`` or
        ``DESCRIBE`` an rdflib ``Graph``. ``SERVICE`` and ``FROM`` are refused.

        Example:
            >>> kg = open_graph()
            >>> kg.query("search", text='"} } DROP ALL #')  # a value stays data
            <Rows: 0 rows of entity, class, label_zh, label_en, matched>
            >>> kg.query("ASK { ?s a <https://w3id.org/aikg/ontology#SourceDocument> }")
            True
        """
        from aikg.query.catalog import expression_query, find_query
        from aikg.query.results import Boolean, Table
        from aikg.query.run import run_embedded

        # a name or a .rq file has no space or brace (a path with one still ends in .rq)
        if name_or_text.endswith(".rq") or not any(c.isspace() or c == "{" for c in name_or_text):
            saved = find_query(name_or_text, self._catalog)
        else:
            saved = expression_query(name_or_text)
        given = {name: _text(name, value) for name, value in params.items()}
        result = run_embedded(saved, given, store=self.store)
        if isinstance(result, Table):
            return Rows.of(result)
        if isinstance(result, Boolean):
            return result.value
        return result.graph

    def export(self, format: str = "turtle", path: DataPath | None = None) -> bytes:
        """The graph in ``format`` (``turtle``, ``jsonld``, ``nt``, ``xml`` or ``trig``), the
        same bytes for the same graph; with ``path``, also written there atomically.

        Example:
            >>> open_graph().export("nt").count(b"\\n") > 1000
            True
        """
        from aikg.store.export import write_atomic

        payload = self.store.export(format)  # an unknown format: the store's InputError
        if path is not None:
            write_atomic(Path(path), payload)
        return payload

    def validate(self, engine: str = "sparql") -> Report:
        """The SHACL report of the graph against the ontology's shapes (``conforms``,
        ``findings``); ``engine`` is ``sparql`` (the shapes as SPARQL on Oxigraph) or
        ``pyshacl`` (the reference), which give the same findings."""
        from aikg.validation import validate

        return validate(self.store, engine=engine)

    def check(self) -> CheckReport:
        """The consistency report: stated values that disagree across sources, stated changes
        and shares that do not match their figures (see :mod:`aikg.consistency`)."""
        from aikg.consistency import check

        return check(self.store)

    def stats(self) -> Summary:
        """Counts: triples, entities (by class), properties, observations, targets, sources."""
        return self.store.summary()


def open_graph(
    data: DataPath | Sequence[DataPath] | None = None,
    *,
    store: str | None = None,
    catalog: DataPath | None = None,
) -> KnowledgeGraph:
    """The bundled graph, or the RDF files and folders ``data``, on ``store`` (``oxigraph``, the
    default; ``oxigraph:DIR``; ``memory``): a :class:`KnowledgeGraph`.

    Example:
        >>> kg = open_graph()
        >>> kg.store.spec.kind
        'oxigraph'
        >>> open_graph(store="rdflib")
        Traceback (most recent call last):
        ...
        aikg.errors.SettingError: store 'rdflib': use memory, oxigraph or oxigraph:DIR
    """
    return KnowledgeGraph(data, store=store, catalog=catalog)
