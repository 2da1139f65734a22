"""Every tunable number of the pipeline, in one frozen settings object, and the few tables every stage shares."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Thresholds and limits; pass ``Settings(...)`` to override any of them."""

    #: Largest text (in UTF-8 bytes) accepted; larger records go to the error report.
    max_text_bytes: int = 1_000_000
    #: Texts handed to ``nlp.pipe`` at once.
    batch_size: int = 32
    #: Events below this confidence are dropped.
    min_event_confidence: float = 0.3
    #: How many sentences back a definite description ("the company") may look for its antecedent.
    coref_window_sentences: int = 6
    #: Run the relevance pass: articles with no enforcement cue skip the parse and event stages.
    relevance_filter: bool = True
    #: ``--relevant-only``: an article with no sentence the event stage would parse (no enforcement vocabulary)
    #: gets a record with no entities and no events and ``meta.relevant = false``, at the cost of the tokenizer
    #: and the sentence rules; every other article gets the full record with ``meta.relevant = true``.
    relevant_only: bool = False


DEFAULT_SETTINGS = Settings()

#: One-for-one typographic folding (curly quotes, odd spaces, dashes) shared by every stage that compares text:
#: cleaning applies it to the analysis text, the gazetteer and name folding to their own data, so a name
#: matches whatever quotes the article or the data file used. One character for one keeps offsets exact.
TYPOGRAPHIC_FOLDING = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2013": "-",
        "\u2014": "-",
    }
)
