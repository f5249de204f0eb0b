"""Write failures and inputs past a parser's limits, as one line with the README's exit code
(issue 15, item 12): a read-only folder, a parent that is a file, stdout on a full device, a
store folder on a read-only path, a literal over 16 MiB, blank nodes nested 500 deep."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_files import device

from oxigraph_server import run_aikg

TRIPLE = "<http://e/s> <http://e/p> <http://e/o> .\n"
DEPTH = 500


def one_line(done: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The one error line of ``done``; a store's or a writer's progress notes may precede it."""
    assert done.returncode == code, (done.returncode, done.stdout[-500:], done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    errors = [x for x in done.stderr.strip().splitlines() if x.startswith("aikg: error: ")]
    assert len(errors) == 1, done.stderr
    return errors[0]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "one.ttl"
    path.write_text(TRIPLE, encoding="utf-8")
    return path


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """An empty folder nobody can write in: a read-only tmpfs as root (root ignores the mode
    bits), the mode 0555 otherwise."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mount = ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True, timeout=20).returncode != 0:
        pytest.skip("cannot mount a read-only tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, timeout=20)


WRITERS = {
    "export": ("export", "-o", "{out}/graph.ttl"),
    "query": ("query", "-e", "ASK { ?s ?p ?o }", "-o", "{out}/answer.csv"),
    "view": ("view", "-o", "{out}/graph.html"),
    "build": ("build", "-o", "{out}/build"),
    "synth": ("synth", "-o", "{out}/synthetic", "--triples", "2000"),
}


def writer(name: str, out: Path, data: Path) -> tuple[str, ...]:
    args = tuple(part.replace("{out}", str(out)) for part in WRITERS[name])
    return ("--data", str(data), *args) if name != "synth" else args


@pytest.mark.parametrize("name", WRITERS)
def test_a_read_only_output_folder_is_one_line(name: str, read_only: Path, small: Path) -> None:
    line = one_line(run_aikg(*writer(name, read_only, small), timeout=120))
    assert str(read_only) in line
    assert "Read-only file system" in line or "Permission denied" in line


@pytest.mark.parametrize("name", WRITERS)
def test_an_output_whose_parent_is_a_file_is_one_line(
    name: str, tmp_path: Path, small: Path
) -> None:
    parent = tmp_path / "a-file"
    parent.write_text("mine\n", encoding="utf-8")
    line = one_line(run_aikg(*writer(name, parent, small), timeout=120))
    assert str(parent) in line
    assert parent.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("where", ["read-only", "parent-is-a-file"])
def test_a_screenshot_that_cannot_be_written_is_one_line(
    where: str, tmp_path: Path, read_only: Path, small: Path
) -> None:
    if where == "read-only":
        target = read_only / "shot.png"
    else:
        (tmp_path / "a-file").write_text("mine\n", encoding="utf-8")
        target = tmp_path / "a-file" / "shot.png"
    args = ("--data", str(small), "view", "-o", str(tmp_path / "graph.html"))
    line = one_line(run_aikg(*args, "--screenshot", str(target), timeout=120))
    assert str(target) in line


@pytest.mark.parametrize("inside", [False, True])
def test_a_store_folder_on_a_read_only_path_is_one_line(
    inside: bool, read_only: Path, small: Path
) -> None:
    folder = read_only / "store" if inside else read_only
    args = ("--store", f"oxigraph:{folder}", "--data", str(small), "query", "-e", "ASK {}")
    line = one_line(run_aikg(*args, timeout=60))
    assert f"--store oxigraph:{folder}" in line


@pytest.mark.parametrize(
    "args",
    [
        ("query", "-e", "SELECT ?s WHERE { ?s ?p ?o }", "-f", "csv"),
        ("export", "-f", "nt"),
        ("stats",),
        ("queries",),
        ("queries", "--markdown"),
    ],
    ids=lambda args: args[0],
)
def test_stdout_on_a_full_device_is_one_line(
    args: tuple[str, ...], tmp_path: Path, small: Path
) -> None:
    full = device(tmp_path, "full", 7)
    with full.open("w") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "aikg", "--data", str(small), *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], done.stderr


# limits of the parsers and serializers ---------------------------------------------------


@pytest.fixture(scope="module")
def huge_literal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("huge")
    literal = "a" * (16 * 1024 * 1024 + 1024)
    path = folder / "huge.ttl"
    path.write_text(f'<http://e/s> <http://e/p> "{literal}" .\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("store", ["oxigraph", "oxigraph:DIR"])
def test_a_literal_over_16_mib_is_one_line(store: str, huge_literal: Path, tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}" if store == "oxigraph:DIR" else store
    args = ("--store", spec, "--data", str(huge_literal), "query", "-e", "ASK { ?s ?p ?o }")
    line = one_line(run_aikg(*args, timeout=60))
    assert str(huge_literal) in line and "16 MiB" in line


def nested(suffix: str) -> str:
    """One subject whose object is a blank node nested ``DEPTH`` deep, in ``suffix``'s syntax."""
    if suffix == ".jsonld":
        return (
            '{"@id": "http://e/s", "http://e/p": '
            + '{"http://e/p": ' * DEPTH
            + '"x"'
            + "}" * DEPTH
            + "}"
        )
    return (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">'
        '<rdf:Description rdf:about="http://e/s">'
        + "<e:p><rdf:Description>" * DEPTH
        + "<e:p>x</e:p>"
        + "</rdf:Description></e:p>" * DEPTH
        + "</rdf:Description></rdf:RDF>"
    )


@pytest.mark.parametrize("command", ["export-jsonld", "export-xml", "build"])
@pytest.mark.parametrize("store", ["memory", "oxigraph"])
@pytest.mark.parametrize("suffix", [".jsonld", ".rdf"])
def test_blank_nodes_nested_500_deep_are_one_line(
    suffix: str, store: str, command: str, tmp_path: Path
) -> None:
    data = tmp_path / f"deep{suffix}"
    data.write_text(nested(suffix), encoding="utf-8")
    out = tmp_path / "out"
    if command == "build":
        args: tuple[str, ...] = ("build", "-o", str(out))
    else:
        args = ("export", "-f", command.split("-")[1], "-o", str(out))
    done = run_aikg("--store", store, "--data", str(data), *args, timeout=120)
    if store == "oxigraph" and command in ("export-jsonld", "build"):
        # Oxigraph writes JSON-LD flat (each blank node by its id): nothing to refuse, and
        # the graph is written whole
        assert done.returncode == 0, done.stderr
        written = out / "aikg.jsonld" if command == "build" else out
        from rdflib import Graph, URIRef

        graph = Graph().parse(written, format="json-ld")
        assert len(list(graph.triples((None, URIRef("http://e/p"), None)))) == DEPTH + 1
        return
    line = one_line(done)
    assert "nested too deeply" in line
    assert not out.exists(), "nothing is written"
