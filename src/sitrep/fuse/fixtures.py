"""Hand-built extractions of invented dispatches that disagree: for tests and demos.

The texts are written for sitrep (not taken from any outlet). Two Myanmar
dispatches give different distances between a mine and a town (78 km against a
64 km road "between the mine and" the town), different death tolls for one
clash and different captors of one town on the same day; one also carries a
demand that must not change control. A Sudan dispatch has an attack on
civilians and a distance in kilometres "west of" a city.
"""

from __future__ import annotations

from datetime import date

from sitrep.model import ControlChange, DateInterval, Document, Event, Extraction, Place, Span

ARMY = "Military Forces of Myanmar (2021-)"
REBELS = "TNLA: Ta'ang National Liberation Army"
RSF = "RSF: Rapid Support Forces"
SUDAN_CIVILIANS = "Civilians (Sudan)"

TEXT_NORTH = (
    "Regime troops reached a jade mining site in Kone Nyaung village, some 78 km from Hsenwi, "
    "on July 10.\n"
    "Clashes at Kone Nyaung on July 10 killed four fighters, residents said.\n"
    "The TNLA captured Hsenwi on June 2.\n"
)
TEXT_HILLS = (
    "Rebels still guard the Kone Nyaung mine, a source said.\n"
    "TNLA troops reinforced the 64 km road between the mine and Hsenwi on July 11.\n"
    "Fighting at Kone Nyaung on July 10 left seven dead, according to the TNLA.\n"
    "The military took Hsenwi on June 2, a junta spokesman claimed.\n"
    "The TNLA demanded that the regime hand over Lashio.\n"
)
TEXT_DESERT = (
    "RSF fighters killed twelve civilians in Tawila, 60 kilometers west of El Fasher, on May 4.\n"
)


def place(name: str, lat: float | None, lon: float | None, *, kind: str = "town",
          admin1: str = "Shan", country: str = "Myanmar", precision: int = 1) -> Place:
    return Place(mention=name, name=name, kind=kind, admin1=admin1, country=country,
                 lat=lat, lon=lon, coord_source="fixture", geo_precision=precision)


KONE_NYAUNG = place("Kone Nyaung", 22.95, 97.71, kind="village")
HSENWI = place("Hsenwi", 23.30, 97.96)
LASHIO = place("Lashio", 22.93, 97.75)
TAWILA = place("Tawila", 13.50, 24.85, admin1="North Darfur", country="Sudan")
EL_FASHER = place("El Fasher", 13.63, 25.35, kind="city", admin1="North Darfur",
                  country="Sudan")


def located(text: str, where: Place) -> Place:
    """``where`` with the spans of each of its mentions in ``text``."""
    spans, start = [], text.find(where.mention)
    while start >= 0:
        spans.append(Span(start, start + len(where.mention), where.mention))
        start = text.find(where.mention, start + 1)
    return Place(**{**where.__dict__, "spans": spans})


def sentence(text: str, phrase: str) -> Span:
    """The line of ``text`` holding ``phrase``: each invented sentence is one line."""
    at = text.index(phrase)
    start = text.rfind("\n", 0, at) + 1
    end = text.index("\n", at)
    return Span(start, end, text[start:end])


def day(text: str, when: date) -> DateInterval:
    return DateInterval(when, when, text, 1)


def north_wire() -> Extraction:
    doc = Document("doc-north", TEXT_NORTH, source="North Wire", title="Troops reach jade mine",
                   url="https://north.example/jade", published=date(2025, 7, 12),
                   published_precision="day")
    clash = Event("Battles", "Armed clash", ARMY, REBELS, date=day("on July 10", date(2025, 7, 10)),
                  location=KONE_NYAUNG, geo_precision=1, fatalities=4, weapons=["small arms"],
                  evidence=[sentence(TEXT_NORTH, "Clashes at Kone Nyaung")])
    captured = ControlChange("Hsenwi", REBELS, "captured", from_actor=ARMY, admin1="Shan",
                             date=day("on June 2", date(2025, 6, 2)),
                             evidence=[sentence(TEXT_NORTH, "captured Hsenwi")])
    return Extraction(doc, events=[clash], control=[captured],
                      places=[located(TEXT_NORTH, KONE_NYAUNG), located(TEXT_NORTH, HSENWI)])


def hill_times() -> Extraction:
    doc = Document("doc-hills", TEXT_HILLS, source="Hill Times", title="Rebels guard the road",
                   url="https://hills.example/road", published=date(2025, 7, 13),
                   published_precision="day")
    clash = Event("Battles", "Armed clash", REBELS, ARMY, date=day("on July 10", date(2025, 7, 10)),
                  location=KONE_NYAUNG, geo_precision=1, fatalities=7, status="attributed",
                  source="TNLA", evidence=[sentence(TEXT_HILLS, "Fighting at Kone Nyaung")])
    taken = ControlChange("Hsenwi", ARMY, "recaptured", from_actor=REBELS, admin1="Shan",
                          date=day("on June 2", date(2025, 6, 2)), status="attributed",
                          evidence=[sentence(TEXT_HILLS, "took Hsenwi")])
    demand = ControlChange("Lashio", REBELS, "demanded", from_actor=ARMY, admin1="Shan",
                           date=day("July 13", date(2025, 7, 13)),
                           evidence=[sentence(TEXT_HILLS, "demanded")])
    places = [located(TEXT_HILLS, p) for p in (KONE_NYAUNG, HSENWI, LASHIO)]
    return Extraction(doc, events=[clash], control=[taken, demand], places=places)


def desert_post() -> Extraction:
    doc = Document("doc-desert", TEXT_DESERT, source="Desert Post", title="Killings in Tawila",
                   published=date(2025, 5, 5), published_precision="day",
                   path="dispatches/desert.txt")
    attack = Event("Violence against civilians", "Attack", RSF, SUDAN_CIVILIANS,
                   date=day("on May 4", date(2025, 5, 4)), location=TAWILA, geo_precision=1,
                   fatalities=12, evidence=[sentence(TEXT_DESERT, "killed twelve")])
    places = [located(TEXT_DESERT, TAWILA), located(TEXT_DESERT, EL_FASHER)]
    return Extraction(doc, events=[attack], places=places)


def disagreeing_extractions() -> list[Extraction]:
    """The three dispatches, in publication order."""
    return [desert_post(), north_wire(), hill_times()]
