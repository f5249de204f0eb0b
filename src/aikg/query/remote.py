"""SPARQL 1.1 servers: run a query through SPARQLWrapper, publish the graph through the Graph Store
Protocol.

- Queries use content negotiation only (``Accept`` headers, no ``format=`` parameters), GET for
  short queries and a form POST for long ones, and a timeout that bounds the whole exchange.
- Credentials come from the environment, never from the command line, and never appear in a
  message: ``AIKG_ENDPOINT_USER`` and ``AIKG_ENDPOINT_PASSWORD`` (HTTP Basic) or
  ``AIKG_ENDPOINT_TOKEN`` (a bearer token).
- An endpoint that is down, slow or failing is a :class:`RemoteError` (exit 3); a query the
  server rejects as malformed is an :class:`InputError` (exit 2).
"""

from __future__ import annotations

import ast
import base64
import http.client
import json
import math
import os
import re
import socket
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from rdflib import Graph

from aikg import __version__
from aikg.errors import (
    AikgError,
    InputError,
    Interrupted,
    RemoteError,
    SettingError,
    excerpt,
)
from aikg.query.results import Boolean, GraphResult, Result, parse_json_results

#: Environment variables that hold credentials.
ENV_USER = "AIKG_ENDPOINT_USER"
ENV_PASSWORD = "AIKG_ENDPOINT_PASSWORD"
ENV_TOKEN = "AIKG_ENDPOINT_TOKEN"

DEFAULT_TIMEOUT = 30.0
#: Queries whose URL-encoded text is longer than this are sent by POST.
MAX_GET_LENGTH = 2000
USER_AGENT = f"aikg/{__version__}"

T = TypeVar("T")


@dataclass(frozen=True)
class Credentials:
    """HTTP credentials from the environment; ``repr`` and ``str`` never show them."""

    user: str | None = None
    password: str | None = None
    token: str | None = None

    def __repr__(self) -> str:
        kind = "token" if self.token else "basic" if self.user else "none"
        return f"Credentials(<{kind}>)"

    __str__ = __repr__

    @property
    def secrets(self) -> list[str]:
        """Every form in which a credential could appear in a message, longest first: the
        password and token raw and percent-encoded, ``user:password`` and its base64, the
        whole ``Authorization`` value."""
        found = {s for s in (self.password, self.token) if s}
        if self.user is not None and self.password is not None:
            pair = f"{self.user}:{self.password}"
            found |= {pair, base64.b64encode(pair.encode()).decode("ascii")}
        found |= {urllib.parse.quote(s, safe="") for s in list(found)}
        header = self.header()
        if header:
            found.add(header)
        return sorted(found, key=len, reverse=True)

    def header(self) -> str | None:
        """The ``Authorization`` header value, or ``None`` without credentials."""
        if self.token:
            return f"Bearer {self.token}"
        if self.user is not None and self.password is not None:
            pair = f"{self.user}:{self.password}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None


#: Secrets seen in this process, scrubbed from every message the CLI prints (:func:`scrub`).
_SEEN_SECRETS: set[str] = set()


def _check_credential(variable: str, value: str | None, *, latin1: bool) -> None:
    """Refuse a credential that cannot go in an HTTP header; the message names the variable,
    never the value."""
    if not value:
        return
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value):
        raise InputError(
            f"{variable} holds a control character (a line break or carriage return?): "
            "set it to the credential alone"
        )
    if latin1 and any(ord(c) > 0xFF for c in value):
        raise InputError(
            f"{variable} holds a character outside Latin-1, which an HTTP header cannot carry"
        )
    if variable == ENV_USER and ":" in value:
        raise InputError(
            f"{variable} must not contain ':' (HTTP Basic separates user and password)"
        )


def credentials_from_env(environ: dict[str, str] | None = None) -> Credentials:
    """The credentials in the environment, checked before anything is sent."""
    env = os.environ if environ is None else environ
    user, password, token = env.get(ENV_USER), env.get(ENV_PASSWORD), env.get(ENV_TOKEN)
    # Remember the raw values first: whatever goes wrong below, they are never printed.
    _SEEN_SECRETS.update(s for s in (password, token) if s)
    _check_credential(ENV_USER, user, latin1=False)
    _check_credential(ENV_PASSWORD, password, latin1=False)
    _check_credential(ENV_TOKEN, token, latin1=True)
    if token and (user or password):
        raise InputError(f"set either {ENV_TOKEN} or {ENV_USER} and {ENV_PASSWORD}, not both")
    if bool(user) != bool(password):
        missing = ENV_PASSWORD if user else ENV_USER
        raise InputError(f"{ENV_USER} and {ENV_PASSWORD} go together: {missing} is not set")
    found = Credentials(user or None, password or None, token or None)
    _SEEN_SECRETS.update(found.secrets)
    return found


