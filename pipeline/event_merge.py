"""Whole-article reasoning about events: merge mentions of one action, fill gaps, read statuses.

Runs on the sentence-level drafts of ``pipeline.events``:
1. an anaphoric mention with no party of its own ("This class-action suit ...") joins the
   latest event of its type; any other draft without its core party is dropped (guidelines:
   every event names its core party);
2. drafts of one type that share a core party and do not disagree on the amount merge;
3. missing authorities/claimants come from the sentence's authority or the article's main one;
4. statuses are read from every sentence that speaks of the event, the latest one winning;
5. a lawsuit that a settlement of the same parties resolves is ``settled``.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from pipeline.drafts import (
    ACTOR_ROLE,
    ANCHOR_ROLES,
    CONFIDENCE_LINKED,
    PATIENT_ROLE,
    DocIndex,
    Draft,
)
from pipeline.entities import EntityCluster
from pipeline.lexicon import Lexicon
from pipeline.names import content_words, is_distinctive
from pipeline.statuses import assign_statuses

STATUS_LOOKAHEAD_SENTENCES = 2
TODAY = re.compile(r"\btoday\b", re.IGNORECASE)


def _merge_into(target: Draft, other: Draft) -> None:
    for role, idxs in other.roles.items():
        target.add(role, idxs)
    target.sentences = sorted(set(target.sentences) | set(other.sentences))
    target.date = target.date or other.date
    target.class_action = target.class_action or other.class_action
    target.class_size = target.class_size or other.class_size
    target.confidence = max(target.confidence, other.confidence)


def _same_party(a: EntityCluster, b: EntityCluster) -> bool:
    """Two entities the article names differently but that are one party ('Rustic Inn' ~ 'Ark Rustic Inn LLC')."""
    wa, wb = content_words(a.name), content_words(b.name)
    small = wa if len(wa) <= len(wb) else wb
    return bool(small) and is_distinctive(small) and (wa <= wb or wb <= wa)


def _partial(a: Draft, b: Draft, index: DocIndex) -> bool:
    """``b`` names no party acted on, and its actors agree with ``a``'s: a repeat mention of ``a``."""
    if a.type != b.type or b.roles.get(PATIENT_ROLE[b.type]):
        return False
    actor = ACTOR_ROLE[a.type]
    ours, theirs = set(a.roles.get(actor, [])), set(b.roles.get(actor, []))
    return (
        not ours
        or theirs <= ours
        or any(_same_party(index.clusters[x], index.clusters[y]) for x in theirs for y in ours)
    )


def _named_alike(a: Draft, b: Draft, index: DocIndex) -> bool:
    if a.type != b.type:
        return False
    role = PATIENT_ROLE[a.type]
    pa, pb = a.roles.get(role, []), b.roles.get(role, [])
    if not pa or not pb:
        return False
    amounts_a, amounts_b = set(a.roles.get("amount", [])), set(b.roles.get("amount", []))
    if amounts_a and amounts_b and not amounts_a & amounts_b:
        return False
    return all(any(_same_party(index.clusters[x], index.clusters[y]) for y in pa) for x in pb)


def _compatible(a: Draft, b: Draft) -> bool:
    """Same type, a shared core party, and no role where both name different parties or amounts."""
    if a.type != b.type or not (a.anchors() & b.anchors()):
        return False
    for role in ANCHOR_ROLES[a.type]:
        ra, rb = set(a.roles.get(role, [])), set(b.roles.get(role, []))
        if ra and rb and not ra & rb:
            return False
    amounts_a, amounts_b = set(a.roles.get("amount", [])), set(b.roles.get("amount", []))
    return not (amounts_a and amounts_b and not amounts_a & amounts_b)


def _salient_authority(index: DocIndex) -> int | None:
    counts = Counter(idx for _, idx in index.mentions if index.type_of(idx) == "REGULATOR")
    return counts.most_common(1)[0][0] if counts else None


