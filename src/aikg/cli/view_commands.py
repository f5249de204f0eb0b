"""The HTML graph view and network analytics: ``aikg view``, ``analyze``, ``path`` (issue #4)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