# --------------------------------------------------------------------------------------------
# Messages that never leak a secret


def public_url(url: str) -> str:
    """``url`` without user information and query string, for messages."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<endpoint>"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s<>\"'@]*@")


def scrub(text: str, credentials: Credentials | None = None) -> str:
    """``text`` without any form of any credential aikg has seen, and without the user
    information of any URL in it: what every message goes through before it is printed."""
    secrets = set(_SEEN_SECRETS) | set(credentials.secrets if credentials else ())
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return _USERINFO.sub(r"\1***@", text)


_scrub = scrub


def check_timeout(timeout: float) -> None:
    """Refuse a timeout that is not a finite positive number of seconds (nan, inf, 0, -1)."""
    if not (isinstance(timeout, int | float) and math.isfinite(timeout) and timeout > 0):
        raise InputError(f"the timeout must be a positive number of seconds, not {timeout!r}")


def _check_url(url: str, what: str) -> urllib.parse.SplitResult:
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        raise InputError(f"{what} {url!r} is not a URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{what} must be an http:// or https:// URL, not {public_url(url)!r}")
    try:
        parts.port  # noqa: B018  # raises on a port outside 0-65535
    except ValueError:
        raise InputError(f"{what} has a port that is not a number from 1 to 65535") from None
    if parts.username or parts.password:
        raise InputError(
            f"{what} must not carry credentials: put them in {ENV_USER} and {ENV_PASSWORD} "
            f"(or {ENV_TOKEN})"
        )
    return parts


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only within the origin (scheme, host, port) of the request: the
    ``Authorization`` header never goes to another origin."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        if _origin(old) != _origin(new):
            raise RemoteError(
                f"{public_url(req.full_url)} redirected (HTTP {code}) to another origin, "
                f"{public_url(newurl)}: aikg does not follow it (credentials stay with the "
                "server they are for); use that URL as the endpoint if you trust it"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _origin(parts: urllib.parse.SplitResult) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    try:
        port = parts.port or default
    except ValueError:
        port = -1
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


_OPENER = urllib.request.build_opener(_SameOriginRedirects)


class Late(Exception):
    """``work`` was not done by the deadline (see :func:`in_thread`)."""


#: Threads :func:`in_thread` stopped waiting for (see :func:`work_abandoned`).
_ABANDONED: list[threading.Thread] = []


def _abandon(thread: threading.Thread) -> None:
    """Remember ``thread``, given up on; forget those that have ended (a long-running caller,
    such as a server, gives up on many)."""
    _ABANDONED[:] = [t for t in _ABANDONED if t.is_alive()]
    _ABANDONED.append(thread)


def work_abandoned() -> bool:
    """Whether work :func:`in_thread` gave up on (Ctrl-C, a deadline) is still running: a
    process that ends should then leave at once (see :func:`aikg.cli.state.leave`)."""
    return any(thread.is_alive() for thread in _ABANDONED)


def in_thread(work: Callable[[], T], timeout: float | None = None) -> T:
    """``work()`` run in a daemon thread that the main thread waits on: Ctrl-C stops the wait
    (:class:`Interrupted`, exit 130), and so does ``timeout`` (:class:`Late`), whatever ``work``
    is doing (a native call that cannot be interrupted, a server trickling bytes). The abandoned
    thread's result is discarded; :func:`work_abandoned` says whether it still runs."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:
            # Release the failed frames' locals here: pyoxigraph's results must be dropped on
            # the thread that made them, not later on the main thread with the exception.
            seen: BaseException | None = exc
            while seen is not None:
                traceback.clear_frames(seen.__traceback__)
                seen = seen.__context__ or seen.__cause__
            outcome["error"] = exc.with_traceback(None)

    thread = threading.Thread(target=target, name="aikg-work", daemon=True)
    thread.start()
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while thread.is_alive():
            left = 0.1 if deadline is None else min(0.1, deadline - time.monotonic())
            if left <= 0:
                _abandon(thread)
                raise Late
            thread.join(left)
    except KeyboardInterrupt:
        _abandon(thread)
        raise Interrupted("interrupted (Ctrl-C): the work in progress was abandoned") from None
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _with_deadline(work: Callable[[], T], timeout: float, url: str) -> T:
    """Run ``work`` in a thread and give up after ``timeout`` seconds, whatever it is doing."""
    try:
        return in_thread(work, timeout)
    except Late:
        raise RemoteError(
            f"{public_url(url)} gave no complete answer within {timeout:g} s"
        ) from None


