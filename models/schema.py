"""The published JSON Schema of newspipe's records, generated from the models.

``python -m models.schema`` rewrites ``models/schema.json``; a test fails when
the committed file and the models differ.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models.records import SCHEMA_VERSION, ArticleRecord, ErrorRecord

SCHEMA_PATH = Path(__file__).with_name("schema.json")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of an output line (ArticleRecord) with ErrorRecord in ``$defs``."""
    schema = ArticleRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://newspipe.invalid/schema/{SCHEMA_VERSION}/article.json"
    schema.setdefault("$defs", {})["ErrorRecord"] = ErrorRecord.model_json_schema()
    return schema


def render_schema() -> str:
    """The schema as the exact text committed under ``models/``."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
