"""World places: namesakes ranked by context, abbreviations, datelines, names inside
people's names, and Myanmar villages that share a name with a city abroad (own texts)."""

from __future__ import annotations

from sitrep.ingest import parse_plain_text
from sitrep.model import Place
from sitrep.places import event_places, find_places
from sitrep.places.find import km
from sitrep.text import prepare


def places(text: str) -> dict[str, Place]:
    return {s.text: p for p in find_places(prepare(parse_plain_text(text))) for s in p.spans}


def near(place: Place, lat: float, lon: float, within: float = 100.0) -> bool:
    assert place.lat is not None and place.lon is not None
    return km(place.lat, place.lon, lat, lon) <= within


def test_paris_texas_versus_paris() -> None:
    texas = places("The storm flattened two barns outside Paris, Texas, on Sunday night.")
    assert texas["Paris"].country == "United States" and texas["Paris"].admin1 == "Texas"
    assert "follows the name" in texas["Paris"].why
    france = places("Ministers met in Paris on Tuesday to discuss the ceasefire.")
    assert france["Paris"].country == "France" and near(france["Paris"], 48.86, 2.35)


def test_london_in_a_british_story_is_not_a_myanmar_village() -> None:
    found = places("British police said the protest in London ended peacefully after the "
                   "march from Manchester.")
    assert found["London"].country == "United Kingdom" and near(found["London"], 51.5, -0.13)
    assert all(p.country != "Myanmar" for p in found.values())


def test_georgia_the_country_or_the_state_by_context() -> None:
    state = places("Flooding closed roads in Atlanta, Georgia, and nearby Savannah.")
    assert state["Georgia"].kind == "region" and state["Georgia"].country == "United States"
    country = places("Russian troops stayed in Georgia after the war; Tbilisi protested.")
    assert country["Georgia"].kind == "country" and country["Georgia"].name == "Georgia"
    assert country["Tbilisi"].country == "Georgia"


def test_a_district_of_khartoum() -> None:
    found = places("Shelling hit Khartoum's Bahri district, residents said.")
    assert found["Khartoum"].country == "Sudan" and near(found["Khartoum"], 15.6, 32.5, 25)
    assert found["Bahri"].country == "Sudan" and near(found["Bahri"], 15.64, 32.52, 25)


def test_dotted_abbreviations_name_countries_and_states() -> None:
    found = places("The U.S. embassy said a convoy left Salina, Kan., on Friday.")
    assert found["U.S."].kind == "country" and found["U.S."].name == "United States"
    assert found["Kan."].name == "Kansas"
    assert found["Salina"].admin1 == "Kansas"


def test_a_dateline_in_capitals() -> None:
    found = places("KHARTOUM — Fighters shelled the market on Monday, witnesses said.")
    assert found["KHARTOUM"].country == "Sudan"


def test_a_town_inside_a_persons_name_is_no_place() -> None:
    found = places("Analyst Jack London Smith said the talks had stalled in Geneva.")
    assert "London" not in found
    assert found["Geneva"].country == "Switzerland"


def test_a_myanmar_village_sharing_a_name_with_a_city_abroad() -> None:
    found = places("Soldiers burned Sagar village in Mansi Township, Kachin State, Myanmar, "
                   "residents said.")
    assert found["Sagar"].country == "Myanmar" and found["Sagar"].kind == "village"


def test_demonyms_name_their_country_but_no_event_place() -> None:
    found = find_places(prepare(parse_plain_text("Sudanese officials met in Cairo.")))
    demonym = next(p for p in found if p.kind == "demonym")
    assert demonym.name == "Sudan"
    assert all(p.kind != "demonym" for p in event_places(found))


def test_exonyms_reach_the_place() -> None:
    found = places("Air raid sirens sounded in Kiev and in El Fasher overnight.")
    assert found["Kiev"].name == "Kiev" and found["Kiev"].country == "Ukraine"
    assert found["El Fasher"].country == "Sudan"


def test_a_us_county_is_placed_at_the_articles_towns_not_at_a_namesake_town() -> None:
    found = places("Deputies in Laurel County arrested a man near London, Ky., on Friday. "
                   "Corbin police helped.")
    county = found["Laurel"]
    assert county.kind == "region" and county.admin1 == "Kentucky"
    assert near(county, 37.1, -84.1, 40) and "placed at the median" in county.why
    assert found["London"].admin1 == "Kentucky"


def test_a_dateline_with_a_country_of_three_words() -> None:
    found = places("DUBAI, United Arab Emirates — Drones struck a fuel depot overnight, "
                   "officials said.")
    assert found["DUBAI"].country == "United Arab Emirates"


def test_kafr_and_kfar_are_one_spelling() -> None:
    found = places("Artillery hit the village of Kafr Kila in southern Lebanon on Sunday.")
    assert near(found["Kafr Kila"], 33.28, 35.55, within=10)


def test_a_city_reached_by_an_alternate_name_yields_to_a_myanmar_village() -> None:
    found = places("Residents fled Pan Kan in Loikaw Township, Kayah State, Myanmar, after "
                   "shelling on Monday.")
    assert found["Pan Kan"].admin1 == "Kayah"


