"""Case captions: the 'Plaintiff v. Defendants, No. ... (Court)' line that heads a litigation release.

A caption names a lawsuit's parties and court in a fixed order: the plaintiff before 'v.', the defendants
after it up to the docket number ('No.', 'Civil Action No.', 'Case No.') or the court in parentheses,
listed with commas and 'and'; 'et al.' closes a list that goes on elsewhere and 'Relief Defendants' are
not defendants (they hold money, they are not accused). Read as prose, a caption yields junk parties
('Civil Action No'); read as a caption, it is one LAWSUIT with every defendant it lists.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.events.drafts import DocIndex, Draft
from pipeline.values import normalize_date

# "Securities and Exchange Commission v. A, B and C Ltd., Civil Action No. 1:19-cv-1 (S.D.N.Y., filed May 1, 2019)"
CAPTION = re.compile(
    r"(?P<plaintiff>\b[A-Z][\w.,&' ]{1,80}?)\s+v\.\s+(?P<defendants>[^()]{2,600}?)"
    r"(?P<tail>,?\s*(?:Civ(?:il|\.)\s+Action|Case|Misc\.|Civ\.)?\s*No\b|"
    r",\s*\d{1,2}(?:[:\s-]?\d{2})?[-\s]?(?:cv|civ|Civ)\b|\s*\()"
)
# Where the defendants' list stops before the docket: "..., Defendants, and X, Relief Defendants".
LIST_END = re.compile(r",?\s*\b(?:Defendants?\b|et al\b)", re.IGNORECASE)
# "(S.D. Ohio)", "(N.D. Tex., filed January 25, 2019)", "(E.D.N.Y. filed Feb. 16, 2018)"
FILED = re.compile(r"\bfiled\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})")
# A criminal case's docket ("No. 1:17-cr-00452", "Case No. 2:08-CR-20674", "Criminal No. 19-10"): a prosecution,
# which is no lawsuit (guidelines: civil suits, class actions, governments suing a party).
CRIMINAL_DOCKET = re.compile(r"\bcr\b|-cr-|\bcrim(?:inal)?\b", re.IGNORECASE)
# The caption opens the body, perhaps after a release number and its date ("Litigation Release No. 19862 /
# October 11, 2006").
CAPTION_WINDOW_CHARS = 200
PLAINTIFF_KINDS = frozenset({"REGULATOR", "GPE", "ORG", "PUBLIC_BODY"})
DEFENDANT_KINDS = frozenset({"ORG", "PERSON", "PUBLIC_BODY", "GPE"})
TAIL_CHARS = 120


def caption_suits(doc: Doc, index: DocIndex) -> list[Draft]:
    """One LAWSUIT per caption at the top of the body: plaintiff, listed defendants and filing date."""
    text_start = doc._.text_start or 0
    body = doc.text[text_start:]
    out: list[Draft] = []
    pos = 0
    while True:
        match = CAPTION.search(body, pos)
        if match is None or match.start() > (CAPTION_WINDOW_CHARS if not out else pos + TAIL_CHARS):
            return out
        pos = match.end()
        draft = _caption_draft(match, text_start, doc, index)
        if draft is not None:
            out.append(draft)


def _clusters_in(start: int, end: int, kinds: frozenset[str], index: DocIndex) -> list[int]:
    """Entities with a mention wholly inside the characters [start, end), in text order."""
    doc = index.doc
    out: list[int] = []
    for first, idx in index.mentions:
        token = doc[first]
        if start <= token.idx < end and index.type_of(idx) in kinds and idx not in out:
            mention = next(m for m in index.clusters[idx].mentions if m.start == first)
            if mention.end_char <= end:
                out.append(idx)
    return out


def _caption_draft(match: re.Match[str], offset: int, doc: Doc, index: DocIndex) -> Draft | None:
    tail = doc.text[offset + match.start("tail") : offset + match.end() + TAIL_CHARS].split("\n")[0]
    if CRIMINAL_DOCKET.search(tail.split(")")[0]):
        return None
    plaintiff = _clusters_in(offset + match.start("plaintiff"), offset + match.end("plaintiff"), PLAINTIFF_KINDS, index)
    listed = match["defendants"]
    stop = LIST_END.search(listed)
    end = match.start("defendants") + (stop.start() if stop else len(listed))
    defendants = _clusters_in(offset + match.start("defendants"), offset + end, DEFENDANT_KINDS, index)
    defendants = [i for i in defendants if i not in plaintiff]
    if not plaintiff or not defendants:
        return None
    span = doc.char_span(offset + match.start(), offset + match.end(), alignment_mode="expand")
    if span is None:
        return None
    sent_no = index.sentence_of(span.start)
    draft = Draft(type="LAWSUIT", sentences=[sent_no])
    draft.add("plaintiff", plaintiff)
    draft.add("defendant", defendants)
    filed = FILED.search(tail)
    if filed is not None:
        value = normalize_date(filed["date"], published=doc._.published)
        draft.set_date(value, sentence=sent_no if value else None)
        draft.set_status("filed", sentence=sent_no)
    return draft


def replace_caption_drafts(drafts: list[Draft], captions: list[Draft]) -> list[Draft]:
    """A caption's sentence is read as a caption: a suit the prose reading found in it that shares no party
    with the caption's suit ("Civil Action No" as a defendant) gives way to it."""
    sentences = {s for c in captions for s in c.sentences}
    parties = {i for c in captions for i in c.anchors()}
    kept = [
        d for d in drafts if not (d.type == "LAWSUIT" and set(d.sentences) <= sentences and not d.anchors() & parties)
    ]
    return captions + kept