def _response_body(exc: Exception) -> bytes | None:
    """The body of the answer that a SPARQLWrapper exception carries in its message."""
    _, found, rest = str(exc).partition("Response:\n")
    if not found:
        return None
    try:
        body = ast.literal_eval(rest.strip())
    except (ValueError, SyntaxError):
        return rest.encode("utf-8", "replace")
    return body if isinstance(body, bytes) else str(body).encode("utf-8", "replace")


def _network_error(exc: BaseException, url: str, timeout: float) -> RemoteError:
    where = public_url(url)
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError | socket.timeout):
        return RemoteError(f"{where} gave no answer within {timeout:g} s")
    if isinstance(reason, ConnectionRefusedError):
        return RemoteError(f"cannot reach {where}: connection refused (is the server running?)")
    if isinstance(reason, socket.gaierror):
        return RemoteError(f"cannot reach {where}: unknown host")
    if isinstance(reason, ConnectionError | http.client.HTTPException):
        return RemoteError(f"{where} closed the connection without an answer")
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return RemoteError(f"cannot reach {where}: {text}")


def _http_error(status: int, body: bytes | None, url: str, action: str) -> AikgError:
    where = public_url(url)
    detail = excerpt(body)
    detail = f": {detail}" if detail else ""
    if status == 400 and action == "query":
        return InputError(f"{where} rejected the query as malformed (HTTP 400){detail}")
    if status in (401, 403):
        return RemoteError(
            f"{where} refused the credentials (HTTP {status}): set {ENV_USER} and "
            f"{ENV_PASSWORD}, or {ENV_TOKEN}"
        )
    if status == 404:
        return RemoteError(f"nothing at {where} (HTTP 404): check the URL")
    if status >= 500:
        return RemoteError(f"{where} failed (HTTP {status}){detail}")
    return RemoteError(f"{where} answered HTTP {status} to the {action}{detail}")


# --------------------------------------------------------------------------------------------
# Queries


def _parse_answer(form: str, content_type: str, body: bytes, url: str) -> Result:
    media = content_type.split(";")[0].strip().lower()
    where = public_url(url)
    if form in ("SELECT", "ASK"):
        try:
            result = parse_json_results(json.loads(body.decode("utf-8")))
        except RecursionError:
            raise RemoteError(f"{where} answered with JSON nested too deeply to read") from None
        except (ValueError, KeyError, TypeError, AttributeError):
            raise RemoteError(
                f"{where} did not answer with SPARQL JSON results (content type {media or '?'})"
            ) from None
        if (form == "ASK") != isinstance(result, Boolean):
            raise RemoteError(f"{where} answered a {form} query with the wrong kind of result")
        return result
    graph = Graph()
    rdf_format = {
        "text/turtle": "turtle",
        "application/x-turtle": "turtle",
        "application/turtle": "turtle",  # Virtuoso 7
        "application/n-triples": "nt",
        "text/plain": "nt",
        "application/rdf+xml": "xml",
        "application/ld+json": "json-ld",
        "text/n3": "n3",
    }.get(media)
    if rdf_format is None:
        raise RemoteError(f"{where} answered with {media or 'no content type'}, not RDF")
    if rdf_format == "json-ld":
        from aikg.store.jsonld import check_jsonld

        check_jsonld(body, where, kind=RemoteError)
    try:
        graph.parse(data=body, format=rdf_format)
    except RecursionError:
        raise RemoteError(f"{where} answered with RDF nested too deeply to read") from None
    except Exception:
        raise RemoteError(f"{where} answered with RDF that cannot be parsed") from None
    return GraphResult(graph)


