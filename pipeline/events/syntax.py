"""Pure functions over a dependency parse: who did what to whom around an event trigger.

Each function takes spaCy tokens of a parsed sentence and returns tokens; the event
stage maps those tokens to the document's entities. Kept free of any state so
that each rule can be unit-tested on hand-built sentences.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import ENT_IOB
from spacy.tokens import Doc, Span, Token

# Verbs whose subject acts on the event's party (imposes the fine, files the suit, opens the probe).
ACTOR_VERBS = frozenset(
    {
        "impose", "issue", "levy", "hand", "slap", "announce", "propose", "seek", "order", "assess", "file",
        "bring", "launch", "lodge", "open", "start", "begin", "conduct", "initiate", "take", "recommend",
        "obtain", "secure", "win", "hit", "demand", "pursue", "reopen", "lead", "carry",
    }
)  # fmt: skip
# Verbs whose subject causes a penalty that falls on their indirect object ("landed the network a fine").
CAUSING_VERBS = frozenset({"land", "earn", "cost"})
# Verbs whose subject presides over an inquiry or hearing for the body that holds it ("who chaired the inquiry").
PRESIDING_VERBS = frozenset({"chair", "preside", "head", "oversee"})
# Verbs by which a court gives relief to the party that asked for it: "granted X an injunction".
GRANT_VERBS = frozenset({"grant", "award"})
# Verbs whose subject is the party the event is against (faces the fine, pays the penalty).
PATIENT_VERBS = frozenset(
    {
        "face", "receive", "pay", "incur", "get", "appeal", "challenge", "contest", "accept", "avoid",
        "escape", "dispute", "fight", "settle", "agree", "owe", "suffer", "lose", "deny", "reject",
    }
)  # fmt: skip
# "X will pay Y $N in settlement of a suit", "paid the SEC a $5m penalty": Y is who claimed the payment.
PAYMENT_VERBS = frozenset({"pay"})
# A trigger can win an appeal against it: "X won an appeal against a fine" -> X is the party.
APPEAL_NOUNS = frozenset({"appeal", "challenge", "bid", "fight", "case"})
# "ordered X to pay": the object does the paying; "agreed to pay X": the subject does.
OBJECT_CONTROL_VERBS = frozenset(
    {"order", "require", "direct", "force", "compel", "ask", "allow", "permit", "instruct", "urge"}
)
# Participles that name the accused party of a suit: "a complaint charging X with ...".
ACCUSING_VERBS = frozenset({"charge", "accuse", "allege", "name", "target"})
CURRENCY_WORDS = frozenset(
    {"euro", "dollar", "pound", "franc", "yen", "yuan", "krona", "krone", "rupee", "million", "billion"}
)
# What a suit "alleges that X did": X is the party sued.
CLAIMING_VERBS = frozenset({"allege", "claim", "charge", "contend", "assert", "accuse"})
# "asked a federal court to bar X from ...": a suit whose defendant is the object of the relief sought.
RELIEF_VERBS = frozenset({"bar", "enjoin", "order", "prohibit", "stop", "shut", "halt", "block", "force", "require"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# How a collective noun lists its members: "the defendants, which include A and B", "firms such as A".
LISTING_PREPS = frozenset({"including", "include", "like"})
LISTING_VERBS = frozenset({"include", "comprise", "be"})
CLIMB_DEPS = frozenset(
    {
        "prep",
        "pobj",
        "dobj",
        "compound",
        "amod",
        "attr",
        "appos",
        "nmod",
        "conj",
        "npadvmod",
        "dative",
        "oprd",
    }
)
MAX_CLIMB = 5


@dataclass
class RoleTokens:
    """Tokens found for the two sides of an event: who acts (authority/plaintiff) and who is acted on."""

    actor: list[Token] = field(default_factory=list)
    patient: list[Token] = field(default_factory=list)
    counterpart: list[Token] = field(default_factory=list)  # "settlement with X": either side
    possessor: list[Token] = field(default_factory=list)  # "SDBN's legal action", "the SEC's probe"
    recipient: list[Token] = field(default_factory=list)  # "will pay Union Carbide $39m in settlement of a suit"
    governing_verb: Token | None = None


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token`` ('fine against X' -> X)."""
    out: list[Token] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def agent_objects(verb: Token) -> list[Token]:
    """'... imposed by the regulator' -> regulator."""
    out: list[Token] = []
    for agent in verb.children:
        if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
            out.extend(c for c in agent.children if c.dep_ == "pobj")
    return out


