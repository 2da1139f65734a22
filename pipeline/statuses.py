"""Statuses of events, read from the whole article (guidelines: the latest status the article reports).

Cue phrases per event type and status live in ``pipeline/data/statuses.json``; ``STATUS_RANK`` says which
status wins when an article reports several.
"""

from __future__ import annotations

from pipeline.drafts import Draft
from pipeline.lexicon import Lexicon

DEFAULT_STATUS = {"FINE": "imposed", "LAWSUIT": "filed", "SETTLEMENT": "agreed", "INVESTIGATION": None}
# Later in the list wins when the article reports several (guidelines: latest status; reduced beats paid).
STATUS_RANK = {
    "FINE": ("imposed", "proposed", "paid", "appealed", "upheld", "reduced", "overturned"),
    "LAWSUIT": ("filed", "pending", "dismissed", "won", "lost", "settled", "appealed"),
    "SETTLEMENT": ("agreed", "proposed", "approved"),
    "INVESTIGATION": ("opened", "ongoing", "closed"),
}


def _rank(etype: str, status: str | None) -> int:
    order = STATUS_RANK[etype]
    return order.index(status) if status in order else -1


def _cue_status(etype: str, text: str, lexicon: Lexicon) -> str | None:
    """The highest-ranked status whose cue phrase occurs in ``text`` (lower-cased)."""
    best = None
    for status, cues in lexicon.statuses.get(etype, ()):
        if cues.search(text) and _rank(etype, status) > _rank(etype, best):
            best = status
    return best


def _cue_statuses(events: list[Draft], texts: list[str], lexicon: Lexicon) -> None:
    """Latest status of each event: cues in its own sentences, then in later sentences that have no
    event of their own, which speak of the nearest event before them ("Amazon is appealing this action")."""
    for ev in events:
        ev.status = DEFAULT_STATUS[ev.type]
        for s in ev.sentences:
            _raise_status(ev, _cue_status(ev.type, texts[s], lexicon))
    evidence = {s for ev in events for s in ev.sentences}
    for n, text in enumerate(texts):
        if n in evidence:
            continue
        cues = {ev.type: _cue_status(ev.type, text, lexicon) for ev in events}
        before = [ev for ev in events if cues[ev.type] and ev.sentences[0] < n]
        if not before:
            continue
        nearest = max(max(s for s in ev.sentences if s < n) for ev in before)
        for ev in before:
            if nearest in ev.sentences:
                _raise_status(ev, cues[ev.type])


def _raise_status(ev: Draft, status: str | None) -> None:
    if status is not None and _rank(ev.type, status) > _rank(ev.type, ev.status):
        ev.status = status


def assign_statuses(events: list[Draft], texts: list[str], lexicon: Lexicon) -> None:
    """Set ``status`` on every event; ``texts`` are the article's sentences, lower-cased."""
    _cue_statuses(events, texts, lexicon)
    for ev in events:
        if (
            ev.type == "LAWSUIT"
            and any(s.type == "SETTLEMENT" and s.anchors() & ev.anchors() for s in events)
            and _rank("LAWSUIT", ev.status) < _rank("LAWSUIT", "settled")
        ):
            ev.status = "settled"
