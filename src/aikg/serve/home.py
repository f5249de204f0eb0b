"""``/``: what the graph holds (counts by class, the source documents, the latest figures), and
``/healthz`` (200 once the workers have the store)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from aikg.serve.app import TASK_ERRORS, failure, shared
from aikg.serve.pages import page

#: Rows of the documents and of the latest figures the home page lists.
HOME_ROWS = 200


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok\n")


async def home(request: Request) -> Response:
    """The overview is computed once (the graph does not change while the server runs)."""
    state = shared(request)
    data = state.cache.get("overview")
    if data is None:
        catalog = state.catalog
        try:
            data = await state.call(
                "overview", catalog.get("sources"), catalog.get("latest"), HOME_ROWS
            )
        except TASK_ERRORS as exc:
            return failure(request, exc)
        state.cache["overview"] = data
    return page(request, "home.html", home=data, store=state.settings.store)


routes = [
    Route("/", home, methods=["GET", "HEAD"]),
    Route("/healthz", healthz, methods=["GET", "HEAD"]),
]
