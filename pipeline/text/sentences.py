"""Sentence boundaries without a parser: spaCy's rule-based ``sentencizer`` plus line breaks and spaces.

News copy puts one paragraph a line; a line break always ends a sentence, which the punctuation rules alone do
not guarantee. Runs of spaces belong to the sentence before them, and the next word starts a sentence where
the sentencizer said the spaces did. ``parse_units`` cuts the rare overlong "sentence" (a list, a table) into
the pieces the event stage parses.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc, Span

from pipeline.settings import DEFAULT_SETTINGS

# Tokens after which a cut reads naturally; the cut falls after the latest of them in the second half of the span.
SOFT_BREAKS = frozenset({",", ";", ":", "-", "--", ")", "]"})


def cap_sentences(starts: list[int], spaces: list[bool], words: Sequence[str], *, max_tokens: int) -> None:
    """Cut every sentence longer than ``max_tokens`` (``starts`` holds spaCy's sentence-start values: 1 starts
    a sentence): after the latest whitespace or punctuation break in its second half, else at the limit. A
    whitespace token never starts a sentence. ``words`` is read only in the second half of a long sentence."""
    start = 0
    soft: int | None = None
    for i in range(1, len(starts)):
        if starts[i] == 1:
            start, soft = i, None
            continue
        if i - start > max_tokens // 2 and not spaces[i] and (spaces[i - 1] or words[i - 1] in SOFT_BREAKS):
            soft = i
        if i - start >= max_tokens and not spaces[i]:
            cut = soft if soft is not None else i
            starts[cut] = 1
            start, soft = cut, None


class _TokenTexts(Sequence[str]):
    """The texts of a document's tokens, each read when asked for (most are never asked for)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, i: Any) -> Any:
        return self.doc[i].text


class NewlineSentences:
    """spaCy component: mark a sentence start after every token that holds or precedes a line break; cut a
    sentence longer than ``max_tokens`` (``Settings.max_sentence_tokens``, see :func:`cap_sentences`)."""

    def __init__(self, name: str, *, max_tokens: int = DEFAULT_SETTINGS.max_sentence_tokens) -> None:
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        # The boundaries are read and written as one array: spaCy's ``Token.is_sent_start`` setter checks the
        # whole document for a parse on every call, which costs the square of the length over a long article.
        # The other attributes come in the same array, so no Token object is built per token.
        array = doc.to_array([SENT_START, IS_SPACE, IDX, LENGTH]).astype("int64")
        starts: list[int] = array[:, 0].tolist()
        spaces: list[bool] = array[:, 1].astype(bool).tolist()
        move_start = False
        for i in range(1, len(doc)):
            if spaces[i]:  # whitespace belongs to the sentence it follows, never starts one ...
                move_start = move_start or starts[i] == 1
                starts[i] = -1
            elif move_start:  # ... so the sentence starts at the word after it ("bribery.   Assistant ...")
                starts[i] = 1
                move_start = False
        # A token holds or precedes a line break when one falls in its text (a whitespace token) or in the
        # whitespace after it; the line breaks are found in the text and mapped to their token by offset.
        offsets: list[int] = array[:, 2].tolist()
        lengths: list[int] = array[:, 3].tolist()
        text = doc.text
        newline = text.find("\n")
        while newline != -1:
            i = bisect_right(offsets, newline) - 1
            if 0 <= i < len(doc) - 1 and (spaces[i] or newline >= offsets[i] + lengths[i]) and not spaces[i + 1]:
                starts[i + 1] = 1
            newline = text.find("\n", newline + 1)
        cap_sentences(starts, spaces, _TokenTexts(doc), max_tokens=self.max_tokens)
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
