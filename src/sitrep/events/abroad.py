"""Wars between states, as ACLED codes them (issue 12).

An army's "attack on" a town in another country, with no weapon named, is fire from
across the front (ACLED: Explosions/Remote violence), not a ground attack on civilians:
"a 71-year-old man was killed by a Russian attack on X", "Russia attacked the village of
Y". Its sub-type is the remote violence the article itself names most (artillery in a
report of shelling, air strikes in one of air raids); shelling when it names none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files

import yaml

from sitrep.actors import (
    acled_country,
    actor_country,
    actor_type,
    country_named,
    police_forces,
    state_forces,
)
from sitrep.events.lexicon import TriggerKind, cues, trigger_kinds
from sitrep.model import ActorMention, Event

#: the remote-violence kinds an unspecified attack from afar may be
_REMOTE = ("air", "shelling")
_DEFAULT = "Shelling/artillery/missile attack"


def is_foreign_state(actor1: str | None, event_country: str | None) -> bool:
    """``actor1`` is a state's forces acting outside its own country."""
    if actor_type(actor1) != "State forces" or not event_country:
        return False
    home = actor_country(actor1)
    return home is not None and home != event_country


#: armed organisations that are not a state's: abroad when their home is another country
_NON_STATE = frozenset({"Rebel group", "Political militia", "Identity militia"})


def _armed_abroad(actor1: str | None, place_country: str) -> bool:
    """A non-state armed group acting outside its own country ("Hamas fired rockets at
    Sderot", "Hezbollah rockets hit Kiryat Shmona"): the place is another country's."""
    home = actor_country(actor1)
    return actor_type(actor1) in _NON_STATE and home is not None and \
        acled_country(home) != place_country


def local_victims(actor1: str | None, actor2: str | None, place_country: str | None,
                  text: str) -> str | None:
    """"Israeli strikes killed 15 in Khan Younis": the civilians an army abroad hits are
    those of the place's country (ACLED: Civilians (Palestine)), whatever country the
    article is most about; so are those a group hits across a border ("Hamas rockets on
    Sderot": Civilians (Israel)); only for a country the text names (a homonym abroad is
    not)."""
    if actor2 is None or not actor2.startswith("Civilians (") or place_country is None:
        return actor2
    place_country = acled_country(place_country)
    abroad = is_foreign_state(actor1, place_country) or \
        actor_type(actor1) == "External/Other forces" or \
        _armed_abroad(actor1, place_country)  # mercenaries, foreign missions, cross-border fire
    if not abroad or not country_named(text, place_country):
        return actor2
    return f"Civilians ({place_country})"


def foreign_attacker(trigger_at: int, mentions: list[ActorMention],
                     countries: list[str | None], actor1: str | None = None,
                     text: str = "") -> bool:
    """The attack's doer, the actor named last before its trigger ("the Russians attacked",
    "a Russian attack on"), is a state's forces abroad in every place it is told at (and,
    given ``actor1``, is the doer the roles coded); or a non-state armed group striking
    across a border in an article that names fire from afar ("Hezbollah attacked Israeli
    sites in Metula" beside its rockets: ACLED codes such attacks as shelling or missile
    fire, not a ground battle)."""
    doer = max((m for m in mentions if m.span.start <= trigger_at),
               key=lambda m: m.span.start, default=None)
    if doer is None or (actor1 is not None and doer.canonical != actor1):
        return False  # the roles read another doer: the check is on the one coded
    return bool(countries) and all(
        is_foreign_state(doer.canonical, country) or
        _armed_across_border(doer.canonical, country, text) for country in countries)


def may_attack_abroad(trigger_at: int, mentions: list[ActorMention], country: str | None,
                      text: str) -> bool:
    """Before the places are known: a state's forces abroad, or a non-state armed group in
    an article naming remote weapons (whether its place is abroad is checked per place)."""
    if foreign_attacker(trigger_at, mentions, [country]):
        return True
    doer = max((m for m in mentions if m.span.start <= trigger_at),
               key=lambda m: m.span.start, default=None)
    return doer is not None and actor_type(doer.canonical) in _NON_STATE and \
        _names_remote_fire(text)


def _names_remote_fire(text: str) -> bool:
    kinds = {k.name: k for k in trigger_kinds()}
    return any(kinds[name].pattern.search(text) for name in _REMOTE if name in kinds)


def _armed_across_border(actor1: str, country: str | None, text: str) -> bool:
    """A non-state group's attack abroad, in an article naming remote weapons (a group
    that crosses a border on foot to fight is told with no rockets, shells or drones)."""
    if not country or not text or not _armed_abroad(actor1, acled_country(country)):
        return False
    return _names_remote_fire(text)


@cache
def _harm() -> re.Pattern[str]:
    """Harm to people told in a sentence (``harm_words`` of ``events/data/abroad.yaml``):
    its victims, even when no civilian word names them."""
    raw = (files("sitrep.events") / "data" / "abroad.yaml").read_text(encoding="utf-8")
    words: list[str] = yaml.safe_load(raw)["harm_words"]
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


