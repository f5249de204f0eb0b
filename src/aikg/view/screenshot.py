"""A PNG of a page of the view, taken in headless Chromium through Playwright.

Debian's Chromium (``/usr/bin/chromium``, or ``$AIKG_CHROMIUM``) is used, never a browser that
Playwright would download. Every request to anything but the file itself is refused.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from aikg.errors import AikgError

#: Flags for a quiet headless Chromium that reaches for no Google service.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


class BrowserError(AikgError):
    """Playwright or Chromium is missing, or the page did not get ready."""


def chromium_path() -> Path:
    """The Chromium to drive: ``$AIKG_CHROMIUM`` if set, else ``/usr/bin/chromium`` or PATH's."""
    chosen = os.environ.get("AIKG_CHROMIUM")
    if chosen:
        if not Path(chosen).is_file():
            raise BrowserError(f"AIKG_CHROMIUM={chosen}: no such file")
        return Path(chosen)
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise BrowserError(
        "Chromium not found at /usr/bin/chromium (install Debian's 'chromium' package, "
        "or set AIKG_CHROMIUM)"
    )


def check_browser() -> Path:
    """Raise :class:`BrowserError` unless Playwright and Chromium are both there."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise BrowserError("Playwright is not installed (pip install playwright)") from None
    return chromium_path()


def screenshot(
    html: Path, *, width: int = 1600, height: int = 1000, fragment: str = "", timeout: float = 30
) -> bytes:
    """A PNG of ``html`` (with ``#fragment``) once the graph is drawn."""
    executable = check_browser()
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    url = html.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.route(
                    "**/*",
                    lambda route: (
                        route.continue_()
                        if route.request.url.startswith(("file:", "data:"))
                        else route.abort()
                    ),
                )
                page.goto(url, timeout=timeout * 1000)
                _wait(page, "document.documentElement.dataset.ready === 'true'", timeout)
                _wait(page, "!(window.aikg && window.aikg.isAnimating())", timeout)
                return page.screenshot(type="png")
            finally:
                browser.close()
    except PlaywrightError as exc:
        message = " ".join(str(exc).split())[:300]
        raise BrowserError(f"the browser failed: {message}") from None


def _wait(page: Any, expression: str, timeout: float) -> None:
    """Poll ``expression`` in the page (``wait_for_function`` evaluates strings with ``eval``,
    which the page's Content-Security-Policy refuses)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise BrowserError(f"the page did not get ready within {timeout:g} s")
        page.wait_for_timeout(25)
