"""Hostile servers and hostile credentials: aikg never sends a credential to another origin and
never prints one, in any form (raw, base64 of ``user:password``, the bearer token, URL userinfo).

Every server is a real HTTP server on loopback; every aikg run is a real process.
"""

from __future__ import annotations

import base64
import http.server
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from oxigraph_server import run_aikg

USER = "analyst"
SECRET = "s3cr3t-Pa55word-never-printed"
TOKEN = "tok-never-printed-0123456789"
BASIC = base64.b64encode(f"{USER}:{SECRET}".encode()).decode()
BASIC_ENV = {"AIKG_ENDPOINT_USER": USER, "AIKG_ENDPOINT_PASSWORD": SECRET}
TOKEN_ENV = {"AIKG_ENDPOINT_TOKEN": TOKEN}
ROWS = json.dumps(
    {
        "head": {"vars": ["x"]},
        "results": {"bindings": [{"x": {"type": "literal", "value": "OTHER-HOST-ROW"}}]},
    }
).encode()

Handler = Callable[[http.server.BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


@contextmanager
def serve(answer: Handler) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A loopback server whose every answer comes from ``answer``; yields its base URL and the
    headers of every request it received."""
    seen: list[dict[str, str]] = []

    class Serve(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            seen.append({k.lower(): v for k, v in self.headers.items()})
            status, headers, body = answer(self)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Serve)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def echo_headers(status: int) -> Handler:
    """A careless server that echoes the request headers (credentials included) in its body."""

    def answer(request: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        echoed = "".join(f"{k}: {v}\n" for k, v in request.headers.items())
        return status, {"Content-Type": "text/plain"}, f"you sent:\n{echoed}".encode()

    return answer


def rows(request: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/sparql-results+json"}, ROWS


def one_line(done, code: int, *secrets: str) -> str:
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aikg: error: "), done.stderr
    for secret in (SECRET, TOKEN, BASIC, f"{USER}:{SECRET}", *secrets):
        assert secret not in done.stdout + done.stderr, secret
    return lines[0]


QUERY = "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1"


# Item 1: redirects ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("env", [BASIC_ENV, TOKEN_ENV], ids=["basic", "token"])
def test_a_redirect_to_another_origin_never_carries_the_credentials(
    status: int, env: dict[str, str]
) -> None:
    with serve(rows) as (other, other_seen):

        def redirect(request):
            return status, {"Location": f"{other}/sparql?{request.path.partition('?')[2]}"}, b""

        with serve(redirect) as (first, first_seen):
            done = run_aikg("query", "-e", QUERY, "--endpoint", f"{first}/sparql", env=env)
    assert first_seen and "authorization" in first_seen[0]
    assert all("authorization" not in headers for headers in other_seen)
    assert "OTHER-HOST-ROW" not in done.stdout
    line = one_line(done, 3)
    assert "redirect" in line and other.rpartition(":")[2] in line


def test_a_redirect_within_the_same_origin_is_followed() -> None:
    def answer(request):
        if request.path.startswith("/old"):
            return 302, {"Location": "/sparql?" + request.path.partition("?")[2]}, b""
        return rows(request)

    with serve(answer) as (url, seen):
        done = run_aikg("query", "-e", QUERY, "--endpoint", f"{url}/old", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "OTHER-HOST-ROW" in done.stdout
    assert len(seen) == 2


def test_publish_does_not_follow_a_redirect_to_another_origin() -> None:
    with serve(rows) as (other, other_seen):
        moved = serve(lambda r: (307, {"Location": f"{other}/store"}, b""))
        with moved as (first, _):
            done = run_aikg("publish", "--to", f"{first}/store", env=TOKEN_ENV)
    assert not other_seen
    assert done.returncode == 3, done.stderr


# Item 2 (and 12): credentials from the environment are checked before anything is sent ----------

BAD_VALUES = {
    "carriage-return": TOKEN + "\r",
    "newline": "tok\nSMUGGLED: header",
    "tab": "tok-tab\tsecret-part",
}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        *(
            (v, bad)
            for v in ("AIKG_ENDPOINT_TOKEN", "AIKG_ENDPOINT_PASSWORD")
            for bad in BAD_VALUES.values()
        ),
        ("AIKG_ENDPOINT_TOKEN", "tök€n-世界"),  # a header value is Latin-1
    ],
    ids=[
        *(
            f"{v[14:].lower()}-{k}"
            for v in ("AIKG_ENDPOINT_TOKEN", "AIKG_ENDPOINT_PASSWORD")
            for k in BAD_VALUES
        ),
        "token-non-latin-1",
    ],
)
@pytest.mark.parametrize("command", ["query", "publish"])
def test_a_malformed_credential_is_named_never_printed(
    value: str, variable: str, command: str
) -> None:
    env = {variable: value}
    if variable == "AIKG_ENDPOINT_PASSWORD":
        env["AIKG_ENDPOINT_USER"] = USER
    with serve(rows) as (url, seen):
        if command == "query":
            done = run_aikg("query", "-e", QUERY, "--endpoint", f"{url}/sparql", env=env)
        else:
            done = run_aikg("publish", "--to", f"{url}/store", env=env)
    line = one_line(done, 2, value.strip(), *value.split())
    assert variable in line
    assert not seen, "nothing was sent"


# Item 3: scrubbing every form of every secret from every message -------------------------------


@pytest.mark.parametrize("status", [400, 401, 403, 404, 418, 500])
@pytest.mark.parametrize("env", [BASIC_ENV, TOKEN_ENV], ids=["basic", "token"])
def test_an_error_body_echoing_the_headers_is_scrubbed(status: int, env: dict[str, str]) -> None:
    with serve(echo_headers(status)) as (url, seen):
        done = run_aikg("query", "-e", QUERY, "--endpoint", f"{url}/sparql", env=env)
    assert seen and "authorization" in seen[0]
    one_line(done, 2 if status == 400 else 3)


@pytest.mark.parametrize("status", [400, 500])
@pytest.mark.parametrize("env", [BASIC_ENV, TOKEN_ENV], ids=["basic", "token"])
def test_publish_error_body_echoing_the_headers_is_scrubbed(
    status: int, env: dict[str, str]
) -> None:
    with serve(echo_headers(status)) as (url, seen):
        done = run_aikg("publish", "--to", f"{url}/store", env=env)
    assert seen and "authorization" in seen[0]
    one_line(done, 3)


def test_a_service_url_with_userinfo_is_never_printed() -> None:
    with serve(echo_headers(500)) as (url, _):
        service = url.replace("http://", f"http://{USER}:{SECRET}@") + "/sparql"
        text = f"SELECT * WHERE {{ SERVICE <{service}> {{ ?s ?p ?o }} }}"
        done = run_aikg("query", "-e", text, "--allow-service", "--timeout", "10", env=BASIC_ENV)
    assert done.returncode in (2, 3), done.stderr
    one_line(done, done.returncode)
