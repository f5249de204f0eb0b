"""The serve wing: the graph on the web, read-only (``aikg serve``, issue #14).

In: a store (:mod:`aikg.store`, the one ``--store`` names) and the saved-query catalog
(:mod:`aikg.query.catalog`). Out: an ASGI application (Starlette, served by uvicorn) with the
SPARQL 1.1 Protocol (:mod:`~aikg.serve.protocol`), the saved queries as pages and data
(:mod:`~aikg.serve.catalog_routes`) and as an OpenAPI document (:mod:`~aikg.serve.openapi`),
entity pages at their IRIs with content negotiation (:mod:`~aikg.serve.entity_routes`,
:mod:`~aikg.serve.entity`, :mod:`~aikg.serve.chart`), the home page (:mod:`~aikg.serve.home`)
and the view (:mod:`~aikg.serve.view_routes`). Queries never run in the server's process:
they are tasks (:mod:`~aikg.serve.tasks`) of forked workers that are killed at the timeout
(:mod:`~aikg.serve.workers`). Pages are Jinja2 templates, autoescaped, under a
Content-Security-Policy (:mod:`~aikg.serve.pages`); :mod:`~aikg.serve.server` starts it all.
The serve wing imports the store, the query wing and the view's series; nothing imports it
but the CLI.
"""
