"""Role fitting for event mentions: which party can stand in which role, and the size of a suit's class.

Pure helpers of the event stage (``pipeline.events.extractor``): they look only at entity kinds and names, never at
the parse, so they are unit-tested on hand-built inputs.
"""

from __future__ import annotations

import re

from pipeline.events.drafts import CONFIDENCE_LINKED, DocIndex, Draft

# Head words of institutions that act as authorities when the story has them fine or investigate.
INSTITUTION_HEADS = frozenset(
    {
        "board",
        "council",
        "committee",
        "commission",
        "authority",
        "office",
        "agency",
        "tribunal",
        "federation",
        "league",
        "ombudsman",
        "inspectorate",
        "regulator",
        "watchdog",
        "panel",
        "body",
    }
)
# Entity kinds that name no party to an action (statutes, sums, dates).
NON_PARTY_KINDS = frozenset({"LAW", "MONEY", "DATE"})
NUMBER_WORDS = {
    w: float(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
NUMBER_WORDS.update({"twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0, "a": 1.0})
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
# "represents approximately five million Amazon account holders", "on behalf of 12,000 customers"
CLASS_SIZE = re.compile(
    r"\b(represent(s|ing|ed)?|on behalf of|cover(s|ing)?|class of)\s+"
    r"(approximately |about |some |roughly |nearly |more than |over |up to |an estimated )?"
    r"(?P<number>(\d[\d,]*(\.\d+)?|[a-z]+)( (hundred|thousand|million|billion))*)\b",
    re.IGNORECASE,
)


def class_size(text: str) -> int | None:
    """The size of a class a suit represents: 'represents approximately five million account holders' -> 5e6."""
    match = CLASS_SIZE.search(text)
    if match is None:
        return None
    number = match["number"].lower().replace(",", "")
    words = number.split()
    value = float(words[0]) if words[0].replace(".", "", 1).isdigit() else NUMBER_WORDS.get(words[0])
    if value is None:
        return None
    for word in words[1:]:
        value *= SCALE_WORDS[word]
    return int(value)


def institution(name: str) -> bool:
    """'Standards Board', 'Football Association': a body that can act as an authority in a story."""
    words = name.lower().split()
    return bool(words) and words[-1] in INSTITUTION_HEADS


def fit_kinds(
    etype: str, actor: list[int], patient: list[int], draft: Draft, index: DocIndex
) -> tuple[list[int], list[int]]:
    """Put each party where its kind can stand: companies do not fine, courts do not settle."""
    kind = index.type_of
    # A statute is never a party: "will investigate even the most complex allegations ... under the Contract
    # Disputes Act" -- a law the parse hangs on the trigger goes in ``law``, not in a party role.
    actor = [i for i in actor if kind(i) not in NON_PARTY_KINDS]
    patient = [i for i in patient if kind(i) not in NON_PARTY_KINDS]
    courts = [i for i in actor + patient if kind(i) == "COURT"]
    actor = [i for i in actor if kind(i) != "COURT" or etype == "FINE"]
    patient = [i for i in patient if kind(i) != "COURT"]
    if etype == "LAWSUIT":
        draft.add("court", courts)
        return actor, patient
    if etype == "SETTLEMENT":
        # the government side claims, the private side settles the claim against it
        parties = actor + [i for i in patient if i not in actor]
        authorities = [i for i in parties if kind(i) in ("REGULATOR", "GPE")]
        private = [i for i in parties if i not in authorities]
        if authorities and private:
            return authorities, private
    if etype in ("FINE", "INVESTIGATION", "SETTLEMENT"):
        private = [
            i for i in actor if kind(i) in ("ORG", "PERSON", "PUBLIC_BODY") and not institution(index.clusters[i].name)
        ]
        if private and (etype != "SETTLEMENT" or not patient):
            actor = [i for i in actor if i not in private]
            if not patient:
                patient = private
    return actor, patient


# "Union Carbide had sought 162.5 mln dlrs in damages from Consumers Power": news gives the damages a suit
# claims in a sentence of their own, after the one that reports the suit (guidelines: damages go in a
# LAWSUIT's amount).
DAMAGES_SOUGHT = re.compile(
    r"\b(seek(s|ing)?|sought|claim(s|ing|ed)?|demand(s|ing|ed)?|ask(s|ing|ed)? for)\b[^;]{0,80}\bdamages\b|"
    r"\bdamages of\b",
    re.IGNORECASE,
)


def damages_elsewhere(events: list[Draft], index: DocIndex) -> None:
    """Give a suit without an amount the damages that a later sentence of its own says are sought.

    The sentence must be no event's own, name one of the suit's parties and hold one amount; the suit is the
    nearest one before it.
    """
    own = {s for ev in events for s in ev.sentences}
    suits = [e for e in events if e.type == "LAWSUIT"]
    for n, sent in enumerate(index.sents):
        if n in own or not DAMAGES_SOUGHT.search(sent.text):
            continue
        found = index.in_sentence(sent, frozenset({"MONEY", "PERSON", "ORG", "GPE", "REGULATOR", "PUBLIC_BODY"}))
        amounts = [i for i in found if index.type_of(i) == "MONEY"]
        before = [e for e in suits if e.sentences[0] < n]
        if len(amounts) != 1 or not before:
            continue
        suit = max(before, key=lambda e: max(s for s in e.sentences if s < n))
        if not suit.roles.get("amount") and suit.anchors() & set(found):
            suit.add("amount", amounts)


# Agency releases open by naming whom an action is against ("On May 7, 2024, the Bureau issued an order against
# Chime Financial, Inc. (Chime), a financial-technology company ...") and then give its terms by the filing
# alone ("The order requires Chime to ... pay a $3.25 million civil money penalty"), naming the party by a short
# form that may not be linked to it. A penalty or settlement the terms give with no party of its own is the
# lede's party's: every one the lede lists.
LEDE_ACTION = re.compile(
    r"\b(?:issued|entered|filed|brought|announced|took)\s+(?:an?|its|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:order|complaint|lawsuit|action|judgment|settlement)\s+against\s+",
    re.IGNORECASE,
)
# Where the list of parties after "against" ends: an apposition that describes them, a clause, a parenthesis.
LEDE_LIST_END = re.compile(
    r",\s+(?:a|an|which|who|the|its|each|both)\b|\s+(?:for|to|that|because|regarding|alleging|after)\b|"
    r"\((?:collectively|together)|;|\.(?:\s|$)"
)
FILING_TERMS = re.compile(
    r"\b(?:the|this|that)\s+(?:\w+(?:'s|\u2019s)\s+)?(?:(?:proposed|consent|final|stipulated)\s+)*"
    r"(?:order|judgment|complaint|settlement)s?\b",
    re.IGNORECASE,
)
LEDE_SENTENCES = 3
LEDE_PARTY_KINDS = frozenset({"ORG", "PERSON", "PUBLIC_BODY"})
TERM_TYPES = ("FINE", "SETTLEMENT")


def lede_parties(index: DocIndex) -> list[int]:
    """The parties an agency release's lede says its action is against (see ``LEDE_ACTION``), in order."""
    body = [s for s in index.sents if s.start >= index.body_start][:LEDE_SENTENCES]
    for sent in body:
        match = LEDE_ACTION.search(sent.text)
        if match is None:
            continue
        rest = sent.text[match.end() :]
        end = LEDE_LIST_END.search(rest)
        start_char = sent.start_char + match.end()
        end_char = start_char + (end.start() if end else len(rest))
        out: list[int] = []
        for first, idx in index.mentions:
            token = index.doc[first]
            if start_char <= token.idx < end_char and index.type_of(idx) in LEDE_PARTY_KINDS and idx not in out:
                out.append(idx)
        return out
    return []


def fill_terms_from_lede(drafts: list[Draft], index: DocIndex) -> None:
    """Give a penalty or settlement that the filing's terms state without a party the lede's parties."""
    patient_role = {"FINE": "target", "SETTLEMENT": "defendant"}
    orphans = [
        d
        for d in drafts
        if d.type in TERM_TYPES
        and not d.roles.get(patient_role[d.type])
        and any(FILING_TERMS.search(index.sents[s].text) for s in d.sentences)
    ]
    if not orphans:
        return
    parties = lede_parties(index)
    for draft in orphans:
        if parties:
            draft.infer(patient_role[draft.type], parties, "lede_party")
            draft.confidence = max(draft.confidence, CONFIDENCE_LINKED)
