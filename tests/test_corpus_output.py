"""Properties of the pipeline's real output over the whole bundled corpus."""

from __future__ import annotations

import json

import jsonschema

from models import SCHEMA_PATH
from tests.helpers import CORPUS, read_jsonl


def test_every_mention_and_evidence_indexes_the_original_field(corpus_output):
    raw = {r["id"]: r for r in read_jsonl(CORPUS)}
    checked = 0
    for record in corpus_output:
        source = raw[record.id]
        spans = [m for e in record.entities for m in e.mentions] + [
            s for e in record.events for s in e.evidence
        ]
        for span in spans:
            assert source[span.field][span.start : span.end] == span.text, (record.id, span)
            checked += 1
    assert checked > 1000


def test_every_record_validates_against_the_committed_schema(corpus_output):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for record in corpus_output:
        errors = list(validator.iter_errors(record.model_dump(mode="json")))
        assert not errors, (record.id, [e.message for e in errors[:3]])


def test_event_roles_point_at_entities_of_the_record(corpus_output):
    for record in corpus_output:
        ids = {e.id for e in record.entities}
        for event in record.events:
            for role, fillers in event.roles.items():
                assert set(fillers) <= ids, (record.id, event.id, role)


def test_extraction_is_deterministic(extractor, corpus_output):
    from pipeline.io.reader import read_inputs
    from pipeline.io.source import InputRecord

    records = [r for r in read_inputs([str(CORPUS)]) if isinstance(r, InputRecord)][:15]
    again = [r.model_dump_json() for r in extractor.extract_records(records)]
    assert again == [r.model_dump_json() for r in corpus_output[:15]]


def test_the_corpus_yields_events_of_every_type(corpus_output):
    types = {e.type for r in corpus_output for e in r.events}
    assert types == {"FINE", "LAWSUIT", "SETTLEMENT", "INVESTIGATION"}
