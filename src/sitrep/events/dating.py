"""Which time expression dates an event, and whether the event is past context.

Dates follow GOLD.md's one convention ("Dates of reports that give no day of their
own"); the time stage (``sitrep.time``) resolves each expression, this module picks
the one that dates an event. The rules, in the order ``date_for`` tries them (word
lists in ``sitrep/time/data/relative.yaml``):

1. a date in the sentence near the trigger, or one opening the sentence ("In March and
   April 2021, ...", "Similarly, on July 26, 2019, ..."), or the sentence's one date
   closing the trigger's clause further on ("Clashes were reported ... in X Township,
   northern Shan State, on Monday"); "recently" only for the sentence it opens or the
   verb it modifies. "today" inside a quotation counts from the day the words were
   said ("she told reporters on Wednesday"); a date that only says when an ongoing
   report was made ("clashes are continuing, she told a press conference on Tuesday")
   does not date it: the week up to publication. An event told as coming after the
   sentence's date ("in January and agreed to hand back Lashio", "on May 4, which led
   to counterattacks", "in November, but the town was retaken") may fall on any day
   from that date to publication; a change of hands told as a state held since a
   period ("a town seized by the TNLA since last year") happened in that period;
2. "since recapturing X": from the start of X's last told date to publication;
3. a noun with no date of its own ("the recapture of X"): undated past;
4. anaphora ("Later that day", "Around the same time", "a day after"): the last
   date told outside quotations before the sentence, shifted;
5. a length ("attacked the town for four days", "After two months of fighting"):
   that length up to publication;
6. a past verb in a relative clause ("Lashio, which the MNDAA handed back") or a
   word of undated past ("previously"): undated past;
7. a perfect or present report ("has seized", "clashes continue") by a side of a
   campaign told earlier with its own date ("has launched an offensive since
   Tuesday", "following the resumption of the operation in late June"): the
   campaign's period, to publication ("since X" still going on);
8. "now", "continues to", a perfect ("has seized", "Clashes have also erupted") or
   another present report: the week up to publication (``recent_window``); flight
   told in the past with no cause in its sentence ("Thousands were displaced") takes
   the latest campaign, else lasts from the previous event's date to publication;
9. else the previous event's date; before any, the last date of news (not
   background) told outside quotations; else the week up to publication.

Around these (branch dates3): a date inside a relative clause set off by commas dates
that clause only, unless the clause tells the event itself ("which took place on
Sunday"); a shift between the sentence's date and the trigger moves it ("on
Thursday, a day after X"); "since then" is "since" the last date told; a pluperfect
("had captured") or a deadline longer than a day ("by August 2024") with no other
date is undated past; present words count only in the trigger's own clauses and not
for a simple past; a list of days ("on August 2, 9, and 14") dates one event each
(``listed_days``).

Undated past events get no dates at all and are background (``is_background``);
no event is dated after publication. An undated text gets only dates that carry
their year (rules 1 and 4).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from sitrep.events.lexicon import cues
from sitrep.model import ActorMention, DateInterval, Document, Sentence, Span
from sitrep.places.recognise import dateline_end
from sitrep.time import recent_window, resolve
from sitrep.time.lexicon import lexicon
from sitrep.time.periods import DAY, MONTH, WEEK, month_end, precision_for, shift_month

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _phrases(words: Iterable[str]) -> str:
    """A regex alternation of the lexicon's phrases, longest first, any run of spaces
    between their words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


#: present or present-perfect reporting: the event is current (the week before publication)
_ONGOING = re.compile(r"\b(?:is|are|has been|have been|remains?|continu\w+|ongoing|still|"
                      r"now|currently|have|has)\b", re.IGNORECASE)
BACKGROUND_AFTER = timedelta(days=31)
#: a date expression further than this from the trigger belongs to another clause
DATE_REACH = 90
#: "recently" this far from the trigger belongs to another verb
VAGUE_REACH = 30
#: a date this close to the sentence's start, before its first comma, opens it
OPENING_CHARS = 3

#: a year written out: the text placed the date itself
_YEAR = re.compile(r"\b\d{4}\b")
_NOMINAL = re.compile(r"^\w+ (?:of|by)\b")
#: "launched a barrage of drones": the noun is the object of a verb that tells the event
#: (dated as that verb is), not a passing mention ("the capture of X")
_GOVERNED = re.compile(r"\b(?:launched|carried out|conducted|fired|unleashed|staged|mounted|"
                       r"began|started)\s+(?:an?|the|another)\s+(?:[\w-]+\s+)?$",
                       re.IGNORECASE)
#: "clashes by the TNLA are continuing": a noun told as still going on is no past event
_STILL = re.compile(r"\b(?:continu\w*|ongoing|still|now|currently)\b", re.IGNORECASE)
#: "has seized", "have also captured": done by now, when is not said
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|now\s+|already\s+)*$",
                      re.IGNORECASE)
#: a perfect or progressive: "has launched an offensive since Tuesday" tells a campaign,
#: "seized most of the state since October 2023" a past event
_GOING_ON = re.compile(r"\b(?:has|have|had)\b|\b(?:is|are|was|were|been)\s+\w+ing\b",
                       re.IGNORECASE)
#: "by August 2024", "by the end of last year": a deadline, not the event's date
_DEADLINE = re.compile(r"by\s", re.IGNORECASE)
#: "have captured Hsipaw and attacked": a past participle coordinated with a perfect shares
#: its auxiliary, so it is a perfect too
_SHARED_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|now\s+|already\s+)*"
                             r"\w+(?:ed|en|wn|t)\b[^.;:!?]{0,60}?\band\s+(?:\w+ly\s+|also\s+)?$",
                             re.IGNORECASE)
#: "had captured", "had already been shelled": the trigger's own verb is a pluperfect,
#: past before the story's time; with no date in its sentence it is undated background
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|also\s+|already\s+|been\s+)*$", re.IGNORECASE)
#: "she said" with no date: said when the speaker's last dated words were
_PRONOUN_SPEECH = re.compile(r"\b(?:he|she|they)\s+(?:said|added|told)\b", re.IGNORECASE)
SPEECH_REACH = 600
#: how far back an undated report after background looks for the news's last date
NEWS_REACH = 3000
#: "Clashes have also erupted": the trigger's own verb is a perfect
_PERFECT_AFTER = re.compile(r"\w+\s+(?:has|have)\s+(?:also\s+|already\s+)?(?P<verb>\w+ed)\b",
                            re.IGNORECASE)
#: "now focusing", "continues to fight": true on the day of publication
_TODAY = re.compile(r"\b(?:now|continues? to|continuing to)\b", re.IGNORECASE)
#: "which the MNDAA ... handed back", "who retreated": a relative clause before the trigger
_RELATIVE = re.compile(r"\b(?:which|who)\b[^.;:!?]{0,100}$", re.IGNORECASE)
#: ", who spoke anonymously," / ", which began at dawn,": a short aside that ends at a comma
_CLOSED_ASIDE = re.compile(r"(?:which|who)\s+(?!(?:the|a|an|its|their|his|her|this|that)\b)"
                           r"[a-z][\w’'-]*(?:\s+[\w’'-]+){0,4},", re.IGNORECASE)
#: "since recapturing Nawnghkio": a campaign dated by an earlier event at a place
_SINCE_EVENT = re.compile(r"\bsince\s+\w+ing\s+(?P<place>[A-Z][\w’'-]+)")
#: "A day after that, ...": the words point back, the shift keeps its sign
#: ("a week after it captured Bara": "it" opens a clause, the other event)
_BACK_REFERENCE = re.compile(r"\s*(?:,|that\b|this\b|it\b(?=\s*(?:[,.;:!?]|$)))",
                             re.IGNORECASE)
_PRONOUN_START = re.compile(r"\s*(?:It|They)\b")
#: the armed sides a campaign and a report may share (victims do not make a side)
_NOT_A_SIDE = frozenset({"Civilians"})