def is_passive(verb: Token) -> bool:
    """'X was fined', and a participle conjoined to a passive verb that shares its auxiliary ('X was sentenced
    to prison and fined $5,000')."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        return False
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children):
        return False
    # the tagger often reads the shared participle as a past tense: then only an amount may be its "object"
    # ("was sentenced to jail and fined 11,000 dlrs"); a real object makes it active ("was acquired and sued Y")
    objects = children(verb, "dobj")
    return verb.tag_ == "VBN" or all(
        o.like_num or any(c.dep_ == "nummod" or c.like_num for c in o.children) for o in objects
    )


def passive_patients(verb: Token) -> list[Token]:
    """Who a passive verb acts on: its own subject, else the subject it shares with the verb it is conjoined to
    ('Wenger accused X of cheating and was fined', 'X was sentenced to jail and fined $5,000')."""
    own = children(verb, "nsubjpass")
    if own or verb.dep_ != "conj":
        return own
    shared = children(verb.head, "nsubjpass", "nsubj")
    if shared:
        return shared[:1]
    subj = subject_of(verb.head)
    return [subj] if subj is not None else []


def shared_agents(verb: Token) -> list[Token]:
    """The 'by' phrase of a passive verb, or of the passive verbs conjoined to it, which share it: 'was fined
    £15,000 and reprimanded by the FA'."""
    own = agent_objects(verb)
    if own:
        return own
    return [a for c in verb.children if c.dep_ == "conj" and is_passive(c) for a in agent_objects(c)]


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, following control ('X agreed to pay' -> X; 'ordered X to pay' -> X)."""
    seen = 0
    while seen < MAX_CLIMB:
        subj = children(verb, *SUBJECT_DEPS)
        if subj:
            return subj[0]
        if verb.dep_ == "relcl":
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if infinitive and verb.head.head.pos_ in ("VERB", "AUX"):  # "pay $25 million to settle ..."
                verb = verb.head.head
                seen += 1
                continue
            return verb.head
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl") and verb.head != verb:
            objects = children(verb.head, "dobj")
            if verb.dep_ == "xcomp" and objects and verb.head.lemma_ in OBJECT_CONTROL_VERBS:
                return objects[0]
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def listed_members(token: Token) -> list[Token]:
    """The parties a collective noun lists: 'defendants, which include A, B and C', 'companies including A'.

    Only plural common nouns list members ('the defendants', 'several companies'); a named party's
    'including' phrase is about something else ('Acme, including its subsidiaries').
    """
    if token.pos_ != "NOUN" or token.tag_ not in ("NNS", "NNPS"):
        return []
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in LISTING_PREPS:  # "companies including A and B"
            out += children(child, "pobj")
        elif child.dep_ == "relcl" and child.lemma_ in LISTING_VERBS:  # "defendants, which include A"
            out += children(child, "dobj", "attr")
    return out


def expand_conjuncts(tokens: list[Token]) -> list[Token]:
    """'X and Y' -> [X, Y], in order, without duplicates; a collective noun adds the members it lists."""
    out: list[Token] = []
    stack = list(tokens)
    while stack:
        tok = stack.pop(0)
        if tok in out:
            continue
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
        stack.extend(listed_members(tok))
    return out


# Verb forms the parser uses as prepositions that list the parts of a sum: "ordered him to pay $945,078, including
# $620,078 in disgorgement and a $325,000 civil penalty": the penalty is paid, not included.
LISTING_PREPS = frozenset({"include"})


def _lists_a_sum(token: Token) -> bool:
    """'including $620,078 in disgorgement and ...': a verb form used as a preposition whose object is an amount."""
    return (
        token.dep_ == "prep"
        and token.lemma_ in LISTING_PREPS
        and any(c.dep_ == "pobj" and c.like_num for c in token.children)
    )


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun trigger, climbing through prepositions and objects."""
    cur = token
    for _ in range(MAX_CLIMB):
        if cur.dep_ == "ROOT" and cur.pos_ not in ("VERB", "AUX"):
            return None
        if cur.dep_ not in CLIMB_DEPS and cur.dep_ not in SUBJECT_DEPS:
            return cur.head if cur.head.pos_ in ("VERB", "AUX") and cur.head != cur else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and not _lists_a_sum(cur):
            return cur
    return None


