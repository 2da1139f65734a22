"""Suits reported only through the court's decision: an injunction, or a ruling that a party broke the law.

News and releases often skip the filing and report what the court did: "A federal judge permanently barred
X from ...", "Judge Y entered an order barring X from ...", "Judge Y ruled that X had violated the Act".
A court only acts on a party in a case before it, so each of these reports a civil suit (guidelines: a
LAWSUIT is a legal action in a court) that the claimant won: the court granted the relief sought, or found
the violation claimed. Pure functions over a sentence's parse, unit-tested on hand-written sentences.
"""

from __future__ import annotations

from spacy.tokens import Token

# An injunction is the relief of a civil suit: a court that bars or enjoins a party decides a suit against it.
COURT_ORDER_VERBS = frozenset({"enjoin", "bar"})
COURT_HEADS = frozenset({"court", "judge", "justice", "jury"})
# What a court enters or issues that can carry the injunction: "entered an order barring X".
ORDER_NOUNS = frozenset({"order", "injunction", "judgment", "judgement", "decree"})
# "ruled that X violated ...", "found that X had infringed ...": a finding of liability decides a suit.
RULING_VERBS = frozenset({"rule", "find", "hold"})
VIOLATION_VERBS = frozenset({"violate", "infringe", "breach", "defraud", "discriminate", "contravene"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def is_court(token: Token) -> bool:
    """'the court', 'a federal judge', 'Judge Christine Arguello', 'U.S. District Court Judge Robert Gettlemen'."""
    return token.lemma_.lower() in COURT_HEADS or any(
        c.dep_ == "compound" and c.lemma_.lower() in COURT_HEADS for c in token.children
    )


def _court_agents(verb: Token) -> list[Token]:
    agents = [c for c in verb.children if c.dep_ == "nsubj"]
    agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents


def by_court(verb: Token) -> bool:
    """'A federal judge permanently barred X', 'X was enjoined by the court', 'the judge entered an order
    barring X': a court acts on a party, itself or through the order it enters."""
    if any(is_court(a) for a in _court_agents(verb)):
        return True
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in ORDER_NOUNS and verb.head.head != verb.head:
        return any(is_court(a) for a in _court_agents(verb.head.head))
    return False


def is_court_order(verb: Token) -> bool:
    """An injunction that a court grants against a party: a decided suit."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in COURT_ORDER_VERBS and by_court(verb)


def found_violators(verb: Token) -> list[Token]:
    """Who a court found to have broken the law: the subjects of 'ruled that X (had) violated ...'.

    Empty unless ``verb`` is a ruling verb whose subject is a court or jury and whose clause says that
    someone violated, infringed or breached something; an agency's findings are not a court's.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RULING_VERBS:
        return []
    if not any(is_court(a) for a in _court_agents(verb)):
        return []
    return [
        s
        for clause in verb.children
        if clause.dep_ == "ccomp" and clause.lemma_.lower() in VIOLATION_VERBS
        for s in clause.children
        if s.dep_ in SUBJECT_DEPS
    ]


def is_court_decision(verb: Token) -> bool:
    """A court's injunction against, or finding of liability of, a party."""
    return is_court_order(verb) or bool(found_violators(verb))