def unnamed_victims(kind: TriggerKind, actor2: str | None, sentence: str) -> str | None:
    """"The Russians attacked the village of X", with nobody told as hit: an army's fire
    from afar whose sentence names no civilians and no harm to anyone has no victim
    (ACLED leaves actor2 empty), not "Civilians" assumed. So has property damage told with
    no weapon after such fire ("a home was damaged in X", issue 12): a home is no victim."""
    if not (kind.foreign_state or kind.after_remote) or actor2 is None or \
            not actor2.startswith("Civilians ("):
        return actor2
    if _harm().search(sentence) or (kind.foreign_state and cues().civilians.search(sentence)):
        return actor2
    return None


@cache
def _military_targets() -> re.Pattern[str]:
    raw = (files("sitrep.events") / "data" / "abroad.yaml").read_text(encoding="utf-8")
    words: list[str] = yaml.safe_load(raw)["military_targets"]
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


def military_sites(kind: TriggerKind, actor1: str | None, actor2: str | None,
                   place_country: str | None, sentence: str,
                   published: date | None = None) -> str | None:
    """"Hezbollah attacked Israeli sites in Metula": a group's fire across a border at the
    posts or troops of the place's state hits that state's forces (ACLED: Military Forces
    of Israel), when the sentence names that country and its armed people or posts."""
    if not kind.foreign_state or place_country is None or \
            actor_type(actor2) == "State forces":
        return actor2
    country = acled_country(place_country)
    if not _armed_abroad(actor1, country) or not _military_targets().search(sentence) or \
            not country_named(sentence, country):
        return actor2
    return state_forces(country, published)


@lru_cache(maxsize=4)
def remote_sub_event(text: str) -> str:
    """The remote violence an article names most: the weapon of its unspecified attacks."""
    kinds: dict[str, TriggerKind] = {k.name: k for k in trigger_kinds()}
    counts = {name: sum(1 for _ in kinds[name].pattern.finditer(text))
              for name in _REMOTE if name in kinds}
    best = max(counts, key=lambda name: counts[name], default=None)
    if best is None or counts[best] == 0:
        return _DEFAULT
    return kinds[best].sub_event_type


#: "Source: Oleh Petrenko, head of the regional administration, on Telegram": a line in
#: which the outlet names where its whole report comes from (wire and regional outlets)
_SOURCE_LINE = re.compile(r"^[ \t]*Sources?:[ \t]+(?P<who>[^\n]{3,250})$", re.MULTILINE)


def source_line(text: str) -> str | None:
    """The source an article names for its whole report in a "Source:" line near its top,
    with who the source is ("Source: Name, head of ..."), if any: the events it tells are
    then that source's claims (GOLD.md: attributed), not the outlet's."""
    found = _SOURCE_LINE.search(text)
    # a credit at the foot ("Source: Reuters") names a wire, not whose claims the report tells
    if found is None or found.start() > len(text) / 2 or "," not in found.group("who"):
        return None
    return re.split(r"[;,]", found.group("who"))[0].strip() or None


def attribute_to_source_line(events: list[Event], text: str) -> None:
    """Reported events of an article with a "Source:" line become that source's claims."""
    who = source_line(text)
    if who is None:
        return
    for event in events:
        if event.status == "reported":
            event.status, event.source = "attributed", who


#: actors ACLED names after the country an event happens in, "Civilians (Mali)"
_LOCAL_LABEL = re.compile(r"^(Civilians|Protesters|Rioters|Unidentified Armed Group|"
                          r"Prisoners|Refugees/IDPs|Labou?r Group|Journalists) \((.+)\)$")


@cache
def _unmarked_words() -> frozenset[str]:
    raw = (files("sitrep.events") / "data" / "abroad.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(raw)["unmarked_side_words"])


def marks_home(mentions: Sequence[ActorMention], home: str) -> bool:
    """A side of the article's country is named by its own words in the sentence ("the
    junta", "the regime", "Burkinabe troops"), not only by words any army has."""
    return any(actor_country(m.canonical) == home and not set(
        re.findall(r"[a-z]+", m.surface.lower())) <= _unmarked_words() for m in mentions)


def local_sides(actor: str | None, place_country: str | None, article_country: str,
                     sentence: str, published: date | None,
                     mentions: Sequence[ActorMention] = ()) -> str | None:
    """An event in another country than the article's, in a sentence that names that
    country and not the article's ("In neighbouring Mali, the army said ...",
    "Hundreds protested in Niamey ... from Niger"): its unmarked sides are that country's
    (Civilians (Mali), Protesters (Niger), the army and police of Mali), not the
    article's. Named groups, foreign forces, and a sentence naming a side of the
    article's country by its own words ("the junta ... China-brokered talks") keep theirs."""
    if actor is None or place_country is None:
        return actor
    here, home = acled_country(place_country), acled_country(article_country)
    if here == home or not country_named(sentence, here) or country_named(sentence, home) \
            or marks_home(mentions, home):
        return actor
    label = _LOCAL_LABEL.match(actor)
    if label and acled_country(label.group(2)) == home:
        return f"{label.group(1)} ({here})"
    if actor == state_forces(home, published):
        return state_forces(here, published)
    if actor == police_forces(home, published):
        return police_forces(here, published)
    return actor
