"""Reference periods and goal years: time expressions found in a text, read against its date.

Each :class:`TimeExpr` is a span of the text and what it means, in the ISO 8601 notation of the
curation sheets (:mod:`aikg.curation.periods`): ``2024-12-31`` (a stock as of a date),
``2024-01-01/2024-09-30`` (a flow over a span), ``../2025-01-22`` (as of an unstated date up to
the document date), or a goal year (``到2027年``, "by 2026" in a text written before then).

Expressions without a year (截至6月, 上半年, 去年, "as of June", "last year") are read against the
document date: a month is the latest one that has ended by that date, a relative year counts
from the document's year.

Three kinds of expression do not date a number by themselves:

- a *comparison* (较2025年12月, 较去年底, 比上年末, 较上年同期, "from a year earlier",
  "compared with the end of 2025"): the date a change is measured against (its base period),
  never the period;
- an *anaphor* ("over the same period", "in the period", 同一时期): the period stated before it;
- a *span of years* (2021—2025年, “十四五”以来, 过去五年, "over the past five years"): the interval
  of an average annual figure (年均增长, "average annual growth").
"""

from aikg.extraction.periods.expression import TimeExpr, shift_year
from aikg.extraction.periods.finder import find_times, review_year

__all__ = ["TimeExpr", "find_times", "review_year", "shift_year"]
