"""Ingest: every input format, every kind of bad input, dates, language, page furniture."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import Rejected, document_id, parse_plain_text, read_path
from sitrep.ingest.boilerplate import boilerplate, strip_boilerplate
from sitrep.ingest.formats import detect_format, html_to_text
from sitrep.ingest.language import detect_language, language_data
from sitrep.model import Document

STORY = ("Rebel fighters seized the hill town of Lashkor on Monday after a week of heavy "
         "clashes with army troops, a rebel spokesman said on Tuesday.")
STORY_2 = ("Two civilians were killed when army artillery shells hit a market near the town, "
           "according to residents who fled to nearby villages.")

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Rebels seize Lashkor | Example Post</title>
<meta property="og:title" content="Rebels seize Lashkor">
<meta property="og:site_name" content="Example Post">
<meta property="og:url" content="https://example.org/news/lashkor">
<meta property="article:published_time" content="2025-03-05T08:00:00+00:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/about">About us</a></li></ul></nav></header>
<main><article><h1>Rebels seize Lashkor</h1>
<p>{STORY}</p><p>{STORY_2}</p>
<div><h4>Connect with us</h4><p>Follow us on Facebook and Twitter</p></div>
<aside><h3>Related</h3><ul><li><a href="/a">Army retakes border post in the south</a></li>
<li><a href="/b">Aid convoy reaches displaced families</a></li></ul></aside>
</article></main>
<footer><p>© 2025 Example Post. All rights reserved.</p></footer>
</body></html>
"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://e.org</link>
<item><title>Drone strike on market</title><link>https://e.org/d</link>
<pubDate>Tue, 06 May 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;A drone strike hit a market in Kupiansk on Monday.&lt;/p&gt;&lt;p&gt;Officials
said two people died.&lt;/p&gt;&lt;p&gt;The post Drone strike on market appeared first on
Example Wire.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://e.org/e</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Desk</title>
<entry><title>Convoy attacked</title><link href="https://s.org/1"/>
<updated>2024-11-02T09:00:00Z</updated>
<content type="html">&lt;p&gt;Gunmen attacked a supply convoy near Menaka,
killing four soldiers.&lt;/p&gt;</content>
</entry></feed>
"""


def _one(path: Path) -> Document | Rejected:
    [item] = list(read_path(path))
    return item


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# -- plain text -------------------------------------------------------------------


def test_plain_text_with_day_prefix_on_the_same_line(tmp_path: Path) -> None:
    doc = _one(_write(tmp_path, "a.txt", f" date 2025-03-04 {STORY}\n\n{STORY_2}\n"))
    assert isinstance(doc, Document)
    assert doc.published == date(2025, 3, 4) and doc.published_precision == "day"
    assert doc.text.startswith("Rebel fighters") and doc.text.endswith("villages.")
    assert doc.language == "en" and doc.path == str(tmp_path / "a.txt")
    assert doc.id == document_id(doc.text)


def test_plain_text_with_month_prefix_and_repeated_dateline() -> None:
    doc = parse_plain_text(f" date 2024-10\ndate 2024-10 {STORY}")
    assert doc.published == date(2024, 10, 1) and doc.published_precision == "month"
    assert doc.text == STORY


def test_undated_text_takes_its_dateline_or_stays_undated() -> None:
    assert parse_plain_text(STORY).published is None
    dated = parse_plain_text(f"March 3, 2025\n\n{STORY}")
    assert dated.published == date(2025, 3, 3)


def test_id_ignores_whitespace_differences() -> None:
    assert parse_plain_text(STORY).id == parse_plain_text("  " + STORY.replace(" ", "\n  ")).id
    assert parse_plain_text(STORY).id != parse_plain_text(STORY_2).id


# -- HTML ---------------------------------------------------------------------------


def test_html_main_text_and_metadata_without_page_furniture(tmp_path: Path) -> None:
    doc = _one(_write(tmp_path, "page.html", PAGE))
    assert isinstance(doc, Document)
    assert doc.text == f"{STORY}\n{STORY_2}"
    assert doc.title == "Rebels seize Lashkor"
    assert doc.url == "https://example.org/news/lashkor"
    assert doc.source == "Example Post"
    assert doc.published == date(2025, 3, 5) and doc.published_precision == "day"


def test_html_is_recognised_by_content_whatever_the_suffix(tmp_path: Path) -> None:
    doc = _one(_write(tmp_path, "saved-page.txt", PAGE))
    assert isinstance(doc, Document) and doc.text.startswith("Rebel fighters")


