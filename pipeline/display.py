"""Notebook views of a record: DataFrames of entities and events, and an HTML rendering.

    >>> from pipeline import extract
    >>> from pipeline.display import entities_frame, events_frame, render_html
    >>> record = extract(text, published="2023-05-02")
    >>> events_frame(record)            # who did what to whom, one row per event
    >>> render_html(record, text)       # the article with its entities highlighted (displaCy)

pandas is an optional dependency (``pip install newspipe[notebook]``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from models import ArticleRecord, Money

ROLE_SEPARATOR = "; "


def _value(value: Money | str | None) -> str | None:
    if isinstance(value, Money):
        return f"{value.value:,.2f} {value.currency}"
    return value


def entity_rows(records: Iterable[ArticleRecord]) -> list[dict[str, Any]]:
    """One row per entity: article id, entity id, type, name, aliases, value, gazetteer id, mentions."""
    return [
        {
            "article": record.id,
            "entity": ent.id,
            "type": ent.type,
            "name": ent.name,
            "aliases": ", ".join(ent.aliases),
            "value": _value(ent.value),
            "kb_id": ent.kb_id,
            "mentions": len(ent.mentions),
        }
        for record in records
        for ent in record.entities
    ]


def event_rows(records: Iterable[ArticleRecord]) -> list[dict[str, Any]]:
    """One row per event, each role filled with entity names, plus status, date, confidence and evidence."""
    rows = []
    for record in records:
        names = {ent.id: ent.name if not isinstance(ent.value, Money) else _value(ent.value) for ent in record.entities}
        for event in record.events:
            row: dict[str, Any] = {
                "article": record.id,
                "event": event.id,
                "type": event.type,
                "status": event.status,
                "date": event.date,
                "confidence": event.confidence,
            }
            for role, ids in event.roles.items():
                row[role] = ROLE_SEPARATOR.join(str(names.get(i, i)) for i in ids)
            row["evidence"] = " ".join(e.text for e in event.evidence)
            rows.append(row)
    return rows


def _frame(rows: list[dict[str, Any]]) -> Any:
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("DataFrames need pandas: pip install 'newspipe[notebook]'") from err
    return pd.DataFrame(rows)


def entities_frame(records: ArticleRecord | Iterable[ArticleRecord]) -> Any:
    """A pandas DataFrame of the entities of one record or many."""
    return _frame(entity_rows([records] if isinstance(records, ArticleRecord) else records))


def events_frame(records: ArticleRecord | Iterable[ArticleRecord]) -> Any:
    """A pandas DataFrame of the events of one record or many."""
    return _frame(event_rows([records] if isinstance(records, ArticleRecord) else records))


def render_html(record: ArticleRecord, text: str) -> str:
    """The article text with every entity mention highlighted by type (spaCy's displaCy, manual mode)."""
    from spacy import displacy

    spans: list[tuple[int, int, str]] = sorted(
        ((m.start, m.end, ent.type) for ent in record.entities for m in ent.mentions if m.field == "text"),
        key=lambda s: (s[0], -s[1]),
    )
    kept: list[dict[str, Any]] = []
    last_end = -1
    for start, end, label in spans:  # displaCy draws non-overlapping spans only
        if start >= last_end:
            kept.append({"start": start, "end": end, "label": label})
            last_end = end
    data = {"text": text, "ents": kept, "title": record.title or record.id}
    html: str = displacy.render(data, style="ent", manual=True, page=False, jupyter=False)
    return html
