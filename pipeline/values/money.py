"""Normalise amounts of money: "$887 million" -> Amount(887000000.0, "USD").

Pure functions, used by the entity stage on spaCy MONEY spans and on free text.
The currency lexicon is data (:mod:`pipeline.values.money_lexicon`); the grammar of an amount is

    [prefix] number [scale] [(- | to) [prefix] number [scale]] [suffix]

where the prefix is a symbol or code ("$", "C$", "€", "EUR", "Rs"), the scale a
multiplier word ("million", "mln", "bn", "m" directly after digits, "crore") and
the suffix a code or currency noun ("PLN", "dlrs", "Swiss francs", "stg").  An
amount needs a prefix or a suffix: "887 million users" and "5 million" are not
money.  Markers shared by several currencies ("$", "dlrs", "kr", "francs")
resolve to the caller's ``default_currency`` when it is one of their candidates,
else to the marker's usual reading (USD for dollars) or, where there is none
("kr", "francs", "pesos"), to nothing: the amount is dropped rather than guessed.
Cents and pence count (0.01 of the currency): the guidelines list per-share figures
("seven cts a share" -> 0.07 USD, "Shr 33p" -> 0.33 GBP).

Where the text states the unit once for several figures, the bare figures take it: the columns of a
wire results table ("Net 2,631,000 vs 336,000", in the table's or the story's currency) and a figure
compared with an amount just stated ("3.80 dlrs compared with 3.74").
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.values.money_grammar import (
    AMOUNT_CACHE_SIZE,
    AMOUNT_RE,
    BARE_RE,
    CONVERSION_END_RE,
    CONVERSION_GAP_RE,
    Amount,
    amounts_of_match,
    check_default,
    new_amount,
    parse_number,
    scale_multiplier,
)
from pipeline.values.money_lexicon import FAMILIES, SUBUNITS
from pipeline.values.money_tables import compared_amounts, table_amounts

__all__ = ["Amount", "drop_conversions", "find_amounts", "normalize_amount", "parse_number", "stated_currency"]

#: Currencies a family marker ("$", "dlrs", "crowns") may mean other than its usual reading: stated once
#: explicitly ("C$40 million", "Canadian dollars", "NOK"), they say what the document's bare markers mean.
_UNUSUAL_MEMBERS = frozenset(
    code
    for family, (candidates, usual) in FAMILIES.items()
    if family not in SUBUNITS
    for code in candidates
    if code != usual
)


def find_amounts(text: str, *, default_currency: str | None = None) -> list[tuple[int, int, Amount]]:
    """Every money expression of ``text`` as (start, end, amount), left to right, non-overlapping.

    Both ends of a range are returned ("$3-5 million" -> 3e6 and 5e6), and both sides of a
    conversion ("40.000 PLN (9400 EUR)"; see ``drop_conversions``).  A bare number is money only
    where the text gives its unit elsewhere: a results-table line (``table_amounts``) or a comparison
    with an amount just stated (``compared_amounts``).  ``default_currency`` settles ambiguous markers.
    """
    check_default(default_currency)
    found: list[tuple[int, int, Amount]] = []
    position = 0
    while (match := AMOUNT_RE.search(text, position)) is not None:
        amounts, position = amounts_of_match(match, text, default_currency=default_currency)
        found.extend(amounts)
    tables = table_amounts(text, found, default_currency=default_currency) if " vs" in text else []
    return sorted([*found, *tables, *compared_amounts(text, found, taken=tables)], key=lambda a: a[0])


def drop_conversions(text: str, amounts: list[tuple[int, int, Amount]]) -> list[tuple[int, int, Amount]]:
    """``amounts`` without those that convert the amount just before them into another currency.

    "$3.5m (£1.8m)" and "£3.7bn (about $7bn)" state one amount each: the guidelines record the
    first currency stated and do not list a conversion again.
    """
    kept: list[tuple[int, int, Amount]] = []
    for start, end, amount in amounts:
        if kept:
            previous_end, previous = kept[-1][1], kept[-1][2]
            gap = CONVERSION_GAP_RE.fullmatch(text, previous_end, start)
            if gap and previous.currency != amount.currency and CONVERSION_END_RE.match(text, end):
                continue
        kept.append((start, end, amount))
    return kept


@lru_cache(maxsize=AMOUNT_CACHE_SIZE)
def normalize_amount(text: str, *, default_currency: str | None = None) -> Amount | None:
    """The amount a money phrase states, or None where it states none.

    The first amount of the phrase wins ("40.000 PLN (9400 EUR)" -> 40000 PLN: the guidelines
    record the first currency stated).  ``default_currency`` is the currency the context implies:
    it settles ambiguous markers ("$" in a Canadian story) and, since the caller vouches that the
    phrase is money, gives a bare number its currency ("about 5 million" -> 5e6 of it).
    """
    amounts = find_amounts(text, default_currency=default_currency)
    if amounts:
        return amounts[0][2]
    bare = BARE_RE.fullmatch(text) if default_currency else None
    if bare is None:
        return None
    number = parse_number(bare["num"], scaled=bool(bare["scale"]))
    return new_amount(number, scale_multiplier(bare["scale"]), default_currency, default_currency=default_currency)


#: Texts whose amounts are kept: a document's text is read for its stated currency and then for its amounts.
AMOUNTS_CACHE_SIZE = 4


@lru_cache(maxsize=AMOUNTS_CACHE_SIZE)
def document_amounts(text: str, default_currency: str | None = None) -> tuple[tuple[int, int, Amount], ...]:
    """:func:`find_amounts` of a whole document, kept for the next call on the same text: the entity stage asks
    once to learn the stated currency and again for the amounts, which are the same when it states none."""
    return tuple(find_amounts(text, default_currency=default_currency))


def stated_currency(text: str) -> str | None:
    """The currency a document's ambiguous markers mean, from the document itself: the one member of a
    family ("$", "dlrs", "kr", "francs") other than the family's usual reading that the text states
    explicitly ("C$5 million", "40 Canadian dlrs", "NOK 2 mln"); None when it states none, or several
    (then each ambiguous marker keeps its usual reading). Writers name the currency once in full and
    abbreviate after, so the explicit mention settles the bare ones, whatever country the story names.
    """
    # ``None`` passed as the entity stage passes it: lru_cache keys ``(text,)`` and ``(text, None)`` apart
    stated = {amount.currency for _, _, amount in document_amounts(text, None)} & _UNUSUAL_MEMBERS
    return next(iter(stated)) if len(stated) == 1 else None
