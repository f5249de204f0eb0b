"""Shared fixtures: the bundled graph, the shared corpus (required in CI), the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from aikg import paths
from aikg.store.files import load_graph

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def graph() -> Graph:
    """The ontology plus the bundled graph (do not mutate: copy it first)."""
    return load_graph()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared corpus folder. Tests that need the sources' text skip where it is absent, except
    under ``CI=true`` (set by ``.ci/run``), where a missing ``../shared`` fails them."""
    found = paths.shared_dir()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but the shared corpus (../shared) is not available")
        pytest.skip("the shared corpus (../shared) is not available")
    return found


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``aikg`` as a real process (``python -m aikg``) and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "aikg", *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.fixture
def cli():
    return run_cli
