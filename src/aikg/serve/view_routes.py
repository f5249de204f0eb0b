"""``/view``: the graph view, fetching neighbourhoods from the server (see below)."""

from __future__ import annotations

from starlette.routing import Route

routes: list[Route] = []
