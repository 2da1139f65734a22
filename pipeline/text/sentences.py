"""Sentence boundaries without a parser: spaCy's rule-based ``sentencizer`` plus line breaks and spaces.

News copy puts one paragraph a line; a line break always ends a sentence, which the punctuation rules alone do
not guarantee. Runs of spaces belong to the sentence before them, and the next word starts a sentence where
the sentencizer said the spaces did. ``parse_units`` cuts the rare overlong "sentence" (a list, a table) into
the pieces the event stage parses.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

# Longest sentence kept whole. Real sentences stay far below it (the longest of 6,000 articles of the shared corpora
# has 449 tokens); past it the "sentence" is a page without full stops or line breaks, and every stage that reads a
# sentence at a time (relevance, statuses, dates, evidence) would pay its whole length for each event in it.
MAX_SENTENCE_TOKENS = 600
# Tokens after which a cut reads naturally; the cut falls after the latest of them in the second half of the span.
SOFT_BREAKS = frozenset({",", ";", ":", "-", "--", ")", "]"})


def cap_sentences(starts: list[int], spaces: list[bool], words: list[str], *, max_tokens: int) -> None:
    """Cut every sentence longer than ``max_tokens`` (``starts`` holds spaCy's sentence-start values: 1 starts
    a sentence): after the latest whitespace or punctuation break in its second half, else at the limit. A
    whitespace token never starts a sentence."""
    start = 0
    soft: int | None = None
    for i in range(1, len(starts)):
        if starts[i] == 1:
            start, soft = i, None
            continue
        if not spaces[i] and (spaces[i - 1] or words[i - 1] in SOFT_BREAKS) and i - start > max_tokens // 2:
            soft = i
        if i - start >= max_tokens and not spaces[i]:
            cut = soft if soft is not None else i
            starts[cut] = 1
            start, soft = cut, None


class NewlineSentences:
    """spaCy component: mark a sentence start after every token that holds or precedes a line break."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # The boundaries are read and written as one array: spaCy's ``Token.is_sent_start`` setter checks the
        # whole document for a parse on every call, which costs the square of the length over a long article.
        starts = [int(value) for value in doc.to_array(SENT_START).astype("int64")]
        spaces = [token.is_space for token in doc]
        move_start = False
        for i in range(1, len(doc)):
            if spaces[i]:  # whitespace belongs to the sentence it follows, never starts one ...
                move_start = move_start or starts[i] == 1
                starts[i] = -1
            elif move_start:  # ... so the sentence starts at the word after it ("bribery.   Assistant ...")
                starts[i] = 1
                move_start = False
        for i, token in enumerate(doc[:-1]):
            if ("\n" in token.whitespace_ or (spaces[i] and "\n" in token.text)) and not spaces[i + 1]:
                starts[i + 1] = 1
        cap_sentences(starts, spaces, [token.text for token in doc], max_tokens=MAX_SENTENCE_TOKENS)
        values: Any = numpy.array(starts, dtype="int64").astype("uint64")
        doc.from_array([SENT_START], values)
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
