"""The ASGI application: its routes and its limits on every request (what the routes share is
in :mod:`aikg.serve.context`).

Routes come by family, one module each: :mod:`~aikg.serve.protocol` (``/sparql``),
:mod:`~aikg.serve.catalog_routes` (``/queries``), :mod:`~aikg.serve.openapi`,
:mod:`~aikg.serve.entity_routes` (``/id/...``), :mod:`~aikg.serve.home` (``/``, ``/healthz``)
and :mod:`~aikg.serve.view_routes` (``/view``). No route reads the store itself: every query is
a task of the worker's :class:`~aikg.serve.workers.QueryRunner`, which runs it on a thread and
ends the worker when it overruns the timeout.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aikg.query.catalog import load_catalog
from aikg.serve.asgi import SECURITY_RAW, header
from aikg.serve.context import Settings, Shared, error
from aikg.serve.pages import secure, static
from aikg.serve.workers import QueryRunner

#: Paths whose routes :class:`Limits` calls directly, past Starlette's router and middleware
#: (for the methods their route allows): the endpoints a client or a load balancer asks most,
#: bare ASGI applications (:mod:`aikg.serve.asgi`) that send the security headers themselves.
DIRECT = ("/sparql", "/healthz")


class Limits:
    """ASGI middleware: request bodies larger than ``max_body`` get 413, and every response
    gets the security headers (:data:`aikg.serve.pages.SECURITY_HEADERS`).

    ``direct`` maps a path to the methods and the bare ASGI application of its route
    (:data:`DIRECT`); those requests skip the rest of the stack, whose cost per request was
    more than the query's (docs/serve.md, "Measured").
    """

    def __init__(
        self, app: ASGIApp, max_body: int, direct: dict[str, tuple[set[str], ASGIApp]] | None = None
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.direct = direct or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await secure(self._too_big())(scope, receive, send)
            return
        method = scope["method"]
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            # Read the body here, up to the limit, and hand it to the application whole.
            body = bytearray()
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = bool(message.get("more_body", False))
                if len(body) > self.max_body:
                    await secure(self._too_big())(scope, receive, send)
                    return
            pending = [{"type": "http.request", "body": bytes(body), "more_body": False}]

            async def replay() -> Message:
                return pending.pop() if pending else await receive()

            receive = replay
        direct = self.direct.get(scope["path"])
        if direct is not None and method in direct[0]:
            await direct[1](scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_RAW if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, secured)

    def _too_big(self) -> Response:
        return PlainTextResponse(
            f"the request body is larger than {self.max_body} bytes\n", status_code=413
        )


def create_app(runner: QueryRunner, settings: Settings) -> Starlette:
    """The application of one worker, querying through ``runner``."""
    from aikg.serve import catalog_routes, entity_routes, home, openapi, protocol, view_routes

    state = Shared(settings, runner, load_catalog(settings.catalog))
    routes = [
        *home.routes,
        *protocol.routes(state),
        *catalog_routes.routes,
        *openapi.routes,
        *entity_routes.routes,
        *view_routes.routes,
        Route("/static/{name}", static, methods=["GET", "HEAD"]),
    ]
    app = Starlette(routes=routes)
    app.state.shared = state

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        if status == 405:
            return error(request, 405, f"{request.method} is not allowed here (read-only)")
        return error(request, status, f"nothing at {request.url.path}")

    app.add_exception_handler(404, not_found)
    app.add_exception_handler(405, not_found)
    direct = {
        route.path: (route.methods or set(), route.app)
        for route in routes
        if isinstance(route, Route) and route.path in DIRECT
    }
    return Limits(app, settings.max_body, direct)  # type: ignore[return-value]
