"""Company names found by their legal form, where the statistical NER misses them."""

from __future__ import annotations

import pytest
import spacy

from pipeline.entities.company_names import CompanyNames


@pytest.fixture(scope="module")
def tagger():
    nlp = spacy.blank("en")
    return nlp, CompanyNames(nlp, "companies")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A judge issued a civil penalty against Zen Magnets LLC, a Colorado company.", "Zen Magnets LLC"),
        ("The department reached a settlement with Nebraska Beef Ltd. on Monday.", "Nebraska Beef Ltd."),
        ("Ark Rustic Inn LLC agreed to pay a penalty.", "Ark Rustic Inn LLC"),
        ("Regulators fined Marsh & McLennan Inc. yesterday.", "Marsh & McLennan Inc."),
        ("Shares of Widget Holdings plc fell.", "Widget Holdings plc"),
        ("Bradford operated as K & N Tax Pros Inc. in Chicago.", "K & N Tax Pros Inc."),
        ("The complaint names H D Lang and Associates Inc. as a party.", "H D Lang and Associates Inc."),
        ("The complaint names Mid-South Development LLC as a party.", "Mid-South Development LLC"),
        ("The complaint names J.V. Burkes & Associates Inc. as a party.", "J.V. Burkes & Associates Inc."),
        ("It is owned by White Plains, N.Y.-based Drew Industries Inc. today.", "Drew Industries Inc."),
    ],
)
def test_names_with_a_legal_suffix_are_organisations(tagger, text, name):
    nlp, component = tagger
    doc = component(nlp(text))
    assert [(e.text, e.label_) for e in doc.ents] == [(name, "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "The company said it would appeal.",
        "It was incorporated in Delaware as a limited liability company.",
        "The Inc. magazine list was published.",
    ],
)
def test_no_company_without_a_name_before_the_suffix(tagger, text):
    nlp, component = tagger
    assert component(nlp(text)).ents == ()


def test_a_free_and_does_not_join_two_names(tagger):
    nlp, component = tagger
    doc = component(nlp("The Justice Department and Acme Widgets Inc. reached a deal."))
    assert [e.text for e in doc.ents] == ["Acme Widgets Inc."]


def test_existing_entities_are_kept(tagger):
    nlp, component = tagger
    doc = nlp("Acme Widgets Inc. was sued.")
    doc.ents = [spacy.tokens.Span(doc, 0, 3, label="REGULATOR")]
    assert [(e.text, e.label_) for e in component(doc).ents] == [("Acme Widgets Inc.", "REGULATOR")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Oliver Finegold, of the Evening Standard newspaper, said so.", ["Evening Standard"]),
        ("The losses were large, the South China Morning Post reported.", ["South China Morning Post"]),
        ("The Times said nothing.", []),  # a head word alone is no title
        ("Executives expect fewer sales this quarter.", []),
    ],
)
def test_outlet_titles_before_a_cue_word_are_organisations(tagger, text, names):
    nlp, component = tagger
    doc = component(nlp(text))
    assert [e.text for e in doc.ents] == names
