"""Trigger look-alikes that the event stage drops: administrative filings, hypotheticals, unrealised deals.

Pure functions over a sentence's parse (``pipeline.events.extractor`` asks them about each trigger token).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

# A complaint, case or claim filed "with" a body other than a court is an administrative filing, not a suit:
# "filed a complaint with the EEOC", "filed a rate case with state regulators" (but "with the district court").
FILED_NOUNS = frozenset({"complaint", "case", "claim", "petition"})
FILING_COURTS = frozenset({"court", "tribunal", "judge", "clerk"})
# Papers filed together with a suit are no forum: "filed a complaint with a proposed consent decree".
FILED_PAPERS = frozenset({"decree", "settlement", "agreement", "order", "judgment", "motion", "stipulation"})
AGENCY_WORDS = frozenset(
    {"regulator", "commission", "agency", "department", "board", "office", "authority", "ombudsman"}
)


def filed_with_agency(tok: Token) -> bool:
    """'filed a complaint with the EEOC' (the 'with' on the noun or on its filing verb), not 'with the court'."""
    holders = [tok] + ([tok.head] if tok.head.lemma_ in ("file", "lodge", "bring") else [])
    bodies = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children]
    # a complaint "with" a body is filed there; a case or claim "with" a common noun is rarely a filing
    named = tok.lemma_ == "complaint"
    return any(
        o.dep_ == "pobj"
        and o.lemma_.lower() not in FILING_COURTS | FILED_PAPERS
        and (named or o.pos_ == "PROPN" or o.lemma_ in AGENCY_WORDS)
        for o in bodies
    )


# Modal verbs that make an action possible, not reported: "could face a fine", "may sue".
MODALS = frozenset({"could", "may", "might", "can"})
HYPOTHETICAL_WORDS = ("up to", "maximum")  # "fines of up to 4% of turnover": a statutory ceiling
HYPOTHETICAL_BEFORE, HYPOTHETICAL_AFTER = 6, 8  # tokens around the trigger that may hold such words
# Verbs that presuppose the event they take as object: "settle the lawsuit", "appeal the fine".
PRESUPPOSING_VERBS = frozenset(
    {
        "settle", "resolve", "end", "drop", "dismiss", "withdraw", "appeal", "challenge", "contest", "fight",
        "lose", "win",
    }
)  # fmt: skip
# A settlement that a party only tries for is no settlement: "was trying to negotiate a settlement", "hopes to
# reach a settlement", "settlement talks". One that was negotiated ("negotiated a settlement") is.
ATTEMPT_VERBS = frozenset({"try", "attempt", "seek", "hope", "want", "aim", "push", "press", "urge", "wish"})
POSSIBLE_WORDS = frozenset({"possible", "potential", "hypothetical", "eventual"})
TALK_NOUNS = frozenset({"talk", "negotiation", "discussion"})
REACH_VERBS = frozenset({"negotiate", "reach", "strike", "broker", "secure", "obtain", "find", "work"})


def hypothetical(tok: Token, verb: Token | None) -> bool:
    """'could face a fine', 'fines of up to 4% of turnover': a possible action, not a reported one."""
    verb = verb or (tok if tok.pos_ == "VERB" else None)
    # a modal on the trigger's verb or on a verb it complements: "could face a fine", "may instead choose to pay a
    # fine"); an event that a verb presupposes stays real whatever may happen to it ("could be forced to settle
    # the lawsuit": the suit exists)
    presupposed = tok.pos_ != "VERB" and verb is not None and verb.lemma_.lower() in PRESUPPOSING_VERBS
    chain = [verb] if presupposed else _verb_chain(tok, verb)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for v in chain if v is not None for c in v.children):
        return True
    if any(c.dep_ == "amod" and c.lower_ in POSSIBLE_WORDS for c in tok.children):
        return True  # "a possible $250,000 fine", "potential penalties"
    if conditional_clause(tok):
        return True
    window = tok.doc[max(tok.i - HYPOTHETICAL_BEFORE, 0) : tok.i + HYPOTHETICAL_AFTER].text.lower()
    return any(w in window for w in HYPOTHETICAL_WORDS)


# A trigger in a conditional or an embedded question is not reported as taken: "(the Vatican will decide) if an
# investigation is required", "whether a fine is imposed", "unless a settlement is reached". Only the clause that
# holds the trigger counts: "investigated whether the company ..." asks the question inside the probe.
CONDITION_MARKS = frozenset({"if", "whether", "unless"})


def conditional_clause(tok: Token) -> bool:
    """True when the clause whose verb governs ``tok`` (or ``tok`` itself as a verb) opens with if/whether/unless."""
    clause = tok
    for _ in range(HYPOTHETICAL_AFTER):
        if clause.pos_ in ("VERB", "AUX") or clause.head == clause:
            break
        clause = clause.head
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children)


# "X faces a statutory maximum sentence of 35 years and a fine of $1,000,000", "faces up to 10 years and a
# possible $250,000 fine", "also faces restitution and monetary penalties": what a defendant risks, not a penalty
# imposed. A reported proposed fine that a party "faces" states its amount and no such cue ("faces a $5m fine").
FACE_CUES = ("maximum", "up to", "possible", "potential", "if convicted", "could", "as much as")
# "a complaint charging X with murder", "the complaint charges X with ...": a criminal charge, not a suit.
CHARGE_LEMMAS = frozenset({"charge", "accuse"})


def faced_only(tok: Token, *, sentence_has_money: bool) -> bool:
    """A penalty the sentence says a party faces ("faces a maximum fine", "faces ... monetary penalties")."""
    head = tok
    for _ in range(HYPOTHETICAL_AFTER):
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            break
        head = head.head
    if head.lemma_.lower() != "face":
        return False
    text = tok.sent.text.lower()
    return not sentence_has_money or any(cue in text for cue in FACE_CUES)


def criminal_charge(tok: Token) -> bool:
    """'a complaint charging X with ...', 'the complaint charges X with ...': a criminal complaint. A civil
    complaint 'charges that' the defendant violated a law (a clause, not a person charged with an offence)."""
    if tok.lemma_.lower() != "complaint":
        return False
    verbs = [c for c in tok.children if c.lemma_.lower() in CHARGE_LEMMAS]
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in CHARGE_LEMMAS:
        verbs.append(tok.head)
    if tok.dep_ in ("nsubj", "nsubjpass"):  # "a complaint was unsealed charging X with ..."
        verbs += [c for c in tok.head.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in CHARGE_LEMMAS]
    return any(
        any(c.dep_ == "dobj" for c in v.children) and any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children)
        for v in verbs
    )


def unrealised(tok: Token) -> bool:
    """A settlement that is only sought or talked about: 'seeking a settlement', 'trying to negotiate a
    settlement', 'hopes to reach a settlement', 'settlement talks'. A settlement whose approval is sought
    ('sought court approval of the settlement') is real."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in TALK_NOUNS:
        return True
    if any(c.dep_ == "amod" and c.lower_ in POSSIBLE_WORDS for c in tok.children):
        return True  # "interested in a possible settlement"
    if tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "conj") and tok.head.lemma_.lower() in ATTEMPT_VERBS:
        return True  # "has tried to settle", "will try and settle"
    if tok.dep_ != "dobj":
        return False
    verb = tok.head
    if verb.lemma_.lower() in ATTEMPT_VERBS:
        return True
    return verb.lemma_.lower() in REACH_VERBS and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ATTEMPT_VERBS


