"""Actors stage: mentions normalised to canonical ACLED-style names.

Names come from sitrep's own dictionary (``data/actors.yaml``), not from the
statistical NER: "the regime", "junta troops" and "Tatmadaw" are one actor,
"Ta'ang" and "Ta-ang" another. Descriptors such as "the military" or
"civilians" take the country the article is about; "the armed group" points
back at the armed group the article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import yaml

from sitrep.model import ActorMention, Span
from sitrep.text import AnalysedText

INTER_TYPES = ("State forces", "Rebel group", "Political militia", "Identity militia",
               "Rioters", "Protesters", "Civilians", "External/Other forces")
DEFAULT_COUNTRY = "Myanmar"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True)
class Actor:
    name: str
    actor_type: str
    country: str | None


@dataclass(frozen=True)
class Lexicon:
    """Compiled actor dictionary: alias → actor (or generic template)."""

    by_alias: dict[str, Actor]
    generic: dict[str, Actor]  # alias → Actor whose name holds "{country}"
    anaphora: frozenset[str]
    alliance_anaphora: frozenset[str]
    alliances: dict[str, tuple[str, ...]]
    countries: dict[str, tuple[str, ...]]
    regimes: dict[str, str | dict[str, str]]
    #: "Israeli strikes", "Kyiv's troops", "Russia attacked": a state's forces by its words
    state_pattern: re.Pattern[str]
    state_of_word: dict[str, str]  # adjective, name or capital → country
    police_words: frozenset[str]  # the force words that make police ("Haitian police")
    state_names: dict[str, str]  # how ACLED writes a state after "Forces of"
    #: a movement ACLED codes under another name from a date (the Taliban as the state)
    successors: dict[str, dict[str, str]]
    #: territories whose "army" is another state's ("the army" in Gaza)
    armies_of_others: frozenset[str]
    #: "soldiers": after a foreign army named in its sentence, that army's men
    of_army_before: frozenset[str]
    #: "gangs": the armed group the article names, else an unidentified one
    or_unidentified: frozenset[str]
    #: issue 12: a descriptor's class words ("paramilitary" → paramilitary)
    descriptor_classes: dict[str, frozenset[str]]
    #: "the paramilitary group", "the militants" → the class of group they point back at
    descriptor_anaphora: dict[str, str]
    pattern_exact: re.Pattern[str]  # acronyms, case-sensitive
    pattern_fold: re.Pattern[str]  # everything else, case-insensitive
    types: dict[str, str]  # canonical name → actor type


def _data() -> dict[str, Any]:
    raw = (files("sitrep") / "data" / "actors.yaml").read_text(encoding="utf-8")
    # libyaml's parser when installed (same data, ~8× faster: these files load at start-up)
    data: dict[str, Any] = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


#: the words after a hyphen that make a group's name an affiliation ("IS-linked")
_AFFILIATES = r"(?:linked|affiliated|allied|aligned|inspired|backed)\b"


def _alternation(aliases: list[str]) -> str:
    ordered = sorted(set(aliases), key=len, reverse=True)
    # "TNLA-controlled" names the TNLA; "Ta-ang" is an alias of its own; "Islamic
    # State-linked" names the group an affiliation ties the fighters to
    return (r"(?<![\w'-])(?:" + "|".join(re.escape(a) for a in ordered)
            + r")(?!\w|-(?!" + _AFFILIATES + r")[A-Z\d])")


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _state_pattern(data: dict[str, Any]) -> re.Pattern[str]:
    """A state's forces named by its words: an adjective before a force word ("Israeli
    strikes"), a name or capital with 's before one ("Kyiv's troops"), or a name as the
    subject of an attack verb ("Russia attacked"); the state's word is case-sensitive."""
    words = data["state_words"].values()
    adjectives = _words([a for w in words for a in w["adjectives"]])
    names = _words([n for w in words for n in w["names"]])
    forces = _words([f for fs in data["state_force_words"].values() for f in fs])
    verbs = _words(data["state_agent_verbs"])
    # issue 12: a state's forces by their own name ("the IDF", "the Frontier Corps")
    named = _words(_named_forces(data)) or "(?!)"
    return re.compile(
        rf"(?<![\w'-])(?P<named>{named})(?![\w-])"
        rf"|(?<![\w'.-])(?:(?P<adj>{adjectives})\s+|(?P<own>{names})['’]s\s+)"
        rf"(?:the\s+)?(?P<force>(?i:{forces}))(?![\w-])"
        rf"|(?<![\w'-])(?P<agent>{names})(?=\s+(?:then\s+|\w+ly\s+)?(?:{verbs})\b)"
        # "Russia on Saturday said its forces had captured": the state speaks for its forces
        rf"|(?<![\w'-])(?P<speaker>{names})(?=(?:\s+[\w-]+){{0,3}}?\s+(?:said|says|claimed|"
        rf"claims|announced|reported)\s+(?:that\s+)?(?:its|their)\s+(?i:{forces})(?![\w-]))")


