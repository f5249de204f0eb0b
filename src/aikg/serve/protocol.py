"""``/sparql``: the query operation of the SPARQL 1.1 Protocol, read-only.

``GET ?query=``, ``POST`` of a form (``query=``) or of ``application/sparql-query``; answers in
the format the ``Accept`` header prefers (:mod:`~aikg.serve.negotiation`). An update (``POST
update=``, ``application/sparql-update``) is refused with 403 and reaches no store; update
text sent as a query is not a query (400). ``SERVICE`` and ``FROM`` are refused with 400, as is
a syntax error (with its line and column). An answer larger than ``--max-rows`` is cut there
and says so in the ``X-AIKG-Truncated`` and ``X-AIKG-Notice`` headers.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from aikg.serve.context import TASK_ERRORS, error, failure, shared
from aikg.serve.tasks import Answer

UPDATE_REFUSED = "this endpoint is read-only: SPARQL Update is refused"
#: Protocol parameters that name graphs of a dataset; the store holds one default graph.
_DATASET = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


def answer_response(answer: Answer, max_rows: int) -> Response:
    """A task's :class:`~aikg.serve.tasks.Answer` as a response (with the cut notice)."""
    headers = {"x-aikg-rows": str(answer.count)}
    if answer.truncated:
        headers["x-aikg-truncated"] = "true"
        headers["x-aikg-notice"] = (
            f"the answer was cut at {max_rows} rows (the server's --max-rows)"
        )
    return Response(answer.body, media_type=answer.media, headers=headers)


def _fields(body: bytes) -> dict[str, list[str]]:
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        return {"": ["not UTF-8"]}


async def sparql(request: Request) -> Response:
    state = shared(request)
    fields: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        fields.setdefault(key, []).append(value)
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        if media == "application/sparql-update":
            return error(request, 403, UPDATE_REFUSED)
        if media == "application/sparql-query":
            try:
                fields.setdefault("query", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                return error(request, 400, "the query is not UTF-8 text")
        elif media == "application/x-www-form-urlencoded":
            for key, values in _fields(body).items():
                fields.setdefault(key, []).extend(values)
        else:
            return error(
                request,
                415,
                "POST a query as application/sparql-query or as a form "
                "(application/x-www-form-urlencoded, query=...)",
            )
    if "update" in fields:
        return error(request, 403, UPDATE_REFUSED)
    for name in _DATASET:
        if name in fields:
            return error(
                request, 400, f"{name} is not supported: the store holds one default graph"
            )
    queries = fields.get("query", [])
    if len(queries) != 1:
        what = "no query" if not queries else "several queries"
        return error(request, 400, f"{what}: give one query (query=...)")
    try:
        answer = await state.call(
            "sparql", queries[0], request.headers.get("accept"), state.settings.max_rows
        )
    except TASK_ERRORS as exc:
        return failure(request, exc)
    return answer_response(answer, state.settings.max_rows)


routes = [Route("/sparql", sparql, methods=["GET", "POST"])]
