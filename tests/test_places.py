"""Places: gazetteer lookups, spelling variants, context, relative locations (own texts)."""

from __future__ import annotations

from sitrep.ingest import parse_plain_text
from sitrep.model import Place
from sitrep.places import find_places
from sitrep.places.find import km
from sitrep.places.gazetteer import key, load_index
from sitrep.text import prepare


def places(text: str) -> dict[str, Place]:
    return {p.mention: p for p in find_places(prepare(parse_plain_text(text)))}


def test_spelling_variants_share_a_key() -> None:
    assert key("Mogok") == key("Mogoke")
    assert key("Thabbeikyin") == key("Thabeikkyin")
    assert key("Naungpein") == key("Naung Pein")
    assert key("Hohko") == key("Ho Hko (North)")
    assert key("Pyin Oo Lwin") == key("Pyinoolwin")
    assert key("Yadana Theingi") == key("Ya Da Nar Thein Gi")
    assert key("Myanmar") == key("Myanma") and key("Karen") != key("Kaen")
    assert key("Three-Mile Pa Kye") == key("3 Maing Pa Kye") == key("3 Mile Pa Kye")


def test_towns_resolve_to_mimu_points_in_myanmar() -> None:
    found = places("Fighting reached Mogok and Kyaukme in northern Shan State, Myanmar.")
    mogok = found["Mogok"]
    assert mogok.kind == "town" and mogok.admin1 == "Mandalay" and mogok.country == "Myanmar"
    assert mogok.lat is not None and mogok.lon is not None
    assert km(mogok.lat, mogok.lon, 22.92, 96.51) < 5
    assert found["Shan State"].kind == "region" and found["Shan State"].name == "Shan"


def test_a_village_resolves_near_the_article_towns() -> None:
    found = places("Troops advanced from Nawnghkio town toward Mogoke, on the road from Pyin Oo "
                   "Lwin. Residents of Hohko village fled.")
    hohko = found["Hohko"]
    assert hohko.lat is not None and hohko.lon is not None
    assert km(hohko.lat, hohko.lon, 22.42, 96.50) < 25
    assert "nearest" in (hohko.why or "")


def test_common_words_and_person_names_are_not_villages() -> None:
    found = places("Former captain Zin Yaw said the Military will not stop in Kyaukme town.")
    assert set(found) == {"Kyaukme"}


def test_roads_between_two_places_and_relative_anchors() -> None:
    found = places("Clashes spread along the Nawnghkio-Mogoke road. Troops took Hpa Lin Zwe, "
                   "24 km from Kyaukme, on Monday.")
    road = found["Nawnghkio-Mogoke road"]
    assert road.kind == "road" and road.near == ["Nawnghkio", "Mogoke"] and road.estimated
    assert road.geo_precision == 2
    estimated = found["Hpa Lin Zwe"]
    assert estimated.near == ["Kyaukme"] and estimated.estimated
    assert estimated.uncertainty_km == 24 and "24 km from Kyaukme" in (estimated.coord_source or "")


def test_aliases_reach_names_the_keys_cannot() -> None:
    found = places("The junta retook Naungcho and Momeik in northern Shan State.")
    assert found["Naungcho"].kind == "town" and found["Momeik"].kind == "town"


def test_other_countries_come_from_geonames() -> None:
    found = places("Talks were held in Kunming, China, and shelling hit Kharkiv in Ukraine.")
    assert found["Kunming"].country == "China" and found["Kharkiv"].country == "Ukraine"


def test_index_has_myanmar_villages_and_world_cities() -> None:
    index = load_index()
    assert len(index) > 50_000
    assert any(e.kind == "village" for e in index[key("Ho Hko")])


def test_a_city_named_as_an_actor_is_still_a_place() -> None:
    found = places("Beijing warned the armed groups in Myanmar; talks followed in Kunming, China.")
    assert found["Beijing"].country == "China" and found["Beijing"].kind == "city"


def test_a_bare_region_name_is_its_city_unless_a_container() -> None:
    found = places("Prices rose in Yangon and Mandalay, the junta said in Myanmar.")
    assert found["Mandalay"].kind == "city"
    container = places("Rebels took a jade town in Mandalay, Myanmar.")
    assert container["Mandalay"].kind == "region"
    possessive = places("Residents fled to Mandalay’s Pyin Oo Lwin in Myanmar.")
    assert possessive["Mandalay"].kind == "region"


def test_a_foreign_city_needs_its_country_named() -> None:
    found = places("Photo: residents of Kyaukme town in Shan State, Myanmar.")
    assert "Photo" not in found and "Kyaukme" in found


