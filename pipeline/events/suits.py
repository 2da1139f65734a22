"""Suits that name only the government's side, given the party that the article's settlement or fine names.

Enforcement releases often report the suit with its defendant described, not named ("The United States has
sued a Clive, Iowa, couple", "filed a civil antitrust lawsuit today ... to block the proposed transaction",
"The department initiated the lawsuit after ...") and name the party in the sentence that reports the
settlement or penalty resolving it. A government suit and the settlement or penalty of the same article are
the two sides of one action (guidelines: a lawsuit and the settlement that ends it are two events), so the
suit's defendant is the party that settles or is fined.
"""

from __future__ import annotations

from pipeline.events.drafts import DocIndex, Draft

# Kinds of plaintiff that make a suit the government's: only such suits end in the article's settlement or
# penalty with a regulator; a private plaintiff's suit is often a different action from the regulator's.
GOVERNMENT_KINDS = ("REGULATOR", "GPE")
# The role holding the party of each action a government suit can lead to, in order of preference.
RESOLVING_PARTY = {"SETTLEMENT": "defendant", "FINE": "target"}


def defend_one_sided_suits(events: list[Draft], index: DocIndex) -> None:
    """Give each government suit with no defendant the party of the nearest settlement (else fine) that names
    a government claimant or authority and a party; leave the suit alone where the article has none."""
    for suit in events:
        if suit.type != "LAWSUIT" or suit.roles.get("defendant"):
            continue
        plaintiffs = suit.roles.get("plaintiff", [])
        if not plaintiffs or not all(index.type_of(i) in GOVERNMENT_KINDS for i in plaintiffs):
            continue
        for etype, role in RESOLVING_PARTY.items():
            actor = "claimant" if etype == "SETTLEMENT" else "authority"
            actions = [
                e
                for e in events
                if e.type == etype
                and e.roles.get(role)
                and any(index.type_of(i) in GOVERNMENT_KINDS for i in e.roles.get(actor, []))
            ]
            if actions:
                nearest = min(actions, key=lambda e: min(abs(s - suit.sentences[0]) for s in e.sentences))
                suit.add("defendant", [i for i in nearest.roles[role] if i not in plaintiffs])
                break
