"""``/sparql``: the query operation of the SPARQL 1.1 Protocol, read-only.

``GET ?query=``, ``POST`` of a form (``query=``) or of ``application/sparql-query``; answers in
the format the ``Accept`` header prefers (:mod:`~aikg.serve.negotiation`). An update (``POST
update=``, ``application/sparql-update``) is refused with 403 and reaches no store; update
text sent as a query is not a query (400). ``SERVICE`` and ``FROM`` are refused with 400, as is
a syntax error (with its line and column). An answer larger than ``--max-rows`` is cut there
and says so in the ``X-AIKG-Truncated`` and ``X-AIKG-Notice`` headers.

The endpoint is a bare ASGI application (:class:`Sparql`): :class:`aikg.serve.app.Limits`
hands it ``GET``, ``HEAD`` and ``POST`` requests directly, past Starlette's router, and it
writes a successful answer itself (:mod:`aikg.serve.asgi`); other methods reach it through the
router, which answers 405.
"""

from __future__ import annotations

from urllib.parse import parse_qs, parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from aikg.serve.asgi import header, read_body, send_bytes
from aikg.serve.context import TASK_ERRORS, Shared, error, failure
from aikg.serve.pages import secure
from aikg.serve.tasks import Answer

UPDATE_REFUSED = "this endpoint is read-only: SPARQL Update is refused"
#: Protocol parameters that name graphs of a dataset; the store holds one default graph.
_DATASET = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


def answer_headers(answer: Answer, max_rows: int) -> dict[str, str]:
    """The headers of a task's answer: its count, and the notice when it was cut."""
    headers = {"x-aikg-rows": str(answer.count)}
    if answer.truncated:
        headers["x-aikg-truncated"] = "true"
        headers["x-aikg-notice"] = (
            f"the answer was cut at {max_rows} rows (the server's --max-rows)"
        )
    return headers


def answer_response(answer: Answer, max_rows: int) -> Response:
    """A task's :class:`~aikg.serve.tasks.Answer` as a response (with the cut notice)."""
    return Response(answer.body, media_type=answer.media, headers=answer_headers(answer, max_rows))


def _fields(body: bytes) -> dict[str, list[str]]:
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        return {"": ["not UTF-8"]}


class Sparql:
    """``/sparql`` as a bare ASGI application over the worker's shared state."""

    def __init__(self, state: Shared) -> None:
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = await self.answer(scope, receive)
        if isinstance(found, Answer):
            max_rows = self.state.settings.max_rows
            await send_bytes(send, found.body, found.media, answer_headers(found, max_rows))
        elif found is not None:
            await secure(found)(scope, receive, send)

    async def answer(self, scope: Scope, receive: Receive) -> Answer | Response | None:
        """The query's answer, or the error response; ``None`` when the client left."""
        fields: dict[str, list[str]] = {}
        # the query string as Starlette's request.query_params reads it
        text = scope["query_string"].decode("latin-1")
        for key, value in parse_qsl(text, keep_blank_values=True):
            fields.setdefault(key, []).append(value)
        if scope["method"] == "POST":
            media = (header(scope, b"content-type") or "").split(";")[0].strip().lower()
            body = await read_body(receive)
            if body is None:
                return None
            if media == "application/sparql-update":
                return error(Request(scope), 403, UPDATE_REFUSED)
            if media == "application/sparql-query":
                try:
                    fields.setdefault("query", []).append(body.decode("utf-8"))
                except UnicodeDecodeError:
                    return error(Request(scope), 400, "the query is not UTF-8 text")
            elif media == "application/x-www-form-urlencoded":
                for key, values in _fields(body).items():
                    fields.setdefault(key, []).extend(values)
            else:
                return error(
                    Request(scope),
                    415,
                    "POST a query as application/sparql-query or as a form "
                    "(application/x-www-form-urlencoded, query=...)",
                )
        if "update" in fields:
            return error(Request(scope), 403, UPDATE_REFUSED)
        for name in _DATASET:
            if name in fields:
                message = f"{name} is not supported: the store holds one default graph"
                return error(Request(scope), 400, message)
        queries = fields.get("query", [])
        if len(queries) != 1:
            what = "no query" if not queries else "several queries"
            return error(Request(scope), 400, f"{what}: give one query (query=...)")
        state = self.state
        try:
            found: Answer = await state.call(
                "sparql", queries[0], header(scope, b"accept"), state.settings.max_rows
            )
        except TASK_ERRORS as exc:
            return failure(Request(scope), exc)
        return found


def routes(state: Shared) -> list[Route]:
    """The route of ``/sparql`` (for the methods :class:`aikg.serve.app.Limits` does not hand
    it directly: the router answers them 405)."""
    return [Route("/sparql", Sparql(state), methods=["GET", "POST"])]
