"""``aikg serve``: load the store, fork the workers, supervise them until Ctrl-C.

The store is loaded (or a persistent one opened) and the socket bound before the workers are
forked, so each starts with both; each worker then serves the application
(:func:`aikg.serve.app.create_app`) with uvicorn on that socket (:mod:`aikg.serve.workers`).
Binding an address other than the loopback is allowed, with a warning: the server has no
authentication (put it behind a reverse proxy, see docs/serve.md).
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import os
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from aikg.errors import InputError
from aikg.serve.app import create_app
from aikg.serve.context import Settings
from aikg.serve.tasks import TASKS
from aikg.serve.workers import QueryRunner, Supervisor

#: Connections waiting to be accepted, shared by the workers (uvicorn's default).
BACKLOG = 2048

if TYPE_CHECKING:
    from aikg.store.base import GraphStore

Say = Callable[[str], None]


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost).

    Example:
        >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
        (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def default_workers() -> int:
    """Worker processes by default: the cores, at least 2 (one runaway query leaves one)."""
    return max(2, os.cpu_count() or 2)


def store_opener(store: GraphStore) -> Callable[[], Any]:
    """What a worker calls after the fork to get its store (see :mod:`aikg.serve.workers`)."""
    from aikg.store.oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        return store.reopened
    return lambda: store


def _event_loop_runner() -> Callable[[Coroutine[Any, Any, None]], None]:
    """uvloop's ``run`` where it is installed (a faster event loop), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run
    return uvloop.run


def url_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def check(host: str, port: int, settings: Settings, workers: int) -> None:
    """Refuse settings that cannot work (one-line errors, exit 2)."""
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port}: give a port from 0 to 65535")
    if not settings.timeout > 0:
        raise InputError(f"--timeout {settings.timeout:g}: give a number of seconds above 0")
    if settings.max_rows < 1:
        raise InputError(f"--max-rows {settings.max_rows}: give at least 1")
    if workers < 1:
        raise InputError(f"--workers {workers}: give at least 1")


def _worker(
    open_store: Callable[[], Any], settings: Settings, sock: Any
) -> Callable[[Callable[[], None]], None]:
    """What each worker process runs (:class:`aikg.serve.workers.Supervisor`): its own store
    handle, the application, and uvicorn on the shared listening socket until a query overruns
    (then it ends, to be replaced) or the supervisor stops it."""
    import uvicorn

    def work(ready: Callable[[], None]) -> None:
        servers: list[uvicorn.Server] = []

        def overran() -> None:
            # Stop accepting at once (the other workers take the new clients): a connection
            # accepted here during the shutdown could be closed before its request is read.
            for listening in servers[0].servers:
                listening.close()
            servers[0].should_exit = True  # finish the answers begun, then end

        runner = QueryRunner(open_store(), TASKS, timeout=settings.timeout, on_overrun=overran)
        config = uvicorn.Config(
            create_app(runner, settings),
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_keep_alive=30,
            proxy_headers=False,  # nothing reads the client's address: no X-Forwarded-* to parse
            # the answers a worker has begun when it ends each finish within the timeout
            timeout_graceful_shutdown=math.ceil(settings.timeout) + 5,
        )
        server = uvicorn.Server(config)
        servers.append(server)

        async def run() -> None:
            async def announce() -> None:
                while not server.started:
                    await asyncio.sleep(0.01)
                ready()

            task = asyncio.ensure_future(announce())
            await server.serve(sockets=[sock])
            task.cancel()

        _event_loop_runner()(run())

    return work


def _stop_on_sigterm() -> None:
    """SIGTERM (a service manager's stop) ends the server as Ctrl-C does: the workers finish
    what they have begun, then the command exits 0."""
    import signal
    import threading

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def serve(
    store: GraphStore,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    workers: int | None = None,
    say: Say = print,
    warn: Say = print,
) -> None:
    """Serve ``store`` until interrupted (see the module)."""
    import socket

    settings = settings or Settings()
    workers = workers or default_workers()
    check(host, port, settings, workers)
    settings = replace(settings, store=str(store.spec))
    if not is_loopback(host):
        warn(
            f"Warning: binding {host}, which other machines can reach; aikg serve has no "
            "authentication: put it behind a reverse proxy (docs/serve.md)"
        )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    port = sock.getsockname()[1]
    sock.listen(BACKLOG)
    len(store)  # loaded (or opened) once, before the fork
    supervisor = Supervisor(workers, _worker(store_opener(store), settings, sock))
    _stop_on_sigterm()
    try:
        supervisor.start()
        say(
            f"Serving {len(store):,} triples ({store.spec}) at {url_of(host, port)} "
            f"with {workers} workers; Ctrl-C stops"
        )
        supervisor.watch()
    except KeyboardInterrupt:
        pass  # Ctrl-C: a clean stop
    finally:
        supervisor.stop()
        sock.close()
