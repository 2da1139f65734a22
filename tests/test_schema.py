"""The committed JSON Schema is exactly what the models generate."""

from __future__ import annotations

from models import SCHEMA_PATH
from models.schema import render_schema


def test_committed_schema_matches_the_models():
    committed = SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == render_schema(), (
        "models changed: run `python -m models.schema` and commit models/schema.json"
    )


def test_schema_documents_every_field():
    import json

    schema = json.loads(render_schema())
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"
