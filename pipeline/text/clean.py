"""Cleaning stage: find boilerplate that is not part of the story, and build the analysis text.

The analysis text has exactly the length of the input, character for character,
so every offset the NLP stages produce indexes the original record unchanged:
boilerplate lines are blanked with spaces (their newline kept), and typographic
quotes become their ASCII twins (one character for one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.settings import TYPOGRAPHIC_FOLDING

# Whole lines that are promotion, navigation or bylines rather than reporting. Each
# pattern matches at the start of a (stripped) line; the whole line is dropped.
BOILERPLATE_LINE_PATTERNS: tuple[str, ...] = (
    r"(read|see|watch|listen)\s+(more|also|next)\s*:",  # "Read More: <other story>"
    r"related\s*(stories|articles|coverage|content)?\s*:",
    r"(also\s+read|recommended|trending|most\s+read|don'?t\s+miss|more\s+from)\b.{0,80}:",
    r"(sign\s+up|subscribe)\b.{0,120}(newsletter|inbox|updates|subscription|free)",
    r"(get|receive)\b.{0,60}\b(newsletter|in\s+your\s+inbox)",
    # An advertising hook: a short question, then an imperative call to action on the same line ("Want
    # more? Visit our store", "Need help? Contact us today"); reporting does not put a verb of buying,
    # joining or visiting straight after a question.
    r"[A-Z][^.?!\n]{2,60}\?\s+(get|create|visit|try|download|join|contact|call|discover|find|shop|claim|"
    r"book|order|learn|start|grab|register)\b",
    r"(click|tap)\s+here\b",
    r"follow\s+(us|@\w+)\s+on\b",
    r"share\s+(this|on)\s+(article|story|facebook|twitter)\b",
    r"advertisement\s*$",
    r"(sponsored|promoted)(\s+content)?\s*:?\s*$",
    r"by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*(,\s*[A-Z][\w\s]{0,40})?$",  # byline "By Jane Doe, Reuters"
    r"\(?(reporting|writing|editing|additional\s+reporting)\s+by\b.{0,200}$",
    r"(copyright|©)\s.{0,120}(all\s+rights\s+reserved)?\s*$",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINE_PATTERNS), re.IGNORECASE)
# A byline pattern must not swallow a short reporting sentence: lines longer than this are story.
MAX_BOILERPLATE_LINE_CHARS = 220


# Newswire copy wraps lines at a fixed width; a line break that ends neither a sentence nor a
# paragraph (the next line is not indented and not blank) is a space in disguise.
_HARD_WRAP = re.compile(r"(?<![.!?:;\"')\]\n])\n(?=[^\s])")
# Press-release and wire datelines open the text: "WASHINGTON - ", "NEW YORK, March 3 (Reuters) -".
_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z .,'-]{2,60}(,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?(\s*\([A-Za-z ]+\))?"
    r"(\s*[-\u2013\u2014]{1,2}\s|\s{2,}(?=[A-Z]))"
)
# Scrapers that join fields write a missing one as the literal "None" (a null printed by the scraper):
# at a sentence or line boundary, glued to the next sentence or standing alone ("the case.NoneThe
# indictment", "None None"). Ordinary use is followed by lower-case words ("None of the defendants").
_NULL_PLACEHOLDER = re.compile(r"(?:^|(?<=[.!?\"')\]]))[ \t]*((?:None[ \t]*)+)(?=[A-Z]|\s+[A-Z\"]|\s*$)", re.M)
# Stock tickers in angle brackets ("AVX <AVX> REACHES SETTLEMENT") are not mentions of anything.
_TICKER = re.compile(r"<[A-Z][A-Z0-9.]{0,7}>")


@dataclass(frozen=True)
class CleanText:
    """The analysis text of one field and the boilerplate spans removed from it."""

    text: str
    removed: tuple[tuple[int, int], ...]


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (without their newline) of the lines that are boilerplate."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped and len(stripped) <= MAX_BOILERPLATE_LINE_CHARS and _BOILERPLATE.match(stripped):
            spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def clean_text(text: str) -> CleanText:
    """Blank boilerplate lines and map typographic characters, keeping every offset."""
    removed = boilerplate_spans(text)
    mapped = _HARD_WRAP.sub(" ", text.translate(TYPOGRAPHIC_FOLDING))
    chars = list(mapped)
    blank = removed + [m.span() for m in _TICKER.finditer(mapped)]
    blank += [m.span(1) for m in _NULL_PLACEHOLDER.finditer(mapped)]
    dateline = _DATELINE.match(mapped)
    if dateline:
        blank.append(dateline.span())
    for start, end in blank:
        chars[start:end] = " " * (end - start)
    cleaned = "".join(chars)
    assert len(cleaned) == len(text)
    return CleanText(text=cleaned, removed=tuple(removed))


#: Separator between the title and the text in the analysed document.
TITLE_SEPARATOR = "\n\n"


def analysis_text(title: str | None, text: str) -> tuple[str, int]:
    """The text spaCy sees (cleaned title, separator, cleaned text) and the offset where the text starts."""
    if not title:
        return clean_text(text).text, 0
    head = clean_text(title).text.replace("\n", " ") + TITLE_SEPARATOR
    return head + clean_text(text).text, len(head)
