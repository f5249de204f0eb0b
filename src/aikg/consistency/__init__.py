"""Consistency checks across sources (issue #5): ``aikg check`` as a library.

:func:`check` reads the graph's observations with SPARQL and does the arithmetic in Python with
:class:`~decimal.Decimal`. It looks for

(a) ``different-values``: two observations of the same variable, area, period, breakdown and
    denominator whose stated values differ;
(b) ``stated-change``: a change (relative growth, absolute or percentage-point difference, a
    growth multiple) that does not match the values it relates;
(c) ``share``: a share that does not match its count (the share variable's ``aikg:numerator``)
    and its base (the observation's ``schema:measurementDenominator``).

Tolerance: every stated value ``v`` of published precision ``p`` (``aikg:precision``, the place
value of its last stated digit) stands for a true value in ``[v - p/2, v + p/2)``; a qualifier
replaces that by the bound it states (``超4500``: ``(4500, ∞)``; ``近6000``: ``[0, 6000)``).
A computed figure (a change, a share) gets the interval obtained by interval arithmetic over the
intervals of its inputs. Two figures are consistent when their intervals overlap. A difference
that the intervals explain is reported as ``consistent-within-rounding``; one they do not
explain is a ``conflict``, or a ``note`` where the data cannot support a conflict (a value
stated as "about", or values from different documents for a period whose date is unstated).

Targets (``aikg:Target``) are never read; observations of different variables are never
compared.

Modules, in the order the data flows: :mod:`~aikg.consistency.queries` and
:mod:`~aikg.consistency.facts` gather the observations with SPARQL;
:mod:`~aikg.consistency.intervals` and :mod:`~aikg.consistency.stated` give each stated figure
its interval; :mod:`~aikg.consistency.same_measure`, :mod:`~aikg.consistency.changes` and
:mod:`~aikg.consistency.shares` are the three checks (the last two judge through
:mod:`~aikg.consistency.comparison`, over the facts of :mod:`~aikg.consistency.context`);
:mod:`~aikg.consistency.explained` marks the findings that curators have explained in the graph
(``aikg:ExplainedDisagreement``: listed apart, they do not fail the check);
:mod:`~aikg.consistency.report` holds what they find and :mod:`~aikg.consistency.display` how
figures read; :mod:`~aikg.consistency.run` is :func:`check`.
"""

from __future__ import annotations

from aikg.consistency.changes import MULTIPLE_READINGS as MULTIPLE_READINGS
from aikg.consistency.intervals import INF as INF
from aikg.consistency.intervals import Interval
from aikg.consistency.report import (
    CONFLICT,
    KINDS,
    NOTE,
    ROUNDING,
    CheckReport,
    Explanation,
    Finding,
    Skipped,
    Source,
    StatedValue,
)
from aikg.consistency.report import DIFFERENT_VALUES as DIFFERENT_VALUES
from aikg.consistency.report import SEVERITIES as SEVERITIES
from aikg.consistency.report import SHARE as SHARE
from aikg.consistency.report import STATED_CHANGE as STATED_CHANGE
from aikg.consistency.run import check

__all__ = [
    "CONFLICT",
    "KINDS",
    "NOTE",
    "ROUNDING",
    "CheckReport",
    "Explanation",
    "Finding",
    "Interval",
    "Skipped",
    "Source",
    "StatedValue",
    "check",
]
