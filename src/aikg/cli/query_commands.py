"""Saved SPARQL queries: ``aikg queries``, ``aikg query``, ``aikg publish`` (issue #3)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
