"""Company names by their legal form: capitalised words ending in a corporate suffix.

"Zen Magnets LLC", "Nebraska Beef Ltd.", "Ark Rustic Inn LLC": the small model's NER
misses many small companies that a press release names only this way, yet a legal
suffix after capitalised words is one of the most reliable signals a name gives. The
component runs before the NER, which keeps the spans it sets.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.entities.names import LEGAL_FORMS

# Capitalised words that start a sentence or a title rather than a name.
NOT_NAME_WORDS = ("The", "A", "An", "This", "That", "Its", "Their", "Our", "His", "Her", "And", "But", "Under")
MAX_NAME_TOKENS = 8
# Legal forms written after a comma ("Acme, Inc.", "Alava Norte, S.L.", "Telefonica Moviles Espana, SAU").
COMMA_LEGAL_FORMS = (
    "Inc.", "Inc", "LLC", "Ltd.", "L.L.C.", "S.L.", "SL", "S.L.U.", "S.A.", "SA", "S.A.U.", "SAU", "S.R.L.",
    "S.r.l.", "S.p.A.", "SpA", "GmbH", "AG", "Lda", "Lda.", "S.A.S.", "SARL",
)  # fmt: skip
# Nouns after "and" inside a firm's name ("H D Lang and Associates Inc.", "Smith and Sons Ltd."); a free "and"
# would join two names ("the Justice Department and Acme Inc.").
AND_NOUNS = ("Associates", "Sons", "Partners", "Company")
# Last words of newspaper and magazine titles ("Evening Standard", "South China Morning Post").
OUTLET_HEADS = (
    "Times", "Post", "Journal", "Standard", "Herald", "Observer", "Telegraph", "Guardian", "Gazette", "Tribune",
    "Chronicle", "Mail", "Express", "Mirror", "Independent", "Economist", "Inquirer", "Courier", "Globe",
)  # fmt: skip
# What follows an outlet's title in a story: a type noun ("the Evening Standard newspaper") or a reporting
# verb ("the South China Morning Post reported"). Other outlets named in a story are ORG (guidelines).
OUTLET_CUES = ("newspaper", "paper", "daily", "weekly", "magazine", "tabloid", "reported", "reports", "said", "says")
MAX_OUTLET_WORDS = 4


def company_patterns() -> list[list[dict[str, Any]]]:
    """Matcher patterns: one to MAX_NAME_TOKENS name words (title case, capitals or initials, joined by '&' or
    a hyphen: "K & N Tax Pros Inc.", "Mid-South Development LLC"), then a legal suffix."""
    # "N.Y.-based", "Texas-based": a place made an adjective, never a word of the name after it.
    text = {"NOT_IN": list(NOT_NAME_WORDS), "REGEX": r"^(?!.*-[a-z]+$)"}
    word = {"IS_SPACE": False, "TEXT": text, "SHAPE": {"REGEX": r"^(X|Xx|XX)"}}
    inner = {**word, "SHAPE": {"REGEX": r"^(X|Xx|XX|&$|-$)"}, "OP": "?"}
    joiner = {"ORTH": {"IN": ["&", "of", "and", "-"]}}
    suffix = {"ORTH": {"IN": list(LEGAL_FORMS)}}
    return [
        [word, *([inner] * (MAX_NAME_TOKENS - 2)), word, suffix],
        [word, suffix],
        [word, joiner, word, suffix],
        [
            word,
            *([{**word, "OP": "?"}] * (MAX_NAME_TOKENS - 3)),
            {"LOWER": "and"},
            {"ORTH": {"IN": list(AND_NOUNS)}},
            suffix,
        ],
        [
            word,
            *([{**word, "OP": "?"}] * (MAX_NAME_TOKENS - 2)),
            {"ORTH": ","},
            {"ORTH": {"IN": [*COMMA_LEGAL_FORMS]}},
        ],
        # "Covington Credit of Alabama, Inc.", "Peoples-Marion Bancorp, Inc.": a subsidiary named for its state,
        # a hyphenated name; the NER cuts them at the joiner ("Alabama, Inc.", "Marion Bancorp, Inc.").
        [
            word,
            {"ORTH": {"IN": ["of", "-"]}},
            word,
            *([{**word, "OP": "?"}] * (MAX_NAME_TOKENS - 4)),
            {"ORTH": ","},
            {"ORTH": {"IN": [*COMMA_LEGAL_FORMS]}},
        ],
        [
            word,
            word,
            {"ORTH": {"IN": ["of", "-"]}},
            word,
            *([{**word, "OP": "?"}] * (MAX_NAME_TOKENS - 5)),
            {"ORTH": ","},
            {"ORTH": {"IN": [*COMMA_LEGAL_FORMS]}},
        ],
    ]


def outlet_patterns() -> list[list[dict[str, Any]]]:
    """Matcher patterns: capitalised words ending in an outlet head word, then a cue word (not in the span)."""
    word = {"IS_TITLE": True, "TEXT": {"NOT_IN": list(NOT_NAME_WORDS)}}
    head = {"ORTH": {"IN": list(OUTLET_HEADS)}}
    cue = {"LOWER": {"IN": list(OUTLET_CUES)}, "IS_LOWER": True}
    return [[*([{**word, "OP": "?"}] * (MAX_OUTLET_WORDS - 1)), word, head, cue]]


class CompanyNames:
    """spaCy component: ORG entities for 'Name Words + legal suffix' where no entity is set yet."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("COMPANY", company_patterns(), greedy="LONGEST")
        self.matcher.add("OUTLET", outlet_patterns(), greedy="LONGEST")
        self.outlet_id = nlp.vocab.strings["OUTLET"]
        # Every pattern ends in one of these words: a document without any needs no matching (most do not).
        self.anchors = frozenset(nlp.vocab.strings.add(word) for word in (*LEGAL_FORMS, *OUTLET_HEADS))

    def __call__(self, doc: Doc) -> Doc:
        if self.anchors.isdisjoint(doc.to_array(ORTH).tolist()):
            return doc
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        outlet = self.outlet_id
        found = [
            Span(doc, start, end - 1 if match_id == outlet else end, label="ORG")  # the cue word is no name
            for match_id, start, end in self.matcher(doc)
            if not any(i in taken for i in range(start, end))
        ]
        if found:
            doc.ents = filter_spans(list(doc.ents) + found)
        return doc