def test_a_demonym_leading_an_actor_names_its_country() -> None:
    found = places("Russian forces shelled the outskirts of Kharkiv on Tuesday.")
    assert found["Russian"].kind == "demonym"
    assert found["Russian"].country == "Russia"


def test_a_demonym_after_the_and_before_a_hyphen() -> None:
    found = places("The Canadian-led mission left. The Syrian statement came late.")
    assert found["Canadian"].country == "Canada"
    assert found["Syrian"].country == "Syria"


def test_a_demonym_is_not_a_town_of_that_name() -> None:
    found = places("Mexican officials met in Oslo on Monday.")
    assert found["Mexican"].country == "Mexico"


def test_indian_is_india_and_canada_sits_at_its_geonames_point() -> None:
    found = places("Indian and Canadian diplomats met on Friday.")
    assert found["Indian"].country == "India"
    assert near(found["Canadian"], 60.1, -113.6, within=25)


def test_a_place_before_a_hyphenated_modifier() -> None:
    found = places("Ana Lopez of Nairobi-based Orbit Consulting said the talks would resume.")
    assert found["Nairobi"].country == "Kenya"


def test_a_sentence_opening_in_a_country() -> None:
    found = places("In China, the new rules took effect on Monday.")
    assert found["China"].kind == "country"


def test_datelines_with_a_date_or_a_tight_dash() -> None:
    assert places("NAIROBI, April 5 (Reuters) - Lawmakers met on Friday.")["NAIROBI"].country \
        == "Kenya"
    assert places("NAIROBI—Lawmakers met on Friday.")["NAIROBI"].country == "Kenya"


def test_saint_abbreviated_in_a_city_name() -> None:
    found = places("Police in St. Louis, Missouri, said two men were arrested.")
    assert near(found["St. Louis"], 38.63, -90.20, within=25)


def test_a_demonym_for_a_land_that_is_no_country() -> None:
    found = places("The English city council met on Monday.")
    assert found["English"].name == "England"


def test_a_country_whose_name_joins_words_with_and() -> None:
    found = places("Envoys from Trinidad and Tobago arrived in Geneva.")
    assert found["Trinidad and Tobago"].kind == "country"
    assert "Trinidad" not in found


def test_ghouta_is_the_eastern_ghouta_near_damascus() -> None:
    found = places("Shelling hit towns in Eastern Ghouta, outside Damascus, Syria.")
    assert near(found["Eastern Ghouta"], 33.55, 36.45, within=25)


def test_a_village_held_by_the_state_named_after_it() -> None:
    found = places("Myanmar troops shelled a clinic in Wan Hai, southern Shan State, on Monday, "
                   "a resident of Kyaukme said.")
    assert found["Wan Hai"].admin1 == "Shan"
    assert "names after it" in (found["Wan Hai"].why or "")


def test_a_country_named_is_not_its_capitals_other_name() -> None:
    found = places("Farmers in Guadalajara and Monterrey said Mexico would raise tariffs.")
    assert found["Mexico"].kind == "country"


def test_a_us_county_makes_the_article_american() -> None:
    found = places("Deputies in Henry County said a man from Paris was arrested on Friday.")
    assert found["Paris"].country == "United States"
    assert places("A man from Paris was arrested on Friday.")["Paris"].country == "France"


def test_a_village_spelt_with_a_final_y_is_the_gazetteer_one_with_an_i() -> None:
    """GeoNames' "Vovchanski Khutori" is the news' "Vovchanski Khutory"."""
    found = places("Russian troops shelled the village of Vovchanski Khutory in the Chuhuiv "
                   "district of Kharkiv Oblast, Ukraine, on Monday.")
    village = found["Vovchanski Khutory"]
    assert village.country == "Ukraine" and village.lat is not None and village.lon is not None
    assert km(village.lat, village.lon, 50.30, 37.03) < 5


def test_a_distance_with_its_conversion_in_brackets_is_still_a_relative_location() -> None:
    """"about 40 kilometres (25 miles) west of X": the bracketed conversion does not stop
    the estimate."""
    found = places("Troops said they took the village of Brelka, about 40 kilometres (25 miles) "
                   "west of Kharkiv, Ukraine, on Monday.")
    village = found["Brelka"]
    assert village.estimated and village.near == ["Kharkiv"]
    assert village.lat is not None and village.lon is not None
    assert 35 < km(village.lat, village.lon, 49.99, 36.23) < 45


def test_a_sentence_naming_another_country_places_its_names_there() -> None:
    text = ("Gunmen killed 20 soldiers near Djibo in northern Burkina Faso on Sunday. A "
            "convoy was hit south of Djibo and near Dori. In neighbouring Mali, the army "
            "said it struck militants in the Gao region last week.")
    gao = places(text)["Gao"]
    assert gao.country == "Mali" and "its sentence names its country" in gao.why
    assert places(text)["Dori"].country == "Burkina Faso"


def test_a_site_named_after_a_city_abroad_is_no_mention_of_that_city() -> None:
    found = places("An RSF drone hit a market in El Fasher, Sudan, on Tuesday. The drone hit "
                   "the Naivasha market in the south of the city, residents said.")
    assert "Naivasha" not in found
    assert found["Naivasha market"].near == ["El Fasher"]
