"""Extraction: draft the facts of a new document, with evidence, for review (issue #7).

Rules, dictionaries and PyPI libraries only (OpenCC for scripts, cn2an for Chinese numerals,
:func:`aikg.numbers.parse_quantity` for every number); nothing is downloaded at run time.

- :mod:`~aikg.extraction.layout`: front matter, lines, sentences; boilerplate masked;
- :mod:`~aikg.extraction.periods`: reference periods and goal years, read against the date;
- :mod:`~aikg.extraction.quantities`: quantitative statements and what is not one;
- :mod:`~aikg.extraction.variables`: the variable measured, reused from the graph or drafted;
- :mod:`~aikg.extraction.entities`: named entities, linked across scripts or drafted;
- :mod:`~aikg.extraction.pipeline`: the draft as a curation sheet and its compiled graph;
- :mod:`~aikg.extraction.diff`: what a draft adds to the graph and where it conflicts;
- :mod:`~aikg.extraction.evaluate` and :mod:`~aikg.extraction.corpus`: measured against gold.
"""

from aikg.extraction.pipeline import Draft, Meta, extract

__all__ = ["Draft", "Meta", "extract"]
