"""Event extraction on hand-written sentences: triggers, look-alikes, roles, statuses (real model)."""

from __future__ import annotations

import pytest

from models import ArticleRecord


def run(extractor, text: str, published: str | None = "2023-05-02") -> ArticleRecord:
    from pipeline.io.source import InputRecord

    return extractor.extract_record(InputRecord(id="t", text=text, published=published))


def events_of_type(record: ArticleRecord, etype: str) -> list:
    return [e for e in record.events if e.type == etype]


def role_names(record: ArticleRecord, event, role: str) -> set[str]:
    by_id = {e.id: e for e in record.entities}
    out: set[str] = set()
    for i in event.roles.get(role, []):
        out |= {by_id[i].name, *by_id[i].aliases}
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Rooney scored from the penalty spot after a penalty kick was awarded to Manchester United.",
        "The weather was fine and the crowd at Wembley enjoyed a fine performance by Arsenal.",
        "Cocoa futures settled higher on Friday while Brent crude settled at $80 a barrel.",
        "Under the GDPR, companies such as Meta could face fines of up to 4% of global turnover.",
        "Microsoft said the new probe would land on Mars in 2030.",
        "The family settled in Ohio after the war, and Acme Corp opened a plant there.",
        # criminal releases: what a defendant risks, criminal complaints, credit lines
        "John Doe pleaded guilty to tax evasion. Doe faces a statutory maximum sentence of five years in prison "
        "and a fine of $250,000.",
        "John Doe was indicted on fraud charges. If convicted, Doe faces up to 10 years in federal prison and a "
        "possible $250,000 fine.",
        "John Doe pleaded guilty today. Doe also faces a period of supervised release, restitution and monetary "
        "penalties.",
        "A federal complaint was unsealed today charging John Doe, 32, of Houston, with making bomb threats.",
        "John Doe was arrested on a criminal complaint filed in federal court in Houston.",
        "The U.S. Attorney thanked special agents of IRS Criminal Investigation, who conducted the investigation "
        "of John Doe.",
        "The Department acknowledges the efforts of the late John Doe, Senior Trial Counsel, in initiating the "
        "Acme investigation.",
        "The U.S. Attorney thanked the Office of Inspector General for assisting in the investigation of Acme Corp.",
        "The investigation that led to the charges was conducted by John Doe, Richard Roe and Jane Roe of the "
        "Boston office.",
    ],
)
def test_look_alikes_yield_no_event(extractor, text):
    assert run(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "etype", "anchor_role", "anchor", "actor_role", "actor"),
    [
        (
            "The Federal Trade Commission fined Acme Corp $5 million on Tuesday.",
            "FINE",
            "target",
            "Acme Corp",
            "authority",
            "Federal Trade Commission",
        ),
        (
            "Acme Corp was fined $5 million by the Federal Trade Commission.",
            "FINE",
            "target",
            "Acme Corp",
            "authority",
            "Federal Trade Commission",
        ),
        (
            "The Information Commissioner's Office imposed a fine of £2 million on Widget Ltd.",
            "FINE",
            "target",
            "Widget Ltd",
            "authority",
            "Information Commissioner's Office",
        ),
        (
            "Greenpeace has sued Shell in a Dutch court over its climate policy.",
            "LAWSUIT",
            "defendant",
            "Shell",
            "plaintiff",
            "Greenpeace",
        ),
        (
            "Acme Corp agreed to pay $3 million to resolve allegations that it violated the False Claims Act, the "
            "Justice Department announced today.",
            "SETTLEMENT",
            "defendant",
            "Acme Corp",
            "claimant",
            "Justice Department",
        ),
        (
            "The United States has asked a federal court in Savannah to permanently bar Jane Roe from preparing tax "
            "returns, the Justice Department announced today.",
            "LAWSUIT",
            "defendant",
            "Jane Roe",
            "plaintiff",
            "United States",
        ),
        (
            "The lawsuit, filed by the Justice Department, alleges that Acme Corp refused to rent to families.",
            "LAWSUIT",
            "defendant",
            "Acme Corp",
            "plaintiff",
            "Justice Department",
        ),
        (
            "The Securities and Exchange Commission has opened an investigation into Widget Inc.",
            "INVESTIGATION",
            "target",
            "Widget Inc",
            "authority",
            "Securities and Exchange Commission",
        ),
    ],
)
def test_roles_from_the_parse(extractor, text, etype, anchor_role, anchor, actor_role, actor):
    record = run(extractor, text)
    events = [e for e in record.events if e.type == etype]
    assert len(events) == 1, record.events
    assert any(anchor in n for n in role_names(record, events[0], anchor_role))
    assert any(actor in n for n in role_names(record, events[0], actor_role))


def test_the_company_resolves_to_its_antecedent(extractor):
    record = run(
        extractor, "Widget Inc makes phones. The company was fined $2 million by the Federal Trade Commission."
    )
    fine = next(e for e in record.events if e.type == "FINE")
    assert "Widget Inc" in role_names(record, fine, "target")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The FTC fined Acme Corp $5 million in 2021. Acme Corp is appealing the fine.", "appealed"),
        ("Acme Corp won an appeal against a $5 million fine imposed by the FTC.", "overturned"),
        ("The FTC fined Acme Corp $5 million last year.", "imposed"),
    ],
)
def test_fine_status_is_the_latest_the_article_reports(extractor, text, status):
    record = run(extractor, text)
    fines = [e for e in record.events if e.type == "FINE"]
    assert [e.status for e in fines] == [status]