# Credit lines name who worked a case; they are not news of a probe (guidelines): "This case was investigated by
# the FBI", "thanked agents ..., who conducted the investigation", "acknowledges the assistance of ...", "The FBI
# investigated the case." (but "VETS investigated the matter, determined that ..." reports a probe), "thanked
# HUD for assisting in the investigation", "This settlement was the result of a coordinated effort by the U.S.
# Attorney's Office ... in investigating the allegations", "The investigation that led to the charges was conducted by
# A, B and C" (a relative clause between the probe and its credit).
CREDIT_LINE = re.compile(
    r"\b(case|matter|investigation|prosecution)s? (is|was|were|are|has been|have been|is being) "
    r"(jointly )?(investigated|handled|prosecuted|conducted)|"
    r"acknowledges? the (assistance|work|help|efforts?|contributions?)|"
    r"(thanks?|thanked) .{0,120}for (their |its )?(assistance|help|assisting|helping)|"
    r"\bwho (conducted|investigated|handled|led|worked) (on )?the (investigation|case|probe|matter)|"
    r"\b(investigated|handled) (this|the) case\W*$|"
    r"\bresult of (a|an|the) ((coordinated|joint|cooperative|collaborative|multi-agency) )?efforts? (by|of)\b|"
    r"\b(investigation|examination|probe|case|matter)s? (that|which) [^.;]{0,60}\b(was|were|is|has been) "
    r"(jointly )?(conducted|handled|supervised|led) by\b",
    re.IGNORECASE,
)
# Passive subjects of a credit line: "This case was investigated by ...".
CREDIT_SUBJECTS = frozenset({"case", "matter", "investigation", "prosecution", "it"})
CREDIT_HELP_LEMMAS = frozenset({"assist", "assistance", "help"})


