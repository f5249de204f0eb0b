"""Hostile networks: servers that trickle, never answer or answer nonsense; hostile settings.

Every wait is bounded: a total deadline on every network exchange, not a per-read timeout that a
server sending one byte a second resets. Every failure is one line with the README's exit code.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from aikg.errors import EXIT_TIMEOUT, TimedOut
from oxigraph_server import ROOT, accepting, free_port, run_aikg, silent_server

QUERY = "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1"


@contextmanager
def trickling_server() -> Iterator[str]:
    """A server that reads the request, then answers one byte a second, forever."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    stop = threading.Event()

    def serve(connection: socket.socket) -> None:
        connection.settimeout(0.5)
        try:
            while not stop.is_set():
                try:
                    if not connection.recv(1 << 16):
                        break
                except TimeoutError:
                    break
            answer = (
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
            )
            for byte in answer + b"x" * 100000:
                if stop.wait(1):
                    return
                connection.send(bytes([byte]))
        except OSError:
            pass
        finally:
            connection.close()

    def answer(connection: socket.socket) -> None:
        threading.Thread(target=serve, args=(connection,), daemon=True).start()

    thread = accepting(listener, stop, answer)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def one_line(done, code: int) -> str:
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aikg: error: "), done.stderr
    return lines[0]


@pytest.mark.parametrize("command", ["query", "publish"])
def test_a_server_sending_one_byte_a_second_meets_the_total_deadline(command: str) -> None:
    with trickling_server() as url:
        started = time.monotonic()
        if command == "query":
            args = ("query", "-e", QUERY, "--endpoint", f"{url}/sparql", "--timeout", "3")
        else:
            args = ("publish", "--to", f"{url}/store", "--timeout", "3")
        done = run_aikg(*args, timeout=60)
        elapsed = time.monotonic() - started
    line = one_line(done, 3)
    assert "within 3 s" in line
    assert elapsed < 3 + 20, "the deadline bounds the whole exchange (the rest is start-up)"


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
@pytest.mark.parametrize("command", ["query", "publish"])
def test_a_timeout_that_is_not_a_positive_finite_number_is_refused(
    value: str, command: str
) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    if command == "query":
        args = ("query", "-e", QUERY, "--endpoint", f"{url}/sparql", f"--timeout={value}")
    else:
        args = ("publish", "--to", f"{url}/store", f"--timeout={value}")
    line = one_line(run_aikg(*args, timeout=60), 2)
    assert "timeout" in line


@pytest.mark.parametrize("command", ["query", "publish"])
def test_a_port_out_of_range_is_one_line(command: str) -> None:
    url = "http://127.0.0.1:99999"
    if command == "query":
        args = ("query", "-e", QUERY, "--endpoint", f"{url}/sparql")
    else:
        args = ("publish", "--to", f"{url}/store")
    line = one_line(run_aikg(*args, timeout=60), 2)
    assert "port" in line


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_an_empty_expression_is_called_empty(text: str) -> None:
    line = one_line(run_aikg("query", "-e", text, timeout=60), 2)
    assert "empty" in line and "Update" not in line


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
STORES = ["memory", "oxigraph"]


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One triple: with the ontology's ~1,100, a three-way product of 10^9 rows; 1 s start-up."""
    path = tmp_path_factory.mktemp("data") / "one.ttl"
    path.write_text("<http://e/s> <http://e/p> <http://e/o> .\n", encoding="utf-8")
    return path


