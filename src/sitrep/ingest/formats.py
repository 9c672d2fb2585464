"""Input formats: plain text, HTML pages, JSON Lines and RSS/Atom feeds.

``read_file`` decodes a file, detects its format from its content and suffix
and yields one ``Document`` per article it holds, or a ``Rejected`` with a
one-line reason for the file (or the line, or the feed entry) that is bad.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.ingest.boilerplate import strip_boilerplate
from sitrep.ingest.documents import (
    NO_METADATA,
    Metadata,
    Precision,
    Rejected,
    make_document,
    parse_date,
    parse_plain_text,
)
from sitrep.ingest.sidecar import metadata_for
from sitrep.model import Document

Item = Document | Rejected
#: (text, where, what the folder's sidecar says) -> items
Parser = Callable[[str, str, Metadata], Iterator[Item]]

SUFFIX_FORMATS: dict[str, str] = {
    "": "text", ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
#: leading bytes of common binary formats (documents, images, archives)
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_FEED = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")
_HTML = re.compile(r"<(!doctype html|html|head|body|article|p|div)[\s>/]")
#: share of control characters above which a file is not text
_CONTROL_SHARE = 0.05
#: fewer letters than this in extracted HTML text: nothing worth reading
_MIN_LETTERS = 20
#: one article (a text or HTML file, a JSON record) longer than this is a dump, not an
#: article: reading it would take minutes and a gigabyte; real reports are far shorter
MAX_ARTICLE_CHARS = 5_000_000


def read_file(path: Path) -> Iterator[Item]:
    """The documents in one file; a bad file, line or entry becomes a ``Rejected``."""
    where = str(path)
    try:
        text = decode(path.read_bytes())
        fmt = detect_format(path.suffix, text)
        if fmt in ("text", "html"):
            check_length(text)
    except InputError as exc:
        yield Rejected(where, str(exc), _kind(exc))
        return
    except OSError as exc:
        yield Rejected(where, f"cannot read: {exc.strerror or exc}", "unreadable")
        return
    try:
        yield from PARSERS[fmt](text, where, metadata_for(path))
    except Exception as exc:  # a parser bug on one odd file must not end the batch
        reason = " ".join(f"cannot read as {fmt}: {type(exc).__name__}: {exc}".split())[:300]
        yield Rejected(where, reason, "unreadable")


def check_length(text: str) -> None:
    """Raise ``InputError`` for a text too long to be one article."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"too long for one article ({len(text):,} characters, at most "
                         f"{MAX_ARTICLE_CHARS:,}): split it into articles")


def decode(raw: bytes) -> str:
    """UTF-8 text of a file; raises ``InputError`` for empty, binary or non-UTF-8 input."""
    if not raw.strip():
        raise InputError("empty file")
    if raw.startswith(_UTF16_BOMS):  # "Unicode" text as some Windows editors save it
        return _nonempty(_decoded(raw, "utf-16"))
    if raw.startswith(_MAGIC) or b"\x00" in raw[:8192]:
        raise InputError("binary file, not text")
    text = _nonempty(_decoded(raw, "utf-8-sig"))
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control / min(len(text), 8192) > _CONTROL_SHARE:
        raise InputError("binary file, not text")
    return text


def _decoded(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (bad byte at offset {exc.start}): save it as UTF-8") from None


def _nonempty(text: str) -> str:
    if not text.strip():
        raise InputError("empty file")
    return text


def detect_format(suffix: str, text: str) -> str:
    """``text``, ``html``, ``jsonl`` or ``feed``: markup in the content wins over the suffix."""
    by_suffix = SUFFIX_FORMATS.get(suffix.lower())
    head = text.lstrip()[:4000].lower()
    if head.startswith("<"):
        if _FEED.search(head):
            return "feed"
        if _HTML.search(head) and by_suffix != "feed":
            return "html"
        if by_suffix == "feed":
            raise InputError("XML but not an RSS or Atom feed")
    if by_suffix is None:
        if head.startswith("{"):
            return "jsonl"
        known = ", ".join(sorted(s for s in SUFFIX_FORMATS if s))
        raise InputError(f"unknown format {suffix!r}: sitrep reads {known} files")
    return by_suffix


def _kind(exc: InputError) -> str:
    """The summary group of a rejection, from the start of its message."""
    message = str(exc)
    for prefix, kind in _KINDS:
        if message.startswith(prefix):
            return kind
    return "unreadable"


_KINDS: tuple[tuple[str, str], ...] = (
    ("empty", "empty"), ("no text", "empty"), ("binary", "binary"), ("not UTF-8", "encoding"),
    ("unknown format", "unknown format"), ("XML", "malformed feed"), ("date", "bad date"),
    ("too long", "too long"),
)


# -- plain text -------------------------------------------------------------------


def parse_text(text: str, where: str, fallback: Metadata = NO_METADATA) -> Iterator[Item]:
    try:
        yield parse_plain_text(text, where, fallback)
    except InputError as exc:
        yield Rejected(where, str(exc), _kind(exc))


# -- HTML -------------------------------------------------------------------------


def parse_html(text: str, where: str, fallback: Metadata = NO_METADATA) -> Iterator[Item]:
    """The main text and metadata of a web page (trafilatura), without page furniture."""
    try:
        yield _html_document(text, where, fallback)
    except InputError as exc:
        yield Rejected(where, str(exc), "malformed HTML")


def _html_document(text: str, where: str, fallback: Metadata) -> Document:
    import trafilatura

    try:
        page = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                           include_tables=False)
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        raise InputError(f"malformed HTML: {type(exc).__name__}: {exc}") from None
    body = strip_boilerplate(getattr(page, "text", None) or "")
    title = getattr(page, "title", None)
    body = _without_leading_title(body, title)
    if sum(ch.isalpha() for ch in body) < _MIN_LETTERS or "<" in body[:1] + body[-1:]:
        raise InputError("malformed HTML: no article text found")
    published, precision = _optional_date(getattr(page, "date", None))
    return make_document(
        body, path=where, title=title, url=getattr(page, "url", None),
        source=getattr(page, "sitename", None) or getattr(page, "hostname", None),
        published=published, precision=precision, fallback=fallback,
    )


