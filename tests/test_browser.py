"""The map page in a real browser: Debian's Chromium driven by Playwright against `sitrep serve`.

The server is the real command, started as a subprocess on a free port. Most tests
use a database of hand-built extractions of two invented dispatches
(``sitrep.web.fixtures``), so they check the page, not the extraction; the last one
serves the two seed articles as `sitrep ingest` stores them, and takes the screenshot
the docs show.
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

from sitrep.store import Store
from sitrep.web.fixtures import ARMY, REBELS, sample_extractions

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


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "fixtures.db"
    with Store.open(str(db)) as store:
        for extraction in sample_extractions():
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


def test_markers_and_towns_appear(page: Page, server_url: str) -> None:
    open_map(page, server_url)
    assert page.locator(".event-marker").count() == 2
    assert page.locator(".control-icon").count() == 2
    assert page.locator("#counts").inner_text() == "2 of 2 events"
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


SHARED_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "texts"


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`sitrep serve` over a database made by `sitrep ingest` from the two seed articles."""
    folder = tmp_path_factory.mktemp("seeds")
    db = folder / "seeds.db"
    sitrep = Path(sys.executable).with_name("sitrep")
    seeds = [str(SHARED_TEXTS / f"seed00{i}.txt") for i in (0, 1)]
    env = {**os.environ, "SITREP_CONFIG": str(folder / "none.toml")}
    subprocess.run([str(sitrep), "ingest", *seeds, "--db", str(db)], check=True, env=env,
                   capture_output=True, timeout=600)
    server, url = start_server(db, folder / "serve.log")
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_seeds_show_nawnghkio_retaken_by_the_military(page: Page, requested: list[str],
                                                       seeds_url: str) -> None:
    open_map(page, seeds_url)
    assert page.input_value("#day") >= "2025-08-07"  # seed001's publication day is in range
    assert page.locator("#banner").is_hidden()
    assert page.locator(".event-marker").count() >= 3
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
    page.evaluate("state.map.setView([22.65, 97.1], 8, {animate: false})")  # northern Shan
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
