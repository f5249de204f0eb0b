"""Queries run in worker processes that are killed when they overrun: the server's timeout.

pyoxigraph's queries cannot be interrupted from Python, in a thread or otherwise: the only way
to stop a runaway query is to end the process that runs it. So the server never queries the
store itself. It forks ``size`` workers once the store is loaded (they share its memory, copy
on write); each takes one task at a time from a pipe, runs it on its copy of the store and
sends back a small answer (bytes or plain data). A task that outlasts the timeout gets its
worker killed (``SIGKILL``) and a fresh one forked in its place, while the other workers go
on serving other clients.

A worker on a persistent store (``oxigraph:DIR``) opens the database read-only itself after
the fork (:meth:`aikg.store.oxigraph.OxigraphStore.reopened`): a RocksDB handle must not cross
a fork. Workers end with the server (``PR_SET_PDEATHSIG``) and close every socket they inherited but
their pipe (the listening socket, client connections, the other workers' pipes).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import signal
import stat
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe
from typing import Any

from aikg.errors import AikgError

#: Seconds a request waits for a free worker before it gets 503 (the query's own time is
#: bounded by the timeout, counted once it runs).
QUEUE_WAIT = 60.0
#: A task: the worker's store and arguments in, a picklable answer out.
Task = Callable[..., Any]


class QueryTimeout(Exception):
    """A task ran longer than the timeout; its worker was killed and replaced."""


class Busy(Exception):
    """No worker became free within the timeout (every one is running a task)."""


class WorkerFailed(Exception):
    """A worker died during a task (out of memory, a crash) or failed unexpectedly."""


@dataclass(frozen=True)
class Refused(Exception):
    """A task's :class:`~aikg.errors.AikgError` (bad input), carried back from the worker."""

    message: str
    kind: str  # the error's class name: InputError, ServiceRefused ...

    def __str__(self) -> str:
        return self.message


@dataclass
class _Worker:
    pid: int
    conn: Connection


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the server that forked it ends."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _close_inherited_sockets(keep: int) -> None:
    """Close the sockets this process inherited but ``keep``: the server's listening socket,
    its clients' connections (which must close when the server closes them) and the other
    workers' pipes. Other descriptors stay: the store's library may hold some of them (closing
    RocksDB's made a forked worker crash)."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        names = [str(fd) for fd in range(3, 1024)]
    for name in names:
        fd = int(name)
        if fd <= 2 or fd == keep:
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)


def _serve(conn: Connection, open_store: Callable[[], Any], tasks: dict[str, Task]) -> None:
    """A worker's loop: one task at a time until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    store = open_store()
    conn.send(("ready", None))
    while True:
        try:
            name, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", tasks[name](store, *args))
        except AikgError as exc:
            answer = ("refused", (str(exc), type(exc).__name__))
        except Exception as exc:  # a bug: reported, the worker goes on
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            answer = ("failed", detail)
        try:
            conn.send(answer)
        except OSError:  # the server is gone
            return
        except Exception as exc:  # an answer that cannot be pickled
            conn.send(("failed", f"cannot send the answer: {exc}"))


def _ending(pid: int) -> str:
    """How the worker ``pid`` ended (it is reaped here): its exit code or signal."""
    try:
        found, status = os.waitpid(pid, os.WNOHANG)
        if found == 0:
            time.sleep(0.05)
            found, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return "already reaped"
    if found == 0:
        return "still running"
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.WEXITSTATUS(status)}"