def aikg_process(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "aikg", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def interrupt(process: subprocess.Popen[str], *, after: float) -> None:
    """Send a real SIGINT to ``process`` ``after`` seconds; it ends with exit 130 and one line
    "interrupted (Ctrl-C)"."""
    try:
        time.sleep(after)
        assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
    assert process.returncode == 130, (process.returncode, out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "interrupted (Ctrl-C)" in lines[0], err


@pytest.mark.parametrize("store", STORES)
def test_ctrl_c_stops_a_runaway_embedded_query(store: str, small_data: Path) -> None:
    """A three-way cartesian product runs for hours; a real SIGINT ends it, exit 130."""
    process = aikg_process("--store", store, "--data", str(small_data), "query", "-e", RUNAWAY)
    interrupt(process, after=3)  # start-up, graph loading, then the query


@pytest.mark.parametrize("store", STORES)
def test_a_runaway_embedded_query_times_out(store: str, small_data: Path) -> None:
    started = time.monotonic()
    args = ("--store", store, "--data", str(small_data), "query", "-e", RUNAWAY, "--timeout", "1")
    done = run_aikg(*args, timeout=60)
    elapsed = time.monotonic() - started
    line = one_line(done, EXIT_TIMEOUT)
    assert "timed out after 1 s" in line
    assert elapsed < 1 + 10, "the deadline ends the process (the rest is start-up)"


@pytest.mark.parametrize("store", STORES)
def test_a_service_that_never_answers_meets_the_deadline(store: str, small_data: Path) -> None:
    with silent_server() as url:
        text = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
        args = ("--store", store, "--data", str(small_data), "query", "-e", text)
        started = time.monotonic()
        done = run_aikg(*args, "--allow-service", "--timeout", "1", timeout=60)
        elapsed = time.monotonic() - started
    line = one_line(done, EXIT_TIMEOUT)
    assert "timed out after 1 s" in line
    assert elapsed < 1 + 10


def test_the_library_bounds_an_embedded_query() -> None:
    """``run_embedded(..., timeout=)``, for callers such as a server: rdflib's evaluation also
    stops on its own thread at the deadline, so an abandoned query does not run on."""
    from rdflib import Graph, URIRef

    from aikg.query.catalog import expression_query
    from aikg.query.run import run_embedded

    graph = Graph()
    for i in range(300):
        graph.add((URIRef(f"http://e/s{i}"), URIRef("http://e/p"), URIRef("http://e/o")))
    before = threading.active_count()
    started = time.monotonic()
    with pytest.raises(TimedOut, match=r"timed out after 0\.5 s"):
        run_embedded(expression_query(RUNAWAY), graph=graph, timeout=0.5)
    assert time.monotonic() - started < 2
    for _ in range(40):  # the abandoned evaluation stops soon after, on its own
        if threading.active_count() <= before:
            break
        time.sleep(0.05)
    assert threading.active_count() <= before


@pytest.mark.parametrize("store", STORES)
def test_the_timeout_bounds_the_query_not_the_loading(store: str, tmp_path: Path) -> None:
    """300,000 triples take about a second to load; a quick query with --timeout 0.3 answers."""
    data = tmp_path / "many.nt"
    with data.open("w", encoding="utf-8") as handle:
        for i in range(300_000 if store == "oxigraph" else 3_000):
            handle.write(f'<http://e/s{i}> <http://e/p> "v{i}" .\n')
    args = ("--store", store, "--data", str(data), "query", "-e", "ASK {}", "--timeout", "0.3")
    done = run_aikg(*args, "-f", "csv", timeout=60)
    assert done.returncode == 0 and "true" in done.stdout, done.stderr


def test_ctrl_c_while_the_graph_loads_is_one_line(tmp_path: Path) -> None:
    """rdflib parses 400,000 N-Triples lines for far longer than the 2.5 s before the SIGINT on
    any machine (30,000 lines took under 2.5 s on a quiet one); SIGINT then is exit 130 with the
    same one line as during a query (before: exit 130 and nothing said)."""
    data = tmp_path / "many.nt"
    with data.open("w", encoding="utf-8") as handle:
        for i in range(400_000):
            handle.write(f'<http://e/s{i}> <http://e/p> "v{i}" .\n')
    process = aikg_process("--store", "memory", "--data", str(data), "query", "-e", "ASK {}")
    interrupt(process, after=2.5)
