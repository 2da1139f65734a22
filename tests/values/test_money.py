"""Tests of pipeline.values.money: amounts of money as written in news, normalised to value + ISO 4217."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.values.money import (
    Amount,
    drop_conversions,
    find_amounts,
    normalize_amount,
    parse_number,
    stated_currency,
)


@pytest.mark.parametrize(
    ("phrase", "value", "currency"),
    [
        ("$887 million", 887_000_000, "USD"),
        ("EUR 2.8m", 2_800_000, "EUR"),
        ("€2.8m", 2_800_000, "EUR"),
        ("£1.2bn", 1_200_000_000, "GBP"),
        ("£9.1 million", 9_100_000, "GBP"),
        ("40.000 PLN (9400 EUR)", 40_000, "PLN"),
        ("140,400 dlrs", 140_400, "USD"),
        ("1.5 billion dlrs", 1_500_000_000, "USD"),
        ("1.5 BILLION DLRS", 1_500_000_000, "USD"),
        ("50 mln\n    dlrs", 50_000_000, "USD"),
        ("US$25 million", 25_000_000, "USD"),
        ("U.S. $5 million", 5_000_000, "USD"),
        ("$5.5 million", 5_500_000, "USD"),
        ("$10.53 billion", 10_530_000_000, "USD"),
        ("C$3 million", 3_000_000, "CAD"),
        ("A$4m", 4_000_000, "AUD"),
        ("HK$10 billion", 10_000_000_000, "HKD"),
        ("NZ$5m", 5_000_000, "NZD"),
        ("S$2 million", 2_000_000, "SGD"),
        ("5 mln Canadian dlrs", 5_000_000, "CAD"),
        ("10 mln N.Z. Dlrs", 10_000_000, "NZD"),
        ("Rs 500 crore", 5_000_000_000, "INR"),
        ("₹10 lakh", 1_000_000, "INR"),
        ("100 million rupees", 100_000_000, "INR"),
        ("¥3 billion", 3_000_000_000, "JPY"),
        ("2.5 billion yen", 2_500_000_000, "JPY"),
        ("3 billion yuan", 3_000_000_000, "CNY"),
        ("5 billion renminbi", 5_000_000_000, "CNY"),
        ("RMB 5 million", 5_000_000, "CNY"),
        ("CHF 5 million", 5_000_000, "CHF"),
        ("5 million Swiss francs", 5_000_000, "CHF"),
        ("20,000 euros", 20_000, "EUR"),
        ("51,000 euros", 51_000, "EUR"),
        ("EUR 16,000", 16_000, "EUR"),
        ("€ 20,000", 20_000, "EUR"),
        ("€1bn", 1_000_000_000, "EUR"),
        ("1,000 pounds", 1_000, "GBP"),
        ("£85", 85, "GBP"),
        ("£2,500", 2_500, "GBP"),
        ("7.5 mln stg", 7_500_000, "GBP"),
        ("3.5 million dollars", 3_500_000, "USD"),
        ("$22,000", 22_000, "USD"),
        ("$200,000", 200_000, "USD"),
        ("$25 billion", 25_000_000_000, "USD"),
        ("$1.2 mln", 1_200_000, "USD"),
        ("$2b", 2_000_000_000, "USD"),
        ("$50k", 50_000, "USD"),
        ("a $20-million settlement", 20_000_000, "USD"),
        ("1 million kronor", 1_000_000, "SEK"),
        ("SEK 3m", 3_000_000, "SEK"),
        ("NOK 5 million", 5_000_000, "NOK"),
        ("DKK 10m", 10_000_000, "DKK"),
        ("R$ 5 million", 5_000_000, "BRL"),
        ("₩5 billion", 5_000_000_000, "KRW"),
        ("500 billion won", 500_000_000_000, "KRW"),
        ("5 million TL", 5_000_000, "TRY"),
        ("10 million lira", 10_000_000, "TRY"),
        ("5 billion roubles", 5_000_000_000, "RUB"),
        ("3 million rubles", 3_000_000, "RUB"),
        ("half a million dollars", 500_000, "USD"),
        ("a billion US dollars", 1_000_000_000, "USD"),
        ("two dlrs a share", 2, "USD"),
        ("seven cts a share", 0.07, "USD"),
        ("3.80 dlrs", 3.8, "USD"),
        ("47 Canadian cts a barrel", 0.47, "CAD"),
        ("1218 pence", 12.18, "GBP"),
        ("2,5 Mio. EUR", 2_500_000, "EUR"),
        ("1.234.567,89 EUR", 1_234_567.89, "EUR"),
        ("40 000 PLN", 40_000, "PLN"),
        ("$1.500 billion", 1_500_000_000, "USD"),
        ("approximately $1.3 million", 1_300_000, "USD"),
    ],
)
def test_normalize_amount_reads_news_phrases(phrase: str, value: float, currency: str) -> None:
    amount = normalize_amount(phrase)
    assert amount is not None
    assert (amount.value, amount.currency) == (pytest.approx(value), currency)


@pytest.mark.parametrize(
    "phrase",
    [
        "4% of turnover",
        "887 million users",
        "$",
        "5 million",
        "100 kr",  # Swedish, Norwegian, Danish or Icelandic: context must say
        "5 million francs",  # Swiss, French, Belgian ...
        "7,500 pounds of explosives",
        "approximately 102 pounds emitted per hour",
        "in 2005 won the award",
        "2005 marks the anniversary",
        "fined up to 4 percent of annual revenue",
        "",
    ],
)
def test_normalize_amount_rejects_what_is_not_money(phrase: str) -> None:
    assert normalize_amount(phrase) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40.000 PLN (9400 EUR)", [("40.000 PLN", 40_000, "PLN"), ("9400 EUR", 9_400, "EUR")]),
        ("faces a $3 million fine", [("$3 million", 3_000_000, "USD")]),
        ("$3-5 million", [("$3", 3_000_000, "USD"), ("5 million", 5_000_000, "USD")]),
        ("3 to 5 million euros", [("3", 3_000_000, "EUR"), ("5 million euros", 5_000_000, "EUR")]),
        (
            "between $1 million and $2 million",
            [("$1 million", 1_000_000, "USD"), ("$2 million", 2_000_000, "USD")],
        ),
        (
            "seeking between three and five billion dlrs",
            [("three", 3_000_000_000, "USD"), ("five billion dlrs", 5_000_000_000, "USD")],
        ),
        ("between two cts and 10 cts a share", [("two cts", 0.02, "USD"), ("10 cts", 0.1, "USD")]),
        ("from 16 cts to 70 cts", [("16 cts", 0.16, "USD"), ("70 cts", 0.7, "USD")]),
        ("$300,000-$1 million", [("$300,000", 300_000, "USD"), ("$1 million", 1_000_000, "USD")]),
        ("paid $5 to 10 people", [("$5", 5, "USD")]),
        ("USD 5 million EUR 3 million", [("USD 5 million", 5e6, "USD"), ("EUR 3 million", 3e6, "EUR")]),
        ("the 2 $5 million fines", [("$5 million", 5_000_000, "USD")]),
        ("Mrs 500 euros", [("500 euros", 500, "EUR")]),
        ("no amounts here, only 12 people and 4%", []),
    ],
)
def test_find_amounts_gives_spans_left_to_right(text: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_amounts(text)
    assert [(text[start:end], amount.value, amount.currency) for start, end, amount in found] == [
        (span, pytest.approx(value), currency) for span, value, currency in expected
    ]


@pytest.mark.parametrize(
    ("phrase", "default_currency", "expected"),
    [
        ("1.98 billion dlrs", "CAD", Amount(1_980_000_000, "CAD")),
        ("$5 million", "AUD", Amount(5_000_000, "AUD")),
        ("$5 million", "EUR", Amount(5_000_000, "USD")),  # EUR is no dollar: "$" keeps its reading
        ("two cts", "CAD", Amount(0.02, "CAD")),
        ("100 kr", "NOK", Amount(100, "NOK")),
        ("100 kr", "EUR", None),
        ("5 million francs", "CHF", Amount(5_000_000, "CHF")),
        ("¥3 billion", "CNY", Amount(3_000_000_000, "CNY")),
        ("U.S. $5 million", "CAD", Amount(5_000_000, "USD")),  # explicit beats context
        ("about 5 million", "EUR", Amount(5_000_000, "EUR")),  # caller vouches it is money
        ("887 million users", "USD", None),
    ],
)
def test_default_currency_settles_ambiguous_markers(
    phrase: str, default_currency: str, expected: Amount | None
) -> None:
    assert normalize_amount(phrase, default_currency=default_currency) == expected


def test_find_amounts_never_turns_bare_numbers_into_money() -> None:
    assert find_amounts("about 5 million", default_currency="EUR") == []


def test_bad_default_currency_names_the_fix() -> None:
    with pytest.raises(ValueError, match="ISO 4217"):
        normalize_amount("$5", default_currency="dollars")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("paid $3.5m (£1.8m) to end", ["$3.5m"]),
        ("£3.7bn (about $7bn) in 2003", ["£3.7bn"]),
        ("40.000 PLN (9400 EUR)", ["40.000 PLN"]),
        ("$3 million and £2 million", ["$3 million", "£2 million"]),
        (
            "$3 million ($2 million of it in cash)",
            ["$3 million", "$2 million"],
        ),  # same currency: no conversion
    ],
)
def test_drop_conversions_keeps_first_stated_currency(text: str, kept: list[str]) -> None:
    assert [text[s:e] for s, e, _ in drop_conversions(text, find_amounts(text))] == kept


@pytest.mark.parametrize(
    ("written", "scaled", "value"),
    [
        ("140,400", False, "140400"),
        ("2,5", False, "2.5"),
        ("1.234.567,89", False, "1234567.89"),
        ("40.000", False, "40000"),
        ("1.500", True, "1.5"),
        ("10.53", True, "10.53"),
        ("40 000", False, "40000"),
    ],
)
def test_parse_number_reads_english_and_european_separators(written: str, scaled: bool, value: str) -> None:
    assert parse_number(written, scaled=scaled) == Decimal(value)


# --- Units given once: results tables and comparisons (phrases written for these tests) ----------

TABLE = """ACME WIDGET CO 4TH QTR LOSS

