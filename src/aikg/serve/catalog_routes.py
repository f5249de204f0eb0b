"""The saved queries on the web: ``/queries`` (HTML), ``/queries.json``, ``/queries/NAME`` (a page
with a form, the result table with paging, links to the data) and ``/queries/NAME.csv|.json|
.tsv|.ttl`` (the rows of ``aikg query NAME --param ... --format ...``).

Parameters come from the query string and are bound by the mechanism the CLI uses
(:func:`aikg.query.run.run_embedded`): typed RDF terms, never text pasted into the query.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from aikg.query.catalog import SavedQuery, usage
from aikg.serve.context import TASK_ERRORS, error, failure, shared
from aikg.serve.entity import table_data
from aikg.serve.pages import page
from aikg.serve.protocol import answer_response
from aikg.serve.workers import Refused

#: URL suffix -> result format (``.json`` of a CONSTRUCT is JSON-LD).
SUFFIXES = {"csv": "csv", "json": "json", "tsv": "tsv", "ttl": "turtle", "xml": "xml",
            "jsonld": "jsonld", "nt": "nt"}  # fmt: skip
TABLE_SUFFIXES = ("csv", "json", "tsv", "xml")
GRAPH_SUFFIXES = ("ttl", "jsonld", "nt")
#: Query-string names a page uses for itself (never a query's parameter).
PAGE_PARAMETER = "page"


def suffixes(query: SavedQuery) -> tuple[str, ...]:
    return GRAPH_SUFFIXES if query.form in ("CONSTRUCT", "DESCRIBE") else TABLE_SUFFIXES


def _format(query: SavedQuery, suffix: str) -> str:
    fmt = SUFFIXES[suffix]
    if fmt == "json" and query.form in ("CONSTRUCT", "DESCRIBE"):
        return "jsonld"
    return fmt


def describe(query: SavedQuery) -> dict[str, Any]:
    """A catalog entry as ``/queries.json`` gives it."""
    return {
        "name": query.name,
        "summary": query.summary,
        "description": query.description,
        "tags": list(query.tags),
        "form": query.form,
        "columns": query.columns,
        "parameters": [
            {
                "name": p.name,
                "type": p.type_label,
                "required": p.required and p.default is None,
                "default": p.default,
                "enum": list(p.enum),
            }
            for p in query.parameters
        ],
        "command": usage(query),
        "page": f"/queries/{query.name}",
        "data": {suffix: f"/queries/{query.name}.{suffix}" for suffix in suffixes(query)},
    }


async def catalog_json(request: Request) -> Response:
    catalog = shared(request).catalog
    return JSONResponse({"queries": [describe(q) for q in catalog.values()]})


async def catalog_page(request: Request) -> Response:
    catalog = shared(request).catalog
    return page(request, "queries.html", queries=[describe(q) for q in catalog.values()])


def _given(request: Request, query: SavedQuery, *, page_params: bool) -> dict[str, str]:
    """The query string as parameter values (a repeated one is an error); on a page, a blank
    field is a parameter not given, and ``page`` is the page's own."""
    given: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if page_params and key == PAGE_PARAMETER and query.parameter(key) is None:
            continue
        if page_params and value == "":
            continue
        if key in given:
            raise Refused(f"parameter {key!r} is given twice", "InputError")
        given[key] = value
    return given


async def saved_query(request: Request) -> Response:
    state = shared(request)
    name = request.path_params["name"]
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix in SUFFIXES and stem in state.catalog:
        query = state.catalog[stem]
        try:
            given = _given(request, query, page_params=False)
            answer = await state.call(
                "saved", query, given, _format(query, suffix), state.settings.max_rows
            )
        except TASK_ERRORS as exc:
            return failure(request, exc)
        return answer_response(answer, state.settings.max_rows)
    if name not in state.catalog:
        return error(request, 404, f"no saved query named {name!r} (see /queries)")
    return await _query_page(request, state.catalog[name])


async def _query_page(request: Request, query: SavedQuery) -> Response:
    state = shared(request)
    settings = state.settings
    try:
        number = max(1, int(request.query_params.get(PAGE_PARAMETER, "1")))
    except ValueError:
        number = 1
    context: dict[str, Any] = {"query": describe(query), "text": query.text, "message": None,
                               "table": None, "values": {}, "links": {}}  # fmt: skip
    status = 200
    try:
        given = _given(request, query, page_params=True)
        context["values"] = given
        missing = [
            p.name for p in query.parameters if p.required and p.default is None
            and p.name not in given
        ]  # fmt: skip
        if missing:
            context["message"] = "Give " + ", ".join(missing) + " to run the query."
        else:
            result, truncated = await state.call("rows", query, given, settings.max_rows)
            table = table_data(result)
            total = len(table["rows"])
            start = (number - 1) * settings.page_size
            table["rows"] = table["rows"][start : start + settings.page_size]
            query_string = urlencode(list(given.items()))
            context["table"] = table
            context["paging"] = {
                "page": number,
                "pages": max(1, -(-total // settings.page_size)),
                "total": total,
                "first": start + 1,
                "last": start + len(table["rows"]),
                "truncated": truncated,
                "max_rows": settings.max_rows,
                "base": f"/queries/{query.name}?" + (query_string + "&" if query_string else ""),
            }
            context["links"] = {
                suffix: f"/queries/{query.name}.{suffix}"
                + (f"?{query_string}" if query_string else "")
                for suffix in suffixes(query)
            }
    except TASK_ERRORS as exc:
        response = failure(request, exc)
        status = response.status_code
        context["message"] = str(exc)
    return page(request, "query.html", status_code=status, **context)


routes = [
    Route("/queries", catalog_page, methods=["GET", "HEAD"]),
    Route("/queries.json", catalog_json, methods=["GET", "HEAD"]),
    Route("/queries/{name}", saved_query, methods=["GET", "HEAD"]),
]
