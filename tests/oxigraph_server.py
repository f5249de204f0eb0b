"""Servers for the remote tests: a real Oxigraph server, and two that misbehave on purpose.

- :class:`OxigraphServer` runs ``oxigraph serve`` (the binary of the PyPI package ``oxigraph``)
  on a free port of 127.0.0.1, in a temporary folder, and stops it afterwards.
- :func:`silent_server` accepts connections and never answers.
- :func:`status_server` answers every request with one HTTP status, and records the requests.

Every server listens on the loopback address only and stops with the ``with`` block.
"""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command: beside the interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("oxigraph")


def run_aikg(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``aikg ARGS`` as a real process (``python -m aikg``)."""
    return subprocess.run(
        [sys.executable, "-m", "aikg", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


class OxigraphServer:
    """A real ``oxigraph serve`` process on a free loopback port."""

    def __init__(self, location: Path) -> None:
        binary = oxigraph_binary()
        if binary is None:
            raise RuntimeError("the oxigraph binary is missing: pip install oxigraph")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.query_url = f"{self.base}/query"
        self.store_url = f"{self.base}/store"
        self.log = location / "oxigraph.log"
        self._log = self.log.open("wb")
        self.process = subprocess.Popen(
            [
                binary,
                "serve",
                "--location",
                str(location / "db"),
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited: {self.log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{self.query_url}?query=ASK%7B%7D", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph did not start listening within 30 s")

    def dump(self, graph: str | None = None) -> bytes:
        """The default graph (or ``graph``) as N-Triples, through the Graph Store Protocol."""
        target = "default" if graph is None else "graph=" + urllib.request.quote(graph, safe="")
        request = urllib.request.Request(
            f"{self.store_url}?{target}", headers={"Accept": "application/n-triples"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()


def accepting(
    listener: socket.socket, stop: threading.Event, handle: Callable[[socket.socket], None]
) -> threading.Thread:
    """A started thread that hands each connection ``listener`` accepts to ``handle``, until
    ``stop`` is set (it looks every 0.2 s)."""

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            handle(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    return thread


@contextmanager
def silent_server() -> Iterator[str]:
    """A server that accepts connections, reads nothing and never answers; yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    thread = accepting(listener, stop, held.append)
    try:
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()


@dataclass
class Recorded:
    """What a :func:`status_server` received."""

    methods: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)


@contextmanager
def status_server(status: int, body: bytes = b"") -> Iterator[tuple[str, Recorded]]:
    """A server that answers every request with ``status``; yields its URL and the record."""
    recorded = Recorded()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            recorded.methods.append(self.command)
            recorded.paths.append(self.path)
            recorded.headers.append({k.lower(): v for k, v in self.headers.items()})
            recorded.bodies.append(self.rfile.read(length) if length else b"")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", recorded
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
