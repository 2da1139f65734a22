"""Normalising amounts of money and dates."""

from pipeline.values.dates import normalize_date, prepare_dateparser
from pipeline.values.money import (
    Amount,
    document_amounts,
    drop_conversions,
    find_amounts,
    normalize_amount,
    stated_currency,
)

__all__ = [
    "Amount",
    "drop_conversions",
    "document_amounts",
    "find_amounts",
    "normalize_amount",
    "normalize_date",
    "prepare_dateparser",
    "stated_currency",
]