def verb_trigger_roles(verb: Token) -> RoleTokens:
    """Roles around a verb trigger: 'Y fined X', 'X was fined by Y', 'X sued Y', 'Y is investigating X'."""
    roles = RoleTokens(governing_verb=verb)
    if is_passive(verb):
        roles.patient = passive_patients(verb)
        roles.actor = shared_agents(verb)
    else:
        subj = subject_of(verb)
        roles.actor = [subj] if subj is not None else []
        objects = children(verb, "dobj")
        roles.patient = objects + children(verb, "dative")
        # "fined Google 50 million euros": the party hangs off the amount
        roles.patient += [
            c
            for o in objects
            if o.like_num or o.pos_ in ("NUM", "SYM") or o.lemma_ in CURRENCY_WORDS
            for c in o.children
            if c.dep_ in ("nmod", "dative", "compound") and c.pos_ == "PROPN"
        ]
        roles.patient += prep_objects(verb, {"into"})
    roles.counterpart = prep_objects(verb, {"with"})
    return roles


def court_request_roles(verb: Token) -> RoleTokens:
    """'The United States has asked a federal court to permanently bar Ophelia Kelley from ...'."""
    roles = RoleTokens(governing_verb=verb)
    subj = subject_of(verb)
    roles.actor = [subj] if subj is not None else []
    for clause in verb.children:
        if clause.dep_ in ("xcomp", "ccomp", "advcl") and clause.lemma_ in RELIEF_VERBS | OVERTURNING_VERBS:
            for obj in children(clause, "dobj"):
                roles.patient.append(obj)
                if obj.pos_ == "NOUN":  # "to block the merger of A and B", "to overturn the FCC's ruling"
                    roles.patient += prep_objects(obj, {"of"}) if obj.lemma_ not in DECISION_NOUNS else []
                    roles.patient += [
                        c
                        for c in obj.children
                        if c.dep_ == "poss"
                        or (c.dep_ == "compound" and c.pos_ == "PROPN" and obj.lemma_ in DECISION_NOUNS)
                    ]
    return roles


# A court asked to undo a decision hears a suit against whoever made it: "petitioned the court to overturn the
# FCC's ruling".
OVERTURNING_VERBS = frozenset({"overturn", "reverse", "annul", "vacate"})
DECISION_NOUNS = frozenset({"ruling", "decision", "order"})


def is_court_request(verb: Token) -> bool:
    """'asked / petitioned a court to bar X', 'petitioned the court to overturn the FCC's ruling': the filing
    of a civil suit for an injunction, or against a decision."""
    if verb.lemma_ not in ("ask", "petition", "request", "urge", "move"):
        return False
    courts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in ("court", "judge")]
    return bool(courts) and any(
        c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_ in RELIEF_VERBS | OVERTURNING_VERBS for c in verb.children
    )