def _named_forces(data: dict[str, Any], kind: str | None = None) -> list[str]:
    """The names of states' forces (``forces`` and ``police`` of ``state_words``), or of one
    ``kind`` of them."""
    kinds = (kind,) if kind else ("forces", "police")
    return [n for w in data["state_words"].values() for k in kinds for n in w.get(k) or ()]


@cache
def lexicon() -> Lexicon:
    """The actor dictionary, loaded once."""
    data = _data()
    by_alias: dict[str, Actor] = {}
    types: dict[str, str] = {}
    for entry in data["actors"]:
        actor = Actor(entry["name"], entry["type"], entry.get("country"))
        types[actor.name] = actor.actor_type
        for alias in entry["aliases"]:
            by_alias[_fold(alias)] = actor
    generic = {}
    for entry in data["generic"]:
        for alias in entry["aliases"]:
            generic[_fold(alias)] = Actor(entry["template"], entry["type"], None)
    alliances = {_fold(k): tuple(v) for k, v in data["alliances"].items()}
    anaphora = frozenset(_fold(a) for a in data["anaphora"])
    alliance_anaphora = frozenset(_fold(a) for a in data.get("alliance_anaphora", []))
    exact = [a for e in data["actors"] for a in e["aliases"] if a.isupper() or a == "PDFs"]
    descriptor_anaphora = {_fold(a): cls for cls, surfaces in
                           (data.get("descriptor_anaphora") or {}).items() for a in surfaces}
    folded = [a for a in list(by_alias) + list(generic) + list(alliances) + list(anaphora)
              + list(alliance_anaphora) + data.get("anaphora_or_unidentified", [])
              + list(descriptor_anaphora) if a.upper() != a]
    return Lexicon(
        by_alias=by_alias, generic=generic, anaphora=anaphora,
        alliance_anaphora=alliance_anaphora, alliances=alliances,
        countries={k: tuple(v) for k, v in data["countries"].items()},
        regimes=data["regimes"],
        state_pattern=_state_pattern(data),
        state_of_word={w: country for country, words in data["state_words"].items()
                       for w in words["adjectives"] + words["names"]
                       + (words.get("forces") or []) + (words.get("police") or [])},
        police_words=frozenset([w.lower() for w in data["state_force_words"]["police"]]
                               + [w.lower() for w in _named_forces(data, "police")]),
        state_names=data.get("state_names") or {},
        successors={e["name"]: e["since"] for e in data["actors"] if e.get("since")},
        armies_of_others=frozenset(data.get("armies_of_others") or ()),
        of_army_before=frozenset(_fold(a) for a in data.get("of_army_before") or ()),
        or_unidentified=frozenset(_fold(a) for a in data.get("anaphora_or_unidentified", [])),
        descriptor_classes={w.lower(): frozenset([c] if isinstance(c, str) else c)
                            for w, c in (data.get("descriptor_classes") or {}).items()},
        descriptor_anaphora=descriptor_anaphora,
        pattern_exact=re.compile(_alternation(exact)),
        pattern_fold=re.compile(_alternation(folded), re.IGNORECASE),
        types=types,
    )


def alliance_members(surface: str) -> tuple[str, ...]:
    """The members an alliance name stands for ("Brotherhood Alliance"); () for others."""
    return lexicon().alliances.get(_fold(surface).removeprefix("the "), ())


