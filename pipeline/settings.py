"""Every tunable number of the pipeline, in one frozen settings object."""

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


DEFAULT_SETTINGS = Settings()
