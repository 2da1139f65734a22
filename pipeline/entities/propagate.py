"""Mention propagation: a name the article uses for an entity names it everywhere in the article.

The statistical NER tags a name in one sentence and misses it in the next
("PrimeLending, a national mortgage lender, has agreed to pay ..."). Once the entity
stage knows a name, every other exact occurrence of it that no entity covers becomes a
mention of the same entity, so the event stage can see who acts in every sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.names import NAME_CACHE_SIZE
from pipeline.entities.resolver import EntityCluster

# Only names are propagated, not amounts or dates (their normalised values already group them).
PROPAGATED_TYPES = frozenset({"ORG", "PERSON", "REGULATOR", "COURT", "PUBLIC_BODY"})
MIN_NAME_CHARS = 3


def propagation_names(clusters: list[EntityCluster]) -> dict[str, int]:
    """Surface form -> cluster index, for forms that name exactly one cluster and look like names."""
    owners: dict[str, set[int]] = {}
    for idx, cluster in enumerate(clusters):
        if cluster.type not in PROPAGATED_TYPES:
            continue
        for mention in cluster.mentions:
            text = mention.text
            if len(text) >= MIN_NAME_CHARS and text[0].isupper():
                owners.setdefault(text, set()).add(idx)
    return {text: next(iter(idxs)) for text, idxs in owners.items() if len(idxs) == 1}


def find_names(doc: Doc, names: dict[tuple[int, ...], int]) -> list[tuple[int, int, int]]:
    """Every (start, end, cluster index) where the words of a name (their ORTH ids, as the tokenizer splits it)
    occur in ``doc``, overlapping ones included, sorted by start and longest first: what a PhraseMatcher on ORTH
    finds, without building one for each document (nor a Token object for each word)."""
    if not names:
        return []
    lengths = sorted({len(words) for words in names}, reverse=True)
    firsts = {words[0] for words in names}
    orths = doc.to_array(ORTH).tolist()
    found = []
    for start, orth in enumerate(orths):
        if orth not in firsts:
            continue
        for length in lengths:
            if start + length > len(orths):
                # A slice past the end is shorter than ``length``: it could equal a shorter name and give a
                # match that ends after the document.
                continue
            idx = names.get(tuple(orths[start : start + length]))
            if idx is not None:
                found.append((start, start + length, idx))
    return found


def name_words(names: dict[str, int], *, words_of: Callable[[str], tuple[int, ...]]) -> dict[tuple[int, ...], int]:
    """The names of :func:`propagation_names` as the ORTH ids of the words the tokenizer splits them into."""
    words: dict[tuple[int, ...], int] = {}
    for text, idx in names.items():
        key = words_of(text)
        if key:
            words.setdefault(key, idx)
    return words


class MentionPropagator:
    """spaCy component: add the uncovered occurrences of known names to their entities."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        # Building a Doc costs more than finding the name in the article, and the same names recur across
        # articles: the tokenizer's answer (ORTH ids are string hashes, valid in every memory zone) is memoised.
        self.words_of = lru_cache(maxsize=NAME_CACHE_SIZE)(self._words_of)

    def _words_of(self, text: str) -> tuple[int, ...]:
        return tuple(token.orth for token in self.make_doc(text))

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[EntityCluster] = doc._.entities or []
        names = propagation_names(clusters)
        if not names:
            return doc
        covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        covered |= {i for e in doc.ents for i in range(e.start, e.end)}
        added = False
        for start, end, idx in find_names(doc, name_words(names, words_of=self.words_of)):
            if any(i in covered for i in range(start, end)):
                continue
            cluster = clusters[idx]
            label = cluster.mentions[0].label_
            cluster.mentions.append(Span(doc, start, end, label=label))
            covered.update(range(start, end))
            added = True
        if added:
            for cluster in clusters:
                cluster.mentions.sort(key=lambda m: m.start)
        return doc
