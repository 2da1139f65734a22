"""U.S. Attorney's Offices by district: one entity per district, however the article writes it.

The gazetteer knows "U.S. Attorney's Office" as one body, but each of the 94 districts is its own office
(its own press releases, prosecutors and cases), so the offices of two districts are two entities. Press
releases name them in several ways, often with the apostrophe lost in scraping:

- "U.S. Attorney's Office for the Eastern District of Virginia", "U.S. Attorneys Office in South Carolina",
- "Colorado U.S. Attorneys Office",
- "U.S. Attorney for the District of New Jersey Paul Fishman" (the office through its head),
- "U.S. Attorney Carter Stewart of the Southern District of Ohio", "Assistant U.S. Attorneys X and Y of
  the District of Minnesota" (only the words "U.S. Attorney(s)" become the office's mention).

:func:`find_district_offices` returns each mention with a district key, so mentions of one district share
an id (``reg:usao-us:<key>``) and a name ("U.S. Attorney's Office for the District of Colorado").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

GENERIC_ID = "reg:usao-us"
CANONICAL_PREFIX = "U.S. Attorney's Office"
_US = r"(?:U\.S\.|US|United States)"
_PLACE = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
_DISTRICT = rf"(?:(?P<dir>Northern|Southern|Eastern|Western|Central|Middle) )?District of (?P<place>{_PLACE})"
_OFFICE = rf"{_US} Attorney(?:'s|\u2019s|s'|s\u2019|s)? [Oo]ffice"
_PERSON = r"(?:[A-Z][\w.'\u2019-]*,? |and ){1,8}?"
_HEAD = re.compile(rf"(?:Acting |Assistant )?{_US} Attorneys?")


@dataclass(frozen=True)
class Form:
    """One way of naming a district's office: the pattern, and how to read its match."""

    pattern: re.Pattern[str]
    place_leads: bool = True  # the place is the first words of the captured run (else the last ones)
    head_only: bool = False  # only the "U.S. Attorney(s)" words name the office


FORMS: tuple[Form, ...] = (
    Form(re.compile(rf"{_OFFICE} (?:for|of|in) (?:the )?{_DISTRICT}")),
    Form(re.compile(rf"{_OFFICE} in (?P<place>{_PLACE})")),
    Form(re.compile(rf"(?P<place>{_PLACE}) {_OFFICE}"), place_leads=False),
    Form(re.compile(rf"(?:Acting |Assistant )?{_US} Attorneys? (?:for|of) (?:the )?{_DISTRICT}")),
    Form(re.compile(rf"{_US} Attorneys? (?!for\b|of\b){_PERSON}of (?:the )?{_DISTRICT}"), head_only=True),
)
# Words a title-case run picks up after a place ("District of New Jersey Paul Fishman").
_APOSTROPHE_LESS = re.compile(r"Attorneys['\u2019]? ([Oo]ffice)")


@dataclass(frozen=True)
class DistrictOffice:
    """One mention of a district's U.S. Attorney's Office: character offsets, id, repaired text."""

    start: int
    end: int
    kb_id: str
    text: str


def is_district_id(kb_id: str | None) -> bool:
    """True for the id of one district's office ("reg:usao-us:district-of-colorado")."""
    return bool(kb_id) and str(kb_id).startswith(f"{GENERIC_ID}:")


def same_office(span_id: str, cluster_id: str | None) -> bool:
    """True when two ids can name one office: equal, or one is the generic office and the other a district's
    (a bare "the U.S. Attorney's Office" after "... for the District of Colorado" is that district's)."""
    if not cluster_id:
        return False
    if span_id == cluster_id:
        return True
    pair = {span_id, cluster_id}
    return GENERIC_ID in pair and any(is_district_id(i) for i in pair)


def canonical_name(kb_id: str) -> str:
    """ "U.S. Attorney's Office for the Southern District of Ohio" from its district id."""
    words = kb_id.removeprefix(f"{GENERIC_ID}:").split("-")
    return f"{CANONICAL_PREFIX} for the " + " ".join(w if w == "of" else w.capitalize() for w in words)


def _place(words: str, is_place: Callable[[str], bool], *, leads: bool) -> str | None:
    """The longest leading (or trailing) run of ``words`` that is a U.S. state or territory, else None."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        candidate = " ".join(parts[:n] if leads else parts[-n:])
        for form in (candidate, f"District of {candidate}"):
            if is_place(form):
                return candidate
    return None


def repaired(text: str) -> str:
    """The mention with its lost apostrophe restored: 'U.S. Attorneys Office' -> "U.S. Attorney's Office"."""
    return _APOSTROPHE_LESS.sub(r"Attorney's \1", text)


def find_district_offices(text: str, *, is_place: Callable[[str], bool]) -> list[DistrictOffice]:
    """Every district-specific mention of a U.S. Attorney's Office in ``text``, leftmost-longest first.

    ``is_place`` says whether a name is a U.S. state or territory; mentions whose place it rejects are
    left to the gazetteer's generic entry.  "U.S. Attorney's Office in South Carolina" is taken to name the
    District of South Carolina (the article's words stay the mention's text).
    """
    found: list[DistrictOffice] = []
    for form in FORMS:
        for match in form.pattern.finditer(text):
            place = _place(match.group("place"), is_place, leads=form.place_leads)
            if place is None:
                continue
            direction = match.groupdict().get("dir") or ""
            district = f"{direction + ' ' if direction else ''}District of {place}"
            start, end = match.start(), match.end()
            if form.head_only:
                end = start + len(_HEAD.match(match.group(0)).group(0))  # type: ignore[union-attr]
            elif form.place_leads:
                end = match.start("place") + len(place)
            else:
                start = match.end("place") - len(place)
            key = re.sub(r"[^a-z]+", "-", district.lower()).strip("-")
            found.append(DistrictOffice(start, end, f"{GENERIC_ID}:{key}", repaired(text[start:end])))
    taken: list[DistrictOffice] = []
    for office in sorted(found, key=lambda o: (o.start, -(o.end - o.start))):
        if all(office.end <= t.start or office.start >= t.end for t in taken):
            taken.append(office)
    return taken
