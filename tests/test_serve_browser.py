"""``aikg serve``'s pages in a real browser: Debian's headless Chromium, driven by Playwright.

One server for the module on a small graph whose labels, titles and quotes try to inject HTML.
Every request to another host than the server is blocked and counted; so are console errors,
page errors and dialogs (an ``alert`` a hostile label managed to run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from sample_network import BOLD, IMG, QUOTE, SCRIPT, write_hostile, write_sample, write_series
from serve_server import AikgServer, write_entities
from test_view_browser import (
    CHROMIUM,
    Watch,
    browser,  # noqa: F401  (the module-scoped Chromium fixture)
    wait_until,
    watched,
)

#: In CI (``CI=true``) Chromium must be there: a missing browser fails the tests.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.is_file() and os.environ.get("CI") != "true", reason="no Chromium"
    ),
]


def clean(watch: Watch) -> bool:
    return not (watch.blocked or watch.errors or watch.dialogs)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AikgServer]:
    folder = tmp_path_factory.mktemp("serve-browser")
    data = [write_sample(folder), write_hostile(folder), write_series(folder),
            write_entities(folder)]  # fmt: skip
    running = AikgServer([f"--data={p}" for p in data], ["--workers", "2"], folder / "log")
    yield running
    running.stop()


@pytest.fixture
def open_page(browser, server):  # noqa: F811  (browser: the imported fixture)
    """``open_page(path)`` -> (page, watch), the page loaded."""
    contexts = []

    def opener(path: str):
        context = browser.new_context()  # the browser of test_view_browser (module-scoped)
        contexts.append(context)
        page, watch = watched(context, server.base + "/")
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
        assert clean(watch), (path, watch)
        assert page.locator("nav a").count() >= 4


def test_an_entity_page_shows_hostile_labels_as_text(open_page) -> None:
    page, watch = open_page("/id/organization/serve-test-evil")
    assert clean(watch), watch
    text = page.inner_text("main")
    assert IMG in text and SCRIPT in text and BOLD in text and QUOTE in text
    assert page.locator("main img, main script, main iframe, main b").count() == 0
    page.click("a[href='/id/organization/serve-test-parent']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/id/organization/serve-test-parent")


def test_a_variable_page_draws_its_chart(open_page) -> None:
    page, watch = open_page("/id/var/serve-test-users")
    assert clean(watch), watch
    assert page.locator("figure.chart svg circle").count() == 2
    assert page.locator("figure.chart svg polyline").count() == 1


def test_a_query_form_runs_the_query(open_page) -> None:
    page, watch = open_page("/queries/search")
    page.fill("input[name=text]", "测试")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert clean(watch), watch
    assert page.locator("table tbody tr").count() > 0
    assert "text=%E6%B5%8B%E8%AF%95" in page.url


def test_the_view_fetches_a_focus_and_expands_it(open_page) -> None:
    focus = "https://w3id.org/aikg/id/organization/serve-test-evil"
    page, watch = open_page("/view?" + urlencode({"focus": focus, "depth": 1}))
    wait_until(page, "document.getElementById('view').dataset.loaded === '1'")
    assert clean(watch), watch
    assert page.inner_text("#details-en") == IMG  # the hostile label, as text
    assert page.locator("#details img").count() == 0
    assert "2 nodes, 1 links" in page.inner_text("#status")
    page.click("#expand")
    wait_until(page, "document.getElementById('view').dataset.loaded === '2'")
    assert clean(watch), watch


def test_chinese_search_on_the_view(open_page) -> None:
    page, watch = open_page("/view")
    page.fill("#search-text", "测试上级")
    page.click("#search button[type=submit]")
    wait_until(page, "document.querySelectorAll('#results button').length > 0")
    button = page.locator("#results button").first
    assert BOLD in button.inner_text()  # its English label, escaped
    button.click()
    wait_until(page, "document.getElementById('view').dataset.loaded === '1'")
    assert page.inner_text("#details-zh") == "测试上级机构"
    assert "focus=" in page.url
    assert clean(watch), watch
