"""Extraction gold sets and their scorer: ``python -m benchmarks.extraction.score --set NAME``
(the method: ``benchmarks/extraction/README.md``)."""