def test_strip_boilerplate_keeps_article_sentences() -> None:
    text = "\n".join([
        "Related", "spot_img", STORY, "Share this article on Facebook", STORY_2,
        "Read more:", "Army retakes border post", "Aid convoy reaches families",
    ])
    assert strip_boilerplate(text) == f"{STORY}\n{STORY_2}"
    sentence = "Tags were found on the bodies, residents said."
    assert strip_boilerplate(sentence) == sentence


# -- JSON Lines -------------------------------------------------------------------


def test_json_lines_each_line_a_document_and_a_broken_line_rejected(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://e.org/1", "title": "One", "date": "2025-03-02",
                    "text": STORY, "source": "Wire"}),
        '{"text": "unterminated',
        json.dumps({"text": STORY_2, "date": "2025-05"}),
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Fighting near Bara.", "date": "last week"}),
    ]
    items = list(read_path(_write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")))
    assert [type(i).__name__ for i in items] == [
        "Document", "Rejected", "Document", "Rejected", "Rejected"]
    first, broken, third, no_text, bad_date = items
    assert isinstance(first, Document) and isinstance(third, Document)
    assert (first.url, first.title, first.source) == ("https://e.org/1", "One", "Wire")
    assert first.published == date(2025, 3, 2)
    assert third.published == date(2025, 5, 1) and third.published_precision == "month"
    assert isinstance(broken, Rejected) and broken.reason.startswith("line 2: not valid JSON")
    assert broken.path.endswith("feed.jsonl:2") and broken.kind == "malformed JSON line"
    assert isinstance(no_text, Rejected) and "line 4" in no_text.reason
    assert isinstance(bad_date, Rejected) and "last week" in bad_date.reason


def test_pretty_printed_json_list_of_records(tmp_path: Path) -> None:
    records = [{"text": STORY}, {"text": STORY_2, "title": "Two"}]
    items = list(read_path(_write(tmp_path, "batch.json", json.dumps(records, indent=2))))
    assert [i.text for i in items if isinstance(i, Document)] == [STORY, STORY_2]


# -- feeds --------------------------------------------------------------------------


def test_rss_entries_are_documents_with_their_dates(tmp_path: Path) -> None:
    first, empty = list(read_path(_write(tmp_path, "wire.rss", FEED)))
    assert isinstance(first, Document)
    assert first.text == ("A drone strike hit a market in Kupiansk on Monday.\n"
                          "Officials said two people died.")
    assert first.published == date(2025, 5, 6) and first.source == "Example Wire"
    assert first.title == "Drone strike on market" and first.url == "https://e.org/d"
    assert isinstance(empty, Rejected) and empty.reason == "entry 2: no text"


def test_atom_feed_detected_by_content(tmp_path: Path) -> None:
    doc = _one(_write(tmp_path, "sahel.xml", ATOM))
    assert isinstance(doc, Document)
    assert doc.published == date(2024, 11, 2) and doc.source == "Sahel Desk"
    assert "Menaka" in doc.text and "<p>" not in doc.text


def test_html_fragment_to_text() -> None:
    assert html_to_text("<p>One <b>bold</b> line.</p><p>Two.<script>x()</script></p>") == (
        "One bold line.\nTwo.")
    assert html_to_text("plain") == "plain"


# -- bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "kind", "reason"), [
    ("empty.txt", b"", "empty", "empty file"),
    ("blank.txt", b"  \n\n ", "empty", "empty file"),
    ("only-date.txt", b" date 2025-01-02\n", "empty", "empty document"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00", "binary", "binary file"),
    ("nul.txt", b"abc\x00def", "binary", "binary file"),
    ("latin1.txt", "café au lait".encode("latin-1"), "encoding", "not UTF-8"),
    ("table.csv", b"a,b\n1,2\n", "unknown format", "unknown format '.csv'"),
    ("notes.xml", b"<notes><n>hi</n></notes>", "malformed feed", "XML but not"),
    ("broken.rss", b"<rss><channel><item><title>x</ti", "malformed feed", "malformed feed"),
    ("markup.html", b"<html><body><div></div></body></html>", "malformed HTML", "no article"),
    ("bad-date.txt", b" date 2025-13-40 Fighting.", "bad date", "does not exist"),
    ("bom-only.txt", b"\xef\xbb\xbf \n", "empty", "empty file"),
    ("utf16-blank.txt", "\ufeff  ".encode("utf-16-le"), "empty", "empty file"),
])
def test_bad_input_is_one_rejected_line(tmp_path: Path, name: str, content: bytes, kind: str,
                                        reason: str) -> None:
    item = _one(_write(tmp_path, name, content))
    assert isinstance(item, Rejected), item
    assert item.kind == kind and reason in item.reason
    assert "\n" not in item.reason


def test_utf16_text_with_bom_is_read(tmp_path: Path) -> None:
    doc = _one(_write(tmp_path, "windows.txt", ("\ufeff" + STORY).encode("utf-16-le")))
    assert isinstance(doc, Document) and doc.text == STORY


def test_a_folder_note_named_explicitly_is_read(tmp_path: Path) -> None:
    doc = _one(_write(tmp_path, "ABOUT", STORY))
    assert isinstance(doc, Document) and doc.text == STORY


def test_a_parser_crash_is_a_rejection_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.ingest import formats

    def crash(*_args: object) -> Iterator[Document]:
        raise KeyError("surprise")
        yield  # a generator, like the real parsers

    monkeypatch.setitem(formats.PARSERS, "text", crash)
    item = _one(_write(tmp_path, "odd.txt", STORY))
    assert isinstance(item, Rejected)
    assert item.reason == "cannot read as text: KeyError: 'surprise'"


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    item = _one(tmp_path / "nowhere.txt")
    assert isinstance(item, Rejected) and item.reason == "no such file or folder"


def test_folder_is_walked_sorted_and_recursive_without_hidden_files(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", STORY_2)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "a.txt", STORY)
    _write(tmp_path, ".DS_Store", b"\x00\x01")
    _write(tmp_path, "README.md", "These are sample articles.")
    _write(tmp_path / "sub", "LICENSE", "Licensed to you.")
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".git", "HEAD", "ref: refs/heads/main")
    paths = [i.path for i in read_path(tmp_path)]
    assert paths == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]


