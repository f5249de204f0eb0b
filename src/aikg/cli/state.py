"""Global options shared by every command (given before the command name)."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from aikg.errors import AikgError, InputError, Interrupted, SettingError

if TYPE_CHECKING:
    from rdflib import Graph

    from aikg.store.base import GraphStore


@dataclass
class State:
    data: list[Path] = field(default_factory=list)
    #: ``--store`` as given (``None``: the default store, see :mod:`aikg.store`).
    store: str | None = None
    _opened: GraphStore | None = field(default=None, repr=False)

    @property
    def data_or_none(self) -> list[Path] | None:
        return self.data or None

    def graph_store(self) -> GraphStore:
        """The store ``--store`` names, holding the ontology and ``--data`` (or the bundled
        graph); opened once per invocation."""
        if self._opened is None:
            from aikg.store import open_store

            notes = Console(stderr=True, highlight=False, soft_wrap=True)
            self._opened = open_store(
                self.store, self.data_or_none, notify=lambda line: notes.print(line, style="dim")
            )
        return self._opened

    def graph(self) -> Graph:
        """The whole graph as an rdflib ``Graph``, from the store (see :mod:`aikg.store`)."""
        return self.graph_store().graph()


def state(ctx: typer.Context) -> State:
    """The global options of this invocation."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def message(exc: AikgError) -> str:
    """What the command line says of ``exc``: a setting the library names (``store``,
    ``default_graph``) is named as the option that gives it (``--store``, ``--default-graph``)."""
    if isinstance(exc, SettingError):
        return f"--{exc.setting.replace('_', '-')} {exc.message}"
    return str(exc)


def fail(exc: AikgError) -> typer.Exit:
    """Print ``exc`` as one line on stderr, without any credential; the exit to raise with
    its code."""
    from aikg.query.remote import scrub

    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"aikg: error: {scrub(message(exc))}", markup=False
    )
    return typer.Exit(exc.exit_code)


def leave(code: int) -> None:
    """End the ``aikg`` process with ``code`` at once if work it gave up on still runs.

    A query abandoned at Ctrl-C or ``--timeout`` still runs on a daemon thread: neither
    pyoxigraph nor rdflib can cancel it from outside. A normal exit would tear the interpreter
    down under it (rdflib's thread raising in half-destroyed modules and printing more than our
    one line; Oxigraph's native code racing its own destructors) or wait for it. Nothing else is
    pending: flush what was written and leave with ``os._exit``. Only the process's entry point
    calls this (:func:`aikg.cli.main.run`), never a command run inside another program.
    """
    from aikg.query.remote import work_abandoned

    if work_abandoned():
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)


def check_store(text: str | None) -> None:
    """Refuse a malformed ``--store`` before any command runs (one line, exit 2)."""
    from aikg.store.spec import parse_store

    try:
        parse_store(text)
    except AikgError as exc:
        raise fail(exc) from None


def os_error(exc: OSError) -> AikgError:
    """An :class:`OSError` as one line (exit 2). Writing stdout failed if it names no file:
    stdout is pointed at /dev/null so that Python's flush at exit does not fail again."""
    if exc.filename is not None:
        return InputError(f"{exc.filename}: {exc.strerror or exc}")
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return InputError(f"cannot write the output (stdout): {exc.strerror or exc}")


def command(app: typer.Typer, **kwargs: object) -> Callable[[Callable[..., None]], None]:
    """Register a command whose :class:`AikgError` becomes one line on stderr and its exit code."""

    def register(func: Callable[..., None]) -> None:
        @functools.wraps(func)
        def wrapper(*args: object, **kw: object) -> None:
            try:
                func(*args, **kw)
            except AikgError as exc:
                raise fail(exc) from None
            except KeyboardInterrupt:  # Ctrl-C outside a wait of ours (loading, parsing)
                raise fail(Interrupted("interrupted (Ctrl-C)")) from None
            except OSError as exc:  # a write the library did not wrap: stdout on a full disk
                raise fail(os_error(exc)) from None

        app.command(**kwargs)(wrapper)  # type: ignore[arg-type]

    return register
