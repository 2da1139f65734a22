"""Normalise date phrases to ISO 8601 prefixes at the precision the phrase gives.

"2021" -> "2021", "June 2021" -> "2021-06", "July 16, 2021" -> "2021-07-16".  Relative phrases
("last year", "yesterday", "Tuesday", "March 30") resolve against the article's ``published``
date, never the wall clock: without it they give None, so the output is deterministic.
dateparser reads the phrase; the precision comes from the parts it reports (``DateData.parts``),
never from the filler values it invents for missing parts.

Decisions (news reports the past):
- A date without a year takes the publication year, or the year before when that would put it
  after publication ("March 30" published 1987-04-13 -> "1987-03-30"; "December" published
  2023-05-02 -> "2022-12").
- A weekday is the most recent one on or before publication ("announced on Tuesday").
- Durations ("three years", "30 days"), decades ("the 1990s"), frequencies ("annual"), weeks
  ("this week": no ISO prefix holds a week) and vague words ("recently", "earlier") give None.
- "fiscal 2021" gives None: fiscal years straddle calendar years (the US federal FY2021 began
  in October 2020), so "2021" would claim a precision the phrase does not have.
- A quarter ("Q3 2021", "the fourth quarter of 1986") gives its year.
- A relative phrase needs a published date at least as precise as its answer: "yesterday"
  with published "2023" gives None.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

#: Distinct (phrase, published) answers kept; articles repeat their dates.
NORMALIZE_CACHE_SIZE = 8192
#: dateparser parsers kept, one per publication date (construction is cheap, settings checks are not).
PARSER_CACHE_SIZE = 64
#: Stand-in base for phrases of articles without a published date; only absolute parts are kept.
NO_PUBLISHED_BASE = datetime(2000, 1, 1)
#: A phrase that takes dateparser through its whole parse (see :func:`prepare_dateparser`).
WARM_UP_PHRASE = "Sept. 5, 2019"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
#: Days of each month in a common year: a plain date up to these is valid in every year.
_COMMON_YEAR_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: Leading words that do not change the date ("in 2003", "on Tuesday", "by the end of 2021").
_LEAD_RE = re.compile(
    r"^(?:(?:in|on|at|by|since|from|until|till|to|of|during|as\s+of|before|after|around|about|"
    r"the|end|end-|start|beginning|middle|close|turn|first|second|half|early|mid|mid-|late|"
    r"spring|summer|autumn|fall|winter|"
    r"earlier|later)\b[\s-]*)+",
    re.IGNORECASE,
)
#: Phrases that are no date or too vague for an ISO prefix.
_NO_DATE_RE = re.compile(
    r"\b(?:\d{2,4}'?s|decades?|centur(?:y|ies)|weeks?|weekend|annual(?:ly)?|quarterly|monthly|"
    r"weekly|daily|yearly|recent(?:ly)?|soon|season|fiscal|financial\s+year|times?|now|"
    r"currently|then|once|ever|same|previous|prior|following|next\s+day)\b|\bfy(?=\s*\d|\b)"
    r"|\b(?:earlier|later|before|after)$"
    # durations end in a unit ("three years", "20 days", "a year", "three-year-old", "the past year")
    r"|^(?!(?:last|this|next)\s+(?:year|month)$).*\b(?:days?|weeks?|months?|years?|hours?|minutes?)"
    r"(?:[\s-]+(?:old|long))?$"
    r"|^(?:earlier|later|recently|previously|this|that|the)$",
    re.IGNORECASE,
)
#: Words that make a phrase relative to the publication date.
_RELATIVE_RE = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|ago|last|this|next|past|current|coming|morning|"
    r"afternoon|evening|night|" + "|".join(WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    r"^(?:(?:last|this|past|on)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")(?:'s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d{2}$")
#: A phrase needs a month name, a year or a numeric date to be a date ("10" alone is not).
_DATE_CUE_RE = re.compile(r"[a-z]{3}|\b(?:1[89]|20)\d{2}\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", re.IGNORECASE)
_QUARTER_RE = re.compile(
    r"\b(?:q[1-4]|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr))\b"
    r"(?:\s+of)?\s*(?P<year>(?:1[89]|20)\d{2})\b",
    re.IGNORECASE,
)
#: Two years rather than a date: "1987/88", "2019-2021", "1986-87" (but "2021-07" is a month).
_YEAR_SPAN_RE = re.compile(r"(?P<first>\d{4})\s*(?P<sep>[/–—-])\s*(?P<second>\d{2}|\d{4})")
_PUBLISHED_RE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?:[T ].*)?")
_PRECISIONS = ("year", "month", "day")
#: Plain dates read without dateparser (about 1 ms a phrase): "March 2007", "April 9", "July 16, 2021",
#: "16 July 2021", "January". Anything else (abbreviations, ordinals, numeric dates) goes to dateparser.
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_PLAIN_DATE_RE = re.compile(
    rf"(?P<month>{_MONTH})(?:\s+(?P<day>\d{{1,2}}))?(?:,?\s+(?P<year>(?:1[89]|20)\d{{2}}))?"
    rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_second>{_MONTH})(?:,?\s+(?P<year_last>(?:1[89]|20)\d{{2}}))?",
    re.IGNORECASE,
)


def _published_date(published: str) -> tuple[date, int]:
    """The publication date and how many of year/month/day it states (1-3)."""
    match = _PUBLISHED_RE.fullmatch(published.strip())
    try:
        if match is None:
            raise ValueError("not of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match["year"], match["month"], match["day"]
        when = date(int(year), int(month or 1), int(day or 1))
    except ValueError as err:
        raise ValueError(
            f"`published` must be an ISO 8601 date prefix (YYYY, YYYY-MM or YYYY-MM-DD), got "
            f"{published!r}; normalise it with pipeline.reader.normalize_published first"
        ) from err
    return when, 1 + bool(month) + bool(day)


@lru_cache(maxsize=PARSER_CACHE_SIZE)
def _parser(base: datetime) -> DateDataParser:
    """English-only dateparser parser whose relative phrases resolve against ``base``."""
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _iso(when: date, precision: int) -> str:
    return when.isoformat()[: (4, 7, 10)[precision - 1]]


def _clean(text: str) -> str:
    phrase = re.sub(r"\s+", " ", text).strip(" \t\n.,;:()'\"")
    phrase = re.sub(r"'s$", "", phrase)
    phrase = re.sub(r"\.(?=[A-Z]).*$", "", phrase)  # glued paragraphs: "April 27.The charges"
    return _LEAD_RE.sub("", phrase).strip()


def _plain_date(phrase: str) -> tuple[int, int | None, int | None] | None:
    """(month, day, year) of a plain date phrase (day and year None when not given), or None when the
    phrase is no plain date or names a day not found in every year (February 29 goes to dateparser)."""
    match = _PLAIN_DATE_RE.fullmatch(phrase)
    if match is None:
        return None
    month = MONTHS.index((match["month"] or match["month_second"]).lower()) + 1
    day_text, year_text = match["day"] or match["day_first"], match["year"] or match["year_last"]
    day = int(day_text) if day_text else None
    if day is not None and not 1 <= day <= _COMMON_YEAR_DAYS[month - 1]:
        return None
    return month, day, int(year_text) if year_text else None


def _weekday(day: str, published: date) -> date:
    return published - timedelta(days=(published.weekday() - WEEKDAYS.index(day.lower())) % 7)


def _is_year_span(phrase: str) -> bool:
    span = _YEAR_SPAN_RE.fullmatch(phrase)
    return span is not None and (span["sep"] != "-" or len(span["second"]) == 4 or int(span["second"]) > 12)


def _without_year(month: int, day: int | None, published: date, known: int) -> date | None:
    """The latest such date on or before publication, compared at the precision both give.

    With a year-only ``published`` nothing can be compared, so its year is taken.
    """

    def key(when: date) -> tuple[int, ...]:
        return (when.month, when.day) if day is not None and known == 3 else (when.month,)

    try:
        candidate = date(published.year, month, day or 1)
        if known == 1 or key(candidate) <= key(published):
            return candidate
        return date(published.year - 1, month, day or 1)
    except ValueError:  # February 29 outside a leap year
        return None


def prepare_dateparser() -> None:
    """Have dateparser build its lazily compiled tables (about 0.1 s, once a process) now, at load time,
    rather than while reading the first article. The parse is discarded: nothing is cached by phrase."""
    _parser(NO_PUBLISHED_BASE).get_date_data(WARM_UP_PHRASE)


@lru_cache(maxsize=NORMALIZE_CACHE_SIZE)
def normalize_date(text: str, *, published: str | None) -> str | None:
    """ISO 8601 prefix of a date phrase at the precision it gives, or None (see module docstring).

    ``published`` is the article's publication date as an ISO prefix; relative phrases need it.
    """
    base, known = _published_date(published) if published else (None, 0)
    quarter = _QUARTER_RE.search(text)
    if quarter and not _NO_DATE_RE.search(text):
        return quarter["year"]
    phrase = _clean(text)
    if not phrase or _NO_DATE_RE.search(phrase) or not _DATE_CUE_RE.search(phrase) or _is_year_span(phrase):
        return None
    if _YEAR_RE.match(phrase):
        return phrase
    weekday = _WEEKDAY_RE.match(phrase)
    if weekday:
        return _weekday(weekday["day"], base).isoformat() if base and known == 3 else None
    relative = bool(_RELATIVE_RE.search(phrase))
    if relative and base is None:
        return None
    plain = None if relative else _plain_date(phrase)
    if plain is not None:  # what dateparser reads from these phrases, without its cost
        month, day, year = plain
        precision = 2 if day is None else 3
        if year is not None:
            return _iso(date(year, month, day or 1), precision)
        resolved = _without_year(month, day, base, known) if base is not None else None
        return _iso(resolved, precision) if resolved else None
    parser = _parser(datetime.combine(base, datetime.min.time()) if base else NO_PUBLISHED_BASE)
    data = parser.get_date_data(phrase)
    parts = set(data["parts"] or ()) if data["date_obj"] else set()
    parsed: datetime | None = data["date_obj"]
    if parsed is None or not parts & {"year", "month", "day"} or data["period"] in ("week", "time"):
        return None
    precision = 3 if "day" in parts else 2 if "month" in parts else 1
    if relative:
        # dateparser fills every part it computes; the answer is only as precise as `published`.
        precision = {"day": 3, "month": 2, "year": 1}.get(data["period"], precision)
        return _iso(parsed.date(), precision) if precision <= known else None
    if "year" in parts:
        return _iso(parsed.date(), precision)
    if base is None or "month" not in parts:
        return None
    resolved = _without_year(parsed.month, parsed.day if precision == 3 else None, base, known)
    return _iso(resolved, precision) if resolved else None