def test_repeated_mentions_are_one_event(extractor):
    text = (
        "The FTC fined Acme Corp $5 million on Monday. The $5 million fine is the largest the agency has "
        "imposed this year. Acme Corp said it would pay the fine."
    )
    assert [e.type for e in run(extractor, text).events] == ["FINE"]


def test_relative_event_date_resolves_against_publication(extractor):
    record = run(extractor, "The FTC fined Acme Corp $5 million last year.", published="2023-05-02")
    assert [e.date for e in record.events] == ["2022"]


def test_every_event_names_its_core_party(extractor):
    record = run(extractor, "Shareholders have sued, and regulators opened an investigation.")
    assert record.events == []


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("This class-action suit represents approximately five million Amazon account holders.", 5_000_000),
        ("The class action was filed on behalf of 12,000 customers.", 12_000),
        ("The suit represents some 2.5 million drivers.", 2_500_000),
        ("The class action was filed on behalf of customers.", None),
    ],
)
def test_class_size_where_stated(text, size):
    from pipeline.events.parties import class_size

    assert class_size(text) == size


def test_an_amount_near_an_investigation_is_not_one_of_its_roles(extractor):
    record = run(extractor, "The SEC opened a $5 million investigation into Acme Corp.")
    assert [(e.type, sorted(e.roles)) for e in record.events] == [("INVESTIGATION", ["authority", "target"])]


@pytest.mark.parametrize(
    ("text", "defendant"),
    [
        # a suit reported only through the court's injunction
        (
            "A federal judge in Chicago has permanently barred Acme Tax Services from preparing tax returns.",
            "Acme Tax Services",
        ),
        # a suit called a "case"
        ("The Justice Department filed a civil case against Acme Corp under the Fair Housing Act.", "Acme Corp"),
    ],
)
def test_suit_without_the_word_lawsuit(extractor, text, defendant):
    record = run(extractor, text)
    suits = [e for e in record.events if e.type == "LAWSUIT"]
    assert len(suits) == 1
    assert defendant in role_names(record, suits[0], "defendant")


def test_a_body_pronoun_never_means_a_name_from_the_title(extractor):
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(
        InputRecord(
            id="t",
            title="New York-Based Corning Incorporated to Pay U.S. $5.65 Million\r\n"
            "to Resolve False Claims Allegations",
            text="Corning Incorporated has agreed to pay the U nited States $5.65 million to resolve claims that it "
            "knowingly presented false claims to the United States.   Corning, a New York based corporation, "
            "makes glass and ceramic components.   T he settlement resolves claims relating to a contract entered "
            "into by Corning in 2005 to sell laboratory research products to federal government entities.",
            published="2013-03-08",
        )
    )
    parties = {n for e in record.events for r in e.roles for n in role_names(record, e, r)}
    assert "Corning Incorporated" in parties
    assert "Resolve False Claims Allegations" not in parties


@pytest.mark.parametrize(
    ("text", "plaintiff", "defendant", "status"),
    [
        # news reports a suit between companies through the interim relief a court grants in it
        (
            "Acme Corp said it obtained a preliminary injunction against Widget Industries Inc over its trademark.",
            "Acme Corp",
            "Widget Industries Inc",
            "pending",
        ),
        (
            "Acme Corp said the federal court in Boston granted it a temporary restraining order against Widget "
            "Industries Inc, barring it from buying more Acme shares.",
            "Acme Corp",
            "Widget Industries Inc",
            "pending",
        ),
        (
            "Acme Corp was granted a preliminary injunction against Widget Industries Inc by a federal judge.",
            "Acme Corp",
            "Widget Industries Inc",
            "pending",
        ),
    ],
)
def test_a_suit_reported_through_its_injunction(extractor, text, plaintiff, defendant, status):
    record = run(extractor, text)
    suits = events_of_type(record, "LAWSUIT")
    assert len(suits) == 1
    assert plaintiff in role_names(record, suits[0], "plaintiff")
    assert defendant in role_names(record, suits[0], "defendant")
    assert suits[0].status == status


@pytest.mark.parametrize(
    "text",
    [
        "The court denied the union's request for a temporary restraining order.",  # no party named as sued
        "The new rules planned by the ministry would allow injunction relief in future.",
    ],
)
def test_injunction_look_alikes(extractor, text):
    assert events_of_type(run(extractor, text), "LAWSUIT") == []


