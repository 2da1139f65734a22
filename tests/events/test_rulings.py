"""Suits reported through the court's decision, administrative filings, statutes over their named parts,
repeat mentions of one of two fines, suits filed with their settlement (real model, hand-written sentences)."""

from __future__ import annotations

import pytest

from pipeline.events.dates import filed_together
from pipeline.events.laws import statute_of
from tests.events.test_extractor import events_of_type, role_names, run


@pytest.mark.parametrize(
    ("text", "defendant"),
    [
        ("A federal judge in Chicago has permanently barred Acme Tax Services from preparing tax returns.", "Acme"),
        ("U.S. District Judge Mary Smith ruled that Acme Corp had violated the Clean Air Act.", "Acme Corp"),
        ("A jury found that Widget Ltd infringed the patents of Gadget Inc.", "Widget Ltd"),
    ],
)
def test_a_suit_decided_by_the_court_is_won(extractor, text, defendant):
    suits = events_of_type(record := run(extractor, text), "LAWSUIT")
    assert len(suits) == 1
    assert suits[0].status == "won"
    assert any(defendant in n for n in role_names(record, suits[0], "defendant"))


@pytest.mark.parametrize(
    ("text", "plaintiff", "defendant"),
    [
        (
            "A federal jury in Dayton found Norvell Chemical Corp liable for breach of contract and awarded "
            "Brisk Freight Inc $7 million in damages.",
            "Brisk Freight",
            "Norvell Chemical",
        ),
        (
            "A state court jury found Quillon Industries Inc liable and ordered it to pay Halvern Tools Corp "
            "$2.5 million.",
            "Halvern Tools",
            "Quillon Industries",
        ),
        ("A federal judge ruled that Tarrow Devices Inc infringed patents held by Omnilux Corp.", "Omnilux", "Tarrow"),
        ("Judge Ann Porter ruled that Tarrow Devices Inc infringed Omnilux Corp's patents.", "Omnilux", "Tarrow"),
    ],
)
def test_a_verdict_names_who_won_and_who_is_liable(extractor, text, plaintiff, defendant):
    suits = events_of_type(record := run(extractor, text), "LAWSUIT")
    assert len(suits) == 1
    assert suits[0].status == "won"
    assert any(plaintiff in n for n in role_names(record, suits[0], "plaintiff"))
    assert any(defendant in n for n in role_names(record, suits[0], "defendant"))


def test_a_court_award_is_a_won_suit(extractor):
    record = run(extractor, "A jury in Reno awarded Halvern Tools Corp $3 million in damages.")
    (suit,) = events_of_type(record, "LAWSUIT")
    assert suit.status == "won"
    assert any("Halvern" in n for n in role_names(record, suit, "plaintiff"))
    assert not role_names(record, suit, "defendant") & role_names(record, suit, "plaintiff")


@pytest.mark.parametrize(
    ("text", "plaintiff", "defendant"),
    [
        ("Quillon Industries Inc said it would appeal the verdict.", None, "Quillon"),
        (
            "Quillon Industries Inc is appealing a $9 million judgment won by Halvern Tools Corp in Ohio.",
            "Halvern",
            "Quillon",
        ),
        (
            "Quillon Industries Inc posted a bond pending its appeal of the judgment in favor of Halvern Tools Corp.",
            "Halvern",
            "Quillon",
        ),
    ],
)
def test_an_appealed_judgment_is_the_suit_it_decided(extractor, text, plaintiff, defendant):
    (suit,) = events_of_type(record := run(extractor, text), "LAWSUIT")
    assert suit.status == "appealed"
    plaintiffs = role_names(record, suit, "plaintiff")
    assert any(defendant in n for n in role_names(record, suit, "defendant"))
    assert (plaintiff is None and not plaintiffs) or any(plaintiff in n for n in plaintiffs)


@pytest.mark.parametrize(
    "text",
    [
        "Quillon Industries Inc said it would appeal the tax office's assessment.",
        "Critics questioned the judgment of Quillon Industries Inc's board.",
        "An appeals court overturned a district court ruling that Quillon Industries Inc infringed a patent.",
    ],
)
def test_no_suit_without_a_court_judgment_that_stands(extractor, text):
    assert events_of_type(run(extractor, text), "LAWSUIT") == []


