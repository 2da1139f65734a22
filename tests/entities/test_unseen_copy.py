"""Entity-set mechanisms for copy the rules were not written on (issue 12): rule names, company names cut by
the NER, complete company names, rosters, works and brands, competitions.

All sentences are invented.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.entities.company_names import CompanyNames
from pipeline.entities.mentions import rule_name
from pipeline.entities.names import has_legal_form, is_compact_form, is_short_form, names_no_organisation


def _record(extractor, text: str):
    from pipeline.io.source import InputRecord

    return extractor.extract_record(InputRecord(id="u", text=text, title=None, published="2019-03-01"))


def _names(record, kind: str) -> set[str]:
    return {e.name for e in record.entities if e.type == kind}


# -- rules and provisions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("Acme violated Rules 12b-20 and 13a-1 thereunder.", 2, 4, "Rule 12b-20"),
        ("Acme violated Rule l0b-5 in 2019.", 2, 4, "Rule 10b-5"),
        ("Acme violated MSRB Rules G-17 and G-37.", 2, 5, "MSRB Rule G-17"),
        ("Acme violated Rule 15c1-2 again.", 2, 6, "Rule 15c1-2"),
    ],
)
def test_a_rule_mention_is_named_as_one_rule(text: str, start: int, end: int, name: str) -> None:
    doc = spacy.blank("en")(text)
    assert rule_name(Span(doc, start, end, label="LAW")) == name


@pytest.mark.parametrize(
    ("text", "law", "not_law"),
    [
        ("The agency said Omega Ltd. violated Rule l0b-5 in its filings.", "Rule 10b-5", "Rule l0b-5"),
        ("The agency charged Zeta Corp. with violating Rules 13b2-1 and 13b2-2.", "Rule 13b2-1", "Rules 13b2-1"),
    ],
)  # fmt: skip
def test_rule_mentions_are_laws_named_as_one_rule(extractor, text: str, law: str, not_law: str) -> None:
    record = _record(extractor, text)
    laws = _names(record, "LAW")
    assert law in laws and not_law not in laws
    assert not any(name.startswith("Rule") for name in _names(record, "ORG") | _names(record, "PERSON"))


# -- company names ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The agency sued Pinecrest Loans of Nevada, Inc. on Monday.", "Pinecrest Loans of Nevada, Inc."),
        ("The board acted against Smith-Harlan Bancorp, Inc. in May.", "Smith-Harlan Bancorp, Inc."),
    ],
)
def test_company_names_across_of_and_hyphens(text: str, name: str) -> None:
    nlp = spacy.blank("en")
    doc = CompanyNames(nlp, "companies")(nlp(text))
    assert name in [e.text for e in doc.ents]


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        ("Quill Bank Holdings Corp.", "Quill Bank Acquisition Corp.", False),
        ("Ridge Financial, LLC", "Ridge Financial Bancorp", False),
        ("Ridge Lending, Inc.", "Ridge Lending of Ohio, Inc.", False),
        ("Ridge Financial", "Ridge Financial Bancorp", True),
        ("Lucite", "Lucite International Inc.", True),
    ],
)  # fmt: skip
def test_a_name_with_its_own_legal_form_is_complete(short: str, long: str, same: bool) -> None:
    assert (is_short_form(short, long) or is_compact_form(short, long)) == same


def test_has_legal_form() -> None:
    assert has_legal_form("Acme, Inc.") and has_legal_form("Quill Bank Holdings Corp.")
    assert not has_legal_form("Acme Holdings") and not has_legal_form("Inc.")


def test_distinct_subsidiaries_stay_distinct_entities(extractor) -> None:
    text = (
        "The agency announced actions against Quill Bank Acquisition Corp., Denver, Colorado, and Quill Bank "
        "Holdings Corp., Denver, Colorado. The agency also sued Birch Lending of Texas, Inc. and Birch Lending, "
        "Inc. for unfair fees."
    )
    orgs = _names(_record(extractor, text), "ORG")
    assert {"Quill Bank Acquisition Corp.", "Quill Bank Holdings Corp."} <= orgs
    assert {"Birch Lending of Texas, Inc.", "Birch Lending, Inc."} <= orgs


# -- what is no organisation ------------------------------------------------------------------------------


def test_players_of_a_line_up_are_no_organisations(extractor) -> None:
    text = (
        "Riverton Rovers beat Hillford 24-10 on Saturday, coach Sam Oakes said.\n\n"
        "Riverton: Barnaby, Quellin, Ostrander, Pemberley, Thistlewood; Marchbank, Yelverton; Ashdown, "
        "Fairweather, Kettleby.\n\n"
        "Replacements: Dunmore for Barnaby (60), Elsworth for Yelverton (71), Gatcombe for Ashdown (55)."
    )
    orgs = _names(_record(extractor, text), "ORG")
    for player in ("Quellin", "Ostrander", "Pemberley", "Thistlewood", "Dunmore for Barnaby", "Elsworth"):
        assert not any(player in org for org in orgs), orgs


def test_a_list_of_companies_in_prose_is_kept(extractor) -> None:
    text = "Google, Microsoft, Oracle, IBM and Intel said on Monday that they would appeal the ruling by the court."
    assert {"Google", "Microsoft", "IBM"} <= _names(_record(extractor, text), "ORG")


@pytest.mark.parametrize(
    ("text", "kept", "not_org"),
    [
        ("Vintara, whose brands include Copperhill, Redmoor and Ashvale, rejected the bid from Kestrel Group.",
         "Kestrel Group", "Redmoor"),
        ("Viewers can watch programmes such as Harbour Lights, Larkspur Media Ltd. said on Monday.",
         "Larkspur Media Ltd.", "Harbour Lights"),
    ],
)  # fmt: skip
def test_brands_and_works_after_their_kind_are_no_organisations(extractor, text, kept, not_org) -> None:
    orgs = _names(_record(extractor, text), "ORG")
    assert kept in orgs and not_org not in orgs


@pytest.mark.parametrize("name", ["Powergen Cup", "Northern Counties Trophy", "World Cup", "Super League Final"])
def test_competitions_are_no_organisations(name: str) -> None:
    assert names_no_organisation(name)


@pytest.mark.parametrize("name", ["Acme Cup Inc.", "Football Association", "Premier League"])
def test_bodies_and_companies_named_like_competitions_are_organisations(name: str) -> None:
    assert not names_no_organisation(name)


@pytest.mark.parametrize(
    ("org", "kind"),
    [("Hollin Drywall Company Inc.", "ORG"), ("Anouk Hollin", "PERSON")],
)
def test_a_company_stays_a_company_when_its_short_form_is_read_as_a_person(org: str, kind: str) -> None:
    from pipeline.entities.clusters import EntityCluster, add_mention
    from pipeline.gazetteer import load_gazetteer

    doc = spacy.blank("en")(f"The department sued {org} in May. Hollin will pay.")
    n = len(org.split())
    cluster = EntityCluster(type="ORG", mentions=[Span(doc, 3, 3 + n, label="ORG")])
    add_mention(cluster, Span(doc, 7 + n, 8 + n, label="PERSON"), gazetteer=load_gazetteer())
    assert cluster.type == kind


def _titled(extractor, title: str, text: str):
    from pipeline.io.source import InputRecord

    return extractor.extract_record(InputRecord(id="h", text=text, title=title, published="1987-03-01"))


@pytest.mark.parametrize("with_title_start", [True, False])
def test_a_capitals_title_does_not_split_a_company_the_body_names_in_full(with_title_start: bool) -> None:
    import pipeline.factories  # noqa: F401  (registers the Doc extensions)
    from pipeline.entities.clusters import cluster_mentions
    from pipeline.gazetteer import load_gazetteer

    title = "PELLIX SUED OVER PATENT\n"
    doc = spacy.blank("en")(title + "Vantor said it sued Pellix Systems Corp on Monday. Pellix denied it.")
    doc._.text_start = len(title) if with_title_start else 0
    spans = [
        doc.char_span(start, start + len(name), label="ORG")
        for name, start in (("PELLIX", 0), ("Pellix Systems Corp", doc.text.index("Pellix Systems")),
                            ("Pellix", doc.text.rindex("Pellix")))
    ]  # fmt: skip
    clusters = cluster_mentions(doc, spans, [], gazetteer=load_gazetteer())
    if with_title_start:  # the body's full name first: title and body short form join it, in document order
        assert [[m.text for m in c.mentions] for c in clusters] == [["PELLIX", "Pellix Systems Corp", "Pellix"]]
    else:  # without a known title, mentions cluster in document order ("Pellix" joins "PELLIX" by its key)
        assert [[m.text for m in c.mentions] for c in clusters] == [["PELLIX", "Pellix"], ["Pellix Systems Corp"]]


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [("TTR", "The Ticket Reserve Inc.", True), ("TR", "The Ticket Reserve Inc.", True), ("TTR", "Ticket Inc.", False)],
)
def test_acronyms_may_keep_a_leading_article(short: str, long: str, same: bool) -> None:
    from pipeline.entities.names import is_acronym_of

    assert is_acronym_of(short, long) == same


def test_an_acronym_with_the_article_joins_the_company(extractor) -> None:
    text = "The agency sued The Harbor Pass Group LLC in Dallas. THPG sold passes to events that never took place."
    record = _record(extractor, text)
    (company,) = [e for e in record.entities if "Harbor Pass" in e.name]
    assert "THPG" in company.aliases


@pytest.mark.parametrize(
    ("text", "outlet", "publisher"),
    [
        ("Dana Whitlock spoke to Glimmernews in July.", "Glimmernews", True),
        ("Glimmernews has previously interviewed two other nominees.", "Glimmernews", True),
        ("The candidate was talking with Glimmernews on Monday.", "Glimmernews", True),
        ("Glimmernews reported that the candidate spoke to voters.", "Glimmernews", False),
        ("Acme spoke to Glimmernews to complain, and Glimmernews printed the letter.", "Glimmernews", False),
    ],
)
def test_the_outlet_that_held_the_interviews_is_the_publisher(text: str, outlet: str, publisher: bool) -> None:
    from pipeline.entities.clusters import EntityCluster
    from pipeline.entities.filters import is_publisher

    doc = spacy.blank("en")(text)
    mentions = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text == outlet]
    assert is_publisher(EntityCluster(type="ORG", mentions=mentions)) == publisher


@pytest.mark.parametrize(
    ("name", "no_org"),
    [
        ("Litigation Release No", True), ("Complaint", True), ("COO", True), ("Board of Directors", True),
        ("Board of Governors of the Federal Reserve System", False), ("Coors", False), ("Acme Board Inc.", False),
    ],
)  # fmt: skip
def test_release_furniture_and_officer_titles_are_no_organisations(name: str, no_org: bool) -> None:
    assert names_no_organisation(name) == no_org


@pytest.mark.parametrize(
    ("text", "place", "kept"),
    [
        ("The Board announced the action listed below:\nQuill Bancorp Inc., Harwick, Ohio\nWritten Agreement dated "
         "May 2, 2023. Harwick is a small town.", "Harwick", "Quill Bancorp Inc."),
        ("The agency said the adviser defrauded the City of Millbrook Falls, Vermont and hid its fees. The adviser "
         "overcharged Millbrook Falls for years.", "Millbrook Falls", None),
    ],
)  # fmt: skip
def test_a_name_shown_as_a_place_is_no_organisation_anywhere(extractor, text, place, kept) -> None:
    orgs = _names(_record(extractor, text), "ORG")
    assert place not in orgs
    if kept:
        assert kept in orgs


def test_drop_place_names_drops_unknown_organisations_named_as_a_place() -> None:
    from pipeline.entities.clusters import EntityCluster
    from pipeline.entities.filters import drop_place_names

    doc = spacy.blank("en")("Harwick agreed. Harwick Bank agreed. Harwick Office agreed.")
    town = EntityCluster(type="ORG", mentions=[Span(doc, 0, 1, label="ORG")])
    bank = EntityCluster(type="ORG", mentions=[Span(doc, 3, 5, label="ORG")])
    known = EntityCluster(type="ORG", mentions=[Span(doc, 0, 1, label="ORG")], kb_id="reg:x")
    other = EntityCluster(type="PUBLIC_BODY", mentions=[Span(doc, 0, 1, label="PUBLIC_BODY")])
    assert drop_place_names([town, bank, known, other], {"Harwick"}) == [bank, known, other]
    assert drop_place_names([town], set()) == [town]


def test_a_bank_with_its_national_association_form_stays_an_organisation(extractor) -> None:
    from pipeline.io.source import InputRecord

    text = (
        "On May 3, 2022, the Bureau issued an order against Larkmoor Bank, N.A., which is a national bank "
        "headquartered in Denver, Colorado. The Bureau found that Larkmoor Bank violated the Equal Credit "
        "Opportunity Act."
    )
    record = extractor.extract_record(InputRecord(id="b", text=text, title="Larkmoor Bank, N.A.", published=None))
    assert any("Larkmoor" in name for name in _names(record, "ORG"))


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The agency sued Harbor Pass Inc. a/k/a Pass Tickets, Inc., and two officers.", "Harbor Pass Inc.",
         "Pass Tickets, Inc."),
        ("The agency sued Quarry Lending Holding Co. f/k/a Western Loan Corporation on Monday.",
         "Quarry Lending Holding Co.", "Western Loan Corporation"),
    ],
)  # fmt: skip
def test_names_linked_by_an_alias_word_are_one_entity(extractor, text: str, first: str, second: str) -> None:
    record = _record(extractor, text)
    forms = [{e.name, *e.aliases} for e in record.entities if e.type == "ORG"]
    assert any({first, second} <= names for names in forms), forms


def test_linked_aliases_needs_the_alias_word_alone_between_two_names() -> None:
    from pipeline.entities.mentions import linked_aliases

    doc = spacy.blank("en")("Acme Inc. a/k/a Acme Tools and Beta LLC sued Gamma Corp.")
    doc.ents = [
        Span(doc, 0, 2, label="ORG"),
        Span(doc, 7, 9, label="ORG"),
        Span(doc, 10, 12, label="ORG"),
        Span(doc, 13, 15, label="ORG"),
    ]
    assert [(a.text, b.text) for a, b in linked_aliases(doc)] == [("Acme Inc.", "Acme Tools")]


@pytest.mark.parametrize(
    ("text", "staff", "company"),
    [
        ("The investigation was supervised by M. Quentin Harrow of the Denver Regional Office. Acme Tools Inc. "
         "agreed to pay.", "M. Quentin Harrow", "Acme Tools Inc."),
        ("The examination was conducted by Nadia Rosalind Tern of the National Exam Program. The review was led "
         "by Larkspur Audit LLC of Boston.", "Nadia Rosalind Tern", "Larkspur Audit LLC"),
    ],
)  # fmt: skip
def test_staff_of_a_credit_line_are_no_organisations(extractor, text: str, staff: str, company: str) -> None:
    orgs = _names(_record(extractor, text), "ORG")
    assert staff not in orgs and company in orgs
