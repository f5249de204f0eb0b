"""A real ``aikg serve`` process for the serve tests, and a small graph with hostile labels.

:class:`AikgServer` runs ``python -m aikg [GLOBAL ARGS] serve --port FREE [ARGS]``, waits for
the line that says it is serving, and stops it with Ctrl-C (SIGINT) afterwards. The entities
of :func:`write_entities` live under ``https://w3id.org/aikg/id/`` (so ``/id/...`` answers them)
and carry labels, quotes and titles that try to inject HTML (test data, not facts).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from oxigraph_server import ROOT, free_port
from sample_network import BOLD, IMG, PREFIXES, QUOTE, QUOTES, SCRIPT, SERIES_TITLE, TITLE

TEST_PREFIX = "https://w3id.org/aikg/id/organization/serve-test-"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _turtle(text: str) -> str:
    return '"' + _esc(text) + '"'


ENTITIES = (
    PREFIXES
    + f"""
@prefix organization: <https://w3id.org/aikg/id/organization/> .
@prefix var: <https://w3id.org/aikg/id/var/> .
@prefix obs: <https://w3id.org/aikg/id/obs/> .
@prefix doc: <https://w3id.org/aikg/id/doc/> .
@prefix text: <https://w3id.org/aikg/id/text/> .
@prefix period: <https://w3id.org/aikg/id/period/> .
@prefix place: <https://w3id.org/aikg/id/place/> .
@prefix stmt: <https://w3id.org/aikg/id/stmt/> .
@prefix anno: <https://w3id.org/aikg/id/anno/> .

organization:serve-test-evil a schema:Organization ;
    rdfs:label {_turtle(IMG)}@en , "测试机构{_esc(SCRIPT)}"@zh-hans ;
    schema:parentOrganization organization:serve-test-parent .
organization:serve-test-parent a schema:Organization ;
    rdfs:label {_turtle(BOLD)}@en , "测试上级机构"@zh-hans .
doc:serve-test-doc a aikg:SourceDocument ;
    rdfs:label {_turtle(SERIES_TITLE)}@en , "测试来源"@zh-hans ;
    schema:name {_turtle(TITLE)} ;
    schema:datePublished "2024-05-01"^^xsd:date ;
    aikg:sourceText text:serve-test-text .
stmt:serve-test-s1 a rdf:Statement ;
    rdf:subject organization:serve-test-evil ;
    rdf:predicate schema:parentOrganization ;
    rdf:object organization:serve-test-parent ;
    prov:wasDerivedFrom doc:serve-test-doc .
anno:serve-test-a1 a oa:Annotation ;
    oa:hasBody stmt:serve-test-s1 ;
    oa:hasTarget anno:serve-test-t1 .
anno:serve-test-t1 a oa:SpecificResource ;
    oa:hasSource text:serve-test-text ;
    oa:hasSelector anno:serve-test-q1 .
anno:serve-test-q1 a oa:TextQuoteSelector ; oa:exact {_turtle(QUOTE)} .

var:serve-test-users a schema:StatisticalVariable ;
    rdfs:label {_turtle(QUOTES)}@en , "测试用户规模"@zh-hans .
period:serve-test-2022 a time:Instant ; skos:notation "2022-12-31" .
period:serve-test-2023 a time:Instant ; skos:notation "2023-12-31" .
place:serve-test-land a schema:Country ; rdfs:label "测试国"@zh-hans , "Testland"@en .
obs:serve-test-o1 a schema:Observation ;
    rdfs:label "测试用户规模：100"@zh-hans , "test users: 100"@en ;
    schema:variableMeasured var:serve-test-users ; schema:value 100 ;
    sdmx-dimension:refPeriod period:serve-test-2022 ; sdmx-dimension:refArea place:serve-test-land ;
    prov:wasDerivedFrom doc:serve-test-doc .
obs:serve-test-o2 a schema:Observation ;
    rdfs:label "测试用户规模：150"@zh-hans , "test users: 150"@en ;
    schema:variableMeasured var:serve-test-users ; schema:value 150 ;
    sdmx-dimension:refPeriod period:serve-test-2023 ; sdmx-dimension:refArea place:serve-test-land ;
    prov:wasDerivedFrom doc:serve-test-doc .
"""
)


def write_entities(folder: Path) -> Path:
    path = folder / "serve-entities.ttl"
    path.write_text(ENTITIES, encoding="utf-8")
    return path


class AikgServer:
    """``aikg serve`` on a free loopback port (see the module)."""

    def __init__(self, global_args: list[str], serve_args: list[str], log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "aikg", *global_args, "serve", "--port", str(self.port),
             *serve_args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        assert self.process.stdout is not None
        deadline = time.monotonic() + 120
        self.banner = ""
        while time.monotonic() < deadline:
            line = self.process.stdout.readline().decode()
            if line.startswith("Serving"):
                self.banner = line
                break
            if not line and self.process.poll() is not None:
                raise RuntimeError(f"aikg serve ended: {log.read_text()}")
        if not self.banner:
            self.stop()
            raise RuntimeError(f"aikg serve did not start: {log.read_text()}")

    def url(self, path: str) -> str:
        return self.base + path

    def get(
        self, path: str, accept: str | None = None, timeout: float = 30
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers (lowercased names) and body of ``GET path``."""
        request = urllib.request.Request(self.url(path))
        if accept:
            request.add_header("Accept", accept)
        return fetch(request, timeout)

    def post(
        self, path: str, body: bytes, media: str, accept: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url(path), data=body, method="POST")
        request.add_header("Content-Type", media)
        if accept:
            request.add_header("Accept", accept)
        return fetch(request, 30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def fetch(request: urllib.request.Request, timeout: float) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            return response.status, headers, response.read()
    except urllib.error.HTTPError as exc:
        headers = {k.lower(): v for k, v in exc.headers.items()}
        return exc.code, headers, exc.read()


def aikg_output(*args: str) -> bytes:
    """What ``aikg ARGS`` writes on stdout, as bytes (CSV lines end in CRLF); it must succeed."""
    done = subprocess.run(
        [sys.executable, "-m", "aikg", *args], cwd=ROOT, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout
