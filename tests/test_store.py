"""The store: round trip of every model field, transactions, migrations, counts, reviews."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

import sitrep.store.rows as store_rows
from sitrep.errors import StoreError
from sitrep.model import (
    Claim,
    ControlChange,
    DateInterval,
    Document,
    Event,
    Extraction,
    Place,
    Span,
)
from sitrep.store import Store, database_url, event_id, schema
from sitrep.store.migrations import HEAD, migrate

TEXT = ("Rebel fighters seized the hill town of Lashkor on 3 March after a week of clashes "
        "with army troops, a spokesman said. Two civilians were killed by shelling. "
        "The army denied losing the town.")


def _span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment), fragment)


def _extraction(doc_id: str = "doc-1", text: str = TEXT) -> Extraction:
    town = Place(mention="Lashkor", name="Lashkor", kind="town", admin1="Northern Hills",
                 country="Examplestan", lat=21.5, lon=97.25, coord_source="test",
                 uncertainty_km=2.0, geo_precision=1, near=["Hill Pass"], estimated=True,
                 gazetteer_id="g-1", why="only candidate", spans=[_span("Lashkor")])
    camp = Place(mention="an army camp", name="Army camp near Lashkor", geo_precision=2)
    when = DateInterval(date(2025, 3, 3), date(2025, 3, 3), "on 3 March", 1,
                        _span("on 3 March"))
    battle = Event(
        event_type="Battles", sub_event_type="Non-state actor overtakes territory",
        actor1="Hill Rebels", actor2="Army", assoc_actors=["Militia A", "Militia B"],
        date=when, location=town, near=["Hill Pass"], geo_precision=1, fatalities=2,
        injured=None, weapons=["artillery"], status="attributed", source="spokesman",
        background=False, optional=True, evidence=[_span("Rebel fighters seized")],
        confidence=0.75, component="events.test", notes="a note",
        flags=["place not geocoded"])
    shelling = Event(event_type="Explosions/Remote violence", sub_event_type="Shelling",
                     actor1="Army", location=camp, evidence=[_span("killed by shelling")])
    control = ControlChange(place="Lashkor", to_actor="Hill Rebels", how="captured",
                            from_actor="Army", admin1="Northern Hills", date=when,
                            evidence=[_span("seized the hill town")])
    claim = Claim(text="The army denied losing the town.", claimant="Army", status="denied",
                  about="Lashkor", evidence=[_span("The army denied losing the town.")])
    doc = Document(id=doc_id, text=text, source="Example Post", url="https://example.org/a",
                   title="Rebels take Lashkor", published=date(2025, 3, 5),
                   published_precision="day", language="en", path="/tmp/a.txt")
    return Extraction(document=doc, events=[battle, shelling], control=[control],
                      places=[town], claims=[claim], flags=["checked"])


def _backends() -> list[str]:
    backends = ["sqlite"]
    if os.environ.get("SITREP_TEST_PG_URL"):
        backends.append("postgresql")
    return backends


@pytest.fixture(params=_backends())
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = str(tmp_path / "test.db")
    else:
        url = os.environ["SITREP_TEST_PG_URL"]
        _drop_everything(url)
    with Store.open(url) as opened:
        yield opened


def _drop_everything(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        schema.metadata.drop_all(conn)
    engine.dispose()


def test_round_trip_keeps_every_field(store: Store) -> None:
    original = _extraction()
    assert store.save(original) is True
    [loaded] = store.load_extractions()
    assert loaded == original
    assert loaded.to_gold_dict() == original.to_gold_dict()


def test_same_document_twice_stores_nothing_new(store: Store) -> None:
    assert store.save(_extraction()) is True
    before = store.counts()
    assert store.save(_extraction()) is False
    assert store.counts() == before
    assert store.document_ids() == ["doc-1"]
    assert store.has_document("doc-1") and not store.has_document("doc-2")


def test_failure_mid_save_leaves_nothing_of_that_document(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(_extraction("kept"))
    before = store.counts()

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full in the middle")

    monkeypatch.setattr(store_rows, "claim_row", broken)  # claims are written last
    with pytest.raises(RuntimeError):
        store.save(_extraction("lost"))
    assert store.counts() == before
    assert not store.has_document("lost")


def test_database_error_is_a_one_line_store_error(store: Store) -> None:
    bad = _extraction("bad")
    bad.events[0].event_type = None  # type: ignore[assignment]  # violates NOT NULL
    with pytest.raises(StoreError, match="could not save document bad") as info:
        store.save(bad)
    assert "\n" not in str(info.value)
    assert not store.has_document("bad")


def test_counts_and_selective_load(store: Store) -> None:
    store.save(_extraction("a"))
    store.save(_extraction("b", TEXT + " More."))
    counts = store.counts()
    assert counts["documents"] == 2
    assert counts["events"] == 4
    assert counts["places"] == 4  # per document: the listed town and the unlisted camp
    assert counts["actors"] == 4  # Hill Rebels, Army, Militia A, Militia B
    assert counts["control_changes"] == 2 and counts["claims"] == 2
    assert counts["near_duplicates"] == 0
    [b] = store.load_extractions(["b"])
    assert b.document.id == "b" and len(b.events) == 2
    assert b.places[0].name == "Lashkor" and len(b.places) == 1
    assert b.events[1].location is not None and b.events[1].location.name.startswith("Army")


def test_event_location_shared_with_listed_place_is_one_row(store: Store) -> None:
    extraction = _extraction()
    store.save(extraction)
    [loaded] = store.load_extractions()
    assert loaded.events[0].location is loaded.places[0]


def test_event_ids_are_stable_and_reviews_point_at_them(store: Store) -> None:
    store.save(_extraction())
    ident = event_id("doc-1", 0)
    store.add_review(ident, "correct", field="event_type", value="Battles", note="checked")
    [review] = store.reviews()
    assert review["event_id"] == ident and review["field"] == "event_type"
    assert store.counts()["reviews"] == 1


def test_near_duplicate_link_and_signatures(store: Store) -> None:
    store.save(_extraction("orig"), minhash="00ff")
    copy = _extraction("copy", TEXT + " Republished.")
    copy.document.near_duplicate_of = "orig"
    store.save(Extraction(document=copy.document), minhash="00fe")
    assert list(store.signatures()) == [("orig", "00ff")]
    assert store.counts()["near_duplicates"] == 1
    originals = store.load_extractions(near_duplicates=False)
    assert [x.document.id for x in originals] == ["orig"]


def test_migrating_an_empty_database_gives_the_current_schema(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert migrate(engine) == HEAD
    assert migrate(engine) == HEAD  # a second open applies nothing
    found = inspect(engine)
    assert set(found.get_table_names()) == set(schema.metadata.tables)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name
    engine.dispose()


def test_plain_sqlite_file_readable_without_sitrep(tmp_path: Path) -> None:
    """What Datasette sees: plain tables, dates as ISO text, versions recorded."""
    path = tmp_path / "plain.db"
    with Store.open(str(path)) as store:
        store.save(_extraction())
    with sqlite3.connect(path) as conn:
        published, flags = conn.execute("select published, flags from documents").fetchone()
        versions = [v for (v,) in conn.execute("select version from schema_version")]
        event_date = conn.execute("select event_date from events where position = 0").fetchone()
    assert published == "2025-03-05" and flags == '["checked"]'
    assert versions == list(range(1, HEAD + 1))
    assert event_date == ("2025-03-03",)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("insert into schema_version values (?, 'later')", (HEAD + 1,))
    with pytest.raises(StoreError, match="upgrade sitrep"):
        Store.open(str(path))


def test_database_url_from_path_and_errors(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgresql://u@h/db") == "postgresql://u@h/db"
    with pytest.raises(StoreError, match="does not exist"):
        database_url(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(StoreError, match="cannot use database URL"):
        Store.open("nosuchdialect://x")


def test_steps_after_the_recorded_version_run_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An older database is brought up by the steps it lacks, once each, in order."""
    import sitrep.store.migrations as migrations

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine)
    ran: list[int] = []
    steps = (*migrations.STEPS, lambda _c: ran.append(HEAD + 1), lambda _c: ran.append(HEAD + 2))
    monkeypatch.setattr(migrations, "STEPS", steps)
    monkeypatch.setattr(migrations, "HEAD", len(steps))
    assert migrations.migrate(engine) == HEAD + 2
    assert migrations.migrate(engine) == HEAD + 2
    assert ran == [HEAD + 1, HEAD + 2]
    with engine.connect() as conn:
        assert migrations.current_version(conn) == HEAD + 2
    engine.dispose()


