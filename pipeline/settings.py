"""Every tunable number of the pipeline, in one frozen settings object, and the few tables every stage shares."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Thresholds and limits; pass ``Settings(...)`` to override any of them."""

    #: Largest text (in UTF-8 bytes) accepted; larger records go to the error report.
    max_text_bytes: int = 1_000_000
    #: Longest sentence kept whole, in tokens; a longer one (a page without full stops or line breaks) is cut at a
    #: natural break, so stages that read a sentence at a time (relevance, statuses, dates) stay linear. Real
    #: sentences stay far below it (the longest of 6,000 corpus articles has 449 tokens).
    max_sentence_tokens: int = 600
    #: A run of at least this many punctuation characters glued to a word ("((((((((Acme") is one token: spaCy
    #: peels affixes one character at a time, which costs the square of the run (no such run in dev, gold, corpus).
    punct_run_length: int = 8
    #: Texts handed to ``nlp.pipe`` at once.
    batch_size: int = 32
    #: Events below this confidence are dropped.
    min_event_confidence: float = 0.3
    #: How many sentences back a definite description ("the company") may look for its antecedent.
    coref_window_sentences: int = 6
    #: Run the relevance pass: articles with no enforcement cue skip the parse and event stages.
    relevance_filter: bool = True
    #: Time budget of one article, in seconds: an article over it is stopped (its worker process killed and
    #: replaced) and goes to the error report with stage ``timeout``; the run goes on.
    max_seconds_per_article: float = 60.0
    #: Seconds a fresh worker process may take to load the model before the run gives up.
    max_seconds_worker_start: float = 600.0
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


@dataclass(frozen=True)
class KBSettings:
    """Thresholds of the knowledge base (``pipeline.kb``): entity matching and the cross-article event merge."""

    #: Records read from the input before they are written to the store in one go (bounds memory).
    chunk_records: int = 2000
    #: rapidfuzz ``ratio`` (0-100) two normalised names of one block must reach to be one entity.
    fuzzy_name_ratio: float = 92.0
    #: Shortest normalised name that fuzzy matching may join (short names differ in one letter: "ibm"/"ibc").
    fuzzy_min_length: int = 6
    #: Largest block compared pairwise; a larger block is split by its names' second token.
    max_block_size: int = 2000
    #: Two reports of one action lie at most this many days apart (event date, else publication date).
    event_window_days: int = 730
    #: Two amounts of one fine or settlement differ by at most this share of the larger (after conversion).
    amount_tolerance: float = 0.25
    #: Evaluation: rapidfuzz token_set_ratio a gold anchor name must reach against an event party to match it.
    eval_anchor_ratio: float = 80.0
    #: Approximate USD value of one unit of each currency, only to compare amounts (not for display).
    usd_rates: tuple[tuple[str, float], ...] = (
        ("USD", 1.0),
        ("EUR", 1.1),
        ("GBP", 1.3),
        ("CHF", 1.1),
        ("CAD", 0.75),
        ("AUD", 0.7),
        ("JPY", 0.007),
        ("CNY", 0.14),
        ("INR", 0.012),
        ("SEK", 0.095),
        ("NOK", 0.095),
        ("DKK", 0.15),
        ("PLN", 0.25),
        ("KRW", 0.00075),
        ("BRL", 0.2),
        ("RUB", 0.012),
    )


DEFAULT_KB_SETTINGS = KBSettings()
