"""The grammar of an amount of money and its pure helpers (used by :mod:`pipeline.values.money`).

    [prefix] number [scale] [(- | to) [prefix] number [scale]] [suffix]

The prefix is a symbol or code ("$", "C$", "€", "EUR", "Rs"), the scale a multiplier word ("million",
"mln", "bn", "m" directly after digits, "crore") and the suffix a code or currency noun ("PLN", "dlrs",
"Swiss francs", "stg"). The currency lexicon is data (:mod:`pipeline.values.money_lexicon`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.values.money_lexicon import (
    ARTICLE_NUMBERS,
    CARDINALS,
    CODES,
    DIGIT_SUFFIXES,
    FAMILIES,
    HEDGES,
    MULTIPLIER_LETTERS,
    MULTIPLIERS,
    NUMBER_WORDS,
    PREFIX_MARKERS,
    QUALIFIERS,
    SUBUNITS,
    SUFFIX_SYMBOLS,
    UNIT_WORDS,
    VIDEO_RESOLUTIONS,
    WORDS_NEEDING_SCALE,
)

#: Money phrases whose reading is memoised: the entity stage normalises each MONEY mention once to find
#: its cluster and again to start one. Bounded so a long run does not grow without limit.
AMOUNT_CACHE_SIZE = 8192


@dataclass(frozen=True)
class Amount:
    """A normalised amount: ``value`` in units of ``currency`` (ISO 4217)."""

    value: float
    currency: str


# --- Grammar -------------------------------------------------------------------------------------


def alternation(keys: object) -> str:
    """Regex alternation of literal keys, longest first, with any space matching any whitespace."""
    ordered = sorted(keys, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(key).replace(r"\ ", r"\s+") for key in ordered)


NUMBER_PATTERN = r"""
    (?<![\d.,])
    (?:\d{1,3}(?:\.\d{3})+,\d+            # 1.234.567,89
      |\d{1,3}(?:,\d{3})+(?:\.\d+)?       # 140,400  1,000.50
      |\d{1,3}(?:\.\d{3}){2,}             # 1.234.567
      |\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?   # 40 000
      |\d+,\d{1,2}                        # 2,5
      |\d+(?:\.\d+)?                      # 887  2.8  40.000 (decided later)
    )(?![\d])