@dataclass(frozen=True)
class Scene:
    """What dating reads beyond the sentence: the document, its text (offsets as in
    ``dates``), every date and actor mention in it, and the event's own sides."""

    doc: Document
    dates: list[DateInterval]
    text: str = ""
    actors: Sequence[ActorMention] = ()
    sides: frozenset[str] = frozenset()
    parse: Callable[[], Doc] | None = None


def date_for(sentence: Sentence, trigger_at: int, dates: list[DateInterval],
             previous: DateInterval | None, doc: Document,
             text: str = "", actors: Sequence[ActorMention] = (),
             sides: frozenset[str] = frozenset(),
             parse: Callable[[], Doc] | None = None) -> DateInterval | None:
    """The interval that dates the event whose trigger is at ``trigger_at``.

    Without ``text`` (the whole document) the rules that look beyond the sentence
    (anaphora, campaigns, quotations) stay silent; ``parse`` gives the sentence's spaCy
    parse, read only where the words alone cannot tell which verb a date belongs to."""
    if text:
        dates = _outside_datelines(dates, text)
    scene = Scene(doc, dates, text, actors, sides, parse)
    told_as_past = _is_past(_word_at(sentence.text, trigger_at - sentence.start))
    return _not_after(_date_for(sentence, trigger_at, previous, scene), doc.published,
                      told_as_past)


#: the last document's dates, text and dates outside datelines (its events are dated one
#: after another: filtering once per document keeps a long text linear)
_LAST_FILTERED: list[tuple[list[DateInterval], str, int, list[DateInterval]]] = []


def _outside_datelines(dates: list[DateInterval], text: str) -> list[DateInterval]:
    """The dates less those in a dispatch's dateline ("KYIV, Sept 12 -"): the day the
    report was filed, not the day of any event in it (the lede's "overnight" or its
    missing time word says that)."""
    if _LAST_FILTERED:
        last_dates, last_text, size, filtered = _LAST_FILTERED[0]
        if last_dates is dates and size == len(dates) and last_text == text:
            return filtered
    filtered = _filter_datelines(dates, text)
    if len(filtered) == len(dates):
        filtered = dates  # the same list: one sort of it serves every rule
    _LAST_FILTERED[:] = [(dates, text, len(dates), filtered)]
    return filtered


def _filter_datelines(dates: list[DateInterval], text: str) -> list[DateInterval]:
    """``_outside_datelines`` uncached."""
    out = []
    for d in dates:
        if d.span is not None:
            line = text.rfind("\n", 0, d.span.start) + 1
            end = text.find("\n", line)
            found = dateline_end(text[line:end if end >= 0 else len(text)])
            if found is not None and d.span.end <= line + found[0]:
                continue
        out.append(d)
    return out


def _date_for(sentence: Sentence, trigger_at: int, previous: DateInterval | None,
              scene: Scene) -> DateInterval | None:
    """Rules 1-9 in order (the module's docstring)."""
    doc, dates = scene.doc, scene.dates
    offset = trigger_at - sentence.start
    if (trailing := _trailing_shift(sentence, trigger_at, scene)) is not None:
        return trailing
    own = _own_date(sentence, trigger_at, dates, scene.parse)
    if own is not None and (shifted := _shifted_own(own, trigger_at, scene)):
        return shifted
    if own is not None and (later := _sequel(own, trigger_at, scene)):
        return later
    if own is not None and (onset := _onset_of_state(own, trigger_at, scene)):
        return onset
    if own is not None and _DEADLINE.match(own.text) and own.precision not in (None, DAY) \
            and doc.published:  # "had seized 12 towns by August 2024": done some time
        return undated_past(own.text)  # before it, on no day the text gives
    if own is not None:
        return _as_said(own, sentence, scene, trigger_at)
    if (since_event := _since_event_in(sentence, scene)) is not None:
        return since_event
    if (since_then := _since_then(sentence, scene)) is not None:
        return since_then
    if (retold := _dated_next(sentence, scene)) is not None:
        return retold
    nominal = _NOMINAL.match(sentence.text[offset:])
    if nominal and doc.published and not _STILL.search(sentence.text, offset) \
            and not _GOVERNED.search(sentence.text[:offset]):
        return undated_past(nominal.group(0))
    if (told := _anaphoric(sentence, trigger_at, scene)) is not None:
        return told
    if (lasting := _lasting(sentence, scene)) is not None:
        return lasting
    return _undated(sentence, offset, previous, scene)


def _undated(sentence: Sentence, offset: int, previous: DateInterval | None,
             scene: Scene) -> DateInterval | None:
    """Rules 6-9: the sentence says nothing about when."""
    published = scene.doc.published
    if published is None:
        return previous
    if previous is not None and previous.start is None and previous.end is None:
        previous = None  # an undated past event dates nothing told after it
    if _in_relative_clause(sentence.text, offset):
        return undated_past(_word_at(sentence.text, offset))
    own_clauses = _without_other_clauses(sentence, offset, scene.dates)
    if told_as_past := _undated_past_pattern().search(own_clauses):
        return undated_past(told_as_past.group(0))
    if (pluperfect := _PLUPERFECT.search(sentence.text[max(0, offset - 40):offset])) \
            and not _hearsay().search(sentence.text):
        return undated_past(f"{pluperfect.group(0).strip()} {_word_at(sentence.text, offset)}")
    near = sentence.text[max(0, offset - 30):offset + 30]
    perfect = _PERFECT.search(sentence.text[max(0, offset - 30):offset]) \
        or _SHARED_PERFECT.search(sentence.text[max(0, offset - 100):offset])
    own_perfect = _PERFECT_AFTER.match(sentence.text, offset)
    now = _TODAY.search(near)
    if _simple_past(sentence.text, offset):  # "struck Kharkiv, and officials say the toll
        now, own_clauses = None, ""  # is rising": the present is another verb's
    if now is None and (perfect or own_perfect or _ONGOING.search(own_clauses)):
        campaign = _campaign_of(sentence, scene)
        if campaign is not None:
            return campaign
    if words := now or perfect or own_perfect:
        return recent_window(published, words.group(0).strip())
    if _is_flight(sentence.text, offset):
        if campaign := _campaign_of(sentence, scene, True):
            return campaign
        if previous is not None and previous.start and not is_background(previous, published):
            return DateInterval(previous.start, published, previous.text,
                                precision_for(previous.start, published))
    if ongoing := _ONGOING.search(own_clauses):
        return recent_window(published, ongoing.group(0))
    if previous is None and scene.text:  # no event dated yet: the last news date told
        news = [d for d in scene.dates if not is_background(d, published)]
        previous = _last_told(sentence.start, news, scene.text)
    elif previous is not None and is_background(previous, published) and scene.text:
        # only background since the news: the last news date told not long before (a
        # window, so that a long text stays linear)
        told = _dates_in(scene.dates, max(0, sentence.start - NEWS_REACH), sentence.start)
        news = [d for d in told if not is_background(d, published)]
        previous = _last_told(sentence.start, news, scene.text) or previous
    if previous is not None and (later := _later_than(previous, sentence, published)):
        return later
    return previous if previous is not None else recent_window(published)


def _later_than(previous: DateInterval, sentence: Sentence, published: date
                ) -> DateInterval | None:
    """ "Troops captured X in mid-August. The TNLA retook the town later.": a sequel word
    after a date longer than a day, told in the next sentences as in the same one, allows
    any day from that date's start to publication."""
    if previous.start is None or previous.end is None or previous.end <= previous.start \
            or previous.start > published:
        return None
    found = [m for m in _sequel_patterns()[1].finditer(sentence.text)
             if not _after_a_length(sentence.text, m.start())]
    if not found:
        return None
    return DateInterval(previous.start, published, f"{previous.text} ... {found[0].group(0)}",
                        precision_for(previous.start, published))


