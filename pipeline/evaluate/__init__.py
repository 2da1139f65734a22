"""Scoring predictions against gold annotations (the same rules as ../shared/devset/score.py) and the report."""

from pipeline.evaluate.report import EvalReport, render_report
from pipeline.evaluate.score import EvalInputError, evaluate, matched_predictions

__all__ = ["EvalInputError", "EvalReport", "evaluate", "matched_predictions", "render_report"]
