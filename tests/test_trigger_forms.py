"""The trigger lexicon reads English, not the verb forms of the development articles
(issue 12, branch verbs5): each sub-type's common verbs and nouns in the tenses, aspects
and voices a wire story uses (simple past, present perfect, progressive, passive, nominal,
aspectual "continued to" / "kept", headline present), and the same words in planned,
threatened or denied forms, which must not be asserted. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.model import NON_FACTUAL, Extraction

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELL = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
TAKE = ("Battles", "Non-state actor overtakes territory")
REGAIN = ("Battles", "Government regains territory")
VAC = ("Violence against civilians", "Attack")
ABDUCT = ("Violence against civilians", "Abduction/forced disappearance")
PROTEST = ("Protests", "Peaceful protest")
EXCESSIVE = ("Protests", "Excessive force against protesters")
LOOT = ("Strategic developments", "Looting/property destruction")
REMOTE = {AIR, SHELL}


def run(body: str, published: str = "2024-03-14") -> Extraction:
    return extract_text(f" date {published}\n{body}")


def asserted(x: Extraction) -> set[tuple[str, str]]:
    """The (type, sub-type) of events told as fact."""
    return {(e.event_type, e.sub_event_type) for e in x.events if e.status not in NON_FACTUAL}


#: (sentence, the sub-types of which one must be asserted)
FACTS: list[tuple[str, set[tuple[str, str]]]] = [
    # air/drone strikes: past, perfect, progressive, passive, nominal, headline
    ("In Sudan, army drones struck El Fasher on Tuesday, killing 12 civilians.", {AIR}),
    ("In Sudan, drones have struck El Fasher twice this week, killing 12 civilians.", {AIR}),
    ("In Ukraine, Russian drones have hit Kharkiv overnight, wounding four people.", {AIR}),
    ("In Gaza, Israeli warplanes are bombing Khan Younis, residents said on Thursday.", {AIR}),
    ("In Gaza, a house in Rafah was hit by an Israeli air strike on Wednesday, killing "
     "eight people.", {AIR}),
    ("In Yemen, a drone strike on a market in Marib killed six people on Monday.", {AIR}),
    ("In Syria, Russian jets continued to bomb Idlib on Sunday, killing five civilians.",
     {AIR}),
    ("In Myanmar, junta aircraft kept bombing villages near Hpakant on Monday, killing "
     "seven people.", {AIR}),
    ("In Myanmar, the military resumed air strikes on Laukkaing on Tuesday, killing "
     "three civilians.", {AIR}),
    ("Sudan army drones strike El Fasher market, killing 12", {AIR}),
    ("In Lebanon, Israeli warplanes have been pounding Nabatieh since Monday, killing "
     "11 people.", {AIR}),
    # shelling / artillery / missiles
    ("In Sudan, the RSF shelled El Fasher on Monday, killing nine civilians.", REMOTE),
    ("In Sudan, the RSF has shelled El Fasher for three days, killing nine civilians.",
     REMOTE),
    ("In Sudan, the RSF continues to shell El Fasher, killing nine civilians on Monday.",
     REMOTE),
    ("In Sudan, the RSF kept shelling El Fasher on Monday, killing nine civilians.", REMOTE),
    ("In Sudan, the RSF has been shelling El Fasher since Monday, killing nine civilians.",
     REMOTE),
    ("In Sudan, the RSF is shelling El Fasher, killing nine civilians on Monday.", REMOTE),
    ("In Sudan, El Fasher was shelled by the RSF on Monday, killing nine civilians.",
     REMOTE),
    ("In Sudan, the shelling of El Fasher by the RSF killed nine civilians on Monday.",
     REMOTE),
    ("RSF shells El Fasher, killing nine civilians", REMOTE),
    ("In Ukraine, Russian missiles have struck Odesa, killing three people on Friday.",
     REMOTE),
    ("In Ukraine, a Russian missile hit an apartment block in Dnipro on Friday, killing "
     "three people.", REMOTE),
    ("In Ukraine, Russian forces resumed shelling Kherson on Saturday, wounding five "
     "people.", REMOTE),
    ("In Lebanon, Hezbollah fired rockets at Kiryat Shmona on Monday, wounding two "
     "people.", REMOTE),
    ("In Lebanon, Hezbollah attacked Israeli positions in Metula with rockets on Monday.",
     REMOTE | {CLASH}),
    # battles
    ("In the DRC, M23 rebels clashed with the army near Goma on Tuesday.", {CLASH}),
    ("In the DRC, M23 rebels have clashed with the army near Goma since Tuesday.", {CLASH}),
    ("In the DRC, M23 rebels are fighting the army near Goma, residents said on Tuesday.",
     {CLASH}),
    ("In the DRC, fighting continued between M23 rebels and the army near Goma on "
     "Tuesday.", {CLASH}),
    ("In Mali, jihadists attacked an army base in Boulkessi on Sunday, killing 10 "
     "soldiers.", {CLASH}),
    ("In Mali, an army base in Boulkessi came under attack by jihadists on Sunday.",
     {CLASH}),
    ("In Mali, an army base in Boulkessi was attacked by jihadists on Sunday, the army "
     "said.", {CLASH}),
    ("In Burkina Faso, jihadists ambushed a military convoy near Djibo on Monday.",
     {CLASH}),
    ("In Sudan, the RSF attacked El Fasher on Sunday, fighting the army inside the city.",
     {CLASH}),
    # territory
    ("In the DRC, M23 rebels captured the town of Sake on Tuesday.", {TAKE}),
    ("In the DRC, M23 rebels have captured the town of Sake, residents said on Tuesday.",
     {TAKE}),
    ("In the DRC, the town of Sake was captured by M23 rebels on Tuesday.", {TAKE}),
    ("M23 rebels capture Sake town in eastern Congo", {TAKE}),
    ("In Myanmar, the army has recaptured Lashio from the MNDAA, state media said on "
     "Tuesday.", {REGAIN}),
    # violence against civilians, abductions, looting, protests
    ("In Haiti, gang members have killed 20 residents in Pont-Sonde since Thursday.",
     {VAC}),
    ("In Haiti, 20 residents were killed by gang members in Pont-Sonde on Thursday.",
     {VAC}),
    ("In Haiti, gangs are killing residents in Pont-Sonde, witnesses said on Thursday.",
     {VAC}),
    ("In Nigeria, gunmen have abducted 30 villagers in Kajuru, police said on Sunday.",
     {ABDUCT}),
    ("In Nigeria, 30 villagers were abducted by gunmen in Kajuru on Sunday.", {ABDUCT}),
    ("In Sudan, RSF fighters have looted the main market in Nyala, residents said on "
     "Monday.", {LOOT}),
    ("In Kenya, protesters have marched through Nairobi against the finance bill on "
     "Tuesday.", {PROTEST}),
    ("In Serbia, thousands are protesting in Belgrade against the government on Sunday.",
     {PROTEST}),
    # more forms (second round)
    ("In Sudan, the RSF attacked El Fasher on Sunday, killing 20 civilians.", {VAC, CLASH}),
    ("In Lebanon, Hezbollah attacked Israeli army positions in Metula on Monday.", {CLASH}),
    ("In Ukraine, Kharkiv came under shelling on Wednesday morning, wounding three people.",
     REMOTE),
    ("In Ukraine, Russian artillery has pounded Kherson since Monday, killing two people.",
     REMOTE),
    ("In Syria, government forces have been bombarding Idlib, killing four people on "
     "Friday.", REMOTE | {AIR}),
    ("In Yemen, Houthi drones strike a ship off Hodeidah", {AIR}),
    ("In Gaza, Israeli jets strike Rafah, killing 15", {AIR}),
    ("In Sudan, three civilians were killed in RSF shelling of Omdurman on Friday.", REMOTE),
    ("In Sudan, RSF fighters have seized the town of Wad Madani, residents said on "
     "Tuesday.", {TAKE}),
    ("In the DRC, M23 rebels have overrun the town of Sake, residents said on Tuesday.",
     {TAKE}),
    ("In Myanmar, the Arakan Army seizes Maungdaw after months of fighting", {TAKE}),
    ("In Haiti, gang members opened fire on residents in Pont-Sonde on Thursday, killing "
     "20.", {VAC}),
    ("In Burkina Faso, jihadists have ambushed a military convoy near Djibo, the army "
     "said on Monday.", {CLASH}),
    ("In Burkina Faso, a military convoy was ambushed by jihadists near Djibo on Monday.",
     {CLASH}),
    ("In Mali, jihadists stormed an army camp in Boulkessi on Sunday.", {CLASH}),
    ("In Ukraine, a Russian drone attack on Kharkiv killed two people on Monday.", {AIR}),
    ("In Myanmar, an air strike on a school in Sagaing killed 11 children on Monday.",
     {AIR}),
    ("In Somalia, a roadside bomb has killed four soldiers near Mogadishu, police said on "
     "Monday.", {IED}),
    # headlines in the present simple, and other verbs' forms (third round)
    ("Sudan army retakes Wad Madani from RSF", {REGAIN}),
    ("Myanmar junta regains Lashio after rebels withdraw", {REGAIN}),
    ("Sake falls to M23 rebels after heavy fighting", {TAKE, CLASH}),
    ("In Ukraine, Russian forces have taken Avdiivka, the defence ministry said on "
     "Saturday.", {TAKE}),
    ("Gunmen kill 20 villagers in Zamfara", {VAC}),
    ("Haitian gang members shoot dead 12 residents in Port-au-Prince", {VAC}),
    ("Soldiers open fire on protesters in Bamako, killing three", {VAC, EXCESSIVE}),
    ("Gunmen kidnap 30 villagers in Kajuru", {ABDUCT}),
    ("Junta executes four activists in Yangon", {VAC}),
    ("RSF fighters loot Nyala market", {LOOT}),
    ("RSF torches villages in West Darfur, residents say", {LOOT}),
    ("Roadside bomb explodes near Mogadishu, killing four soldiers", {IED}),
    ("In Syria, government helicopters are dropping barrel bombs on Daraa, activists said "
     "on Monday.", {AIR}),
    ("In Myanmar, junta jets drop bombs on Hpakant, killing nine", {AIR}),
    ("In Mali, jihadists besiege the town of Boulkessi, residents say", {CLASH}),
    ("In Ukraine, Russia pounds Kharkiv with glide bombs, killing three", {AIR}),
    ("In Sudan, army warplanes bomb RSF positions in Nyala", {AIR}),
    # fire told by what it hit (fourth round)
    ("In Burkina Faso, a military convoy came under fire near Djibo on Monday, the army "
     "said.", {CLASH}),
    ("In Burkina Faso, gunmen opened fire on a police patrol near Djibo on Monday.",
     {CLASH}),
    ("In Ukraine, a bus was struck by a Russian drone in Kherson on Monday, killing two "
     "people.", {AIR}),
    ("In Ukraine, a Russian drone slammed into an apartment block in Odesa on Monday, "
     "killing two people.", {AIR}),
    ("In Gaza, a tent camp in Mawasi was hit by Israeli strikes on Tuesday, killing 19 "
     "people.", {AIR}),
    # territory, arrests and coups in the present (fifth round)
    ("In Sudan, the RSF takes over the town of Wad Madani after the army withdraws",
     {TAKE, ("Strategic developments", "Non-violent transfer of territory")}),
    ("In Ukraine, Russian forces push Ukrainian troops out of Krasnohorivka, the ministry "
     "says", {TAKE}),
    ("In Myanmar, the TNLA liberates Nawnghkio after weeks of fighting", {TAKE}),
    ("In Myanmar, police detain five activists in Mandalay", {("Strategic developments",
                                                              "Arrests")}),
    ("In Niger, mutinous soldiers overthrow the elected president in the capital, Niamey",
     {("Strategic developments", "Other")}),
    ("In Burkina Faso, troops are repelling an attack by jihadists on Djibo, the army "
     "says", {CLASH}),
]


#: planned, threatened, denied or hypothetical: none of these sub-types may be asserted
NOT_FACTS: list[tuple[str, set[tuple[str, str]]]] = [
    ("In Sudan, the RSF threatened to shell El Fasher on Monday.", REMOTE),
    ("In Sudan, the RSF will shell El Fasher if the army does not withdraw, its commander "
     "said on Monday.", REMOTE),
    ("In Sudan, the RSF denied shelling El Fasher on Monday.", REMOTE),
    ("In Ukraine, Russia plans to strike Kharkiv with drones, Ukrainian intelligence said "
     "on Friday.", {AIR}),
    ("In Gaza, Israel warned it would bomb Rafah, officials said on Thursday.", {AIR}),
    ("In the DRC, M23 rebels vowed to capture Goma on Tuesday.", {TAKE}),
    ("In the DRC, M23 rebels could capture Goma within days, analysts said on Tuesday.",
     {TAKE}),
    ("In the DRC, M23 rebels denied that they had captured Goma on Tuesday.", {TAKE}),
    ("In Myanmar, the junta has not bombed Laukkaing since the truce, residents said on "
     "Tuesday.", {AIR}),
    ("In Lebanon, Hezbollah threatened to fire rockets at Haifa on Monday.", REMOTE),
    ("In Ukraine, Russia is preparing to strike Kharkiv with drones, Kyiv said on Friday.",
     {AIR}),
    ("In Sudan, the RSF is expected to attack El Fasher soon, analysts said on Monday.",
     {CLASH, VAC}),
    ("In Yemen, the Houthis said they would strike ships off Hodeidah on Monday.", {AIR}),
    ("In Sudan, army drones did not strike El Fasher on Tuesday, the army said.", {AIR}),
    # the forms added by lemma, negated or still to come
    ("In Sudan, the RSF did not attack El Fasher on Sunday, its commander said.", {CLASH}),
    ("In Sudan, the RSF denied attacking El Fasher on Sunday.", {CLASH}),
    ("In Sudan, the RSF is planning to attack El Fasher, the army said on Sunday.", {CLASH}),
    ("In Gaza, Israeli jets have not struck Rafah since the truce, residents said on "
     "Monday.", {AIR}),
    ("In Ukraine, Russian drones could strike Kharkiv again, officials warned on Monday.",
     {AIR}),
    ("In Syria, government forces threatened to continue to bomb Idlib, activists said on "
     "Monday.", {AIR}),
    ("In Myanmar, the army vowed to retake Lashio, state media said on Tuesday.", {REGAIN}),
    ("In Ukraine, Russian forces have not taken Avdiivka, the Ukrainian army said on "
     "Saturday.", {TAKE}),
    ("In Sudan, the RSF will shell El Fasher unless the army withdraws, it said on "
     "Monday.", REMOTE),
]


@pytest.mark.parametrize(("sentence", "wanted"), FACTS)
def test_a_told_event_is_asserted_in_every_form(sentence: str,
                                                 wanted: set[tuple[str, str]]) -> None:
    assert asserted(run(sentence)) & wanted, sentence


@pytest.mark.parametrize(("sentence", "unwanted"), NOT_FACTS)
def test_an_untold_event_is_not_asserted(sentence: str,
                                         unwanted: set[tuple[str, str]]) -> None:
    assert not asserted(run(sentence)) & unwanted, sentence


def test_a_groups_attack_on_a_states_sites_across_a_border_is_fire_from_afar() -> None:
    x = run("In Lebanon, Hezbollah said its fighters attacked Israeli sites in Metula on "
            "Thursday. Israel said rockets hit the north.")
    [event] = [e for e in x.events if e.location and e.location.name == "Metula"]
    assert (event.event_type, event.sub_event_type) in REMOTE
    assert event.actor1 == "Hezbollah"
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Israel")


def test_a_groups_attack_at_home_or_with_no_fire_from_afar_named_is_none() -> None:
    # no rockets, shells or drones named in the article: no fire from afar is assumed
    x = run("In Lebanon, Hezbollah said its fighters attacked Israeli sites in Metula on "
            "Thursday.")
    assert not asserted(x) & REMOTE
    # a group attacking a town of its own country fires across no border
    x = run("In Sudan, the RSF attacked El Obeid on Thursday. Elsewhere, army artillery hit "
            "Nyala on Friday.")
    assert not [e for e in x.events if e.location and e.location.name == "El Obeid"
                and (e.event_type, e.sub_event_type) in REMOTE]


def test_an_armed_sides_attack_on_a_town_of_its_own_country_is_a_battle() -> None:
    x = run("In Myanmar, the Arakan Army attacked Maungdaw Township on Tuesday, residents "
            "said.")
    [event] = [e for e in x.events if e.location and e.location.name == "Maungdaw"]
    assert (event.event_type, event.sub_event_type) == CLASH
    assert event.actor1 == "AA: Arakan Army"
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Myanmar")
    # civilians killed in it: an attack on civilians codes the place instead
    x = run("In Nigeria, gunmen attacked Kajuru on Sunday, killing 20 villagers.")
    assert VAC in asserted(x) and CLASH not in asserted(x)
    # an army abroad: fire from afar, as before
    x = run("In Ukraine, Russian forces attacked Kupiansk on Tuesday, wounding two.")
    assert asserted(x) & REMOTE and CLASH not in asserted(x)
