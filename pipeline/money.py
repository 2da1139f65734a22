"""Normalise amounts of money: "$887 million" -> Amount(887000000.0, "USD").

Pure functions, used by the entity stage on spaCy MONEY spans and on free text.
The currency lexicon is data (the tables below); the grammar of an amount is

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
("seven cts a share" -> 0.07 USD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# --- Lexicon -------------------------------------------------------------------------------------
# Values are ISO 4217 codes (upper case) or the name of an ambiguous family (lower case), which
# FAMILIES resolves.  Withdrawn codes (DEM, FRF, ITL, ...) matter for the 1987 Reuters corpus.

#: Ambiguous markers: family -> (currencies it may stand for, reading when context does not say).
FAMILIES: dict[str, tuple[frozenset[str], str | None]] = {
    "dollar": (frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "ZWD", "JMD", "BSD"}), "USD"),
    "pound": (frozenset({"GBP", "EGP", "IEP", "LBP", "SYP", "CYP"}), "GBP"),
    "yen_yuan": (frozenset({"JPY", "CNY"}), "JPY"),  # the sign ¥
    "rupee": (frozenset({"INR", "PKR", "LKR", "NPR", "MUR"}), "INR"),
    "kr": (frozenset({"SEK", "NOK", "DKK", "ISK"}), None),
    "crown": (frozenset({"SEK", "NOK", "DKK", "ISK", "CZK", "SKK"}), None),
    "krone": (frozenset({"NOK", "DKK"}), None),
    "franc": (frozenset({"CHF", "FRF", "BEF", "LUF", "XOF", "XAF"}), None),
    "peso": (frozenset({"MXN", "ARS", "PHP", "CLP", "COP", "UYU", "DOP"}), None),
    "dinar": (frozenset({"KWD", "BHD", "JOD", "IQD", "DZD", "TND", "RSD", "LYD"}), None),
    "riyal": (frozenset({"SAR", "QAR", "OMR", "YER", "IRR"}), None),
    "shilling": (frozenset({"KES", "UGX", "TZS", "SOS", "ATS"}), None),
    "cent": (frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "EUR"}), "USD"),
    "penny": (frozenset({"GBP"}), "GBP"),
}

#: Families that name a hundredth of the currency ("seven cts a share" -> 0.07 USD).
SUBUNITS: dict[str, Decimal] = {"cent": Decimal("0.01"), "penny": Decimal("0.01")}

#: Symbols and codes written before the number ("$5", "C$3 million", "EUR 2.8m", "Rs 500 crore").
PREFIX_MARKERS: dict[str, str] = {
    "$": "dollar", "US$": "USD", "US $": "USD", "U.S.$": "USD", "U.S. $": "USD", "USD$": "USD",
    "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "CDN$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN",
    "€": "EUR", "£": "GBP", "¥": "yen_yuan", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₦": "NGN", "₱": "PHP", "₪": "ILS", "Rs": "rupee", "Rs.": "rupee", "kr": "kr", "kr.": "kr",
    "SFr": "CHF", "SFr.": "CHF", "DM": "DEM", "TL": "TRY",
}  # fmt: skip

#: Symbols written after the number ("20.000 €", "500 zł", "100 kr").
SUFFIX_SYMBOLS: dict[str, str] = {
    "€": "EUR", "zł": "PLN", "kr": "kr", "kr.": "kr", "Kč": "CZK", "Ft": "HUF",
    "TL": "TRY", "DM": "DEM",
}  # fmt: skip

#: Currency codes, accepted on either side of the number and only in upper case ("CHF 5 million").
CODES: dict[str, str] = {
    code: code
    for code in (
        "USD EUR GBP JPY CNY CHF CAD AUD NZD HKD SGD TWD SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RUB "
        "UAH TRY INR PKR LKR BDT IDR MYR THB PHP VND KRW BRL MXN ARS CLP COP PEN ZAR NGN KES EGP MAD "
        "ILS SAR AED QAR KWD BHD OMR JOD DEM FRF ITL ESP NLG BEF ATS IEP PTE GRD FIM"
    ).split()
} | {"RMB": "CNY", "NIS": "ILS", "STG": "GBP"}

#: Currency nouns written after the number (matched case-insensitively: Reuters titles are upper case).
UNIT_WORDS: dict[str, str] = {
    "dollar": "dollar", "dollars": "dollar", "dlr": "dollar", "dlrs": "dollar",
    "euro": "EUR", "euros": "EUR", "pound": "pound", "pounds": "pound", "pounds sterling": "GBP",
    "sterling": "GBP", "stg": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "franc": "franc", "francs": "franc", "crown": "crown", "crowns": "crown", "krona": "SEK",
    "kronor": "SEK", "krone": "krone", "kroner": "krone", "rupee": "rupee", "rupees": "rupee",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY",
    "lire": "ITL", "mark": "DEM", "marks": "DEM", "deutschemarks": "DEM", "guilder": "NLG",
    "guilders": "NLG", "peseta": "ESP", "pesetas": "ESP", "escudo": "PTE", "escudos": "PTE",
    "drachma": "GRD", "drachmas": "GRD", "punt": "IEP", "punts": "IEP", "schilling": "ATS",
    "schillings": "ATS", "shilling": "shilling", "shillings": "shilling", "peso": "peso",
    "pesos": "peso", "rand": "ZAR", "reais": "BRL", "cruzados": "BRC", "ringgit": "MYR",
    "baht": "THB", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "forint": "HUF",
    "rupiah": "IDR", "won": "KRW", "naira": "NGN", "shekel": "ILS", "shekels": "ILS",
    "dirham": "AED", "dirhams": "AED", "riyal": "riyal", "riyals": "riyal", "dinar": "dinar",
    "dinars": "dinar", "hryvnia": "UAH", "cent": "cent", "cents": "cent", "ct": "cent", "cts": "cent",
    "penny": "penny", "pence": "penny",
}  # fmt: skip

#: Country words before a currency noun, naming the currency ("Canadian dlrs", "Swiss francs").
QUALIFIERS: dict[str, str] = {
    "u.s.": "USD", "us": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "n.z.": "NZD", "new zealand": "NZD", "h.k.": "HKD", "hk": "HKD", "hong kong": "HKD",
    "singapore": "SGD", "taiwan": "TWD", "swiss": "CHF", "french": "FRF", "belgian": "BEF",
    "luxembourg": "LUF", "danish": "DKK", "norwegian": "NOK", "swedish": "SEK", "icelandic": "ISK",
    "czech": "CZK", "west german": "DEM", "german": "DEM", "dutch": "NLG", "italian": "ITL",
    "irish": "IEP", "austrian": "ATS", "spanish": "ESP", "finnish": "FIM", "british": "GBP",
    "egyptian": "EGP", "japanese": "JPY", "chinese": "CNY", "indian": "INR", "pakistani": "PKR",
    "russian": "RUB", "turkish": "TRY", "mexican": "MXN", "argentine": "ARS", "philippine": "PHP",
    "chilean": "CLP", "colombian": "COP", "brazilian": "BRL", "south african": "ZAR",
    "kenyan": "KES", "saudi": "SAR", "qatari": "QAR", "kuwaiti": "KWD", "jordanian": "JOD",
}  # fmt: skip

#: Currency nouns that are also common English words ("in 2005 won", "2005 marks the anniversary"):
#: money only after a multiplier or a number written with separators.
WORDS_NEEDING_SCALE = frozenset({"won", "mark", "marks", "crown", "crowns", "punt", "punts", "rand"})

#: Money phrases whose reading is memoised: the entity stage normalises each MONEY mention once to find
#: its cluster and again to start one. Bounded so a long run does not grow without limit.
AMOUNT_CACHE_SIZE = 8192

#: Multipliers after the number; MULTIPLIER_LETTERS only directly after digits ("$2b", "€2.8m").
MULTIPLIERS: dict[str, int] = {
    "hundred": 10**2, "thousand": 10**3, "million": 10**6, "mln": 10**6, "mn": 10**6, "mil": 10**6,
    "mio": 10**6, "mio.": 10**6, "billion": 10**9, "bln": 10**9, "bn": 10**9, "mrd": 10**9,
    "mrd.": 10**9, "milliard": 10**9, "trillion": 10**12, "tn": 10**12, "trn": 10**12,
    "crore": 10**7, "crores": 10**7, "cr": 10**7, "lakh": 10**5, "lakhs": 10**5, "lac": 10**5,
}  # fmt: skip
MULTIPLIER_LETTERS: dict[str, int] = {"k": 10**3, "m": 10**6, "b": 10**9}

#: Number words that may stand before a multiplier ("half a million dollars", "a billion yen").
ARTICLE_NUMBERS: dict[str, Decimal] = {
    "half a": Decimal("0.5"), "a quarter of a": Decimal("0.25"), "a": Decimal(1), "an": Decimal(1),
}  # fmt: skip
#: Number words that may also stand before a currency noun ("two dlrs", "seven cts a share").
CARDINALS: dict[str, Decimal] = {
    "one": Decimal(1), "two": Decimal(2), "three": Decimal(3), "four": Decimal(4), "five": Decimal(5),
    "six": Decimal(6), "seven": Decimal(7), "eight": Decimal(8), "nine": Decimal(9), "ten": Decimal(10),
    "twenty": Decimal(20), "fifty": Decimal(50),
}  # fmt: skip
NUMBER_WORDS: dict[str, Decimal] = ARTICLE_NUMBERS | CARDINALS

#: Words that may precede a bare number that the caller knows is money ("about 5 million").
HEDGES = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "over", "under", "some",
    "more than", "less than", "up to", "at least", "as much as", "an estimated", "a total of",
)  # fmt: skip


@dataclass(frozen=True)
class Amount:
    """A normalised amount: ``value`` in units of ``currency`` (ISO 4217)."""

    value: float
    currency: str


# --- Grammar -------------------------------------------------------------------------------------


def _alternation(keys: object) -> str:
    """Regex alternation of literal keys, longest first, with any space matching any whitespace."""
    ordered = sorted(keys, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(key).replace(r"\ ", r"\s+") for key in ordered)


_NUMBER = r"""
    (?<![\d.,])
    (?:\d{1,3}(?:\.\d{3})+,\d+            # 1.234.567,89
      |\d{1,3}(?:,\d{3})+(?:\.\d+)?       # 140,400  1,000.50
      |\d{1,3}(?:\.\d{3}){2,}             # 1.234.567
      |\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?   # 40 000
      |\d+,\d{1,2}                        # 2,5
      |\d+(?:\.\d+)?                      # 887  2.8  40.000 (decided later)
    )(?![\d])
