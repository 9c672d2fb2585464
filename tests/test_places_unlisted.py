"""Places no gazetteer holds, kept under the text's name and placed at the container the
text names beside them (invented villages, real containers; own sentences)."""

from __future__ import annotations

from sitrep.events.locating import locations
from sitrep.ingest import parse_plain_text
from sitrep.model import Place
from sitrep.places import event_places, find_places
from sitrep.text import prepare


def found(text: str) -> dict[str, Place]:
    return {s.text: p for p in find_places(prepare(parse_plain_text(text))) for s in p.spans}


def test_the_village_of_x_in_a_district_is_placed_at_the_district_town() -> None:
    got = found("Shelling hit the village of Ardelivka in the Chuhuiv district of Ukraine.")
    village = got["Ardelivka"]
    assert village.kind == "village" and village.estimated and village.geo_precision == 2
    assert village.near == ["Chuhuiv"] and village.lat == got["Chuhuiv"].lat
    assert village in event_places(list(got.values()))


def test_a_comma_and_a_district_name_the_container() -> None:
    got = found("A school was damaged in the village of Sorelivka, Kupiansk district, Ukraine.")
    assert got["Sorelivka"].near == ["Kupiansk"]


def test_a_bare_comma_after_an_unmarked_name_names_no_container() -> None:
    got = found("Troops fought near Ardelo, Kupiansk, in eastern Ukraine on Monday.")
    # not put in Kupiansk; only listed with it (and so placed beside it)
    assert "the text puts it in" not in (got["Ardelo"].why or "")
    assert "listed with Kupiansk" in (got["Ardelo"].why or "")


def test_a_village_on_a_road_in_a_district() -> None:
    got = found("Police came under fire at K. Lomphai village on the Imphal-Moreh road in "
                "Tengnoupal district of Manipur, India.")
    assert got["K. Lomphai"].near == ["Tengnoupal"]


def test_a_sitio_inside_a_barangay_inside_a_town() -> None:
    text = ("Soldiers clashed with NPA rebels at Sitio Lumbay, Talacog in Balbalan town, "
            "Kalinga, Philippines, on Tuesday.")
    got = found(text)
    assert got["Sitio Lumbay"].near == ["Talacog", "Balbalan"]
    assert got["Talacog"].near == ["Balbalan"]


def test_a_state_holds_a_name_at_region_precision() -> None:
    got = found("Gunmen attacked Lamjang in Manipur, India, on Saturday.")
    assert got["Lamjang"].geo_precision == 3 and got["Lamjang"].near == ["Manipur"]


def test_a_verb_or_an_adverb_before_in_is_no_place() -> None:
    got = found("Speaking in Imphal, an official said the police had been attacked in India.")
    assert "Speaking" not in got
    got = found("Fighting was heavy, particularly in Kupiansk, Ukraine, officials said.")
    assert not any(p.estimated and "no gazetteer" in (p.why or "") for p in got.values())


def test_the_event_takes_the_village_not_its_container() -> None:
    text = "Shelling damaged homes in the village of Sorelivka, Kupiansk district, Ukraine."
    analysed = prepare(parse_plain_text(text))
    placed = event_places(find_places(analysed))
    wheres = locations(analysed.sentences[0], analysed.text, placed, [], [])
    assert [w.place.name for w in wheres] == ["Sorelivka"]


def test_a_list_of_villages_in_a_township() -> None:
    got = found("Houses burned in Ardel, Sorel and Keth villages in Demoso Township, Myanmar.")
    assert all(got[n].near == ["Demoso"] for n in ("Ardel", "Sorel", "Keth"))


def test_a_quarter_of_a_town_and_a_displacement_camp_are_sites_of_their_town() -> None:
    got = found("A strike hit a house in the Rimal quarter of Khan Yunis, Gaza, and shells fell "
                "on the Abu Shouk displacement camp near El Fasher, Sudan.")
    assert got["Rimal quarter"].near == ["Khan Yunis"]
    assert got["Abu Shouk displacement camp"].near == ["El Fasher"]


def test_the_township_the_text_names_holds_its_village_not_a_namesake_elsewhere() -> None:
    text = ("Junta troops shelled Pan Chi village in Kyaukme Township on Monday. "
            "Fighting also reached Hsipaw and Kyaukme, Myanmar.")
    village = found(text)["Pan Chi"]
    assert village.estimated and village.near == ["Kyaukme"]  # MIMU's Pan Chi lie elsewhere
    held = found("Junta troops shelled Pan Chi village in Hsipaw Township on Monday, Myanmar.")
    assert held["Pan Chi"].admin3 == "Hsipaw" and not held["Pan Chi"].estimated