#: what may stand between two days of one list: "August 2, 9, and 14", "Monday and on
#: Wednesday", "2 and 5 September", "on Saturday and again on Sunday"
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:again\s+)?(?:on\s+)?",
                        re.IGNORECASE)


def listed_days(when: DateInterval, sentence: Sentence, dates: list[DateInterval],
                objects: bool = False) -> list[DateInterval]:
    """The days of the list ``when`` belongs to ("airstrikes on August 2, 9, and 14"):
    ACLED codes one event per day, so each day dates an event of its own. A date that
    is no day of a list gives itself alone. With ``objects``, the items of a list may be
    things the verb governs, each with its own day ("captured Battalion 236 on Feb. 20,
    Tank Battalion 5014 on Feb. 7, and the airport on Jan. 26"): one event a day; a
    written day no publication date resolves counts by its words."""
    if when.span is None or when.precision != DAY:
        return [when]
    days = [d for d in _dates_in(dates, sentence.start, sentence.end)
            if d.span is not None and d.precision == DAY and d.start == d.end
            and (d.start is not None or (objects and written_day(d)))]
    days.sort(key=lambda d: d.span.start if d.span else 0)
    at = next((i for i, d in enumerate(days) if d.span == when.span and d.start == when.start),
              None)
    if at is None:
        return [when]
    first = last = at
    text = sentence.text
    while first > 0 and _joined(text, sentence.start, days[first - 1], days[first], objects):
        first -= 1
    while last + 1 < len(days) and _joined(text, sentence.start, days[last], days[last + 1],
                                           objects):
        last += 1
    chain = days[first:last + 1]
    if len(chain) < 2 or len({day_key(d) for d in chain}) < len(chain):
        return [when]
    # a list closes with "and" ("August 2, 9, and 14"); "today, August 5th" or "Monday,
    # September 8" is one day written twice
    closing = text[chain[-2].span.end - sentence.start:chain[-1].span.start - sentence.start] \
        if chain[-2].span and chain[-1].span else ""
    return chain if re.search(r"\band\b|&", closing) else [when]


def _joined(text: str, offset: int, a: DateInterval, b: DateInterval,
            objects: bool = False) -> bool:
    assert a.span is not None and b.span is not None
    between = text[a.span.end - offset:b.span.start - offset]
    return _LIST_JOIN.fullmatch(between) is not None or \
        (objects and _OBJECT_JOIN.fullmatch(between) is not None)


