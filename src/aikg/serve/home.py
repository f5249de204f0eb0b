"""``/``: what the graph holds (counts by class, the source documents, the latest figures), and
``/healthz`` (200 once the workers have the store).

The overview is computed once in each worker process (on a query thread, as any query), when
the home page is first asked of it, with a longer timeout than a query's (the saved query
``latest`` reads every observation: seconds on a graph of a million triples); the graph does
not change while the server runs. A request that comes while it is being computed waits for
it a moment, then gets the page with the counts still to come and links to the saved queries
that give them (200: the page works, it is the overview that is not ready).
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from aikg.serve.asgi import Bare, send_bytes
from aikg.serve.context import TASK_ERRORS, Shared, failure, shared
from aikg.serve.pages import page

#: Rows of the documents and of the latest figures the home page lists.
HOME_ROWS = 200
#: Seconds the one computation of the overview may take.
OVERVIEW_TIMEOUT = 300.0
#: Seconds a request for the home page waits for the overview before it is sent without it.
OVERVIEW_WAIT = 3.0


async def healthz(scope: Scope, receive: Receive, send: Send) -> None:
    """``200 ok``, as a bare ASGI application (:mod:`aikg.serve.asgi`): load balancers and
    supervisors ask it often."""
    await send_bytes(send, b"ok\n", "text/plain; charset=utf-8")


async def overview(state: Shared) -> dict[str, Any] | None:
    """The overview, computed once (see the module); ``None`` while it is computed."""
    task = state.cache.get("overview")
    if task is None:
        catalog = state.catalog
        task = asyncio.ensure_future(
            state.runner.call(
                "overview",
                catalog.get("sources"),
                catalog.get("latest"),
                HOME_ROWS,
                timeout=max(OVERVIEW_TIMEOUT, state.settings.timeout),
            )
        )
        state.cache["overview"] = task
    try:
        found: dict[str, Any] = await asyncio.wait_for(asyncio.shield(task), OVERVIEW_WAIT)
    except TimeoutError:
        return None
    except BaseException:
        if task.done():
            state.cache.pop("overview", None)  # failed: the next request tries again
        raise
    return found


async def home(request: Request) -> Response:
    state = shared(request)
    try:
        data = await overview(state)
    except TASK_ERRORS as exc:
        return failure(request, exc)
    return page(request, "home.html", home=data, store=state.settings.store)


routes = [
    Route("/", home, methods=["GET", "HEAD"]),
    # a bare ASGI endpoint: wrapped in a class, which Starlette's Route calls as it is
    Route("/healthz", Bare(healthz), methods=["GET", "HEAD"]),
]