def is_alliance_anaphor(surface: str) -> bool:
    """"The groups", "the alliance": a reference back, which adds nothing to how often an
    article names a group."""
    return _fold(surface) in lexicon().alliance_anaphora


def _fold(alias: str) -> str:
    return alias.translate(_APOSTROPHES).lower() if not alias.isupper() else alias


def actor_type(name: str | None) -> str | None:
    """ACLED inter label of a canonical name (generic names by their pattern)."""
    if not name:
        return None
    known = lexicon().types.get(name)
    if known:
        return known
    for prefix, label in (("Military Forces of", "State forces"),
                          ("Communal Militia", "Identity militia"),
                          ("Police Forces of", "State forces"), ("Civilians", "Civilians"),
                          ("Protesters", "Protesters"), ("Rioters", "Rioters"),
                          ("Unidentified Armed Group", "Political militia")):
        if name.startswith(prefix):
            return label
    return None


@cache
def _countries_by_name() -> dict[str, str | None]:
    """Canonical name → country, read once: actor_country runs for every event."""
    countries: dict[str, str | None] = {}
    for entry in _data()["actors"]:
        country = entry.get("country")
        countries.setdefault(entry["name"], str(country) if country else None)
    return countries


def actor_country(name: str | None) -> str | None:
    """The country an actor belongs to: from the dictionary, or a generic name's suffix."""
    if not name:
        return None
    countries = _countries_by_name()
    if name in countries:
        return countries[name]
    m = re.match(r"(?:Military|Police) Forces of (?:the )?(.+?)(?: \(|$)|.+ \((.+)\)$", name)
    return (m.group(1) or m.group(2)) if m else None


def regime(country: str, published: date | None = None) -> str:
    """ACLED's years of the regime a state had on a date (its latest when undated)."""
    known = lexicon().regimes.get(country, "")
    if isinstance(known, str):
        return known
    began = sorted(known)
    on = published.isoformat() if published else began[-1]
    current = [b for b in began if b <= on] or began[:1]
    return known[current[-1]]


def state_name(country: str) -> str:
    """How ACLED writes a state after "Forces of" ("the Philippines")."""
    return lexicon().state_names.get(country, country)


def state_forces(country: str, published: date | None = None) -> str:
    """ACLED's name for a country's military under its regime (then, or now)."""
    return f"Military Forces of {state_name(country)} {regime(country, published)}".strip()


@cache
def all_country_words() -> frozenset[str]:
    """Every word that names a country of the dictionary (``countries`` and
    ``other_countries``): "Israel", "Lebanese", "Kabul"."""
    data = _data()
    return frozenset(w for key in ("countries", "other_countries")
                     for words in (data.get(key) or {}).values() for w in words)


@cache
def _country_words() -> tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...]], ...]:
    """Each country's words with their patterns, compiled once (not per article and word)."""
    return tuple((country, tuple((word, re.compile(rf"\b{re.escape(word)}\b")) for word in words))
                 for country, words in lexicon().countries.items())


@cache
def _other_country_words() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """The wider news's countries (``other_countries``), asked only when no other counts."""
    data = _data().get("other_countries") or {}
    return tuple((country, tuple(re.compile(rf"\b{re.escape(w)}\b") for w in words))
                 for country, words in data.items())


@cache
def _acled_countries() -> dict[str, str]:
    return dict(_data().get("acled_countries") or {})


def acled_country(name: str) -> str:
    """ACLED's name of a country the gazetteer names otherwise ("Palestinian Territory")."""
    return _acled_countries().get(name, name)


def country_named(text: str, country: str) -> bool:
    """The text names the country by one of its words (``countries``, ``other_countries``)."""
    words = dict(_country_words()).get(country)
    if words is not None:
        return any(word in text and pattern.search(text) for word, pattern in words)
    patterns = dict(_other_country_words()).get(country, ())
    return any(pattern.search(text) for pattern in patterns)


def _other_country(text: str) -> str | None:
    """The most named of the wider news's countries, if the text names any."""
    counts = Counter({country: sum(len(p.findall(text)) for p in patterns)
                      for country, patterns in _other_country_words()})
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] > 0 else None