"""
SCALE_PATTERN = (
    r"(?:[\s-]*(?i:" + alternation(MULTIPLIERS) + r")"
    r"|(?i:" + alternation(MULTIPLIER_LETTERS) + r"))(?![A-Za-z])"
)
_PREFIX = r"(?<![A-Za-z])(?:" + alternation(PREFIX_MARKERS) + "|" + alternation(CODES) + r")\s{0,3}"
UNIT_PATTERN = r"(?i:(?:(?:" + alternation(QUALIFIERS) + r")\s+)?(?:" + alternation(UNIT_WORDS) + r"))"
_MULTIPLIER_WORD = r"(?i:" + alternation(MULTIPLIERS) + r")"
_WORD = (
    r"(?<!\w)(?:(?i:" + alternation(ARTICLE_NUMBERS) + r")(?=[\s-]+" + _MULTIPLIER_WORD + r")"
    r"|(?i:" + alternation(CARDINALS) + r")(?=[\s-]+(?:" + _MULTIPLIER_WORD + "|" + UNIT_PATTERN + r")"
    r"|\s*(?:[-–—]|to|and)\s*\w))(?![A-Za-z])"
)
_SUFFIX = (
    r"[\s-]*(?:"
    + UNIT_PATTERN
    + r"|(?:"
    # a code or symbol followed by a number is the prefix of the next amount ("40.000 PLN (9400 EUR)")
    + alternation(CODES)
    + "|"
    + alternation(SUFFIX_SYMBOLS)
    + r")(?!\s{0,3}\d)"
    + r"|(?<=\d)(?i:"
    + alternation(DIGIT_SUFFIXES)
    + r"))(?![A-Za-z])"
)
AMOUNT_RE = re.compile(
    rf"""
    (?P<prefix>{_PREFIX})?
    (?:(?P<num>{NUMBER_PATTERN})|(?P<word>{_WORD}))
    (?P<scale>{SCALE_PATTERN})?
    (?P<range>\s*(?P<conn>[-–—]|to|and)\s*(?P<prefix2>{_PREFIX})?(?:(?P<num2>{NUMBER_PATTERN})|(?P<word2>{_WORD}))
      (?P<scale2>{SCALE_PATTERN})?)?
    (?P<suffix>{_SUFFIX})?
    """,
    re.VERBOSE,
)
#: After "pounds", these mark a weight, not money ("7,500 pounds of explosives", "700 pounds (320kg)").
_WEIGHT_AFTER_RE = re.compile(r"\s*(?:of|per|emitted|each|a\s+(?:day|week|month|year)|\(\s*\d)\b")
#: Text between an amount and a conversion of it: "$3.5m (£1.8m)", "£3.7bn (about $7bn)".
CONVERSION_GAP_RE = re.compile(r"\s*[(\[]\s*(?:(?i:about|approx\.?|approximately|around|roughly|some|c\.)\s*)?")
CONVERSION_END_RE = re.compile(r"\s*[)\]]")
_BETWEEN_RE = re.compile(r"(?i:between)\s*$")
BARE_RE = re.compile(
    rf"\s*(?:(?i:{alternation(HEDGES)})\s+)?(?P<num>{NUMBER_PATTERN})(?P<scale>{SCALE_PATTERN})?\s*", re.VERBOSE
)
_CODE_RE = re.compile(r"[A-Z]{3}")
_SPACES_RE = re.compile(r"\s+")


# --- Pure helpers --------------------------------------------------------------------------------


def parse_number(text: str, *, scaled: bool) -> Decimal | None:
    """Read a written number in English or European style; ``scaled`` if a multiplier follows.

    "140,400" -> 140400; "2,5" -> 2.5; "1.234.567,89" -> 1234567.89; "40.000" -> 40000, but
    "1.500 billion" -> 1.5 (a dot before exactly three digits is a thousands separator only when
    no multiplier follows, since "$1.500 billion" is an English decimal).
    """
    digits = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", digits):
        digits = digits.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits) or (not scaled and re.fullmatch(r"\d{1,3}\.\d{3}", digits)):
        digits = digits.replace(".", "")
    else:
        digits = re.sub(r"[ \u00a0\u202f\u2009]", "", digits).replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def phrase_key(text: str) -> str:
    """A matched phrase as the lexicon spells it: any run of whitespace one space, no edge space or hyphen.

    The grammar lets any whitespace separate words ("$25\\r\\nmillion" in Windows copy hard-wrapped mid-amount,
    "Swiss\\u00a0francs"), so a lookup must never use the raw text.
    """
    return _SPACES_RE.sub(" ", text).strip(" -")


def scale_multiplier(scale: str | None) -> int:
    if not scale:
        return 1
    key = phrase_key(scale).lower()
    return MULTIPLIERS.get(key) or MULTIPLIER_LETTERS[key]


def marker_currency(marker: str | None) -> str | None:
    """ISO code or family name of a prefix or suffix marker as matched in the text."""
    if not marker:
        return None
    marker = phrase_key(marker)
    for table in (PREFIX_MARKERS, CODES, SUFFIX_SYMBOLS):
        if marker in table:
            return table[marker]
    lowered = marker.lower()
    if lowered in UNIT_WORDS or lowered in DIGIT_SUFFIXES:
        return UNIT_WORDS.get(lowered) or DIGIT_SUFFIXES[lowered]
    for qualifier, code in QUALIFIERS.items():
        rest = lowered[len(qualifier) :].strip()
        if lowered.startswith(qualifier) and rest in UNIT_WORDS:
            return code
    return None  # unreachable for text the grammar matched


def resolve_currency(marker: str | None, *, default_currency: str | None) -> str | None:
    """ISO code for a marker's code or family, using ``default_currency`` to settle a family."""
    if marker is None or marker not in FAMILIES:
        return marker
    candidates, usual = FAMILIES[marker]
    return default_currency if default_currency in candidates else usual


def check_default(default_currency: str | None) -> None:
    if default_currency is not None and not _CODE_RE.fullmatch(default_currency):
        raise ValueError(
            f"default_currency must be an ISO 4217 code such as 'USD', got {default_currency!r}; "
            "pass None when the context gives no currency"
        )


