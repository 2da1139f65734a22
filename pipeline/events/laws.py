"""Which law an event names: a statute rather than a named part of it.

Releases name the statute an action enforces and then the part of it that was breached, by a description
rather than a number ("violated the Immigration and Nationality Act ... the anti-discrimination provision
of the INA"). The law of the action is the statute (guidelines, roles: "the statute ... named as breached");
the named part stays in the document's LAW set. Numbered provisions ("Article 6 of the GDPR", "Title VII")
are laws of their own and are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.drafts import DocIndex, Draft
from pipeline.gazetteer import load_gazetteer

# "anti-discrimination provision of the INA", "the INA's anti-discrimination provisions": a part of a statute
# named by what it is about. A digit in the description makes it a numbered provision, which is kept.
DESCRIBED_PART = re.compile(r"^(?:the\s+)?(?P<part>[^\d]+?)\s+provisions?\s+of\s+(?:the\s+)?(?P<statute>.+)$", re.I)
POSSESSIVE_PART = re.compile(r"^(?:the\s+)?(?P<statute>.+?)(?:'s|’s|s)\s+(?P<part>[^\d]+?)\s+provisions?$", re.I)


def _forms(idx: int, index: DocIndex) -> set[str]:
    """Every name the article or the gazetteer gives a law, lower-cased."""
    cluster = index.clusters[idx]
    forms = {cluster.name, *cluster.aliases}
    entry = load_gazetteer().get(cluster.kb_id) if cluster.kb_id else None
    if entry is not None:
        forms.update((entry.name, *entry.aliases))
    return {f.lower() for f in forms}


def statute_of(name: str) -> str | None:
    """'anti-discrimination provision of the INA' -> 'ina'; None for a statute or a numbered provision."""
    for pattern in (DESCRIBED_PART, POSSESSIVE_PART):
        match = pattern.match(name.strip())
        if match is not None:
            return match["statute"].strip().lower()
    return None


def prefer_statutes(events: list[Draft], index: DocIndex) -> None:
    """Replace an event's described provision by its statute where the article names that statute."""
    laws = [idx for idx, c in enumerate(index.clusters) if c.type == "LAW"]
    forms = {idx: _forms(idx, index) for idx in laws}
    parents: dict[int, int] = {}
    for idx in laws:
        statutes = {s for s in (statute_of(f) for f in forms[idx]) if s}
        parent = next(
            (o for o in laws if o != idx and statutes & forms[o] and not statute_of(index.clusters[o].name)), None
        )
        if parent is not None:
            parents[idx] = parent
    if not parents:
        return
    for ev in events:
        current = ev.roles.get("law", [])
        if not any(i in parents for i in current):
            continue
        replaced: list[int] = []
        for i in current:
            law = parents.get(i, i)
            if law not in replaced:
                replaced.append(law)
        ev.roles["law"] = replaced


# Releases cite the laws of an action in a sentence of their own, away from the one that reports it: "The
# SEC's complaint alleges that X violated Sections 17(a) and 10(b) ... and Rule 10b-5 thereunder", "X consented
# to a final judgment that enjoins X from violating Section 5 ...". Such a citation (a breach cue and a law)
# names the party it accuses, or refers to the filing by a definite description ("the complaint alleges
# violations of ..."), whose event it then cites for.
FILING_WORDS = {
    "LAWSUIT": ("complaint", "lawsuit", "suit", "action"),
    "SETTLEMENT": ("judgment", "order", "consent", "settlement", "decree"),
    "FINE": ("judgment", "order", "penalty"),
}
MATTER_TYPES = ("LAWSUIT", "SETTLEMENT", "FINE")


def _cites(text: str, breach_cues: Sequence[str]) -> bool:
    lower = text.lower()
    return any(cue in lower for cue in breach_cues)


def cite_laws(events: list[Draft], index: DocIndex, breach_cues: Sequence[str]) -> None:
    """Add the laws of every citation sentence (see ``FILING_WORDS``) to the events of the party it names; a
    citation that names no party of any event goes to the events whose filing it describes ('the complaint
    alleges ...'), when the article has one such event."""
    parties_kinds = frozenset({"ORG", "PERSON", "PUBLIC_BODY"})
    matters = [e for e in events if e.type in MATTER_TYPES]
    if not matters:
        return
    for sent in index.sents:
        laws = index.in_sentence(sent, frozenset({"LAW"}))
        if not laws or not _cites(sent.text, breach_cues):
            continue
        named = set(index.in_sentence(sent, parties_kinds))
        accused = [e for e in matters if named & set(e.anchors())]
        if not accused and not named:
            lower = sent.text.lower()
            for etype in MATTER_TYPES:
                of_type = [e for e in matters if e.type == etype]
                if len(of_type) == 1 and any(f"the {word}" in lower for word in FILING_WORDS[etype]):
                    accused += of_type
        for ev in accused:
            ev.add("law", laws)
