"""Hand-built article records (the shape ``newspipe run`` writes) for the KB tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models import ArticleRecord

Ent = tuple  # (local id, type, name, aliases, kb_id, value)


def entity(
    local_id: str, type_: str, name: str, *, aliases: tuple[str, ...] = (), kb_id: str | None = None, value: Any = None
) -> dict[str, Any]:
    return {
        "id": local_id,
        "type": type_,
        "name": name,
        "aliases": list(aliases),
        "mentions": [],
        "value": value,
        "kb_id": kb_id,
    }


def money(local_id: str, value: float, currency: str = "USD") -> dict[str, Any]:
    return entity(local_id, "MONEY", f"{currency} {value:,.0f}", value={"value": value, "currency": currency})


def event(
    event_id: str,
    type_: str,
    roles: dict[str, list[str]],
    *,
    status: str | None = None,
    date: str | None = None,
    confidence: float = 0.8,
) -> dict[str, Any]:
    return {
        "id": event_id,
        "type": type_,
        "roles": roles,
        "status": status,
        "date": date,
        "confidence": confidence,
        "evidence": [],
    }


def article(
    article_id: str, published: str | None, entities: list[dict[str, Any]], events: list[dict[str, Any]]
) -> dict[str, Any]:
    record = {"id": article_id, "published": published, "title": None, "entities": entities, "events": events}
    ArticleRecord.model_validate(record)  # the tests feed only valid records
    return record


def write_records(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def fine_article(
    article_id: str,
    published: str,
    target: str,
    authority: str,
    amount: float,
    *,
    authority_kb: str | None = None,
    status: str = "imposed",
) -> dict[str, Any]:
    """One article reporting one fine: authority fines target amount."""
    return article(
        article_id,
        published,
        [entity("E1", "REGULATOR", authority, kb_id=authority_kb), entity("E2", "ORG", target), money("E3", amount)],
        [event("V1", "FINE", {"authority": ["E1"], "target": ["E2"], "amount": ["E3"]}, status=status)],
    )


def suit_article(
    article_id: str,
    published: str,
    plaintiff: str,
    defendant: str,
    *,
    status: str = "filed",
    plaintiff_type: str = "ORG",
) -> dict[str, Any]:
    return article(
        article_id,
        published,
        [entity("E1", plaintiff_type, plaintiff), entity("E2", "ORG", defendant)],
        [event("V1", "LAWSUIT", {"plaintiff": ["E1"], "defendant": ["E2"]}, status=status)],
    )
