"""``/openapi.json``: an OpenAPI 3 document of the server, one operation a saved query.

Each saved query is ``GET /queries/NAME.{format}``: its parameters are query parameters with
their types (an IRI is a ``uri`` string, ``xsd:integer`` an integer ...), required or not,
defaults and allowed values, as the catalog declares them (:mod:`aikg.query.catalog`). Tools
that read OpenAPI (grlc-style clients, code generators, API explorers) can call them.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from aikg import __version__
from aikg.namespaces import XSD_IRI
from aikg.query.catalog import Parameter, SavedQuery
from aikg.serve.catalog_routes import GRAPH_SUFFIXES, TABLE_SUFFIXES, suffixes
from aikg.serve.context import shared
from aikg.serve.negotiation import GRAPH_MEDIA, TABLE_MEDIA

#: XSD datatype -> JSON Schema of its lexical form.
_SCHEMAS: dict[str, dict[str, Any]] = {
    "integer": {"type": "integer"},
    "long": {"type": "integer", "format": "int64"},
    "int": {"type": "integer", "format": "int32"},
    "nonNegativeInteger": {"type": "integer", "minimum": 0},
    "positiveInteger": {"type": "integer", "minimum": 1},
    "decimal": {"type": "number"},
    "double": {"type": "number", "format": "double"},
    "float": {"type": "number", "format": "float"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "dateTime": {"type": "string", "format": "date-time"},
    "gYear": {"type": "string", "pattern": "^-?\\d{4,}$"},
    "anyURI": {"type": "string", "format": "uri"},
}
_SUFFIX_MEDIA = {
    "csv": TABLE_MEDIA["csv"], "json": TABLE_MEDIA["json"], "tsv": TABLE_MEDIA["tsv"],
    "xml": TABLE_MEDIA["xml"], "ttl": GRAPH_MEDIA["turtle"], "jsonld": GRAPH_MEDIA["jsonld"],
    "nt": GRAPH_MEDIA["nt"],
}  # fmt: skip
_ERRORS = {
    "400": {"description": "A parameter value is not of its type, or a required one is missing"},
    "503": {"description": "The query ran longer than the server's timeout"},
}


def schema(parameter: Parameter) -> dict[str, Any]:
    """The JSON Schema of a parameter's value."""
    if parameter.kind == "iri":
        found: dict[str, Any] = {"type": "string", "format": "uri"}
    elif parameter.kind == "number":
        found = {"type": "number"}
    elif parameter.kind == "typed" and parameter.datatype:
        local = parameter.datatype.removeprefix(XSD_IRI)
        found = dict(_SCHEMAS.get(local, {"type": "string"}))
    else:
        found = {"type": "string"}
    if parameter.enum:
        found["enum"] = list(parameter.enum)
    if parameter.default is not None:
        found["default"] = parameter.default
    return found


def operation(query: SavedQuery) -> dict[str, Any]:
    """The operation of one saved query."""
    formats = suffixes(query)
    parameters: list[dict[str, Any]] = [
        {
            "name": "format",
            "in": "path",
            "required": True,
            "schema": {"type": "string", "enum": list(formats), "default": formats[0]},
            "description": "The format of the answer.",
        }
    ]
    for p in query.parameters:
        description = f"{p.type_label}" + (
            ": an IRI or a prefixed name such as organization:cnnic" if p.kind == "iri" else ""
        )
        parameters.append({
            "name": p.name,
            "in": "query",
            "required": p.required and p.default is None,
            "schema": schema(p),
            "description": description,
        })  # fmt: skip
    return {
        "operationId": query.name.replace("-", "_"),
        "summary": query.summary or query.name,
        "description": query.description,
        "tags": list(query.tags) or ["queries"],
        "parameters": parameters,
        "responses": {
            "200": {
                "description": f"The answer of the {query.form or 'SELECT'} query",
                "content": {_SUFFIX_MEDIA[s]: {"schema": {"type": "string"}} for s in formats},
            },
            **_ERRORS,
        },
    }


def document(catalog: dict[str, SavedQuery]) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the server over ``catalog``."""
    paths: dict[str, Any] = {
        f"/queries/{name}.{{format}}": {"get": operation(query)} for name, query in catalog.items()
    }
    paths["/sparql"] = {
        "get": {
            "operationId": "sparql",
            "summary": "A SPARQL 1.1 query (read-only)",
            "tags": ["sparql"],
            "parameters": [
                {"name": "query", "in": "query", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {
                "200": {
                    "description": "The answer, in the format the Accept header prefers",
                    "content": {
                        m: {"schema": {"type": "string"}}
                        for m in [*TABLE_MEDIA.values(), *GRAPH_MEDIA.values()]
                    },
                },
                **_ERRORS,
            },
        }
    }
    paths["/healthz"] = {
        "get": {
            "operationId": "healthz",
            "summary": "200 when the server is ready",
            "responses": {"200": {"description": "Ready"}},
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "aikg",
            "version": __version__,
            "description": "The saved queries of the AI policy and industry knowledge graph.",
        },
        "paths": paths,
    }


async def openapi(request: Request) -> Response:
    return JSONResponse(document(shared(request).catalog))


assert set(TABLE_SUFFIXES + GRAPH_SUFFIXES) <= set(_SUFFIX_MEDIA)
routes = [Route("/openapi.json", openapi, methods=["GET", "HEAD"])]
