"""Actor dictionary and mention normalisation, on sentences written for these tests."""

from __future__ import annotations

import re
from collections import Counter

import yaml

from sitrep.actors import INTER_TYPES, _data, actor_type, find_actors, focus_country
from sitrep.ingest import parse_plain_text
from sitrep.text import prepare

CANONICAL = re.compile(
    r"^(?:[A-Z][\w-]*(?: [A-Z][\w-]*)?: .+|[A-Z].+\(\d{4}-(?:\d{4})?\)|[A-Z][\w' -]+(?:\(.+\))?)$")


def names(text: str) -> list[str]:
    return [m.canonical for m in find_actors(prepare(parse_plain_text(text)))]


def test_data_has_no_duplicate_aliases_and_valid_names_and_types() -> None:
    data = _data()
    aliases = Counter(a.lower() for e in data["actors"] for a in e["aliases"])
    aliases.update(a.lower() for e in data["generic"] for a in e["aliases"])
    assert [a for a, n in aliases.items() if n > 1] == []
    for entry in data["actors"]:
        assert CANONICAL.match(entry["name"]), entry["name"]
        assert entry["type"] in INTER_TYPES, entry["name"]
    assert all(e["type"] in INTER_TYPES for e in data["generic"])
    assert yaml.safe_dump(data)  # round-trips


def test_regime_junta_military_are_one_actor() -> None:
    found = names("The regime said junta troops and the Tatmadaw advanced, and the military "
                  "shelled the town in Shan State, Myanmar.")
    assert set(found) == {"Military Forces of Myanmar (2021-)"}


def test_taang_spellings_are_one_actor() -> None:
    found = names("The Ta’ang National Liberation Army, also written Ta-ang National Liberation "
                  "Army, or TNLA, held the road.")
    assert set(found) == {"TNLA: Ta'ang National Liberation Army"}


def test_descriptors_take_the_article_country() -> None:
    found = names("In Darfur, Sudan, the army fought the RSF while civilians fled El Fasher.")
    assert found == ["Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces",
                     "Civilians (Sudan)"]


def test_the_armed_group_points_back_at_the_main_group() -> None:
    found = names("The KIA attacked a base in Kachin State. The armed group said the KIA won.")
    assert found.count("KIA: Kachin Independence Army") == 3


def test_acronyms_are_case_sensitive() -> None:
    assert names("Aa, the letters, and aa are not an army.") == []
    assert names("The AA seized a town in Rakhine.") == ["AA: Arakan Army"]


def test_actor_types_for_generic_names() -> None:
    assert actor_type("Civilians (Mali)") == "Civilians"
    assert actor_type("Military Forces of Niger (2023-)") == "State forces"
    assert actor_type("TNLA: Ta'ang National Liberation Army") == "Rebel group"


def test_focus_country_defaults_to_myanmar_and_follows_words() -> None:
    assert focus_country("Fighting near Kyiv and Kharkiv in Ukraine.") == "Ukraine"
    assert focus_country("Nothing here names a country.") == "Myanmar"


def test_troops_after_a_party_and_its_armed_wing_are_the_partys() -> None:
    assert names("Shan State Progressive Party/Shan State Army troops and Shan State "
                 "Restoration Council/Shan State Army troops clashed near Mong Hsu.") == [
        "SSPP: Shan State Progress Party", "RCSS: Restoration Council of Shan State"]


def test_the_groups_are_the_alliance_named_before_and_only_that() -> None:
    mnda, tnla = "MNDAA: Myanmar National Democratic Alliance Army", \
        "TNLA: Ta'ang National Liberation Army"
    assert names("The Brotherhood Alliance resumed its offensive in June after strikes on "
                 "TNLA territory. The groups have since seized Lashio.") == [mnda, tnla, mnda]
    assert names("The TNLA shelled Kyaukme. The groups have since seized Lashio.") == [tnla]