def test_a_court_ruling_named_as_a_noun(extractor):
    text = (
        "Tarrow Devices Inc said it would comply with a district court ruling that it infringed on patents held "
        "by Omnilux Corp."
    )
    (suit,) = events_of_type(record := run(extractor, text), "LAWSUIT")
    assert suit.status == "won"
    assert any("Tarrow" in n for n in role_names(record, suit, "defendant"))
    assert any("Omnilux" in n for n in role_names(record, suit, "plaintiff"))


@pytest.mark.parametrize(
    ("text", "plaintiff", "defendant"),
    [
        ("Brisk Freight Inc has a suit pending against Norvell Chemical Corp over the contract.", "Brisk", "Norvell"),
        ("Brisk Freight Inc also has a lawsuit pending against it in Ohio.", None, "Brisk"),
    ],
)
def test_who_has_a_suit_against_another_brings_it(extractor, text, plaintiff, defendant):
    (suit,) = events_of_type(record := run(extractor, text), "LAWSUIT")
    plaintiffs = role_names(record, suit, "plaintiff")
    assert any(defendant in n for n in role_names(record, suit, "defendant"))
    assert (plaintiff is None and not plaintiffs) or any(plaintiff in n for n in plaintiffs)


@pytest.mark.parametrize(
    "text",
    [
        # an agency's finding is not a court's
        "The data protection authority found that Acme Corp had violated the GDPR.",
        # a court that rules on something else decides no suit against a party
        "The court ruled that the shareholder meetings of Acme Corp must take place by May 4.",
        # an award that is no court's
        "The trade group awarded Acme Corp a prize for its design.",
    ],
)
def test_findings_that_are_no_court_decision_are_no_suit(extractor, text):
    assert events_of_type(run(extractor, text), "LAWSUIT") == []


@pytest.mark.parametrize(
    ("text", "suits"),
    [
        ("In January Acme Power filed a rate case with New Mexico regulators to raise its rates.", 0),
        ("Maria Lopez filed a complaint with the EEOC alleging that Acme Corp fired her.", 0),
        ("The Justice Department filed a complaint against Acme Corp with the U.S. District Court in Boston.", 1),
    ],
)
def test_a_filing_with_an_agency_is_no_suit(extractor, text, suits):
    assert len(events_of_type(run(extractor, text), "LAWSUIT")) == suits


@pytest.mark.parametrize(
    ("name", "statute"),
    [
        ("anti-discrimination provision of the INA", "ina"),
        ("the antidiscrimination provisions of the Immigration and Nationality Act", "immigration and nationality act"),
        ("Immigration and Nationality Act", None),
        ("Article 6 of the GDPR", None),  # a numbered provision is a law of its own
        ("Section 5 provision of the FTC Act", None),
    ],
)
def test_statute_of_a_described_provision(name, statute):
    assert statute_of(name) == statute


def test_an_event_names_the_statute_not_its_described_part(extractor):
    text = (
        "Acme Corp agreed to pay $10,000 to resolve allegations that it violated the Immigration and Nationality "
        "Act (INA), the Justice Department announced today. The department found that Acme Corp violated the "
        "anti-discrimination provision of the INA by asking workers for too many documents."
    )
    record = run(extractor, text)
    (settlement,) = events_of_type(record, "SETTLEMENT")
    laws = role_names(record, settlement, "law")
    assert "Immigration and Nationality Act" in laws
    assert not any("provision" in law for law in laws)


def test_a_repeat_mention_means_the_fine_reported_last(extractor):
    text = (
        "The Federal Communications Commission fined Acme Broadcasting $3.5 million for indecent shows. "
        "In March the commission also fined Acme Broadcasting $550,000 over a halftime show. "
        "Acme Broadcasting is contesting that fine."
    )
    record = run(extractor, text)
    by_amount = {
        next(e.value.value for e in record.entities if e.id in f.roles.get("amount", [])): f.status
        for f in events_of_type(record, "FINE")
    }
    assert by_amount == {3_500_000: "imposed", 550_000: "appealed"}


@pytest.mark.parametrize(
    ("sentence", "together"),
    [
        ("The complaint, which was filed along with the consent decree, alleges that the county discriminated.", True),
        ("The proposed settlement was filed today, along with a complaint, in federal court.", True),
        ("In a complaint filed simultaneously with the settlement, the United States alleged violations.", True),
        ("The complaint was filed in 2011; the settlement was reached today.", False),
        ("According to the statement of facts filed along with his plea agreement, he worked there.", False),
    ],
)
def test_suit_filed_together_with_its_settlement(sentence, together):
    assert filed_together(sentence) is together


