"""A battery of irrealis cues (issue 12): an event verb or noun under each kind of cue news
uses to tell what did not (yet) happen, paired with a factual control that must stay
asserted, so that the battery fails both ways.

Sentences are written for this test (many wars, some places invented). Each row: the
irrealis sentence, its control, and the sub-event type the control asserts and the
irrealis sentence must not (None: the irrealis sentence asserts no event at all).
"""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.model import NON_FACTUAL

REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"


def asserted(sentence: str) -> list[str]:
    """The sub-event types the sentence asserts as fact."""
    extraction = extract_text(f" date 2025-09-12 {sentence}")
    return [e.sub_event_type for e in extraction.events if e.status not in NON_FACTUAL]


BATTERY: list[tuple[str, str, str | None]] = [
    # intent, preparation, threat
    ("Police vowed to arrest the protest leaders in Nairobi.",
     "Police arrested 40 protesters in Nairobi on Tuesday.", None),
    ("Police threatened to arrest protesters in Nairobi.",
     "Police arrested 40 protesters in Nairobi on Tuesday.", None),
    ("The army threatened to bomb rebel positions in Lashio.",
     "The army bombed rebel positions in Lashio on Monday.", None),
    ("The army warned that it would shell rebel positions near Goma.",
     "The army shelled rebel positions near Goma on Tuesday.", None),
    ("RSF commanders pledged to shell the city of El Obeid.",
     "RSF fighters shelled the city of El Obeid on Sunday.", None),
    ("M23 rebels are gearing up to seize the town of Uvira.",
     "M23 rebels captured the town of Uvira on Wednesday.", None),
    ("The army is massing troops to retake the city of Wad Madani.",
     "The army retook the city of Wad Madani on Saturday.", None),
    ("The junta plans to bomb rebel-held villages in Sagaing Region.",
     "Junta jets bombed rebel-held villages in Sagaing Region on Monday.", None),
    ("The junta is planning airstrikes on rebel villages in Sagaing Region.",
     "Junta jets bombed rebel-held villages in Sagaing Region on Monday.", None),
    ("JNIM fighters aim to seize the town of Djibo.",
     "JNIM fighters seized the town of Djibo on Monday.", None),
    ("Russian forces are preparing to storm the town of Pokrovsk.",
     "Russian forces stormed the town of Pokrovsk on Monday.", None),
    ("Russian forces are preparing an offensive to retake the town of Kupiansk.",
     "Russian forces retook the town of Kupiansk on Monday.", REGAIN),
    ("The army is preparing an assault on the city of El Fasher.",
     "The army launched an assault on the city of El Fasher on Monday.", None),
    ("Commanders ordered troops to fire on protesters in Dhaka.",
     "Troops fired on protesters in Dhaka on Monday.", "Excessive force against protesters"),
    ("Israeli soldiers were about to raid the refugee camp in Jenin.",
     "Israeli soldiers raided the refugee camp in Jenin on Monday.", None),
    # a purpose: the offensive is told, the retaking is not
    ("Government forces launched an offensive to retake the town of Kupiansk on Monday.",
     "Government forces retook the town of Kupiansk on Monday.", REGAIN),
    ("Saudi-led forces launched an offensive to retake the port of Hodeidah on Monday.",
     "Saudi-led forces retook the port of Hodeidah on Monday.", REGAIN),
    # modality
    ("Ukrainian drones could strike oil refineries in Ryazan.",
     "Ukrainian drones struck an oil refinery in Ryazan on Monday.", None),
    ("Israeli jets might bomb the port of Hodeidah.",
     "Israeli jets bombed the port of Hodeidah on Sunday.", None),
    ("Israel could strike targets in Gaza again.",
     "Israeli jets struck targets in Gaza on Monday, killing 12 people.", None),
    ("Government troops must retake the town of Bakhmut.",
     "Government troops retook the town of Bakhmut on Friday.", None),
    ("Boko Haram militants are likely to attack churches in Maiduguri.",
     "Boko Haram militants attacked a church in Maiduguri on Sunday.", None),
    ("The army may have shelled the village of Kalay on Monday.",
     "The army shelled the village of Kalay on Monday.", None),
    # a hypothetical: what the event would be
    ("The capture of Pokrovsk would be a blow to Kyiv.",
     "Russian forces captured Pokrovsk on Monday, a blow to Kyiv.", None),
    # conditionals and open questions
    ("If the army shells Kyaukme, the TNLA will not sign the truce.",
     "The army shelled Kyaukme on Monday, and the TNLA did not sign the truce.", None),
    ("It is unclear whether the army has retaken the town of Kawlin.",
     "The army has retaken the town of Kawlin.", None),
    ("Did Russian missiles hit the hospital in Kharkiv on Monday?",
     "Russian missiles hit the hospital in Kharkiv on Monday.", None),
    # negation and denial
    ("Troops did not fire on protesters in Khartoum on Monday.",
     "Troops fired on protesters in Khartoum on Monday.", None),
    ("The army denied shelling the market in Omdurman.",
     "The army shelled the market in Omdurman on Monday.", None),
    ("No airstrikes were reported in Idlib province on Monday.",
     "Airstrikes were reported in Idlib province on Monday.", None),
    ("Ukraine denied that its drones had struck a market in Donetsk.",
     "Ukrainian drones struck a market in Donetsk on Monday, Russian officials said.", None),
    ("Troops were ordered not to shoot at protesters in Khartoum.",
     "Troops shot at protesters in Khartoum on Monday.", None),
    # demands and calls
    ("The UN urged both armies to withdraw from the Heglig oil field.",
     "Both armies withdrew from the Heglig oil field on Monday.", None),
    ("The opposition called for protests in Dhaka on Friday.",
     "Thousands protested in Dhaka on Friday.", None),
    ("Opposition leaders urged supporters to march on parliament in Kampala.",
     "Supporters marched on parliament in Kampala on Monday.", None),
    # fear and rumour
    ("Residents fear that the army will shell the village of Tonzang.",
     "The army shelled the village of Tonzang on Monday.", None),
    ("Unconfirmed reports said militants had seized the town of Mansila.",
     "Militants seized the town of Mansila on Monday, officials said.", None),
    # prohibitions
    ("The army is not allowed to fire a single shell in Kyaukme.",
     "The army fired artillery shells into Kyaukme on Monday.", None),
    ("The government banned protests in Kampala on Monday.",
     "Thousands protested in Kampala on Monday.", None),
    ("The opposition was banned from marching in Kampala on Monday.",
     "The opposition marched in Kampala on Monday.", None),
    ("Government troops are forbidden to shell the town of Kyaukme.",
     "Government troops shelled the town of Kyaukme on Monday.", None),
    ("Unless the army withdraws, the rebels will shell the town of Malakal.",
     "The rebels shelled the town of Malakal on Monday.", None),
    ("Will Israel strike Iran's nuclear sites?",
     "Israeli jets struck Iran's nuclear sites on Monday.", None),
    ("Israel is weighing strikes on Iran's nuclear sites.",
     "Israeli jets struck Iran's nuclear sites on Monday.", None),
    # fear and expectation of an event named as a noun
    ("Residents feared airstrikes on the town of Kutkai.",
     "Airstrikes hit the town of Kutkai on Monday.", None),
    ("Residents braced for airstrikes on the town of Kutkai.",
     "Airstrikes hit the town of Kutkai on Monday.", None),
    ("It was rumoured that rebels had captured the town of Kidal.",
     "Rebels seized the town of Kidal on Monday after heavy fighting.", None),
    # prevention and abstaining
    ("The government said the opposition is not allowed to protest in Harare.",
     "The opposition protested in Harare on Monday.", None),
    ("The army prevented the opposition from marching in Harare on Monday.",
     "The opposition protested in Harare on Monday.", None),
    # cancellation, missing evidence, a time clause of what is to come
    ("The opposition postponed a march in Harare.",
     "The opposition marched in Harare on Monday.", None),
    ("The opposition cancelled protests in Harare on Monday.",
     "The opposition protested in Harare on Monday.", None),
    ("There is no evidence that the army shelled the village of Tonzang.",
     "The army shelled the village of Tonzang on Monday.", None),
    ("The offensive to retake the town of Kawlin is expected to begin next week.",
     "The army retook the town of Kawlin on Monday.", REGAIN),
    ("The army will stop the offensive after retaking the town of Hsipaw.",
     "The army stopped the offensive after retaking the town of Hsipaw on Monday.", REGAIN),
    # a would-be attacker; a crowd that plans to protest
    ("Police arrested a would-be suicide bomber in the town of Maiduguri on Monday.",
     "A suicide bomber blew himself up in the town of Maiduguri on Monday.", None),
    ("Protesters plan to rally in Harare on Friday.",
     "Protesters rallied in Harare on Friday.", None),
    # a plan told in a clause before the main verb: the main verb in the past is told
    ("Rebels have vowed to capture the town of Kawlin.",
     "Rebels who had vowed to retake the town of Kawlin captured it on Monday.", OVERTAKE),
    ("The army had planned to shell the village of Tonzang.",
     "The army, which had planned to shell the village of Tonzang, bombed it on Monday.", None),
    # a near miss
    ("The army nearly retook the town of Kawlin on Monday.",
     "The army retook the town of Kawlin on Monday.", REGAIN),
    ("The army almost captured the town of Kawlin.",
     "The army captured the town of Kawlin on Monday.", REGAIN),
    ("The rebels stopped short of seizing the town of Kawlin.",
     "The rebels seized the town of Kawlin on Monday.", OVERTAKE),
    ("The airstrike on the town of Kutkai could kill hundreds.",
     "The airstrike nearly destroyed the school in the town of Kutkai on Monday.", None),
    # a reaction to an event is what is vowed, negated or modal: the event happened
    ("The militia vowed to bomb the town of Kutkai.",
     "The militia vowed to avenge the airstrike on the town of Kutkai on Monday.", None),
    ("Rebels threatened to shell the village of Tonzang.",
     "Rebels threatened to retaliate for the shelling of the village of Tonzang on Monday.", None),
    ("The army did not bomb the town of Kutkai on Monday.",
     "The army did not comment on the airstrike on the town of Kutkai on Monday.", None),
    ("Militants did not bomb the market in Mogadishu on Friday.",
     "No group has claimed the bombing of the market in Mogadishu on Friday.", None),
    ("The army denied shelling the village of Tonzang on Monday.",
     "The army could not be reached for comment on the shelling of the village of Tonzang on "
     "Monday.", None),
    # a dated or perfect event told as the subject of a modal: what may follow is uncertain
    ("The army could shell the village of Tonzang.",
     "The shelling of the village of Tonzang on Monday could amount to a war crime.", None),
    ("An airstrike on the town of Kutkai could kill hundreds.",
     "The airstrike on the town of Kutkai on Monday may have killed 20 people.", None),
    # attempts: a fight may be told, the taking is not
    ("Militants made an attempt to seize the town of Mansila on Monday.",
     "Militants seized the town of Mansila on Monday, officials said.", OVERTAKE),
    ("The junta's plan to retake the town of Kawlin was leaked.",
     "The army retook the town of Kawlin on Monday.", REGAIN),
    ("The army's bid to recapture the town of Hpakant stalled on Monday.",
     "The army recaptured the town of Hpakant on Monday.", REGAIN),
    ("Rebels tried to seize the airport in Goma on Monday.",
     "Rebels seized the airport in Goma on Monday.", OVERTAKE),
    ("Rebels attempted to seize the town of Kidal but were repelled.",
     "Rebels seized the town of Kidal on Monday after heavy fighting.", OVERTAKE),
    ("The army launched a bid to retake the town of Shwebo on Monday.",
     "The army retook the town of Shwebo on Monday.", REGAIN),
]


@pytest.mark.parametrize(("irrealis", "kind"), [(i, k) for i, _, k in BATTERY])
def test_irrealis_is_not_asserted(irrealis: str, kind: str | None) -> None:
    told = asserted(irrealis)
    assert (told == []) if kind is None else (kind not in told), told


@pytest.mark.parametrize(("control", "kind"), [(c, k) for _, c, k in BATTERY])
def test_its_factual_control_is_asserted(control: str, kind: str | None) -> None:
    told = asserted(control)
    assert told != [] if kind is None else kind in told, told