"""
_SCALE = (
    r"(?:[\s-]*(?i:" + _alternation(MULTIPLIERS) + r")"
    r"|(?i:" + _alternation(MULTIPLIER_LETTERS) + r"))(?![A-Za-z])"
)
_PREFIX = r"(?<![A-Za-z])(?:" + _alternation(PREFIX_MARKERS) + "|" + _alternation(CODES) + r")\s{0,3}"
_UNIT = r"(?i:(?:(?:" + _alternation(QUALIFIERS) + r")\s+)?(?:" + _alternation(UNIT_WORDS) + r"))"
_MULTIPLIER_WORD = r"(?i:" + _alternation(MULTIPLIERS) + r")"
_WORD = (
    r"(?<!\w)(?:(?i:" + _alternation(ARTICLE_NUMBERS) + r")(?=[\s-]+" + _MULTIPLIER_WORD + r")"
    r"|(?i:" + _alternation(CARDINALS) + r")(?=[\s-]+(?:" + _MULTIPLIER_WORD + "|" + _UNIT + r")"
    r"|\s*(?:[-–—]|to|and)\s*\w))(?![A-Za-z])"
)
_SUFFIX = (
    r"[\s-]*(?:"
    + _UNIT
    + r"|(?:"
    # a code or symbol followed by a number is the prefix of the next amount ("40.000 PLN (9400 EUR)")
    + _alternation(CODES)
    + "|"
    + _alternation(SUFFIX_SYMBOLS)
    + r")(?!\s{0,3}\d))(?![A-Za-z])"
)
AMOUNT_RE = re.compile(
    rf"""
    (?P<prefix>{_PREFIX})?
    (?:(?P<num>{_NUMBER})|(?P<word>{_WORD}))
    (?P<scale>{_SCALE})?
    (?P<range>\s*(?P<conn>[-–—]|to|and)\s*(?P<prefix2>{_PREFIX})?(?:(?P<num2>{_NUMBER})|(?P<word2>{_WORD}))
      (?P<scale2>{_SCALE})?)?
    (?P<suffix>{_SUFFIX})?
    """,
    re.VERBOSE,
)
#: After "pounds", these mark a weight, not money ("7,500 pounds of explosives", "700 pounds (320kg)").
_WEIGHT_AFTER_RE = re.compile(r"\s*(?:of|per|emitted|each|a\s+(?:day|week|month|year)|\(\s*\d)\b")
#: Text between an amount and a conversion of it: "$3.5m (£1.8m)", "£3.7bn (about $7bn)".
_CONVERSION_GAP_RE = re.compile(
    r"\s*[(\[]\s*(?:(?i:about|approx\.?|approximately|around|roughly|some|c\.)\s*)?"
)
_CONVERSION_END_RE = re.compile(r"\s*[)\]]")
_BETWEEN_RE = re.compile(r"(?i:between)\s*$")
_BARE_RE = re.compile(
    rf"\s*(?:(?i:{_alternation(HEDGES)})\s+)?(?P<num>{_NUMBER})(?P<scale>{_SCALE})?\s*", re.VERBOSE
)
_CODE_RE = re.compile(r"[A-Z]{3}")


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
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits) or (
        not scaled and re.fullmatch(r"\d{1,3}\.\d{3}", digits)
    ):
        digits = digits.replace(".", "")
    else:
        digits = re.sub(r"[ \u00a0\u202f\u2009]", "", digits).replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _multiplier(scale: str | None) -> int:
    if not scale:
        return 1
    key = scale.strip(" \t\n-").lower()
    return MULTIPLIERS.get(key) or MULTIPLIER_LETTERS[key]


def _marker_currency(marker: str | None) -> str | None:
    """ISO code or family name of a prefix or suffix marker as matched in the text."""
    if not marker:
        return None
    marker = re.sub(r"\s+", " ", marker.strip(" \t\n\u00a0-"))
    for table in (PREFIX_MARKERS, CODES, SUFFIX_SYMBOLS):
        if marker in table:
            return table[marker]
    lowered = marker.lower()
    if lowered in UNIT_WORDS:
        return UNIT_WORDS[lowered]
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


def _check_default(default_currency: str | None) -> None:
    if default_currency is not None and not _CODE_RE.fullmatch(default_currency):
        raise ValueError(
            f"default_currency must be an ISO 4217 code such as 'USD', got {default_currency!r}; "
            "pass None when the context gives no currency"
        )


def _amount(
    number: Decimal | None, scale: Decimal | int, marker: str | None, *, default_currency: str | None
) -> Amount | None:
    """The amount ``number`` x ``scale`` of the marker's currency, or None if either is unknown."""
    currency = resolve_currency(marker, default_currency=default_currency)
    if number is None or currency is None:
        return None
    return Amount(value=float(number * scale), currency=currency)


