"""Event statuses (pipeline/events/statuses.py, data/statuses.json): cue phrases and how sentences combine.

Phrases are from DOJ releases (public domain) or written for these tests.
"""

from __future__ import annotations

import pytest

from pipeline.events.drafts import Draft
from pipeline.events.lexicon import load_lexicon
from pipeline.events.statuses import assign_statuses, cue_status


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(
    ("etype", "sentence", "status"),
    [
        # investigations: opened, under way, closed
        ("INVESTIGATION", "The regulator launched an investigation into the bank last week.", "opened"),
        ("INVESTIGATION", "A formal inquiry was opened on Monday.", "opened"),
        ("INVESTIGATION", "The watchdog said it will investigate the claims.", "opened"),
        ("INVESTIGATION", "The investigation by the FBI is ongoing.", "ongoing"),
        ("INVESTIGATION", "The company is facing a probe by the securities regulator.", "ongoing"),
        ("INVESTIGATION", "Police would not discuss current  investigations.", "ongoing"),
        ("INVESTIGATION", "We will continue to investigate those who cheat the government.", "ongoing"),
        ("INVESTIGATION", "The settlement resolves the department's investigation.", "closed"),
        ("INVESTIGATION", "The deal ends the regulator's investigations into the network.", "closed"),
        ("INVESTIGATION", "The agency investigated the matter and determined that the claim had merit.", "closed"),
        ("INVESTIGATION", "The lender cut its forecast after an inquiry by the central bank.", "closed"),
        # lawsuits: pending, won, settled
        ("LAWSUIT", "The carmaker is still facing dozens of lawsuits from dealers.", "pending"),
        ("LAWSUIT", "The government pursues claims against the remaining defendants.", "pending"),
        ("LAWSUIT", "The footballer has won an injunction against the tabloid.", "won"),
        ("LAWSUIT", "The jury awarded her $2 million in damages.", "won"),
        ("LAWSUIT", "The complaint was filed together with a proposed consent decree.", "settled"),
        ("LAWSUIT", "The landlord agreed to settle the lawsuit for $22,000.", "settled"),
        # settlements: proposed until approved
        ("SETTLEMENT", "Under the terms of the agreement, which must still be approved by the court, ...", "proposed"),
        ("SETTLEMENT", "The consent decree is subject to a 30-day public comment period.", "proposed"),
        ("SETTLEMENT", "The insurer rejected a settlement offer from the families.", "proposed"),
        ("SETTLEMENT", "The settlement was approved by the court on Friday.", "approved"),
        # an order or judgment entered or issued is in force: the settlement it records is approved
        ("SETTLEMENT", "In separate proceedings, the Commission entered a settled administrative order.", "approved"),
        ("SETTLEMENT", "The Federal Reserve Board issued a consent order and a $186 million fine.", "approved"),
        ("SETTLEMENT", "The Order, which was entered on December 21, 2001, bars the adviser.", "approved"),
        # fines: proposed in a plea agreement, imposed at sentencing, paid
        (
            "FINE",
            "As part of their plea agreements, the subsidiaries will pay a $68 million criminal fine.",
            "proposed",
        ),
        ("FINE", "Sentencing is set for Oct. 28, 2013, before U.S. District Judge James K. Bredar.", "proposed"),
        (
            "FINE",
            "Soliz was sentenced today in U.S. District Court in Corpus Christi, Texas, to serve three years "
            "of supervised probation and pay a $1,500 fine.",
            "imposed",
        ),
        ("FINE", "The station paid fines of $40,000 last year.", "paid"),
        ("FINE", "The fine was later reduced to £500,000.", "reduced"),
        ("FINE", "Acme said it is contesting the penalty.", "appealed"),
    ],
)
def test_cue_phrase_gives_status(lexicon, etype, sentence, status):
    assert cue_status(etype, sentence.lower(), lexicon) == status


