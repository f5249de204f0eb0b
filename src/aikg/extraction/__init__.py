"""Extraction: draft the facts of a new document, with evidence, for review (issue #7).

Rules, dictionaries and PyPI libraries only (OpenCC for scripts; :mod:`aikg.numbers` for every
number and Chinese numeral); nothing is downloaded at run time.

- :mod:`~aikg.extraction.layout`: front matter, lines, sentences; boilerplate masked;
- :mod:`~aikg.extraction.periods`: reference periods and goal years, read against the date;
- :mod:`~aikg.extraction.quantities`: quantitative statements and what is not one;
- :mod:`~aikg.extraction.variables`: the variable measured, reused from the graph or drafted
  (:mod:`~aikg.extraction.measures`: the name of a measure, normalised, and how close two are);
- :mod:`~aikg.extraction.entities`: named entities, linked across scripts or drafted;
- :mod:`~aikg.extraction.spans`: the spans a rule has taken, and which a new one overlaps;
- :mod:`~aikg.extraction.pipeline`: the draft of one document, the rule families applied in order
  (:mod:`~aikg.extraction.document`, :mod:`~aikg.extraction.facts` with
  :mod:`~aikg.extraction.subjects`, :mod:`~aikg.extraction.bases`, :mod:`~aikg.extraction.areas`,
  :mod:`~aikg.extraction.times`, :mod:`~aikg.extraction.policies`) into the sheet builder
  (:mod:`~aikg.extraction.sheet`): a curation sheet and its compiled graph;
- :mod:`~aikg.extraction.doubts`: the figures a draft leaves out as unsure (a part assumed);
- :mod:`~aikg.extraction.headlines`: a headline's number the body states again, drafted once;
- :mod:`~aikg.extraction.diff`: what a draft adds to the graph and where it conflicts;
- :mod:`~aikg.extraction.evaluate` and :mod:`~aikg.extraction.corpus`: measured against gold.
"""

from aikg.extraction.document import Meta
from aikg.extraction.pipeline import Progress, extract
from aikg.extraction.sheet import Draft

__all__ = ["Draft", "Meta", "Progress", "extract"]
