"""``aikg serve`` against ``oxigraph serve-read-only`` (issue #14): see run.py."""
