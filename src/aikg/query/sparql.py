"""Run queries on rdflib's embedded store, which never reaches the network.

Before a query runs, its text is parsed: a syntax error is an :class:`InputError` that names the
file, line and column; an update (``DROP``, ``INSERT`` ...) is refused, as are ``SERVICE``
(unless the caller allows it) and ``FROM`` / ``FROM NAMED`` (which rdflib would fetch).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF

from aikg.errors import InputError, located
from aikg.query.catalog import SavedQuery
from aikg.query.results import Result, from_rdflib
from aikg.query.text import line_column, tokenize
from aikg.store.terms import STORED_AS, as_stored

_FOUND = re.compile(r"found (?P<found>'(?:[^']|'(?!\s+\(at char))*'|end of text)")


def _location(text: str, keyword: str) -> tuple[int, int] | None:
    """Line and column of the first word ``keyword`` (any case), or of the first prefixed name
    with the prefix ``keyword`` (``"foo:"``), outside strings, IRIs and comments."""
    for token in tokenize(text):
        if token.kind != "word":
            continue
        if token.upper == keyword.upper() or (
            keyword.endswith(":") and token.text.startswith(keyword)
        ):
            return line_column(text, token.start)
    return None


def _syntax_error(origin: str, text: str, exc: Exception) -> InputError:
    """A SPARQL parser's error (pyparsing's or rdflib's) at its place in ``text``."""
    lineno, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    if isinstance(lineno, int) and isinstance(col, int):
        match = _FOUND.search(str(exc))
        near = f" near {match['found']}" if match else ""
        return located(origin, lineno, col, f"SPARQL syntax error{near}")
    message = " ".join(str(exc).split())
    prefix = re.match(r"Unknown namespace prefix : (\S*)", message)
    if prefix:
        return _at(
            origin, text, prefix[1] + ":",
            f"unknown prefix '{prefix[1]}:' (declare it with PREFIX)", InputError,
        )  # fmt: skip
    return InputError(f"{origin}: invalid query: {message or type(exc).__name__}")


def _at(origin: str, text: str, keyword: str, reason: str, kind: type[InputError]) -> InputError:
    """The error ``kind`` placed at the first ``keyword`` of ``text`` (when it is found)."""
    line, column = _location(text, keyword) or (None, None)
    return located(origin, line, column, reason, kind=kind)


