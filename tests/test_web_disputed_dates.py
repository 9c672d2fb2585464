"""The map page lists a capture dated differently, with each report's date and source.

The invented dispatches of ``test_export_disputed_dates`` go through `sitrep ingest`
into a store that the real `sitrep serve` serves to Debian's Chromium (Playwright),
as in ``test_browser``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from test_browser import browser, open_map, page, start_server  # noqa: F401 (fixtures)
from test_export_disputed_dates import DISPATCHES, run

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def disputed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("disputed-browser")
    articles = folder / "dispatches.jsonl"
    articles.write_text("".join(json.dumps(d) + "\n" for d in DISPATCHES), encoding="utf-8")
    db = folder / "sitrep.db"
    run("ingest", "--db", str(db), str(articles))
    server, url = start_server(db, folder / "serve.log")
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_the_panel_lists_the_disputed_date_and_leads_to_the_event(
        page: Page, disputed_url: str) -> None:  # noqa: F811 (the imported fixture)
    open_map(page, disputed_url)
    lines = page.locator("#conflicts li.date-conflict")
    assert lines.count() == 2  # the event, and the control timeline's steps
    disputed = lines.filter(has_text="Date disputed")
    assert disputed.count() == 1
    text = disputed.inner_text()
    assert "Non-state actor overtakes territory at Hsipaw" in text
    assert "2024-07-16" in text and "Hill Post" in text
    assert "2024-07-23" in text and "Valley Daily" in text
    assert "Namhsan" not in page.locator("#conflicts").inner_text()  # two clashes, no dispute

    disputed.locator("button").click()
    page.wait_for_selector("#detail #date-disputed")
    shown = page.locator("#date-disputed").inner_text()
    assert "2024-07-16 (Hill Post)" in shown and "2024-07-23 (Valley Daily)" in shown
    own = page.locator("#detail .source .meta", has_text="dated in this source").all_inner_texts()
    assert sorted(own) == ["dated in this source: 2024-07-16 (“on July 16, 2024”)",
                           "dated in this source: 2024-07-23 (“on July 23, 2024”)"]


def test_the_timeline_dispute_leads_to_the_town(page: Page,  # noqa: F811
                                                disputed_url: str) -> None:
    open_map(page, disputed_url)
    line = page.locator("#conflicts li.date-conflict").filter(has_text="took Hsipaw")
    line.locator("button").click()
    page.wait_for_selector("#detail #holder")
    assert page.locator("#detail h2").first.inner_text() == "Hsipaw"