@pytest.mark.parametrize(
    ("text", "target", "authority"),
    [
        # a passive participle conjoined to another shares its subject, and the 'by' phrase of the last one
        (
            'Manager John Smith later accused the referee of "cheating" and was fined £15,000 and severely '
            "reprimanded by the Football Association.",
            "John Smith",
            "Football Association",
        ),
        # a titled person ("former director of ...") acted on by name is the party, not a speaker
        (
            "John Smith, 63, former director of Acme Corp, was sentenced to two months in jail and fined 11,000 "
            "dlrs for insider trading.",
            "John Smith",
            None,
        ),
    ],
)
def test_a_fine_on_a_conjoined_passive(extractor, text, target, authority):
    record = run(extractor, text)
    fines = events_of_type(record, "FINE")
    assert len(fines) == 1
    assert target in role_names(record, fines[0], "target")
    if authority is not None:
        assert authority in role_names(record, fines[0], "authority")


def test_an_injunction_in_an_agency_suit_is_that_suit(extractor):
    record = run(
        extractor,
        "The Securities and Exchange Commission filed a complaint in federal court against Acme Corp, alleging "
        "that it defrauded investors. Acme Corp consented to the entry of a preliminary injunction and an order "
        "freezing its assets.",
    )
    suits = events_of_type(record, "LAWSUIT")
    assert len(suits) == 1
    assert "Acme Corp" in role_names(record, suits[0], "defendant")


@pytest.mark.parametrize(
    "text",
    [
        "The Vatican is to decide within a month if an investigation into Bishop John Smith is required.",
        "The regulator will decide next week whether Acme Corp should be fined.",
        "Talks continue, and Acme Corp will pay nothing unless a settlement with Widget Inc is reached.",
    ],
)
def test_an_event_in_a_conditional_clause_is_not_reported(extractor, text):
    assert run(extractor, text).events == []


def test_a_question_inside_a_probe_is_still_a_probe(extractor):
    record = run(extractor, "The FTC investigated whether Acme Corp misled consumers.")
    assert [e.type for e in record.events] == ["INVESTIGATION"]


def test_who_chairs_an_inquiry_is_not_its_target(extractor):
    record = run(extractor, "John Smith, who chaired the inquiry, said the panel had heard from 40 witnesses.")
    assert not [e for e in record.events if "John Smith" in role_names(record, e, "target")]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a modal on a verb the trigger's verb complements makes the action possible, not reported
        ("Acme Corp said the company may instead choose to pay a fine of $5 million.", []),
        ("The SEC said Acme Corp agreed to pay a $5 million fine.", ["FINE"]),
        # ... but a suit that a verb presupposes exists, whatever may happen to it
        ("Acme Corp could be forced to settle the lawsuit brought by Widget Inc.", ["LAWSUIT"]),
    ],
)
def test_modals_up_the_verb_chain(extractor, text, types):
    assert [e.type for e in run(extractor, text).events] == types


def test_a_fine_that_something_earned_a_party(extractor):
    record = run(extractor, "His outburst earned Acme Corp a fine of $10,000 from the league.")
    fines = events_of_type(record, "FINE")
    assert len(fines) == 1
    assert role_names(record, fines[0], "target") == {"Acme Corp"}


def test_a_suit_settled_in_a_deal_gives_a_settlement_of_its_parties(extractor):
    record = run(
        extractor,
        "Charles Evans sued Michael Mann in 2001, claiming he came up with the idea. The two sides settled out "
        "of court in a deal that has remained secret.",
    )
    settlements = events_of_type(record, "SETTLEMENT")
    assert len(settlements) == 1
    assert role_names(record, settlements[0], "defendant") == {"Michael Mann"}
    assert role_names(record, settlements[0], "claimant") == {"Charles Evans"}


@pytest.mark.parametrize(
    ("text", "etype", "role", "party"),
    [
        ("The European Commission opened an investigation into the business practices of Google.",
         "INVESTIGATION", "target", "Google"),
        ("The FTC launched a probe into Microsoft's licensing practices.", "INVESTIGATION", "target", "Microsoft"),
        ("Prosecutors are investigating the conduct of Acme Corp executives.", "INVESTIGATION", "target", "Acme Corp"),
        ("He was charged in connection with the investigation into the activities of lobbyist John Doe.",
         "INVESTIGATION", "target", "John Doe"),
    ],
)  # fmt: skip
def test_action_about_a_partys_conduct_names_the_party(extractor, text, etype, role, party):
    record = run(extractor, text)
    events = events_of_type(record, etype)
    assert len(events) == 1
    assert party in role_names(record, events[0], role)


def test_penalty_listed_in_a_sum_is_the_payers(extractor):
    text = (
        "The final judgment against John Doe ordered him to pay $945,078, including $620,078 in disgorgement "
        "and a $325,000 civil penalty."
    )
    record = run(extractor, text)
    fines = events_of_type(record, "FINE")
    assert len(fines) == 1
    assert "John Doe" in role_names(record, fines[0], "target")


def test_instruments_listed_in_a_count_are_no_settlement(extractor):
    text = "The department is enforcing 19 agreements with police agencies, including 14 consent decrees."
    assert events_of_type(run(extractor, text), "SETTLEMENT") == []


def test_person_named_to_head_a_probe_is_not_its_target(extractor):
    record = run(extractor, "John Smith was named head of the investigation into Widget Ltd.")
    assert all("John Smith" not in role_names(record, e, "target") for e in record.events)
