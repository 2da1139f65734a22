"""The model's attribute ruler and lemmatizer, with the same output at a fraction of their cost per token.

The event stage runs ``en_core_web_sm``'s tagger, parser, attribute ruler and lemmatizer on the sentences that can
hold an event. spaCy's ``AttributeRuler`` runs a ``Matcher`` of 179 patterns over every token, so it cost as much as
the parser itself; its lemmatizer builds a Token and a morphology object per token to find a cached lemma.

- :class:`FastAttributeRuler` finds the same matches: a pattern of one token that tests only ``TAG``, ``LOWER``,
  ``DEP`` and ``IS_SPACE`` for equality or membership (``IN``, ``NOT_IN``) and names at least one value it
  needs (all of the model's one-token patterns) is looked up by that attribute of the token and checked in
  Python; every other pattern (the few of two tokens) stays in a ``Matcher`` of its own. The matches are sorted
  as the ruler sorts them and applied by the ruler itself.
- :class:`FastLemmatizer` reads each token's text, part of speech and morphology as one array and asks the
  model's lemmatizer once per distinct triple (the key of its own memo); the lemmas are written back as one
  array. The model's index of known words (lists, searched for each candidate form) becomes sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Token attributes the looked-up patterns may test, by pattern key, as columns of ``Doc.to_array``; a pattern is
# indexed by the first of them it names a needed value of.
LOOKUP_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
LOOKUP_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# Distinct (text, part of speech, morphology) lemmas kept before the memo starts again (bounds memory: ~15 MB).
MAX_LEMMAS = 100_000


def _values(value: Any) -> tuple[bool, frozenset[int]] | None:
    """A pattern value as (``True`` for membership / ``False`` for exclusion, string ids or 0/1 for a flag), or
    None when it is anything else (a regular expression, a comparison)."""
    if isinstance(value, bool):
        return True, frozenset({int(value)})
    if isinstance(value, str):
        return True, frozenset({get_string_id(value)})
    if isinstance(value, dict) and len(value) == 1:
        ((operator, items),) = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(items, list) and all(isinstance(i, str) for i in items):
            return operator == "IN", frozenset(get_string_id(i) for i in items)
    return None


Tests = list[tuple[int, bool, frozenset[int]]]


def _lookup_pattern(pattern: list[dict[str, Any]]) -> Tests | None:
    """The tests of a pattern that can be looked up (one token, keys among LOOKUP_KEYS, no operator, at least one
    membership test), as (column, membership, ids), the first membership test in column order first; None for
    any other pattern."""
    if len(pattern) != 1 or not set(pattern[0]) <= set(LOOKUP_KEYS) or "OP" in pattern[0]:
        return None
    tests = []
    for key, value in pattern[0].items():
        parsed = _values(value)
        if parsed is None:
            return None
        tests.append((LOOKUP_KEYS[key], *parsed))
    tests.sort(key=lambda test: (not test[1], test[0]))
    return tests if tests[0][1] else None


class FastAttributeRuler:
    """spaCy component: what the model's ``AttributeRuler`` sets, with its tag-keyed patterns looked up."""

    def __init__(self, name: str, *, ruler: AttributeRuler) -> None:
        self.name = name
        self.ruler = ruler
        self.matcher = Matcher(ruler.vocab, validate=False)
        # column -> value id -> [(rule key, match id, tests)]: the patterns whose first membership test is on that
        # column and accepts that value
        self.index: list[dict[int, list[tuple[int, int, Tests]]]] = [{} for _ in LOOKUP_ATTRS]
        for key in range(len(ruler.attrs)):
            match_id = ruler.vocab.strings.add(str(key))
            _, patterns = ruler.matcher.get(match_id)
            rest = []
            for pattern in patterns:
                tests = _lookup_pattern(pattern)
                if tests is None:
                    rest.append(pattern)
                    continue
                column, _, accepted = tests[0]
                for value in accepted:
                    self.index[column].setdefault(value, []).append((key, match_id, tests))
            if rest:
                self.matcher.add(match_id, rest)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's matches (rule key, match id, start, end), sorted as ``AttributeRuler.match`` sorts them."""
        strings = self.ruler.vocab.strings
        matches = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in self.matcher(doc, allow_missing=True)]
        values = doc.to_array(LOOKUP_ATTRS).tolist() if len(doc) else []
        indexed = [(column, index) for column, index in enumerate(self.index) if index]
        for i, row in enumerate(values):
            for column, index in indexed:
                for key, match_id, tests in index.get(row[column], ()):
                    if all((row[c] in ids) == member for c, member, ids in tests):
                        matches.append((key, match_id, i, i + 1))
        matches.sort()
        return matches

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        return (self(doc) for doc in docs)


class FastLemmatizer:
    """spaCy component: the model's rule lemmatizer, asked once per distinct (text, part of speech, morphology).

    In ``rule`` mode a token's lemma is a function of those three (the key of the lemmatizer's own memo, which
    leaves some answers out; this one keeps them all, up to ``MAX_LEMMAS``). In any other mode the model's
    lemmatizer runs as it is. A lemma already set (by the attribute ruler) is kept unless the lemmatizer
    overwrites.
    """

    def __init__(self, name: str, *, lemmatizer: Lemmatizer) -> None:
        self.name = name
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], str] = {}
        # The rule lemmatizer tests candidate forms with ``form in index``, and the model's index of known words
        # per part of speech is a list: a walk over tens of thousands of words per candidate. A frozenset
        # answers ``in`` the same; nothing else reads the index.
        index = lemmatizer.lookups.get_table("lemma_index") if lemmatizer.lookups.has_table("lemma_index") else {}
        for key, words in list(index.items()):
            if isinstance(words, list):
                index[key] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer.mode != "rule" or not len(doc):
            return self.lemmatizer(doc)
        strings = doc.vocab.strings
        keys = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = keys[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(keys.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            text = self.lemmas.get(key)
            if text is None:
                if len(self.lemmas) >= MAX_LEMMAS:
                    self.lemmas.clear()
                text = self.lemmas[key] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(text)  # the strings of a memory zone are freed with it: added per document
        values: Any = numpy.asarray(lemmas, dtype="uint64")
        doc.from_array([LEMMA], values)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        return (self(doc) for doc in docs)
