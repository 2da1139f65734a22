"""Event stage: triggers, the parse, role filling, statuses, dates and one event per real-world action."""

from pipeline.events.drafts import Draft
from pipeline.events.extractor import EventExtractor

__all__ = ["Draft", "EventExtractor"]
