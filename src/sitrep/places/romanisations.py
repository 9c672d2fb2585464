"""Family keys: one place name written in two romanisations reaches one gazetteer entry.

The spelling key (``gazetteer.key``) folds what every romanisation shares; the world's
big romanisation families differ in more: Arabic ("Deir al-Balah" / GeoNames' "Dayr al
Balah", "Hodeidah" / "Al Hudaydah": the article, vowels, kh/h, q/k) and Ukrainian against
Russian transliteration ("Huliaipole" / "Hulyaypole", "Horlivka" / "Gorlovka"). Folding
those in the spelling key would merge unrelated names everywhere (Myanmar's villages
included), so each family has a key of its own (``data/romanisations.tsv``): a gazetteer
place is indexed under its family's key only when its country belongs to the family, and
a name in the text reaches those places through it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from sitrep.places.gazetteer import key

#: separates a family's name from its key in the index ("arabic:dar blh"): spelling keys
#: hold only [a-z0-9], so family keys never meet them
SEPARATOR = ":"
_WORDS = re.compile(r"[\s\-]+")
_QUOTES = re.compile(r"['`‘’ʿʾ]")


@dataclass(frozen=True, eq=False)
class Family:
    """One romanisation family's rewrite rules (``data/romanisations.tsv``)."""

    name: str
    countries: frozenset[str]
    articles: frozenset[str]
    word_ends: tuple[tuple[str, str], ...]
    replacements: tuple[tuple[str, str], ...]
    vowels: dict[str, str]  # a vowel letter → its class's letter
    min_consonants: int
    drop_final_vowel: bool


@cache
def families() -> tuple[Family, ...]:
    """The families of ``data/romanisations.tsv``, in file order."""
    raw = (files("sitrep.places") / "data" / "romanisations.tsv").read_text(encoding="utf-8")
    parts: dict[str, dict[str, list[list[str]]]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, part, *values = line.split("\t")
        parts.setdefault(name, {}).setdefault(part, []).append(values)
    out = []
    for name, p in parts.items():
        def words(part: str, p: dict[str, list[list[str]]] = p) -> list[str]:
            return [w for row in p.get(part, []) for v in row for w in v.split()]
        out.append(Family(
            name, frozenset(words("countries")), frozenset(words("article")),
            tuple((r[0], r[1]) for r in p.get("word_end", [])),
            tuple((r[0], r[1]) for r in p.get("replace", [])),
            {ch: group[0] for group in words("vowels") for ch in group},
            int(next(iter(words("min_consonants")), "0")),
            words("drop_final_vowel") == ["yes"]))
    return tuple(out)


@cache
def family_of_country(country: str) -> Family | None:
    """The family whose countries hold ``country`` (a gazetteer country name)."""
    return next((f for f in families() if country in family_countries(f)), None)


def family_key(name: str, family: Family) -> str:
    """``name``'s key in ``family`` ("" when too short to be told from other names)."""
    text = unicodedata.normalize("NFKD", _QUOTES.sub("", name)).encode("ascii", "ignore")
    words = [w for w in _WORDS.split(text.decode().lower()) if w and w not in family.articles]
    for end, new in family.word_ends:
        words = [w[: -len(end)] + new if w.endswith(end) and len(w) > len(end) else w
                 for w in words]
    folded = key(" ".join(words))
    for old, new in family.replacements:
        folded = folded.replace(old, new)
    out: list[str] = []
    for ch in folded:
        ch = family.vowels.get(ch, ch)
        if not out or out[-1] != ch:
            out.append(ch)
    if family.drop_final_vowel and out and out[-1] in family.vowels:
        out.pop()  # a final vowel: Ukrainian -e against Russian -o, -oye
    if sum(1 for ch in out if ch not in family.vowels) < family.min_consonants:
        return ""
    return family.name + SEPARATOR + "".join(out)


@lru_cache(maxsize=65536)
def family_keys(name: str) -> tuple[str, ...]:
    """``name``'s key in every family (a name in the text may be any family's)."""
    return tuple(k for k in (family_key(name, f) for f in families()) if k)


def index_key(name: str, country: str) -> str:
    """The family key a gazetteer place of ``country`` is indexed under ("" for none)."""
    family = family_of_country(country)
    return family_key(name, family) if family else ""


def family_named(family_key: str) -> Family:
    """The family of a family key ("arabic:darbal" → arabic)."""
    name = family_key.split(SEPARATOR, 1)[0]
    return next(f for f in families() if f.name == name)


@cache
def family_countries(family: Family) -> frozenset[str]:
    """The gazetteer's country names of ``family``'s countries."""
    from sitrep.places.world import country_name

    return frozenset(country_name(iso) for iso in family.countries)
