"""The view in a real browser: Debian's headless Chromium, driven by Playwright.

Every request that is not for the page's own file is blocked and counted; so are console
errors, page errors and dialogs (an ``alert`` that a hostile label managed to run).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from aikg.labels import labels
from aikg.namespaces import AIKG, OA, SCHEMA, SDMX_DIM, shorten
from aikg.store.stats import entities
from aikg.view.page import page_data
from aikg.view.screenshot import CHROMIUM_ARGS
from aikg.view.series import period_position
from sample_network import (
    BOLD,
    EDGE,
    EVIL,
    IMG,
    LONG,
    NOTE,
    ODD_IRI,
    QUOTE,
    QUOTES,
    SERIES_QUOTE,
    SERIES_TITLE,
    TITLE,
    S,
    write_hostile,
    write_series,
)

CHROMIUM = Path("/usr/bin/chromium")
#: In CI (``CI=true``) Chromium must be there: a missing browser fails the tests instead of
#: skipping them.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.is_file() and os.environ.get("CI") != "true", reason="no /usr/bin/chromium"
    ),
]


@dataclass
class Watch:
    """What a page did that it must not: requests elsewhere, errors, dialogs."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def watched(context, allowed: str):
    """A new page of ``context`` whose requests to anything but URLs starting with ``allowed``
    are blocked, and its :class:`Watch` (blocked requests, console errors, dialogs)."""
    watch = Watch()

    def route(r) -> None:
        if r.request.url.startswith(allowed):
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
    return page, watch


@pytest.fixture
def open_page(browser):
    """``open_page(path, fragment)`` -> (page, watch), the page drawn and ready."""
    contexts = []

    def opener(path: Path, fragment: str = "", size=(1400, 900)):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        contexts.append(context)
        page, watch = watched(context, "file://")
        page.goto(path.resolve().as_uri() + fragment)
        wait_until(page, "document.documentElement.dataset.ready === 'true'")
        return page, watch

    yield opener
    for context in contexts:
        context.close()


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll ``expression`` (page.wait_for_function would need 'unsafe-eval', which the CSP
    of the page refuses)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(25)


def settle(page) -> None:
    wait_until(page, "!window.aikg.isAnimating()")


def hover_until_tooltip(page, iri: str, text: str, attempts: int = 3) -> None:
    """Hover the node ``iri`` until its own tooltip, holding ``text``, shows. On a loaded CI
    machine the pointer can land while the view still moves, and a neighbour's tooltip (or
    none) shows: the pointer then leaves and comes back to where the node is now, up to
    ``attempts`` times. The tooltip's content is what the caller asserts, not its timing."""
    shows = (
        "(() => { const t = document.querySelector('div.vis-tooltip'); "
        f"return !!t && t.offsetParent !== null && t.innerText.includes({json.dumps(text)}); }})()"
    )
    for attempt in range(attempts):
        settle(page)
        point = page.evaluate("id => window.aikg.clientPosition(id)", iri)
        page.mouse.move(0, 0)
        page.mouse.move(point["x"] + 1, point["y"] + 1)
        page.mouse.move(point["x"] + 2, point["y"] + 2)
        try:
            wait_until(page, shows, timeout=5)
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise


def click_node(page, iri: str) -> None:
    settle(page)
    point = page.evaluate("id => window.aikg.clientPosition(id)", iri)
    page.mouse.click(point["x"], point["y"])


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("view") / "graph.html"
    subprocess.run(
        [sys.executable, "-m", "aikg", "view", "-o", str(out)], check=True, capture_output=True
    )
    return out


def document_title(graph: Graph, doc: URIRef) -> str:
    """What the page shows as a source's title: its name, or its Chinese label when untitled."""
    name = graph.value(doc, SCHEMA.name)
    return str(name) if name is not None else labels(graph, doc).zh


