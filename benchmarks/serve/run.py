"""``aikg serve`` side by side with Oxigraph's own server on the same data (issue #14).

For each size (a synthetic graph, ``aikg synth``, made once under ``build/``):

- both servers are started on the same files (the ontology and the graph): ``aikg serve`` on a
  persistent store (``--store oxigraph:DIR``, loaded once; the start of a second run, which
  reuses it, is the figure reported), ``oxigraph serve-read-only`` on a database loaded with
  ``oxigraph load``;
- both run at once, idle while the other is measured, in ``--rounds`` rounds (aikg, then
  Oxigraph, each round): the machine's load changes from minute to minute, so each ratio is
  taken within a round and the median of the rounds is reported;
- latency: the selective query "every property of one organization", sent one at a time
  (``--requests`` of them after a warm-up) by one Python ``urllib`` client; p50 and p95, and
  the CPU time the server spent a request (all its processes, from ``/proc``), which the
  machine's load does not change as much as it changes the times;
- throughput: the same query from 8 ``urllib`` client threads; requests a second;
- on ``aikg serve`` only: 50 concurrent clients each sending 40 mixed requests (SPARQL, saved
  queries as JSON, Turtle and as a page, the counts, the home page, neighbourhoods, the
  catalog, the OpenAPI document); errors, p50 and p95, and the memory of the server and its
  workers before and after (RSS, which counts the pages they share once per process, and PSS,
  which shares them out, and of it the processes' own memory, ``Pss_Anon``, apart from the
  pages of mapped files); with ``--long N``, that load N times over, the memory after each.
  (The synthetic graph's IRIs are not under ``https://w3id.org/aikg/id/``, so its entity pages
  are reached as ``/queries/entity.ttl``.)

The client runs on the same machine as the servers (2 cores here, shared): both servers are
measured with the same client, so the ratios are what to read.

Usage:
  python -m benchmarks.serve.run --sizes 10k,100k,1m [--requests 500] [--rounds 3]
                                 [--long 5] [--json FILE]
  python -m benchmarks.serve.run --sizes 10k --quick --out DIR   # CI: every section, briefly
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
ORG_QUERY = "SELECT ?p ?o WHERE { <%s> ?p ?o }"
JSON_RESULTS = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise SystemExit("the oxigraph binary is missing: pip install oxigraph")
    return found


def synth(size: str, build: Path) -> Path:
    folder = build / f"synth-{size}"
    if not (folder / "synth-info.yaml").is_file():
        subprocess.run([sys.executable, "-m", "aikg", "synth", "--triples", size, "-o",
                        str(folder)], check=True, cwd=ROOT)  # fmt: skip
    return folder


def inputs(folder: Path) -> list[Path]:
    from aikg.store.files import input_files

    return input_files([folder])


def get(url: str, accept: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url)
    if accept:
        request.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def wait_ready(url: str, process: subprocess.Popen[bytes], limit: float = 900) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if process.poll() is not None:
            raise SystemExit(f"the server ended: {url}")
        try:
            if get(url)[0] == 200:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"not ready after {limit} s: {url}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_aikg(folder: Path, store: Path, port: int) -> tuple[subprocess.Popen[bytes], float]:
    process = subprocess.Popen(
        [sys.executable, "-m", "aikg", "--data", str(folder), "--store", f"oxigraph:{store}",
         "serve", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return process, wait_ready(f"http://127.0.0.1:{port}/healthz", process)


def start_oxigraph(files: list[Path], db: Path, port: int) -> tuple[subprocess.Popen[bytes], float]:
    binary = oxigraph_binary()
    if not db.is_dir():
        load = [binary, "load", "--location", str(db), "--file", *map(str, files)]
        subprocess.run(load, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    process = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    query = urllib.parse.urlencode({"query": "ASK {}"})
    return process, wait_ready(f"http://127.0.0.1:{port}/query?{query}", process)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def latency(url: str, requests: int, pid: int) -> dict[str, float]:
    for _ in range(max(20, requests // 10)):
        status, _ = get(url, JSON_RESULTS)
        assert status == 200, status
    times = []
    cpu = tree_cpu(pid)
    for _ in range(requests):
        started = time.perf_counter()
        status, body = get(url, JSON_RESULTS)
        times.append(time.perf_counter() - started)
        assert status == 200 and b"bindings" in body
    return {
        "p50_ms": percentile(times, 0.5) * 1000,
        "p95_ms": percentile(times, 0.95) * 1000,
        "cpu_ms": (tree_cpu(pid) - cpu) / requests * 1000,
    }


def throughput(url: str, threads: int, each: int) -> float:
    errors: list[int] = []

    def client() -> None:
        for _ in range(each):
            status, _ = get(url, JSON_RESULTS)
            if status != 200:
                errors.append(status)

    elapsed = in_threads(threads, lambda _n: client())
    assert not errors, errors[:5]
    return threads * each / elapsed


def in_threads(count: int, work: Callable[[int], None]) -> float:
    """Seconds for ``count`` threads running ``work(n)`` to finish, started together."""
    workers = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started


def tree(pid: int) -> list[int]:
    """``pid`` and its children (the server's workers)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = children.read_text().split() if children.is_file() else []
    return [pid, *map(int, found)]


def tree_memory(pid: int, field: str) -> int:
    """The memory of ``pid`` and its children, in bytes: ``Rss`` or ``Pss``."""
    total = 0
    for one in tree(pid):
        try:
            for line in Path(f"/proc/{one}/smaps_rollup").read_text().splitlines():
                if line.startswith(f"{field}:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def tree_rss(pid: int) -> int:
    """The resident memory of ``pid`` and its children, in bytes."""
    return tree_memory(pid, "Rss")


def tree_cpu(pid: int) -> float:
    """CPU seconds (user and system) spent so far by ``pid`` and its live children."""
    ticks = 0
    for one in tree(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def mixed(base: str, org: str, pid: int, clients: int = 50, each: int = 40) -> dict[str, Any]:
    """``clients`` threads, each sending ``each`` requests cycling through the endpoints."""
    entity = urllib.parse.urlencode({"entity": org})
    paths = [
        ("/sparql?" + urllib.parse.urlencode({"query": ORG_QUERY % org}), JSON_RESULTS),
        ("/queries/organizations.json?" + urllib.parse.urlencode({"organization": org}), None),
        ("/openapi.json", None),
        ("/queries/organizations?" + urllib.parse.urlencode({"organization": org}), "text/html"),
        ("/queries/entity.ttl?" + entity, None),
        ("/view/neighbourhood.json?" + urllib.parse.urlencode({"iri": org, "depth": 1}), None),
        ("/queries/counts.json", None),
        ("/", "text/html"),
        ("/healthz", None),
        ("/queries.json", None),
    ]
    before, pss_before = tree_rss(pid), tree_memory(pid, "Pss")
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        for i in range(each):
            path, accept = paths[(offset + i) % len(paths)]
            started = time.perf_counter()
            try:
                status, _ = get(base + path, accept)
            except OSError as exc:
                status = 0
                with lock:
                    errors.append(f"{path}: {exc}")
            elapsed = time.perf_counter() - started
            with lock:
                times.append(elapsed)
                if status != 200 and status != 0:
                    errors.append(f"{path}: {status}")

    elapsed = in_threads(clients, client)
    after, pss_after = tree_rss(pid), tree_memory(pid, "Pss")
    # PSS split: the processes' own memory (heap, RocksDB's block cache) and the pages of
    # files they map (libraries; the store's files, which the kernel may take back)
    anon, mapped = tree_memory(pid, "Pss_Anon"), tree_memory(pid, "Pss_File")
    return {
        "requests": len(times),
        "errors": len(errors),
        "first_errors": errors[:5],
        "p50_ms": percentile(times, 0.5) * 1000,
        "p95_ms": percentile(times, 0.95) * 1000,
        "seconds": elapsed,
        "rss_before_mb": before / 2**20,
        "rss_after_mb": after / 2**20,
        "pss_before_mb": pss_before / 2**20,
        "pss_after_mb": pss_after / 2**20,
        "pss_anon_after_mb": anon / 2**20,
        "pss_file_after_mb": mapped / 2**20,
    }


def organization(base: str) -> str:
    """A typical organization: the median by number of properties (not a hub)."""
    query = (
        "SELECT ?o (COUNT(*) AS ?n) WHERE { ?o a <https://schema.org/Organization> ; ?p ?v } "
        "GROUP BY ?o ORDER BY ?n ?o"
    )
    status, body = get(base + "/sparql?" + urllib.parse.urlencode({"query": query}), JSON_RESULTS)
    assert status == 200, body[:200]
    rows = json.loads(body)["results"]["bindings"]
    return rows[len(rows) // 2]["o"]["value"]


def run_size(
    size: str, requests: int, build: Path, clients: int, each: int, rounds: int, long: int
) -> dict[str, Any]:
    folder = synth(size, build)
    work = build / "serve-bench" / size
    work.mkdir(parents=True, exist_ok=True)
    files = inputs(folder)
    result: dict[str, Any] = {"size": size, "files": len(files)}
    port = free_port()
    aikg, first = start_aikg(folder, work / "aikg-store", port)
    stop(aikg)
    aikg, ready = start_aikg(folder, work / "aikg-store", port)
    result["aikg_first_start_s"], result["aikg_start_s"] = first, ready
    base = f"http://127.0.0.1:{port}"
    ox_port = free_port()
    ox: subprocess.Popen[bytes] | None = None
    try:
        ox, result["oxigraph_start_s"] = start_oxigraph(files, work / "oxigraph-db", ox_port)
        org = organization(base)
        result["organization"] = org
        query = urllib.parse.urlencode({"query": ORG_QUERY % org})
        url, ox_url = f"{base}/sparql?{query}", f"http://127.0.0.1:{ox_port}/query?{query}"
        rows = len(json.loads(get(url, JSON_RESULTS)[1])["results"]["bindings"])
        ox_rows = len(json.loads(get(ox_url, JSON_RESULTS)[1])["results"]["bindings"])
        assert ox_rows == rows, (ox_rows, rows)
        result["rows"] = rows
        result["rounds"] = []
        for _ in range(rounds):
            one: dict[str, Any] = {"load": os.getloadavg()[0]}
            for name, where, pid in (("aikg", url, aikg.pid), ("oxigraph", ox_url, ox.pid)):
                one[name] = latency(where, requests, pid)
                one[name]["rps_8"] = throughput(where, 8, requests // 4)
            one["latency_ratio_p50"] = one["aikg"]["p50_ms"] / one["oxigraph"]["p50_ms"]
            one["throughput_ratio"] = one["aikg"]["rps_8"] / one["oxigraph"]["rps_8"]
            one["cpu_ratio"] = one["aikg"]["cpu_ms"] / max(one["oxigraph"]["cpu_ms"], 1e-9)
            result["rounds"].append(one)
        stop(ox)
        median = statistics.median
        for name in ("aikg", "oxigraph"):
            result[name] = {
                key: median(r[name][key] for r in result["rounds"])
                for key in ("p50_ms", "p95_ms", "cpu_ms", "rps_8")
            }
        for key in ("latency_ratio_p50", "throughput_ratio", "cpu_ratio"):
            result[key] = median(r[key] for r in result["rounds"])
        result["mixed"] = mixed(base, org, aikg.pid, clients, each)
        result["memory_mb"] = []  # after each further run of the same mixed load
        for run in range(long):
            m = mixed(base, org, aikg.pid, clients, each)
            result["memory_mb"].append(
                {"rss": m["rss_after_mb"], "pss": m["pss_after_mb"], "p95_ms": m["p95_ms"],
                 "pss_anon": m["pss_anon_after_mb"], "pss_file": m["pss_file_after_mb"],
                 "errors": m["errors"], "workers": tree(aikg.pid)[1:]}
            )  # fmt: skip
            print(f"{size}: run {run + 2} of the mixed load: {m['errors']} errors, PSS "
                  f"{m['pss_after_mb']:.0f} MB ({m['pss_anon_after_mb']:.0f} anon), RSS "
                  f"{m['rss_after_mb']:.0f} MB", flush=True)  # fmt: skip
        search = "/queries/search.csv?" + urllib.parse.urlencode({"text": "人工智能"})
        started = time.perf_counter()
        status, _ = get(base + search)
        result["search_s"] = time.perf_counter() - started
        result["search_status"] = status
    finally:
        stop(aikg)
        if ox is not None:
            stop(ox)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1m")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of aikg then Oxigraph.")
    parser.add_argument("--long", type=int, default=0, help="Further runs of the mixed load.")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=BUILD, help="Folder for graphs and stores.")
    parser.add_argument("--quick", action="store_true", help="40 requests, 5 clients x 8.")
    args = parser.parse_args()
    requests, clients, each = (40, 5, 8) if args.quick else (args.requests, 50, 40)
    rounds = 1 if args.quick else args.rounds
    results = []
    for size in args.sizes.split(","):
        found = run_size(size, requests, args.out, clients, each, rounds, args.long)
        results.append(found)
        a, o, m = found["aikg"], found["oxigraph"], found["mixed"]
        pss = [f"{after['pss']:.0f} ({after['pss_anon']:.0f} anon)" for after in found["memory_mb"]]
        later = f", then PSS {', '.join(pss)} MB" if pss else ""
        print(
            f"{size}: {found['rows']} rows; aikg p50 {a['p50_ms']:.2f} ms p95 {a['p95_ms']:.2f} ms "
            f"{a['rps_8']:.0f} req/s | oxigraph p50 {o['p50_ms']:.2f} ms p95 {o['p95_ms']:.2f} ms "
            f"{o['rps_8']:.0f} req/s | CPU a request {a['cpu_ms']:.2f} / {o['cpu_ms']:.2f} ms | "
            f"median of {rounds} rounds: p50 x{found['latency_ratio_p50']:.2f}, throughput "
            f"x{found['throughput_ratio']:.2f}, CPU x{found['cpu_ratio']:.2f} | "
            f"start {found['aikg_start_s']:.2f} s "
            f"(first {found['aikg_first_start_s']:.1f} s) | mixed {clients}x{each}: "
            f"{m['errors']} errors, "
            f"p95 {m['p95_ms']:.0f} ms, RSS {m['rss_before_mb']:.0f} -> {m['rss_after_mb']:.0f} MB"
            f" (PSS {m['pss_before_mb']:.0f} -> {m['pss_after_mb']:.0f})"
            f"{later}"
            f" | search {found['search_status']} in {found['search_s']:.2f} s",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
