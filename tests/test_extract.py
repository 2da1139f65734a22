"""The Extractor on headline-only records: a title and an empty text are read from the title."""

from __future__ import annotations

import pytest

from pipeline.extract import Extractor
from pipeline.io.source import InputRecord

#: A DOJ press release headline (public domain) whose record has an empty text in ../shared/corpora/doj.jsonl.
HEADLINE = (
    "ExxonMobil Pipeline Company to Pay Civil Penalty Under Proposed Settlement for Torbert, Louisiana, Oil Spill"
)


@pytest.mark.parametrize("text", ["", " \n "])
def test_headline_only_record_gets_its_events_and_entities_from_the_title(extractor: Extractor, text: str) -> None:
    record = extractor.extract_record(InputRecord(id="doj", title=HEADLINE, text=text, published="2015-06-01"))
    assert {event.type for event in record.events} >= {"SETTLEMENT"}
    spans = [span for event in record.events for span in event.evidence]
    spans += [mention for entity in record.entities for mention in entity.mentions]
    assert spans and all(span.field == "title" for span in spans)
    assert all(HEADLINE[span.start : span.end] == span.text for span in spans)
    assert "ExxonMobil Pipeline Company" in {entity.name for entity in record.entities}


def test_an_article_with_a_body_still_takes_its_events_from_the_body_only(extractor: Extractor) -> None:
    record = extractor.extract_record(
        InputRecord(id="doj", title=HEADLINE, text="The hearing is next week.", published="2015-06-01")
    )
    assert record.events == []