def test_a_suit_filed_with_its_consent_decree_takes_its_date(extractor):
    text = (
        "Today the Justice Department filed a proposed consent decree with Augusta County, Virginia, resolving "
        "claims that the county violated the Americans with Disabilities Act. The complaint, which was filed "
        "along with the consent decree, alleges that Augusta County failed to provide accessible polling places."
    )
    record = run(extractor, text, published="2015-11-04")
    (suit,) = events_of_type(record, "LAWSUIT")
    assert suit.date == "2015-11-04"


def test_a_pair_named_as_one_is_the_suit_of_each_member(extractor):
    text = (
        "The Justice Department sued Jerry L. Wilson and EME LLC in federal court in Louisville under the Fair "
        "Housing Act. The lawsuit alleged that Wilson and EME LLC refused to rent to families with children. "
        "Under the consent decree, Mr. Wilson will pay $22,000."
    )
    assert len(events_of_type(run(extractor, text), "LAWSUIT")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe waited two years to sue because she was trying to negotiate a settlement with Acme Corp.",
        "Acme Corp has tried to settle and will continue to try and settle, its lawyer said.",
        "Both Acme Corp and Widget Ltd remain interested in a possible settlement.",
        "Acme Corp and Widget Ltd held settlement talks on Monday.",
    ],
)
def test_a_settlement_only_sought_is_no_event(extractor, text):
    assert events_of_type(run(extractor, text), "SETTLEMENT") == []


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp negotiated a settlement with the Federal Trade Commission and agreed to pay $2 million.",
        "Acme Corp and the Justice Department sought court approval of the settlement, under which Acme Corp "
        "will pay $2 million.",
    ],
)
def test_a_settlement_reached_or_awaiting_approval_is_an_event(extractor, text):
    assert len(events_of_type(run(extractor, text), "SETTLEMENT")) == 1


def test_the_payee_of_a_settlement_is_its_claimant_and_the_suits_plaintiff(extractor):
    text = "Acme Power said it will pay Widget Chemical Corp 39.2 mln dlrs in settlement of a suit filed in 1982."
    record = run(extractor, text, published="1987-03-31")
    (settlement,) = events_of_type(record, "SETTLEMENT")
    assert "Widget Chemical Corp" in role_names(record, settlement, "claimant")
    assert "Acme Power" in role_names(record, settlement, "defendant")


def test_damages_sought_in_a_later_sentence_are_the_suits_amount(extractor):
    text = (
        "Widget Chemical Corp sued Acme Power in federal court in Detroit over a fuel supply contract. "
        "Widget Chemical Corp has sought $162.5 million in damages from Acme Power."
    )
    record = run(extractor, text)
    (suit,) = events_of_type(record, "LAWSUIT")
    amounts = [e.value.value for e in record.entities if e.id in suit.roles.get("amount", [])]
    assert amounts == [162_500_000]


def test_a_person_paid_under_a_settlement_is_not_its_claimant(extractor):
    text = "Under the settlement agreement, Acme Corp will pay John Smith $52,500 in back wages."
    record = run(extractor, text)
    for settlement in events_of_type(record, "SETTLEMENT"):
        assert "John Smith" not in role_names(record, settlement, "claimant")
        assert "John Smith" not in role_names(record, settlement, "defendant")


def test_a_ruling_upheld_on_appeal_is_won(extractor):
    text = "Tarrow Devices Inc said an appeals court upheld a district court ruling that it breached a contract."
    (suit,) = events_of_type(record := run(extractor, text), "LAWSUIT")
    assert suit.status == "won"
    assert any("Tarrow" in n for n in role_names(record, suit, "defendant"))


@pytest.mark.parametrize(
    ("text", "defendant"),
    [
        ("Brisk Freight Inc petitioned the court to block the takeover of Norvell Chemical Corp.", "Norvell"),
        (
            "Brisk Freight Inc asked a federal court to overturn the Federal Communications Commission's ruling.",
            "Federal",
        ),
    ],
)
def test_a_petition_to_the_court_is_a_filed_suit(extractor, text, defendant):
    (suit,) = events_of_type(record := run(extractor, text), "LAWSUIT")
    assert suit.status == "filed"
    assert any("Brisk" in n for n in role_names(record, suit, "plaintiff"))
    assert any(defendant in n for n in role_names(record, suit, "defendant"))