@pytest.mark.parametrize(
    ("etype", "sentence"),
    [
        # a word that is a cue only in another sense, or in a sentence about something else
        ("LAWSUIT", "The department continues to require her to attend long meetings."),
        ("LAWSUIT", "A spokeswoman said the firm does not comment on pending litigation."),
        ("LAWSUIT", "To be awarded a contract, vendors must disclose their pricing."),
        ("FINE", "The penalty reflects a 25-percent reduction off the bottom of the guidelines fine range."),
        ("FINE", "The club has 14 days to appeal."),
        ("FINE", "Four executives were sentenced to prison."),
        ("SETTLEMENT", "Once approved, a drug may not be distributed for unapproved uses."),
        ("SETTLEMENT", "The consent decree will be entered by the court after the comment period."),
        ("SETTLEMENT", "The judge issued a preliminary injunction against the adviser."),
        ("SETTLEMENT", "Contractors must agree to disclose the discounts offered to their customers."),
        ("INVESTIGATION", "The changes were intended to cut costs."),
        ("INVESTIGATION", "The defendant failed to disclose his retirement assets."),
        ("INVESTIGATION", "The department initiated the lawsuit after the employee complained."),
        ("INVESTIGATION", "Lawton began contacting the school district in August 2007."),
    ],
)
def test_look_alike_is_no_cue(lexicon, etype, sentence):
    assert cue_status(etype, sentence.lower(), lexicon) is None


def _draft(etype: str, sentences: list[int], **roles: list[int]) -> Draft:
    draft = Draft(type=etype, sentences=sentences)
    for role, idxs in roles.items():
        draft.add(role, idxs)
    return draft


def _statuses(events: list[Draft], texts: list[str]) -> list[str | None]:
    assign_statuses(events, [t.lower() for t in texts], load_lexicon())
    return [e.status for e in events]


def test_event_without_cues_gets_its_type_default():
    events = [_draft("FINE", [0], target=[1]), _draft("LAWSUIT", [1], defendant=[2]), _draft("INVESTIGATION", [2])]
    texts = ["Acme was fined $5 million.", "Beta sued Gamma.", "The watchdog has a probe into Delta."]
    assert _statuses(events, texts) == ["imposed", "filed", None]


def test_sentencing_comes_after_the_plea_agreement():
    texts = [
        "Under the plea agreement, Acme will pay a $1 million criminal fine.",
        "Acme was sentenced today to pay the fine.",
    ]
    assert _statuses([_draft("FINE", [0, 1], target=[1])], texts) == ["imposed"]


def test_a_lede_that_gives_the_outcome_first_speaks_of_the_event_after_it():
    texts = [
        "The footballer has won an injunction against a tabloid.",
        "He took legal action against the paper after it printed his address.",
    ]
    assert _statuses([_draft("LAWSUIT", [1], plaintiff=[1], defendant=[2])], texts) == ["won"]


def test_a_sentence_without_event_speaks_of_the_nearest_event_before_it():
    texts = [
        "The regulator fined Acme $5 million in 2021.",
        "Beta sued Acme in March.",
        "Acme is appealing the fine.",
    ]
    fine, suit = _draft("FINE", [0], target=[1]), _draft("LAWSUIT", [1], defendant=[1])
    assert _statuses([fine, suit], texts) == ["appealed", "filed"]


def test_probe_that_led_to_a_fine_is_closed():
    texts = [
        "The data protection authority launched an investigation into Acme.",
        "The authority fined Acme EUR 51,000.",
    ]
    probe, fine = _draft("INVESTIGATION", [0], target=[1]), _draft("FINE", [1], target=[1])
    assert _statuses([probe, fine], texts) == ["closed", "imposed"]


def test_probe_of_another_party_stays_open():
    texts = [
        "The data protection authority launched an investigation into Beta.",
        "The authority fined Acme EUR 51,000.",
    ]
    probe, fine = _draft("INVESTIGATION", [0], target=[2]), _draft("FINE", [1], target=[1])
    assert _statuses([probe, fine], texts) == ["opened", "imposed"]


def test_probe_reported_as_ongoing_stays_ongoing_after_a_settlement():
    texts = [
        "Acme agreed to pay $2 million to settle the charges.",
        "The commission's investigation of Acme is continuing.",
    ]
    settlement, probe = _draft("SETTLEMENT", [0], defendant=[1]), _draft("INVESTIGATION", [1], target=[1])
    assert _statuses([settlement, probe], texts) == ["agreed", "ongoing"]


