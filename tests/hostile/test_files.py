"""Hostile files: output targets that are devices, FIFOs, symlinks or private files; full
disks; concurrent store loads; synth and build folders holding other files (issue 15)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from aikg.errors import InputError
from aikg.store.export import write_atomic

ROOT = Path(__file__).resolve().parents[2]


def aikg(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "aikg", *args],
        cwd=kw.pop("cwd", ROOT),
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aikg: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# item 6: the one atomic writer ------------------------------------------------------------


def test_write_atomic_keeps_a_private_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "secret.ttl"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_write_atomic_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.ttl"
    real.write_bytes(b"old")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"


def test_write_atomic_writes_a_fifo_with_a_reader_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    for _ in range(200):  # wait (bounded) until the reader has the FIFO open
        try:
            write_atomic(fifo, b"through the pipe")
            break
        except InputError:
            threading.Event().wait(0.02)
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name != "pipe.ttl"]


def test_write_atomic_refuses_a_fifo_with_no_reader_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="no reader"):
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def device(folder: Path, name: str, minor: int) -> Path:
    """A private copy of a memory device (1, minor) in ``folder``: the tests never risk the
    system's /dev/full or /dev/null (a writer that replaces its target would replace a copy)."""
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("cannot make a device node here (not root)")
    return path


def test_write_atomic_never_replaces_a_full_device(tmp_path: Path) -> None:
    full = device(tmp_path, "full", 7)  # /dev/full
    before = os.stat(full)
    with pytest.raises(InputError, match="full: cannot write"):
        write_atomic(full, b"x" * 10)
    after = os.stat(full)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino


def test_export_to_a_full_device_is_one_line_and_leaves_the_device(tmp_path: Path) -> None:
    full = device(tmp_path, "full", 7)
    before = os.stat(full)
    line = one_line_error(aikg("export", "-o", str(full)))
    assert str(full) in line and "No space left" in line
    after = os.stat(full)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_export_to_a_null_device_and_stdout_streams(tmp_path: Path) -> None:
    null = device(tmp_path, "null", 3)
    assert aikg("export", "-o", str(null)).returncode == 0
    assert stat.S_ISCHR(os.stat(null).st_mode)
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    result = aikg("export", "-f", "nt", "-o", str(stdout))
    assert result.returncode == 0, result.stderr
    assert "<http" in result.stdout
    assert stdout.is_symlink()


def test_write_atomic_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        write_atomic(tmp_path, b"x")


def _tmpfs(path: Path, size: str = "64k") -> bool:
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        timeout=20,
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    disk = tmp_path / "disk"
    if not _tmpfs(disk):
        pytest.skip("cannot mount a small tmpfs here (not root?)")
    yield disk
    subprocess.run(["umount", str(disk)], capture_output=True, timeout=20)


def test_write_atomic_on_a_full_disk_keeps_the_old_file_and_no_temp(small_disk: Path) -> None:
    target = small_disk / "aikg.ttl"
    target.write_bytes(b"old")
    with pytest.raises(InputError, match=r"aikg\.ttl"):
        write_atomic(target, b"x" * 1_000_000)
    assert target.read_bytes() == b"old"
    assert [p.name for p in small_disk.iterdir()] == ["aikg.ttl"]


# item 5: synth refuses a folder holding anything it did not write ----------------------------


def test_synth_refuses_a_folder_with_a_users_files(tmp_path: Path) -> None:
    folder = tmp_path / "synth"
    assert aikg("synth", "--triples", "2000", "-o", str(folder)).returncode == 0
    (folder / "mine.txt").write_text("a user's notes")
    (folder / "sub").mkdir()
    (folder / "sub" / "kept.ttl").write_text("")
    line = one_line_error(aikg("synth", "--triples", "3000", "-o", str(folder)))
    assert "mine.txt" in line or "sub" in line
    assert (folder / "mine.txt").read_text() == "a user's notes"
    assert (folder / "sub" / "kept.ttl").exists()


