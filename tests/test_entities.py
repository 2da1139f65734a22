"""Entity stage: publisher and headline filters (blank pipeline), and entity sets of real DOJ phrasing."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.district_offices import canonical_name, find_district_offices, same_office
from pipeline.entities import EntityCluster
from pipeline.entity_filters import drop_non_orgs, drop_publisher, is_suffix_only, person_like, title_words
from pipeline.mention_patterns import (
    LAW_DESCRIPTOR_MODIFIERS,
    LAW_SCOPE_WORDS,
    can_describe,
    can_name_law,
    descriptor_matcher,
    law_descriptor_matcher,
    lower_ids,
)


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
    from pipeline.source import InputRecord

    text = (
        "Nebraska Beef Ltd. agreed to pay $200,000 to settle claims, the Justice Department announced today. "
        "The case was handled by the Justice Departments Civil Rights Division."
    )
    record = extractor.extract_record(InputRecord(id="t1", text=text, title=None, published="2015-08-24"))
    sets = _sets(record)
    assert not any("Departments" in name for name in sets.get("ORG", set()))
    assert any("Civil Rights Division" in name for name in sets.get("REGULATOR", set()))


def test_dollars_in_a_canadian_story_are_cad(extractor) -> None:
    from pipeline.source import InputRecord

    text = "Canada's big banks could lose 1.98 billion dlrs on Brazilian loans. Profits were 575 mln dlrs."
    record = extractor.extract_record(InputRecord(id="t2", text=text, title=None, published="1987-03-30"))
    currencies = {e.value.currency for e in record.entities if e.type == "MONEY"}
    assert currencies == {"CAD"}


def test_public_body_that_is_sued_is_not_an_org(extractor) -> None:
    from pipeline.source import InputRecord

    text = "The Justice Department sued the Fort Payne City School District in federal court in Birmingham."
    record = extractor.extract_record(InputRecord(id="t3", text=text, title=None, published="2012-06-26"))
    assert "Fort Payne City School District" not in _sets(record).get("ORG", set())


def test_headline_fragments_are_not_orgs(extractor) -> None:
    from pipeline.source import InputRecord

    title = "Oregon Resident Sentenced for Providing Material Support"
    text = "A Portland man was sentenced today, the Justice Department announced."
    record = extractor.extract_record(InputRecord(id="t4", text=text, title=title, published="2012-06-26"))
    assert not any("Sentenced" in name for name in _sets(record).get("ORG", set()))


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
    from pipeline.source import InputRecord

    record = extractor.extract_record(InputRecord(id="t5", text=text, title=None, published="2021-01-01"))
    regulators = [e for e in record.entities if e.type == "REGULATOR"]
    assert [(e.name, e.kb_id) for e in regulators] == [(name, kb_id)]
    assert not any(e.type == "ORG" and "DPA" in e.name for e in record.entities)


def test_offices_of_two_districts_stay_apart(extractor) -> None:
    from pipeline.source import InputRecord

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