def test_hyphenated_names_and_modifiers() -> None:
    found = places("Fighting hit Hpa-an in Kayin State while Lashio-based troops waited, Myanmar.")
    assert found["Hpa-an"].admin1 == "Kayin"
    assert found["Lashio"].kind == "town"


def test_sites_are_placed_at_their_host_town() -> None:
    found = places("Shelling hit Bhamo town in Kachin State, Myanmar. Clashes continued near "
                   "Bhamo Prison and in Shwe Pyi ward. A drone struck the Golden Lotus Hotel in "
                   "Lashio on Monday.")
    prison, ward, hotel = found["Bhamo Prison"], found["Shwe Pyi ward"], found["Golden Lotus Hotel"]
    assert prison.kind == "site" and prison.near == ["Bhamo"] and prison.estimated
    assert ward.kind == "site" and prison.geo_precision == 2
    assert km(ward.lat, ward.lon, prison.lat, prison.lon) < 25  # type: ignore[arg-type]
    assert hotel.near == ["Lashio"] and hotel.admin1 == "Shan"


def test_sites_are_not_event_locations() -> None:
    from sitrep.places import event_places

    found = find_places(prepare(parse_plain_text("Troops shelled Bhamo Prison in Kachin State.")))
    assert {p.kind for p in event_places(found)} == {"town", "region"}


def test_word_lists_load_without_duplicates() -> None:
    from sitrep.places.words import site_words, stop_words

    assert "prison" in site_words() and "police station" in site_words()
    assert len(site_words()) == len(set(site_words()))
    assert "photo" in stop_words() or "news" in stop_words()


def test_a_country_word_before_a_kind_word_is_not_a_foreign_city() -> None:
    found = places("The KIA is fighting for the Kachin city of Bhamo in Myanmar.")
    assert "Kachin" not in found or found["Kachin"].country == "Myanmar"
    assert found["Bhamo"].admin1 == "Kachin"


def test_between_two_places_is_their_midpoint() -> None:
    from sitrep.places import event_places

    found = places("A convoy was ambushed between Kutkai and Lashio towns in Shan State, Myanmar.")
    mid, kutkai, lashio = found["between Kutkai and Lashio"], found["Kutkai"], found["Lashio"]
    assert mid.near == ["Kutkai", "Lashio"] and mid.estimated and mid.geo_precision == 2
    half = km(kutkai.lat, kutkai.lon, lashio.lat, lashio.lon) / 2  # type: ignore[arg-type]
    assert abs((mid.uncertainty_km or 0) - half) < 1
    assert km(mid.lat, mid.lon, kutkai.lat, kutkai.lon) < half + 1  # type: ignore[arg-type]
    located = event_places(list(found.values()))
    assert mid not in located and any(p.mention == "Kutkai" for p in located)
    assert all(p.mention != "Lashio" for p in located)  # coded at the first, as ACLED does


def test_a_directional_offset_moves_the_estimate() -> None:
    found = places("Troops shelled Zawgyi Taung, about 50 km west of Mogoke, in Myanmar.")
    place, mogoke = found["Zawgyi Taung"], found["Mogoke"]
    assert place.near == ["Mogoke"] and place.estimated and place.geo_precision == 2
    assert place.lon is not None and mogoke.lon is not None and place.lon < mogoke.lon
    assert 45 < km(place.lat, place.lon, mogoke.lat, mogoke.lon) < 55  # type: ignore[arg-type]
    assert "50 km west of Mogoke" in (place.coord_source or "")


def test_a_numbered_highway_is_placed_at_its_anchor_town() -> None:
    found = places("Troops advanced on Kyaukme along National Highway 2 in Shan State, Myanmar.")
    road = found["National Highway 2"]
    assert road.kind == "road" and road.near == ["Kyaukme"] and road.estimated
    assert road.geo_precision == 2 and (road.uncertainty_km or 0) >= 25


def test_a_village_five_km_from_hohko_lies_near_ho_hko_north() -> None:
    found = places("Fighting spread in Nawnghkio Township, Shan State, Myanmar. Troops shelled "
                   "Zee Kone, some 5 kilometers from Hohko, on the road to Mogoke.")
    near = found["Zee Kone"]
    assert near.near == ["Hohko"] and near.lat is not None and near.lon is not None
    assert km(near.lat, near.lon, 22.4157, 96.4996) < 10  # MIMU Ho Hko (North)


def test_foreign_cities_resolve_to_their_country() -> None:
    found = places("Envoys met in Kunming and Beijing, China. Shelling hit Khartoum and El Fasher "
                   "in Sudan, Bamako in Mali and Bakhmut in Ukraine.")
    expect = {"Kunming": "China", "Beijing": "China", "Khartoum": "Sudan", "El Fasher": "Sudan",
              "Bamako": "Mali", "Bakhmut": "Ukraine"}
    assert {name: found[name].country for name in expect} == expect
    assert all(found[name].kind == "city" for name in expect)