#: between two days of a list of dated objects: ", Tank Battalion 5014 on", ", and the
#: Bhamo Airport on" (a name of up to six words, capitalised or numbered; no verb)
_OBJECT_JOIN = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?(?:(?:[A-Z0-9][\w’'.-]*|\([A-Z0-9-]+\))"
                          r"\s+){1,6}(?:(?:on|in)\s+)?")
#: a day written with its number ("Feb. 20", "20 February"), not a weekday
_DAY_NUMBER = re.compile(r"\d")


def written_day(date: DateInterval) -> bool:
    """A day written with its number that no publication date resolves ("on Feb. 20")."""
    return date.start is None and date.end is None and bool(_DAY_NUMBER.search(date.text))


def unresolved_apart(a: DateInterval, b: DateInterval) -> bool:
    """Two days written with their numbers that no publication date resolves ("Feb. 20",
    "Feb. 7"): different days, whose events ACLED keeps apart."""
    return written_day(a) and written_day(b) and day_key(a) != day_key(b)


#: a day named by its weekday that no publication date resolves ("on Saturday")
_WEEKDAY_ONLY = re.compile(r"(?:on\s+)?(?:last\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                           r"(?:\s+(?:morning|afternoon|evening|night))?", re.IGNORECASE)


def named_days_apart(a: DateInterval, b: DateInterval) -> bool:
    """Two days no publication date resolves, each written with its number or its weekday,
    that differ ("on Saturday" and "on Monday"): two days, as ``unresolved_apart``."""
    def named(d: DateInterval) -> bool:
        return written_day(d) or (d.start is None and d.end is None
                                  and bool(_WEEKDAY_ONLY.fullmatch(d.text.strip())))
    return named(a) and named(b) and day_key(a) != day_key(b)


def day_key(date: DateInterval) -> object:
    """What tells two days apart: the calendar day, else (unresolved) its written words."""
    if date.start is None and date.end is None and date.text:
        return re.sub(r"^(?:on|in)\s+", "", date.text.strip().lower())
    return date.start


#: an auxiliary before a past form makes it a perfect or a passive present
_AUXILIARY_BEFORE = re.compile(r"\b(?:has|have|is|are|am|been|being)\s+(?:\w+ly\s+|also\s+|"
                               r"already\s+|now\s+|not\s+)*$", re.IGNORECASE)


def _simple_past(sentence: str, offset: int) -> bool:
    """The trigger is a verb in the simple past ("struck", "were killed"), or a noun whose
    verb follows in it ("missiles also struck"): the sentence's present words ("now",
    "is rising") tell another verb, not this event."""
    word = _word_at(sentence, offset)
    if not _is_past(word):
        following = re.match(r"[\w’'-]+\s+(?:(?:\w+ly|also)\s+)?(?P<verb>[\w’'-]+)",
                             sentence[offset:])
        if following is None or not _is_past(following["verb"]):
            return False
        offset += following.start("verb")
    return _AUXILIARY_BEFORE.search(sentence[max(0, offset - 40):offset]) is None


def _without_other_clauses(sentence: Sentence, offset: int, dates: list[DateInterval]) -> str:
    """The sentence with the relative clauses that do not hold the trigger blanked out:
    "missiles also hit Kharkiv, where thousands are still without power" tells a past
    strike; the present tense is the clause's, not the event's."""
    clauses = _relative_clauses(sentence, _dates_in(dates, sentence.start, sentence.end))
    trigger_at = sentence.start + offset
    text = sentence.text
    for start, end in clauses:
        if not start <= trigger_at < end:
            a, b = start - sentence.start, end - sentence.start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


@cache
def _undated_past_pattern() -> re.Pattern[str]:
    body = _phrases(lexicon().undated_past_words)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


@cache
def _hearsay() -> re.Pattern[str]:
    """ "Residents said the RSF had shelled X": a pluperfect shifted back by reported
    speech tells the news, not background."""
    body = _phrases(lexicon().speech_verbs + lexicon().hearsay_words)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def undated_past(words: str) -> DateInterval:
    """A past event the text gives no date ("the group previously captured 12 towns",
    "the recapture of X"): no dates at all (GOLD.md), which ``is_background`` reads as
    past context in a dated text."""
    return DateInterval(None, None, words.strip(), None)


def _not_after(interval: DateInterval | None, published: date | None,
               told_as_past: bool = True) -> DateInterval | None:
    """An event never gets a date later than publication: a past event on a month and
    day without a year that would fall after it ("bombed X on October 7" in April) was
    last year's; otherwise a period running past it ("talks later this month", "will
    vote on December 28": plans) ends on it."""
    if interval is None or published is None:
        return interval
    start, end = interval.start, interval.end
    if (start is None or start <= published) and (end is None or end <= published):
        return interval
    if told_as_past and start and end and start > published \
            and _names_a_month(interval.text) and not _YEAR.search(interval.text):
        a_year_before = _year_before(start), _year_before(end)
        return DateInterval(*a_year_before, interval.text, interval.precision, interval.span)
    start = min(start, published) if start else None
    end = min(end, published) if end else None
    precision = precision_for(start, end) if start and end else interval.precision
    return DateInterval(start, end, interval.text, precision, interval.span)


def not_after_publication(interval: DateInterval | None, published: date | None
                          ) -> DateInterval | None:
    """A date some rule read for a past event, kept to publication (``_not_after``)."""
    return _not_after(interval, published)


def _names_a_month(words: str) -> bool:
    months = lexicon().months
    return any(w.rstrip(".").lower() in months for w in re.findall(r"[A-Z][a-z]+\.?", words))


def _year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=min(day.day, month_end(day.year - 1, day.month).day))


# --- a date in the sentence -------------------------------------------------


@dataclass
class _DateOrder:
    """The dates of one document sorted by where they start, for ``_dates_in``."""

    dates: list[DateInterval]
    count: int
    starts: list[int]
    positions: list[int]  # index in ``dates`` of each sorted start


_last_order: list[_DateOrder] = []


def _dates_in(dates: list[DateInterval], start: int, end: int) -> list[DateInterval]:
    """The dates (with a span) starting in ``[start, end)``, in list order: a bisection of
    the document's dates sorted once, where a scan per trigger made long articles
    quadratic (the sort is kept for the list last asked about)."""
    order = next((o for o in _last_order if o.dates is dates and o.count == len(dates)), None)
    if order is None:  # the last two lists: a document's dates and those outside datelines
        ranked = sorted((d.span.start, i) for i, d in enumerate(dates) if d.span)
        order = _DateOrder(dates, len(dates), [s for s, _ in ranked], [i for _, i in ranked])
        _last_order[:] = [order, *_last_order[:1]]
    low, high = bisect_left(order.starts, start), bisect_left(order.starts, end)
    return [dates[i] for i in sorted(order.positions[low:high])]


def _own_date(sentence: Sentence, trigger_at: int, dates: list[DateInterval],
              parse: Callable[[], Doc] | None = None) -> DateInterval | None:
    """The sentence's date nearest the trigger; else one opening the sentence; else its
    one date closing the trigger's clause."""
    in_sentence = _dates_in(dates, sentence.start, sentence.end)
    clauses = _relative_clauses(sentence, in_sentence)
    home = inside = _clause_of(trigger_at, clauses)
    if home is None:  # "The attack on X, which took place on Sunday": the trigger's own
        home = _clause_after_noun(sentence, trigger_at, clauses)
    in_sentence = [d for d in in_sentence if not _vague_elsewhere(d, sentence, trigger_at)
                   and not _in_other_clause(d, home, clauses)
                   and not _after_own_clause(d, inside, clauses)]
    near = [d for d in in_sentence if d.span and abs(d.span.start - trigger_at) <= DATE_REACH]
    placed = [d for d in near if d.start is not None or d.end is not None]
    opening = next((d for d in in_sentence if _opens(sentence, d)), None)
    if not placed and opening is not None:
        return opening
    if placed or near:
        return min(placed or near, key=lambda d: abs(d.span.start - trigger_at) if d.span else 0)
    return _closing_date(sentence, trigger_at, in_sentence, parse)


#: ", which ...", ", who ...": a relative clause set off by a comma
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whom|whose|where)\b", re.IGNORECASE)


def _relative_clauses(sentence: Sentence, dates: list[DateInterval]) -> list[tuple[int, int]]:
    """The document offsets of each relative clause set off by commas ("The RSF, which
    captured Nyala last year, shelled ..."): from its comma to the next comma that is not
    inside a date ("on July 3, 2024"), or the sentence's end. A date inside one tells
    when that clause's verb happened, not the main clause's."""
    found = []
    spans = [d.span for d in dates if d.span]
    happening = _happening_pattern()
    for m in _RELATIVE_OPEN.finditer(sentence.text):
        if happening.match(sentence.text, m.end()):
            continue  # "The attack, which took place on Sunday, killed ...": the event's own
        end = sentence.end
        for comma in re.finditer(",", sentence.text[m.end():]):
            at = sentence.start + m.end() + comma.start()
            if not any(span.start <= at < span.end for span in spans):
                end = at
                break
        found.append((sentence.start + m.start(), end))
    return found


def _in_other_clause(interval: DateInterval, home: int | None,
                     clauses: list[tuple[int, int]]) -> bool:
    """A date inside a relative clause that does not hold the trigger. (A trigger in a
    relative clause keeps the main clause's date: "on Monday, which led to clashes".)"""
    if interval.span is None:
        return False
    inside = _clause_of(interval.span.start, clauses)
    return inside is not None and inside != home


def _after_own_clause(interval: DateInterval, home: int | None,
                      clauses: list[tuple[int, int]]) -> bool:
    """A date after the end of the relative clause that holds the trigger (not one
    told after a trigger noun: "The attack, which ..., killed five on Sunday"): it dates
    the main clause ("The RSF, which captured Nyala, shelled El Fasher on Wednesday": the
    capture is told with no date of its own)."""
    if interval.span is None or home is None:
        return False
    return interval.span.start >= clauses[home][1]


@cache
def _happening_pattern() -> re.Pattern[str]:
    body = _phrases(lexicon().happening_verbs)
    return re.compile(rf"\s+(?:\w+ly\s+)?(?:{body})\b", re.IGNORECASE)


#: what may stand between the retelling noun and its verb of happening: "The shelling of
#: the market took place", "The attack reportedly happened"
_RETOLD_GAP = r"(?:\s+(?:on|of|in|at|near)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?"


def _dated_next(sentence: Sentence, scene: Scene) -> DateInterval | None:
    """ "Junta jets bombed X, killing two. The strike hit the market on Monday": a
    sentence opening with the event told again ("the strike", "the shelling", "the
    bombs"; "It happened") gives the day the event's own sentence left out. Only the
    very next sentence; with a verb of happening right after the noun its date ("The
    attack took place in early May"), else only a single day of the story (not a day of
    speaking); a day the shift counts from moves by the shift ("The attack came two
    days after gunmen ambushed soldiers on Sunday": Tuesday)."""
    if not scene.text:
        return None
    found = _retold_opener().match(scene.text, sentence.end)
    if found is None:
        return None
    stop = re.compile(r"[.;:!?\n]").search(scene.text, found.end())
    end = stop.start() if stop else len(scene.text)
    after = [d for d in _dates_in(scene.dates, found.end(), end)
             if d.start is not None and d.span and not _in_quote(scene.text, d.span.start)]
    if not after:
        return None
    first = min(after, key=lambda d: d.span.start if d.span else 0)
    assert first.span is not None
    if found.group("happening") and first.span.start - found.end() <= VAGUE_REACH:
        return first
    if first.start != first.end or _reporting_date(scene.text, first):
        return None
    shift = _shift_in(scene.text, found.start(), first.span.start)
    if shift is None:
        return first
    words, days = shift  # "The attack came two days after [X on Sunday]": Sunday + 2
    if not _points_back(scene.text, words) or first.start is None or first.end is None:
        return None
    return DateInterval(first.start + timedelta(days=days), first.end + timedelta(days=days),
                        f"{words.group(0)} {first.text}", first.precision)


@cache
def _retold_opener() -> re.Pattern[str]:
    """The event told again at a sentence's start, and a verb of happening after it."""
    happening = _phrases(lexicon().happening_verbs)
    return re.compile(rf"\s*(?:(?:{cues().sequel_openers.pattern}){_RETOLD_GAP}|it\b)"
                      rf"(?P<happening>\s+(?:\w+ly\s+)?(?:{happening})\b)?", re.IGNORECASE)


def _clause_after_noun(sentence: Sentence, trigger_at: int, clauses: list[tuple[int, int]]
                       ) -> int | None:
    """The relative clause right after a trigger told as a noun ("The attack on X, which
    took place on Sunday, ..."): it says when the trigger's own event happened. A past
    verb between them ("shelled X, which ...") gives the clause another antecedent."""
    if _is_past(_word_at(sentence.text, trigger_at - sentence.start)):
        return None
    after = [i for i, (start, _end) in enumerate(clauses) if start > trigger_at]
    if not after:
        return None
    first = after[0]
    between = sentence.text[trigger_at - sentence.start:clauses[first][0] - sentence.start]
    words = re.findall(r"[\w’'-]+", between)[1:]
    return None if any(_is_past(w) for w in words) else first


def _clause_of(at: int, clauses: list[tuple[int, int]]) -> int | None:
    """The index of the innermost (last opened) relative clause holding ``at``."""
    inside = [i for i, (start, end) in enumerate(clauses) if start <= at < end]
    return inside[-1] if inside else None


#: words that start another clause between a trigger and a later date
_CLAUSE_BREAK = re.compile(r"[;:!?“”\"]|\b(?:which|who|whom|whose|where|when|while|after|"
                           r"before|since|following|amid|because|as|but|then|said|says|told|according)\b",
                           re.IGNORECASE)


def _closing_date(sentence: Sentence, trigger_at: int, in_sentence: list[DateInterval],
                  parse: Callable[[], Doc] | None = None) -> DateInterval | None:
    """ "Clashes were reported between the junta and the TNLA in Nawnghkio Township,
    northern Shan State, on Monday": the sentence's one date, after the trigger and
    beyond DATE_REACH, dates it when no other clause or verb comes between."""
    placed = [d for d in in_sentence if d.span and (d.start is not None or d.end is not None)]
    if len(placed) != 1 or placed[0].span is None or placed[0].span.start <= trigger_at:
        return None
    between = sentence.text[trigger_at - sentence.start:placed[0].span.start - sentence.start]
    words = re.findall(r"[\w’'-]+", between)[1:]  # the trigger's own word aside
    # where the words cannot tell ("killed by artillery in Laukkai, located in the Kokang
    # Self-Administered Zone, on Nov. 22"), the parse says which verb the date modifies
    if (_CLAUSE_BREAK.search(between) or sum(map(_is_past, words)) > 1) and (
            parse is None or not _same_predicate(parse(), trigger_at - sentence.start,
                                                 placed[0].span.start - sentence.start)):
        return None
    return placed[0]


#: parts of speech that head a predicate
_PREDICATE_POS = frozenset({"VERB", "AUX"})


def _token_at(doc: Doc, offset: int) -> Token | None:
    """The token starting at or holding the character ``offset`` of the sentence."""
    for token in doc:
        if token.idx <= offset < token.idx + max(1, len(token.text)):
            return token
    return None


def _predicate_of(token: Token) -> Token:
    """The verb a word belongs to: itself when a verb, else the first verb above it."""
    seen = 0
    while token.pos_ not in _PREDICATE_POS and token.head is not token and seen < 40:
        token, seen = token.head, seen + 1
    return token


def _same_predicate(doc: Doc, trigger: int, when: int) -> bool:
    """The date and the trigger belong to one verb in the dependency parse ("were killed
    by artillery ..., on Nov. 22": both hang from "killed")."""
    trigger_token, date_token = _token_at(doc, trigger), _token_at(doc, when)
    if trigger_token is None or date_token is None:
        return False
    verb = _predicate_of(trigger_token)
    # a past verb only: "clashes continue ... as of Thursday" is a present report, dated
    # by the week up to publication, not by the day it was true
    if verb.tag_ not in _PAST_TAGS:
        return False
    other = _predicate_of(date_token)
    return verb == other or _simultaneous_clause(other, verb)


#: subordinators of a clause that happens at the same time as its head verb
_AT_THE_TIME = frozenset({"when", "as", "while"})


def _simultaneous_clause(clause: Token, verb: Token) -> bool:
    """"Two people were killed (and nine injured) when a bomb struck X on Monday": the date
    of a "when", "as" or "while" clause of the trigger's verb, or of a verb joined to it,
    is the trigger's date too."""
    head = clause.head
    joined = head == verb or (head.dep_ == "conj" and head.head == verb)
    return clause.dep_ == "advcl" and joined and any(
        child.dep_ in ("mark", "advmod") and child.lower_ in _AT_THE_TIME
        for child in clause.children)


#: Penn tags of a verb told in the past (simple past, past participle)
_PAST_TAGS = frozenset({"VBD", "VBN"})


def _vague_elsewhere(interval: DateInterval, sentence: Sentence, trigger_at: int) -> bool:
    """ "recently" dates the sentence it opens ("Recently, the army ...") or the verb it
    modifies ("recently captured", "captured X recently"), not another clause's event."""
    if interval.span is None or interval.text.lower() not in lexicon().recent_words:
        return False
    if _opens(sentence, interval):
        return False
    start, end = (interval.span.end, trigger_at) if interval.span.start < trigger_at \
        else (trigger_at, interval.span.start)
    between = sentence.text[start - sentence.start:end - sentence.start]
    return len(between) > VAGUE_REACH or re.search(r"[,;:()]", between) is not None


@cache
def _sequel_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Sequel words after any date, after a date longer than a day, and commitments
    followed by their verb (not "agreed to a ceasefire")."""
    lex = lexicon()

    return (re.compile(rf"\b(?:{_phrases(lex.sequel_words)})\b(?!-)", re.IGNORECASE),
            re.compile(rf"\b(?:{_phrases(lex.coarse_sequel_words)})\b(?!-)", re.IGNORECASE),
            re.compile(rf"\b(?:{_phrases(lex.commitment_words)})\s+"
                       rf"(?!(?:a|an|the|its|their|this|that|his|her)\b)[a-z]+\b"))


def _sequel(own: DateInterval, trigger_at: int, scene: Scene) -> DateInterval | None:
    """ "agreed in January to hand back Lashio", "on May 4, which led to counterattacks",
    "occupied the town in November, but it was retaken": told as coming after the dated
    event, the trigger's event may fall on any day from that date's start to publication."""
    published = scene.doc.published
    if (own.span is None or own.start is None or own.end is None or published is None
            or not scene.text or own.span.end > trigger_at or own.start > published):
        return None
    between = scene.text[own.span.end:trigger_at]
    if re.search(r"[.;:!?\n]", between) or _anaphora_pattern().search(between):
        return None
    any_date, coarse, commitment = _sequel_patterns()
    found = [m for m in any_date.finditer(between) if not _after_a_length(between, m.start())]
    if own.end > own.start:
        found += [m for m in coarse.finditer(between) if not _after_a_length(between, m.start())]
    found += [m for m in commitment.finditer(scene.text, own.span.end, trigger_at + 40)
              if m.start() < trigger_at]
    if not found and _word_at(scene.text, trigger_at).lower() in lexicon().reversal_words \
            and re.search(r"\bbut\b", between, re.IGNORECASE):
        words = _word_at(scene.text, trigger_at)
    elif found:
        words = " ".join(min(found, key=lambda m: m.start()).group(0).split()[:2])
    else:
        return None
    return DateInterval(own.start, published, f"{own.text} ... {words}",
                        precision_for(own.start, published))


def _after_a_length(text: str, at: int) -> bool:
    """ "two days later": the word counts a length from the date, not any time after."""
    before = re.findall(r"[\w’'-]+", text[:at])
    return bool(before) and before[-1].lower() in lexicon().units


@cache
def _state_since_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon().state_since_participles)
    return re.compile(rf"\b(?:{words})(?:\s+by\s+[^.;:!?\n]{{1,100}}?)?[\s,]*$", re.IGNORECASE)


def _onset_of_state(own: DateInterval, trigger_at: int, scene: Scene) -> DateInterval | None:
    """ "Naungcho, seized by the TNLA since last year": a capture told as the state the
    town has been in since a period happened in that period (an active "seized most of
    the state since October 2023" tells seizures over the whole time since)."""
    published = scene.doc.published
    since = re.match(r"(?:ever\s+)?since\s+(?P<rest>\S.*)", own.text, re.IGNORECASE | re.DOTALL)
    if since is None or own.span is None or not scene.text or published is None:
        return None
    state = _state_since_pattern().search(scene.text, trigger_at, own.span.start)
    if state is None or state.start() != trigger_at:  # the participle is the event's own
        return None
    period = resolve(since["rest"], published)
    if period is None or period.start is None or period.end is None:
        return None
    return DateInterval(period.start, period.end, own.text, period.precision, own.span)


def _opens(sentence: Sentence, interval: DateInterval) -> bool:
    """ "In March and April 2021, KHRG documented ...", "Similarly, on July 26, 2019, ...":
    the date covers the whole sentence."""
    if interval.span is None:
        return False
    before = sentence.text[: interval.span.start - sentence.start]
    after = sentence.text[interval.span.end - sentence.start:]
    opening = len(before.strip()) < OPENING_CHARS or _connective().fullmatch(before) is not None
    return opening and after.startswith(",")


@cache
def _connective() -> re.Pattern[str]:
    """ "Similarly, " or "Meanwhile " before a date: the date still opens the sentence."""
    body = _phrases(lexicon().sentence_connectives)
    return re.compile(rf"\s*(?:{body})\s*,?\s*", re.IGNORECASE)


def _as_said(own: DateInterval, sentence: Sentence, scene: Scene,
             trigger_at: int | None = None) -> DateInterval:
    """A date read as the words' author meant it: quoted days count from the day of
    speaking; the day of speaking does not date an ongoing or perfect report ("clashes
    are continuing, she said on Tuesday", "the army said on Thursday its forces have
    recaptured X"): the week up to publication."""
    published = scene.doc.published
    if own.span is None or not scene.text or published is None:
        return own
    said = _speech_date(sentence, scene)
    if said is None or said.start is None:
        return own
    quoted = own is not said and _in_quote(scene.text, own.span.start)
    if quoted and _counts_from_today(own) and own.start and own.end:
        shift = said.start - published
        return DateInterval(own.start + shift, own.end + shift, own.text, own.precision,
                            own.span)
    if own is said and (ongoing := _ONGOING.search(
            sentence.text[: own.span.start - sentence.start])):
        return recent_window(published, ongoing.group(0))  # when said, not when it happened
    if own is said and trigger_at is not None and own.span.end <= trigger_at \
            and (current := _current_after(scene.text, own.span.end, trigger_at)):
        return recent_window(published, current)
    return own


#: "is", "are" or a perfect right before the trigger: "its forces have recaptured X"
_CURRENT_AUX = re.compile(r"\b(?:has|have|is|are)\s+(?:\w+ly\s+|also\s+|now\s+|already\s+|"
                          r"been\s+)*$", re.IGNORECASE)


def _current_after(text: str, said_end: int, trigger_at: int) -> str | None:
    """The words that tell the trigger's event as current or perfect, in what was said
    after the day of speaking ("said on Thursday that its forces have recaptured X",
    "said on Monday fighting was still going on"), else None."""
    between = text[said_end:trigger_at]
    if re.search(r"[.;!?\n]", between):
        return None
    if aux := _CURRENT_AUX.search(text, max(said_end, trigger_at - 40), trigger_at):
        return aux.group(0).split()[0]
    still = _STILL.search(between)
    return still.group(0) if still else None


def _counts_from_today(interval: DateInterval) -> bool:
    """ "today", "yesterday", "last night": words whose day moves with the day of
    speaking (a weekday or a date names the same day whoever says it)."""
    words = " ".join(interval.text.lower().split())
    lead = words.split(maxsplit=1)
    if len(lead) == 2 and lead[0] in lexicon().lead_words:
        words = lead[1]
    return words in lexicon().day_words


@cache
def _speech_pattern() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in lexicon().speech_verbs)
    return re.compile(rf"\b(?:{verbs})\b[^.,;“”\"]{{0,40}}$", re.IGNORECASE)


def _speech_date(sentence: Sentence, scene: Scene) -> DateInterval | None:
    """The date of "she told The Irrawaddy on Wednesday", outside any quotation; "she
    said" alone goes on with the last such date told within SPEECH_REACH before."""
    said = _said_dates(scene, sentence.start, sentence.end)
    if said:
        return said[0]
    if _PRONOUN_SPEECH.search(sentence.text):
        earlier = _said_dates(scene, max(0, sentence.start - SPEECH_REACH), sentence.start)
        return earlier[-1] if earlier else None
    return None


def _said_dates(scene: Scene, start: int, end: int) -> list[DateInterval]:
    """Dates of speaking between two offsets (each read within its own sentence)."""
    text, found = scene.text, []
    for d in _dates_in(scene.dates, start, end):
        assert d.span is not None  # (``_dates_in`` keeps dates with a span only)
        before = text[_sentence_bounds(text, d.span.start)[0]:d.span.start]
        if _speech_pattern().search(before) and not _in_quote(text, d.span.start):
            found.append(d)
    return found


def _in_quote(text: str, at: int) -> bool:
    """Inside a quotation opened earlier in the same paragraph."""
    paragraph = text[text.rfind("\n", 0, at) + 1:at]
    curly = paragraph.count("“") > paragraph.count("”")
    return curly or paragraph.count('"') % 2 == 1


# --- dates told elsewhere ---------------------------------------------------


@cache
def _anaphora_pattern() -> re.Pattern[str]:
    body = _phrases(lexicon().anaphora)
    # ("at the time of writing", "the day of the attack" name their own time)
    return re.compile(rf"\b(?:{body})\b(?!\s+of\b)", re.IGNORECASE)


@cache
def _counted_shift_pattern() -> re.Pattern[str]:
    """ "two days later", "a week after", "three days earlier": a counted shift."""
    lex = lexicon()
    numbers = _phrases(w for w, (low, high) in lex.numbers.items() if low == high)
    return re.compile(rf"\b(?P<num>{numbers}|\d{{1,2}})\s+(?P<unit>days?|weeks?)\s+"
                      rf"(?P<dir>later|after|earlier|before)\b", re.IGNORECASE)


def _shift_in(text: str, start: int = 0, end: int | None = None
              ) -> tuple[re.Match[str], int] | None:
    """The first anaphoric shift in ``text[start:end]`` ("later that day", "a day after",
    "two days later") and its days, as written (before any sign flip)."""
    end = len(text) if end is None else end
    found = _anaphora_pattern().search(text, start, end)
    if found is not None:
        return found, lexicon().anaphora[" ".join(found.group(0).lower().split())]
    counted = _counted_shift_pattern().search(text, start, end)
    if counted is None:
        return None
    lex = lexicon()
    number = counted["num"].lower()
    count = int(number) if number.isdigit() else lex.numbers[" ".join(number.split())][0]
    days = count * lex.unit_days[lex.units[counted["unit"].lower()]]
    return counted, days if counted["dir"].lower() in ("later", "after") else -days


def _points_back(text: str, found: re.Match[str]) -> bool:
    """ "a day after [X killed 12]" (a preposition taking the other event, not "a day after
    that"): the event told before the phrase is the later one, so the shift turns round."""
    last = found.group(0).split()[-1].lower()
    return last in ("after", "before") and not _BACK_REFERENCE.match(text, found.end())


def _anaphoric(sentence: Sentence, trigger_at: int, scene: Scene) -> DateInterval | None:
    """ "Later that day", "Two days later": the last date told before, outside
    quotations, shifted."""
    shift_found = _shift_in(sentence.text)
    if shift_found is None or not scene.text:
        return None
    found, days = shift_found
    told = _last_told(sentence.start, scene.dates, scene.text, narrated_day=days != 0)
    if told is None or told.start is None or told.end is None:
        return None
    if sentence.start + found.start() < trigger_at and _points_back(sentence.text, found):
        days = -days  # "occurred a day after [X killed 12]": X is the earlier one
    shift = timedelta(days=days)
    return DateInterval(told.start + shift, told.end + shift, found.group(0), told.precision)


#: words between a trigger and a shift after it that give the shift another verb
_OTHER_VERB = re.compile(r"[.;:!?\n]|\b(?:and|but|while|whereas|which|who|where|when|"
                         r"said|says|told)\b", re.IGNORECASE)


def _trailing_shift(sentence: Sentence, trigger_at: int, scene: Scene) -> DateInterval | None:
    """A shift told after the trigger in its clause, with no date of the trigger's own
    before it: "shelled Bara on Monday and bombed El Fasher the next day" (the day after
    the date told before the trigger, or the story's last day); "shelled El Fasher, a week
    after it captured Bara on September 1" (the date after the shift, moved by it)."""
    text = scene.text
    if not text:
        return None
    trigger_end = trigger_at + len(_word_at(text, trigger_at))
    reach = min(sentence.end, trigger_at + DATE_REACH)
    shift_found = _shift_in(text, trigger_end, reach)
    if shift_found is None:
        return None
    found, days = shift_found
    between = text[trigger_end:found.start()]
    in_sentence = _dates_in(scene.dates, sentence.start, sentence.end)
    spans = [d.span for d in in_sentence if d.span]
    if _OTHER_VERB.search(between) or sum(map(_is_past, re.findall(r"[\w’'-]+", between))) \
            or any(sp.start < found.end() and found.start() < sp.end for sp in spans) \
            or any(trigger_at <= sp.start < found.start() for sp in spans):
        return None  # another verb's shift, part of a date, or the trigger dated before it
    if _points_back(text, found):  # "a week after [it captured Bara on September 1]"
        clause_end = re.search(r"[.;:!?\n]", text[found.end():sentence.end])
        stop = found.end() + clause_end.start() if clause_end else sentence.end
        after = [d for d in in_sentence if d.span and found.end() <= d.span.start < stop
                 and d.start is not None and d.end is not None]
        anchor: DateInterval | None = after[0] if after else None
    else:  # "the next day": from the date told before the trigger
        before = [d for d in in_sentence if d.span and d.span.end <= trigger_at
                  and d.start is not None and d.end is not None]
        anchor = before[-1] if before else \
            _last_told(sentence.start, scene.dates, text, narrated_day=days != 0)
    if anchor is None:
        return None
    assert anchor.start is not None and anchor.end is not None
    shift = timedelta(days=days)
    return DateInterval(anchor.start + shift, anchor.end + shift,
                        f"{anchor.text} ... {found.group(0)}", anchor.precision)


def _shifted_own(own: DateInterval, trigger_at: int, scene: Scene) -> DateInterval | None:
    """ "recaptured Bara on Thursday, a day after the RSF seized Nyala": a shift between
    the sentence's date and a later trigger moves the date ("two days later shelled X":
    two days on; "a day after [X]": X was a day before)."""
    if (own.span is None or own.start is None or own.end is None or not scene.text
            or own.span.end > trigger_at):
        return None
    shift_found = _shift_in(scene.text, own.span.end, trigger_at)
    if shift_found is None or re.search(r"[.;:!?\n]", scene.text[own.span.end:trigger_at]):
        return None
    found, days = shift_found
    if _points_back(scene.text, found):
        if "," in scene.text[found.end():trigger_at]:
            return None  # "on September 30, a day before X, the TNLA set fire": the trigger
            # follows the aside that places the other event, and keeps the date itself
        days = -days
    shift = timedelta(days=days)
    return DateInterval(own.start + shift, own.end + shift, f"{own.text} ... {found.group(0)}",
                        own.precision)


def _last_told(before: int, dates: list[DateInterval], text: str,
               narrated_day: bool = False) -> DateInterval | None:
    """The last resolved date in the narrative before ``before``. With ``narrated_day``
    (what "the next day" or "two days later" counts from) only a single day counts, and
    not the day something was said or published ("a report released on Tuesday") nor
    a longer date ("people who had fled in August"): the shift counts days of the story."""
    told = [d for d in dates if d.span and d.span.end <= before and d.start is not None
            and not _in_quote(text, d.span.start)]
    if narrated_day:
        told = [d for d in told if d.start == d.end and not _reporting_date(text, d)]
    return max(told, key=lambda d: d.span.start if d.span else 0, default=None)


@cache
def _reporting_pattern() -> re.Pattern[str]:
    verbs = _phrases(lexicon().speech_verbs + lexicon().report_verbs)
    return re.compile(rf"\b(?:{verbs})\b[^.,;“”\"]{{0,40}}$", re.IGNORECASE)


def _reporting_date(text: str, interval: DateInterval) -> bool:
    """ "said on Tuesday", "a statement issued on Tuesday": the day of the report."""
    assert interval.span is not None
    before = text[_sentence_bounds(text, interval.span.start)[0]:interval.span.start]
    return _reporting_pattern().search(before) is not None


@cache
def _duration_pattern() -> re.Pattern[str]:
    lex = lexicon()
    leads = "|".join(re.escape(w) for w in lex.duration_leads)
    numbers = "|".join(re.escape(w) for w in sorted(lex.numbers, key=len, reverse=True))
    # ("after a months-long siege" counts nothing: the unit is part of an adjective)
    # (no count: "after weeks of fighting", a vague length)
    # ("for a day", "after one day of fighting": N = 1, the publication day itself)
    ordinals = _phrases(lex.ordinals)
    running = _phrases(lex.running_words)
    count = rf"(?:(?:(?P<num>{numbers}|\d{{1,2}})\s+)?(?P<unit>days|weeks|months)\b(?!-)" \
        rf"|(?:an?|one)\s+(?P<day>day)\b(?!-)" \
        rf"|(?:a|the)\s+(?P<ord>{ordinals})\s+(?:(?:{running})\s+)?(?P<ounit>day|week)\b)"
    # "In three weeks since the launch of ...": "in" counts only before "since"
    in_since = r"in(?=\s+(?:\S+\s+){1,2}(?:days|weeks|months)\s+since\b)"
    return re.compile(rf"\b(?:{leads}|{in_since})\s+{count}", re.IGNORECASE)


def _lasting(sentence: Sentence, scene: Scene) -> DateInterval | None:
    """ "attacked Namtu for four days", "After two months of fighting": that length,
    ending on publication (GOLD.md: N days are precision 1 for one day, else 2)."""
    published = scene.doc.published
    found = _duration_pattern().search(sentence.text)
    if found is None or published is None:
        return None
    if found["day"]:
        return DateInterval(published, published, found.group(0), DAY)
    if found["ord"]:  # "for a third straight day": the third of N days ending now
        low = high = lexicon().ordinals[found["ord"].lower()]
        unit = found["ounit"].lower()
    else:
        unit = lexicon().units[found["unit"].lower()]
        low, high = _count(found["num"]) if found["num"] else (0, -1)
    if low != high:  # "for a few days", "after weeks of fighting": GOLD.md's vague spans
        days = lexicon().vague_days.get(unit)  # (the past few days: the week; weeks: 30)
        if days is None:  # ("for months" gives no edge)
            return None
        return DateInterval(published - timedelta(days=days - 1), published, found.group(0),
                            WEEK if unit == "day" else MONTH)
    start = _back(published, low, unit)
    precision = (DAY if low == 1 else WEEK) if unit == "day" else precision_for(start, published)
    return DateInterval(start, published, found.group(0), precision)


def _count(word: str) -> tuple[int, int]:
    return (int(word), int(word)) if word.isdigit() else lexicon().numbers[word.lower()]


def _back(end: date, count: int, unit: str) -> date:
    """Where ``count`` units up to ``end`` start: days count the end day ("four days" to
    December 29 start on the 26th); weeks and months go back whole units ("three weeks"
    to December 6: November 15; "two months" to December 29: October 29)."""
    if unit == "month":
        year, month = shift_month(end.year, end.month, -count)
        return date(year, month, min(end.day, month_end(year, month).day))
    if unit == "week":
        return end - timedelta(weeks=count)
    return end - timedelta(days=count - 1)


@cache
def _flight_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    flight = "|".join(re.escape(w) for w in lex.flight_words)
    cause = _phrases(lex.cause_words)
    return (re.compile(rf"(?:{flight})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{cause})\b", re.IGNORECASE))


def _is_flight(sentence: str, offset: int) -> bool:
    """ "Thousands ... were displaced": flight whose sentence gives it no cause."""
    flight, cause = _flight_patterns()
    return flight.match(sentence, offset) is not None and cause.search(sentence) is None


def _in_relative_clause(sentence: str, offset: int) -> bool:
    """ "which the MNDAA ... handed back", "who retreated from X": a past verb in a
    relative clause tells background, not the sentence's news."""
    relative = _RELATIVE.search(sentence[:offset])
    if relative is None or not _is_past(_word_at(sentence, offset)):
        return False
    # "sources, who spoke anonymously, said that jets struck X": a subject relative between
    # commas ("who" + a verb, a few words) closed before the trigger
    if sentence[:relative.start()].rstrip().endswith(",") and \
            (aside := _CLOSED_ASIDE.match(sentence, relative.start())) and aside.end() <= offset:
        return False
    # "who fled the war and returned to Lashio fled again": the clause ended before
    # ("who spoke anonymously, said that drones carried out ...": the main verb came)
    between = re.findall(r"[\w’'-]+", sentence[relative.start(): offset])[1:]
    if any(_is_past(w) for w in between):
        return False
    # "those who fled the war ... fled again": the clause names the subject of a main
    # verb that tells the same event anew, and that is the sentence's news
    verb = _word_at(sentence, offset)
    after = re.findall(r"[\w’'-]+", sentence[offset + len(verb):])
    return verb.lower() not in (w.lower() for w in after)


def _is_past(word: str) -> bool:
    word = word.lower()
    return word.endswith("ed") or word in lexicon().irregular_pasts


def _word_at(sentence: str, offset: int) -> str:
    found = re.match(r"[\w’'-]+", sentence[offset:])
    return found.group(0) if found else ""


# --- campaigns --------------------------------------------------------------


def _campaign_of(sentence: Sentence, scene: Scene, any_side: bool = False
                 ) -> DateInterval | None:
    """The latest campaign told before the sentence that one of the event's sides
    fights in (or any campaign, for flight that names no side)."""
    published = scene.doc.published
    if not scene.text or published is None:
        return None
    sides = set() if any_side else _fighting_sides(sentence, scene)
    if sides is None:
        return None
    for campaign, its_sides in reversed(_campaigns(scene.dates, scene.text, scene.actors,
                                                   published)):
        if campaign.span is None or campaign.span.start >= sentence.start:
            continue
        if not sides or sides & its_sides:
            return DateInterval(campaign.start, campaign.end, campaign.text, campaign.precision)
    return None


def _fighting_sides(sentence: Sentence, scene: Scene) -> set[str] | None:
    """The event's sides when the sentence names one or opens with "It"/"They" (which
    refer back); None when it names none ("Fighting is taking place near X" is news of
    its own, not the campaign's)."""
    named = _sides(scene.actors, sentence.start, sentence.end)
    if not named and not _PRONOUN_START.match(sentence.text):
        return None
    return set(scene.sides) or named


def _leading_side(actors: Sequence[ActorMention], start: int, end: int) -> set[str]:
    """A campaign's side: the first one its sentence names ("Myanmar's junta has launched
    an offensive against the TNLA" is the junta's campaign)."""
    named = sorted((a for a in actors if start <= a.span.start < end
                    and not a.canonical.startswith(tuple(_NOT_A_SIDE))),
                   key=lambda a: a.span.start)
    return {named[0].canonical} if named else set()


def _sides(actors: Sequence[ActorMention], start: int, end: int) -> set[str]:
    return {a.canonical for a in actors if start <= a.span.start < end
            and not a.canonical.startswith(tuple(_NOT_A_SIDE))}


def _campaigns(dates: list[DateInterval], text: str, actors: Sequence[ActorMention],
               published: date) -> list[tuple[DateInterval, set[str]]]:
    """Each campaign with the sides named in its sentence, in text order."""
    found = []
    for d in dates:
        if d.span is None or d.start is None or d.start >= published:
            continue
        if _opened(text, d):
            start, end = _sentence_bounds(text, d.span.start)
            precision = max(precision_for(d.start, published), d.precision or 1)
            interval = DateInterval(d.start, published, d.text, precision, d.span)
            found.append((interval, _leading_side(actors, start, end)))
    return sorted(found, key=lambda c: c[0].span.start if c[0].span else 0)


@cache
def _opener_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon().campaign_openers)
    return re.compile(rf"\b(?:{words})\b[^.,;:!?\n]{{0,60}}$", re.IGNORECASE)


