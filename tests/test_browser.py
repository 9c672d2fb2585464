"""The map page in a real browser: Debian's Chromium driven by Playwright against `sitrep serve`.

The server is the real command, started as a subprocess on a free port. Most tests
use a database of hand-built extractions of two invented dispatches
(``sitrep.web.fixtures``, plus one undated report written here), so they check the
page, not the extraction; the last ones serve the two seed articles and 20 corpus
articles as `sitrep ingest` stores them (read from ``../shared`` at run time), and
take the screenshot the docs show.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from sitrep.model import Document, Event, Extraction
from sitrep.store import Store
from sitrep.web.fixtures import (
    ARMY,
    NAMTU,
    REBELS,
    sample_extractions,
    sentence_of,
    two_spellings_extractions,
)

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshot-map.png"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_serving(url: str, server: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"sitrep serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url + "api/config", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"sitrep serve did not answer at {url} within {seconds}s")


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`sitrep serve` on ``db`` at a free loopback port; returns the process and its URL."""
    port = free_port()
    sitrep = Path(sys.executable).with_name("sitrep")
    env = {**os.environ, "SITREP_CONFIG": str(db.with_suffix(".toml"))}
    with log.open("wb") as out:
        server = subprocess.Popen([str(sitrep), "serve", "--db", str(db), "--port", str(port)],
                                  stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    wait_until_serving(url, server)
    return server, url


UNDATED_TEXT = "Shelling hit a monastery in Namtu, residents said."


def undated_extraction() -> Extraction:
    """A report with no date at all: it belongs to no day of the timeline."""
    doc = Document(id="doc-c", text=UNDATED_TEXT, source="Third Herald", title="Undated")
    shelling = Event("Explosions/Remote violence", "Shelling/artillery/missile attack", ARMY,
                     location=NAMTU, geo_precision=1,
                     evidence=[sentence_of(UNDATED_TEXT, "Shelling hit")])
    return Extraction(document=doc, events=[shelling], places=[NAMTU])


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "fixtures.db"
    with Store.open(str(db)) as store:
        for extraction in [*sample_extractions(), undated_extraction()]:
            store.save(extraction)
    server, url = start_server(db, folder / "serve.log")
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    opened.on("dialog", lambda dialog: pytest.fail(f"page opened a dialog: {dialog.message}"))
    yield opened
    context.close()


@pytest.fixture
def requested(page: Page) -> list[str]:
    """Every URL the page asks for, from the moment it opens."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def open_map(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    # the control rings are drawn after "ready" (setDay does not wait for them): a loaded
    # machine counted none (CI on a fresh clone, 2026-12-07)
    page.wait_for_selector("body[data-control-day]", state="attached", timeout=20_000)


def move_slider_to(page: Page, day: date) -> None:
    """Drag the timeline to ``day`` (as an input event, like a user's drag) and wait for redraw."""
    first = date.fromisoformat(page.get_attribute("#day", "min") or "")
    page.eval_on_selector(
        "#slider", "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }",
        str((day - first).days))
    page.wait_for_selector(f"body[data-control-day='{day.isoformat()}']")


def town(page: Page, place: str) -> dict[str, str]:
    """The holder and the badge colour shown for ``place``."""
    icon = page.locator(f".control-icon[data-place='{place}']")
    colour = icon.locator(".control-badge").evaluate("el => getComputedStyle(el).borderTopColor")
    return {"holder": icon.get_attribute("data-holder") or "", "colour": colour,
            "contested": icon.get_attribute("data-contested") or ""}


def legend_colour(page: Page, holder: str) -> str:
    row = page.locator(".legend-row", has_text=holder)
    return str(row.locator(".swatch").evaluate("el => getComputedStyle(el).borderTopColor"))


def open_event(page: Page, event_type: str) -> None:
    page.locator(f".event-marker[data-type='{event_type}']").first.click()
    page.wait_for_selector("#detail blockquote.evidence")


#: where a user would click to reach an event: its circle, or the cluster drawn for it
LOCATE = """(id) => {
  const marker = state.markers.get(id);
  const layer = visibleParent(marker);
  if (!layer) return null;
  const p = state.map.latLngToContainerPoint(layer.getLatLng());
  const box = state.map.getContainer().getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y, cluster: layer !== marker,
          inside: p.x > 20 && p.y > 20 && p.x < box.width - 20 && p.y < box.height - 30};
}"""


def set_view(page: Page, args: str) -> None:
    """``state.map.setView(args)`` (returning nothing: a Leaflet map is slow to serialise)."""
    page.evaluate(f"() => {{ state.map.setView({args}); }}")


def click_event(page: Page, event_id: str) -> None:
    """Reach ``event_id`` with the mouse as a user would, without zooming: spread its cluster
    if it is in one, then click its circle; fails unless the click opens that event."""
    page.evaluate("() => { state.eventLayer.unspiderfy(); }")
    spot = page.evaluate(LOCATE, event_id)
    if spot is None or not spot["inside"]:  # beyond the view: pan to it, same zoom
        page.evaluate("(id) => { state.map.panTo(state.markers.get(id).getLatLng(), "
                      "{animate: false}); }", event_id)
        spot = page.evaluate(LOCATE, event_id)
    if spot["cluster"]:
        page.mouse.click(spot["x"], spot["y"])
        spot = page.evaluate(LOCATE, event_id)
        assert not spot["cluster"], f"clicking its cluster did not spread {event_id}"
        if not spot["inside"]:  # a large spread at the edge: centre the cluster and redo
            page.evaluate("(id) => { state.eventLayer.unspiderfy(); state.map.panTo("
                          "state.markers.get(id).__parent.getLatLng(), {animate: false}); }",
                          event_id)
            click_event(page, event_id)
            return
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_selector(f"#detail[data-event-id='{event_id}']", timeout=2_000)


def assert_every_marker_is_clickable(page: Page) -> int:
    """Click every located event shown (undated ones included) at the opening zoom."""
    page.check("#undated")
    zoom = page.evaluate("state.map.getZoom()")
    ids = page.evaluate("[...state.markers.keys()]")
    located = page.evaluate("state.events.filter((e) => e.lat !== null).length")
    assert len(ids) == located > 0
    for event_id in ids:
        click_event(page, event_id)
    assert page.evaluate("state.map.getZoom()") == zoom
    return len(ids)


def test_markers_and_towns_appear(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    assert page.locator(".event-marker").count() == 2
    assert page.locator(".control-icon").count() == 2
    assert page.locator("#counts").inner_text() == "2 of 3 events"  # the undated one is apart
    assert page.locator(".leaflet-basemap-pane path").count() > 100  # the country outlines


def test_slider_changes_the_holder_colour(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    move_slider_to(page, date(2025, 6, 15))
    june = town(page, "Namtu")
    assert page.locator(".event-marker").count() == 0  # both events come later
    move_slider_to(page, date(2025, 8, 1))
    august = town(page, "Namtu")
    assert (june["holder"], august["holder"]) == (REBELS, ARMY)
    assert june["colour"] != august["colour"]
    assert june["colour"] == legend_colour(page, REBELS)
    assert august["colour"] == legend_colour(page, ARMY)
    move_slider_to(page, date(2025, 7, 17))
    assert town(page, "Namtu")["contested"] == "true"


def test_clicking_an_event_shows_evidence_as_text(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    open_event(page, "Battles")
    evidence = page.locator("#detail blockquote.evidence").all_inner_texts()
    assert any("Clashes near Namtu on July 17" in e for e in evidence)
    assert any("<script>alert('x')</script>" in e for e in evidence)  # shown, not run
    assert any("Fighting at Namtu" in e for e in evidence)  # the second source
    assert page.locator("#detail script").count() == 0


def test_disagreeing_sources_are_listed_and_lead_to_the_event(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    conflict = page.locator("#conflicts li")
    assert conflict.count() == 1
    assert "fatalities 3 (Test Wire) vs 5 (Other Post)" in conflict.inner_text()
    conflict.locator("button").click()
    page.wait_for_selector("#detail blockquote.evidence")
    assert page.locator("#detail h2").first.inner_text().startswith("Battles")


def test_a_review_survives_a_reload(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    open_event(page, "Explosions/Remote violence")
    page.select_option("#correct-type", "Violence against civilians")
    page.click("#send-type")
    page.wait_for_selector("#review-history")
    page.click("#confirm")
    page.wait_for_selector("#verdict")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    open_event(page, "Violence against civilians")
    assert page.locator("#verdict").inner_text() == "confirmed"
    history = page.locator("#review-history li").all_inner_texts()
    assert [h.split(": ", 1)[1] for h in history] == [
        "correct_type → Violence against civilians", "confirm"]


def test_no_request_leaves_loopback(page: Page, requested: list[str], server_url: str) -> None:
    open_map(page, server_url)
    move_slider_to(page, date(2025, 7, 20))
    open_event(page, "Battles")
    page.locator(".control-icon[data-place='Namtu']").click()
    page.wait_for_selector("#holder")
    hosts = {urlsplit(url).hostname for url in requested}
    assert len(requested) >= 8  # page, scripts, styles, basemap, API calls
    assert hosts == {"127.0.0.1"}


def table_places(page: Page) -> list[str]:
    return page.locator("#events-table tbody tr td:nth-child(3)").all_inner_texts()


def test_undated_events_are_apart_from_the_timeline(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    assert page.locator("#undated-count").inner_text() == "(1)"
    for day in (date(2025, 6, 15), date(2025, 7, 20), date(2025, 8, 2)):
        move_slider_to(page, day)
        assert page.evaluate("state.shown.filter((e) => !e.date_start).length") == 0
        assert "undated" not in page.locator("#events-table").inner_text()
    page.check("#undated")
    move_slider_to(page, date(2025, 6, 15))  # before every dated event: only the undated
    assert page.locator("#counts").inner_text() == "1 of 3 events"
    assert page.locator("#events-table td.undated").all_inner_texts() == ["undated"]
    undated = page.evaluate("state.events.find((e) => !e.date_start).id")
    click_event(page, undated)
    assert "Shelling hit a monastery" in page.locator("#detail").inner_text()
    assert page.get_attribute(".event-marker[data-dated='false']", "stroke-dasharray")
    page.uncheck("#undated")
    assert page.locator(".event-marker").count() == 0


def test_every_fixture_marker_is_clickable_and_one_place_spreads(page: Page,
                                                                 server_url: str) -> None:
    open_map(page, server_url)
    page.check("#undated")
    assert page.locator(".event-cluster").count() == 1  # the Namtu clash and shelling
    assert page.locator(".event-cluster").get_attribute("data-count") == "2"
    assert assert_every_marker_is_clickable(page) == 3


def test_the_events_table_filters_with_the_map(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    assert sorted(table_places(page)) == ["Mansan", "Namtu"]
    set_view(page, "[23.2, 97.5], 13, {animate: false}")  # Mansan only
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 1")
    assert table_places(page) == ["Mansan"]
    assert page.locator("#list-caption").inner_text().startswith("1 of 2 shown events")
    set_view(page, "[23.15, 97.45], 10, {animate: false}")
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 2")
    page.uncheck(".type-filter[data-type='Battles']")
    assert table_places(page) == ["Mansan"]
    assert page.locator(".event-marker[data-type='Battles']").count() == 0
    page.check(".type-filter[data-type='Battles']")
    move_slider_to(page, date(2025, 7, 20))  # the strike of July 25 is not yet
    assert table_places(page) == ["Namtu"]
    page.locator("#events-table tbody tr").first.click()
    page.wait_for_selector("#detail blockquote.evidence")
    assert page.locator("#events-table tr.selected").count() == 1


@pytest.fixture(scope="module")
def mogok_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two dispatches on one town, spelled "Mogok" (the town) and "Mogoke" (its township)."""
    folder = tmp_path_factory.mktemp("spellings")
    db = folder / "spellings.db"
    with Store.open(str(db)) as store:
        for extraction in two_spellings_extractions():
            store.save(extraction)
    server, url = start_server(db, folder / "serve.log")
    yield url
    server.terminate()
    server.wait(timeout=10)


POINTS = "() => [...state.markers.values()].map((m) => [m.getLatLng().lat, m.getLatLng().lng])"


def test_two_spellings_of_a_town_are_one_place_on_the_map(page: Page, mogok_url: str) -> None:
    open_map(page, mogok_url)
    rings = page.locator(".control-icon")
    assert rings.count() == 1  # one town, one ring
    key = rings.get_attribute("data-place-key")
    assert key and key.startswith("MIMU ")
    points = page.evaluate(POINTS)
    assert len(points) == 2 and points[0] == points[1]  # both events at the town's point
    ring = page.evaluate("() => state.controlLayer.getLayers().map((m) => "
                         "[m.getLatLng().lat, m.getLatLng().lng])")
    assert ring == [points[0]]
    assert table_places(page) == ["Mogoke", "Mogoke"]  # the gazetteer's spelling
    assert assert_every_marker_is_clickable(page) == 2
    assert {page.get_attribute(f".event-marker[data-event-id='{ident}']", "data-place-key")
            for ident in page.evaluate("[...state.markers.keys()]")} == {key}
    rings.click()
    page.wait_for_selector("#holder")
    assert page.locator("#detail h2").first.inner_text() == "Mogoke"
    assert page.locator("#detail .source").count() == 2  # both spellings' captures


SHARED = Path(__file__).resolve().parents[2] / "shared"
SHARED_TEXTS = SHARED / "texts"


def ingest_and_serve(folder: Path, files: list[Path]) -> tuple[subprocess.Popen[bytes], str]:
    """`sitrep serve` over a database that `sitrep ingest` made from ``files``."""
    db = folder / "ingested.db"
    sitrep = Path(sys.executable).with_name("sitrep")
    env = {**os.environ, "SITREP_CONFIG": str(folder / "none.toml")}
    subprocess.run([str(sitrep), "ingest", *map(str, files), "--db", str(db)], check=True,
                   env=env, capture_output=True, timeout=600)
    return start_server(db, folder / "serve.log")


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`sitrep serve` over 20 articles of ``../shared/corpus`` as `sitrep ingest` stores them."""
    articles = sorted((SHARED / "corpus").glob("art*.txt"))[:20]
    if len(articles) < 20:
        pytest.skip("../shared/corpus is not there")
    server, url = ingest_and_serve(tmp_path_factory.mktemp("corpus"), articles)
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_every_corpus_marker_is_clickable_at_the_opening_zoom(page: Page,
                                                              corpus_url: str) -> None:
    open_map(page, corpus_url)
    bounds = page.evaluate("state.map.getBounds().toBBoxString()").split(",")
    west, south, east, north = map(float, bounds)
    assert east - west < 10 and north - south < 10  # a theatre, not three continents
    assert assert_every_marker_is_clickable(page) >= 40


def test_reference_towns_are_labelled_by_zoom_with_no_request_leaving_loopback(
        page: Page, requested: list[str], corpus_url: str) -> None:
    open_map(page, corpus_url)
    page.wait_for_selector("body[data-reference-places]", timeout=120_000)  # built on first use
    page.uncheck("#towns")
    page.wait_for_function("document.querySelectorAll('.ref-place').length === 0")
    page.check("#towns")
    page.wait_for_selector(".ref-place")
    set_view(page, "[22.2, 96.8], 8, {animate: false}")
    page.wait_for_selector("body[data-reference-zoom='8']")
    names = set(page.locator(".ref-place").evaluate_all("els => els.map((e) => e.dataset.name)"))
    kinds = set(page.locator(".ref-place").evaluate_all("els => els.map((e) => e.dataset.kind)"))
    assert len(names) >= 5 and "village" not in kinds
    set_view(page, "[22.32, 96.93], 12, {animate: false}")  # near Nawnghkio
    page.wait_for_selector("body[data-reference-zoom='12']")
    kinds = set(page.locator(".ref-place").evaluate_all("els => els.map((e) => e.dataset.kind)"))
    assert "village" in kinds
    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}
    assert any("/api/reference/places" in url for url in requested)


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`sitrep serve` over a database made by `sitrep ingest` from the two seed articles."""
    seeds = [SHARED_TEXTS / f"seed00{i}.txt" for i in (0, 1)]
    server, url = ingest_and_serve(tmp_path_factory.mktemp("seeds"), seeds)
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_seeds_show_nawnghkio_retaken_by_the_military(page: Page, requested: list[str],
                                                       seeds_url: str) -> None:
    open_map(page, seeds_url)
    assert page.input_value("#day") >= "2025-08-07"  # seed001's publication day is in range
    assert page.locator("#banner").is_hidden()
    assert page.evaluate("state.markers.size") >= 3
    move_slider_to(page, date(2025, 6, 15))
    june = town(page, "Nawnghkio")
    move_slider_to(page, date(2025, 8, 7))
    august = town(page, "Nawnghkio")
    assert "TNLA" in june["holder"]
    assert "Military" in august["holder"]
    assert june["colour"] != august["colour"]
    page.locator(".control-icon[data-place='Nawnghkio']").click()
    page.wait_for_selector("#detail blockquote.evidence")
    assert any("Nawnghkio" in e for e in page.locator("#detail blockquote").all_inner_texts())
    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}


def test_every_seed_marker_is_clickable_at_the_opening_zoom(page: Page, seeds_url: str) -> None:
    open_map(page, seeds_url)
    assert assert_every_marker_is_clickable(page) >= 3


def test_screenshot_of_the_corpus_map(page: Page, requested: list[str], corpus_url: str) -> None:
    """The docs' screenshot: 20 corpus articles at the opening view, the largest cluster spread."""
    open_map(page, corpus_url)
    page.wait_for_selector("body[data-reference-places]", timeout=120_000)
    biggest = page.evaluate("""() => {
      let best = null;
      state.eventLayer.eachLayer((m) => { const p = visibleParent(m);
        if (p && p !== m && (!best || p.getChildCount() > best.getChildCount())) best = p; });
      return best && best.getAllChildMarkers()[0].options.eventId; }""")
    if biggest:
        spot = page.evaluate(LOCATE, biggest)
        page.mouse.click(spot["x"], spot["y"])
        assert not page.evaluate(LOCATE, biggest)["cluster"]
    assert page.locator("#events-table tbody tr").count() >= 10
    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
