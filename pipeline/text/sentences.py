"""Sentence boundaries without a parser: spaCy's rule-based ``sentencizer`` plus line breaks and spaces.

News copy puts one paragraph a line; a line break always ends a sentence, which the punctuation rules alone do
not guarantee. Runs of spaces belong to the sentence before them, and the next word starts a sentence where
the sentencizer said the spaces did. ``parse_units`` cuts the rare overlong "sentence" (a list, a table) into
the pieces the event stage parses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


class NewlineSentences:
    """spaCy component: mark a sentence start after every token that holds or precedes a line break."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        move_start = False
        for token in doc[1:]:
            if token.is_space:  # whitespace belongs to the sentence it follows, never starts one ...
                move_start = move_start or bool(token.is_sent_start)
                token.is_sent_start = False
            elif move_start:  # ... so the sentence starts at the word after it ("bribery.   Assistant ...")
                token.is_sent_start = True
                move_start = False
        for i, token in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc


# Longest sentence parsed whole (see parse_units); news sentences stay well under it.
MAX_PARSE_TOKENS = 200


def parse_units(sent: Span) -> list[Span]:
    """The pieces of a sentence the parser reads: the sentence itself, or, past ``MAX_PARSE_TOKENS``, its runs
    between whitespace tokens (then cut at the limit). Such "sentences" are lists, tables or copy whose line
    breaks were lost; parsing them whole costs time in proportion and yields no usable parse."""
    if len(sent) <= MAX_PARSE_TOKENS:
        return [sent]
    doc, units, start = sent.doc, [], sent.start
    for tok in sent:
        if tok.is_space or tok.i - start >= MAX_PARSE_TOKENS:
            if tok.i > start:
                units.append(doc[start : tok.i])
            start = tok.i + 1 if tok.is_space else tok.i
    if sent.end > start:
        units.append(doc[start : sent.end])
    return units