def _without_state_forces(text: str) -> str:
    """The text with states' forces named by their words blanked: "Israeli strikes on Gaza"
    is about Gaza, wherever the army comes from."""
    spans = [m.span() for m in lexicon().state_pattern.finditer(text)]
    for start, end, surface in _alias_matches(text):
        actor = lexicon().by_alias.get(_fold(surface))
        if actor and actor.actor_type == "State forces":
            spans.append((start, end))
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


#: "Islamic State-linked insurgents": a group named as an affiliation fights where the
#: article is, not in its own home country
_AFFILIATION = re.compile(rf"-{_AFFILIATES}", re.IGNORECASE)


def focus_country(text: str, fallback: str | None = None) -> str:
    """The country an article is mostly about: the one its words name, else ``fallback``
    (the country of its places, for a text that names none), else the default."""
    return named_country(text) or fallback or DEFAULT_COUNTRY


@lru_cache(maxsize=4)
def named_country(text: str) -> str | None:
    """The country an article's own words name most, or None (kept for the last few
    texts: the places, actors and events stages all ask about the same one)."""
    lex = lexicon()
    blanked = _without_state_forces(text)
    counts: Counter[str] = Counter()
    for country, words in _country_words():
        # every country gets its entry, even at 0: ties go to the first one listed
        counts[country] += sum(len(pattern.findall(blanked)) for word, pattern in words
                               if word in blanked)
    # named non-state groups fight at home ("the TNLA"); armies and external forces (Wagner
    # in Libya, a UN mission) may be abroad
    for _, end, surface in _alias_matches(text):
        actor = lex.by_alias.get(_fold(surface))
        if actor and actor.country and actor.actor_type not in ("State forces",
                                                                "External/Other forces") \
                and not _AFFILIATION.match(text, end):
            counts[actor.country] += 1
    if counts.most_common(1)[0][1] > 0:
        return counts.most_common(1)[0][0]
    # an army's own country when nothing else names one ("Nigerian soldiers recaptured...")
    return _other_country(blanked) or _country_of_forces(text, counts)


def _country_of_forces(text: str, counts: Counter[str]) -> str | None:
    """The country whose words the text uses only to name its forces."""
    for country, words in _country_words():
        counts[country] += sum(len(pattern.findall(text)) for word, pattern in words
                               if word in text)
    best = counts.most_common(1)[0]
    return best[0] if best[1] > 0 else _other_country(text)


@lru_cache(maxsize=4)
def _alias_matches(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, surface) of the dictionary's names in a text, case-sensitive ones first;
    kept for the last few texts (``focus_country`` and ``find_actors`` scan the same one,
    and the long case-insensitive pattern is the stage's main cost)."""
    lex = lexicon()
    return tuple((m.start(), m.end(), m.group(0))
                 for pattern in (lex.pattern_exact, lex.pattern_fold, lex.state_pattern)
                 for m in pattern.finditer(text))


def find_actors(text: AnalysedText, published: date | None = None) -> list[ActorMention]:
    """Every actor mention in the text, in order, with its canonical name (state forces
    under the regime of the publication date)."""
    source = text.text.translate(_APOSTROPHES)
    country = focus_country(source, text.country)
    raw = _alias_matches(source)
    mentions: list[ActorMention] = []
    reach = -1  # the furthest end of a match taken: matches come in order of their start
    for start, end, surface in sorted(raw, key=lambda r: (r[0], -(r[1] - r[0]))):
        if start < reach:
            continue
        reach = max(reach, end)
        mentions.extend(_resolve(surface, (start, end), text, source, country, published))
    if country in lexicon().armies_of_others:
        mentions = _army_named(mentions)
    mentions = _army_of_sentence(mentions, text)
    introduced = _introductions(mentions, source)
    return _resolve_anaphora(_absorb_descriptors(mentions, source), country, introduced)


def _army_named(mentions: list[ActorMention]) -> list[ActorMention]:
    """"The army" is the army the article names: in a territory with no army of its own
    (``armies_of_others``), when another state's is named ("Israeli troops ... in Gaza"),
    the descriptor is the most named one."""
    named = Counter(m.canonical for m in mentions if not m.generic
                    and m.canonical.startswith("Military Forces of"))
    descriptors = {m.canonical for m in mentions if m.generic
                   and m.canonical.startswith("Military Forces of")}
    if not named or len(descriptors) != 1 or descriptors & set(named):
        return mentions
    army = named.most_common(1)[0][0]
    return [ActorMention(army, m.surface, m.actor_type, m.span, generic=True)
            if m.canonical in descriptors else m for m in mentions]


def _army_of_sentence(mentions: list[ActorMention], text: AnalysedText) -> list[ActorMention]:
    """"Al-Shabaab ambushed a Kenyan army convoy, killing five soldiers": plain "soldiers"
    after the one foreign army named in their sentence (and acted on there) are that army's
    men, not the article's country's (issue 12)."""
    plain = lexicon().of_army_before
    asked = [i for i, m in enumerate(mentions) if m.generic and _fold(m.surface).lower() in plain
             and m.canonical.startswith("Military Forces of")]
    if not asked:
        return mentions
    by_sentence: dict[int, list[ActorMention]] = {}  # one pass: long articles stay linear
    for m in mentions:
        by_sentence.setdefault(text.sentence_at(m.span.start).index, []).append(m)
    out = list(mentions)
    for i in asked:
        m = mentions[i]
        sentence = text.sentence_at(m.span.start)
        own = by_sentence[sentence.index]
        armies = {o.canonical for o in own if not o.generic and o.actor_type == "State forces"
                  and o.canonical.startswith("Military Forces of")}
        before = [o for o in own if o.canonical in armies and not o.generic
                  and o.span.start < m.span.start]
        if len(armies) == 1 and before and m.canonical not in armies \
                and _army_undergoes(before[0], own, text.text):
            out[i] = ActorMention(next(iter(armies)), m.surface, m.actor_type, m.span,
                                  generic=True)
    return out


#: "A Kenyan army convoy was ambushed": a passive right after the army (its noun between)
_PASSIVE_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:was|were|had been|has been|have been)\b",
                            re.IGNORECASE)