class WorkerPool:
    """``size`` forked workers that run ``tasks`` on the store ``open_store`` gives them.

    ``open_store`` runs in each worker after the fork. :meth:`call` waits for a free worker
    (at most ``queue_wait`` seconds: a burst of clients queues rather than fails), then runs
    the task there and awaits its answer for at most ``timeout`` seconds.
    """

    def __init__(
        self,
        open_store: Callable[[], Any],
        tasks: dict[str, Task],
        *,
        size: int,
        timeout: float,
        queue_wait: float = QUEUE_WAIT,
    ) -> None:
        self.open_store = open_store
        self.tasks = tasks
        self.size = size
        self.timeout = timeout
        self.queue_wait = queue_wait
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: dict[int, _Worker] = {}
        self.replaced = 0  # workers killed and replaced (timeouts and crashes)
        self._background: set[asyncio.Future[None]] = set()

    # --- processes --------------------------------------------------------------------------

    def _fork(self) -> _Worker:
        parent_end, child_end = Pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                _die_with_parent()
                _close_inherited_sockets(child_end.fileno())
                _serve(child_end, self.open_store, self.tasks)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        child_end.close()
        worker = _Worker(pid, parent_end)
        self._all[pid] = worker
        return worker

    def _ready(self, worker: _Worker, wait: float) -> None:
        """Block until ``worker`` has opened its store (at start, before serving)."""
        if not worker.conn.poll(wait):
            self._kill(worker)
            raise WorkerFailed(f"a worker did not open the store within {wait:g} s")
        try:
            worker.conn.recv()
        except (EOFError, OSError):
            self._kill(worker)
            raise WorkerFailed("a worker could not open the store (see the log above)") from None

    def start(self, wait: float = 600.0) -> None:
        """Fork the workers and wait until each has its store (before the event loop runs)."""
        workers = [self._fork() for _ in range(self.size)]
        for worker in workers:
            self._ready(worker, wait)
        self._pending = workers

    def _kill(self, worker: _Worker) -> None:
        if worker.pid > 0:  # never 0 or -1, which would signal a whole group or everything
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(worker.pid, 0)
        worker.conn.close()
        self._all.pop(worker.pid, None)

    def stop(self) -> None:
        """End every worker."""
        for worker in list(self._all.values()):
            self._kill(worker)

    @property
    def pids(self) -> list[int]:
        return sorted(self._all)

    # --- tasks ------------------------------------------------------------------------------

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:  # created in the event loop that uses it
            self._idle = asyncio.Queue()
            for worker in getattr(self, "_pending", []):
                self._idle.put_nowait(worker)
        return self._idle

    def _later(self, work: Any) -> None:
        """Run ``work`` (a coroutine) in the background, keeping a reference until it ends."""
        future = asyncio.ensure_future(work)
        self._background.add(future)
        future.add_done_callback(self._background.discard)

    async def _replace(self, worker: _Worker | None) -> None:
        """Kill ``worker`` (if any) and put a fresh one in the pool once it has its store; a
        fresh worker that cannot open the store is tried again a second later."""
        if worker is not None:
            self._kill(worker)
            self.replaced += 1
        fresh = self._fork()
        fd = fresh.conn.fileno()
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()

        def readable() -> None:
            if not ready.done():
                ready.set_result(None)

        loop.add_reader(fd, readable)
        try:
            await ready
        finally:
            loop.remove_reader(fd)
        try:
            os.set_blocking(fd, True)
            fresh.conn.recv()
        except (EOFError, OSError):
            self._kill(fresh)
            await asyncio.sleep(1.0)  # the store cannot be opened: try again, not in a loop
            self._later(self._replace(None))
            return
        self._queue().put_nowait(fresh)

    async def call(self, name: str, *args: Any, timeout: float | None = None) -> Any:
        """The answer of the task ``name`` on ``args``, from a worker, within the timeout.

        Raises :class:`Refused` (the task's input error), :class:`QueryTimeout`,
        :class:`Busy` or :class:`WorkerFailed`.
        """
        limit = self.timeout if timeout is None else timeout
        queue = self._queue()
        if not queue.empty():  # the usual case, without a task and a timer
            worker = queue.get_nowait()
        else:
            try:
                worker = await asyncio.wait_for(queue.get(), self.queue_wait)
            except TimeoutError:
                raise Busy(
                    f"every worker stayed busy for {self.queue_wait:g} s; try again"
                ) from None
        deadline = time.monotonic() + limit
        loop = asyncio.get_running_loop()
        answered: asyncio.Future[None] = loop.create_future()

        def readable() -> None:
            if not answered.done():
                answered.set_result(None)

        def late() -> None:
            if not answered.done():
                answered.set_exception(TimeoutError())

        fd = worker.conn.fileno()
        try:
            worker.conn.send((name, args))
            loop.add_reader(fd, readable)
            timer = loop.call_later(max(0.0, deadline - time.monotonic()), late)
            try:
                await answered
            finally:
                timer.cancel()
                loop.remove_reader(fd)
            # The event loop may have made the pipe non-blocking; the answer is read whole (the
            # worker is writing it), or a large one would fail half-read.
            os.set_blocking(fd, True)
            status, value = worker.conn.recv()
        except TimeoutError:
            self._later(self._replace(worker))
            raise QueryTimeout(
                f"the query ran longer than {limit:g} s and was stopped (the server's --timeout)"
            ) from None
        except (EOFError, OSError, asyncio.CancelledError) as exc:
            if isinstance(exc, asyncio.CancelledError):
                self._later(self._replace(worker))
                raise  # the client went away: the worker is replaced all the same
            how = _ending(worker.pid)
            self._later(self._replace(worker))
            raise WorkerFailed(f"the worker running the query ended unexpectedly ({how})") from None
        queue.put_nowait(worker)
        if status == "refused":
            message, kind = value
            raise Refused(message, kind)
        if status == "failed":
            raise WorkerFailed(f"internal error: {value}")
        return value
