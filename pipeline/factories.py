"""Every spaCy component of newspipe, registered in one place.

pyproject.toml exposes these through the ``spacy_factories`` entry point, so a saved
pipeline loads without importing this package first. Each factory declares what it
requires and assigns, so ``nlp.analyze_pipes()`` catches a wrong order.
"""

from __future__ import annotations

from typing import cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from pipeline.entities import CompanyNames, EntityResolver, MentionPropagator
from pipeline.events import EventExtractor
from pipeline.gazetteer import GazetteerMatcher, load_gazetteer
from pipeline.settings import DEFAULT_SETTINGS
from pipeline.text import FastAttributeRuler, FastLemmatizer, NewlineSentences


@Language.factory(
    "newspipe_sentences",
    assigns=["token.is_sent_start"],
    default_config={"max_tokens": DEFAULT_SETTINGS.max_sentence_tokens},
)
def make_sentences(nlp: Language, name: str, max_tokens: int) -> NewlineSentences:
    return NewlineSentences(name, max_tokens=max_tokens)


@Language.factory(
    "newspipe_attribute_ruler",
    requires=["token.tag"],
    assigns=["token.pos", "token.morph", "token.lemma"],
    default_config={"ruler": "attribute_ruler"},
)
def make_attribute_ruler(nlp: Language, name: str, ruler: str) -> FastAttributeRuler:
    """The model's attribute ruler (the component named ``ruler``), its tag-keyed patterns looked up."""
    return FastAttributeRuler(name, ruler=cast(AttributeRuler, nlp.get_pipe(ruler)))


@Language.factory(
    "newspipe_lemmatizer",
    requires=["token.pos"],
    assigns=["token.lemma"],
    default_config={"lemmatizer": "lemmatizer"},
)
def make_lemmatizer(nlp: Language, name: str, lemmatizer: str) -> FastLemmatizer:
    """The model's lemmatizer (the component named ``lemmatizer``), asked once per distinct token reading."""
    return FastLemmatizer(name, lemmatizer=cast(Lemmatizer, nlp.get_pipe(lemmatizer)))


@Language.factory(
    "newspipe_gazetteer",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"overwrite_ents": True},
)
def make_gazetteer(nlp: Language, name: str, overwrite_ents: bool) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name, gazetteer=load_gazetteer(), overwrite_ents=overwrite_ents)


@Language.factory("newspipe_company_names", assigns=["doc.ents"], default_config={})
def make_company_names(nlp: Language, name: str) -> CompanyNames:
    return CompanyNames(nlp, name)


@Language.factory(
    "newspipe_entity_resolver",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.entities"],
    default_config={},
)
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(nlp, name, gazetteer=load_gazetteer())


@Language.factory(
    "newspipe_mention_propagator",
    requires=["doc._.entities"],
    assigns=["doc._.entities"],
    default_config={},
)
def make_mention_propagator(nlp: Language, name: str) -> MentionPropagator:
    return MentionPropagator(nlp, name)


@Language.factory(
    "newspipe_event_extractor",
    requires=["doc.sents", "doc._.entities"],
    assigns=["doc._.events"],
    default_config={
        "syntax_pipes": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"],
        "relevance_filter": True,
        "coref_window": 6,
        "min_confidence": 0.3,
    },
)
def make_event_extractor(
    nlp: Language,
    name: str,
    syntax_pipes: list[str],
    relevance_filter: bool,
    coref_window: int,
    min_confidence: float,
) -> EventExtractor:
    return EventExtractor(
        nlp,
        name,
        syntax_pipes=syntax_pipes,
        relevance_filter=relevance_filter,
        coref_window=coref_window,
        min_confidence=min_confidence,
    )



for _ext in ("published", "entities", "events", "text_start"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)