def new_amount(
    number: Decimal | None, scale: Decimal | int, marker: str | None, *, default_currency: str | None
) -> Amount | None:
    """The amount ``number`` x ``scale`` of the marker's currency, or None if either is unknown."""
    currency = resolve_currency(marker, default_currency=default_currency)
    if number is None or currency is None:
        return None
    return Amount(value=float(number * scale), currency=currency)


def subunit_value(suffix: str | None) -> Decimal | int:
    """Fraction of the currency a suffix names: 0.01 for "cts", "pence", "Canadian cts"; else 1."""
    words = phrase_key(suffix or "").lower().split()
    if not words:
        return 1
    return SUBUNITS.get(UNIT_WORDS.get(words[-1]) or DIGIT_SUFFIXES.get(words[-1], ""), 1)


def _suffix_marker(match: re.Match[str], text: str) -> str | None:
    """Code or family of the match's suffix, unless the suffix is a word that is not money here."""
    suffix = match["suffix"]
    if suffix is None:
        return None
    word = phrase_key(suffix).lower()
    if word in WORDS_NEEDING_SCALE and not (match["scale"] or match["scale2"] or "," in (match["num"] or "")):
        return None
    if word in DIGIT_SUFFIXES and (
        (match["num2"] or match["num"]) in VIDEO_RESOLUTIONS or text[match.start() - 1 : match.start()].isalnum()
    ):  # "1080p" is a resolution, "P2P" a word
        return None
    marker = marker_currency(suffix)
    if marker == "pound" and _WEIGHT_AFTER_RE.match(text, match.end()):
        return None
    return marker


def _number(match: re.Match[str], which: str, *, scaled: bool) -> Decimal | None:
    word = match["word" if which == "num" else "word2"]
    if word:
        return NUMBER_WORDS[phrase_key(word).lower()]
    return parse_number(match[which], scaled=scaled)


def amounts_of_match(
    match: re.Match[str], text: str, *, default_currency: str | None
) -> tuple[list[tuple[int, int, Amount]], int]:
    """The one or two amounts (a range) one grammar match states, and where to search on."""
    prefix, suffix = marker_currency(match["prefix"]), _suffix_marker(match, text)
    scale1, scale2 = match["scale"], match["scale2"]
    conn = match["conn"]
    # "$3-5 million" and "between three and five billion dlrs" are ranges; in "paid $5 to 10
    # people" or "$1 million and $2 million" the second number is not (or not only) the first's end.
    has_range = match["range"] is not None and bool(
        scale2 or match["prefix2"] or suffix or (conn not in ("to", "and") and not scale1)
    )
    if conn == "and" and not _BETWEEN_RE.search(text, 0, match.start()):
        has_range = False
    first = _number(match, "num", scaled=bool(scale1 or (has_range and scale2)))
    first_end = match.end("scale") if scale1 else match.end("num") if match["num"] else match.end("word")
    marker1 = prefix or suffix
    unit1 = 1 if prefix else subunit_value(match["suffix"])
    if not has_range:
        amount = new_amount(first, scale_multiplier(scale1) * unit1, marker1, default_currency=default_currency)
        end = match.end() if match["range"] is None else first_end
        return ([(match.start(), end, amount)] if amount is not None else []), end
    second = _number(match, "num2", scaled=bool(scale2))
    marker2 = marker_currency(match["prefix2"]) or prefix or suffix
    unit2 = 1 if match["prefix2"] or prefix else subunit_value(match["suffix"])
    # The first end borrows the second's multiplier ("$3-5 million") unless it is the larger
    # number or written in full ("$300,000-$1 million").
    whole = bool(match["word"]) or (match["num"] or "").isdigit()
    borrow = not scale1 and whole and first is not None and second is not None and first <= second
    second_start = match.start("prefix2" if match["prefix2"] else "num2" if match["num2"] else "word2")
    first_scale = scale_multiplier(scale2 if borrow else scale1) * unit1
    ends = (
        (match.start(), first_end, new_amount(first, first_scale, marker1, default_currency=default_currency)),
        (second_start, match.end(), new_amount(second, scale_multiplier(scale2) * unit2, marker2,
                                            default_currency=default_currency)),
    )  # fmt: skip
    return [(start, end, amount) for start, end, amount in ends if amount is not None], match.end()
