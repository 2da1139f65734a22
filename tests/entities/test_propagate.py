"""A name the NER tags once names its entity wherever it occurs in the article."""

from __future__ import annotations

import spacy

from pipeline.entities.propagate import MentionPropagator, find_names, name_words, propagation_names
from pipeline.entities.resolver import EntityCluster


def test_every_occurrence_of_a_known_name_joins_its_entity():
    nlp = spacy.blank("en")
    doc = nlp("Zorblax agreed to pay. Later Zorblax said the fine was fair. Zorblax Zorblax")
    cluster = EntityCluster(type="ORG", mentions=[spacy.tokens.Span(doc, 6, 7, label="ORG")])
    doc._.entities = [cluster]
    MentionPropagator(nlp, "propagate")(doc)
    assert [m.start for m in cluster.mentions] == [0, 6, 13, 14]


def test_names_shared_by_two_entities_are_not_propagated():
    nlp = spacy.blank("en")
    doc = nlp("Acme sued Acme")
    a = EntityCluster(type="ORG", mentions=[spacy.tokens.Span(doc, 0, 1, label="ORG")])
    b = EntityCluster(type="PERSON", mentions=[spacy.tokens.Span(doc, 2, 3, label="PERSON")])
    assert propagation_names([a, b]) == {}


def test_amounts_and_lowercase_words_are_not_names():
    nlp = spacy.blank("en")
    doc = nlp("$5 million fine")
    money = EntityCluster(type="MONEY", mentions=[spacy.tokens.Span(doc, 0, 3, label="MONEY")])
    assert propagation_names([money]) == {}


def test_the_party_of_a_settlement_is_found_where_the_ner_missed_it(extractor):
    from pipeline.io.source import InputRecord

    text = (
        "The Justice Department announced today that PrimeLending will pay $2 million. "
        "PrimeLending, a national mortgage lender with 168 offices, has agreed to pay $2 million to resolve "
        "allegations that it engaged in a pattern of discrimination."
    )
    record = extractor.extract_record(InputRecord(id="t", text=text, published="2010-12-08"))
    names = {e.id: e.name for e in record.entities}
    settlements = [e for e in record.events if e.type == "SETTLEMENT"]
    assert settlements and "PrimeLending" in {names[i] for i in settlements[0].roles.get("defendant", [])}


def test_a_name_at_the_very_end_of_the_article_stays_inside_it():
    # A two-word name and a one-word name that starts it: at the last token, the two-word slice is cut short by
    # the end of the document and must not pass for the one-word name (a span past the end raised IndexError).
    nlp = spacy.blank("en")
    doc = nlp("Zorblax United beat the league. The fine went to Zorblax")
    united = EntityCluster(type="ORG", mentions=[spacy.tokens.Span(doc, 0, 2, label="ORG")])
    doc._.entities = [united]
    names = {"Zorblax United": 0, "Zorblax": 0}
    words = name_words(names, words_of=lambda text: tuple(t.orth for t in nlp.make_doc(text)))
    found = find_names(doc, words)
    assert all(end <= len(doc) for _, end, _ in found)
    assert (len(doc) - 1, len(doc), 0) in found
    MentionPropagator(nlp, "propagate")(doc)