def _opened(text: str, interval: DateInterval) -> bool:
    """ "since Tuesday", "since it first attacked in early December", "following the
    resumption of Operation 1027 in late June"."""
    if interval.span is None:
        return False
    at = interval.span.start
    first = interval.text.split(maxsplit=1)[0].lower() if interval.text.strip() else ""
    opener = None if first in lexicon().campaign_openers else \
        _opener_pattern().search(text, max(0, at - 70), at)
    if opener is None and first not in lexicon().campaign_openers:
        return False
    if opener is not None and any(_is_past(w) for w in re.findall(r"[\w’'-]+", opener[0])):
        return True  # "since it first attacked in early December": a clause of its own
    return _GOING_ON.search(text, _sentence_bounds(text, at)[0], at) is not None


def _since_event(m: re.Match[str], dates: list[DateInterval], text: str,
                 published: date) -> DateInterval | None:
    """ "since recapturing Nawnghkio": from the start of the last date told of that place
    to publication, at that date's precision or coarser."""
    place = m.group("place")
    earlier = [d for d in dates if d.span and d.span.end <= m.start() and d.start
               and place in text[_sentence_bounds(text, d.span.start)[0]:d.span.start]]
    if not earlier or earlier[-1].start is None or earlier[-1].start >= published:
        return None
    first = earlier[-1].start
    precision = max(precision_for(first, published), earlier[-1].precision or 1)
    return DateInterval(first, published, m.group(0), precision,
                        Span(m.start(), m.end(), m.group(0)))


