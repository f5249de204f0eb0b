"""Global options shared by every command (given before the command name)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import typer
from rich.console import Console

from aikg.errors import AikgError


@dataclass
class State:
    data: list[Path] = field(default_factory=list)

    @property
    def data_or_none(self) -> list[Path] | None:
        return self.data or None


def state(ctx: typer.Context) -> State:
    """The global options of this invocation."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def command(app: typer.Typer, **kwargs: object) -> Callable[[Callable[..., None]], None]:
    """Register a command whose :class:`AikgError` becomes one line on stderr and its exit code."""

    def register(func: Callable[..., None]) -> None:
        @functools.wraps(func)
        def wrapper(*args: object, **kw: object) -> None:
            try:
                func(*args, **kw)
            except AikgError as exc:
                Console(stderr=True, highlight=False, soft_wrap=True).print(
                    f"aikg: error: {exc}", markup=False
                )
                raise typer.Exit(exc.exit_code) from None

        app.command(**kwargs)(wrapper)  # type: ignore[arg-type]

    return register
