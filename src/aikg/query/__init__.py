"""The query wing: saved SPARQL queries, from their files to their results.

In: the catalog of ``queries/*.rq`` (grlc headers, BASIL parameter names:
:mod:`~aikg.query.catalog`), what their text says of them (:mod:`~aikg.query.text`), the
values given for their parameters (``--param``: :mod:`~aikg.query.parameters`), and a store
(:mod:`aikg.store`) or a SPARQL 1.1 server (:mod:`~aikg.query.remote`). Out: a
:class:`~aikg.query.results.Table`, ``Boolean`` or ``GraphResult`` and its formats (CSV, TSV,
SPARQL JSON and XML, Markdown, RDF). Parameters are bound once, as a ``VALUES`` block, for
every engine (:mod:`~aikg.query.run`); rdflib's parser checks a text and runs it on rdflib's
graph (:mod:`~aikg.query.sparql`). The query wing imports the store, never the view.
"""