def credit_line(tok: Token, sentence: str, *, patient: bool) -> bool:
    """True when an investigation trigger sits in a credit line: its sentence reads as one, or, with no party
    probed, the trigger's subject is the case itself or the clause thanks someone for help."""
    if CREDIT_LINE.search(sentence):
        return True
    if patient:
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
    return any(c.lemma_ in CREDIT_SUBJECTS for c in subjects) or any(
        c.lemma_ in CREDIT_HELP_LEMMAS for c in tok.head.subtree
    )


# "X consented to the entry of a final judgment", "consented to an order to pay a civil penalty", "consented to
# the entry of the Order": a party that consents to the judgment or order resolving the charges against it
# settles them (guidelines: a consent judgment or consent order that resolves charges is a SETTLEMENT). Consent
# to interim relief ("consented to a preliminary injunction") resolves nothing.
CONSENTED_INSTRUMENTS = frozenset(
    {"entry", "judgment", "judgement", "order", "decree", "injunction", "sanction", "sanctions", "issuance"}
)
INTERIM_WORDS = frozenset({"preliminary", "temporary", "interim", "asset", "freeze"})


def consent_to_judgment(tok: Token) -> bool:
    """'consented to the entry of a final judgment' (not 'consented to a preliminary injunction')."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "consent":
        return False
    objects = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    for obj in objects:
        if obj.lemma_.lower() not in CONSENTED_INSTRUMENTS:
            continue
        words = {t.lower_ for t in obj.subtree}
        if not words & INTERIM_WORDS:
            return True
    return False


# Modality: an action the sentence does not report as done. Each frame is a set of governing verbs; the trigger's
# own verb and the verbs it is the complement of ("asks the court to impose penalties": impose <- ask) are read.
# - sought: relief a pleading asks for is not a penalty imposed ("the complaint seeks civil penalties", "asks the
#   court to impose penalties"); a suit's damages stay in its amount, so only fines are dropped.
# - planned: "staff intend to recommend an action", "is considering a lawsuit", "threatened to sue". A fine an
#   authority intends to impose is a proposed FINE (guidelines), so for fines only weighing and recommending count.
# - negated: "did not fine", "declined to investigate", "no lawsuit has been filed".
SOUGHT_VERBS = frozenset({"seek", "ask", "request", "demand", "pray", "petition"})
PLAN_VERBS = frozenset(
    {"intend", "plan", "consider", "weigh", "threaten", "recommend", "mull", "contemplate", "prepare", "vow"}
)
FINE_PLAN_VERBS = frozenset({"consider", "weigh", "threaten", "recommend", "mull", "contemplate"})
REFUSAL_VERBS = frozenset({"decline", "refuse"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
MODAL_CLIMB = 3


def _verb_chain(tok: Token, verb: Token | None) -> list[Token]:
    """The trigger's verb and the verbs it complements, innermost first."""
    cur = tok if tok.pos_ == "VERB" else verb
    chain: list[Token] = []
    for _ in range(MODAL_CLIMB):
        if cur is None:
            break
        chain.append(cur)
        if cur.dep_ not in COMPLEMENT_DEPS or cur.head == cur:
            break
        cur = cur.head
    return chain