def _without_leading_title(body: str, title: str | None) -> str:
    """The headline is metadata: drop it when it is the first line of the text."""
    first, _, rest = body.partition("\n")
    if title and first.strip().lower() == title.strip().lower() and rest.strip():
        return rest.strip()
    return body


def _optional_date(value: Any) -> tuple[date | None, Precision | None]:
    if not isinstance(value, str) or not value.strip():
        return None, None
    try:
        return parse_date(value)
    except InputError:
        return None, None


# -- JSON Lines -------------------------------------------------------------------


def parse_jsonl(text: str, where: str, _fallback: Metadata = NO_METADATA) -> Iterator[Item]:
    """One document per line (``text`` required; ``url``, ``title``, ``date``, ``source``)."""
    whole = _whole_json(text)
    if whole is not None:
        records = whole if isinstance(whole, list) else [whole]
        for number, record in enumerate(records, 1):
            yield _record_item(record, f"{where}:{number}", f"record {number}")
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _json_line_item(line, where, number)


def _whole_json(text: str) -> Any:
    """A file that is one JSON value (pretty-printed object, or a list of records)."""
    stripped = text.strip()
    if "\n" not in stripped or not stripped.startswith(("{", "[")):
        return None
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        return None


def _json_line_item(line: str, where: str, number: int) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(f"{where}:{number}", f"line {number}: not valid JSON ({exc.msg})",
                        "malformed JSON line")
    return _record_item(record, f"{where}:{number}", f"line {number}")


def _record_item(record: Any, path: str, label: str) -> Item:
    try:
        return _record_document(record, path)
    except InputError as exc:
        return Rejected(path, f"{label}: {exc}", "malformed JSON line")


def _record_document(record: Any, path: str) -> Document:
    if not isinstance(record, dict):
        raise InputError("not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError('no "text" field with the article text')
    check_length(body)
    url, title, source = (_text_field(record, k) for k in ("url", "title", "source"))
    published, precision = None, None
    if record.get("date"):
        published, precision = parse_date(str(record["date"]))
    return make_document(body, path=path, published=published, precision=precision,
                         url=url, title=title, source=source)


def _text_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f'"{key}" must be a string')
    return value


# -- RSS / Atom -------------------------------------------------------------------


def parse_feed(text: str, where: str, _fallback: Metadata = NO_METADATA) -> Iterator[Item]:
    """One document per feed entry: its full content, or else its summary, as text."""
    import feedparser

    feed = feedparser.parse(text)
    source = feed.feed.get("title")
    items = [_entry_item(entry, source, f"{where}:{number}", number)
             for number, entry in enumerate(feed.entries, 1)]
    if feed.bozo and not any(isinstance(item, Document) for item in items):
        reason = " ".join(str(feed.get("bozo_exception", "unreadable XML")).split())
        yield Rejected(where, f"malformed feed: {reason}", "malformed feed")
    elif not items:
        yield Rejected(where, "feed has no entries", "empty")
    else:
        yield from items


def _entry_item(entry: Any, source: str | None, path: str, number: int) -> Item:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    markup = max(contents, key=len) if contents else entry.get("summary", "")
    body = strip_boilerplate(html_to_text(markup))
    if not body:
        return Rejected(path, f"entry {number}: no text", "empty")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    return make_document(body, path=path, title=entry.get("title"), url=entry.get("link"),
                         source=source, published=published, precision="day" if stamp else None)


_BLOCK = re.compile(r"(?i)<\s*(br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*/?>")


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry), one line per paragraph."""
    import lxml.html

    if "<" not in markup:
        return markup.strip()
    try:
        flat = " ".join(markup.split())  # line breaks in markup are not paragraph breaks
        root = lxml.html.fromstring(_BLOCK.sub(lambda m: m.group(0) + "\n", flat))
    except Exception:  # lxml raises ParserError or ValueError on an empty or odd fragment
        return ""
    for junk in root.xpath("//script|//style"):
        junk.drop_tree()
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


PARSERS: dict[str, Parser] = {
    "text": parse_text, "html": parse_html, "jsonl": parse_jsonl, "feed": parse_feed,
}
