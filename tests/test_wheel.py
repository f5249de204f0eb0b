"""The packages. The wheel carries the ontology, graph and saved queries: installed fresh, it
runs anywhere. The sdist carries what the tests need: unpacked and installed, it runs them (they
read ``curation/``, ``queries/``, ``graph/`` and ``ontology/`` at the root, run ``benchmarks/``).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The folders the tests read or run, whole, and the files beside them the sdist must carry.
SDIST_FOLDERS = ("src", "tests", "curation", "queries", "graph", "ontology", "benchmarks", "docs")
SDIST_FILES = ("LICENSE", "NOTICE", "README.md", "pyproject.toml", "Makefile", ".ci/run")

# Each builds a package in an isolated environment, and the wheel's test installs it.
pytestmark = pytest.mark.slow


def build(kind: str, out: Path) -> Path:
    """``python -m build --KIND`` of the checkout into ``out``: the package's path."""
    subprocess.run(
        [sys.executable, "-m", "build", f"--{kind}", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(out.glob("aikg-*.whl" if kind == "wheel" else "aikg-*.tar.gz"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build("wheel", tmp_path_factory.mktemp("dist"))


def test_wheel_packages_the_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("ontology", "graph", "queries"):
        assert any(n.startswith(f"aikg/_data/{folder}/") for n in names), folder
    assert "aikg/_data/ontology/shapes.ttl" in names
    for license_file in ("LICENSE", "NOTICE"):  # the code's license, and the data's (CC BY 4.0)
        assert any(n.endswith(f".dist-info/licenses/{license_file}") for n in names), license_file


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


def checkout_files(folder: str) -> set[str]:
    """The files of ``folder`` that belong to the project (git's list, else the disk's)."""
    listed = subprocess.run(
        ["git", "ls-files", "--", folder], cwd=ROOT, capture_output=True, text=True
    )
    if listed.returncode == 0 and listed.stdout.strip():
        names = set(listed.stdout.split("\n")) - {""}
        return {name for name in names if (ROOT / name).is_file()}  # not yet committed deletions
    return {
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and not (path.parent.name == "drafts" and path.parent.parent.parent.name == "sets")
    }


@pytest.fixture(scope="module")
def sdist_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The files of the sdist, as paths from its top folder."""
    with tarfile.open(build("sdist", tmp_path_factory.mktemp("dist"))) as tar:
        names = [m.name for m in tar.getmembers() if m.isfile()]
    top = names[0].split("/", 1)[0]
    return {name.split("/", 1)[1] for name in names if name.startswith(f"{top}/")}


@pytest.mark.parametrize("folder", SDIST_FOLDERS)
def test_sdist_carries_every_file_of_the_folders_the_tests_use(
    sdist_names: set[str], folder: str
) -> None:
    expected = checkout_files(folder)
    assert expected, folder
    assert expected - sdist_names == set()


def test_sdist_carries_the_license_and_the_build_files(sdist_names: set[str]) -> None:
    assert set(SDIST_FILES) - sdist_names == set()


def test_sdist_leaves_out_scratch_files(sdist_names: set[str]) -> None:
    scratch = [
        name
        for name in sdist_names
        if "__pycache__/" in name
        or name.startswith((".venv/", "build/", "dist/"))
        or ("/sets/" in name and "/drafts/" in name)
    ]
    assert scratch == []