def _army_undergoes(army: ActorMention, own: list[ActorMention], source: str) -> bool:
    """The army is acted on, not acting: another actor comes before it in the sentence
    ("Al-Shabaab ambushed a Kenyan army convoy") or it is a passive's subject; "Russian
    troops attacked ..., killing five soldiers" kills the other side's men."""
    return any(o.span.start < army.span.start for o in own) or \
        bool(_PASSIVE_AFTER.match(source, army.span.end))


#: "/Shan State Army ": an armed wing's name after a slash, between a name and "troops"
_ARMED_WING = re.compile(r"/[\w'-]+(?: [\w'-]+){0,3}\s+")


#: "rebels and soldiers": two actors, not a descriptor of the first
_CONJOINED = re.compile(r"\b(?:and|or|with|against|between|versus|vs)\b", re.IGNORECASE)


def _absorb_descriptors(mentions: list[ActorMention], source: str) -> list[ActorMention]:
    """"TNLA troops", "regime soldiers": a descriptor right after a name is that name, also
    after the name of its armed wing ("Shan State Progressive Party/Shan State Army troops")."""
    kept: list[ActorMention] = []
    for m in mentions:
        prev = kept[-1] if kept else None
        gap = source[prev.span.end:m.span.start] if prev else ""
        near = (len(gap) <= 12 and re.fullmatch(r"[\s\w'-]*", gap)
                and not _CONJOINED.search(gap)) or _ARMED_WING.fullmatch(gap)
        # "Islamic State-linked insurgents": unnamed fighters of a named group are its own
        if (m.generic and prev is not None and not prev.generic and near
                and (m.actor_type == "State forces" or (
                    m.actor_type in _NON_STATE and prev.actor_type in _NON_STATE))):
            continue
        # "IS-linked militants": a descriptor word that is also a generic one, likewise
        if (m.canonical == _DESCRIPTOR and prev is not None and not prev.generic and near
                and prev.actor_type in _NON_STATE
                and _fold(m.surface).lower() in lexicon().generic):
            continue
        # "Viv Ansanm gangs": a collective noun right after a group's name is that group
        if m.canonical in ("?anaphora", _DESCRIPTOR) and prev is not None and \
                not prev.generic and \
                prev.actor_type in _NON_STATE and not gap.strip():
            continue
        kept.append(m)
    return kept


