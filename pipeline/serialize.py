"""Serialising stage: one processed ``Doc`` -> one ``ArticleRecord``.

The only place that knows both spaCy and the output models. Offsets of the
analysed text (title, separator, text) are mapped back to the field they index.
"""

from __future__ import annotations

from spacy.tokens import Doc

from models import EVENT_ROLES, ArticleRecord, Entity, Event, Evidence, Mention, Money
from pipeline.entities import EntityCluster
from pipeline.events import Draft
from pipeline.io import InputRecord
from pipeline.values import Amount

ENTITY_ID_PREFIX = "E"
EVENT_ID_PREFIX = "V"


def field_span(record: InputRecord, text_offset: int, start: int, end: int) -> tuple[str, int, int, str]:
    """Map an analysis-text span to (field, start, end, original text)."""
    if start >= text_offset:
        s, e = start - text_offset, end - text_offset
        return "text", s, e, record.text[s:e]
    title = record.title or ""
    e = min(end, len(title))
    return "title", start, e, title[start:e]


def _value(cluster: EntityCluster) -> Money | str | None:
    if isinstance(cluster.value, Amount):
        return Money(value=cluster.value.value, currency=cluster.value.currency)
    return cluster.value


def to_record(doc: Doc, record: InputRecord, text_offset: int, *, relevant: bool | None = None) -> ArticleRecord:
    """Build the output record of one article from its processed Doc; ``relevant`` (relevant-only runs) is
    stated as ``meta["relevant"]``, after the input's own meta fields."""
    clusters: list[EntityCluster] = doc._.entities or []
    order = sorted(range(len(clusters)), key=lambda i: clusters[i].mentions[0].start_char)
    ids = {idx: f"{ENTITY_ID_PREFIX}{n}" for n, idx in enumerate(order, start=1)}
    entities = []
    for idx in order:
        cluster = clusters[idx]
        mentions = []
        for m in cluster.mentions:
            fld, s, e, text = field_span(record, text_offset, m.start_char, m.end_char)
            mentions.append(Mention(field=fld, start=s, end=e, text=text))  # type: ignore[arg-type]
        entities.append(
            Entity(
                id=ids[idx],
                type=cluster.type,  # type: ignore[arg-type]
                name=cluster.name,
                aliases=cluster.aliases,
                mentions=mentions,
                value=_value(cluster),
                kb_id=cluster.kb_id,
            )
        )
    sents = list(doc.sents)
    events = []
    drafts: list[Draft] = doc._.events or []
    for n, draft in enumerate(sorted(drafts, key=lambda d: d.sentences[0]), start=1):
        evidence = []
        for s in draft.sentences:
            sent = sents[s]
            text = sent.text
            start = sent.start_char + (len(text) - len(text.lstrip()))
            end = sent.start_char + len(text.rstrip())
            fld, fs, fe, ftext = field_span(record, text_offset, start, end)
            evidence.append(Evidence(field=fld, start=fs, end=fe, text=ftext))  # type: ignore[arg-type]
        allowed = EVENT_ROLES[draft.type]
        roles = {
            role: [ids[i] for i in idxs if i in ids] for role, idxs in draft.roles.items() if idxs and role in allowed
        }
        events.append(
            Event(
                id=f"{EVENT_ID_PREFIX}{n}",
                type=draft.type,  # type: ignore[arg-type]
                roles=roles,
                status=draft.status,
                date=draft.date,
                class_action=draft.class_action if draft.type == "LAWSUIT" else None,
                class_size=draft.class_size if draft.type == "LAWSUIT" else None,
                confidence=round(min(max(draft.confidence, 0.0), 1.0), 3),
                evidence=evidence,
            )
        )
    return ArticleRecord(
        id=record.id,
        title=record.title,
        published=record.published,
        entities=entities,
        events=events,
        meta=dict(record.meta) if relevant is None else {**record.meta, "relevant": relevant},
    )
