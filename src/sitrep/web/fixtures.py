"""Hand-built extractions of two invented dispatches: the same data for API tests and demos.

The dispatches are written for sitrep (not taken from any outlet). They report
one clash twice with different death tolls, a town changing hands, a rumoured
handover that must not move control, and a sentence carrying markup that the
page must show as text.
"""

from __future__ import annotations

from datetime import date

from sitrep.model import (
    ControlChange,
    DateInterval,
    Document,
    Event,
    Extraction,
    Place,
    Span,
)

ARMY = "Military Forces of Myanmar (2021-)"
REBELS = "TNLA: Ta'ang National Liberation Army"

TEXT_A = (
    "The TNLA seized Namtu town on June 3 after a week of fighting. "
    "Regime troops retook Namtu on July 18, a local source said. "
    "Clashes near Namtu on July 17 killed three soldiers, "
    "<script>alert('x')</script> residents said. "
    "Rumours say the TNLA may hand over Manton."
)
TEXT_B = (
    "Fighting at Namtu on July 17 left five soldiers dead, according to the TNLA. "
    "Junta aircraft bombed Mansan village on July 25."
)

NAMTU = Place(mention="Namtu", name="Namtu", kind="town", admin1="Shan", country="Myanmar",
              lat=23.085, lon=97.404, coord_source="fixture", geo_precision=1)
MANTON = Place(mention="Manton", name="Manton", kind="town", admin1="Shan", country="Myanmar",
               lat=23.433, lon=97.233, coord_source="fixture", geo_precision=1)
MANSAN = Place(mention="Mansan", name="Mansan", kind="village", admin1="Shan", country="Myanmar",
               lat=23.2, lon=97.5, coord_source="fixture", geo_precision=2)


def span_of(text: str, phrase: str) -> Span:
    """The span of ``phrase`` (which must occur) in ``text``."""
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def sentence_of(text: str, phrase: str) -> Span:
    """The whole sentence of ``text`` that contains ``phrase``: the evidence unit."""
    at = text.index(phrase)
    start = text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def day(text: str, when: date) -> DateInterval:
    return DateInterval(start=when, end=when, text=text, precision=1)


def extraction_a() -> Extraction:
    doc = Document(id="doc-a", text=TEXT_A, source="Test Wire", title="Namtu changes hands",
                   published=date(2025, 8, 1), published_precision="day", path="dispatches/a.txt")
    clash = Event("Battles", "Armed clash", ARMY, REBELS, date=day("on July 17", date(2025, 7, 17)),
                  location=NAMTU, geo_precision=1, fatalities=3,
                  evidence=[sentence_of(TEXT_A, "Clashes near Namtu")])
    seized = ControlChange("Namtu", REBELS, "captured", from_actor=ARMY, admin1="Shan",
                           date=day("on June 3", date(2025, 6, 3)),
                           evidence=[sentence_of(TEXT_A, "seized Namtu")])
    retaken = ControlChange("Namtu", ARMY, "recaptured", from_actor=REBELS, admin1="Shan",
                            date=day("on July 18", date(2025, 7, 18)),
                            evidence=[sentence_of(TEXT_A, "retook Namtu")])
    rumour = ControlChange("Manton", ARMY, "ceded (claimed)", from_actor=REBELS, status="rumour",
                           evidence=[sentence_of(TEXT_A, "Rumours say")])
    return Extraction(document=doc, events=[clash], control=[seized, retaken, rumour],
                      places=[NAMTU, MANTON])


def extraction_b() -> Extraction:
    doc = Document(id="doc-b", text=TEXT_B, source="Other Post", title="Namtu toll",
                   published=date(2025, 8, 2), published_precision="day")
    clash = Event("Battles", "Armed clash", ARMY, REBELS, date=day("on July 17", date(2025, 7, 17)),
                  location=NAMTU, geo_precision=1, fatalities=5, status="attributed", source=REBELS,
                  evidence=[sentence_of(TEXT_B, "Fighting at Namtu")])
    strike = Event("Explosions/Remote violence", "Air/drone strike", ARMY,
                   date=day("on July 25", date(2025, 7, 25)), location=MANSAN, geo_precision=2,
                   evidence=[sentence_of(TEXT_B, "Junta aircraft")])
    return Extraction(document=doc, events=[clash, strike], places=[NAMTU, MANSAN])


def sample_extractions() -> list[Extraction]:
    """Both dispatches' extractions, in publication order."""
    return [extraction_a(), extraction_b()]


# -- one town, two spellings: "Mogok" read as the town, "Mogoke" as its township ---------

TEXT_MOGOK = ("Junta airstrikes hit Mogok on July 11, killing three civilians. "
              "The TNLA captured Mogok on July 24, residents said.")
TEXT_MOGOKE = ("Regime artillery shelled Mogoke on July 20, killing two residents. "
               "TNLA fighters took Mogoke on July 24, a local source said.")
#: the gazetteer's Mogoke town (MIMU); the township around it has its own id and centroid
MOGOK_TOWN = Place(mention="Mogok", name="Mogok", kind="town", admin1="Mandalay",
                   admin3="Mogoke", country="Myanmar", lat=22.9247, lon=96.5063,
                   gazetteer_id="MIMU MMR010011701", coord_source="fixture", geo_precision=1)
MOGOKE_TOWNSHIP = Place(mention="Mogoke", name="Mogoke", kind="township", admin1="Mandalay",
                        admin3="Mogoke", country="Myanmar", lat=22.9247, lon=96.4596,
                        gazetteer_id="MIMU MMR010011", coord_source="fixture", geo_precision=2)


def _mogok_dispatch(ident: str, text: str, where: Place, strike: tuple[str, str, int],
                    struck: date) -> Extraction:
    doc = Document(id=ident, text=text, source=f"{ident} wire", title=f"{where.name} news",
                   published=date(2025, 7, 25), published_precision="day")
    sub_type, phrase, killed = strike
    attack = Event("Explosions/Remote violence", sub_type, ARMY, "Civilians (Myanmar)",
                   date=day(f"on July {struck.day}", struck), location=where, geo_precision=1,
                   fatalities=killed, evidence=[sentence_of(text, phrase)])
    taken = ControlChange(where.name, REBELS, "captured", from_actor=ARMY, admin1="Mandalay",
                          date=day("on July 24", date(2025, 7, 24)),
                          evidence=[sentence_of(text, "on July 24")])
    return Extraction(document=doc, events=[attack], control=[taken], places=[where])


def two_spellings_extractions() -> list[Extraction]:
    """Two dispatches on one town, one writing "Mogok" (the town), the other "Mogoke"
    (read as the township, 5 km off): the map must show one town (needs the gazetteer,
    which keys the township as its main town)."""
    return [
        _mogok_dispatch("doc-mogok", TEXT_MOGOK, MOGOK_TOWN,
                        ("Air/drone strike", "Junta airstrikes", 3), date(2025, 7, 11)),
        _mogok_dispatch("doc-mogoke", TEXT_MOGOKE, MOGOKE_TOWNSHIP,
                        ("Shelling/artillery/missile attack", "Regime artillery", 2),
                        date(2025, 7, 20)),
    ]