def _resolve(surface: str, at: tuple[int, int], text: AnalysedText, source: str, country: str,
             published: date | None) -> list[ActorMention]:
    lex = lexicon()
    start, end = at
    key = _fold(surface) if not surface.isupper() else surface
    span = text.span(start, end)
    if key in lex.by_alias or surface in lex.by_alias:
        actor = lex.by_alias.get(key) or lex.by_alias[surface]
        name = successor(actor.name, published)
        return [ActorMention(name, surface, actor_type(name), span)]
    if key.lower() in lex.descriptor_anaphora and key.lower() in lex.generic:
        return [ActorMention(_DESCRIPTOR, surface, None, span)]  # "militants": by class first
    if key.lower() in lex.generic:
        actor = lex.generic[key.lower()]
        if actor.name.startswith("Police") and _POLICE_PLACE.match(source, end):
            return []  # "the police station": a place, not the police acting
        name = actor.name.format(country=country, state=state_name(country),
                                 regime=regime(country, published)).strip()
        return [ActorMention(name, surface, actor.actor_type, span, generic=True)]
    state = lex.state_pattern.match(source, start)
    if state is not None and state.end() == end:
        return [_state_mention(state, surface, span, published)]
    if key.lower() in lex.alliances:
        return [ActorMention(name, surface, lex.types.get(name), span)
                for name in lex.alliances[key.lower()][:1]]
    if key.lower() in lex.alliance_anaphora:
        return [ActorMention("?alliance", surface, None, span)]
    if key.lower() in lex.descriptor_anaphora:
        return [ActorMention(_DESCRIPTOR, surface, None, span)]
    return [ActorMention("?anaphora", surface, None, span)]


#: the mark of a definite description resolved by the class of its head (issue 12)
_DESCRIPTOR = "?descriptor"


#: "Police Station", "police post": a building named after the police
_POLICE_PLACE = re.compile(r"\s+(?:stations?|posts?|outposts?|academy|buildings?|offices?|"
                           r"quarters|compound)\b", re.IGNORECASE)


def successor(name: str, published: date | None) -> str:
    """The name ACLED gives an actor on a date: the Taliban are Afghanistan's state forces
    from August 2021 (an undated article keeps the name as written)."""
    renames = lexicon().successors.get(name)
    if not renames or published is None:  # undated: the name as written
        return name
    on = published.isoformat()
    began = [d for d in sorted(renames) if d <= on]
    return renames[began[-1]] if began else name


def _state_mention(match: re.Match[str], surface: str, span: Span, published: date | None
                   ) -> ActorMention:
    """"Israeli strikes" → Israel's military; "Haiti's police" → its police."""
    lex = lexicon()
    country = lex.state_of_word[match.group("named") or match.group("adj") or match.group("own")
                                or match.group("agent") or match.group("speaker")]
    force = (match.group("force") or match.group("named") or "").lower()
    name = police_forces(country, published) if force in lex.police_words else \
        state_forces(country, published)
    return ActorMention(name, surface, "State forces", span)


_NON_STATE = ("Rebel group", "Political militia", "Identity militia")
#: how far back (characters) "the armed group" looks for the group it means
ANAPHORA_REACH = 400


class _NonStateSoFar:
    """The non-state mentions resolved so far, in order, with the furthest end up to each:
    the last one ending after an offset is found without scanning the whole article."""

    def __init__(self) -> None:
        self.mentions: list[ActorMention] = []
        self.reach: list[int] = []  # max end of mentions[:i + 1]

    def add(self, mention: ActorMention) -> None:
        if mention.actor_type in _NON_STATE:
            self.mentions.append(mention)
            self.reach.append(max(mention.span.end, self.reach[-1] if self.reach else -1))

    def last_ending_after(self, offset: int) -> ActorMention | None:
        """The last mention whose span ends at or after ``offset``."""
        for i in range(len(self.mentions) - 1, -1, -1):
            if self.reach[i] < offset:
                return None  # no mention up to here ends that late
            if self.mentions[i].span.end >= offset:
                return self.mentions[i]
        return None