def _contains(tree: Any, name: str) -> bool:
    """Whether the parse tree holds a node named ``name`` (e.g. ``ServiceGraphPattern``)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == name:
                return True
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(list(node))
    return False


@lru_cache(maxsize=64)
def _parsed(text: str) -> tuple[Any, Any]:
    """The parse tree and algebra of ``text`` (rdflib's parser is slow: each text once)."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    tree = parseQuery(text)
    return tree, translateQuery(tree)


def parse(text: str, origin: str, *, allow_service: bool = False) -> Any:
    """The rdflib algebra of ``text``; any problem is an :class:`InputError` naming ``origin``."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        tree, algebra = _parsed(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except Exception:
            raise _syntax_error(origin, text, exc) from None
        raise InputError(
            f"{origin}: this is a SPARQL Update; 'aikg query' runs read-only queries "
            "(SELECT, CONSTRUCT, ASK, DESCRIBE)"
        ) from None
    except Exception as exc:  # rdflib's translation raises plain exceptions
        raise _syntax_error(origin, text, exc) from None
    if _contains(tree, "ServiceGraphPattern") and not allow_service:
        raise _service_refused(origin, text)
    if dict.get(tree[1], "datasetClause"):
        raise _dataset_refused(origin, text)
    return algebra


class ServiceRefused(InputError):
    """A query with ``SERVICE`` on the embedded store, which never reaches the network unless
    the caller allows it (``allow_service``)."""


class DatasetRefused(InputError):
    """A query with ``FROM`` / ``FROM NAMED``: the embedded store holds one default graph."""


def _service_refused(origin: str, text: str) -> InputError:
    reason = "SERVICE is refused: queries on the embedded store never reach the network"
    return _at(origin, text, "SERVICE", reason, ServiceRefused)


def _dataset_refused(origin: str, text: str) -> InputError:
    reason = (
        "FROM / FROM NAMED is not supported on the embedded store, which holds one default graph"
    )
    return _at(origin, text, "FROM", reason, DatasetRefused)


_NETWORK_WORDS = re.compile(r"\b(?:SERVICE|FROM)\b", re.IGNORECASE)


def refuse_network(text: str, origin: str, *, allow_service: bool = False) -> None:
    """What :func:`parse` refuses, found from the words of ``text`` without rdflib's parser
    (for the Oxigraph store, whose own parser then checks the syntax): ``SERVICE`` unless
    allowed, and ``FROM`` / ``FROM NAMED``."""
    if not _NETWORK_WORDS.search(text):  # most texts: no need to tokenize
        return
    for token in tokenize(text):
        if token.kind == "word" and token.upper == "SERVICE" and not allow_service:
            raise _service_refused(origin, text)
        if token.kind == "word" and token.upper == "FROM":
            raise _dataset_refused(origin, text)


def check(query: SavedQuery, *, allow_service: bool = True) -> None:
    """Raise :class:`InputError` if the text of ``query`` is not a valid SPARQL 1.1 query."""
    parse(query.text, query.origin, allow_service=allow_service)


# --------------------------------------------------------------------------------------------
# Evaluation order of basic graph patterns
#
# rdflib orders the triple patterns of a BGP once, when it starts the BGP: a pattern such as
# "?target oa:hasSource ?text" may then run over every target of a text when the annotation
# that leads to the one target wanted is already known. Here the next pattern is chosen at each
# step, from what is bound by then: fewest unbound terms first and, among those, the one with
# fewest matches (counted up to a small cap). The order never changes the solutions, only the
# work.

_CAP = 32
#: Datatypes of values the stores answer as another (see :func:`aikg.store.terms.as_stored`).
_STORED_TYPES = frozenset(STORED_AS.values())


def _unbound(ctx: Any, triple: tuple[Any, Any, Any]) -> int:
    return sum(ctx[term] is None for term in triple)


def _matches(ctx: Any, triple: tuple[Any, Any, Any]) -> tuple[int, bool]:
    """How many triples match (up to the cap); then whether it is a scan of a class."""
    from rdflib.paths import Path

    pattern = tuple(ctx[term] for term in triple)
    if isinstance(pattern[1], Path) and pattern[0] is None and pattern[2] is None:
        return (_CAP + 1, False)  # a path from anywhere to anywhere: last resort
    found = sum(1 for _ in islice(ctx.graph.triples(pattern), _CAP))
    return (found, pattern[1] == RDF.type and pattern[0] is None)


def _next_pattern(ctx: Any, triples: list[tuple[Any, Any, Any]]) -> int:
    counts = [_unbound(ctx, triple) for triple in triples]
    fewest = min(counts)
    candidates = [i for i, count in enumerate(counts) if count == fewest]
    if len(candidates) == 1 or fewest == 3:
        return candidates[0]
    return min(candidates, key=lambda i: _matches(ctx, triples[i]))


def _evaluate_bgp(ctx: Any, triples: list[tuple[Any, Any, Any]]) -> Iterator[Any]:
    from rdflib.plugins.sparql.sparql import AlreadyBound

    if not triples:
        yield ctx.solution()
        return
    index = _next_pattern(ctx, triples)
    s, p, o = triples[index]
    rest = triples[:index] + triples[index + 1 :]
    bound_s, bound_p, bound_o = ctx[s], ctx[p], as_stored(ctx[o])
    # an object bound to a value Oxigraph would store otherwise: matched as stored
    by_value = bound_o is not None and str(getattr(bound_o, "datatype", "")) in _STORED_TYPES
    for ts, tp, to in ctx.graph.triples((bound_s, bound_p, None if by_value else bound_o)):
        to = as_stored(to)
        if by_value and to != bound_o:
            continue
        c = ctx.push() if None in (bound_s, bound_p, bound_o) else ctx
        try:
            if bound_s is None:
                c[s] = ts
            if bound_p is None:
                c[p] = tp
            if bound_o is None:
                c[o] = to
        except AlreadyBound:
            continue
        yield from _evaluate_bgp(c, rest)


def _adaptive_bgp(ctx: Any, part: Any) -> Iterator[Any]:
    if part.name != "BGP" or not getattr(_running, "active", False):
        raise NotImplementedError  # rdflib's own evaluation: not a query aikg runs
    solutions = _evaluate_bgp(ctx, list(part.triples))
    deadline = getattr(_running, "deadline", None)
    return solutions if deadline is None else _until(deadline, solutions)


#: The query this thread evaluates (see :func:`run`): whether aikg runs it (``active``) and
#: its ``deadline``.
_running = threading.local()


class PastDeadline(Exception):
    """rdflib's evaluation ran past the deadline :func:`run` was given."""


def _until(deadline: float, solutions: Iterator[Any]) -> Iterator[Any]:
    """``solutions`` until ``deadline`` (a :func:`time.monotonic` time): a runaway query stops
    itself on its thread, instead of running on after its caller gave up on it."""
    for count, solution in enumerate(solutions):
        if count % 512 == 0 and time.monotonic() > deadline:
            raise PastDeadline
        yield solution


@contextmanager
def _adaptive_bgps() -> Generator[None, None, None]:
    """Evaluate BGPs with :func:`_adaptive_bgp` while the block runs, on this thread.

    rdflib's hook (``CUSTOM_EVALS``) is one for the process: it is installed once and left in
    place, and it acts only on a thread inside this block. (Adding it on entry and removing it
    on exit let one thread's exit take it from another thread's running query, as
    ``aikg serve --store memory`` runs queries on several threads.)
    """
    from rdflib.plugins.sparql import CUSTOM_EVALS

    CUSTOM_EVALS.setdefault("aikg-adaptive-bgp", _adaptive_bgp)
    was = getattr(_running, "active", False)
    _running.active = True
    try:
        yield
    finally:
        _running.active = was


def run(
    graph: Graph,
    text: str,
    origin: str,
    *,
    allow_service: bool = False,
    deadline: float | None = None,
) -> Result:
    """Evaluate the query ``text`` on ``graph``; past ``deadline`` (a :func:`time.monotonic`
    time) the evaluation stops with :class:`PastDeadline` (checked as its basic graph patterns
    yield: the caller's own deadline, :func:`aikg.query.run.run_embedded`, is the bound)."""
    algebra = parse(text, origin, allow_service=allow_service)
    _running.deadline = deadline
    try:
        with _adaptive_bgps():
            # Results are lazy: they are read inside the block.
            return from_rdflib(graph.query(algebra))
    except (InputError, PastDeadline):
        raise
    except Exception as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"{origin}: the query failed on the embedded store: {message}") from None
    finally:
        _running.deadline = None
