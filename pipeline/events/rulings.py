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
# "a trial court ruling that X infringed ...": the decision named as a noun.
RULING_NOUNS = frozenset({"ruling", "decision", "finding", "verdict", "judgment", "judgement"})
# Verbs by which a higher court undoes a ruling.
REVERSING_VERBS = frozenset({"reverse", "overturn", "vacate", "overrule", "set", "throw", "quash", "annul"})
VIOLATION_VERBS = frozenset({"violate", "infringe", "breach", "defraud", "discriminate", "contravene"})
# "a jury found X liable", "the court held X negligent": a verdict of civil liability decides a suit.
LIABILITY_WORDS = frozenset({"liable", "negligent"})
# "the jury awarded Widget $5 million": a court awards damages to the party that sued.
AWARD_VERBS = frozenset({"award"})
# Wrongs done to a party's property: "infringed Widget's patents", "patents held by Widget".
OWNED_WRONG_VERBS = frozenset({"infringe", "breach"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def is_court(token: Token) -> bool:
    """'the court', 'a federal judge', 'Judge Christine Arguello', 'U.S. District Court Judge Robert Gettlemen'."""
    return token.lemma_.lower() in COURT_HEADS or any(
        c.dep_ == "compound" and c.lemma_.lower() in COURT_HEADS for c in token.children
    )


def _court_agents(verb: Token) -> list[Token]:
    agents = [c for c in verb.children if c.dep_ == "nsubj"]
    if not agents and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):  # "found X liable and awarded Y"
        agents = [c for c in verb.head.children if c.dep_ == "nsubj"]
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
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in RULING_NOUNS:
        return _ruled_violators(verb)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RULING_VERBS:
        return []
    if not any(is_court(a) for a in _court_agents(verb)):
        return []
    found = [
        s
        for clause in verb.children
        if clause.dep_ == "ccomp" and clause.lemma_.lower() in VIOLATION_VERBS | LIABILITY_WORDS
        for s in clause.children
        if s.dep_ in SUBJECT_DEPS
    ]
    # "found X liable": the parse may take X as the object and 'liable' as its predicate
    if any(c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in LIABILITY_WORDS for c in verb.children):
        found += [c for c in verb.children if c.dep_ == "dobj"]
    return found


def _ruled_violators(noun: Token) -> list[Token]:
    """'a trial court ruling that X infringed ...', 'the judge's ruling that X breached ...', 'the appeals court
    upheld a ruling that X violated ...': a court's ruling whose content clause says a party broke the law."""
    if noun.head.lemma_.lower() in REVERSING_VERBS:
        return []  # "the appeals court reversed a ruling that X infringed ...": the finding no longer stands
    courts = [c for c in noun.children if c.dep_ in ("compound", "poss") and is_court(c)]
    if not courts and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        courts = [a for a in _court_agents(noun.head) if is_court(a)]
    if not courts:
        return []
    return [
        s
        for clause in noun.children
        if clause.dep_ in ("acl", "relcl", "ccomp") and clause.lemma_.lower() in VIOLATION_VERBS
        for s in clause.children
        if s.dep_ in SUBJECT_DEPS and s.lower_ not in ("that", "which", "who")
    ]


def wronged_parties(verb: Token) -> list[Token]:
    """Who a court's finding says was wronged: the owner of what was infringed or breached ('ruled that X
    infringed Widget's patents', '... patents held by Widget'), and whom the court awards damages to
    ('found X liable and awarded Widget $5 million'). Such a party is the one that sued."""
    out: list[Token] = []
    if not found_violators(verb) and not is_court_award(verb):
        return out
    clause_deps = ("ccomp", "acl", "relcl") if verb.pos_ == "NOUN" else ("ccomp",)
    clauses = [c for c in verb.children if c.dep_ in clause_deps and c.lemma_.lower() in OWNED_WRONG_VERBS]
    objects = [o for c in clauses for o in c.children if o.dep_ == "dobj"]
    objects += [g for c in clauses for p in c.children if p.dep_ == "prep" and p.lower_ == "on" for g in p.children]
    for obj in objects:
        out += [p for p in obj.children if p.dep_ == "poss" and p.pos_ == "PROPN"]
        out += [
            g
            for a in obj.children
            if a.dep_ == "acl"
            for b in a.children
            if b.dep_ == "agent"
            for g in b.children
            if g.dep_ == "pobj"
        ]
    awards = [verb] if is_court_award(verb) else []
    decisions = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    awards += [c for c in decisions if c.lemma_.lower() in AWARD_VERBS]
    # "found X liable and ordered it to pay Widget $3 million"
    awards += [
        p
        for c in decisions
        if c.lemma_.lower() == "order"
        for p in c.children
        if p.dep_ == "xcomp" and p.lemma_ == "pay"
    ]
    out += [d for a in awards for d in a.children if d.dep_ == "dative"]
    return out


def is_court_award(verb: Token) -> bool:
    """'A jury awarded Widget $5 million', 'the judge awarded damages to Widget': a decided suit."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in AWARD_VERBS:
        return False
    if verb.dep_ == "conj" and found_violators(verb.head):
        return False  # "found X liable and awarded Y $5m": one decision, read off the finding
    return any(c.dep_ == "dative" for c in verb.children) and any(is_court(a) for a in _court_agents(verb))


def is_court_decision(verb: Token) -> bool:
    """A court's injunction against, or finding of liability of, a party."""
    return is_court_order(verb) or bool(found_violators(verb)) or is_court_award(verb)


# A court's decision that a losing party appeals: "said it would appeal the verdict", "is appealing a $40 million
# judgment won by Widget", "pending its appeal of the judgment". The decision ends a suit's trial, so an appeal
# of it reports that suit (guidelines: one LAWSUIT, its latest status ``appealed``).
JUDGMENT_NOUNS = frozenset({"verdict", "judgment", "judgement"})
APPEAL_WORDS = frozenset({"appeal"})
# Who won the judgment: "a judgment won by Widget", "a verdict obtained by Widget", "... in favor of Widget".
WINNING_VERBS = frozenset({"win", "obtain", "award", "secure"})


def appellants(noun: Token) -> list[Token] | None:
    """The parties appealing ``noun`` when it is a verdict or judgment under appeal, else None.

    'X appealed / is appealing / would appeal the verdict' -> [X]; 'X's appeal of the judgment' -> [X];
    'filed an appeal against the verdict' -> the filer. An empty list: appealed by a party not named."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in JUDGMENT_NOUNS:
        return None
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in APPEAL_WORDS:
        return _subjects(head)
    if noun.dep_ == "pobj" and head.lower_ in ("of", "against") and head.head.lemma_.lower() in APPEAL_WORDS:
        appeal = head.head
        owners = [c for c in appeal.children if c.dep_ == "poss"]
        if owners:
            return owners
        return _subjects(appeal.head) if appeal.dep_ in ("dobj", "pobj") and appeal.head.pos_ == "VERB" else []
    return None


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("xcomp", "conj") and verb.head != verb:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return subjects


def judgment_sides(noun: Token) -> tuple[list[Token], list[Token]]:
    """(winners, losers) a judgment names: 'won by / awarded to Widget', 'in favor of Widget'; 'against X'."""
    winners: list[Token] = []
    losers: list[Token] = []
    scope = list(noun.children)
    # "its appeal of the judgment in favor of Widget": the parse hangs the winner on the appeal
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in APPEAL_WORDS:
        scope += [c for c in noun.head.head.children if c.dep_ == "prep" and c.lower_ == "in"]
    for child in scope:
        if child.dep_ == "acl" and child.lemma_.lower() in WINNING_VERBS:
            winners += [g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "against":
            losers += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "in":
            for favor in (g for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() in ("favor", "favour")):
                winners += [g for p in favor.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return winners, losers


# An appeals court that upholds a ruling decides the appeal: "the appeals court affirmed a ruling that X infringed".
UPHOLDING_VERBS = frozenset({"affirm", "uphold"})


def upheld_on_appeal(noun: Token) -> bool:
    """A ruling that the sentence reports as affirmed or upheld ('affirmed a trial court ruling that ...')."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.pos_ == "VERB"
        and noun.head.lemma_.lower() in UPHOLDING_VERBS
    )
