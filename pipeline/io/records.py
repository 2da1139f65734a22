"""Building input records, shared by every input format of :mod:`pipeline.io.reader`.

Stable ids for records without one, ``published`` normalised to an ISO 8601 date prefix (refusing relative
phrases, so the date never depends on when the reader runs), the :class:`Origin` that error messages name,
and :func:`article_records`, which validates one article's fields into its record or one error.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import IO, Any, Literal

import dateparser

from models import ErrorRecord
from pipeline.io.source import InputRecord, Location
from pipeline.settings import Settings

Record = InputRecord | ErrorRecord
Stage = Literal["read", "decode", "parse", "validate", "date"]

STABLE_ID_PREFIX = "sha1-"
STABLE_ID_HEX_CHARS = 16

ISO_DATE_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})([T ].*)?)?)?")
#: dateparser settings for non-ISO dates: all three parts required, no wall clock.
DATEPARSER_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RELATIVE_BASE": datetime(2000, 1, 1),
}
#: A second base: a phrase that parses to another date against it ("yesterday") is relative, not a date.
RELATIVE_PROBE_BASE = datetime(2003, 7, 15)

#: Room for title, id, published and meta beside the text in one line or file.
FIELD_SLACK_BYTES = 1 << 20

FIX_SIZE = "split the article or raise the limit with --max-text-bytes"
HEADLINE_ONLY = "`text` is empty: extracted from the title alone; add the article text for a fuller record"


def stable_id(title: str | None, text: str) -> str:
    """Id of a record that has none: a hash of its content, so reruns give the same id."""
    digest = hashlib.sha1(f"{title or ''}\n{text}".encode()).hexdigest()
    return STABLE_ID_PREFIX + digest[:STABLE_ID_HEX_CHARS]


def _iso_prefix(value: str) -> str | None:
    """``value`` cut to its ISO 8601 date prefix when it is a valid ISO date or date-time, else None."""
    match = ISO_DATE_SHAPE.fullmatch(value)
    if match is None:
        return None
    year, month, day, time_part = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
        if time_part:
            # Python 3.10's fromisoformat does not take a "Z" suffix.
            datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return value[: match.end(3) if day else match.end(2) if month else match.end(1)]


def _parse_clear_date(value: str) -> str | None:
    """A full date written in another common form ("24 August 2015", "08/24/2015"), or None.

    Relative phrases ("yesterday", "2 days ago") are refused: they resolve differently against two
    bases, and the publication date must not depend on when the reader runs.
    """
    parsed = dateparser.parse(value, settings=DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    probe = dateparser.parse(value, settings={**DATEPARSER_SETTINGS, "RELATIVE_BASE": RELATIVE_PROBE_BASE})
    if probe is None or probe.date() != parsed.date():
        return None
    return parsed.strftime("%Y-%m-%d")


def normalize_published(value: object) -> str | None:
    """``published`` as an ISO 8601 date prefix (YYYY, YYYY-MM or YYYY-MM-DD); None when absent.

    Raises ValueError saying what was wrong when the value is present but not a date.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"`published` must be an ISO 8601 date string, got {type(value).__name__} {value!r}")
    text = str(value).strip()
    if not text:
        return None
    normalized = _iso_prefix(text) or _parse_clear_date(text)
    if normalized is None:
        raise ValueError(f"`published` must be an ISO 8601 date, got {text!r}")
    return normalized


@dataclass(frozen=True)
class Origin:
    """Where one input record came from, as its error messages name it."""

    location: Location
    record_id: str | None = None
    #: Overrides ``str(location)`` in messages, e.g. "crawl.warc WARC record 3".
    where: str | None = None

    def error(self, stage: Stage, problem: str, *, rejected: bool = True) -> ErrorRecord:
        """An error record whose message ends with where the input came from."""
        suffix = f", id {self.record_id!r}" if self.record_id is not None else ""
        return ErrorRecord(
            file=self.location.file,
            line=self.location.line,
            id=self.record_id,
            stage=stage,
            message=f"{problem} ({self.where or self.location}{suffix})",
            rejected=rejected,
        )

    def too_large(self, what: str, limit: int, settings: Settings) -> ErrorRecord:
        """The error for an input over its size cap, which follows from ``max_text_bytes``."""
        return self.error(
            "validate",
            f"{what} is over {limit} bytes, too large for the text limit of {settings.max_text_bytes} bytes; "
            f"{FIX_SIZE}",
        )


def _text_problem(text: object, settings: Settings) -> str | None:
    """Why ``text`` cannot be an article's text, or None when it can."""
    if text is None:
        return "record has no `text`; add the article text or drop the record"
    if not isinstance(text, str):
        return f"`text` must be a string, got {type(text).__name__}; write the article text as one string"
    if not text.strip():
        return "`text` is empty; add the article text or drop the record"
    size = len(text.encode("utf-8"))
    if size > settings.max_text_bytes:
        return f"`text` is {size} UTF-8 bytes, over the limit of {settings.max_text_bytes}; {FIX_SIZE}"
    return None


def article_records(
    origin: Origin,
    *,
    title: str | None,
    text: object,
    published: object,
    meta: dict[str, Any],
    settings: Settings,
) -> Iterator[Record]:
    """Validate one article's fields; yield its record (after its warnings, if any) or one error.

    A record with a title and no text (missing, empty or blank) is a headline-only record: it is extracted from
    its title, after a warning (``rejected=False``), since a headline alone often names the whole action.
    """
    headline_only = bool(title and title.strip()) and (text is None or (isinstance(text, str) and not text.strip()))
    if headline_only:
        text = text if isinstance(text, str) else ""
    problem = None if headline_only else _text_problem(text, settings)
    if problem is not None or not isinstance(text, str):
        yield origin.error("validate", problem or "")
        return
    if origin.record_id is None:
        origin = replace(origin, record_id=stable_id(title, text))
    if headline_only:
        yield origin.error("validate", HEADLINE_ONLY, rejected=False)
    try:
        iso_date = normalize_published(published)
    except ValueError as err:
        yield origin.error("date", f"{err}; fix or remove the field", rejected=False)
        iso_date = None
    yield InputRecord(
        id=str(origin.record_id),
        text=text,
        title=title,
        published=iso_date,
        meta=meta,
        location=origin.location,
    )


def read_capped(stream: IO[bytes], limit: int) -> bytes | None:
    """Up to ``limit`` bytes of ``stream``; None when there are more (the input is too large)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data
