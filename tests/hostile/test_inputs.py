"""Hostile ``--data``: JSON-LD naming its context by reference, a FIFO or a folder named like an
RDF file, an input edited behind a persistent store's back, and what ``queries --markdown`` may
write (issue 15, items 9, 12 and 14). Real files, real processes, every wait bounded."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_secrets import serve

from aikg import paths
from oxigraph_server import run_aikg

STORES = ["memory", "oxigraph", "oxigraph:DIR"]
ASK = "ASK { ?s ?p ?o }"


def one_line(done, code: int) -> str:
    """The one error line of ``done``, which exited with ``code``; a persistent store's note
    that it is loading (``Loading the graph into ...``) may come before it."""
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = [x for x in done.stderr.strip().splitlines() if not x.startswith("Loading the graph")]
    assert len(lines) == 1 and lines[0].startswith("aikg: error: "), done.stderr
    return lines[0]


def store_args(store: str, tmp_path: Path) -> tuple[str, ...]:
    return ("--store", f"oxigraph:{tmp_path / 'store'}" if store == "oxigraph:DIR" else store)


# item 9: JSON-LD input naming its context by reference ---------------------------------------


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("where", ["remote", "file", "path", "import"])
def test_a_jsonld_file_naming_its_context_is_refused_and_nothing_fetched(
    tmp_path: Path, store: str, where: str
) -> None:
    context = {"@context": {"name": "http://e/name"}}
    local = tmp_path / "context.jsonld"
    local.write_text(json.dumps(context), encoding="utf-8")
    answer = json.dumps(context).encode()
    with serve(lambda r: (200, {"Content-Type": "application/ld+json"}, answer)) as (url, seen):
        ref = {
            "remote": f"{url}/context.jsonld",
            "file": local.as_uri(),
            "path": "context.jsonld",
            "import": {"@import": f"{url}/context.jsonld"},
        }[where]
        data = tmp_path / "data.jsonld"
        document = {"@context": ref, "@id": "http://e/s", "name": "x"}
        data.write_text(json.dumps(document), encoding="utf-8")
        args = (*store_args(store, tmp_path), "--data", str(data), "query", "-e", ASK)
        done = run_aikg(*args, timeout=60)
    line = one_line(done, 2)
    assert "@context" in line and "data.jsonld" in line
    assert not seen, "the remote context was not fetched"


def test_a_jsonld_file_with_an_inline_context_is_read(tmp_path: Path) -> None:
    data = tmp_path / "data.jsonld"
    document = {"@context": {"name": "http://e/name"}, "@id": "http://e/s", "name": "x"}
    data.write_text(json.dumps(document), encoding="utf-8")
    text = 'ASK { <http://e/s> <http://e/name> "x" }'
    for store in STORES:
        args = (*store_args(store, tmp_path), "--data", str(data), "query", "-e", text, "-f", "csv")
        done = run_aikg(*args, timeout=60)
        assert done.returncode == 0 and "true" in done.stdout, (store, done.stderr)


# item 14: a FIFO, item 12: a folder, named like RDF files in --data -------------------------


@pytest.mark.parametrize("store", STORES)
def test_a_fifo_named_ttl_in_a_data_folder_is_refused_at_once(tmp_path: Path, store: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.ttl").write_text("<http://e/s> <http://e/p> <http://e/o> .\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.ttl")
    args = (*store_args(store, tmp_path), "--data", str(folder), "query", "-e", ASK)
    line = one_line(run_aikg(*args, timeout=20), 2)
    assert "pipe.ttl" in line and "not a regular file" in line
    line = one_line(run_aikg(*args[:-5], "--data", str(folder / "pipe.ttl"), *args[-3:]), 2)
    assert "pipe.ttl" in line and "not a regular file" in line


@pytest.mark.parametrize("store", STORES)
def test_a_folder_named_ttl_in_a_data_folder_is_walked_not_read(tmp_path: Path, store: str) -> None:
    """A sub-folder ``x.ttl/`` is a folder like any other: its RDF files are read, and it is
    never opened as a file (before: IsADirectoryError, a traceback)."""
    folder = tmp_path / "data"
    (folder / "x.ttl").mkdir(parents=True)
    (folder / "x.ttl" / "inner.nt").write_text(
        "<http://e/s> <http://e/p> <http://e/o> .\n", encoding="utf-8"
    )
    text = "ASK { <http://e/s> <http://e/p> <http://e/o> }"
    args = (*store_args(store, tmp_path), "--data", str(folder), "query", "-e", text, "-f", "csv")
    done = run_aikg(*args, timeout=60)
    assert done.returncode == 0 and "true" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr


# item 14: a persistent store compares what its inputs hold ----------------------------------


def test_an_input_edited_to_the_same_size_with_its_time_restored_is_reloaded(
    tmp_path: Path,
) -> None:
    data = tmp_path / "a.nt"
    data.write_text('<http://e/s> <http://e/p> "aaaa" .\n', encoding="utf-8")
    text = "SELECT ?o WHERE { <http://e/s> <http://e/p> ?o }"
    args = ("--store", f"oxigraph:{tmp_path / 'store'}", "--data", str(data), "query", "-e", text)
    first = run_aikg(*args, "-f", "csv", timeout=60)
    assert first.returncode == 0 and "aaaa" in first.stdout, first.stderr
    before = data.stat()
    data.write_text('<http://e/s> <http://e/p> "bbbb" .\n', encoding="utf-8")
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert data.stat().st_size == before.st_size and data.stat().st_mtime_ns == before.st_mtime_ns
    second = run_aikg(*args, "-f", "csv", timeout=60)
    assert second.returncode == 0, second.stderr
    assert "bbbb" in second.stdout and "aaaa" not in second.stdout


# item 14: queries --markdown writes where it is told, or to stdout ---------------------------


def test_queries_markdown_never_writes_into_the_package(tmp_path: Path) -> None:
    from aikg.query.catalog import load_catalog, render_markdown

    page = paths.queries_dir() / "README.md"
    before = page.stat()
    done = run_aikg("queries", "--markdown", timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == render_markdown(load_catalog())
    after = page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    target = tmp_path / "catalog.md"
    done = run_aikg("queries", "--markdown", "-o", str(target), timeout=60)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == render_markdown(load_catalog())


# a long N-Triples line on rdflib's store ------------------------------------------------------


@pytest.mark.parametrize("store", STORES)
def test_an_n_triples_line_of_4_mib_is_read_at_once(tmp_path: Path, store: str) -> None:
    """rdflib's N-Triples parser looked for a line's end in all it held after every 2 KiB read:
    a 1 MiB literal took 13 s on ``--store memory``, 2 MiB 51 s (4 MiB would take minutes).
    Read a line at a time it is linear; line ends of every kind and a byte-order mark are kept
    as the parser reads them. (A hang guard: the timeout is far above the seconds it takes.)"""
    path = tmp_path / "long.nt"
    literal = "长" * (4 * 1024 * 1024 // 3)
    path.write_bytes(
        b"\xef\xbb\xbf"
        + f'<urn:x:a> <urn:x:long> "{literal}" .\r\n<urn:x:a> <urn:x:b> "cr" .\r'.encode()
        + b'<urn:x:a> <urn:x:c> "lf" .\n'
    )
    query = "SELECT ?p (STRLEN(?o) AS ?n) WHERE { <urn:x:a> ?p ?o } ORDER BY ?p"
    done = run_aikg(
        "--data", str(path), *store_args(store, tmp_path), "query", "-e", query, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "urn:x:b,2", "urn:x:c,2", f"urn:x:long,{len(literal)}"
    ]  # fmt: skip