def test_cities_abroad_are_no_context_for_villages() -> None:
    found = places("After talks in Kunming, the Ta’ang army held Naungcho town in Shan State, "
                   "Myanmar, and Myanmar frontlines beyond it such as Taung Kham.")
    assert "Ta’ang" not in found
    village = found["Taung Kham"]
    assert village.lat is not None and village.lon is not None
    assert km(village.lat, village.lon, 22.07, 96.87) < 10  # Tawng Hkam, Nawnghkio Township


def test_named_parts_of_a_town_are_placed_in_it() -> None:
    found = places("Jets bombed Yadanar Hill, North Quarter and Zay Tan Ward in eastern Mogok, "
                   "Myanmar, and a camp at Moe Hnin Gone at Kyaukme town.")
    mogok = found["Mogok"]
    for name in ("Yadanar Hill", "North Quarter"):
        part = found[name]
        # a hill and a quarter: placed at their town, but sites, no event's place
        assert part.kind == "site" and part.near == ["Mogok"] and part.estimated
        assert (part.lat, part.lon) == (mogok.lat, mogok.lon)
    assert found["Moe Hnin Gone"].near == ["Kyaukme"]


def test_headlines_and_acronyms_are_not_places() -> None:
    found = places("Another Airstrike Bombing in Mogok\nThe KTU fighters told SHAN they left "
                   "Mogok town in Myanmar.")
    assert "Another Airstrike Bombing" not in found
    assert "KTU" not in found and "SHAN" not in found


def test_a_site_is_not_hosted_by_a_far_namesake() -> None:
    found = places("The TNLA attacked Namtu town in Shan State, Myanmar, for four days and "
                   "took Mong San camp.")
    camp, namtu = found["Mong San camp"], found["Namtu"]
    assert km(camp.lat, camp.lon, namtu.lat, namtu.lon) < 25  # type: ignore[arg-type]


def test_a_place_abroad_needs_its_country_named() -> None:
    found = places("Militants surrendered at Sarkari Bagan at Haflong in Assam, India.")
    assert "Bagan" not in found and found["Sarkari Bagan"].country == "India"


def test_a_kind_word_written_in_the_name_stays_in_the_mention() -> None:
    found = places("A bomb hit the Kyat Pyin Village Tract office near Mogok town, Myanmar, "
                   "24 km from Mogoke.")
    tract = found["Kyat Pyin Village Tract"]
    assert tract.kind == "village tract" and tract.spans[0].text == "Kyat Pyin"
    assert "Mogok" in found  # a lowercase kind word stays out of the mention


def test_a_self_administered_zone_is_a_region() -> None:
    found = places("The MNDAA holds Laukkaing, the capital of Kokang, in Shan State, Myanmar.")
    assert found["Kokang"].kind == "region" and found["Kokang"].geo_precision == 3


def _village(text: str, name: str) -> Place | None:
    return next((p for p in find_places(prepare(parse_plain_text(text)))
                 if p.mention == name and p.kind == "village"), None)


def test_a_village_named_beside_a_town_is_the_namesake_near_that_town() -> None:
    """MIMU has a Tawng Hkam in Kutkai and one in Nawnghkio Township: "gains around Taung
    Kham and Naungcho" means the one beside Naungcho, whatever else the article names."""
    village = _village("The army shelled Kyaukme and Hsipaw in northern Shan State last "
                       "month. Junta troops have since made gains around Taung Kham and "
                       "Naungcho, locals said.", "Taung Kham")
    assert village is not None and village.admin3 == "Nawnghkio"
    assert "names beside it" in (village.why or "")


def test_a_far_off_town_in_the_sentence_places_no_village() -> None:
    """Myawaddy lies 500 km from Kyaukme: in this article it is no sign of where the
    village lies, and neither namesake is near the article's places."""
    assert _village("The army shelled Kyaukme and Hsipaw in northern Shan State last "
                    "month. Junta troops have since made gains around Taung Kham and "
                    "Myawaddy, locals said.", "Taung Kham") is None


def test_a_near_spelling_is_found_only_in_the_townships_the_article_names() -> None:
    """'Thabyaytaw' is no key of MIMU's 'Tha Pyay Taw' (b/p): a near spelling, accepted
    inside the township the text names, and nowhere without that support."""
    found = _village("Junta artillery hit Thabyaytaw village in Buthidaung Township on "
                     "Friday, residents said.", "Thabyaytaw")
    assert found is not None and found.admin3 == "Buthidaung"
    assert "spelt like Tha Pyay Taw" in (found.why or "")
    assert _village("Junta artillery hit Thabyaytaw village on Friday, residents said.",
                    "Thabyaytaw") is None
    # no near spelling: kept as a village in no gazetteer, at the township the text names
    unlisted = _village("Junta artillery hit Qwertyuio village in Buthidaung Township on "
                        "Friday.", "Qwertyuio")
    assert unlisted is not None and unlisted.estimated and unlisted.near == ["Buthidaung"]