def quoted_entity(graph: Graph) -> tuple[URIRef, str, URIRef, str]:
    """An organization with a Chinese label and evidence: (IRI, label, document, quote)."""
    for entity, classes in entities(graph).items():
        if SCHEMA.Organization not in classes:
            continue
        for anno in sorted(graph.subjects(OA.hasBody, entity)):
            target = graph.value(anno, OA.hasTarget)
            text = graph.value(target, OA.hasSource)
            doc = graph.value(text, SCHEMA.encodesCreativeWork)
            exact = [
                graph.value(s, OA.exact)
                for s in graph.objects(target, OA.hasSelector)
                if (s, RDF.type, OA.TextQuoteSelector) in graph
            ]
            if doc is not None and exact:
                return entity, labels(graph, entity).zh, doc, str(exact[0])
    raise AssertionError("the bundled graph has no organization with evidence")


def test_bundled_view_offline_complete_and_still(open_page, bundled_page, graph) -> None:
    page, watch = open_page(bundled_page)
    count = page.evaluate("window.aikg.nodes.length")
    drawn = page.evaluate("Object.keys(window.aikg.network.getPositions()).length")
    assert count == drawn == len(entities(graph))
    before = page.evaluate("JSON.stringify(window.aikg.network.getPositions())")
    page.wait_for_timeout(400)
    after = page.evaluate("JSON.stringify(window.aikg.network.getPositions())")
    assert before == after  # physics is off: nothing moves by itself
    assert page.evaluate("window.aikg.network.physics.physicsEnabled") is False
    assert watch.blocked == [] and watch.errors == [] and watch.dialogs == []


def test_search_in_chinese_then_click_shows_the_source(open_page, bundled_page, graph) -> None:
    iri, label, doc, exact = quoted_entity(graph)
    page, watch = open_page(bundled_page)
    page.fill("#search", label)
    page.wait_for_selector("#results li[data-id]")
    assert page.get_attribute("#results li[data-id]", "data-id") == str(iri)
    page.press("#search", "Enter")
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == [str(iri)]
    assert page.text_content("#panel-title") == label
    settle(page)
    assert page.evaluate("decodeURI(location.hash.slice(1))") == str(iri)
    # the node is in view, zoomed in
    point = page.evaluate("id => window.aikg.clientPosition(id)", str(iri))
    box = page.locator("#network").bounding_box()
    assert box["x"] <= point["x"] <= box["x"] + box["width"]
    assert box["y"] <= point["y"] <= box["y"] + box["height"]

    page.click("#close-panel")
    assert page.is_hidden("#panel")
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == []
    click_node(page, str(iri))
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == [str(iri)]
    panel = page.inner_text("#panel")
    assert label in panel
    assert document_title(graph, doc) in panel
    assert labels(graph, graph.value(doc, SCHEMA.publisher)).zh in panel
    date = graph.value(doc, SCHEMA.datePublished)
    assert date is None or str(date) in panel
    assert exact in page.inner_text("#panel blockquote mark")
    url = graph.value(doc, SCHEMA.url)
    if url is not None and str(url).startswith(("http://", "https://")):
        links = page.locator("#panel .source a[target=_blank]")
        assert links.first.get_attribute("rel") == "noopener noreferrer"
        hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
        assert page.evaluate("u => new URL(u).href", str(url)) in hrefs
    assert watch.blocked == [] and watch.errors == [] and watch.dialogs == []


def test_search_in_english_and_switch_language(open_page, bundled_page, graph) -> None:
    iri, label, _, _ = quoted_entity(graph)
    english = labels(graph, iri).en
    page, watch = open_page(bundled_page)
    page.fill("#search", english.upper())
    page.press("#search", "Enter")
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == [str(iri)]
    page.click(".lang-switch button[data-lang=en]")
    assert page.text_content("#panel-title") == english
    assert page.evaluate("id => window.aikg.nodes.get(id).label", str(iri)).rstrip("…") in english
    assert page.get_attribute("html", "lang") == "en"
    page.click(".lang-switch button[data-lang=zh]")
    assert page.text_content("#panel-title") == label
    assert watch.errors == [] and watch.dialogs == []


@pytest.mark.parametrize("form", ["iri", "encoded", "prefixed"])
def test_deep_link_selects_the_node(open_page, bundled_page, graph, form: str) -> None:
    iri, label, _, _ = quoted_entity(graph)
    fragment = {
        "iri": f"#{iri}",
        "encoded": "#" + quote(str(iri), safe=""),
        "prefixed": "#" + shorten(str(iri)),
    }[form]
    page, watch = open_page(bundled_page, fragment)
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == [str(iri)]
    assert page.is_visible("#panel")
    assert page.text_content("#panel-title") == label
    assert watch.blocked == [] and watch.errors == []


