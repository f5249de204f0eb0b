"""The view wing: the graph as people look at it, one self-contained offline HTML page.

In: a store (:mod:`aikg.store`), and what to draw (:mod:`~aikg.view.draw`: the whole graph, a
saved query's result run on that store, or an entity's neighbourhood, read from the store by
:mod:`~aikg.view.neighbourhood`). The graph's entities
become a networkx multigraph (:mod:`~aikg.view.network`); nodes are placed
(:mod:`~aikg.view.layout`), each entity's details, evidence and sources gathered for the side
panel (:mod:`~aikg.view.panel`) and each variable's observations charted
(:mod:`~aikg.view.series`). Out: the page (:mod:`~aikg.view.page` and ``templates/``), a PNG of
it (:mod:`~aikg.view.screenshot`), and the network's analytics (:mod:`~aikg.view.analytics`:
centrality, components, shortest paths; ``analyze`` on the entity network
:mod:`~aikg.view.skeleton` reads from the store). The view imports the store and the queries.
"""