#: words that end a descriptor's run before a name: "fighting between the army and the RSF"
_RUN_BREAKS = frozenset({"and", "or", "of", "with", "against", "between", "by", "to", "from",
                         "in", "on", "at", "for", "as", "than", "that", "which", "who", "while",
                         "versus", "vs", "not", "but", "when", "after", "before", "said"})
_DETERMINERS = frozenset({"the", "a", "an"})
#: "Hezbollah, the Iran-backed militant group": an apposition after the name (its acronym
#: in brackets between)
_APPOSITION = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*,\s+(?:the|a|an)\s+"
                         r"((?:[\w'-]+\s+){0,4}[\w'-]+)", re.IGNORECASE)
#: "M23 rebels", "the Rapid Support Forces (RSF) paramilitaries": a class noun right after
_CLASS_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+([\w-]+)")


def _introductions(mentions: list[ActorMention], source: str) -> dict[int, frozenset[str]]:
    """The classes a descriptor gives each named non-state group where it is introduced
    ("the paramilitary RSF": paramilitary; "Hamas, the Islamist group": islamist), by the
    start of the mention (issue 12: later "the paramilitaries" point back at it)."""
    classes = lexicon().descriptor_classes
    starts = sorted((m.span.start, m.span.end) for m in mentions)
    out: dict[int, frozenset[str]] = {}
    for m in mentions:
        if m.generic or m.actor_type not in _NON_STATE or m.canonical.startswith("?"):
            continue
        found: set[str] = set()
        found.update(_classes_before(source, m.span.start, starts, classes))
        apposition = _APPOSITION.match(source, m.span.end)
        if apposition is not None:
            for word in apposition.group(1).split():
                if word.lower() in _RUN_BREAKS:
                    break
                found.update(classes.get(word.lower(), ()))
        after = _CLASS_AFTER.match(source, m.span.end)
        if after is not None:
            found.update(classes.get(after.group(1).lower(), ()))
        if found:
            out[m.span.start] = frozenset(found)
    return out


def _classes_before(source: str, start: int, spans: list[tuple[int, int]],
                    classes: dict[str, frozenset[str]]) -> set[str]:
    """The class words of the modifiers between a determiner (or a possessive) and a name:
    "the paramilitary RSF", "Sudan's paramilitary RSF"; none when a function word or another
    actor's name stands between ("the M23 rebels fought X": not X's)."""
    found: set[str] = set()
    at = start
    for _ in range(5):
        word = re.search(r"([\w'’-]+)\s+$", source[max(0, at - 40):at])
        if word is None:
            return set()
        begin = at - len(word.group(0))
        lowered = word.group(1).lower()
        if lowered in _DETERMINERS or lowered.endswith(("'s", "’s")):
            return found
        if lowered in _RUN_BREAKS or any(s <= begin < e for s, e in spans):
            return set()
        found.update(classes.get(lowered, ()))
        at = begin
    return set()


def _resolve_anaphora(mentions: list[ActorMention], country: str = DEFAULT_COUNTRY,
                      introduced: dict[int, frozenset[str]] | None = None
                      ) -> list[ActorMention]:
    """"The armed group" is the non-state group named just before it, else the one the
    article names most; "gangs" with no group named are an unidentified armed group;
    "the paramilitary group" is the last group introduced as paramilitary (issue 12)."""
    counts = Counter(m.canonical for m in mentions if m.actor_type in _NON_STATE
                     and not m.generic)
    main = counts.most_common(1)[0][0] if counts else None
    resolved: list[ActorMention] = []
    groups = _NonStateSoFar()
    classes_of: dict[str, set[str]] = {}  # canonical → the classes its descriptors gave
    lex = lexicon()
    for m in mentions:
        if m.canonical == "?alliance":  # the alliance named last, if any: its lead acts
            named = [r for r in resolved if alliance_members(r.surface)]
            if named:
                resolved.append(ActorMention(named[-1].canonical, m.surface,
                                             named[-1].actor_type, m.span))
                groups.add(resolved[-1])
            continue
        if m.canonical not in ("?anaphora", _DESCRIPTOR):
            resolved.append(m)
            groups.add(m)
            if introduced and m.span.start in introduced:
                classes_of.setdefault(m.canonical, set()).update(introduced[m.span.start])
            continue
        key = _fold(m.surface).lower()
        cls = lex.descriptor_anaphora.get(key) if m.canonical == _DESCRIPTOR else None
        name = _by_class(cls, groups, classes_of, m.span.start) if cls else None
        if name is None and cls is not None and not _is_anaphor(key):
            name, generic = _described(m, groups, cls, country, classes_of)
            if name is None:
                continue
            if generic:  # "the militants" as before: a descriptor of the country's
                resolved.append(ActorMention(name, m.surface, actor_type(name), m.span,
                                             generic=True))
                groups.add(resolved[-1])
                continue
        if name is None:
            latest = groups.last_ending_after(m.span.start - ANAPHORA_REACH)
            name = latest.canonical if latest else main
        if name is None and key in lex.or_unidentified:
            name = f"Unidentified Armed Group ({country})"  # "gangs", no gang named
        if name:
            resolved.append(ActorMention(name, m.surface, actor_type(name), m.span))
            groups.add(resolved[-1])
            if cls and cls != "any":  # "paramilitary fighters": unnamed, of their class
                classes_of.setdefault(name, set()).add(cls)
    return resolved


