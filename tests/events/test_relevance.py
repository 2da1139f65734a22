"""The relevance pass only saves work: with or without it, the pipeline finds the same events."""

from __future__ import annotations

import pytest

from pipeline.events.lexicon import RELEVANCE_PATTERN, cue_spans, may_hold_event
from pipeline.io.reader import read_inputs
from pipeline.io.source import InputRecord
from pipeline.settings import Settings
from tests.helpers import CORPUS, DEVSET, GOLD_DIR


@pytest.mark.parametrize(
    "sentence",
    [
        "The regulator fined the bank $5 million.",
        "Greenpeace brought an action against Shell.",
        "The consent decree was lodged with the court.",
        "Acme agreed to pay $2 million to resolve allegations that it overbilled Medicare.",
        "The SEC is probing the company's accounts.",
        "A class-action lawsuit was filed on Monday.",
        # the lexicon's "case" / "claim" with "bring" or "file" in any form or order
        "I am grateful to the department for bringing this case to a proper resolution.",
        "The claims brought by the company were dismissed.",
        # settlement and lawsuit wording of agency releases
        "Irwin consented to the entry of a final judgment.",
        "The bank entered into a written agreement with the Federal Reserve Bank of Chicago.",
        "The company entered into a deferred prosecution agreement.",
        "The SEC brought civil fraud charges against the adviser.",
        "The firm reached a deal resolving the claims.",
        # court stages of a suit
        "A jury in Dayton found the shipper liable for the spill.",
        "The judge awarded the supplier $3 million.",
        "The shipper said it would appeal the verdict.",
    ],
)
def test_enforcement_sentences_are_relevant(sentence):
    assert may_hold_event(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares of Acme rose 3 pct after the board reached agreement on prices.",
        "Analysts said the action was positive for the stock.",
        "Jobless claims fell by 12,000 last week.",
    ],
)
def test_ordinary_business_copy_is_not(sentence):
    assert not may_hold_event(sentence)


def test_same_events_with_and_without_the_relevance_pass(extractor):
    from pipeline.extract import Extractor

    paths = [str(CORPUS)] + ([str(DEVSET / "docs.jsonl")] if (DEVSET / "docs.jsonl").exists() else [])
    records = [r for r in read_inputs(paths) if isinstance(r, InputRecord)]
    everything = Extractor(settings=Settings(relevance_filter=False))
    for with_pass, without in zip(extractor.extract_records(records), everything.extract_records(records), strict=True):
        assert with_pass.events == without.events, with_pass.id


def _texts() -> list[str]:
    paths = [str(CORPUS), str(GOLD_DIR / "docs.jsonl")]
    paths += [str(DEVSET / "docs.jsonl")] if (DEVSET / "docs.jsonl").exists() else []
    return [r.text for r in read_inputs(paths) if isinstance(r, InputRecord)]


@pytest.mark.parametrize(
    "text",
    [
        "The regulator fined the bank $5 million.",
        "The court barred the company from selling the drug.",
        "Acme paid $2 million to end the claims.",
        "Acme resolved the allegations.",
        "The FTC filed a complaint.",
        "A consent decree was entered.",
        "Greenpeace took legal action against Shell.",
        "The SEC is probing the company's accounts.",
        "The bank was SUED by investors.",
        "The bank was \u017fued by investors.",  # long s: the pattern folds case the Unicode way, so must the cues
        # every alternative of the pattern needs a cue: these came with the accuracy round's new wordings
        "The court granted a temporary restraining order.",
        "The judge issued a preliminary injunction.",
        "The bank entered into a written agreement with the Reserve Bank.",
        "It signed a formal agreement with the OCC.",
        "A supervisory agreement was signed.",
        "The bank entered a deferred prosecution agreement.",
        "The SEC brought civil fraud charges against Acme.",
        "The deal resolves the matter.",
    ],
)
def test_every_relevance_match_holds_a_cue(text):
    matches = list(RELEVANCE_PATTERN.finditer(text))
    assert matches, text
    for match in matches:
        assert any(start < match.end() and match.start() < end for start, end in cue_spans(text)), match.group()


def test_the_cues_cover_every_match_in_real_articles():
    """The cue scan decides which sentences the pattern reads: a match without a cue would be a lost event."""
    for text in _texts():
        cues = cue_spans(text)
        for match in RELEVANCE_PATTERN.finditer(text):
            assert any(start < match.end() and match.start() < end for start, end in cues), match.group()


def test_relevance_verdict_is_having_a_sentence_to_parse(extractor):
    """``Extractor.relevance`` (the relevant-only test) says yes exactly when some body sentence passes the pass."""
    from pipeline.text import parse_units

    paths = [str(CORPUS), str(GOLD_DIR / "docs.jsonl")]
    paths += [str(DEVSET / "docs.jsonl")] if (DEVSET / "docs.jsonl").exists() else []
    verdicts = []
    for record in (r for r in read_inputs(paths) if isinstance(r, InputRecord)):
        doc, offset = extractor._make_doc(record)
        verdict = extractor.relevance(doc)
        units = [u for s in doc.sents if s.start_char >= offset for u in parse_units(s)]
        assert verdict == any(may_hold_event(u.text) for u in units), record.id
        verdicts.append(verdict)
    assert any(verdicts) and not all(verdicts)