def noun_trigger_roles(noun: Token) -> RoleTokens:
    """Roles around a noun trigger: 'a fine against X imposed by Y', 'X faced a fine', 'Y's probe of X'."""
    roles = RoleTokens()
    roles.patient += prep_objects(noun, {"against", "on", "into", "of", "over", "upon"})
    roles.actor += prep_objects(noun, {"by", "from"})
    roles.counterpart += prep_objects(noun, {"with"})
    for child in noun.children:
        if child.dep_ == "poss":
            roles.possessor.append(child)
        elif child.dep_ == "acl":  # "a fine imposed by Y on X", "a lawsuit filed by Y against X"
            roles.actor += agent_objects(child)
            roles.patient += prep_objects(child, {"against", "on", "into", "upon"})
            if child.lemma_ in RELIEF_VERBS | {"prevent", "forbid"}:  # "an injunction prohibiting X from ..."
                roles.patient += children(child, "dobj")
            if child.lemma_ in ACCUSING_VERBS:  # "a complaint charging X with ..."
                roles.patient += children(child, "dobj")
            if child.lemma_ in CLAIMING_VERBS:  # "a complaint alleging that X violated ..."
                roles.patient += claimed_subjects(child)
        elif child.dep_ == "advcl" and child.lemma_ in ACCUSING_VERBS:
            roles.patient += children(child, "dobj")
        elif child.dep_ == "relcl" and child.lemma_ in CLAIMING_VERBS:  # "a complaint which alleged that X ..."
            roles.patient += claimed_subjects(child)
        elif child.dep_ == "relcl":  # "a penalty Amazon faced from Y", "the fine the regulator imposed"
            rel_subjects = children(child, "nsubj")
            if child.lemma_ in PATIENT_VERBS:
                roles.patient += rel_subjects
                roles.actor += prep_objects(child, {"from", "by"})
            elif child.lemma_ in ACTOR_VERBS:
                roles.actor += rel_subjects
                roles.patient += prep_objects(child, {"on", "against", "upon"})
    verb = governing_verb(noun)
    roles.governing_verb = verb
    if verb is None:
        return roles
    # "X won an appeal against a fine": the party is whoever appeals
    path_nouns = {t.lemma_ for t in _path(noun, verb)}
    subj = subject_of(verb)
    if verb.lemma_ in GRANT_VERBS:
        # "the court granted Baird a restraining order against X", "X was granted an injunction": whoever is
        # granted the relief asked for it; the court that grants it is no party (it fills ``court``)
        if is_passive(verb) and noun.dep_ != "nsubjpass":
            roles.actor += children(verb, "nsubjpass")
            roles.counterpart += agent_objects(verb)
        else:
            roles.actor += children(verb, "dative")
            roles.counterpart += [s for s in [subject_of(verb)] if s is not None]
        roles.patient += prep_objects(verb, {"against"})
        return roles
    if is_passive(verb) and noun.dep_ != "nsubjpass":
        subj_tokens = children(verb, "nsubjpass")
        if verb.lemma_ in ACTOR_VERBS or verb.lemma_ in {"hit", "slap", "fine", "order"}:
            roles.patient += subj_tokens
        roles.actor += agent_objects(verb)
    elif noun.dep_ in ("nsubj", "nsubjpass"):
        roles.patient += prep_objects(verb, {"against", "on", "into"})
        roles.actor += agent_objects(verb)
        if verb.lemma_ in CLAIMING_VERBS:  # "the lawsuit alleges that the company ..." -> the company
            roles.patient += [s for c in verb.children if c.dep_ == "ccomp" for s in children(c, "nsubj", "nsubjpass")]
    elif verb.lemma_ in CAUSING_VERBS and children(verb, "dative"):
        # "the outburst landed the network a fine", "earned him a fine": the subject is the cause, the dative
        # the party
        roles.patient += children(verb, "dative")
    elif subj is not None and verb.lemma_ == "have" and _against_named(noun):
        # "Acme has a suit pending against Widget": the party that has an action against another brings it
        roles.actor.append(subj)
    elif subj is not None and verb.lemma_ in PRESIDING_VERBS:
        pass  # "Lord X, who chaired the inquiry": the person presiding is neither the body nor the party probed
    elif subj is not None:
        if path_nouns & APPEAL_NOUNS or verb.lemma_ in PATIENT_VERBS:
            roles.patient.append(subj)
        elif verb.lemma_ in ACTOR_VERBS:
            roles.actor.append(subj)
            roles.patient += children(verb, "dative")
        else:
            roles.counterpart.append(subj)
    roles.patient += prep_objects(verb, {"against", "on", "upon", "into"})
    roles.counterpart += prep_objects(verb, {"with"})
    if verb.lemma_ in PAYMENT_VERBS:  # the payee of a settlement or penalty is the side that claimed it
        roles.recipient += children(verb, "dative")
    for clause in verb.children:  # "filed a lawsuit ..., charging the PRDOJ with discrimination"
        if clause.dep_ in ("advcl", "xcomp", "conj") and clause.lemma_ in ACCUSING_VERBS:
            roles.patient += children(clause, "dobj")
    return roles


def _against_named(noun: Token) -> bool:
    """A named party (no pronoun) that the action is against: 'a suit against X', 'a suit pending against X'."""
    against = prep_objects(noun, {"against"})
    against += [o for c in noun.children if c.dep_ in ("acl", "amod") for o in prep_objects(c, {"against"})]
    return bool(against) and all(o.pos_ != "PRON" for o in against)


