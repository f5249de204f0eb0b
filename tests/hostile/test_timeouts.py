"""Hostile networks: servers that trickle, never answer or answer nonsense; hostile settings.

Every wait is bounded: a total deadline on every network exchange, not a per-read timeout that a
server sending one byte a second resets. Every failure is one line with the README's exit code.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from oxigraph_server import free_port, run_aikg

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

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
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


def test_ctrl_c_stops_a_runaway_embedded_query() -> None:
    """A three-way cartesian product on the bundled graph runs for hours; SIGINT ends it."""
    import signal
    import subprocess
    import sys

    from oxigraph_server import ROOT

    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    process = subprocess.Popen(
        [sys.executable, "-m", "aikg", "query", "-e", runaway],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(8)  # start-up, graph loading, then the query
        assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
    assert process.returncode == 130, (process.returncode, out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "interrupted" in lines[0], err
