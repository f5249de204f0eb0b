"""What the routes of :mod:`aikg.serve.app` share: the settings, the state, the error answers.

A module of its own so that the route modules need not import the application that imports
them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from aikg.query.catalog import SavedQuery
from aikg.serve.pages import page
from aikg.serve.workers import Busy, QueryRunner, QueryTimeout, Refused, WorkerFailed

#: Defaults of ``aikg serve``.
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000
#: Largest request body accepted (a query text or form), in bytes.
MAX_BODY = 1_000_000
#: Rows a saved query's page shows at a time.
PAGE_SIZE = 100


@dataclass(frozen=True)
class Settings:
    """What ``aikg serve`` was given."""

    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_body: int = MAX_BODY
    page_size: int = PAGE_SIZE
    catalog: Path | None = None
    store: str = "oxigraph"  # how the store was named, for the home page


@dataclass
class Shared:
    """What every route uses: the settings, the query runner, the catalog, cached answers."""

    settings: Settings
    runner: QueryRunner
    catalog: dict[str, SavedQuery]
    cache: dict[str, Any] = field(default_factory=dict)

    async def call(self, task: str, *args: Any) -> Any:
        return await self.runner.call(task, *args)


def shared(request: Request) -> Shared:
    found: Shared = request.app.state.shared
    return found


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept


def error(request: Request, status: int, message: str) -> Response:
    """An error answer: one line of text, or a page for a browser."""
    if wants_html(request):
        return page(request, "error.html", status_code=status, status=status, message=message)
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status)


def failure(request: Request, exc: Exception) -> Response:
    """The answer for what a worker task raised."""
    if isinstance(exc, Refused):
        return error(request, 406 if exc.kind == "NotAcceptable" else 400, str(exc))
    if isinstance(exc, QueryTimeout | Busy):
        response = error(request, 503, str(exc))
        response.headers["retry-after"] = "1"
        return response
    return error(request, 500, str(exc))


TASK_ERRORS = (Refused, QueryTimeout, Busy, WorkerFailed)