def _open_and_close(url: str) -> str:
    try:
        Store.open(url).close()
    except StoreError as exc:
        return str(exc)
    return "ok"


@pytest.mark.parametrize("backend", _backends())
def test_workers_opening_a_new_database_at_once_all_succeed(tmp_path: Path, backend: str) -> None:
    """Several worker processes migrate the same empty database at the same moment."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if backend == "sqlite":
        url = str(tmp_path / "fresh.db")
    else:
        url = os.environ["SITREP_TEST_PG_URL"]
        _drop_everything(url)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(4, mp_context=context) as pool:
        results = list(pool.map(_open_and_close, [url] * 4))
    assert results == ["ok"] * 4


def test_replace_swaps_the_extraction_and_keeps_the_document(store: Store) -> None:
    store.save(_extraction("a"))
    store.save(_extraction("b", TEXT + " More."))
    before_b = store.load_extractions(["b"])
    newer = _extraction("a")
    newer.events = newer.events[:1]
    newer.claims = []
    newer.flags = ["re-extracted"]
    store.replace(newer)
    [a] = store.load_extractions(["a"])
    assert a == newer
    assert store.load_extractions(["b"]) == before_b
    counts = store.counts()
    assert (counts["documents"], counts["events"], counts["claims"]) == (2, 3, 1)
    assert counts["event_sources"] == 3


def test_replace_needs_a_stored_document_and_is_all_or_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="is not stored"):
        store.replace(_extraction("never-saved"))
    store.save(_extraction("a"))
    broken = _extraction("a")
    broken.claims[0].status = None  # type: ignore[assignment]  # violates NOT NULL
    with pytest.raises(StoreError, match="could not replace document a"):
        store.replace(broken)
    assert store.load_extractions(["a"]) == [_extraction("a")]


def test_document_alone(store: Store) -> None:
    store.save(_extraction("a"))
    assert store.document("a") == _extraction("a").document
    assert store.document("missing") is None


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open database") as info:
        Store.open(str(path))
    assert "\n" not in str(info.value)


def _as_version_1(path: Path) -> None:
    """Turn a current database back into schema version 1 (before place keys and merges)."""
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "drop table merged_event_reports; drop table merged_events;"
            "drop index ix_places_place_key; alter table places drop column place_key;"
            "alter table events drop column flags;"
            "delete from schema_version where version > 1;")


def test_a_version_1_database_is_upgraded_with_place_keys_and_merged_events(
        tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(str(path)) as store:
        store.save(_extraction())
        store.save(_extraction("doc-2", TEXT + " Again."))
    _as_version_1(path)
    with Store.open(str(path)) as store:
        assert store.version == HEAD
        groups = store.merged_events()
        counts = store.counts()
    assert counts["merged_events"] == len(groups) == 3  # the battle told twice, two shellings
    assert counts["merged_event_reports"] == counts["events"] == 4
    engine = create_engine(f"sqlite:///{path}")
    found = inspect(engine)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name
    engine.dispose()
    with sqlite3.connect(path) as conn:
        keys = dict(conn.execute("select name, place_key from places"))
    assert keys["Lashkor"] == "g-1"  # the gazetteer id
    assert keys["Army camp near Lashkor"].startswith("name:")
    with sqlite3.connect(path) as conn:
        flags = [f for (f,) in conn.execute("select flags from events order by position")]
    assert set(flags) == {"[]"}  # events stored before version 3 lack nothing they knew of


def test_merged_events_follow_new_and_replaced_reports(store: Store) -> None:
    store.save(_extraction())
    assert [len(g.members) for g in store.merged_events()] == [1, 1]
    store.save(_extraction("doc-2", TEXT + " Again."))
    groups = store.merged_events()
    assert sorted(len(g.members) for g in groups) == [1, 1, 2]
    battle = next(g for g in groups if len(g.members) == 2)
    assert battle.id == min(event_id(d, 0) for d in ("doc-1", "doc-2"))
    again = _extraction("doc-2", TEXT + " Again.")
    again.events = again.events[1:]  # re-extracted: the battle is gone from doc-2
    store.replace(again)
    assert sorted(len(g.members) for g in store.merged_events()) == [1, 1, 1]
    assert store.counts()["merged_events"] == 3


def test_merged_events_keep_the_lowest_toll_and_every_figure(store: Store) -> None:
    store.save(_extraction())
    other = _extraction("doc-2", TEXT + " Again.")
    other.events[0].fatalities = 5
    store.save(other)
    store.merged_events()
    engine = create_engine(store.url)  # the rows as SQL users see them
    with engine.connect() as conn:
        row = conn.execute(schema.merged_events.select().where(
            schema.merged_events.c.reports == 2)).mappings().one()
    engine.dispose()
    assert row["fatalities"] == 2 and row["documents"] == 2
    assert sorted(c["fatalities"] for c in json.loads(row["fatality_counts"])) == [2, 5]
