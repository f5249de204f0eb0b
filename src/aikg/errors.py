"""Errors with the exit code the CLI gives them.

0 ok; 1 findings (non-conformance, conflicts); 2 usage, input, parameter or query-syntax errors;
3 a remote endpoint unreachable or timed out.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_REMOTE = 3


class AikgError(Exception):
    """An error the user can act on: printed as one line, never as a traceback."""

    exit_code = EXIT_INPUT


class InputError(AikgError):
    """An input file or parameter cannot be read or is malformed."""


class EvidenceError(InputError):
    """A quote cannot be anchored in its source text (absent, or present more than once)."""


class FindingsError(AikgError):
    """The data was read but does not pass a check (e.g. SHACL non-conformance)."""

    exit_code = EXIT_FINDINGS


class RemoteError(AikgError):
    """A remote SPARQL endpoint is unreachable, timed out or failed."""

    exit_code = EXIT_REMOTE
