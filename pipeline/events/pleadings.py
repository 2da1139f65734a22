"""What a suit's pleading says, read from the sentences after the one that reports the suit.

Releases and news report a suit in one sentence and give its content in the next ones, each opened by a
definite mention of the pleading: "The Justice Department filed its complaint in 2004. The complaint alleged
that the NYCTA violated Title VII ...", "The complaint names the Bryan Company; Bryan Construction ...". Such a
sentence reports no new action (the pleading is the suit already reported): it names the suit's defendants
(who it alleges broke the law, or whom it names) and the laws the suit invokes.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from pipeline.events.drafts import DEFINITE, DocIndex, Draft
from pipeline.events.syntax import expand_conjuncts

# A pleading mentioned as such: "the complaint", "the lawsuit", "the department's suit".
PLEADING_NOUNS = frozenset({"complaint", "lawsuit", "suit"})
# Verbs by which a pleading states what the defendant did: "the complaint alleges that X violated ...".
ALLEGING_VERBS = frozenset({"allege", "claim", "contend", "assert", "charge", "accuse"})
# Verbs by which a pleading lists its defendants: "the complaint names X, Y and Z".
NAMING_VERBS = frozenset({"name"})
# How far back (sentences) the suit a pleading mention continues may be reported.
PLEADING_REACH = 3
# Entity kinds a pleading can accuse or name.
ACCUSED_TYPES = frozenset({"ORG", "PERSON", "GPE", "PUBLIC_BODY"})

Resolver = Callable[[Token, Span, DocIndex], list[int]]


def _pleading_verb(sdoc: Doc) -> Token | None:
    """The verb of a definite pleading subject ('The complaint alleged ...'), or None."""
    for tok in sdoc:
        if tok.lemma_.lower() not in PLEADING_NOUNS or tok.dep_ != "nsubj":
            continue
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in tok.children):
            continue  # "a complaint alleged" is another pleading
        verb = tok.head
        if verb.lemma_.lower() in ALLEGING_VERBS | NAMING_VERBS:
            return verb
    return None


def _accused(verb: Token) -> list[Token]:
    """The parties a pleading alleges something of: the subjects of the clause it alleges."""
    clauses = expand_conjuncts([c for c in verb.children if c.dep_ == "ccomp"])
    return [c for clause in clauses for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def add_pleading_details(
    drafts: list[Draft], parsed: list[tuple[Span, Doc]], index: DocIndex, *, resolve: Resolver
) -> None:
    """Give the latest suit reported before (or in) a pleading sentence the parties and laws it states.

    Parties fill the suit's defendants when the suit has none (or always, for a list the pleading names);
    the laws are added to the suit's."""
    suits = [d for d in drafts if d.type == "LAWSUIT"]
    if not suits:
        return
    for sent, sdoc in parsed:
        verb = _pleading_verb(sdoc)
        if verb is None:
            continue
        sent_no = index.sentence_of(sent.start)
        near = [d for d in suits if sent_no - PLEADING_REACH <= d.sentences[0] <= sent_no]
        if not near:
            continue
        suit = max(near, key=lambda d: d.sentences[0])
        plaintiffs = set(suit.roles.get("plaintiff", []))
        if verb.lemma_.lower() in NAMING_VERBS:  # a list of names, often in semicolons the parse cannot follow
            found = [idx for start, idx in index.mentions if sent.start + verb.i < start < sent.end]
        else:
            found = [i for t in _accused(verb) for i in resolve(t, sent, index)]
        accused = [i for i in dict.fromkeys(found) if index.type_of(i) in ACCUSED_TYPES and i not in plaintiffs]
        if accused and (verb.lemma_.lower() in NAMING_VERBS or not suit.roles.get("defendant")):
            suit.add("defendant", accused)
        suit.add("law", index.in_sentence(sent, frozenset({"LAW"})))
