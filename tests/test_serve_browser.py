"""``aikg serve``'s pages in a real browser: Debian's headless Chromium, driven by Playwright.

One server for the module on a small graph whose labels, titles and quotes try to inject HTML.
Every request to another host than the server is blocked and counted; so are console errors,
page errors and dialogs (an ``alert`` a hostile label managed to run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest

from sample_network import BOLD, IMG, QUOTE, SCRIPT, write_hostile, write_sample, write_series
from serve_server import AikgServer, write_entities

CHROMIUM = Path(os.environ.get("AIKG_CHROMIUM", "/usr/bin/chromium"))
#: In CI (``CI=true``) Chromium must be there: a missing browser fails the tests.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.is_file() and os.environ.get("CI") != "true", reason="no Chromium"
    ),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@dataclass
class Watch:
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not (self.blocked or self.errors or self.dialogs)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AikgServer]:
    folder = tmp_path_factory.mktemp("serve-browser")
    data = [write_sample(folder), write_hostile(folder), write_series(folder),
            write_entities(folder)]  # fmt: skip
    running = AikgServer([f"--data={p}" for p in data], ["--workers", "2"], folder / "log")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser, server):
    """``open_page(path)`` -> (page, watch), the page loaded."""
    contexts = []

    def opener(path: str):
        watch = Watch()
        context = browser.new_context()
        contexts.append(context)

        def route(r) -> None:
            if r.request.url.startswith(server.base + "/"):
                r.continue_()
            else:
                watch.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: watch.errors.append(str(e)))

        def dialog(d) -> None:
            watch.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        response = page.goto(server.url(path))
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("load")
        return page, watch

    yield opener
    for context in contexts:
        context.close()


def test_home_and_catalog_pages_are_clean(open_page) -> None:
    for path in (
        "/",
        "/queries",
        "/queries/metrics",
        "/queries/search?" + urlencode({"text": "测试"}),
    ):
        page, watch = open_page(path)
        assert watch.clean(), (path, watch)
        assert page.locator("nav a").count() >= 4


def test_an_entity_page_shows_hostile_labels_as_text(open_page) -> None:
    page, watch = open_page("/id/organization/serve-test-evil")
    assert watch.clean(), watch
    text = page.inner_text("main")
    assert IMG in text and SCRIPT in text and BOLD in text and QUOTE in text
    assert page.locator("main img, main script, main iframe, main b").count() == 0
    page.click("a[href='/id/organization/serve-test-parent']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/id/organization/serve-test-parent")


def test_a_variable_page_draws_its_chart(open_page) -> None:
    page, watch = open_page("/id/var/serve-test-users")
    assert watch.clean(), watch
    assert page.locator("figure.chart svg circle").count() == 2
    assert page.locator("figure.chart svg polyline").count() == 1


def test_a_query_form_runs_the_query(open_page) -> None:
    page, watch = open_page("/queries/search")
    page.fill("input[name=text]", "测试")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert watch.clean(), watch
    assert page.locator("table tbody tr").count() > 0
    assert "text=%E6%B5%8B%E8%AF%95" in page.url


def _wait(page, expression: str, timeout: float = 10.0) -> None:
    """Poll ``expression`` (wait_for_function would need 'unsafe-eval', which the CSP refuses)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(25)


def test_the_view_fetches_a_focus_and_expands_it(open_page) -> None:
    focus = "https://w3id.org/aikg/id/organization/serve-test-evil"
    page, watch = open_page("/view?" + urlencode({"focus": focus, "depth": 1}))
    _wait(page, "document.getElementById('view').dataset.loaded === '1'")
    assert watch.clean(), watch
    assert page.inner_text("#details-en") == IMG  # the hostile label, as text
    assert page.locator("#details img").count() == 0
    assert "2 nodes, 1 links" in page.inner_text("#status")
    page.click("#expand")
    _wait(page, "document.getElementById('view').dataset.loaded === '2'")
    assert watch.clean(), watch


def test_chinese_search_on_the_view(open_page) -> None:
    page, watch = open_page("/view")
    page.fill("#search-text", "测试上级")
    page.click("#search button[type=submit]")
    _wait(page, "document.querySelectorAll('#results button').length > 0")
    button = page.locator("#results button").first
    assert BOLD in button.inner_text()  # its English label, escaped
    button.click()
    _wait(page, "document.getElementById('view').dataset.loaded === '1'")
    assert page.inner_text("#details-zh") == "测试上级机构"
    assert "focus=" in page.url
    assert watch.clean(), watch
