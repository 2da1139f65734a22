"""The currency lexicon of the money grammar (:mod:`pipeline.values.money`): markers, codes, nouns, multipliers.

Data, not code: each table maps what news writes to an ISO 4217 code or to the name of an ambiguous family
(lower case) that :data:`FAMILIES` resolves.  Withdrawn codes (DEM, FRF, ITL, ...) matter for the 1987
Reuters corpus.
"""

from __future__ import annotations

from decimal import Decimal

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

#: Letters written directly after the digits that name a subunit: British prices and per-share figures
#: ("Shr 33p vs 38p", "shares rose 4p to 113.5p").
DIGIT_SUFFIXES: dict[str, str] = {"p": "penny"}
#: Numbers that, before "p", name a video resolution ("1080p", "720p"), not pence.
VIDEO_RESOLUTIONS = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})

# --- Units given once ----------------------------------------------------------------------------
# Wire services print results as tables whose figures carry their unit once per line, or not at all
# ("Shr 3.74 dlrs vs 3.59", "Net 2,631,000 vs 336,000", "Revs 237.2 mln vs 382.3 mln"), and prose
# compares an amount with an earlier one without repeating the unit ("3.80 dlrs compared with 3.74").

#: First words of a results-table line whose figures are money (lower case, dots removed).
TABLE_MONEY_LABELS = frozenset(
    "net oper opr operating revs rev revenue revenues sales turnover shr share earnings profit loss "
    "pretax pre-tax income div dividend dividends qtly quarterly final interim fin group total gross "
    "assets deposits loans backlog tax minority minorities extraordinary cash premiums billings".split()
)
#: Label words that make a table line a count or a ratio, not money ("Avg shrs 47.4 mln vs 16.5 mln",
#: "Shr out", "Return on assets 1.2 pct vs 1.1 pct").
TABLE_COUNT_WORDS = frozenset(
    "avg average shrs shares shs units out outstanding pct percent ratio return margin employees "
    "workforce tonnes tons barrels ounces bales record pay payable days rate".split()
)
#: Words that, between a table line's label and a figure, say which side of zero it is on.
TABLE_SIGN_WORDS = ("loss", "profit", "gain", "credit", "debit")
#: Words that introduce the figure an amount is compared with ("3.80 dlrs compared with 3.74").
COMPARISON_WORDS = ("vs", "vs.", "versus", "compared with", "compared to", "against", "from")
#: Words that may follow a compared figure; anything else makes it a count ("from 12 banks").
COMPARISON_FOLLOWERS = (
    "in", "a", "an", "per", "at", "for", "the", "last", "earlier", "previously", "before", "and",
    "or", "vs", "on", "during", "respectively", "prior", "year", "with", "when", "while",
)  # fmt: skip