def test_format_detection() -> None:
    assert detect_format(".txt", STORY) == "text"
    assert detect_format("", "<rss version='2.0'><channel>") == "feed"
    assert detect_format(".dat", '{"text": "x"}') == "jsonl"
    assert detect_format(".htm", "<p>hello</p>") == "html"


# -- language -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language"), [
    (STORY, "en"),
    ("Les rebelles ont pris la ville de Ménaka selon des sources locales et la presse.", "fr"),
    ("Las fuerzas del ejército tomaron el control de la ciudad según los vecinos.", "es"),
    ("Die Armee hat die Stadt nach schweren Kämpfen wieder unter Kontrolle gebracht.", "de"),
    ("စစ်ကောင်စီတပ်များသည် မိုးကုတ်မြို့ကို ပြန်လည်သိမ်းယူရန် ထိုးစစ်ဆင်နေသည်။", "my"),
    ("قالت قوات الدعم السريع إنها سيطرت على مدينة بارا في شمال كردفان", "ar"),
    ("Російські війська обстріляли Куп'янськ, є загиблі та поранені.", "uk"),
    ("Российские войска заявили о взятии деревни под Купянском.", "ru"),
    ("12345 678", "und"),
])
def test_language_guess(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_non_english_text_is_stored_and_marked(tmp_path: Path) -> None:
    text = "Les rebelles ont pris la ville de Ménaka selon des sources locales et la presse."
    doc = _one(_write(tmp_path, "fr.txt", text))
    assert isinstance(doc, Document) and doc.language == "fr"


# -- data files ---------------------------------------------------------------------


def test_language_data_is_clean() -> None:
    data = language_data()
    for lang, words in data.stopwords.items():
        assert len(lang) == 2 and all(w == w.lower().strip() and w for w in words), lang
    for ranges in data.scripts.values():
        assert all(lo < hi for lo, hi in ranges)


def test_boilerplate_data_is_clean() -> None:
    from importlib import resources

    import yaml

    raw = yaml.safe_load(resources.files("sitrep.ingest").joinpath(
        "data/boilerplate.yaml").read_text("utf-8"))
    headings = [h.lower() for h in raw["tail_headings"]]
    assert len(headings) == len(set(headings)), "duplicate tail heading"
    assert len(raw["lines"]) == len(set(raw["lines"])), "duplicate line pattern"
    assert len(boilerplate().lines) == len(raw["lines"])