def test_a_focus_past_max_neighbours_says_in_the_panel_what_is_not_drawn(
    open_page, tmp_path: Path
) -> None:
    out = tmp_path / "cnnic.html"
    subprocess.run(
        [sys.executable, "-m", "aikg", "view", "--focus", "organization:cnnic", "--lang", "en",
         "--max-neighbours", "1", "-o", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    cnnic = "https://w3id.org/aikg/id/organization/cnnic"
    cut = page_data(out.read_bytes())["folded"][cnnic]
    page, watch = open_page(out)
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == [cnnic]
    section = page.locator("#panel section", has_text="Linked entities not drawn")
    assert section.count() == 1
    items = section.locator("ul.folded > li").all_inner_texts()
    assert items == [
        f"{'← ' if f['in'] else '→ '}{f['l']['en']}: {f['drawn']} of {f['total']} drawn"
        for f in cut
    ]
    command = "aikg view --focus organization:cnnic --max-neighbours 0"
    assert section.locator("code").inner_text() == command
    assert watch.blocked == [] and watch.errors == [] and watch.dialogs == []


def test_class_filter_hides_and_search_shows_again(open_page, bundled_page, graph) -> None:
    iri, _, _, _ = quoted_entity(graph)
    page, _ = open_page(bundled_page)
    page.uncheck('#class-list input[data-class="schema:Organization"]')
    hidden = page.evaluate("window.aikg.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    organizations = {
        str(e) for e, classes in entities(graph).items() if SCHEMA.Organization in classes
    }
    assert str(iri) in hidden
    assert set(hidden) <= organizations | {str(e) for e, c in entities(graph).items() if len(c) > 1}
    page.evaluate("id => window.aikg.select(id)", str(iri))
    assert page.is_checked('#class-list input[data-class="schema:Organization"]')
    assert page.evaluate("id => !window.aikg.nodes.get(id).hidden", str(iri))


def places_below(graph: Graph, top: URIRef) -> set[URIRef]:
    """``top`` and every place contained in it, at any depth."""
    found, todo = {top}, [top]
    while todo:
        for sub in graph.subjects(SCHEMA.containedInPlace, todo.pop()):
            if isinstance(sub, URIRef) and sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_place_filter_with_and_without_sub_places(open_page, bundled_page, graph) -> None:
    # the province whose cities hold the most observations: choosing it shows them with its
    # sub-places, not without; an observation elsewhere is hidden; "all places" shows everything
    def area(obs: URIRef) -> URIRef | None:
        value = graph.value(obs, SDMX_DIM.refArea)
        return value if isinstance(value, URIRef) else None

    observations = [o for o in graph.subjects(RDF.type, SCHEMA.Observation) if area(o)]
    by_parent: dict[URIRef, list[URIRef]] = {}
    for obs in observations:
        for parent in graph.objects(area(obs), SCHEMA.containedInPlace):
            if parent != URIRef("https://w3id.org/aikg/id/place/CN"):
                by_parent.setdefault(parent, []).append(obs)  # type: ignore[arg-type]
    province, in_cities = max(by_parent.items(), key=lambda item: (len(item[1]), str(item[0])))
    within = places_below(graph, province)
    elsewhere = [o for o in observations if area(o) not in within]
    page, watch = open_page(bundled_page)
    hidden = "id => window.aikg.nodes.get(id).hidden === true"
    page.select_option("#place-filter", value=page.get_attribute(
        f'#place-filter option[data-place="{shorten(str(province))}"]', "value"
    ))  # fmt: skip
    assert page.is_checked("#sub-places")
    assert not any(page.evaluate(hidden, str(o)) for o in in_cities)
    assert any(page.evaluate(hidden, str(o)) for o in elsewhere)
    shown = "window.aikg.nodes.get({filter: n => !n.hidden}).length"
    with_cities = page.evaluate(shown)
    page.uncheck("#sub-places")
    # a city's observation may still show as a neighbour of the province's own entities
    assert any(page.evaluate(hidden, str(o)) for o in in_cities)
    assert page.evaluate(shown) < with_cities
    page.select_option("#place-filter", value="")
    assert page.evaluate("window.aikg.nodes.get({filter: n => n.hidden}).length") == 0
    assert watch.errors == []


def test_source_links_toggle(open_page, bundled_page) -> None:
    page, watch = open_page(bundled_page)
    count = "window.aikg.edges.get({filter: e => !e.hidden}).length"
    dashed = "window.aikg.edges.get({filter: e => e.dashes}).length"
    shown = page.evaluate(count)
    assert page.evaluate(dashed) == 0  # the source links join the network when first shown
    page.check("#toggle-sources")
    assert page.evaluate(count) > shown
    assert page.evaluate(count) == shown + page.evaluate(dashed)
    page.uncheck("#toggle-sources")
    assert page.evaluate(count) == shown
    page.check("#toggle-labels")  # every relation named, the source links too
    assert page.evaluate("window.aikg.edges.get({filter: e => !e.label}).length") == 0
    assert watch.errors == []


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    data = write_hostile(folder)
    out = folder / "graph.html"
    subprocess.run(
        [
            sys.executable, "-m", "aikg", "--data", str(data), "view", "-o", str(out),
            "--title", "<script>alert('title')</script>",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return out


def test_hostile_labels_are_text(open_page, hostile_page: Path) -> None:
    page, watch = open_page(hostile_page)
    assert page.title() == "<script>alert('title')</script>"
    assert page.text_content("#title") == "<script>alert('title')</script>"
    for iri, label in ((EVIL.org, IMG), (EVIL.tech, QUOTES), (EVIL.doc, TITLE)):
        page.evaluate("id => window.aikg.select(id)", str(iri))
        assert page.text_content("#panel-title") == label
    # the organization's panel: its note, quote, relation name and link, all as text
    page.evaluate("id => window.aikg.select(id)", str(EVIL.org))
    panel = page.inner_text("#panel")
    assert NOTE in panel and EDGE in panel
    assert QUOTE in page.inner_text("#panel blockquote")
    assert page.locator("#panel a[href^='javascript']").count() == 0
    assert page.locator("#panel a[target=_blank]").count() == 0  # the only URL is javascript:
    # the very long label wraps inside the panel
    page.evaluate("id => window.aikg.select(id)", str(EVIL.sector))
    assert page.text_content("#panel-title") == LONG
    assert page.evaluate(
        "(() => { const p = document.getElementById('panel'); "
        "return p.scrollWidth <= p.clientWidth + 1; })()"
    )
    # search by a hostile alias
    page.fill("#search", BOLD)
    page.wait_for_selector("#results li[data-id]")
    assert BOLD in page.inner_text("#results")
    page.press("#search", "Enter")
    settle(page)  # the search's own move to its result ends first
    # hover a hostile node (brought to the middle of the view): the tooltip is text
    page.evaluate("id => window.aikg.select(id)", str(EVIL.org))
    hover_until_tooltip(page, str(EVIL.org), IMG)
    assert IMG in page.inner_text("div.vis-tooltip")
    assert page.locator("div.vis-tooltip *:not(br)").count() == 0  # innerText: lines, no tags
    # an IRI with quotes and an ampersand works as a deep link
    page.evaluate("id => window.aikg.select(id)", str(ODD_IRI))
    assert page.text_content("#panel-title") == "奇怪的IRI"
    # nothing ran: no element was made from the data, no dialog opened
    assert (
        page.locator("body img, body iframe, body svg[onload], body b, body u, body i").count() == 0
    )
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert watch.dialogs == [] and watch.errors == [] and watch.blocked == []


def test_hostile_deep_link_is_text(open_page, hostile_page: Path) -> None:
    page, watch = open_page(hostile_page, "#" + quote("<img src=x onerror=alert(1)>"))
    assert page.is_visible("#notice")
    assert "<img src=x onerror=alert(1)>" in page.text_content("#notice")
    page.evaluate("h => { location.hash = h; }", "#<svg onload=alert(2)>")
    page.wait_for_timeout(100)
    assert "<svg onload=alert(2)>" in page.text_content("#notice")
    assert page.locator("body img, body svg").count() == 0
    assert watch.dialogs == [] and watch.errors == []


def test_hostile_data_in_the_page_is_json(hostile_page: Path) -> None:
    html = hostile_page.read_text(encoding="utf-8")
    start = html.index('id="aikg-data">') + len('id="aikg-data">')
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["details"][str(EVIL.org)]["name"]["zh"] == IMG
    assert "<" not in html[start : html.index("</script>", start)]


# --- the series chart ------------------------------------------------------------------------


def most_observed(graph: Graph) -> tuple[URIRef, list[URIRef]]:
    """The variable with the most observations (targets and currency conversions aside)."""
    found: dict[URIRef, list[URIRef]] = {}
    for obs in graph.subjects(RDF.type, SCHEMA.Observation):
        if (obs, AIKG.currencyConversionOf, None) in graph:
            continue
        for var in graph.objects(obs, SCHEMA.variableMeasured):
            found.setdefault(var, []).append(obs)
    var = min(found, key=lambda v: (-len(found[v]), str(v)))
    return var, sorted(found[var])


def quotes(graph: Graph, node: URIRef) -> list[str]:
    return [
        str(exact)
        for anno in graph.subjects(OA.hasBody, node)
        for target in graph.objects(anno, OA.hasTarget)
        for selector in graph.objects(target, OA.hasSelector)
        for exact in graph.objects(selector, OA.exact)
    ]


def marks_of(page) -> list[str]:
    return page.eval_on_selector_all(
        "#panel svg.chart .pt", "els => els.map(e => e.getAttribute('data-obs'))"
    )


def centre(page, obs: str) -> tuple[float, float]:
    box = page.locator(f"#panel svg.chart .pt[data-obs='{obs}'] .mark").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_bundled_variable_with_most_observations_has_a_chart(
    open_page, bundled_page, graph
) -> None:
    var, observations = most_observed(graph)
    placed = [
        str(obs)
        for obs in observations
        if period_position(
            str(graph.value(graph.value(obs, SDMX_DIM.refPeriod), SKOS.notation) or "")
        )
    ]
    page, watch = open_page(bundled_page)
    page.evaluate("id => window.aikg.select(id)", str(var))
    assert page.locator("#panel svg.chart").count() >= 1
    assert sorted(marks_of(page)) == sorted(placed) and len(placed) >= 2
    unplaced = page.locator("#panel .series-unplaced .pt-item")
    assert unplaced.count() == len(observations) - len(placed)
    detail = page.locator("#panel .series-detail")
    for obs in marks_of(page):  # each point leads to its source: title, date, quote, link
        # by keyboard: in a series spanning decades (1997-2025) marks a few months apart
        # overlap, and the mouse reaches only the top one; every mark is a focusable button
        page.focus(f"#panel svg.chart .pt[data-obs='{obs}']")
        page.keyboard.press("Enter")
        assert detail.get_attribute("data-obs") == obs
        assert page.get_attribute(f"#panel .pt[data-obs='{obs}']", "aria-pressed") == "true"
        text = detail.inner_text()
        docs = list(graph.objects(URIRef(obs), PROV.wasDerivedFrom))
        assert docs
        for doc in docs:
            assert document_title(graph, doc) in text
            date = graph.value(doc, SCHEMA.datePublished)
            assert date is None or str(date) in text
            url = graph.value(doc, SCHEMA.url)
            if url is not None and str(url).startswith(("http://", "https://")):
                links = detail.locator("a[target=_blank]")
                hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
                assert page.evaluate("u => new URL(u).href", str(url)) in hrefs
        for exact in quotes(graph, URIRef(obs)):
            assert exact in text
    # the observation's name in the detail selects it in the graph
    detail.locator("a.node-link").first.click()
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == [obs]
    assert page.text_content("#panel-title") == labels(graph, URIRef(obs)).zh
    assert page.locator("#panel .pt.on").get_attribute("data-obs") == obs
    assert watch.blocked == [] and watch.errors == [] and watch.dialogs == []


def test_a_focus_charts_points_not_drawn_and_says_where_their_quote_is(
    open_page, graph, tmp_path: Path
) -> None:
    """A neighbourhood's page holds the evidence of what it draws: a chart's point of an
    observation not drawn shows its sources and the command whose page quotes it."""
    out = tmp_path / "users.html"
    subprocess.run(
        [sys.executable, "-m", "aikg", "view", "--focus", "var:internet-users", "--lang", "en",
         "-o", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    data = page_data(out.read_bytes())
    assert data["unquoted"] is True
    charted = [
        (var, point["obs"])
        for var, info in data["series"].items()
        for chart in info["charts"]
        for one in chart["series"]
        for point in one["points"]
        if point["obs"] not in data["details"] and quotes(graph, URIRef(point["obs"]))
    ]
    assert charted
    var, obs = charted[0]
    page, watch = open_page(out)
    page.evaluate("id => window.aikg.select(id)", var)
    page.focus(f"#panel svg.chart .pt[data-obs='{obs}']")
    page.keyboard.press("Enter")
    detail = page.locator("#panel .series-detail")
    assert detail.get_attribute("data-obs") == obs
    text = detail.inner_text()
    for doc in graph.objects(URIRef(obs), PROV.wasDerivedFrom):
        assert document_title(graph, doc) in text
    assert not any(exact in text for exact in quotes(graph, URIRef(obs)))
    command = f"aikg view --focus {obs}"
    assert detail.locator(".quote-elsewhere code").inner_text() == command
    assert "Its quote is not on this page" in text
    assert watch.blocked == [] and watch.errors == [] and watch.dialogs == []
    # the command quotes it
    own = tmp_path / "obs.html"
    subprocess.run(
        [sys.executable, "-m", "aikg", *command.split()[1:], "--lang", "en", "-o", str(own)],
        check=True, capture_output=True,
    )  # fmt: skip
    page, watch = open_page(own)
    assert page.evaluate("window.aikg.network.getSelectedNodes()") == [obs]
    panel = page.inner_text("#panel")
    assert all(exact in panel for exact in quotes(graph, URIRef(obs)))
    assert watch.blocked == [] and watch.errors == [] and watch.dialogs == []


@pytest.fixture(scope="module")
def series_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("series")
    data = write_series(folder)
    out = folder / "graph.html"
    subprocess.run(
        [sys.executable, "-m", "aikg", "--data", str(data), "view", "--lang", "en", "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def test_series_chart_places_each_source_and_shows_it_as_text(open_page, series_page) -> None:
    page, watch = open_page(series_page)
    page.evaluate("id => window.aikg.select(id)", str(S.users))
    names = ("obs-2022", "obs-2023-b", "obs-2023-a", "obs-2024", "obs-young-2024")
    assert sorted(marks_of(page)) == sorted(str(S[n]) for n in names)  # no target, no conversion
    x = {n: centre(page, str(S[n]))[0] for n in names}
    y = {n: centre(page, str(S[n]))[1] for n in names}
    # later to the right; one point from two sources side by side, the earlier source first
    assert x["obs-2022"] < x["obs-2023-b"] < x["obs-2023-a"] < x["obs-2024"]
    assert x["obs-2023-a"] - x["obs-2023-b"] < 20
    assert 5 < x["obs-young-2024"] - x["obs-2024"] < 20  # another series, same date: beside
    # higher values higher up (screen y grows downwards)
    assert y["obs-young-2024"] > y["obs-2022"] > y["obs-2023-a"] > y["obs-2024"]
    assert y["obs-2023-a"] == y["obs-2023-b"]
    # the bound ("more than 100") is an open mark, the stated values are filled
    fill = "o => document.querySelector(`#panel .pt[data-obs='${o}'] .mark`).getAttribute('fill')"
    assert page.evaluate(fill, str(S["obs-2022"])) == "#fff"
    assert page.evaluate(fill, str(S["obs-2023-a"])) != "#fff"
    assert "more than 100" in page.text_content("#panel svg.chart")
    # the open-start and duration-only periods are listed under the chart, in order
    listed = page.eval_on_selector_all(
        "#panel .series-unplaced .pt-item", "els => els.map(e => e.getAttribute('data-obs'))"
    )
    assert listed == [str(S["obs-decade"]), str(S["obs-open"])]
    # two legend entries: the whole and the age group
    assert page.inner_text("#panel .series-legend").split("\n") == ["overall", "young people"]

    detail = page.locator("#panel .series-detail")
    page.click(f"#panel .pt[data-obs='{S['obs-2023-b']}']")  # the relayed story
    assert SERIES_TITLE in detail.inner_text()
    assert SERIES_QUOTE in detail.locator("blockquote mark").inner_text()
    assert detail.locator("a[target=_blank]").count() == 0  # its URL is javascript:
    page.focus(f"#panel .pt[data-obs='{S['obs-2023-a']}']")  # the report, by keyboard
    page.keyboard.press("Enter")
    assert "测试用户报告的标题" in detail.inner_text()
    assert "用户规模达150人" in detail.inner_text()
    link = detail.locator("a[target=_blank]")
    assert link.get_attribute("href") == "https://example.org/users-report"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.click(f"#panel .series-unplaced .pt-item[data-obs='{S['obs-open']}']")
    assert detail.get_attribute("data-obs") == str(S["obs-open"])
    assert "≤2025-03-01" in detail.inner_text()

    # a variable of another scope has its own chart; one observed once has none
    page.evaluate("id => window.aikg.select(id)", str(S["users-wide"]))
    assert sorted(marks_of(page)) == [str(S["obs-wide-2023"]), str(S["obs-wide-2024"])]
    page.evaluate("id => window.aikg.select(id)", str(S.single))
    assert page.locator("#panel svg").count() == 0
    # an observation's panel shows its variable's chart with the point marked
    page.evaluate("id => window.aikg.select(id)", str(S["obs-2024"]))
    assert page.locator("#panel .pt.on").get_attribute("data-obs") == str(S["obs-2024"])
    page.click(".lang-switch button[data-lang=zh]")
    assert "超100人" in page.text_content("#panel svg.chart")
    # nothing from the data became an element; nothing ran, nothing was fetched
    assert page.locator("body img, body iframe, body b, body svg[onload]").count() == 0
    assert watch.dialogs == [] and watch.errors == [] and watch.blocked == []


# --- a large graph's page: its data deflated, its labels given to nodes in view ---------------


@pytest.fixture(scope="module")
def packed_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile and the series graph's pages as a large graph gets them: the data deflated
    and base64-encoded, and each node's label given to vis-network once it is in view."""
    import aikg.view.page as view
    from aikg.store.files import load_graph

    folder = tmp_path_factory.mktemp("packed")
    pages: dict[str, Path] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(view, "COMPRESS_ABOVE", 0)
        patch.setattr(view, "LABELS_IN_VIEW", 0)
        for name, write, lang in (("hostile", write_hostile, "zh"), ("series", write_series, "en")):
            (folder / name).mkdir()
            graph = load_graph([write(folder / name)])
            pages[name] = folder / f"{name}.html"
            pages[name].write_bytes(view.render(graph, lang=lang).html)
            pages[f"{name} entities"] = folder / f"{name}.entities"
            pages[f"{name} entities"].write_text(str(len(entities(graph))), encoding="utf-8")
        # a couple of hundred synthetic entities: drawn whole, their labels are too small to draw
        from aikg.store.files import ontology_graph
        from aikg.synth import Synthesizer

        graph = ontology_graph()
        graph.parse(data="".join(Synthesizer(6000, 1).lines()), format="nt")
        pages["synthetic"] = folder / "synthetic.html"
        pages["synthetic"].write_bytes(view.render(graph).html)
    return pages


def test_packed_page_reads_its_data_and_labels_the_nodes_in_view(open_page, packed_pages) -> None:
    from aikg.view.page import page_data

    path = packed_pages["hostile"]
    html = path.read_text(encoding="utf-8")
    assert 'data-encoding="deflate;base64"' in html and IMG not in html
    data = page_data(html)
    assert data["labelsInView"] is True
    page, watch = open_page(path)
    count = page.evaluate("window.aikg.nodes.length")
    assert count == len(data["nodes"]) == int(packed_pages["hostile entities"].read_text())
    # the whole graph fits at a scale where labels are legible: every node has its label
    labelled = "window.aikg.nodes.get({filter: n => !!n.label}).map(n => n.id)"
    assert len(page.evaluate(labelled)) == count
    page.evaluate("id => window.aikg.select(id)", str(EVIL.org))
    assert page.text_content("#panel-title") == IMG
    assert QUOTE in page.inner_text("#panel blockquote")
    settle(page)
    drawn = page.evaluate("id => window.aikg.nodes.get(id).label", str(EVIL.org))
    assert IMG.startswith(drawn.rstrip("…"))  # cut to 26 characters on the canvas
    page.fill("#search", BOLD)
    page.wait_for_selector("#results li[data-id]")
    page.press("#search", "Enter")
    assert page.locator("body img, body iframe, body b, body svg[onload]").count() == 0
    assert watch.dialogs == [] and watch.errors == [] and watch.blocked == []


def test_packed_page_labels_only_what_is_in_view(open_page, packed_pages) -> None:
    page, watch = open_page(packed_pages["synthetic"], size=(900, 700))
    labelled = "window.aikg.nodes.get({filter: n => !!n.label}).map(n => n.id)"
    everything = page.evaluate("window.aikg.nodes.length")
    # vis-network draws no label of 15 px smaller than 4 px
    assert page.evaluate("window.aikg.network.getScale()") < 4 / 15
    assert page.evaluate(labelled) == []
    # selected, a node is zoomed to: it and the nodes around it get their labels
    hub = page.evaluate(
        "Object.keys(window.aikg.details).sort((a, b) => "
        "window.aikg.details[b].degree - window.aikg.details[a].degree)[0]"
    )
    page.evaluate("id => window.aikg.select(id)", hub)
    settle(page)
    wait_until(page, f"window.aikg.nodes.get({json.dumps(hub)}).label")
    # the hub is named at once; the nodes around it once the zoom ends
    wait_until(page, f"{labelled}.length > 1")
    shown = page.evaluate(labelled)
    assert hub in shown and 1 < len(shown) < everything
    drawn = "id => window.aikg.nodes.get(id).label.replace(/…$/, '')"
    assert page.evaluate("id => window.aikg.details[id].label.zh", hub).startswith(
        page.evaluate(drawn, hub)
    )
    # the language switch relabels what has a label, and only that
    page.click(".lang-switch button[data-lang=en]")
    english = page.evaluate("id => window.aikg.details[id].label.en", hub)
    assert english.startswith(page.evaluate(drawn, hub))
    assert sorted(page.evaluate(labelled)) == sorted(shown)
    assert watch.errors == [] and watch.blocked == []


def test_packed_series_chart(open_page, packed_pages) -> None:
    page, watch = open_page(packed_pages["series"])
    page.evaluate("id => window.aikg.select(id)", str(S.users))
    names = ("obs-2022", "obs-2023-b", "obs-2023-a", "obs-2024", "obs-young-2024")
    assert sorted(marks_of(page)) == sorted(str(S[n]) for n in names)
    page.click(f"#panel .pt[data-obs='{S['obs-2023-b']}']")
    detail = page.locator("#panel .series-detail")
    assert SERIES_TITLE in detail.inner_text()
    assert SERIES_QUOTE in detail.locator("blockquote mark").inner_text()
    assert "more than 100" in page.text_content("#panel svg.chart")
    page.evaluate("id => window.aikg.select(id)", str(S["obs-2024"]))
    assert page.locator("#panel .pt.on").get_attribute("data-obs") == str(S["obs-2024"])
    assert page.locator("body img, body iframe, body b, body svg[onload]").count() == 0
    assert watch.dialogs == [] and watch.errors == [] and watch.blocked == []


def test_screenshot(cli, tmp_path: Path) -> None:
    out, png = tmp_path / "graph.html", tmp_path / "graph.png"
    result = cli("view", "-o", str(out), "--screenshot", str(png), "--size", "900x700")
    assert result.returncode == 0, result.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (900, 700)
    assert len(data) > 20_000  # a drawn graph, not a blank page


def test_screenshot_without_the_browser_is_one_line(cli, tmp_path: Path) -> None:
    result = cli(
        "view", "-o", str(tmp_path / "g.html"), "--screenshot", str(tmp_path / "g.png"),
        env={"AIKG_CHROMIUM": str(tmp_path / "no-chromium")},
    )  # fmt: skip
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"aikg: error: AIKG_CHROMIUM={tmp_path / 'no-chromium'}: no such file"
    )
    assert not (tmp_path / "g.png").exists()
    assert not (tmp_path / "g.html").exists()
