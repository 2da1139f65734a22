"""Entity stage: publisher and headline filters (blank pipeline), and entity sets of real DOJ phrasing."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.entities.filters import drop_non_orgs, drop_publisher, is_suffix_only, person_like, title_words
from pipeline.entities.mentions import (
    LAW_DESCRIPTOR_MODIFIERS,
    LAW_SCOPE_WORDS,
    can_describe,
    can_name_law,
    descriptor_matcher,
    law_descriptor_matcher,
    lower_ids,
)
from pipeline.entities.resolver import EntityCluster
from pipeline.gazetteer.district_offices import canonical_name, find_district_offices, same_office


def _clusters(text: str, names: list[str]) -> list[EntityCluster]:
    nlp = spacy.blank("en")
    doc = nlp(text)
    clusters = []
    for name in names:
        start = doc.text.index(name)
        span = doc.char_span(start, start + len(name), label="ORG")
        assert span is not None
        clusters.append(EntityCluster(type="ORG", mentions=[Span(doc, span.start, span.end, label="ORG")]))
    return clusters


@pytest.mark.parametrize(
    ("text", "outlets", "kept"),
    [
        ('"We will appeal," a spokesman told Reuters. Acme Corp declined comment.', ["Reuters"], ["Acme Corp"]),
        ("BBC Scotland has learned that the council plans cuts. Mr Smith told BBC Radio Scotland.",
         ["BBC Scotland", "BBC Radio Scotland"], []),
        ("The South China Morning Post reported the loss. Acme Corp denied it.", [],
         ["South China Morning Post", "Acme Corp"]),
        # an instruction to a party is no interview: the party addressed stays an organisation
        ("The CMA told Google to change its default search settings.", [], ["Google"]),
        ("Regulators told Acme Corp that it must repay customers.", [], ["Acme Corp"]),
        ("The official told Reuters in an interview that the probe continues.", ["Reuters"], []),
        # an outlet named in another role too is part of the story
        ("Reuters was sued by the photographer. Its lawyer told Reuters nothing.", [], ["Reuters"]),
        ("Their lawyer told Reuters following a brief hearing.", ["Reuters"], []),
        ("The regulator told Acme Corp in a letter that it must stop.", [], ["Acme Corp"]),
    ],
)  # fmt: skip
def test_drop_publisher_removes_the_outlet_sources_talk_to(text: str, outlets: list[str], kept: list[str]) -> None:
    clusters = _clusters(text, outlets + kept)
    assert [c.name for c in drop_publisher(clusters)] == kept


def _sets(record) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for ent in record.entities:
        out.setdefault(ent.type, set()).add(ent.name)
    return out


def test_apostrophe_less_possessive_is_split_into_owner_and_unit(extractor) -> None:
    from pipeline.io.source import InputRecord

    text = (
        "Nebraska Beef Ltd. agreed to pay $200,000 to settle claims, the Justice Department announced today. "
        "The case was handled by the Justice Departments Civil Rights Division."
    )
    record = extractor.extract_record(InputRecord(id="t1", text=text, title=None, published="2015-08-24"))
    sets = _sets(record)
    assert not any("Departments" in name for name in sets.get("ORG", set()))
    assert any("Civil Rights Division" in name for name in sets.get("REGULATOR", set()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the story states the currency once, then abbreviates: the bare markers take it
        ("Canadian banks could lose 1.98 billion Canadian dlrs on loans. Profits were 575 mln dlrs.", {"CAD"}),
        ("The fine is C$5 million. The firm had set aside $2 million.", {"CAD"}),
        # naming a country is no currency: without a stated one the markers keep their usual reading
        ("Canada's big banks could lose 1.98 billion dlrs on Brazilian loans.", {"USD"}),
        ("The CMA told a U.S. firm to pay $3 million and A$2 million and C$1 million.", {"USD", "AUD", "CAD"}),
    ],
)  # fmt: skip
def test_bare_currency_markers_take_the_currency_the_story_states(extractor, text: str, expected: set[str]) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t2", text=text, title=None, published="1987-03-30"))
    assert {e.value.currency for e in record.entities if e.type == "MONEY"} == expected


def test_public_body_that_is_sued_is_not_an_org(extractor) -> None:
    from pipeline.io.source import InputRecord

    text = "The Justice Department sued the Fort Payne City School District in federal court in Birmingham."
    record = extractor.extract_record(InputRecord(id="t3", text=text, title=None, published="2012-06-26"))
    assert "Fort Payne City School District" not in _sets(record).get("ORG", set())


def test_headline_fragments_are_not_orgs(extractor) -> None:
    from pipeline.io.source import InputRecord

    title = "Oregon Resident Sentenced for Providing Material Support"
    text = "A Portland man was sentenced today, the Justice Department announced."
    record = extractor.extract_record(InputRecord(id="t4", text=text, title=title, published="2012-06-26"))
    assert not any("Sentenced" in name for name in _sets(record).get("ORG", set()))


@pytest.mark.parametrize(
    ("text", "spurious", "kept"),
    [
        # an apostrophe-less possessive of a person ("Maniss application") or a company named before
        (
            "The Justice Department asked a federal court to bar Ronald Manis of Carbondale, Ill., from preparing "
            "tax returns. The IRS denied Maniss application for an electronic filing number.",
            "Maniss",
            None,
        ),
        (
            "Call centers sold Dish Network programming by any means necessary. Dishs reckless decision to use "
            "anyone with a call center harmed consumers.",
            "Dishs",
            "Dish Network",
        ),
        # a sentence glued to a lone initial, and an official's portfolio after the official's name
        (
            "The schools later revoked the acceptances when the schools learned that the applicants have "
            "hepatitis B. The Justice Department determined that the schools had no lawful basis.",
            "B.",
            None,
        ),
        (
            "HUD is sending a clear message, said HUD Assistant Secretary Gustavo Velasquez for Fair Housing and "
            "Equal Opportunity.",
            "Fair Housing and Equal Opportunity",
            None,
        ),
    ],
)
def test_fragments_of_doj_copy_are_no_orgs(extractor, text: str, spurious: str, kept: str | None) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t5", text=text, title=None, published="2013-06-20"))
    orgs = _sets(record).get("ORG", set())
    assert spurious not in orgs
    if kept is not None:
        assert kept in orgs


US_PLACES = {"District of Columbia", "Colorado", "South Carolina", "Ohio", "Minnesota", "Virginia", "New Jersey"}


@pytest.mark.parametrize(
    ("text", "mention", "kb_id"),
    [
        ("the U.S. Attorneys Office for the District of Columbia, and the GSA", "U.S. Attorney's Office for the "
         "District of Columbia", "reg:usao-us:district-of-columbia"),
        ("is what the Colorado U.S. Attorneys Office, and", "Colorado U.S. Attorney's Office",
         "reg:usao-us:district-of-colorado"),
        ("United States Attorneys Office in South Carolina.", "United States Attorney's Office in South Carolina",
         "reg:usao-us:district-of-south-carolina"),
        ("said U.S. Attorney for the District of New Jersey Paul Fishman.",
         "U.S. Attorney for the District of New Jersey", "reg:usao-us:district-of-new-jersey"),
        ("said U.S. Attorney Carter Stewart of Southern District of Ohio", "U.S. Attorney",
         "reg:usao-us:southern-district-of-ohio"),
        ("Assistant U.S. Attorneys Bahram Samie and Ana Voss of the District of Minnesota handled the case",
         "U.S. Attorneys", "reg:usao-us:district-of-minnesota"),
    ],
)  # fmt: skip
def test_district_offices_get_one_id_per_district(text: str, mention: str, kb_id: str) -> None:
    [office] = find_district_offices(text, is_place=US_PLACES.__contains__)
    assert (office.text, office.kb_id) == (mention, kb_id)


def test_district_office_outside_a_us_state_is_left_to_the_gazetteer() -> None:
    assert find_district_offices("the U.S. Attorney's Office in Manhattan", is_place=US_PLACES.__contains__) == []


def test_district_office_names_and_generic_mentions() -> None:
    assert canonical_name("reg:usao-us:southern-district-of-ohio") == (
        "U.S. Attorney's Office for the Southern District of Ohio"
    )
    assert same_office("reg:usao-us", "reg:usao-us:district-of-colorado")
    assert not same_office("reg:usao-us:district-of-colorado", "reg:usao-us:district-of-columbia")


@pytest.mark.parametrize(("text", "expected"), [("LLC", True), ("Inc.", True), ("Zen Magnets LLC", False)])
def test_is_suffix_only(text: str, expected: bool) -> None:
    assert is_suffix_only(text) is expected


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        ("Bank analyst Donna Pulcine told us. Analyst Pulcine said she might cut estimates.", ["Donna Pulcine"], []),
        ("Michael Walsh, 41, said the loans are safe.", ["Michael Walsh"], []),
        ("Stern was fined. Mr Stern said he would appeal.", ["Stern"], []),
        ("Union Carbide said it would appeal. Consumers Power said it agreed.", ["Union Carbide", "Consumers Power"],
         ["Union Carbide", "Consumers Power"]),
        ("Texas sued Leadplex LLC and its owner.", ["LLC", "Leadplex"], ["Leadplex"]),
    ],
)  # fmt: skip
def test_drop_non_orgs_removes_people_and_bare_suffixes(text: str, names: list[str], kept: list[str]) -> None:
    clusters = _clusters(text, names)
    assert [c.name for c in drop_non_orgs(clusters, clusters[0].mentions[0].doc)] == kept


@pytest.mark.parametrize(
    ("text", "name", "kb_id"),
    [
        ("The Cypriot DPA fined the club. The DPA found that it had no legal basis.", "Commissioner for Personal "
         "Data Protection", "reg:dpc-cy"),
        ("The Spanish DPA (AEPD) has imposed a fine of EUR 1,500.", "Agencia Española de Protección de Datos",
         "reg:aepd-es"),
    ],
)  # fmt: skip
def test_described_dpa_resolves_and_merges(extractor, text: str, name: str, kb_id: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t5", text=text, title=None, published="2021-01-01"))
    regulators = [e for e in record.entities if e.type == "REGULATOR"]
    assert [(e.name, e.kb_id) for e in regulators] == [(name, kb_id)]
    assert not any(e.type == "ORG" and "DPA" in e.name for e in record.entities)


def test_offices_of_two_districts_stay_apart(extractor) -> None:
    from pipeline.io.source import InputRecord

    text = (
        "The case was handled by the U.S. Attorneys Office for the District of Colorado and the "
        "U.S. Attorney's Office for the Southern District of Ohio. The U.S. Attorney's Office declined comment."
    )
    record = extractor.extract_record(InputRecord(id="t6", text=text, title=None, published="2015-01-01"))
    names = sorted(e.name for e in record.entities if e.type == "REGULATOR")
    assert names == [
        "U.S. Attorney's Office for the District of Colorado",
        "U.S. Attorney's Office for the Southern District of Ohio",
    ]


@pytest.mark.parametrize(
    ("text", "places", "matches"),
    [
        ("Luxembourg's privacy regulator fined Amazon.", ["Luxembourg"], True),
        ("The Cypriot DPA opened an inquiry.", ["Cypriot"], True),
        ("The regulator fined Amazon.", [], False),  # no place: the matcher needs one
        ("Luxembourg fined Amazon.", ["Luxembourg"], False),  # no descriptor head
    ],
)
def test_descriptor_guard_skips_only_documents_the_matcher_cannot_match(
    text: str, places: list[str], matches: bool
) -> None:
    nlp = spacy.blank("en")
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(p), text.index(p) + len(p), label="GPE") for p in places]  # type: ignore[misc]
    found = bool(descriptor_matcher(nlp.vocab)(doc))
    assert found == matches
    assert can_describe(doc, lower_ids(doc)) or not found


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("It broke EU privacy laws.", True),
        ("It broke anti-spam laws.", True),
        ("It broke federal fair housing laws.", True),
        ("It broke federal law.", False),  # only scope words: never a LAW
        ("The privacy policy changed.", False),  # no law head
    ],
)
def test_law_guard_skips_only_documents_without_a_descriptive_law(text: str, law: bool) -> None:
    nlp = spacy.blank("en")
    doc = nlp(text)
    found = [
        doc[start:end]
        for _, start, end in law_descriptor_matcher(nlp.vocab)(doc)
        if any(t.lower_ in LAW_DESCRIPTOR_MODIFIERS and t.lower_ not in LAW_SCOPE_WORDS for t in doc[start:end])
    ]
    assert bool(found) == law
    assert can_name_law(lower_ids(doc)) == law


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        ("Donna Pulcine runs the fund. Ms Pulcine declined to comment.", "Donna Pulcine", True),
        ("Donna Pulcine runs the fund. The Pulcine Fund grew.", "Donna Pulcine", False),
        ("Donna Pulcine runs the fund. analyst Pulcine said sales fell.", "Donna Pulcine", True),
        ("Acme Widgets makes parts. Widgets are cheap.", "Acme Widgets", False),
    ],
)
def test_person_like_with_and_without_the_title_word_index(text: str, name: str, person: bool) -> None:
    (cluster,) = _clusters(text, [name])
    doc = cluster.mentions[0].doc
    assert person_like(cluster, doc) == person
    assert person_like(cluster, doc, titles=title_words(doc)) == person


def _orgs(extractor, text: str, title: str | None = None) -> set[str]:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t", text=text, title=title, published="2015-01-01"))
    return _sets(record).get("ORG", set())


@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        ("Austin Aitken is suing NBC over its programme Fear Factor, his lawyer said.", "Fear Factor"),
        ("The case is being prosecuted by Trial Attorneys Laura Cordova and Allan Medina.", "Trial Attorneys"),
        ("The decree will be published in the Federal Register, the department said.", "Federal Register"),
        ("Comments may be sent to the Antitrust Division, 450 Fifth Street N.W., Washington D.C.", "Fifth Street N.W."),
        ("New Home Secretary Charles Clarke has vowed to plough on with plans for ID cards.", "New Home"),
        ("Revs 237.2 mln vs 382.3 mln. Acme Corp said sales fell.", "Revs 237.2"),
        ("Kinro is wholly owned by White Plains, N.Y.-based Drew Industries Inc.", "White Plains"),
        ("The probe of foreclosure auctions in Californias Alameda, Contra Costa, San Francisco and San Mateo "
         "counties continues.", "Contra Costa"),
        ("The U.S. agreed to the settlement with Acme Widgets Inc. on Monday.", "U.S."),
    ],
)  # fmt: skip
def test_titles_documents_addresses_and_posts_are_not_orgs(extractor, text: str, not_org: str) -> None:
    assert not any(not_org in name for name in _orgs(extractor, text))


def test_surname_of_a_person_is_not_an_org(extractor) -> None:
    text = (
        "Charise Stone, 46, was convicted by a federal jury. A judge sentenced Stone to five years in prison. "
        "Stone targeted distressed homeowners. At his and Stones direction, false statements were prepared."
    )
    assert not any("Stone" in name for name in _orgs(extractor, text))


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("JPMorgan Chase & Co. agreed to pay $50 million. JP Morgan Chase will also review its loans.",
         {"JPMorgan Chase & Co."}),
        ("The Walt Disney Company owns the network. Disney declined to comment.", {"Walt Disney Company"}),
        ("The department sued Dish Network LLC. Dishs reckless decision to use call centers hurt consumers.",
         {"Dish Network LLC"}),
    ],
)  # fmt: skip
def test_short_spaced_and_possessive_forms_join_the_full_name(extractor, text: str, orgs: set[str]) -> None:
    assert _orgs(extractor, text) == orgs


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("PrimeLendings owner, PlainsCapital Bank of Lubbock, Texas, is a member of the Federal Reserve System.",
         "PlainsCapital Bank of Lubbock"),
        ("The agreement binds Acme Widgets Inc., Texas, and its subsidiaries.", "Acme Widgets Inc."),
        ("The studios work with technology firms like Dell, LG, Samsung and Philips.", "Dell"),
    ],
)  # fmt: skip
def test_companies_located_by_their_state_stay_orgs(extractor, text: str, kept: str) -> None:
    assert kept in _orgs(extractor, text)


def test_aka_and_dba_lists_are_aliases_of_the_company(extractor) -> None:
    text = (
        "The complaint names Smith Engineering & Surveying Inc. (aka Smith Engineering Firm Inc., aka S.E.C.O. "
        "Inc., dba Smith Engineering Co. Inc.); Mid-South Development LLC (aka MSD LLC); and Larry Singleton "
        "(dba Singleton Hollomon Architects) as defendants."
    )
    orgs = _orgs(extractor, text)
    assert {"Smith Engineering & Surveying Inc.", "Mid-South Development LLC"} <= orgs
    assert not orgs & {"S.E.C.O. Inc.", "MSD LLC", "Smith Engineering Firm Inc."}


def test_coordinated_company_names_are_two_orgs(extractor) -> None:
    text = "The suit names Sears, Roebuck and Co and Kellwood Co as defendants. Kellwood denied the claims."
    orgs = _orgs(extractor, text)
    assert "Kellwood Co" in orgs and not any("Sears" in name and "Kellwood" in name for name in orgs)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The mayor accused a reporter of the Evening Standard newspaper of doorstepping him.", "Evening Standard"),
        ("Both men worked at the bank in Harbin, the South China Morning Post reported.", "South China Morning Post"),
    ],
)  # fmt: skip
def test_news_outlets_named_in_a_story_are_orgs(extractor, text: str, outlet: str) -> None:
    assert outlet in _orgs(extractor, text)


def test_political_parties_are_orgs(extractor) -> None:
    text = "Earlier this week the Tories announced they would back the government's plans."
    assert any("Tories" in name for name in _orgs(extractor, text))


def test_unit_of_a_public_body_is_not_an_org(extractor) -> None:
    text = "Special Agent in Charge John Smith of the HHS-OIG Chicago Regional Office made the announcement."
    assert not any("Regional Office" in name for name in _orgs(extractor, text))


@pytest.mark.parametrize(
    ("text", "start", "end", "trimmed"),
    [
        ("could lead to acquisition of Union by Public Service Co.", 5, 7, "Union"),
        ("there was me and Ato (Boldon) in the crowd", 4, 7, "Ato"),
        ("the Scottish Local Authority Centre at Glasgow", 1, 6, "Scottish Local Authority Centre"),
    ],
)  # fmt: skip
def test_trim_mention_drops_trailing_function_words_and_open_brackets(text, start, end, trimmed) -> None:
    from pipeline.entities.mentions import trim_mention

    doc = spacy.blank("en")(text)
    span = trim_mention(Span(doc, start, end, label="ORG"))
    assert span is not None and span.text == trimmed


def test_split_coordinated_cuts_after_a_legal_form() -> None:
    from pipeline.entities.mentions import split_coordinated

    doc = spacy.blank("en")("Sears, Roebuck and Co and Kellwood Co were named.")
    parts = split_coordinated(Span(doc, 0, 8, label="ORG"))
    assert [p.text for p in parts] == ["Sears, Roebuck and Co", "Kellwood Co"]


@pytest.mark.parametrize(
    ("text", "law", "not_person"),
    [
        # SEC litigation releases (public domain) cite numbered rules and lettered regulations
        ("The complaint alleges that Irwin violated Rule 15c1-2 under the Exchange Act.", "Rule 15c1-2", "Rule"),
        ("W.J. Nolan violated Rules 15b7-1 and Rule 15g-6 of the Exchange Act.", "Rule 15g-6", "Rule 15g-6"),
        ("The firm violated MSRB Rule G-17 in its dealings with the city.", "MSRB Rule G-17", "Rule G-17"),
        ("Citibank violated the ECOA and Regulation B. Citibank will pay a penalty.", "Regulation B", "Regulation B"),
    ],
)  # fmt: skip
def test_numbered_rules_and_regulations_are_laws_never_people(extractor, text: str, law: str, not_person: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t9", text=text, title=None, published="2002-01-10"))
    sets = _sets(record)
    assert law in sets.get("LAW", set())
    assert not any(not_person in name for name in sets.get("PERSON", set()) | sets.get("ORG", set()))


@pytest.mark.parametrize(
    ("text", "kb_id", "alias"),
    [
        # an agency's release calls itself by its head word: "the Commission", "the Bureau"
        ("The Securities and Exchange Commission today filed a complaint against Acme Inc. The Commission alleges "
         "that Acme misled investors.", "reg:sec-us", "Commission"),
        ("The Consumer Financial Protection Bureau ordered Acme Bank to pay $5 million. The Bureau found that "
         "Acme Bank charged illegal fees.", "reg:cfpb-us", "Bureau"),
    ],
)  # fmt: skip
def test_house_short_form_is_the_agency_the_document_names(extractor, text: str, kb_id: str, alias: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t10", text=text, title=None, published="2020-01-10"))
    regulators = [e for e in record.entities if e.type == "REGULATOR"]
    assert [e.kb_id for e in regulators] == [kb_id]
    assert alias in regulators[0].aliases
    assert not any(e.kb_id == "reg:ec" for e in record.entities)


@pytest.mark.parametrize(
    "text", ["The DPA found that the company kept data too long.", "The Commission said it would appeal."]
)
def test_bare_description_or_house_form_without_its_body_is_no_org(extractor, text: str) -> None:
    assert _orgs(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "kb_id"),
    [
        # the place after the head, as enforcement trackers write it
        ("The DPA from Luxembourg has imposed a fine of EUR 5,300 on a company.", "reg:cnpd-lu"),
        ("The data protection authority of Hamburg fined the retailer.", "reg:dpa-de-hh"),
        # an alias several countries' bodies share, settled by the country the document names
        ("In Luxembourg, the CNPD fined a company EUR 5,000.", "reg:cnpd-lu"),
        ("A Portuguese hospital was fined by the CNPD for lax access controls.", "reg:cnpd-pt"),
    ],
)  # fmt: skip
def test_regulator_located_by_the_document(extractor, text: str, kb_id: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t11", text=text, title=None, published="2021-01-01"))
    assert [e.kb_id for e in record.entities if e.type == "REGULATOR"] == [kb_id]


def test_unknown_place_after_a_head_is_no_regulator(extractor) -> None:
    from pipeline.io.source import InputRecord

    text = "The Commission of Inquiry in Springfield heard evidence from residents."
    record = extractor.extract_record(InputRecord(id="t12", text=text, title=None, published="2021-01-01"))
    assert not any(e.kb_id for e in record.entities if e.type == "REGULATOR")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The AEPD fined Alava Norte, S.L. for sending an invoice without a contract.", "Alava Norte, S.L."),
        ("The Garante fined Borgo Fonte Scura S.R.L. over its cameras.", "Borgo Fonte Scura S.R.L."),
        ("The Finnish DPA fined Kymen Vesi Oy for a data breach.", "Kymen Vesi Oy"),
    ],
)  # fmt: skip
def test_european_legal_forms_make_company_names(extractor, text: str, org: str) -> None:
    assert org in _orgs(extractor, text)


@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        # SEC litigation releases and Federal Reserve orders (public domain): release furniture
        ("SEC v. Acme Corp., Civil Action No. 02-CV-1234 (S.D.N.Y.). The SEC sued Acme Corp.", "Civil Action No"),
        ("See also: Order Instituting Proceedings against Acme Corp. Litigation Releases are online.",
         "Litigation Releases"),
        ("The Federal Reserve terminated the Written Agreement with Acme Bank. Attachment 2 (PDF).", "Attachment 2"),
        ("The Order finds that Irwin acted as an unregistered broker.", "Order"),
        # the short form defined for a product is no organisation either (CFPB orders define their terms so)
        ("Acme Bank marketed Acme Card Monthly Installments (ACMI) to buyers. Many ACMI users paid interest.",
         "ACMI"),
    ],
)  # fmt: skip
def test_documents_of_a_case_are_not_organisations(extractor, text: str, not_org: str) -> None:
    assert not_org not in _orgs(extractor, text)


@pytest.mark.parametrize(
    ("text", "regulator"),
    [
        ("The House Financial Services Committee opened an inquiry into Acme Bank.",
         "House Financial Services Committee"),
        ("The Massachusetts Securities Division sued Acme Securities LLC.", "Massachusetts Securities Division"),
    ],
)  # fmt: skip
def test_legislative_committees_and_state_supervisors_are_regulators(extractor, text: str, regulator: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t13", text=text, title=None, published="2021-01-01"))
    assert regulator in _sets(record).get("REGULATOR", set())


@pytest.mark.parametrize(
    ("text", "kb_id"),
    [
        ("The FA fined Chelsea 50,000 pounds for misconduct.", "reg:fa-england"),
        ("The SEC charged Acme Corp with fraud.", "reg:sec-us"),
        ("The CMA blocked the merger.", "reg:cma-uk"),
    ],
)  # fmt: skip
def test_short_alias_with_enforcement_context_is_the_regulator(extractor, text: str, kb_id: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t14", text=text, title=None, published="2021-01-01"))
    assert kb_id in {e.kb_id for e in record.entities if e.type == "REGULATOR"}


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal beat Chelsea in the FA Cup final on Saturday.",  # a cup named after the body
        "India won the ICC Trophy in 2002 after a tense match.",
        "ESA launched a new satellite to study the climate.",  # another body's initials, no enforcement
    ],
)
def test_short_alias_without_support_is_no_gazetteer_entity(extractor, text: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t15", text=text, title=None, published="2021-01-01"))
    assert not any(e.kb_id for e in record.entities if e.type in ("REGULATOR", "COURT", "LAW"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Lower House Budget Committee approved the budget on Friday.", "PUBLIC_BODY"),
        ("The Senate Permanent Subcommittee on Investigations held a hearing on Acme Bank.", "REGULATOR"),
    ],
)  # fmt: skip
def test_legislative_committee_is_a_regulator_only_when_it_inquires(extractor, text: str, kind: str) -> None:
    from pipeline.io.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t16", text=text, title=None, published="2021-01-01"))
    committees = [e.type for e in record.entities if "Committee" in e.name or "Subcommittee" in e.name]
    assert committees == [kind]


@pytest.mark.parametrize(
    ("text", "org", "not_org"),
    [
        ("Defendant Acme Securities LLC consented to the entry of a final judgment.", "Acme Securities LLC",
         "Defendant Acme Securities LLC"),
        ("Sony showed its new television at the Consumer Electronics Show in Las Vegas.", "Sony",
         "Consumer Electronics Show"),
    ],
)  # fmt: skip
def test_party_roles_and_events_are_no_part_of_an_org(extractor, text: str, org: str, not_org: str) -> None:
    orgs = _orgs(extractor, text)
    assert org in orgs and not_org not in orgs
