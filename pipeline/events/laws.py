"""Which law an event names: a statute rather than a named part of it.

Releases name the statute an action enforces and then the part of it that was breached, by a description
rather than a number ("violated the Immigration and Nationality Act ... the anti-discrimination provision
of the INA"). The law of the action is the statute (guidelines, roles: "the statute ... named as breached");
the named part stays in the document's LAW set. Numbered provisions ("Article 6 of the GDPR", "Title VII")
are laws of their own and are kept.
"""

from __future__ import annotations

import re

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