def claimed_subjects(verb: Token) -> list[Token]:
    """Who a suit says did wrong: the active subjects of what it alleges.

    'alleged that Coltec violated the CAA ... and that NASSCO violated the CAA' -> Coltec, NASSCO. Passive
    subjects are left out: 'alleges that Ms. Smith was harassed' names the victim, not the party sued.
    """
    out: list[Token] = []
    for clause in children(verb, "ccomp"):
        clauses = [clause]
        clauses += [t for t in clause.subtree if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and children(t, "mark")]
        for c in clauses:
            out += children(c, "nsubj")
    return out


def _path(start: Token, end: Token) -> list[Token]:
    out: list[Token] = []
    cur = start
    while cur != end and cur.head != cur and len(out) < MAX_CLIMB:
        cur = cur.head
        out.append(cur)
    return out


def attached(token: Token, target: Token, *, max_steps: int = 3) -> bool:
    """True when ``target`` is ``token`` or one of its first ``max_steps`` heads. Tokens are compared by
    value: spaCy makes a new ``Token`` object at every access, so identity (``is``) never holds."""
    cur = token
    for _ in range(max_steps + 1):
        if cur == target:
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


# --- Copying sentences out of a long document --------------------------------------------------------


@dataclass(frozen=True)
class _DocArrays:
    """What every copied sentence of one document needs, computed once per document."""

    head: list[Any]
    array: Any
    ents: list[Span]
    ent_starts: list[int]


def _doc_arrays(doc: Doc) -> _DocArrays:
    head = list(doc._get_array_attrs())
    ents = list(doc.ents)
    return _DocArrays(head=head, array=doc.to_array(head), ents=ents, ent_starts=[e.start for e in ents])


def _span_ents(span: Span, arrays: _DocArrays) -> list[Span]:
    """``span.ents`` (entities wholly inside the span, stopping at the first that runs past its end) by bisection
    instead of a walk over every entity of the document."""
    out = []
    for ent in arrays.ents[bisect_left(arrays.ent_starts, span.start) :]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def _span_as_doc(span: Span, arrays: _DocArrays) -> Doc:
    """``span.as_doc()`` (spaCy 3.8), same result, in time linear in the span: the stock method converts the
    whole document to an array and lists all its entities once per span, quadratic over a long article."""
    doc = Doc(span.doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
    array = arrays.array[span.start : span.end].copy()
    original: Any = span  # spaCy's private helper of as_doc (not in its type stubs)
    original._fix_dep_copy(arrays.head, array)
    if len(array) > 0 and ENT_IOB in arrays.head:
        column = arrays.head.index(ENT_IOB)
        if array[0][column] == 1:
            array[0][column] = 3
    doc.from_array(arrays.head, array)
    span_ents = {(ent.start, ent.end) for ent in _span_ents(span, arrays)}
    doc_ents = doc.ents
    if len(doc_ents) > 0:
        if (doc_ents[0].start + span.start, doc_ents[0].end + span.start) not in span_ents:
            doc.set_ents([], missing=[doc_ents[0]], default="unmodified")
        if (doc_ents[-1].start + span.start, doc_ents[-1].end + span.start) not in span_ents:
            doc.set_ents([], missing=[doc_ents[-1]], default="unmodified")
    source: Any = span.doc
    copy: Any = doc
    copy.noun_chunks_iterator = source.noun_chunks_iterator
    doc.user_hooks = source.user_hooks
    doc.user_span_hooks = source.user_span_hooks
    doc.user_token_hooks = source.user_token_hooks
    if source.vocab.vectors.size or "vector" in source.user_span_hooks or "vector" in source.user_token_hooks:
        doc.vector = span.vector
        doc.vector_norm = span.vector_norm
    else:  # what span.vector gives without a vector lookup per token: a model without vectors has only zeros
        copy.vector = numpy.zeros((source.vocab.vectors_length,), dtype="f")
        doc.vector_norm = 0.0
    doc.tensor = source.tensor[span.start : span.end]
    for key, value in source.cats.items():
        if hasattr(key, "__len__") and len(key) == 3 and key[:2] == (span.start_char, span.end_char):
            doc.cats[key[2]] = value
    return doc


def sentence_docs(spans: list[Span]) -> list[Doc]:
    """``[span.as_doc() for span in spans]`` in time linear in the documents' length (see ``_span_as_doc``)."""
    arrays: dict[int, _DocArrays] = {}
    docs = []
    for span in spans:
        key = id(span.doc)
        if key not in arrays:
            arrays[key] = _doc_arrays(span.doc)
        docs.append(_span_as_doc(span, arrays[key]))
    return docs