def query_endpoint(
    endpoint: str,
    text: str,
    form: str,
    *,
    default_graph: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    credentials: Credentials | None = None,
) -> Result:
    """Run the query ``text`` (of the form ``form``) on the SPARQL endpoint ``endpoint``."""
    from SPARQLWrapper import JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    _check_url(endpoint, "the endpoint")
    check_timeout(timeout)
    credentials = credentials if credentials is not None else credentials_from_env()
    import SPARQLWrapper.Wrapper as wrapper_module

    # SPARQLWrapper opens URLs with this module-level function: ours refuses cross-origin
    # redirects, which urllib's default follows with every header, Authorization included.
    # (SPARQLWrapper's stub types urlopener as urllib's overloaded urlopen)
    wrapper_module.urlopener = _OPENER.open  # type: ignore[assignment]
    wrapper = SPARQLWrapper(endpoint, agent=USER_AGENT)
    wrapper.setOnlyConneg(True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wrapper.setQuery(text)
    # SPARQLWrapper guesses the form with a regular expression that a word such as
    # "selectors" in a comment fools; the form is known, and it sets the Accept header.
    wrapper.queryType = form
    wrapper.setReturnFormat(JSON if form in ("SELECT", "ASK") else TURTLE)
    wrapper.timeout = timeout  # type: ignore[assignment]  # setTimeout() would round it down
    if len(urllib.parse.quote(text)) > MAX_GET_LENGTH:
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
    if default_graph:
        wrapper.addParameter("default-graph-uri", default_graph)
    authorization = credentials.header()
    if authorization:
        wrapper.addCustomHttpHeader("Authorization", authorization)

    def exchange() -> Result:
        try:
            answer = wrapper.query()
            response = answer.response
            body = response.read()
            content_type = response.headers.get("Content-Type", "") if response.headers else ""
        except SPARQLWrapperException as exc:
            status = {
                "QueryBadFormed": 400,
                "Unauthorized": 401,
                "EndPointNotFound": 404,
                "URITooLong": 414,
                "EndPointInternalError": 500,
            }.get(type(exc).__name__, 500)
            raise _http_error(status, _response_body(exc), endpoint, "query") from None
        except urllib.error.HTTPError as exc:
            raise _http_error(exc.code, exc.read(), endpoint, "query") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise _network_error(exc, endpoint, timeout) from None
        return _parse_answer(form, content_type, body, endpoint)

    try:
        return _with_deadline(exchange, timeout, endpoint)
    except AikgError as exc:
        raise type(exc)(_scrub(str(exc), credentials)) from None


# --------------------------------------------------------------------------------------------
# Publishing (SPARQL 1.1 Graph Store HTTP Protocol)


@dataclass(frozen=True)
class Published:
    url: str  # without credentials
    target: str  # "the default graph" or "graph <iri>"
    size: int
    status: int


def graph_store_url(store: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of the default graph, or of the named graph ``graph``."""
    parts = _check_url(store, "the graph store URL")
    extra = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


def publish(
    payload: bytes,
    store: str,
    *,
    graph: str | None = None,
    content_type: str = "application/n-triples",
    timeout: float = DEFAULT_TIMEOUT,
    credentials: Credentials | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 1 << 16,
) -> Published:
    """Replace the default graph (or the named graph ``graph``) of ``store`` with ``payload``.

    One ``PUT`` request carries the whole graph; ``progress`` is called with the number of bytes
    sent so far.
    """
    if graph is not None:
        from aikg.query.parameters import is_iri

        if not is_iri(graph):
            raise SettingError("graph", f"{graph!r} is not an absolute IRI")
    check_timeout(timeout)
    credentials = credentials if credentials is not None else credentials_from_env()
    url = graph_store_url(store, graph)
    parts = urllib.parse.urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    target = "the default graph" if graph is None else f"graph <{graph}>"
    connection = connection_class(parts.hostname or "", parts.port, timeout=timeout)

    def exchange() -> Published:
        try:
            connection.putrequest("PUT", path)
            connection.putheader("Content-Type", content_type)
            connection.putheader("Content-Length", str(len(payload)))
            connection.putheader("User-Agent", USER_AGENT)
            authorization = credentials.header()
            if authorization:
                connection.putheader("Authorization", authorization)
            connection.endheaders()
            sent = 0
            view = memoryview(payload)
            while sent < len(payload):
                chunk = view[sent : sent + chunk_size]
                connection.send(chunk)
                sent += len(chunk)
                if progress:
                    progress(sent)
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as exc:
            raise _network_error(exc, store, timeout) from None
        if not 200 <= response.status < 300:
            raise _http_error(response.status, body, store, "upload")
        return Published(public_url(store), target, len(payload), response.status)

    try:
        # The socket timeout bounds each read; the deadline bounds the whole exchange, which a
        # server sending one byte a second would otherwise stretch without end.
        return _with_deadline(exchange, timeout, store)
    except AikgError as exc:
        raise type(exc)(_scrub(str(exc), credentials)) from None
    finally:
        connection.close()
