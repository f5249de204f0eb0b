"""aikg's benchmarks: ``python -m benchmarks.run --size 10k|100k|1m`` (see docs/benchmarks.md)."""
