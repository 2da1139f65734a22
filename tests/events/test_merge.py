"""One event or several: settlements tied to the action they end, several parties fined separately,
relative clauses, amounts before 'fine', payments that end a claim (real model, hand-written sentences)."""

from __future__ import annotations

import pytest

from pipeline.events.drafts import Draft
from pipeline.events.lexicon import may_hold_event
from pipeline.events.merge import split_separate
from tests.events.test_extractor import events_of_type, role_names, run


def _names(record, event, role: str) -> set[str]:
    return {n.lower() for n in role_names(record, event, role)}


@pytest.mark.parametrize(
    ("text", "defendant", "claimant"),
    [
        (
            # a DOJ-style release: the complaint names the parties, the settlement sentence names none
            "The United States filed a complaint against Acme Corp in federal court in Boston, the Justice "
            "Department announced today. The complaint alleges that Acme Corp refused to rent to families with "
            "children. The consent decree, lodged with the court, is subject to a public comment period.",
            "acme",
            "united states",
        ),
        (
            "The Federal Trade Commission fined Widget Inc $2 million on Monday. The settlement also requires "
            "the firm to delete the data it collected.",
            "widget",
            "federal trade commission",
        ),
    ],
)
def test_a_settlement_that_names_no_party_ends_the_reported_action(extractor, text, defendant, claimant):
    record = run(extractor, text)
    settlements = events_of_type(record, "SETTLEMENT")
    assert len(settlements) == 1, record.events
    assert any(defendant in n for n in _names(record, settlements[0], "defendant"))
    assert any(claimant in n for n in _names(record, settlements[0], "claimant"))


def test_a_settlement_mention_without_any_reported_action_is_no_event(extractor):
    record = run(extractor, "The settlement also requires the firm to delete the data it collected.")
    assert events_of_type(record, "SETTLEMENT") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Financial Conduct Authority said Barclays Bank and Tesco Stores will pay penalties of £50,000 each "
        "for the reporting failures.",
        "In separate proceedings, the Information Commissioner's Office fined Barclays Bank and Tesco Stores for "
        "the same breaches.",
    ],
)
def test_parties_fined_separately_are_one_fine_each(extractor, text):
    record = run(extractor, text)
    targets = sorted(frozenset(_names(record, e, "target")) for e in events_of_type(record, "FINE"))
    assert len(targets) == 2, record.events
    assert all(len(t) >= 1 for t in targets)
    assert not any(any("barclays" in n for n in t) and any("tesco" in n for n in t) for t in targets)


def test_a_joint_penalty_stays_one_fine(extractor):
    text = (
        "Coltec Industries Inc. and National Steel and Shipbuilding Company have agreed to pay a civil penalty "
        "of $280,000 to resolve alleged violations of the Clean Air Act, the Department of Justice announced "
        "today."
    )
    assert len(events_of_type(run(extractor, text), "FINE")) == 1


@pytest.mark.parametrize(
    ("sentence", "plural", "amount", "parts"),
    [
        ("In separate proceedings, the DPA fined A and B.", False, False, 2),
        ("The regulator opened investigations into A and B.", True, False, 2),
        ("A and B are required to pay civil penalties of $225,750.", True, True, 1),
        ("A and B agreed to pay a civil penalty of $280,000.", False, True, 1),
        ("A and B agreed to pay penalties of $200,000 each.", True, True, 2),
    ],
)
def test_split_separate_cues(sentence, plural, amount, parts):
    draft = Draft(type="FINE", sentences=[0], roles={"target": [1, 2], "authority": [0]})
    if amount:
        draft.add("amount", [3])
    split = split_separate(draft, sentence, plural=plural)
    assert len(split) == parts
    assert sorted(i for d in split for i in d.roles["target"]) == [1, 2]
    if parts == 2:
        assert all(d.roles["authority"] == [0] for d in split)
        assert all(bool(d.roles.get("amount")) == ("each" in sentence) for d in split)


def test_amounts_paired_respectively_go_to_each_party():
    """'penalties of $40,000 and $25,000 on A and B, respectively': two fines, each with its own amount."""
    draft = Draft(type="FINE", sentences=[0], roles={"target": [1, 2], "authority": [0], "amount": [3]})
    sentence = "The Commission imposed penalties of $40,000 and $25,000 on A and B, respectively."
    split = split_separate(draft, sentence, plural=True, amounts=[3, 4])
    assert [(d.roles["target"], d.roles["amount"]) for d in split] == [([1], [3]), ([2], [4])]


def test_respectively_with_unpaired_amounts_keeps_no_amount():
    draft = Draft(type="FINE", sentences=[0], roles={"target": [1, 2], "amount": [3]})
    sentence = "A and B were fined a total of $65,000 in March and April, respectively."
    split = split_separate(draft, sentence, plural=False, amounts=[3])
    assert len(split) == 2
    assert all(not d.roles.get("amount") for d in split)


