"""Event stage: triggers, the parse, role filling, statuses, dates and one event per real-world action."""

from pipeline.events.calibration import calibrated_confidence, event_features, load_calibration
from pipeline.events.drafts import Draft
from pipeline.events.extractor import EventExtractor

__all__ = ["Draft", "EventExtractor", "calibrated_confidence", "event_features", "load_calibration"]