def modality(etype: str, tok: Token, verb: Token | None, *, actor_verbs: frozenset[str]) -> str | None:
    """'sought', 'planned' or 'negated' when the sentence does not report the action as taken, else None.

    ``actor_verbs`` are the verbs by which an action is taken ("impose", "file", "launch"): only their
    negation negates the event ("did not contest the fine" still reports a fine)."""
    chain = _verb_chain(tok, verb)
    lemmas = [v.lemma_.lower() for v in chain]
    seeking = lemmas[1:] if tok.pos_ == "VERB" else lemmas  # a verb trigger is not its own frame
    if etype == "FINE" and any(v in SOUGHT_VERBS for v in seeking):
        return "sought"
    plans = FINE_PLAN_VERBS if etype == "FINE" else PLAN_VERBS
    if any(v in plans for v in lemmas):
        return "planned"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "negated"
    if any(v in REFUSAL_VERBS for v in lemmas[1:]):
        return "negated"
    first = chain[0] if chain else None
    if first is not None and any(c.dep_ == "neg" for c in first.children):
        if first == tok or first.lemma_.lower() in actor_verbs:
            return "negated"
    return None


# A probe that a party owes others is conduct, not enforcement: "failed to conduct reasonable investigations of
# consumer disputes", "failing to investigate errors properly", "agreed to investigate disputes submitted by
# consumers". Either the trigger is what a party failed to do, or what it examines is a customer's dispute.
FAILURE_WORDS = frozenset({"fail", "failure", "neglect", "omit"})
OWED_OBJECTS = frozenset({"dispute", "error"})


def owed_probe(tok: Token) -> bool:
    """An investigation that is a party's duty to its customers, not an authority's probe of a party."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "into") for o in p.children]
    if any(o.lemma_.lower() in OWED_OBJECTS for o in objects):
        return True
    # "failed to investigate", "failure to investigate", "failed to conduct investigations" (but not "failed to
    # cooperate with the investigation": the probe is another's)
    done = tok.head if tok.pos_ != "VERB" and tok.dep_ == "dobj" else tok
    return done.dep_ in ("xcomp", "acl") and done.head.lemma_.lower() in FAILURE_WORDS


# "X consented to the Final Judgment", "consented to the entry of the Order": a definite instrument that the
# party consents to is the one the release reported just before ("the court entered a Final Judgment against
# X"); that sentence reports the same settlement, with its status and date.
CONSENT_LOOKBACK_SENTENCES = 3


def consented_instrument(tok: Token) -> str | None:
    """The lemma of the definite judgment, order or decree a consent trigger takes ('the Final Judgment')."""
    if not consent_to_judgment(tok):
        return None
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ != "to":
            continue
        for obj in (o for o in p.children if o.dep_ == "pobj"):
            if obj.lemma_.lower() == "entry":  # "the entry of the Final Judgment"
                obj = next(  # noqa: PLW2901
                    (g for q in obj.children if q.dep_ == "prep" and q.lower_ == "of" for g in q.children), obj
                )
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
                lemma = obj.lemma_.lower()
                return lemma if lemma in CONSENTED_INSTRUMENTS - {"entry", "issuance"} else None
    return None