Shr loss two cts vs profit 11 cts
    Net loss 412,000 vs profit 1,907,000
    Revs 118.4 mln vs 131.9 mln
    Avg shrs 21.3 mln vs 20.8 mln
    Year
    Net 2,015,000 vs 4,260,000
    Revs 1.2 billion vs 998.5 mln
"""


def _read(text: str, default_currency: str | None = None) -> list[tuple[str, float, str]]:
    return [(text[s:e], a.value, a.currency) for s, e, a in find_amounts(text, default_currency=default_currency)]


def test_table_columns_take_the_wire_default_unit() -> None:
    assert _read(TABLE) == [
        ("two cts", 0.02, "USD"),
        ("11 cts", 0.11, "USD"),
        ("412,000", 412000.0, "USD"),
        ("1,907,000", 1907000.0, "USD"),
        ("118.4 mln", 118400000.0, "USD"),
        ("131.9 mln", 131900000.0, "USD"),
        ("2,015,000", 2015000.0, "USD"),
        ("4,260,000", 4260000.0, "USD"),
        ("1.2 billion", 1200000000.0, "USD"),
        ("998.5 mln", 998500000.0, "USD"),
    ]


@pytest.mark.parametrize(
    ("text", "default_currency", "expected"),
    [
        # the unit stated once on the line serves every column
        ("Group shr 41.20 yen vs 39.05\n", None, [("41.20 yen", 41.2, "JPY"), ("39.05", 39.05, "JPY")]),
        ("Shr 19 cts vs 13\n", None, [("19 cts", 0.19, "USD"), ("13", 0.13, "USD")]),
        # a line without a unit takes the table's currency, else its note, else the story's
        (
            "Shr 21.5p vs 18.0p\n    Net 48 mln vs 41 mln\n",
            None,
            [("21.5p", 0.215, "GBP"), ("18.0p", 0.18, "GBP"), ("48 mln", 48e6, "GBP"), ("41 mln", 41e6, "GBP")],
        ),
        (
            "Net 7.5 mln vs 6.1 mln\n    NOTE: Figures in sterling.\n",
            None,
            [("7.5 mln", 7.5e6, "GBP"), ("6.1 mln", 6.1e6, "GBP")],
        ),
        ("Net 3,100,000 vs 2,900,000\n", "CAD", [("3,100,000", 3.1e6, "CAD"), ("2,900,000", 2.9e6, "CAD")]),
    ],
)
def test_table_lines_carry_their_unit(text: str, default_currency: str | None, expected: list) -> None:
    assert _read(text, default_currency) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Avg shrs 21.3 mln vs 20.8 mln\n",  # a share count
        "Shr out 4,100,000 vs 3,900,000\n",
        "Return on assets 1.2 pct vs 0.9 pct\n",
        "Tonnes 41,000 vs 38,500\n",  # not a money label
        "Record April 15\n",
    ],
)
def test_table_lines_that_count_are_not_money(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It forecast earnings of 2.40 dlrs a share compared with 2.15 in 1986.",
            [("2.40 dlrs", 2.4, "USD"), ("2.15", 2.15, "USD")],
        ),
        ("Profit rose to 5.2 mln dlrs, up from 4.1 mln.", [("5.2 mln dlrs", 5.2e6, "USD"), ("4.1 mln", 4.1e6, "USD")]),
        ("The dividend is 12 cts against 10 last year.", [("12 cts", 0.12, "USD"), ("10", 0.1, "USD")]),
        (
            "Sales rose to 3.4 billion euros from 3.1 billion.",
            [("3.4 billion euros", 3.4e9, "EUR"), ("3.1 billion", 3.1e9, "EUR")],
        ),
        # counts, percentages and years are not compared amounts
        ("It raised 5 mln dlrs from 12 banks.", [("5 mln dlrs", 5e6, "USD")]),
        ("Costs were 3 mln dlrs vs 12 pct of sales.", [("3 mln dlrs", 3e6, "USD")]),
        ("It paid 2 mln dlrs from 1985 to 1987.", [("2 mln dlrs", 2e6, "USD")]),
        # a new sentence is no comparison
        ("It paid 2 mln dlrs. Against 40 others, it won.", [("2 mln dlrs", 2e6, "USD")]),
    ],
)
def test_compared_figures_take_the_unit_of_the_amount_before(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose 4p to 113.5p.", [("4p", 0.04, "GBP"), ("113.5p", 1.135, "GBP")]),
        ("The final dividend is 6.5p.", [("6.5p", 0.065, "GBP")]),
        ("It records video at 1080p and 720p.", []),  # video resolutions
        ("Film studios sued P2P networks.", []),
        ("See page 5 p 3.", []),
    ],
)
def test_pence_written_after_the_digits(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profits were 40 mln Canadian dlrs, up from 32 mln dlrs.", "CAD"),
        ("The fine was C$5 million; costs were $1 million.", "CAD"),
        ("Fined NOK 2 mln, or 20 mln crowns with costs.", "NOK"),
        ("Canada's banks lost 1.98 billion dlrs.", None),  # a country named is no currency stated
        ("It paid $5 million and EUR 3 million.", None),  # usual readings and unambiguous codes settle nothing
        ("It paid C$5 million and A$3 million.", None),  # two stated: each bare marker keeps its usual reading
    ],
)
def test_stated_currency_is_the_one_unusual_member_the_text_states(text: str, expected: str | None) -> None:
    assert stated_currency(text) == expected