def _subunit(suffix: str | None) -> Decimal | int:
    """Fraction of the currency a suffix names: 0.01 for "cts", "pence", "Canadian cts"; else 1."""
    words = (suffix or "").lower().split()
    return SUBUNITS.get(UNIT_WORDS.get(words[-1], ""), 1) if words else 1


def _suffix_marker(match: re.Match[str], text: str) -> str | None:
    """Code or family of the match's suffix, unless the suffix is a word that is not money here."""
    suffix = match["suffix"]
    if suffix is None:
        return None
    word = suffix.strip(" \t\n-").lower()
    if word in WORDS_NEEDING_SCALE and not (match["scale"] or match["scale2"] or "," in (match["num"] or "")):
        return None
    marker = _marker_currency(suffix)
    if marker == "pound" and _WEIGHT_AFTER_RE.match(text, match.end()):
        return None
    return marker


def _number(match: re.Match[str], which: str, *, scaled: bool) -> Decimal | None:
    word = match["word" if which == "num" else "word2"]
    if word:
        return NUMBER_WORDS[re.sub(r"\s+", " ", word.lower())]
    return parse_number(match[which], scaled=scaled)


def _amounts_of_match(
    match: re.Match[str], text: str, *, default_currency: str | None
) -> tuple[list[tuple[int, int, Amount]], int]:
    """The one or two amounts (a range) one grammar match states, and where to search on."""
    prefix, suffix = _marker_currency(match["prefix"]), _suffix_marker(match, text)
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
    unit1 = 1 if prefix else _subunit(match["suffix"])
    if not has_range:
        amount = _amount(first, _multiplier(scale1) * unit1, marker1, default_currency=default_currency)
        end = match.end() if match["range"] is None else first_end
        return ([(match.start(), end, amount)] if amount is not None else []), end
    second = _number(match, "num2", scaled=bool(scale2))
    marker2 = _marker_currency(match["prefix2"]) or prefix or suffix
    unit2 = 1 if match["prefix2"] or prefix else _subunit(match["suffix"])
    # The first end borrows the second's multiplier ("$3-5 million") unless it is the larger
    # number or written in full ("$300,000-$1 million").
    whole = bool(match["word"]) or (match["num"] or "").isdigit()
    borrow = not scale1 and whole and first is not None and second is not None and first <= second
    second_start = match.start("prefix2" if match["prefix2"] else "num2" if match["num2"] else "word2")
    first_scale = _multiplier(scale2 if borrow else scale1) * unit1
    ends = (
        (match.start(), first_end, _amount(first, first_scale, marker1, default_currency=default_currency)),
        (second_start, match.end(), _amount(second, _multiplier(scale2) * unit2, marker2,
                                            default_currency=default_currency)),
    )  # fmt: skip
    return [(start, end, amount) for start, end, amount in ends if amount is not None], match.end()


