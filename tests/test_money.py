"""Tests of pipeline.money: amounts of money as written in news, normalised to value + ISO 4217."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.money import Amount, drop_conversions, find_amounts, normalize_amount, parse_number


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
