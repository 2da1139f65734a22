"""Mention propagation: a name the article uses for an entity names it everywhere in the article.

The statistical NER tags a name in one sentence and misses it in the next
("PrimeLending, a national mortgage lender, has agreed to pay ..."). Once the entity
stage knows a name, every other exact occurrence of it that no entity covers becomes a
mention of the same entity, so the event stage can see who acts in every sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

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


class MentionPropagator:
    """spaCy component: add the uncovered occurrences of known names to their entities."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[EntityCluster] = doc._.entities or []
        names = propagation_names(clusters)
        if not names:
            return doc
        matcher = PhraseMatcher(self.vocab, attr="ORTH")
        for text, idx in names.items():
            matcher.add(str(idx), [self.make_doc(text)])
        covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        covered |= {i for e in doc.ents for i in range(e.start, e.end)}
        added = False
        for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
            if any(i in covered for i in range(start, end)):
                continue
            idx = int(self.vocab.strings[match_id])
            cluster = clusters[idx]
            label = cluster.mentions[0].label_
            cluster.mentions.append(Span(doc, start, end, label=label))
            covered.update(range(start, end))
            added = True
        if added:
            for cluster in clusters:
                cluster.mentions.sort(key=lambda m: m.start)
        return doc
