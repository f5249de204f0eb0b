"""Bare ASGI for the hot endpoints (``/sparql``, ``/healthz``): what Starlette would send,
written straight to the server.

Starlette's router, request object, middleware and response classes cost more CPU than the
query of a typical ``/sparql`` request (docs/serve.md, "Measured"); these helpers send the same
status, headers (in the same order: the route's own, ``content-length``, ``content-type``,
then the security headers of :data:`aikg.serve.pages.SECURITY_HEADERS`) and body without them.
Anything unusual (an error answer, a page) still goes through a Starlette response.

Example:
    >>> header({"headers": [(b"accept", b"text/csv"), (b"accept", b"text/xml")]}, b"accept")
    'text/csv'
    >>> raw({"x-aikg-rows": "3"}, b"{}", "application/json")[:3]
    [(b'x-aikg-rows', b'3'), (b'content-length', b'2'), (b'content-type', b'application/json')]
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from aikg.serve.pages import SECURITY_HEADERS

#: :data:`~aikg.serve.pages.SECURITY_HEADERS` as the ASGI server takes them.
SECURITY_RAW = [(name.encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]


class Bare:
    """The ASGI application ``app`` in a form Starlette's ``Route`` calls as it is (it would
    take a plain function for a request handler)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of the request header ``name`` (lower case), as Starlette reads it."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def raw(headers: dict[str, str], body: bytes, media: str) -> list[tuple[bytes, bytes]]:
    """The response headers Starlette's ``Response(body, media_type=media, headers=headers)``
    sends, then the security headers (``media`` already carries its charset where it needs
    one)."""
    return [
        *((name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()),
        (b"content-length", str(len(body)).encode()),
        (b"content-type", media.encode("latin-1")),
        *SECURITY_RAW,
    ]


async def send_bytes(
    send: Send, body: bytes, media: str, headers: dict[str, str] | None = None, status: int = 200
) -> None:
    """Send ``body`` as a whole response (the server leaves the body out for ``HEAD``)."""
    await send({"type": "http.response.start", "status": status,
                "headers": raw(headers or {}, body, media)})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


async def read_body(receive: Receive) -> bytes | None:
    """The request's body, whole (:class:`aikg.serve.app.Limits` has bounded its size);
    ``None`` when the client left before sending it all."""
    body = b""
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        body += message.get("body", b"")
        if not message.get("more_body", False):
            return body
