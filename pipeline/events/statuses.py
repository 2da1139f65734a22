"""Statuses of events, read from the whole article (guidelines: the latest status the article reports).

Cue phrases per event type and status live in ``pipeline/data/statuses.json``; ``STATUS_RANK`` says which
status wins when an article reports several. An event whose article reports no status gets its type's
``DEFAULT_STATUS``, which is not a cue: any cue the article does report, even one ranked low, replaces it
("agreed to pay a fine" is imposed; "... in a plea agreement" makes it proposed).
"""

from __future__ import annotations

import re

from pipeline.events.drafts import PATIENT_ROLE, Draft
from pipeline.events.lexicon import Lexicon

DEFAULT_STATUS = {"FINE": "imposed", "LAWSUIT": "filed", "SETTLEMENT": "agreed", "INVESTIGATION": None}
# Later in the list wins when the article reports several (guidelines: latest status; reduced beats paid).
# A FINE's sentencing ("was sentenced ... to pay a $N fine") comes after the plea agreement that proposed it.
STATUS_RANK = {
    "FINE": ("proposed", "imposed", "paid", "appealed", "upheld", "reduced", "overturned"),
    "LAWSUIT": ("filed", "pending", "dismissed", "won", "lost", "settled", "appealed"),
    "SETTLEMENT": ("agreed", "proposed", "approved"),
    "INVESTIGATION": ("opened", "ongoing", "closed"),
}
# Statuses of an enforcement action that show the probe behind it has ended (guidelines: "the probe that
# led to the action"): a release reporting an agreed settlement or an imposed fine reports a finished probe.
CONCLUDED_ACTIONS = {
    "SETTLEMENT": frozenset({"agreed", "approved"}),
    "FINE": frozenset({"imposed", "paid", "appealed", "upheld", "reduced", "overturned"}),
}
# Scraped copy keeps line breaks and runs of spaces inside sentences ("current  investigations").
WHITESPACE = re.compile(r"\s+")
# Statuses that a probe's concluded action supersedes; "ongoing" is the article's own claim and stays.
PROBES_NOT_ENDED = frozenset({None, "opened"})


def _rank(etype: str, status: str | None) -> int:
    order = STATUS_RANK[etype]
    return order.index(status) if status in order else -1


def cue_status(etype: str, text: str, lexicon: Lexicon) -> str | None:
    """The highest-ranked status of ``etype`` whose cue phrase occurs in ``text`` (lower-cased)."""
    text = WHITESPACE.sub(" ", text)
    best = None
    for status, cues in lexicon.statuses.get(etype, ()):
        if cues.search(text) and _rank(etype, status) > _rank(etype, best):
            best = status
    return best


def _cue_statuses(events: list[Draft], texts: list[str], lexicon: Lexicon) -> None:
    """Latest status of each event: cues in its own sentences, then in sentences that have no event of
    their own. Such a sentence speaks of the nearest event before it ("Amazon is appealing this action");
    one before every event (a headline, a lede that gives the outcome first: "Kidman has won a restraining
    order ... She took action against ...") speaks of the nearest event after it."""
    for ev in events:
        if ev.status_fixed:
            continue
        ev.set_status(None)
        for s in ev.sentences:
            _raise_status(ev, cue_status(ev.type, texts[s], lexicon), sentence=s)
    evidence = {s for ev in events for s in ev.sentences}
    for n, text in enumerate(texts):
        if n in evidence:
            continue
        cues = {etype: cue_status(etype, text, lexicon) for etype in {ev.type for ev in events}}
        cued = [ev for ev in events if cues[ev.type] and not ev.status_fixed]
        named = [ev for ev in cued if lexicon.status_nouns[ev.type].search(text)]
        cued = named or cued  # "Acme is appealing the fine": the fine, not the suit reported since
        before = [ev for ev in cued if ev.sentences[0] < n]
        if before:
            nearest = max(max(s for s in ev.sentences if s < n) for ev in before)
        elif cued:
            nearest = min(ev.sentences[0] for ev in cued)
        else:
            continue
        for ev in before or cued:
            if nearest in ev.sentences:
                _raise_status(ev, cues[ev.type], sentence=n)


def _raise_status(ev: Draft, status: str | None, *, sentence: int) -> None:
    """Raise the event's status to the one the cue of ``sentence`` reports, when it ranks higher."""
    if status is not None and _rank(ev.type, status) > _rank(ev.type, ev.status):
        ev.set_status(status, sentence=sentence)


def _close_probes_behind_actions(events: list[Draft]) -> None:
    """A probe reported without a status or only as opened, whose target settled or was fined in the same
    story, is closed: the action it led to is its outcome ("the DPA launched an investigation ... fined")."""
    done: set[int] = set()
    for ev in events:
        if ev.status in CONCLUDED_ACTIONS.get(ev.type, ()):
            done.update(ev.roles.get(PATIENT_ROLE[ev.type], []))
    for ev in events:
        if ev.type == "INVESTIGATION" and ev.status in PROBES_NOT_ENDED and done & set(ev.roles.get("target", [])):
            ev.set_status("closed", rule="carried_status")


def _settles(settlement: Draft, suit: Draft) -> bool:
    """A settlement ends a suit when it settles the claims against one of the suit's defendants; where either
    names no defendant, when its claimant is the suit's plaintiff. A settlement with another party ("in separate
    proceedings, the Commission entered a settled order against Y") leaves the suit against X going."""
    defendants, sued = set(settlement.roles.get("defendant", [])), set(suit.roles.get("defendant", []))
    if defendants and sued:
        return bool(defendants & sued)
    return bool(set(settlement.roles.get("claimant", [])) & set(suit.roles.get("plaintiff", [])))


def assign_statuses(events: list[Draft], texts: list[str], lexicon: Lexicon) -> None:
    """Set ``status`` on every event; ``texts`` are the article's sentences, lower-cased."""
    _cue_statuses(events, texts, lexicon)
    for ev in events:
        if ev.ruling:  # a court barred the party or found it liable: the claimant won (pipeline.events.rulings)
            _raise_status(ev, "won", sentence=ev.sentences[0])
            if ev.upheld and ev.status == "appealed" and ev.status_sentence == ev.sentences[0]:
                ev.set_status("won", sentence=ev.sentences[0])  # "the appeals court upheld the ruling"
        if ev.status is None and DEFAULT_STATUS[ev.type] is not None:
            ev.set_status(DEFAULT_STATUS[ev.type], rule="default_status")
    for ev in events:
        # a suit that goes on after a settlement ("as it pursues claims against the remaining defendants": a
        # settlement with some defendants) stays pending
        if (
            ev.type == "LAWSUIT"
            and ev.status != "pending"
            and any(s.type == "SETTLEMENT" and _settles(s, ev) for s in events)
            and _rank("LAWSUIT", ev.status) < _rank("LAWSUIT", "settled")
        ):
            ev.set_status("settled", rule="carried_status")
    _close_probes_behind_actions(events)
