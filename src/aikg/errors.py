"""Errors with the exit code the CLI gives them.

0 ok; 1 findings (non-conformance, conflicts); 2 usage, input, parameter or query-syntax errors;
3 a remote endpoint unreachable or timed out; 124 a query on the embedded store timed out
(``--timeout``); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_REMOTE = 3
#: Interrupted by Ctrl-C (SIGINT): 128 + 2, as shells report it.
EXIT_INTERRUPTED = 130
#: A query on the embedded store ran past its ``--timeout``: 124, as GNU ``timeout`` exits.
EXIT_TIMEOUT = 124


class AikgError(Exception):
    """An error the user can act on: printed as one line, never as a traceback."""

    exit_code = EXIT_INPUT


class InputError(AikgError):
    """An input file or parameter cannot be read or is malformed."""


class SettingError(InputError):
    """A setting's value is not usable. The library names the setting as its callers write it
    (``store``, ``default_graph``); the command line says which option that is (``--store``).

    Example:
        >>> str(SettingError("store", "'foo': use memory, oxigraph or oxigraph:DIR"))
        "store 'foo': use memory, oxigraph or oxigraph:DIR"
    """

    def __init__(self, setting: str, message: str) -> None:
        self.setting, self.message = setting, message
        super().__init__(f"{setting} {message}")


class EvidenceError(InputError):
    """A quote cannot be anchored in its source text (absent, or present more than once)."""


class FindingsError(AikgError):
    """The data was read but does not pass a check (e.g. SHACL non-conformance)."""

    exit_code = EXIT_FINDINGS


class RemoteError(AikgError):
    """A remote SPARQL endpoint is unreachable, timed out or failed."""

    exit_code = EXIT_REMOTE


class Interrupted(AikgError):
    """The user pressed Ctrl-C (SIGINT) while aikg waited for work it cannot interrupt."""

    exit_code = EXIT_INTERRUPTED


class TimedOut(AikgError):
    """A query on the embedded store ran past its deadline and was abandoned (``--timeout``).
    An endpoint that does not answer in time is a :class:`RemoteError` (exit 3)."""

    exit_code = EXIT_TIMEOUT


def located(
    origin: object,
    line: int | None,
    column: int | None,
    reason: str,
    *,
    kind: type[InputError] = InputError,
) -> InputError:
    """The error (an ``InputError``, or ``kind``) ``origin:line:column: reason``, with as much
    of the place as is known: the one way parse errors of files and queries are written.

    Example:
        >>> str(located("a.ttl", 3, None, "unexpected end of file"))
        'a.ttl:3: unexpected end of file'
        >>> str(located("q.rq", 2, 7, "SPARQL syntax error"))
        'q.rq:2:7: SPARQL syntax error'
    """
    place = "".join(f":{n}" for n in (line, column if line is not None else None) if n is not None)
    return kind(f"{origin}{place}: {reason}")


def excerpt(text: bytes | str | None, limit: int = 200) -> str:
    """``text`` on one line (its white space runs as one space), cut after ``limit``
    characters with an ellipsis: the one way a message quotes a text it was given.

    Example:
        >>> excerpt("SELECT *\\n  WHERE { ?s ?p ?o }", 12)
        'SELECT * WHE…'
        >>> excerpt(b"short"), excerpt(None)
        ('short', '')
    """
    if text is None:
        return ""
    one = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    one = " ".join(one.split())
    return one[:limit] + ("…" if len(one) > limit else "")
