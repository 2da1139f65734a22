"""Output models (models/records.py): provenance of an event's role fillers, status and date."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from models import SCHEMA_VERSION, ArticleRecord, ErrorRecord, Event, Evidence, Provenance

SENTENCE = "The SEC fined Acme Corp. $5 million."
EVIDENCE = Evidence(field="text", start=0, end=len(SENTENCE), text=SENTENCE)


def make_event(provenance: dict[str, Provenance], **changes: object) -> Event:
    fields: dict[str, object] = {
        "id": "V1",
        "type": "FINE",
        "roles": {"authority": ["E1"], "target": ["E2"]},
        "status": "imposed",
        "date": "2024-03-05",
        "confidence": 0.9,
        "evidence": [EVIDENCE],
        "provenance": provenance,
    }
    fields.update(changes)
    return Event.model_validate(fields)


def test_schema_version_is_the_same_on_article_and_error_records() -> None:
    article = ArticleRecord(id="a", entities=[], events=[])
    error = ErrorRecord(file="in.jsonl", stage="parse", message="not JSON")
    assert article.schema_version == error.schema_version == SCHEMA_VERSION == "1.2"


@pytest.mark.parametrize(
    ("basis", "rule", "evidence"),
    [
        ("text", None, EVIDENCE),
        ("text", None, None),
        ("inferred", "default_status", None),
        ("inferred", "lede_date", EVIDENCE),
    ],
)
def test_provenance_accepts_a_text_reading_or_a_named_inference(basis: str, rule: str | None, evidence) -> None:
    made = Provenance.model_validate({"basis": basis, "rule": rule, "evidence": evidence})
    assert made.basis == basis and made.rule == rule


@pytest.mark.parametrize(
    "fields",
    [
        {"basis": "inferred"},  # an inference must say which
        {"basis": "text", "rule": "antecedent"},  # a reading has no rule
        {"basis": "guessed"},
        {"basis": "inferred", "rule": "intuition"},
    ],
)
def test_provenance_rejects_a_basis_and_rule_that_disagree(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Provenance.model_validate(fields)


def test_event_provenance_covers_role_fillers_status_and_date() -> None:
    text = Provenance(basis="text", evidence=EVIDENCE)
    event = make_event(
        {
            "role:authority:E1": Provenance(basis="inferred", rule="fallback_authority"),
            "role:target:E2": text,
            "status": text,
            "date": Provenance(basis="inferred", rule="publication_date"),
        }
    )
    assert event.provenance["role:authority:E1"].rule == "fallback_authority"


@pytest.mark.parametrize(
    ("key", "changes"),
    [
        ("role:target:E9", {}),  # E9 fills no role
        ("role:amount:E2", {}),  # E2 is a target, not an amount
        ("status", {"status": None}),
        ("date", {"date": None}),
    ],
)
def test_event_provenance_cannot_name_a_value_the_event_lacks(key: str, changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="provenance names values"):
        make_event({key: Provenance(basis="text", evidence=EVIDENCE)}, **changes)
