"""Worker processes that serve HTTP themselves and end when a query overruns: the timeout.

pyoxigraph's queries cannot be interrupted from Python, in a thread or otherwise: the only way
to stop a runaway query is to end the process that runs it. So the server is a supervisor and
``size`` worker processes (:class:`Supervisor`), forked once the store is loaded (they share
its memory, copy on write). Each worker opens its own store handle, accepts connections on the
one listening socket they share (the kernel spreads the clients) and runs each query on a
thread of its own (:class:`QueryRunner`; pyoxigraph releases the GIL while it evaluates, so a
long query leaves the worker's event loop free). A query still running at the timeout gets its
503; its worker then stops accepting, finishes the answers it has begun, and ends; the
supervisor forks a fresh one in its place, while the other workers go on serving.

Why not one process that sends queries to workers through pipes (as this module did first):
the hop cost two process wake-ups and a copy of each answer per request, which on a busy
machine was most of the server's latency (docs/serve.md).

A worker on a persistent store (``oxigraph:DIR``) opens the database read-only itself after
the fork (:meth:`aikg.store.oxigraph.OxigraphStore.reopened`): a RocksDB handle must not cross
a fork. Workers end with the supervisor (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import queue
import select
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aikg.errors import AikgError

#: Seconds a request waits for a free query thread before it gets 503 (the query's own time
#: is bounded by the timeout, counted once it runs).
QUEUE_WAIT = 60.0
#: Queries a worker runs at once (threads): more than one, so that a runaway query leaves the
#: worker able to answer others until it ends.
THREADS = 4
#: A worker that ends sooner than this after its start is replaced only after a pause (a store
#: that cannot be opened must not make the supervisor fork in a tight loop).
MIN_LIFE = 1.0
#: A task: the worker's store and arguments in, an answer out.
Task = Callable[..., Any]
#: What a query thread is given: the task's name and arguments, the event loop to answer in,
#: and what to call there with the outcome.
_Job = tuple[str, tuple[Any, ...], asyncio.AbstractEventLoop, Callable[[tuple[str, Any]], None]]


class QueryTimeout(Exception):
    """A task ran longer than the timeout; its worker ends once its answers are sent."""


class Busy(Exception):
    """No query thread became free within the queue wait (every one is running a task)."""


class WorkerFailed(Exception):
    """A task failed unexpectedly (a bug), or a worker could not start."""


@dataclass(frozen=True)
class Refused(Exception):
    """A task's :class:`~aikg.errors.AikgError` (bad input)."""

    message: str
    kind: str  # the error's class name: InputError, ServiceRefused ...

    def __str__(self) -> str:
        return self.message


