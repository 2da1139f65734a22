"""The serialiser (pipeline/serialize.py): provenance of roles, status and date in the output record.

Sentences are written for these tests in the style of U.S. agency releases (public domain).
"""

from __future__ import annotations

from pipeline.extract import Extractor
from pipeline.io.source import InputRecord


def extract(extractor: Extractor, text: str, published: str | None = "2024-03-05"):
    return extractor.extract_record(InputRecord(id="t", text=text, published=published))


def test_the_ledes_undated_news_takes_the_publication_date_as_an_inference(extractor: Extractor) -> None:
    record = extract(extractor, "The Securities and Exchange Commission filed a lawsuit against Acme Corp.")
    (event,) = [e for e in record.events if e.type == "LAWSUIT"]
    assert event.date == "2024-03-05"
    assert event.provenance["date"].basis == "inferred"
    assert event.provenance["date"].rule == "publication_date"


def test_today_in_the_sentence_is_a_date_read_from_the_text(extractor: Extractor) -> None:
    text = "The Securities and Exchange Commission today filed a lawsuit against Acme Corp."
    (event,) = [e for e in extract(extractor, text).events if e.type == "LAWSUIT"]
    assert event.date == "2024-03-05"
    assert event.provenance["date"].basis == "text"
    assert event.provenance["date"].evidence is not None and event.provenance["date"].evidence.text == text


def test_a_status_read_from_a_cue_carries_its_sentence_as_evidence(extractor: Extractor) -> None:
    text = "The Securities and Exchange Commission fined Acme Corp. $5 million. Acme Corp. has appealed the fine."
    record = extract(extractor, text)
    (event,) = [e for e in record.events if e.type == "FINE"]
    assert event.status == "appealed"
    status = event.provenance["status"]
    assert status.basis == "text" and status.rule is None
    assert status.evidence is not None and status.evidence.text == "Acme Corp. has appealed the fine."
    assert text[status.evidence.start : status.evidence.end] == status.evidence.text


def test_every_role_filler_status_and_date_of_the_corpus_has_its_provenance(corpus_output) -> None:
    events = [event for record in corpus_output for event in record.events]
    assert events
    for event in events:
        keys = {f"role:{role}:{eid}" for role, ids in event.roles.items() for eid in ids}
        keys |= {"status"} if event.status else set()
        keys |= {"date"} if event.date else set()
        assert set(event.provenance) == keys
        for key, provenance in event.provenance.items():
            if key.startswith("role:") and provenance.basis == "text":
                assert provenance.evidence is not None, key
    bases = {p.basis for event in events for p in event.provenance.values()}
    assert bases == {"text", "inferred"}