def _since_event_in(sentence: Sentence, scene: Scene) -> DateInterval | None:
    """The sentence's own "since recapturing X" (rule 1's "since X" for an event told
    as a place's capture)."""
    if not scene.text or scene.doc.published is None:
        return None
    for m in _SINCE_EVENT.finditer(scene.text, sentence.start, sentence.end):
        if (since := _since_event(m, scene.dates, scene.text, scene.doc.published)):
            return since
    return None


@cache
def _since_then_pattern() -> re.Pattern[str]:
    body = _phrases(lexicon().since_then)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def _since_then(sentence: Sentence, scene: Scene) -> DateInterval | None:
    """ "The war began in April 2023. Since then, the RSF has captured most of Darfur":
    "since X" with X the last date told before the sentence, outside quotations."""
    published = scene.doc.published
    found = _since_then_pattern().search(sentence.text)
    if found is None or published is None or not scene.text:
        return None
    told = _last_told(sentence.start, scene.dates, scene.text)
    if told is None or told.start is None or told.start > published:
        return None
    precision = max(precision_for(told.start, published), told.precision or 1)
    return DateInterval(told.start, published, found.group(0), precision)


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """The sentence around ``at``, roughly: from the last full stop or line break."""
    starts = [text.rfind(mark, 0, at) for mark in (". ", "\n")]
    start = max(starts) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return start, min(ends) if ends else len(text)


def is_background(interval: DateInterval | None, published: date | None) -> bool:
    """Mentioned as past context: it ended well before publication, or it is a past
    event the dated text gives no date (``undated_past``)."""
    if interval is None or published is None:
        return False
    if interval.start is None and interval.end is None:
        return True
    if interval.end is None:
        return False
    return interval.end < published - BACKGROUND_AFTER
