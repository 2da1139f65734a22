"""Serialising stage: one processed ``Doc`` -> one ``ArticleRecord``.

The only place that knows both spaCy and the output models. Offsets of the
analysed text (title, separator, text) are mapped back to the field they index.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from models import EVENT_ROLES, ArticleRecord, Entity, Event, Evidence, Mention, Money, Provenance
from pipeline.entities import EntityCluster
from pipeline.events import Draft, calibrated_confidence
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


def _sentence_evidence(sent: Span, record: InputRecord, text_offset: int) -> Evidence:
    """A sentence as evidence: its text without surrounding white space, in the field it indexes."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    fld, fs, fe, ftext = field_span(record, text_offset, start, end)
    return Evidence(field=fld, start=fs, end=fe, text=ftext)  # type: ignore[arg-type]


def _reading_sentence(cluster: EntityCluster, draft: Draft, sent_starts: list[int]) -> int:
    """The sentence a role filler was read from: its first mention among the event's sentences, else the
    mention nearest the event's first sentence (a law cited in its own paragraph, a court named once)."""
    numbers = [max(bisect_right(sent_starts, m.start) - 1, 0) for m in cluster.mentions]
    inside = [n for n in numbers if n in draft.sentences]
    if inside:
        return min(inside)
    return min(numbers, key=lambda n: (abs(n - draft.sentences[0]), n))


def event_provenance(
    draft: Draft,
    roles: dict[str, list[tuple[int, str]]],
    clusters: list[EntityCluster],
    sents: list[Span],
    record: InputRecord,
    text_offset: int,
) -> dict[str, Provenance]:
    """Where each role filler, the status and the date of an event came from (see ``models.Provenance``).

    ``roles`` maps each role to its fillers as (cluster index, entity id).
    """
    sent_starts = [s.start for s in sents]

    def made(rule: str | None, sentence: int | None) -> Provenance:
        evidence = _sentence_evidence(sents[sentence], record, text_offset) if sentence is not None else None
        return Provenance(basis="inferred" if rule else "text", rule=rule, evidence=evidence)  # type: ignore[arg-type]

    out: dict[str, Provenance] = {}
    for role, fillers in roles.items():
        for idx, eid in fillers:
            rule = draft.role_rules.get((role, idx))
            sentence = None if rule else _reading_sentence(clusters[idx], draft, sent_starts)
            out[f"role:{role}:{eid}"] = made(rule, sentence)
    if draft.status is not None:
        out["status"] = made(draft.status_rule, draft.status_sentence)
    if draft.date is not None:
        out["date"] = made(draft.date_rule, draft.date_sentence)
    return out


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
        evidence = [_sentence_evidence(sents[s], record, text_offset) for s in draft.sentences]
        allowed = EVENT_ROLES[draft.type]
        fillers = {
            role: [(i, ids[i]) for i in idxs if i in ids]
            for role, idxs in draft.roles.items()
            if idxs and role in allowed
        }
        roles = {role: [eid for _, eid in found] for role, found in fillers.items()}
        provenance = event_provenance(draft, fillers, clusters, sents, record, text_offset)
        events.append(
            Event(
                id=f"{EVENT_ID_PREFIX}{n}",
                type=draft.type,  # type: ignore[arg-type]
                roles=roles,
                status=draft.status,
                date=draft.date,
                class_action=draft.class_action if draft.type == "LAWSUIT" else None,
                class_size=draft.class_size if draft.type == "LAWSUIT" else None,
                confidence=calibrated_confidence(draft.type, roles, provenance, len(evidence)),
                evidence=evidence,
                provenance=provenance,
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