class QueryRunner:
    """Runs ``tasks`` on ``store`` in this worker, each on a thread, within the timeout.

    At most ``threads`` tasks run at once; a request waits for a free thread at most
    ``queue_wait`` seconds (a burst of clients queues rather than fails). A task still running
    at its timeout gets :class:`QueryTimeout` and ``on_overrun`` is called (once): the worker
    must then end, since nothing else would stop the query.

    The threads are its own, fed by one queue, rather than a ``ThreadPoolExecutor``'s: a task's
    way there and back is then one queue put and one wake-up of the event loop, without the
    executor's futures chained to asyncio's (a measurable part of a quick query's cost).
    """

    def __init__(
        self,
        store: Any,
        tasks: dict[str, Task],
        *,
        timeout: float,
        on_overrun: Callable[[], None],
        threads: int = THREADS,
        queue_wait: float = QUEUE_WAIT,
    ) -> None:
        self.store = store
        self.tasks = tasks
        self.timeout = timeout
        self.queue_wait = queue_wait
        self.overrun = False
        self._on_overrun = on_overrun
        self._threads = threads
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._started = False
        self._free: asyncio.Semaphore | None = None

    def _semaphore(self) -> asyncio.Semaphore:
        if self._free is None:  # created in the event loop that uses it
            self._free = asyncio.Semaphore(self._threads)
        return self._free

    def _start(self) -> None:
        """Start the query threads (on first use: in the worker, after the fork)."""
        if not self._started:
            self._started = True
            for n in range(self._threads):
                threading.Thread(target=self._serve, name=f"query-{n}", daemon=True).start()

    def _overran(self) -> None:
        if not self.overrun:
            self.overrun = True
            self._on_overrun()

    def _serve(self) -> None:
        """A query thread: run each task it is given, hand the outcome to the event loop."""
        while True:
            name, args, loop, done = self._jobs.get()
            outcome = self._run(name, args)
            with contextlib.suppress(RuntimeError):  # the loop is closed: the worker is ending
                loop.call_soon_threadsafe(done, outcome)

    def _run(self, name: str, args: tuple[Any, ...]) -> tuple[str, Any]:
        """On a query thread: the task's answer, or why it failed."""
        try:
            return "ok", self.tasks[name](self.store, *args)
        except AikgError as exc:
            return "refused", (str(exc), type(exc).__name__)
        except BaseException as exc:  # a bug: reported, the worker goes on
            # (BaseException: a Rust panic in pyoxigraph is one; a thread gets no signals, so
            # nothing else of the kind reaches it, and a thread that ended would leave its
            # query's timer to end the worker)
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            return "failed", detail

    async def call(self, name: str, *args: Any, timeout: float | None = None) -> Any:
        """The answer of the task ``name`` on ``args``, within the timeout.

        Raises :class:`Refused` (the task's input error), :class:`QueryTimeout`,
        :class:`Busy` or :class:`WorkerFailed`.
        """
        limit = self.timeout if timeout is None else timeout
        free = self._semaphore()
        if free.locked():
            try:
                await asyncio.wait_for(free.acquire(), self.queue_wait)
            except TimeoutError:
                raise Busy(
                    f"every query thread stayed busy for {self.queue_wait:g} s; try again"
                ) from None
        else:
            await free.acquire()
        self._start()
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[tuple[str, Any]] = loop.create_future()

        def expire() -> None:
            # The task outlived its deadline: the worker must end (whoever still waits for
            # it: a client gone does not stop the query).
            self._overran()
            if not waiter.done():
                waiter.set_exception(
                    QueryTimeout(
                        f"the query ran longer than {limit:g} s and was stopped "
                        "(the server's --timeout)"
                    )
                )

        timer = loop.call_later(limit, expire)

        def done(outcome: tuple[str, Any]) -> None:
            # The thread is free again when the task ends, whoever waits for it.
            free.release()
            timer.cancel()
            if not waiter.done():
                waiter.set_result(outcome)

        self._jobs.put((name, args, loop, done))
        status, value = await waiter
        if status == "refused":
            message, kind = value
            raise Refused(message, kind)
        if status == "failed":
            raise WorkerFailed(f"internal error: {value}")
        return value


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the supervisor that forked it ends."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class Supervisor:
    """``size`` forked worker processes, each running ``work(ready)`` until it returns; a worker
    that ends (its query overran, it crashed) is replaced by a new fork.

    ``work`` runs in the child after the fork and calls ``ready()`` once it serves.
    """

    def __init__(self, size: int, work: Callable[[Callable[[], None]], None]) -> None:
        self.size = size
        self.work = work
        self.replaced = 0  # workers that ended and were replaced
        self._started: dict[int, float] = {}  # pid: when it was forked
        self._stopping = False
        self._ready_read, self._ready_write = os.pipe()

    @property
    def pids(self) -> list[int]:
        return sorted(self._started)

    def _fork(self) -> int:
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                _die_with_parent()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the supervisor stops us
                signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the supervisor's handler
                os.close(self._ready_read)
                os.set_blocking(self._ready_write, False)
                self.work(self._ready)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        self._started[pid] = time.monotonic()
        return pid

    def _ready(self) -> None:
        with contextlib.suppress(OSError):  # a full pipe: nobody is counting any more
            os.write(self._ready_write, b".")

    def _reap(self, *, block: bool) -> tuple[int, int] | None:
        """An ended worker (pid, status), or ``None``."""
        try:
            pid, status = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return None
        if pid == 0:
            return None
        self._started.pop(pid, None)
        return pid, status

    def start(self, wait: float = 600.0) -> None:
        """Fork the workers and wait until each serves (it has its store)."""
        for _ in range(self.size):
            self._fork()
        ready = 0
        deadline = time.monotonic() + wait
        while ready < self.size:
            ended = self._reap(block=False)
            if ended is not None:
                self.stop()
                raise WorkerFailed(f"a worker could not start ({_how(ended[1])}; see above)")
            if time.monotonic() > deadline:
                self.stop()
                raise WorkerFailed(f"the workers did not open the store within {wait:g} s")
            if select.select([self._ready_read], [], [], 0.05)[0]:
                ready += len(os.read(self._ready_read, self.size - ready))

    def watch(self) -> None:
        """Replace workers as they end, until :meth:`stop` (or Ctrl-C in this process)."""
        while not self._stopping:
            started = dict(self._started)
            ended = self._reap(block=True)
            if ended is None or self._stopping:
                continue
            lived = time.monotonic() - started.get(ended[0], 0.0)
            if lived < MIN_LIFE:
                time.sleep(MIN_LIFE)
            self._drain()
            self._fork()
            self.replaced += 1

    def _drain(self) -> None:
        """Forget the ready signs of replaced workers (they only matter at the start)."""
        while select.select([self._ready_read], [], [], 0)[0]:
            os.read(self._ready_read, 4096)

    def stop(self, grace: float = 3.0) -> None:
        """End every worker: SIGTERM (they finish the answers they have begun), then SIGKILL."""
        self._stopping = True
        for pid in self.pids:
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while self._started and time.monotonic() < deadline:
            if self._reap(block=False) is None:
                time.sleep(0.02)
        for pid in self.pids:
            _signal(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            self._started.pop(pid, None)


def _signal(pid: int, sig: signal.Signals) -> None:
    if pid > 0:  # never 0 or -1, which would signal a whole group or everything
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def _how(status: int) -> str:
    """How a process ended, from its wait status: its exit code or signal."""
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.WEXITSTATUS(status)}"
