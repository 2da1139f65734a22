"""The knowledge base: one entity per real-world party and one event per real-world action, across articles.

``KnowledgeBase(path)`` opens (or creates) a DuckDB file; ``build(records)`` adds ``newspipe run`` outputs to it
(an article already there replaces its own contribution) and re-derives entities and events; the ``*_frame``
methods return pandas DataFrames for notebooks; ``export`` writes JSONL, Parquet, CSV or Turtle. This package
reads records as plain JSON / ``models`` objects and imports nothing else of ``pipeline``.
"""

from __future__ import annotations

from pipeline.kb.evaluate import KBScores, MergeScores, evaluate_records, read_gold, render_scores
from pipeline.kb.export import FORMATS, WHAT
from pipeline.kb.knowledge import BuildSummary, KnowledgeBase
from pipeline.kb.stats import KBStats, render
from pipeline.kb.store import KBInputError

__all__ = [
    "FORMATS",
    "WHAT",
    "BuildSummary",
    "KBInputError",
    "KBScores",
    "KBStats",
    "KnowledgeBase",
    "MergeScores",
    "evaluate_records",
    "read_gold",
    "render",
    "render_scores",
]
