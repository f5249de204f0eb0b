"""``/id/...``: every entity IRI ``https://w3id.org/aikg/id/X/Y`` answered at ``/id/X/Y``.

Content negotiation: ``text/html`` gets the entity's page; ``text/turtle``,
``application/ld+json`` and ``application/n-triples`` get what ``aikg query entity`` gives.
An IRI the graph says nothing of is 404.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from aikg.serve.chart import charts
from aikg.serve.context import TASK_ERRORS, error, failure, shared
from aikg.serve.links import iri_of
from aikg.serve.negotiation import GRAPH_TYPES, choose
from aikg.serve.pages import page
from aikg.serve.protocol import answer_response

#: The formats of an entity, HTML first (what a browser and ``*/*`` get).
ENTITY_TYPES = {"text/html": "html", **GRAPH_TYPES}
#: A variable with more observations than this gets no chart on its page.
MAX_POINTS = 2000


async def entity(request: Request) -> Response:
    state = shared(request)
    iri = iri_of(request.path_params["path"])
    fmt = choose(request.headers.get("accept"), ENTITY_TYPES)
    if fmt is None:
        return error(request, 406, "an entity is sent as text/html, text/turtle, "
                     "application/ld+json or application/n-triples")  # fmt: skip
    query = state.catalog.get("entity")
    if query is None:
        return error(request, 404, "the query catalog has no 'entity' query")
    try:
        if fmt != "html":
            answer = await state.call("describe", query, iri, fmt)
        else:
            data = await state.call("entity", query, iri, MAX_POINTS)
    except TASK_ERRORS as exc:
        return failure(request, exc)
    if fmt != "html":
        if answer is None:
            return error(request, 404, f"the graph says nothing of {iri}")
        response = answer_response(answer, state.settings.max_rows)
    else:
        if data is None:
            return error(request, 404, f"the graph says nothing of {iri}")
        response = page(request, "entity.html", entity=data, charts=charts(data["series"]))
    response.headers["vary"] = "Accept"
    return response


routes = [Route("/id/{path:path}", entity, methods=["GET", "HEAD"])]
