"""Enforcement listings: a supervisor's release that lists its actions as 'party line, instrument line' pairs.

A banking supervisor announces routine actions in a fixed layout ("The Board on Tuesday announced the execution
of the enforcement actions listed below:"), then for each action one line naming the parties, each as
"Name, City, State" joined by commas and "and", and one line naming the instrument and its date ("Written
Agreement dated June 28, 2023", "Cease and Desist Order dated ...", "Flood insurance violations, civil money
penalty, dated ..."). The lines have no verbs, so the prose reading finds nothing in them; read as a listing,
each pair is one event of the instrument's kind against the parties named, by the agency that announces it.

- A written agreement with a supervisor resolves its findings by agreement: a ``SETTLEMENT``, ``agreed``.
- A cease and desist order that the supervisor issues with the party's consent is in force: ``SETTLEMENT``,
  ``approved``.
- A civil money penalty is a ``FINE`` (guidelines), ``imposed`` by the order that assesses it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.events.captions import _clusters_in
from pipeline.events.drafts import DocIndex, Draft
from pipeline.values import normalize_date

# The sentence that opens a listing; the listing runs from there to the end of the body.
LISTING_HEADER = re.compile(r"\benforcement actions?\s+(?:is\s+|are\s+)?listed below\b:?", re.IGNORECASE)
# Instruments, each with its event type and status. Cleaning joins the listing's lines (they end without
# punctuation), so an instrument is found by its words, and the party text is what lies between two of them.
# A penalty's line names its subject matter first ("Flood insurance violations, civil money penalty").
INSTRUMENT = re.compile(
    r"(?P<agreement>(?i:written agreement))|(?P<order>(?i:(?:consent\s+)?cease[- ]and[- ]desist order))|"
    r"(?P<penalty>(?:[A-Z][a-z]+(?:\s+[a-z]+){0,4},?\s+)?(?i:civil money penalty))"
)
KINDS = {"agreement": ("SETTLEMENT", "agreed"), "order": ("SETTLEMENT", "approved"), "penalty": ("FINE", "imposed")}
# The instrument's date: "Written Agreement dated June 28, 2023", "civil money penalty, dated ...",
# "Cease and desist order, May 1, 2023".
DATED = re.compile(r"[.,]?\s*(?:dated\s+)?(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\.?")
# A party named in the instrument's own line: "Consent cease and desist order against Lindsay Graves".
AGAINST = re.compile(r"\s+against\s+")
AGAINST_CHARS = 60
# "Name, City, State" items of the party text, joined by commas and "and". A name may hold a comma before its
# legal form ("Peoples-Marion Bancorp, Inc.", "Pedcor Financial, LLC").
LEGAL_FORM = r"(?:Inc|LLC|L\.L\.C|Corp|Co|Ltd|N\.A|LP|L\.P)\.?"
PARTY_ITEM = re.compile(
    rf"(?:\A\s*|[,;]\s*|\s+)(?:and\s+)?(?P<name>[^,;\n]+?(?:,\s*{LEGAL_FORM})*),\s*[A-Z][^,;\n]*?,\s*"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*(?:[,;]|\band\b|\Z))"
)
PARTY_KINDS = frozenset({"ORG", "PERSON", "PUBLIC_BODY"})
AUTHORITY_KINDS = frozenset({"REGULATOR"})
# Where a listing ends: the links to the orders themselves, or the header of another listing (the actions a
# release announces as terminated are old ones, not its news).
TRAILER = re.compile(r"\bAttachment\b|\bFor media inquiries\b|" + LISTING_HEADER.pattern, re.IGNORECASE)


def party_names(text: str) -> list[tuple[int, int]]:
    """Character spans of the names in party text ('A, Carmel, Indiana, and B, Inc., Evansville, Indiana')."""
    return [m.span("name") for m in PARTY_ITEM.finditer(text)]


def listing_events(doc: Doc, index: DocIndex) -> list[Draft]:
    """One draft per (party text, instrument) pair of the listing that follows the header, if any."""
    text_start = doc._.text_start or 0
    text = doc.text
    header = LISTING_HEADER.search(text, text_start)
    if header is None:
        return []
    authority = _clusters_in(text_start, header.end(), AUTHORITY_KINDS, index)[:1]
    trailer = TRAILER.search(text, header.end())
    end = trailer.start() if trailer else len(text)
    out: list[Draft] = []
    pos = header.end()
    for match in INSTRUMENT.finditer(text, header.end(), end):
        kind = next(k for k, v in match.groupdict().items() if v)
        parties_text = text[pos : match.start()]
        parties = [i for a, b in party_names(parties_text) for i in _clusters_in(pos + a, pos + b, PARTY_KINDS, index)]
        pos = match.end()
        dated = DATED.match(text, pos, end)
        date = None
        if dated is not None:
            date = normalize_date(dated["date"], published=doc._.published)
            pos = dated.end()
        against = AGAINST.match(text, pos, end)
        if against is not None:
            parties = _clusters_in(against.end(), min(against.end() + AGAINST_CHARS, end), PARTY_KINDS, index)[:1]
        draft = _draft(KINDS[kind], match, list(dict.fromkeys(parties)), authority, date, index)
        if draft is not None:
            out.append(draft)
    return out


def _draft(
    found: tuple[str, str],
    match: re.Match[str],
    parties: list[int],
    authority: list[int],
    date: str | None,
    index: DocIndex,
) -> Draft | None:
    if not parties:
        return None
    span = index.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None:
        return None
    etype, status = found
    sent_no = index.sentence_of(span.start)
    draft = Draft(type=etype, sentences=[sent_no])
    draft.add("target" if etype == "FINE" else "defendant", parties)
    draft.add("authority" if etype == "FINE" else "claimant", authority)
    draft.set_status(status, sentence=sent_no)
    draft.status_fixed = True
    draft.set_date(date, sentence=sent_no if date else None)
    return draft


def replace_listed_drafts(drafts: list[Draft], listed: list[Draft]) -> list[Draft]:
    """A listing's lines are read as a listing: what the prose reading found in them gives way to its events."""
    sentences = {s for d in listed for s in d.sentences}
    return listed + [d for d in drafts if not set(d.sentences) & sentences]