def test_two_penalties_reported_respectively_are_two_fines(extractor):
    text = "The Commission imposed penalties of $40,000 and $25,000 on Wells Fargo and Citigroup, respectively."
    fines = events_of_type(run(extractor, text), "FINE")
    assert len(fines) == 2
    assert len({tuple(f.roles["amount"]) for f in fines}) == 2


def test_the_relative_pronoun_is_the_noun_it_modifies(extractor):
    text = "The Federal Trade Commission referred the case to the Department of Justice, which filed suit in 2009."
    record = run(extractor, text)
    suits = events_of_type(record, "LAWSUIT")
    assert len(suits) == 1
    assert any("justice" in n for n in _names(record, suits[0], "plaintiff"))


def test_a_fine_after_an_amount_is_a_trigger(extractor):
    record = run(
        extractor,
        "The Federal Communications Commission fined Viacom last year. Viacom has five days to pay the $3.5m fine.",
    )
    fines = events_of_type(record, "FINE")
    assert len(fines) == 1
    assert [e.value for e in record.entities if e.id in fines[0].roles.get("amount", [])] != []


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp has paid $3.5m to end investigations by the Federal Communications Commission.",
        "Acme Corp agreed to pay $5 million to end the lawsuit brought by the Federal Trade Commission.",
    ],
)
def test_a_payment_that_ends_a_claim_is_a_settlement(extractor, text):
    record = run(extractor, text)
    settlements = events_of_type(record, "SETTLEMENT")
    assert len(settlements) == 1, record.events
    assert any("acme" in n for n in _names(record, settlements[0], "defendant"))


@pytest.mark.parametrize(
    ("sentence", "relevant"),
    [
        ("Acme paid $5m to end the dispute with its former partner.", True),
        ("Acme will pay a dividend to end the year on a high.", False),
        ("The company paid its staff a bonus to close the factory early.", False),
    ],
)
def test_payments_that_end_a_claim_pass_the_relevance_pass(sentence, relevant):
    assert may_hold_event(sentence) is relevant


def test_a_suit_pursued_against_the_remaining_defendants_stays_pending(extractor):
    """A settlement with some defendants does not settle the suit the government pursues against the rest."""
    from pipeline.io.source import InputRecord

    text = (
        "The United States intervened in two lawsuits alleging that Gosselin Worldwide Moving N.V. and ITO "
        "Mobel Transport GmbH executed a written agreement to raise the rates that they charged.   ITO Mobel "
        "Transport GmbH has agreed to pay $150,000 to settle the allegations.   The settling company has agreed "
        "to cooperate with the Justice Department as it pursues claims against the remaining defendants, which "
        "include Gosselin Worldwide Moving N.V. and Andreas Christ Spedition GmbH."
    )
    record = extractor.extract_record(InputRecord(id="t", text=text, published="2009-06-23"))
    suits = [e for e in record.events if e.type == "LAWSUIT"]
    assert len(suits) == 1
    assert suits[0].status == "pending"


def test_the_country_and_its_law_office_are_one_side_of_a_suit():
    from types import SimpleNamespace

    from pipeline.events.merge import _compatible

    names = ["United States", "U.S. Department of Justice", "Acme Movers GmbH", "Securities and Exchange Commission"]
    kinds = ["GPE", "REGULATOR", "ORG", "REGULATOR"]
    index = SimpleNamespace(clusters=[SimpleNamespace(name=n) for n in names], type_of=lambda i: kinds[i])
    country = Draft(type="LAWSUIT", sentences=[1], roles={"plaintiff": [0], "defendant": [2]})
    department = Draft(type="LAWSUIT", sentences=[5], roles={"plaintiff": [1], "defendant": [2]})
    agency = Draft(type="LAWSUIT", sentences=[7], roles={"plaintiff": [3], "defendant": [2]})
    assert _compatible(country, department, index)
    assert not _compatible(country, agency, index)  # another agency's suit against the same party


@pytest.mark.parametrize(
    "text",
    [
        "The Justice Department filed a civil antitrust lawsuit today in federal court to block the proposed "
        "transaction. At the same time, the department filed a proposed settlement with Acme Corp. that requires "
        "Acme Corp. to divest two plants.",
        "The United States has sued a Boston couple to bar them from preparing tax returns. The couple, John Doe "
        "and Jane Doe, agreed to a settlement with the United States.",
    ],
)
def test_government_suit_without_named_defendant_takes_the_settling_party(extractor, text):
    record = run(extractor, text)
    settlement = events_of_type(record, "SETTLEMENT")[0]
    suit = events_of_type(record, "LAWSUIT")[0]
    assert _names(record, suit, "defendant") == _names(record, settlement, "defendant") != set()