def test_a_settlement_with_another_party_leaves_the_suit_as_filed():
    """'In separate administrative proceedings, the Commission entered a settled order against Y': the suit
    against X goes on."""
    suit = _draft("LAWSUIT", [0], plaintiff=[0], defendant=[1, 2])
    other = _draft("SETTLEMENT", [1], claimant=[0], defendant=[3])
    texts = ["The SEC filed a complaint against X and Z.", "The Commission entered an order against Y."]
    assert _statuses([suit, other], texts)[0] == "filed"


def test_a_settlement_of_the_defendant_settles_the_suit():
    suit = _draft("LAWSUIT", [0], plaintiff=[0], defendant=[1])
    settlement = _draft("SETTLEMENT", [1], claimant=[0], defendant=[1])
    texts = ["The SEC filed a complaint against X.", "X agreed to pay $1 million."]
    assert _statuses([suit, settlement], texts)[0] == "settled"


def test_a_suit_without_named_defendant_is_settled_by_its_plaintiffs_settlement():
    suit = _draft("LAWSUIT", [0], plaintiff=[0])
    settlement = _draft("SETTLEMENT", [1], claimant=[0], defendant=[1])
    texts = ["The FTC filed charges in 1981.", "X agreed to pay $1 million."]
    assert _statuses([suit, settlement], texts)[0] == "settled"


@pytest.mark.parametrize(
    "sentence",
    [
        # interim relief decides nothing: the suit is not won, it is under way
        "The judge issued a preliminary injunction and an asset freeze against the defendants.",
        "The court granted a temporary restraining order on Friday.",
        "Acme said it obtained a preliminary injunction against Widget.",
    ],
)
def test_interim_relief_leaves_the_suit_pending(lexicon, sentence):
    assert cue_status("LAWSUIT", sentence.lower(), lexicon) == "pending"


@pytest.mark.parametrize(
    ("etype", "sentences", "status", "rule", "sentence"),
    [
        # no cue anywhere: the type's default, an inference
        ("FINE", ["the regulator published its decision on acme corp."], "imposed", "default_status", None),
        ("SETTLEMENT", ["acme corp. and the agency signed the papers."], "agreed", "default_status", None),
        # a cue in the event's own sentence, or in a later sentence about it: read from that sentence
        ("FINE", ["the regulator fined acme corp.", "acme has appealed the fine."], "appealed", None, 1),
        ("INVESTIGATION", ["the settlement resolves the department's investigation."], "closed", None, 0),
    ],
)
def test_status_says_whether_a_cue_gave_it_or_the_default(lexicon, etype, sentences, status, rule, sentence):
    event = Draft(type=etype, sentences=[0])
    assign_statuses([event], sentences, lexicon)
    assert (event.status, event.status_rule, event.status_sentence) == (status, rule, sentence)


def test_a_suit_settled_by_a_reported_settlement_is_an_inferred_status(lexicon):
    suit = Draft(type="LAWSUIT", sentences=[0], roles={"plaintiff": [1], "defendant": [2]})
    settlement = Draft(type="SETTLEMENT", sentences=[1], roles={"claimant": [1], "defendant": [2]})
    assign_statuses([suit, settlement], ["the agency sued acme.", "acme agreed to pay $5 million."], lexicon)
    assert (suit.status, suit.status_rule) == ("settled", "carried_status")


def test_consent_to_the_judgment_entered_before_is_approved_on_its_day(extractor):
    from tests.events.test_extractor import events_of_type, run

    text = (
        "The Securities and Exchange Commission today announced that on March 3, 2015, Judge Jane Roe of the "
        "United States District Court for the District of Oregon entered a Final Judgment against John Doe. "
        "Mr. Doe consented to the Final Judgment without admitting or denying the allegations."
    )
    settlements = events_of_type(run(extractor, text, published="2015-03-10"), "SETTLEMENT")
    assert [(s.status, s.date) for s in settlements] == [("approved", "2015-03-03")]
