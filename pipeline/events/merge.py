"""Whole-article reasoning about events: merge mentions of one action, fill gaps, read statuses.

Runs on the sentence-level drafts of ``pipeline.events.extractor``:
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
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.entities import EntityCluster, content_words, is_distinctive
from pipeline.events.dates import date_suits_filed_with_settlements, dates_of_announcements
from pipeline.events.drafts import (
    ACTOR_ROLE,
    ANCHOR_ROLES,
    CONFIDENCE_LINKED,
    PATIENT_ROLE,
    DocIndex,
    Draft,
    fill_court,
)
from pipeline.events.laws import cite_laws, prefer_statutes
from pipeline.events.lexicon import Lexicon
from pipeline.events.parties import damages_elsewhere
from pipeline.events.statuses import assign_statuses
from pipeline.events.suits import defend_one_sided_suits

# Penalties and probes reported together but imposed or opened one per party: "penalties of 200,000 dlrs
# each", "were each fined", "in separate proceedings, the DPA fined A and B", "fined A and B ... respectively".
SEPARATE_ACTIONS = re.compile(
    r"\d\S*\s+(\w+\s+){0,2}each\b|\beach\s+(was\s+|were\s+)?(fined|penali[sz]ed)\b|"
    r"\bseparate(ly)?\b|\brespectively\b|\bindividually\b",
    re.IGNORECASE,
)
EACH_AMOUNT = re.compile(r"\d\S*\s+(\w+\s+){0,2}each\b", re.IGNORECASE)
SPLIT_TYPES = ("FINE", "INVESTIGATION")
AMOUNT_TYPES = ("FINE",)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def split_separate(draft: Draft, sentence: str, *, plural: bool, amounts: list[int] | None = None) -> list[Draft]:
    """One draft per party when a sentence reports several fines or probes at once (guidelines: two different
    fines are two events). The cue is the sentence's ("each", "separately", "respectively") or a plural trigger
    with several parties and no total ("launched investigations into A and B", "imposed fines on A and B"). A
    joint penalty ("A and B agreed to pay a civil penalty of $280,000", "are required to pay civil penalties of
    $225,750") stays one event. The amount stays only where it is each party's ("each"), or goes to each party
    in turn where the sentence pairs as many amounts with as many parties ("penalties of $40,000 and $25,000
    on A and B, respectively"; ``amounts`` are the sentence's amounts in text order)."""
    parties = draft.roles.get(PATIENT_ROLE[draft.type], [])
    plural = plural and not draft.roles.get("amount")
    paired = RESPECTIVELY.search(sentence) is not None and amounts is not None and len(amounts) == len(parties)
    if draft.type not in SPLIT_TYPES or len(parties) < 2 or not (plural or paired or SEPARATE_ACTIONS.search(sentence)):
        return [draft]
    keep_amount = EACH_AMOUNT.search(sentence) is not None
    out = []
    for n, idx in enumerate(parties):
        roles = {r: list(v) for r, v in draft.roles.items() if keep_amount or r != "amount"}
        roles[PATIENT_ROLE[draft.type]] = [idx]
        if paired and amounts is not None and draft.type in AMOUNT_TYPES:
            roles["amount"] = [amounts[n]]
        out.append(replace(draft, roles=roles, sentences=list(draft.sentences), role_rules=dict(draft.role_rules)))
    return out


def _earlier(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and a < b


def _merge_into(target: Draft, other: Draft) -> None:
    for role, idxs in other.roles.items():
        had = set(target.roles.get(role, []))
        target.add(role, idxs)
        for i in idxs:  # a filler either mention read from the text is read from the text
            rule = other.role_rules.get((role, i))
            if i not in had and rule is not None:
                target.role_rules[(role, i)] = rule
            elif i in had and rule is None:
                target.role_rules.pop((role, i), None)
    target.sentences = sorted(set(target.sentences) | set(other.sentences))
    # the earliest mention's date wins: news gives the action's date first and background dates later
    if other.date and (target.date is None or _earlier(other.date_sentence, target.date_sentence)):
        target.set_date(other.date, rule=other.date_rule, sentence=other.date_sentence)
    target.class_action = target.class_action or other.class_action
    target.class_size = target.class_size or other.class_size
    target.confidence = max(target.confidence, other.confidence)
    target.ruling = target.ruling or other.ruling


# A mention that joins two parties into one name ("Wilson and EME LLC" when the parse or NER keeps the pair
# together) names each of them.
JOINED_PARTIES = re.compile(r"\s+(?:and|&)\s+")


def _words_alike(wa: frozenset[str], wb: frozenset[str]) -> bool:
    small = wa if len(wa) <= len(wb) else wb
    return bool(small) and is_distinctive(small) and (wa <= wb or wb <= wa)


def _same_party(a: EntityCluster, b: EntityCluster) -> bool:
    """Two entities the article names differently but that are one party ('Rustic Inn' ~ 'Ark Rustic Inn LLC'),
    or a pair named as one ('Wilson and EME LLC') and one of its members ('Jerry L. Wilson')."""
    if _words_alike(content_words(a.name), content_words(b.name)):
        return True
    parts_a = [content_words(p) for p in JOINED_PARTIES.split(a.name)]
    parts_b = [content_words(p) for p in JOINED_PARTIES.split(b.name)]
    if len(parts_a) == len(parts_b) == 1:
        return False
    return any(_words_alike(x, y) for x in parts_a for y in parts_b if len(parts_a) == 1 or len(parts_b) == 1)


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


# A government litigates in its own name through its law office: "The United States intervened in two lawsuits"
# and "the government pursues claims" via "the Justice Department" (a state's attorney general likewise), so the
# country and that office name one side of a suit or settlement.
LAW_OFFICE = re.compile(r"\b(justice|attorney)\b", re.IGNORECASE)


def _one_government(ra: set[int], rb: set[int], index: DocIndex | None, *, other_side: set[int]) -> bool:
    """The one side is a country or state, the other its law office (see ``LAW_OFFICE``); a place that is a
    party on the other side (a county the department sues) is not the government suing."""
    if index is None:
        return False
    for gpe, office in ((ra, rb), (rb, ra)):
        if (
            not gpe & other_side
            and all(index.type_of(i) == "GPE" for i in gpe)
            and all(index.type_of(i) == "REGULATOR" and LAW_OFFICE.search(index.clusters[i].name) for i in office)
        ):
            return True
    return False


def _compatible(a: Draft, b: Draft, index: DocIndex | None = None) -> bool:
    """Same type, a shared core party, and no role where both name different parties or amounts."""
    if a.type != b.type or not (a.anchors() & b.anchors()):
        return False
    for role in ANCHOR_ROLES[a.type]:
        ra, rb = set(a.roles.get(role, [])), set(b.roles.get(role, []))
        if ra and rb and not ra & rb:
            others = set(a.roles.get(PATIENT_ROLE[a.type], [])) | set(b.roles.get(PATIENT_ROLE[b.type], []))
            if role != ACTOR_ROLE[a.type] or not _one_government(ra, rb, index, other_side=others):
                return False
    amounts_a, amounts_b = set(a.roles.get("amount", [])), set(b.roles.get("amount", []))
    return not (amounts_a and amounts_b and not amounts_a & amounts_b)


def _nearest_before(events: list[Draft], draft: Draft) -> Draft | None:
    """Of the events a mention could repeat, the one spoken of last before it: a story that reports two fines
    against one party and then says "X is contesting that fine" means the one it has just described."""
    if not events:
        return None
    start = draft.sentences[0]
    return max(events, key=lambda e: (max((s for s in e.sentences if s <= start), default=-1), -e.sentences[0]))


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


def _nearness(event: Draft, sent_no: int) -> tuple[int, bool]:
    """How near an event is reported to a sentence: its nearest mention; between two as near, one before
    comes first: a probe mentioned after an action is its background ("X filed a complaint today. The
    complaint arose out of an investigation ...")."""
    return min((abs(s - sent_no), s > sent_no) for s in event.sentences)


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
        actions = [e for e in events + linked if e.type in kinds and e.roles.get(PATIENT_ROLE[e.type])]
        if not actions:
            continue
        action = min(actions, key=lambda e: _nearness(e, probe.sentences[0]))
        parties = [
            i
            for i in action.roles[PATIENT_ROLE[action.type]]
            if index.type_of(i) != "REGULATOR" or not index.clusters[i].kb_id
        ]
        if not parties:
            continue
        probe.infer(PATIENT_ROLE[probe.type], parties, "linked_event")
        actor = ACTOR_ROLE[probe.type]
        if not probe.roles.get(actor):
            allowed = ("REGULATOR", "GPE") if probe.type == "LAWSUIT" else ("REGULATOR",)
            acting = [i for i in action.roles.get(ACTOR_ROLE[action.type], []) if index.type_of(i) in allowed]
            probe.infer(actor, acting, "linked_event")
        probe.confidence = CONFIDENCE_LINKED
        match = next((e for e in events + linked if _compatible(e, probe, index)), None)
        if match is not None:
            _merge_into(match, probe)
        else:
            linked.append(probe)
    return linked


# The actions a settlement with no party of its own can resolve, and which side of each becomes the claimant.
SETTLED_ACTIONS = ("LAWSUIT", "FINE", "INVESTIGATION")
CLAIMANT_KINDS = {"LAWSUIT": None, "FINE": ("REGULATOR", "GPE"), "INVESTIGATION": ("REGULATOR", "GPE")}


def _link_settlements(orphans: list[Draft], events: list[Draft], index: DocIndex) -> list[Draft]:
    """Settlement mentions that name no party, tied to the action they resolve when the article reports no
    settlement that names one.

    'The consent decree, lodged with the court, ...', 'The companies have agreed to pay a civil penalty to
    resolve these charges': the settlement ends the suit, penalty or probe the article reports (guidelines: a
    lawsuit and the settlement that ends it are two events). The suit's plaintiff, or the authority of the
    penalty or probe, is the claimant; its defendant or target settles. All such mentions are one settlement.
    """
    actions = [e for e in events if e.type in SETTLED_ACTIONS and e.anchors()]
    if not orphans or not actions:
        return []
    first = orphans[0].sentences[0]
    action = min(actions, key=lambda e: (abs(e.sentences[0] - first), SETTLED_ACTIONS.index(e.type)))
    settlement = Draft(type="SETTLEMENT", sentences=[first], confidence=CONFIDENCE_LINKED)
    for orphan in orphans:
        _merge_into(settlement, orphan)
    settlement.confidence = CONFIDENCE_LINKED
    settlement.infer(
        "defendant",
        [
            i
            for i in action.roles.get(PATIENT_ROLE[action.type], [])
            if index.type_of(i) != "REGULATOR" or not index.clusters[i].kb_id
        ],
        "linked_event",
    )
    kinds = CLAIMANT_KINDS[action.type]
    settlement.infer(
        "claimant",
        [i for i in action.roles.get(ACTOR_ROLE[action.type], []) if kinds is None or index.type_of(i) in kinds],
        "linked_event",
    )
    return [settlement] if settlement.anchors() else []


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
                ev.set_status("proposed", rule="carried_status")


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
                _merge_into(_nearest_before(same, draft) or same[-1], draft)
            elif draft.type in ("INVESTIGATION", "LAWSUIT"):
                probes.append(draft)
            elif draft.definite or draft.type == "SETTLEMENT":
                ahead.append(draft)
            continue
        match = _nearest_before([e for e in events if _compatible(e, draft, index)], draft)
        match = match or next((e for e in reversed(events) if _partial(e, draft, index)), None)
        if match is None and draft.definite and not draft.roles.get(PATIENT_ROLE[draft.type]):
            # "The Civil Division brought the case on behalf of the United States": a definite mention that
            # names only the acting side is the article's event of that type, whoever it credits
            match = next((e for e in reversed(events) if e.type == draft.type), None)
        match = match or next((e for e in events if _named_alike(e, draft, index)), None)
        if match is not None:
            _merge_into(match, draft)
        else:
            events.append(draft)
    orphans: list[Draft] = []
    for draft in ahead:
        later = [e for e in events if e.type == draft.type]
        if later:
            _merge_into(min(later, key=lambda e: abs(e.sentences[0] - draft.sentences[0])), draft)
        elif draft.type == "SETTLEMENT":
            orphans.append(draft)
    events += _link_probes(probes, events, index)
    events += _link_settlements(orphans, events, index)
    events = _absorb_one_sided(events)
    defend_one_sided_suits(events, index)
    salient = _salient_authority(index)
    lowered = [s.text.lower() for s in sents]  # once per article, not once per event, sentence and cue
    for ev in events:
        actor = ACTOR_ROLE[ev.type]
        if not ev.roles.get(actor) and ev.type != "LAWSUIT":
            found = [i for s in ev.sentences for i in index.in_sentence(sents[s], frozenset({"REGULATOR"}))]
            if found:
                ev.infer(actor, found if ev.type == "SETTLEMENT" else found[:1], "sentence_party")
            elif salient is not None:
                ev.infer(actor, [salient], "fallback_authority")
                ev.confidence -= 0.1
        if not ev.roles.get("law"):
            for s in ev.sentences:
                for n in (s - 1, s + 1):
                    if 0 <= n < len(sents) and any(c in lowered[n] for c in lexicon.breach_cues):
                        ev.add("law", index.in_sentence(sents[n], frozenset({"LAW"})))
    fill_court(events, index)
    damages_elsewhere(events, index)
    assign_statuses(events, lowered, lexicon)
    cite_laws(events, index, lexicon.breach_cues)  # "The complaint alleges violations of Section 17(a) ..."
    _share_laws(events)
    prefer_statutes(events, index)
    _fines_in_pending_settlements(events)
    dates_of_announcements(events, doc, sents)
    date_suits_filed_with_settlements(events, sents)
    _retype_public_bodies(events, index)
    _retype_acting_bodies(events, index)
    return [e for e in events if e.confidence >= min_confidence]