def test_a_ward_after_its_towns_possessive_and_a_village_run_with_a_town_inside() -> None:
    got = found("A stray bullet hit a guest in Kyauktaw’s Ywama ward on Saturday, Myanmar.")
    assert got["Ywama ward"].near == ["Kyauktaw"]
    got = found("Houses burned in Ardel and Chauk Mai villages in Demoso Township, Myanmar.")
    assert "Chauk" not in got and got["Chauk Mai"].near == ["Demoso"]


def test_a_name_listed_with_known_villages_lies_beside_them() -> None:
    got = found("Fighting broke out near Kyaukme, Qwelo Naw and Hsipaw in Myanmar on Monday.")
    assert got["Qwelo Naw"].near == ["Kyaukme"] and got["Qwelo Naw"].geo_precision == 2
    got = found("Delegates from Qwelo Naw and Brenn Tor met in Myanmar on Monday.")
    assert "Qwelo Naw" not in got  # no known place in the list: nothing to place it by


def test_a_name_near_a_known_town_is_placed_at_it() -> None:
    got = found("Bodies were flown to the airport of Ardelo, near Mopti, in Mali on Monday.")
    assert got["Ardelo"].near == ["Mopti"] and got["Ardelo"].geo_precision == 2


def test_near_a_name_on_the_side_of_a_river_in_a_township() -> None:
    text = ("Clashes broke out near Ardel Naw on the eastern side of the Soll River in "
            "Shadaw Township, Myanmar.")
    got = found(text)
    assert got["Ardel Naw"].kind == "locality" and got["Ardel Naw"].near == ["Shadaw"]
    assert got["Soll River"].kind == "site"  # a river: placed, but no event's place
    assert got["Soll River"] not in event_places(list(got.values()))


def test_ports_petrol_stations_and_bases_are_sites_of_their_town() -> None:
    got = found("Shells hit Sittwe Port and the Shwe Moe petrol station in Sittwe, Myanmar.")
    assert got["Sittwe Port"].kind == "site" and got["Sittwe Port"].near == ["Sittwe"]
    assert got["Shwe Moe petrol station"].near == ["Sittwe"]


def test_a_district_after_its_citys_possessive_arabic_article_included() -> None:
    got = found("The strikes hit around Hodeida's al-Qarn District, Yemen, on Monday.")
    district = got["al-Qarn"]
    assert district.near == ["Hodeida"] and district.kind == "site"  # part of the city
    got = found("Troops burned Kyaukme’s Ardelo village on Monday, Myanmar.")
    assert got["Ardelo"].kind == "village"


def test_names_after_a_closed_list_are_not_in_it() -> None:
    """"A and B, Lord C said": the list closed with "and"; what follows the comma is
    another phrase (here the speaker), not a third item."""
    got = found("Rebels hold Kupiansk and Ardelo, Lord Zarbonk said on Monday.")
    assert "Lord Zarbonk" not in got


def test_an_organisation_named_in_a_place_is_not_a_place() -> None:
    got = found("The Coordination of Relief Committees in El Fasher, Sudan, said shells hit "
                "the market, and the Keth Farmers Union in Kassala confirmed it.")
    assert "Relief Committees" not in got and "Keth Farmers Union" not in got
    assert "El Fasher" in got


def test_a_site_tied_to_its_town_by_based_is_placed_at_that_town() -> None:
    got = found("Rockets hit the Lashio-based northeastern operations command on Monday, "
                "residents of Lashio, Myanmar, said.")
    site = got["Lashio-based northeastern operations command"]
    assert site.kind == "site" and site.near == ["Lashio"] and site.estimated
    assert (site.lat, site.lon) == (got["Lashio"].lat, got["Lashio"].lon)


def test_a_numbered_ward_is_a_site_of_its_town() -> None:
    got = found("Shells fell on Demoso, Myanmar, on Monday. A shop in Ward (4) and two houses "
                "in Ward No. 2 of Demoso burned.")
    assert got["Ward (4)"].kind == "site" and got["Ward (4)"].near == ["Demoso"]
    assert got["Ward No. 2"].near == ["Demoso"]


def test_a_plural_noun_opening_the_sentence_is_no_place_beside_the_town() -> None:
    got = found("Clashes in Kyaukme left two fighters dead. Ardelo in Kyaukme Township was "
                "shelled on Monday.")
    assert "Clashes" not in got and "Kyaukme" in got
    assert got["Ardelo"].near  # an unknown name opening the sentence is still a place


def test_a_hyphenated_name_stays_whole() -> None:
    got = found("Shelling hit the village of Um-Ardelivka in the Chuhuiv district of Ukraine.")
    assert "Um-Ardelivka" in got and "Um" not in got
    got = found("Drones struck Deir al-Ardelo in the Chuhuiv district of Ukraine.")
    assert "Deir al-Ardelo" in got and "Deir" not in got
