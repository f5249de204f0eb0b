"""aikg's benchmarks: ``performance/`` (speed and memory, docs/benchmarks.md) and ``extraction/``
(gold sets that score ``aikg extract``, benchmarks/extraction/README.md)."""