def _absorb_one_sided(events: list[Draft]) -> list[Draft]:
    """A settlement or suit that names only the government's side ('the Antitrust Division's settlement')
    is a repeat of the one that names the other side too, when the article reports such an event."""
    kept: list[Draft] = []
    for ev in events:
        if ev.roles.get(PATIENT_ROLE[ev.type]):
            kept.append(ev)
            continue
        full = [e for e in events if e.type == ev.type and e.roles.get(PATIENT_ROLE[e.type])]
        if full:
            _merge_into(min(full, key=lambda e: abs(e.sentences[0] - ev.sentences[0])), ev)
        else:
            kept.append(ev)
    return kept


def _link_probes(probes: list[Draft], events: list[Draft], index: DocIndex) -> list[Draft]:
    """Investigations and suits the article mentions without naming the party, tied to the action they led to.

    'The settlement resolves the department's investigation': in an article about an enforcement action, a
    probe with no named target is the probe of that action's party (guidelines: "the probe that led to the
    action"). Likewise 'the complaint, filed with the consent decree, alleges ...' is the suit that the
    settlement ends (guidelines: a lawsuit and the settlement that ends it are two events). One per party;
    none where the article reports no such action.
    """
    linked: list[Draft] = []
    for probe in probes:
        kinds = ("SETTLEMENT", "FINE") if probe.type == "LAWSUIT" else ("SETTLEMENT", "FINE", "LAWSUIT")
        actions = [e for e in events if e.type in kinds and e.roles.get(PATIENT_ROLE[e.type])]
        if not actions:
            continue
        action = min(actions, key=lambda e: abs(e.sentences[0] - probe.sentences[0]))
        parties = [
            i
            for i in action.roles[PATIENT_ROLE[action.type]]
            if index.type_of(i) != "REGULATOR" or not index.clusters[i].kb_id
        ]
        if not parties:
            continue
        probe.add(PATIENT_ROLE[probe.type], parties)
        actor = ACTOR_ROLE[probe.type]
        if not probe.roles.get(actor):
            allowed = ("REGULATOR", "GPE") if probe.type == "LAWSUIT" else ("REGULATOR",)
            probe.add(actor, [i for i in action.roles.get(ACTOR_ROLE[action.type], []) if index.type_of(i) in allowed])
        probe.confidence = CONFIDENCE_LINKED
        match = next((e for e in events + linked if _compatible(e, probe)), None)
        if match is not None:
            _merge_into(match, probe)
        else:
            linked.append(probe)
    return linked


def _retype_acting_bodies(events: list[Draft], index: DocIndex) -> None:
    """An organisation that fines or investigates in the story is a regulator (guidelines, government bodies)."""
    for e in events:
        if e.type in ("FINE", "INVESTIGATION"):
            for i in e.roles.get("authority", []):
                if index.clusters[i].type == "ORG":
                    index.clusters[i].type = "REGULATOR"


def _retype_public_bodies(events: list[Draft], index: DocIndex) -> None:
    """A body with an authority's name that only stands on the receiving end (a police department under
    investigation, a school board being sued) is a public body, not a regulator (guidelines)."""
    acting = {i for e in events for i in e.roles.get(ACTOR_ROLE[e.type], [])}
    for e in events:
        for i in e.roles.get(PATIENT_ROLE[e.type], []):
            cluster = index.clusters[i]
            if cluster.type == "REGULATOR" and not cluster.kb_id and i not in acting:
                cluster.type = "PUBLIC_BODY"


def _share_laws(events: list[Draft]) -> None:
    """A suit, the settlement that ends it and the penalty it brings concern one legal matter: the laws
    named for one apply to the others against the same party."""
    matters = [e for e in events if e.type in ("LAWSUIT", "SETTLEMENT", "FINE")]
    for ev in matters:
        parties = set(ev.roles.get(PATIENT_ROLE[ev.type], []))
        for other in matters:
            if other is not ev and parties & set(other.roles.get(PATIENT_ROLE[other.type], [])):
                ev.add("law", other.roles.get("law", []))


