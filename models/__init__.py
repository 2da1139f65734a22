"""Output models of newspipe and the JSON Schema generated from them."""

from models.records import (
    EVENT_ROLES,
    EVENT_STATUSES,
    SCHEMA_VERSION,
    ArticleRecord,
    Entity,
    ErrorRecord,
    Event,
    Evidence,
    InferenceRule,
    Mention,
    Money,
    Provenance,
    RunSummary,
)
from models.schema import SCHEMA_PATH, json_schema

__all__ = [
    "EVENT_ROLES",
    "EVENT_STATUSES",
    "SCHEMA_PATH",
    "SCHEMA_VERSION",
    "ArticleRecord",
    "Entity",
    "ErrorRecord",
    "Event",
    "Evidence",
    "InferenceRule",
    "Mention",
    "Money",
    "Provenance",
    "RunSummary",
    "json_schema",
]
