"""Company names by their legal form: capitalised words ending in a corporate suffix.

"Zen Magnets LLC", "Nebraska Beef Ltd.", "Ark Rustic Inn LLC": the small model's NER
misses many small companies that a press release names only this way, yet a legal
suffix after capitalised words is one of the most reliable signals a name gives. The
component runs before the NER, which keeps the spans it sets.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# Legal forms that end a company name (as tokenised by spaCy's English tokenizer).
LEGAL_SUFFIXES = (
    "LLC", "L.L.C.", "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "Limited",
    "Co.", "plc", "PLC", "GmbH", "AG", "S.A.", "SA", "N.V.", "NV", "B.V.", "BV", "LLP", "L.P.", "LP", "S.p.A.",
    "SpA", "S.r.l.", "AB", "ASA", "Oy", "SE", "PLLC", "P.C.", "L.C.",
)  # fmt: skip
# Capitalised words that start a sentence or a title rather than a name.
NOT_NAME_WORDS = ("The", "A", "An", "This", "That", "Its", "Their", "Our", "His", "Her", "And", "But", "Under")
MAX_NAME_TOKENS = 8


def company_patterns() -> list[list[dict[str, Any]]]:
    """Matcher patterns: one to MAX_NAME_TOKENS name words (title case, capitals or '&'), then a legal suffix."""
    word = {"IS_SPACE": False, "TEXT": {"NOT_IN": list(NOT_NAME_WORDS)}, "SHAPE": {"REGEX": r"^(X|Xx|XX)"}}
    joiner = {"ORTH": {"IN": ["&", "of", "and", "-"]}}
    return [
        [word, *([{**word, "OP": "?"}] * (MAX_NAME_TOKENS - 1)), {"ORTH": {"IN": list(LEGAL_SUFFIXES)}}],
        [word, joiner, word, {"ORTH": {"IN": list(LEGAL_SUFFIXES)}}],
        [word, {"ORTH": ","}, {"ORTH": {"IN": ["Inc.", "Inc", "LLC", "Ltd.", "L.L.C."]}}],
    ]


class CompanyNames:
    """spaCy component: ORG entities for 'Name Words + legal suffix' where no entity is set yet."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("COMPANY", company_patterns(), greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        found = [
            Span(doc, start, end, label="ORG")
            for _, start, end in self.matcher(doc)
            if not any(i in taken for i in range(start, end))
        ]
        if found:
            doc.ents = filter_spans(list(doc.ents) + found)
        return doc