def _fines_in_pending_settlements(events: list[Draft]) -> None:
    """A penalty in a consent decree or plea awaiting the court is proposed (guidelines, agreed penalties)."""
    pending = [e for e in events if e.type == "SETTLEMENT" and e.status == "proposed"]
    for ev in events:
        if ev.type == "FINE" and ev.status == "imposed":
            if any(set(ev.roles.get("target", [])) & set(s.roles.get("defendant", [])) for s in pending):
                ev.status = "proposed"


def _dates_of_announcements(events: list[Draft], doc: Doc, sents: list) -> None:
    """An action reported as happening 'today' with no other date happened on the publication date."""
    published = doc._.published
    if not published:
        return
    text_start = doc._.text_start or 0
    body = [s for s in sents if s.start_char >= text_start]
    lede_today = bool(body) and TODAY.search(body[0].text) is not None
    for ev in events:
        if ev.date:
            continue
        own = any(TODAY.search(sents[s].text) for s in ev.sentences)
        if own or (lede_today and ev.type in ("FINE", "SETTLEMENT") and ev.status in ("agreed", "imposed", "proposed")):
            ev.date = published


def finish_events(
    drafts: list[Draft], doc: Doc, index: DocIndex, *, lexicon: Lexicon, min_confidence: float
) -> list[Draft]:
    sents = index.sents
    events: list[Draft] = []
    probes: list[Draft] = []  # investigations with no named target, linked below
    ahead: list[Draft] = []  # mentions before the sentence that names the parties ("reached a settlement. ...")
    for draft in sorted(drafts, key=lambda d: d.sentences[0]):
        if not draft.anchors():
            same = [e for e in events if e.type == draft.type]
            if same and (draft.definite or draft.class_action):
                _merge_into(same[-1], draft)
            elif draft.type in ("INVESTIGATION", "LAWSUIT"):
                probes.append(draft)
            elif draft.definite or draft.type == "SETTLEMENT":
                ahead.append(draft)
            continue
        match = next((e for e in events if _compatible(e, draft)), None)
        match = match or next((e for e in reversed(events) if _partial(e, draft, index)), None)
        match = match or next((e for e in events if _named_alike(e, draft, index)), None)
        if match is not None:
            _merge_into(match, draft)
        else:
            events.append(draft)
    for draft in ahead:
        later = [e for e in events if e.type == draft.type]
        if later:
            _merge_into(min(later, key=lambda e: abs(e.sentences[0] - draft.sentences[0])), draft)
    events += _link_probes(probes, events, index)
    events = _absorb_one_sided(events)
    salient = _salient_authority(index)
    for ev in events:
        actor = ACTOR_ROLE[ev.type]
        if not ev.roles.get(actor) and ev.type != "LAWSUIT":
            found = [i for s in ev.sentences for i in index.in_sentence(sents[s], frozenset({"REGULATOR"}))]
            if found:
                ev.add(actor, found if ev.type == "SETTLEMENT" else found[:1])
            elif salient is not None:
                ev.add(actor, [salient])
                ev.confidence -= 0.1
        if not ev.roles.get("law"):
            for s in ev.sentences:
                for n in (s - 1, s + 1):
                    if 0 <= n < len(sents) and any(c in sents[n].text.lower() for c in lexicon.breach_cues):
                        ev.add("law", index.in_sentence(sents[n], frozenset({"LAW"})))
    assign_statuses(events, [s.text.lower() for s in sents], lexicon)
    _share_laws(events)
    _fines_in_pending_settlements(events)
    _dates_of_announcements(events, doc, sents)
    _retype_public_bodies(events, index)
    _retype_acting_bodies(events, index)
    return [e for e in events if e.confidence >= min_confidence]
