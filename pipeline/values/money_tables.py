"""Bare figures whose unit the text states once: wire results tables and comparisons.

"Net 2,631,000 vs 336,000" (a results-table line, in the table's or the story's currency) and "3.80 dlrs
compared with 3.74" (a figure compared with an amount just stated) are money although the figures carry
no unit of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pipeline.values.money_grammar import (
    AMOUNT_RE,
    NUMBER_PATTERN,
    SCALE_PATTERN,
    UNIT_PATTERN,
    Amount,
    alternation,
    marker_currency,
    parse_number,
    resolve_currency,
    scale_multiplier,
    subunit_value,
)
from pipeline.values.money_lexicon import (
    COMPARISON_FOLLOWERS,
    COMPARISON_WORDS,
    TABLE_COUNT_WORDS,
    TABLE_MONEY_LABELS,
    TABLE_SIGN_WORDS,
)

#: A figure whose unit the context gives: "336,000", "237.2 mln", ".062" (a year alone is no figure).
_FIGURE = rf"(?P<num>{NUMBER_PATTERN}|(?<![\d.])\.\d+(?!\d))(?P<scale>{SCALE_PATTERN})?"
#: A results-table line: a label of words, then columns compared with "vs".
_TABLE_LABEL_RE = re.compile(r"[ \t]*(?P<label>(?:[A-Za-z][A-Za-z.'&/-]*[ \t]+){1,6})")
_TABLE_SIGN_RE = re.compile(rf"(?i:{alternation(TABLE_SIGN_WORDS)})\s+")
_TABLE_FIGURE_RE = re.compile(_FIGURE + r"(?=\s+vs\b|\s*(?:[,;.)]|\n|$|\s+[a-z]+\s*$))", re.VERBOSE | re.M)
_TABLE_VS_RE = re.compile(r"\s+vs\.?\s+")
#: "Figures in sterling", "All figures in U.S. dollars": the unit of a whole table.
_TABLE_NOTE_RE = re.compile(
    rf"(?i:figures|results|amounts)\s+(?:are\s+)?(?:(?i:quoted|given|stated|expressed|reported)\s+)?in\s+"
    rf"(?:[A-Z][a-z]+\s+)?(?P<unit>{UNIT_PATTERN})\b"
)
#: An amount's comparison: a short gap within the sentence, a comparison word, a figure and what may
#: follow a money figure (a count such as "from 12 banks" or "vs 12 pct" is followed by its noun).
MAX_COMPARISON_GAP = 60
_COMPARED_RE = re.compile(
    rf"""(?:[^\d;!?.\n]|\n(?=\S)|\.(?=\S)){{0,{MAX_COMPARISON_GAP}}}?
    (?<![\w.])(?i:{alternation(COMPARISON_WORDS)})\s+(?:(?i:{alternation(TABLE_SIGN_WORDS)})\s+)?
    {_FIGURE}
    (?=\s*(?:[,;:)\]]|\.(?!\d)|$)|\s+(?i:{alternation(COMPARISON_FOLLOWERS)})\b)""",
    re.VERBOSE,
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


# --- Units given once ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """What a stated amount lends to a figure that omits it: currency, subunit and multiplier."""

    currency: str
    subunit: Decimal | int
    scale: int


def _unit_of(text: str, start: int, amount: Amount) -> _Unit:
    match = AMOUNT_RE.match(text, start)
    if match is None:  # a range's second end read on its own
        return _Unit(amount.currency, 1, 1)
    subunit = 1 if match["prefix"] else subunit_value(match["suffix"])
    return _Unit(amount.currency, subunit, scale_multiplier(match["scale"] or match["scale2"]))


def _figure(match: re.Match[str], unit: _Unit, *, own_scale_only: bool) -> Amount | None:
    """The amount of a figure written without its unit, or None for a year or a bad number."""
    written, scale = match["num"], match["scale"]
    if not scale and _YEAR_RE.fullmatch(written):
        return None
    number = parse_number(written, scaled=bool(scale))
    if number is None:
        return None
    # "5.2 mln dlrs from 4.1" borrows the multiplier; a column ("Revs 15.4 mln vs 9,443,000") never does
    borrow = not scale and not own_scale_only and not re.search(r"[,\s]", written)
    multiplier = unit.scale if borrow else scale_multiplier(scale)
    return Amount(value=float(number * multiplier * unit.subunit), currency=unit.currency)


def _table_note_currency(text: str, *, default_currency: str | None) -> str | None:
    note = _TABLE_NOTE_RE.search(text)
    return resolve_currency(marker_currency(note["unit"]), default_currency=default_currency) if note else None


def _is_money_label(label: str) -> bool:
    words = label.lower().replace(".", "").split()
    return bool(words) and words[0] in TABLE_MONEY_LABELS and TABLE_COUNT_WORDS.isdisjoint(words)


def table_amounts(
    text: str, found: list[tuple[int, int, Amount]], *, default_currency: str | None = None
) -> list[tuple[int, int, Amount]]:
    """Figures of results-table lines that the grammar cannot read because the unit is not repeated.

    A line "Net 2,631,000 vs 336,000" (label, columns joined by "vs") takes the unit stated on the line
    ("Group shr 18.34 yen vs 58.72"), else the currency of the table's previous lines, else a note
    ("Figures in sterling"), else the story's currency, else US dollars (the wire's default).  Lines
    whose label counts things ("Avg shrs") are skipped.
    """
    carried: list[tuple[int, int, Amount]] = []
    by_start = {start: (start, end, amount) for start, end, amount in found}
    table_currency = None
    note_currency = _table_note_currency(text, default_currency=default_currency)
    fallback = default_currency or "USD"
    line_start = 0
    for line in text.splitlines(keepends=True):
        line_end, begin = line_start + len(line), line_start
        line_start = line_end
        label = _TABLE_LABEL_RE.match(text, begin, line_end)
        if label is None or not _TABLE_VS_RE.search(text, begin, line_end) or not _is_money_label(label["label"]):
            continue
        stated = [(s, a) for s, e, a in found if begin <= s < line_end]
        unit = _unit_of(text, *stated[0]) if stated else None
        currency = unit.currency if unit else table_currency or note_currency or fallback
        table_currency = currency
        unit = unit or _Unit(currency, 1, 1)
        position = label.end()
        while True:
            sign = _TABLE_SIGN_RE.match(text, position, line_end)
            position = sign.end() if sign else position
            if position in by_start:
                position = by_start[position][1]
            elif figure := _TABLE_FIGURE_RE.match(text, position, line_end):
                amount = _figure(figure, unit, own_scale_only=True)
                if amount is None:
                    break
                carried.append((figure.start(), figure.end(), amount))
                position = figure.end()
            else:
                break
            if (vs := _TABLE_VS_RE.match(text, position, line_end)) is None:
                break
            position = vs.end()
    return carried


def compared_amounts(
    text: str, found: list[tuple[int, int, Amount]], *, taken: Sequence[tuple[int, int, Amount]] = ()
) -> list[tuple[int, int, Amount]]:
    """Figures compared with an amount just stated, in its unit: "3.80 dlrs compared with 3.74 in 1986",
    "profit of 5.2 mln dlrs, up from 4.1 mln"; ``taken`` are figures already read (table columns)."""
    occupied = {start for start, _, _ in [*found, *taken]}
    carried: list[tuple[int, int, Amount]] = []
    for start, end, amount in found:
        compared = _COMPARED_RE.match(text, end)
        if compared is None or compared.start("num") in occupied:
            continue
        figure = _figure(compared, _unit_of(text, start, amount), own_scale_only=False)
        if figure is not None:
            carried.append((compared.start("num"), compared.end(), figure))
            occupied.add(compared.start("num"))
    return carried
