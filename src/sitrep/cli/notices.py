"""What a batch or a database lacks, said in words: undated and non-English articles.

``sitrep ingest`` prints these after its summary and ``sitrep status`` after its
counts, so that an empty column or a missing event has a visible reason.
"""

from __future__ import annotations

from collections.abc import Mapping

from sitrep.batch import ENGLISH_OR_UNKNOWN, BatchSummary
from sitrep.store import Store

DATE_HINT = ("give a date with --published YYYY-MM-DD (for the batch), a 'date' column "
             "in the folder's SOURCES.tsv, a 'date' field in JSON Lines, a first line "
             "'date YYYY-MM-DD' in plain text, or the page's or feed's own date")


def batch_notices(summary: BatchSummary) -> list[str]:
    """Warnings for the articles a batch stored without a date or not in English."""
    lines = []
    if summary.undated:
        lines.append(undated_notice(summary.undated, summary.stored))
    if summary.not_english:
        lines.append(language_notice(summary.not_english, summary.not_english_events))
    return lines


def store_notices(store: Store) -> list[str]:
    """The same warnings for everything the database holds."""
    languages = store.languages()
    total = sum(languages.values())
    other = {code: n for code, n in languages.items() if code not in ENGLISH_OR_UNKNOWN}
    lines = []
    undated = store.undated_documents()
    if undated:
        lines.append(undated_notice(undated, total))
    if other:
        lines.append(language_notice(other, None))
    return lines


def undated_notice(undated: int, total: int) -> str:
    return (f"sitrep: warning: {undated} of {total} article(s) have no publication date, "
            f"so their events have no date (hint: {DATE_HINT})")


def language_notice(languages: Mapping[str, int], events: int | None) -> str:
    """``N article(s) not in English (fr 1, my 1): …`` with the events found in them."""
    count = sum(languages.values())
    which = ", ".join(f"{code or 'unknown'} {n}" for code, n in sorted(languages.items()))
    found = ("no events extracted" if events == 0 else
             f"only {events} event(s) extracted" if events else "events likely missing")
    return (f"sitrep: warning: {count} article(s) not in English ({which}): {found} "
            "(sitrep reads English only; translate them first)")
