"""``/view?focus=IRI&depth=N``: the graph view, which fetches neighbourhoods from the server.

The page (``view.html`` and ``static/view.js``) draws with vis-network, served from the copy in
the pyvis package (:func:`aikg.view.page.vis_assets`), never from another host. It asks
``/view/neighbourhood.json?iri=...&depth=N`` (:mod:`aikg.serve.view_data`, over
:mod:`aikg.view.neighbourhood`) for the focus
and for each node the user expands, and searches labels, in Chinese or English, with the saved
query ``search`` (``/queries/search.json``). The page holds only what was fetched, so it works
on a graph of any size.
"""

from __future__ import annotations

from functools import lru_cache

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from aikg.serve.context import TASK_ERRORS, error, failure, shared
from aikg.serve.pages import page
from aikg.serve.view_data import MAX_DEPTH

#: Nodes one neighbourhood answer holds at most.
MAX_NODES = 300


def _depth(request: Request) -> int:
    try:
        return max(0, min(MAX_DEPTH, int(request.query_params.get("depth", "1"))))
    except ValueError:
        return 1


async def view(request: Request) -> Response:
    focus = request.query_params.get("focus", "")
    return page(request, "view.html", focus=focus, depth=_depth(request), max_depth=MAX_DEPTH)


async def neighbourhood(request: Request) -> Response:
    state = shared(request)
    iri = request.query_params.get("iri", "")
    if not iri:
        return error(request, 400, "give the IRI of an entity: ?iri=...")
    try:
        data = await state.call("neighbourhood", iri, _depth(request), MAX_NODES)
    except TASK_ERRORS as exc:
        return failure(request, exc)
    return JSONResponse(data)


@lru_cache(maxsize=1)
def _vis() -> tuple[bytes, bytes]:
    from aikg.view.page import vis_assets

    js, css = vis_assets()
    return js.encode("utf-8"), css.encode("utf-8")


async def vis_script(request: Request) -> Response:
    return Response(_vis()[0], media_type="text/javascript; charset=utf-8",
                    headers={"cache-control": "max-age=86400"})  # fmt: skip


async def vis_style(request: Request) -> Response:
    return Response(_vis()[1], media_type="text/css; charset=utf-8",
                    headers={"cache-control": "max-age=86400"})  # fmt: skip


routes = [
    Route("/view", view, methods=["GET", "HEAD"]),
    Route("/view/neighbourhood.json", neighbourhood, methods=["GET", "HEAD"]),
    Route("/view/vis-network.min.js", vis_script, methods=["GET", "HEAD"]),
    Route("/view/vis-network.css", vis_style, methods=["GET", "HEAD"]),
]
