"""The wheel carries the ontology, graph and saved queries: installed fresh, it runs anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(out.glob("aikg-*.whl"))


def test_wheel_packages_the_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("ontology", "graph", "queries"):
        assert any(n.startswith(f"aikg/_data/{folder}/") for n in names), folder
    assert "aikg/_data/ontology/shapes.ttl" in names


def test_installed_wheel_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()

    def aikg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(venv / "bin" / "aikg"), *args],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=300,
        )

    where = subprocess.run(
        [str(python), "-c", "import aikg.paths as p; print(p.ontology_dir())"],
        cwd=work, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(venv) in where and "_data" in where
    validated = aikg("validate")
    assert validated.returncode == 0, validated.stderr
    stats = aikg("stats", "--no-properties")
    assert "entities" in stats.stdout
    built = aikg("build", "-o", "out")
    assert built.returncode == 0, built.stderr
    assert (work / "out" / "aikg.ttl").stat().st_size > 10_000
