"""The HTML pages: Jinja2 templates (autoescaped: every label and quote is escaped), the
stylesheet and scripts served from memory, and the Content-Security-Policy of every response.

The policy lets a page load nothing from another host and run no inline script: scripts and
styles come from ``/static/`` on this server, data from this server's own endpoints.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

#: Sent with every response (harmless on data, essential on pages).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
#: File name -> media type of what ``/static/`` serves.
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


def secure(response: Response) -> Response:
    """``response`` with the security headers."""
    response.headers.update(SECURITY_HEADERS)
    return response


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("aikg.serve", "templates"),
        autoescape=select_autoescape(["html"], default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """``template`` rendered with ``context`` (and the request) as an HTML response."""
    html = environment().get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


@lru_cache(maxsize=8)
def static_file(name: str) -> bytes | None:
    """A file of ``aikg/serve/static`` (read once), or ``None``."""
    if "/" in name or name.startswith(".") or not any(name.endswith(s) for s in STATIC_TYPES):
        return None
    found = resources.files("aikg.serve") / "static" / name
    return found.read_bytes() if found.is_file() else None


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    body = static_file(name)
    if body is None:
        return Response("not found\n", status_code=404, media_type="text/plain")
    media = STATIC_TYPES["." + name.rsplit(".", 1)[1]]
    return Response(body, media_type=media, headers={"cache-control": "max-age=3600"})