def _is_anaphor(key: str) -> bool:
    """The words pointed back before issue 12's classes ("the rebels", "the group")."""
    lex = lexicon()
    return key in lex.anaphora or key in lex.or_unidentified


def _by_class(cls: str, groups: _NonStateSoFar, classes_of: dict[str, set[str]],
              before: int) -> str | None:
    """The most recent group introduced with a word of the class ("the paramilitary RSF"
    for "the paramilitary group")."""
    if cls == "any":
        return None
    for g in reversed(groups.mentions):
        if g.span.end <= before and cls in classes_of.get(g.canonical, ()):
            return g.canonical
    return None


def _described(m: ActorMention, groups: _NonStateSoFar, cls: str, country: str,
               classes_of: dict[str, set[str]]) -> tuple[str | None, bool]:
    """A class description no introduction explains: the one non-state group in focus
    (named within ``ANAPHORA_REACH``, none introduced with another class: "the rebel M23"
    is not "the paramilitaries"); else what its words meant before ("the militants":
    an unidentified armed group), or no actor ("the fighters" with no group in sight)."""
    recent = {g.canonical for g in groups.mentions
              if m.span.start - ANAPHORA_REACH <= g.span.end <= m.span.start}
    if cls != "any" and any(cls not in classes_of.get(g, {cls}) for g in recent):
        recent = set()  # a group of another class in focus: the words may be the other side's
    if len(recent) == 1:
        return next(iter(recent)), False
    template = lexicon().generic.get(_fold(m.surface).lower().removeprefix("the "))
    if template is not None and cls != "any":
        return template.name.format(country=country), True
    return None, False


#: ACLED's event types whose actor is a crowd, named generically by country
CROWD_TYPES = frozenset({"Protests", "Riots"})
_FACED_FORCE = frozenset({"Protest with intervention", "Excessive force against protesters"})


def police_forces(country: str, published: date | None = None) -> str:
    """ACLED's name for a country's police under its regime (then, or now)."""
    return f"Police Forces of {state_name(country)} {regime(country, published)}".strip()


def crowd_roles(event_type: str, sub_event_type: str, actor1: str | None, actor2: str | None,
                country: str) -> tuple[str, str | None]:
    """Protests: "Protesters (Country)" and, when they met force, the state forces named
    (else the police); Riots: "Rioters (Country)" and the armed or state side named, if any."""
    named = [a for a in (actor1, actor2) if a and actor_type(a) not in ("Protesters", "Rioters")]
    state = next((a for a in named if actor_type(a) == "State forces"), None)
    if event_type == "Protests":
        other = (state or police_forces(country)) if sub_event_type in _FACED_FORCE else None
        return f"Protesters ({country})", other
    return f"Rioters ({country})", state or next(
        (a for a in named if actor_type(a) == "Civilians"), None)


def inter_label(name: str | None, event_country: str | None) -> str | None:
    """ACLED's inter label of an actor in an event: state forces operating outside their own
    country are External/Other forces (inter code 8)."""
    label = actor_type(name)
    home = actor_country(name)
    if label == "State forces" and home and event_country and home != event_country:
        return "External/Other forces"
    return label