def test_a_township_is_placed_at_its_town() -> None:
    from sitrep.ingest import parse_plain_text
    from sitrep.places import find_places
    from sitrep.places.gazetteer import key, load_index
    from sitrep.text import prepare

    text = "Fighting spread across Kyaukme Township in Shan State, Myanmar, on Monday."
    found = {p.mention: p for p in find_places(prepare(parse_plain_text(text)))}
    township = found["Kyaukme Township"]
    town = next(e for e in load_index()[key("Kyaukme")] if e.kind == "town")
    assert (township.kind, township.lat, township.lon) == ("township", town.lat, town.lon)
    assert "its town Kyaukme" in (township.coord_source or "")


def test_an_elided_vowel_is_indexed_as_the_news_writes_it() -> None:
    """MIMU's "M'kuiimnu" is the news' "Makui Imnu"."""
    assert any(e.name == "M'kuiimnu" for e in load_index().get(key("Makui Imnu"), []))
    found = places("Resistance fighters said they took Makui Imnu in Chin State, Myanmar.")
    town = found["Makui Imnu"]
    assert town.kind == "town" and town.admin1 == "Chin"
    assert town.lat is not None and town.lon is not None
    assert km(town.lat, town.lon, 21.17, 93.60) < 5


def test_a_name_the_text_calls_a_village_is_the_village_of_its_township() -> None:
    """"Myawaddy village" in Maungdaw Township is MIMU's "Mya Wa Di" there, not Myawaddy
    town 800 km away, for every mention of the name (the bare one first)."""
    found = places("Gunfire was heard near Myawaddy. Troops entered Myawaddy village in "
                   "Maungdaw Township, Rakhine State, Myanmar, on Monday.")
    village = found["Myawaddy"]
    assert village.kind == "village" and village.admin3 == "Maungdaw"
    assert village.lat is not None and village.lon is not None
    assert km(village.lat, village.lon, 16.68, 98.50) > 500  # not Myawaddy town, Kayin
    assert len(village.spans) == 2


def test_a_qualified_name_no_gazetteer_lists_is_placed_at_the_name_it_qualifies() -> None:
    """"North Tha Bauk Chaung" is its own village, at Tha Bauk Chaung's point; for events
    the two are one place when both are named."""
    from sitrep.places import event_places

    text = ("Two residents of North Tha Bauk Chaung village were wounded when troops shelled "
            "Tha Bauk Chaung village in Buthidaung Township, Rakhine State, Myanmar.")
    found = places(text)
    north, base = found["North Tha Bauk Chaung"], found["Tha Bauk Chaung"]
    assert north.name == "North Tha Bauk Chaung" and north.estimated
    assert north.near == ["Tha Bauk Chaung"] and north.geo_precision == 2
    assert (north.lat, north.lon) == (base.lat, base.lon) and base.admin3 == "Buthidaung"
    located = event_places(find_places(prepare(parse_plain_text(text))))
    assert [len(p.spans) for p in located if p.name == "Tha Bauk Chaung"] == [2]
    assert not any(p.name == "North Tha Bauk Chaung" for p in located)


def test_a_qualifier_before_a_region_or_a_listed_name_is_no_new_place() -> None:
    found = places("Storms hit North Texas and New York on Monday, officials in the United "
                   "States said.")
    assert "North Texas" not in found and "New York" in found
    assert not any(p.name.startswith("North ") for p in found.values())


def test_a_final_y_and_i_share_a_key() -> None:
    """Transliterations write a word's last vowel both ways: Myawaddy/Mya Wa Di,
    Khutory/Khutori; a y after a vowel stays ("Pyay")."""
    assert key("Myawaddy") == key("Mya Wa Di") and key("Khutory") == key("Khutori")
    assert key("Pyay") != key("Pyai")


def test_township_names_in_common_english_spellings_reach_their_mimu_names() -> None:
    found = places("Junta jets bombed villages in Depayin Township, Sagaing Region, and in "
                   "Kantbalu Township, Myanmar, on Monday.")
    depayin, kantbalu = found["Depayin Township"], found["Kantbalu Township"]
    assert depayin.kind == "township" and depayin.lat is not None
    assert kantbalu.kind == "township" and kantbalu.lat is not None