def find_amounts(text: str, *, default_currency: str | None = None) -> list[tuple[int, int, Amount]]:
    """Every money expression of ``text`` as (start, end, amount), left to right, non-overlapping.

    Both ends of a range are returned ("$3-5 million" -> 3e6 and 5e6), and both sides of a
    conversion ("40.000 PLN (9400 EUR)"; see ``drop_conversions``).  ``default_currency``
    settles ambiguous markers only: a bare number is never money here.
    """
    _check_default(default_currency)
    found: list[tuple[int, int, Amount]] = []
    position = 0
    while (match := AMOUNT_RE.search(text, position)) is not None:
        amounts, position = _amounts_of_match(match, text, default_currency=default_currency)
        found.extend(amounts)
    return found


def drop_conversions(text: str, amounts: list[tuple[int, int, Amount]]) -> list[tuple[int, int, Amount]]:
    """``amounts`` without those that convert the amount just before them into another currency.

    "$3.5m (£1.8m)" and "£3.7bn (about $7bn)" state one amount each: the guidelines record the
    first currency stated and do not list a conversion again.
    """
    kept: list[tuple[int, int, Amount]] = []
    for start, end, amount in amounts:
        if kept:
            previous_end, previous = kept[-1][1], kept[-1][2]
            gap = _CONVERSION_GAP_RE.fullmatch(text, previous_end, start)
            if gap and previous.currency != amount.currency and _CONVERSION_END_RE.match(text, end):
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
    bare = _BARE_RE.fullmatch(text) if default_currency else None
    if bare is None:
        return None
    number = parse_number(bare["num"], scaled=bool(bare["scale"]))
    return _amount(number, _multiplier(bare["scale"]), default_currency, default_currency=default_currency)
