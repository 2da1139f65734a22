"""Trigger frames and their modality (pipeline/events/triggers.py): what the sentence reports as done.

Phrases are written for these tests or follow the wording of SEC, CFPB and DOJ releases (public domain).
"""

from __future__ import annotations

import pytest

from pipeline.events.syntax import ACTOR_VERBS, governing_verb
from tests.events.test_extractor import events_of_type, run


@pytest.fixture(scope="module")
def parse(extractor):
    """Parse one sentence the way the event stage does (tagger, parser, lemmatizer on the sentence alone)."""
    component = extractor.nlp.get_pipe("newspipe_event_extractor")

    def _parse(text: str):
        doc = extractor.nlp(text)
        return component._parse([next(iter(doc.sents))])[0]

    return _parse


def _token(sdoc, word: str):
    return next(t for t in sdoc if t.lower_ == word)


@pytest.mark.parametrize(
    ("sentence", "etype", "word", "frame"),
    [
        # relief a pleading asks for is not a penalty imposed
        ("The complaint asks the court to impose civil penalties on Acme Corp.", "FINE", "penalties", "sought"),
        ("The SEC's complaint seeks civil penalties against Acme Corp.", "FINE", "penalties", "sought"),
        # plans and intentions
        ("Beta Inc is considering a lawsuit against Acme Corp.", "LAWSUIT", "lawsuit", "planned"),
        ("Acme Corp threatened to sue Beta Inc.", "LAWSUIT", "sue", "planned"),
        # negation of the act that takes the action
        ("The regulator has not fined Acme Corp.", "FINE", "fined", "negated"),
        ("No lawsuit has been filed against Acme Corp.", "LAWSUIT", "lawsuit", "negated"),
        ("The FTC declined to investigate Acme Corp.", "INVESTIGATION", "investigate", "negated"),
        # reported actions
        ("The FTC fined Acme Corp $5 million.", "FINE", "fined", None),
        ("Acme Corp did not contest the $5 million fine imposed by the FTC.", "FINE", "fine", None),
        ("Beta Inc sued Acme Corp in federal court.", "LAWSUIT", "sued", None),
    ],
)
def test_modality_frames(parse, sentence, etype, word, frame):
    from pipeline.events.triggers import modality

    sdoc = parse(sentence)
    tok = _token(sdoc, word)
    verb = tok if tok.pos_ == "VERB" else governing_verb(tok)
    assert modality(etype, tok, verb, actor_verbs=ACTOR_VERBS | {"fine", "sue", "investigate"}) == frame


@pytest.mark.parametrize(
    ("sentence", "consents"),
    [
        ("Irwin consented to the entry of a final judgment without admitting or denying the allegations.", True),
        ("The defendants consented to the civil injunction orders.", True),
        ("Irwin also consented to an order to pay a $50,000 civil penalty.", True),
        ("The defendants consented to the entry of the preliminary injunction and order.", False),
        ("The board consented to the merger.", False),
    ],
)
def test_consent_to_a_judgment_or_order_settles(parse, sentence, consents):
    from pipeline.events.triggers import consent_to_judgment

    sdoc = parse(sentence)
    assert consent_to_judgment(_token(sdoc, "consented")) is consents


@pytest.mark.parametrize(
    "text",
    [
        "The complaint asks the court to impose civil penalties on Microsoft.",
        "SEC staff intend to recommend that the Commission file a civil action against Microsoft.",
        "The regulator did not fine Microsoft.",
        "No lawsuit has been filed against Microsoft.",
        "The Federal Reserve Board's action was taken in coordination with the Office of the Comptroller of the "
        "Currency.",
        "The Federal Reserve Board issued an enforcement action against Citigroup to address risk management "
        "deficiencies.",
        "Microsoft entered into a written agreement with Intel to supply chips.",
        # a probe the party owes its customers is conduct, not enforcement
        "Acme Bank failed to conduct reasonable investigations of consumer disputes.",
        "Acme Bank violated the rule by failing to investigate errors properly.",
        "Acme Bank agreed to investigate disputes submitted by its customers.",
    ],
)
def test_look_alikes_by_modality_and_sense_yield_no_event(extractor, text):
    assert run(extractor, text).events == []


def test_a_complaint_that_seeks_penalties_is_a_suit_not_a_fine(extractor):
    text = "The Securities and Exchange Commission's complaint seeks civil penalties against Microsoft."
    record = run(extractor, text)
    assert [e.type for e in record.events] == ["LAWSUIT"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Microsoft consented to the entry of a final judgment, the SEC said.", "SETTLEMENT"),
        ("Citigroup entered into a written agreement with the Federal Reserve Bank of New York.", "SETTLEMENT"),
        ("Microsoft entered into a deferred prosecution agreement with the Justice Department.", "SETTLEMENT"),
        ("The Federal Reserve Board issued a consent order against Citigroup.", "SETTLEMENT"),
        ("The SEC brought civil fraud charges against Microsoft.", "LAWSUIT"),
        ("Austin Aitken is taking action against NBC over its programme.", "LAWSUIT"),
        ("John Doe was sentenced to probation and a $7,500 fine for his role in the scheme.", "FINE"),
        # the parse makes the amount the object and hangs the party on it (tracker style)
        ("The Polish DPA (UODO) fined Enea S.A. EUR 30,000 for failing to report a data breach.", "FINE"),
    ],
)
def test_settlement_lawsuit_and_fine_wording(extractor, text, etype):
    """Each wording reports one event of its type."""
    assert len(events_of_type(run(extractor, text), etype)) == 1
