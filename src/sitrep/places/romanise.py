"""English spellings of a Burmese-script name, as news outlets write them.

MIMU's English column often follows the Shan name (Loi Ngin, Nawng Ping, Nawnghkio)
while news follows the Burmese one (Lwel Ngin, Naung Pain, Naungcho). Romanising the
Burmese-script column (``data/burmese.tsv``: onsets, rhymes, voicing inside compounds,
droppable suffixes) gives the gazetteer those spellings as extra variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

_CONSONANT = re.compile(r"[\u1000-\u102A\u103F]")
_MEDIALS = "\u103B\u103C\u103E"  # ya-pin, ya-yit, ha-htoe (wa-hswe belongs to the rhyme)
_WA = "\u103D"
_ASAT, _STACK, _TONES = "\u103A", "\u1039", "\u1037\u1038"
_SIGNS = re.compile(r"[\u102B-\u1036\u103D]")
#: spellings kept per name: the most usual ones first
LIMIT = 16
#: bump when the rules change, so the compiled gazetteer is rebuilt
VERSION = "r4"


@dataclass(frozen=True)
class Table:
    """The romanisation table: onsets, rhymes, voiced onsets, droppable suffixes."""

    onsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rhymes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    voiced: dict[str, str] = field(default_factory=dict)
    suffixes: tuple[str, ...] = ()


@cache
def table() -> Table:
    """``data/burmese.tsv`` parsed; each row is part, Burmese, comma-separated spellings."""
    raw = (files("sitrep.places") / "data" / "burmese.tsv").read_text(encoding="utf-8")
    parts: dict[str, dict[str, tuple[str, ...]]] = {"onset": {}, "rhyme": {}, "voiced": {},
                                                    "suffix": {}}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        part, burmese, spellings = [*line.split("\t"), "", ""][:3]
        parts[part][burmese] = tuple(s.strip() for s in spellings.split(","))
    return Table(parts["onset"], parts["rhyme"],
                 {k: v[0] for k, v in parts["voiced"].items()}, tuple(parts["suffix"]))


@dataclass
class Syllable:
    onset: str
    rhyme: str = ""


def syllables(word: str) -> list[Syllable]:
    """Burmese syllables: onset (consonant and medials) and rhyme (vowels, final, asat)."""
    out: list[Syllable] = []
    i, n = 0, len(word)
    while i < n:
        c = word[i]
        j = i + 1
        while j < n and word[j] in _TONES:
            j += 1
        if "\u1040" <= c <= "\u1049":
            out.append(Syllable(str(ord(c) - 0x1040)))  # a Burmese digit: "၃ မိုင်", 3 Mile
            i += 1
        elif _CONSONANT.match(c) and out and j < n and word[j] in _ASAT + _STACK:
            out[-1].rhyme += c + _ASAT  # a final consonant ("ng" of ောင်), or a stacked one
            i = j + 1
        elif _CONSONANT.match(c):
            i = _onset(word, i, out)
        else:
            if out and (_SIGNS.match(c) or c == _ASAT):
                out[-1].rhyme += "\u102C" if c == "\u102B" else c  # tall aa is aa
            i += 1
    return out


def _onset(word: str, i: int, out: list[Syllable]) -> int:
    """Start a syllable at ``word[i]``; medials join the onset, wa-hswe the rhyme."""
    syllable = Syllable(word[i])
    i += 1
    while i < len(word) and word[i] in _MEDIALS + _WA:
        if word[i] == _WA:
            syllable.rhyme += _WA
        else:
            syllable.onset += word[i]
        i += 1
    out.append(syllable)
    return i


def _rhyme_spellings(rhyme: str) -> tuple[str, ...]:
    """A rhyme's spellings; an unlisted one is its vowel's spellings plus its final's."""
    rhymes = table().rhymes
    if rhyme in rhymes:
        return rhymes[rhyme]
    final = rhyme[-2:] if rhyme.endswith(_ASAT) else ""
    vowel = rhyme[:-2] if final else rhyme
    tails = rhymes.get(final, ("",)) if final else ("",)
    heads = rhymes.get(vowel) or rhymes.get(vowel.replace(_ASAT, "")) or ("",)
    last = _onset_spellings(final[:1], 0)[0] if final and final[:1] != "ရ" else ""
    return tuple(h + (last if t else "") for h in heads for t in tails[:1])


def _onset_spellings(onset: str, position: int) -> tuple[str, ...]:
    """An onset's spellings; inside a compound its voiced form is one more ("Thibaw")."""
    onsets = table().onsets
    spellings = onsets.get(onset) or onsets.get(onset[:1]) or ("",)
    voiced = table().voiced.get(spellings[0]) if position else None
    return spellings + ((voiced,) if voiced else ())


def _options(syllable: Syllable, position: int) -> list[tuple[int, str]]:
    """(cost, spelling) of one syllable: the usual spelling costs 0."""
    if syllable.onset.isdigit():
        return [(0, syllable.onset)]
    return [(a + b, onset + rhyme)
            for a, onset in enumerate(_onset_spellings(syllable.onset, position))
            for b, rhyme in enumerate(_rhyme_spellings(syllable.rhyme.replace("\u1037", "")
                                                       .replace("\u1038", "")))]


def _spellings(parts: list[Syllable], limit: int) -> list[str]:
    """The ``limit`` cheapest spellings of a run of syllables."""
    beam: list[tuple[int, str]] = [(0, "")]
    for position, syllable in enumerate(parts):
        beam = sorted(((cost + c, text + spelled) for cost, text in beam
                       for c, spelled in _options(syllable, position)))[:limit * 4]
    return [text for _, text in beam][:limit]


def romanise(name: str, limit: int = LIMIT) -> list[str]:
    """English spellings of a Burmese-script name, the usual ones first, also without a
    droppable suffix ("ကြီး", big) and for each alternative name after "/"."""
    out: list[str] = []
    for alternative in re.sub(r"\(.*?\)|（.*?）", " ", name).split("/"):
        word = re.sub(r"[^\u1000-\u109F]", "", alternative)
        parts = syllables(word)
        out += _spellings(parts, limit)
        for suffix in table().suffixes:
            if word.endswith(suffix) and len(parts) - len(syllables(suffix)) >= 2:
                out += _spellings(parts[:-len(syllables(suffix))], limit // 2)
    return [s for s in dict.fromkeys(out) if s]
