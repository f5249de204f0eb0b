"""Performance benchmarks: ``python -m benchmarks.performance.run --size 10k|100k|1m`` (see
docs/benchmarks.md)."""