def test_synth_replaces_its_own_earlier_graph(tmp_path: Path) -> None:
    folder = tmp_path / "synth"
    assert aikg("synth", "--triples", "2000", "-o", str(folder)).returncode == 0
    result = aikg("synth", "--triples", "3000", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert "triples: 3000" in (folder / "synth-info.yaml").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name != "synth"]


# item 4: one lock per store folder, a load swapped in whole -------------------------------------


@pytest.fixture(scope="module")
def big_synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "synth"
    done = aikg("synth", "--triples", "400000", "-o", str(folder))
    assert done.returncode == 0, done.stderr
    return folder


def _store_cli(store: Path, data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aikg",
            "--data",
            str(data),
            "--store",
            f"oxigraph:{store}",
            "query",
            "counts",
            "-f",
            "csv",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_first_loading_one_store_leave_it_whole(
    big_synth: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    first = _store_cli(store, big_synth)
    for _ in range(300):  # the second starts while the first is loading (bounded wait)
        if (store / "oxigraph").exists() or any(store.glob(".oxigraph*")):
            break
        threading.Event().wait(0.05)
    threading.Event().wait(0.5)
    second = _store_cli(store, big_synth)
    out1, err1 = first.communicate(timeout=300)
    out2, err2 = second.communicate(timeout=300)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert out1 == out2
    third = aikg("--data", str(big_synth), "--store", f"oxigraph:{store}", "query", "counts")
    assert third.returncode == 0 and third.stderr == "", third.stderr
    assert "Loading" not in third.stderr  # reused, not reloaded


def test_a_corrupted_store_is_rebuilt(tmp_path: Path) -> None:
    data = tmp_path / "data.ttl"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n")
    store = tmp_path / "store"
    args = ("--data", str(data), "--store", f"oxigraph:{store}", "query", "counts", "-f", "csv")
    done = aikg(*args)
    assert done.returncode == 0, done.stderr
    for path in (store / "oxigraph").iterdir():  # damage every database file
        if path.is_file() and path.stat().st_size > 0:
            path.write_bytes(b"\0garbage" * 64)
    again = aikg(*args)
    assert again.returncode == 0, again.stderr
    assert again.stdout == done.stdout
    assert "Traceback" not in again.stderr


# item 7: build writes its outputs as a set ---------------------------------------------------


def test_build_keeps_a_users_files_and_refuses_a_sub_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep")
    assert aikg("build", "-o", str(out)).returncode == 0
    assert (out / "mine.txt").read_text() == "keep" and (out / "aikg.ttl").is_file()
    (out / "sub").mkdir()
    line = one_line_error(aikg("build", "-o", str(out)))
    assert "'sub'" in line
    assert (out / "mine.txt").read_text() == "keep" and (out / "sub").is_dir()


def test_build_killed_midway_leaves_the_old_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert aikg("build", "-o", str(out)).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    data = tmp_path / "more.ttl"
    data.write_text("")
    for delay in (1.0, 2.0, 3.0, 4.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "aikg", "build", "-o", str(out)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
        after = {p.name: p.read_bytes() for p in out.iterdir()}
        assert after == before  # the same graph: the old set or an identical new one, whole
        assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_build_on_a_full_disk_keeps_the_old_set(small_disk: Path, tmp_path: Path) -> None:
    out = small_disk / "out"
    out.mkdir()
    for name in ("aikg.ttl", "aikg.jsonld", "aikg.nt", "ontology.html", "graph.html"):
        (out / name).write_text("old")
    line = one_line_error(aikg("build", "-o", str(out)))
    assert "No space left" in line
    assert {p.name: p.read_text() for p in out.iterdir()} == dict.fromkeys(
        ("aikg.ttl", "aikg.jsonld", "aikg.nt", "ontology.html", "graph.html"), "old"
    )
    assert [p.name for p in small_disk.iterdir()] == ["out"]
