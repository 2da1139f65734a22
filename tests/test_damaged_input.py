"""Damaged text never makes the pipeline fail: property-based tests (hypothesis) of the normalisers and of the
whole pipeline over real articles with injected damage.

Damage is what scraped and converted copy carries: Windows line endings (also inside an amount,
"$25\\r\\nmillion"), no-break and zero-width spaces, control characters, HTML entities left unescaped, a text cut
short, all capitals, combining accents. For every damaged input: no exception, every offset exact
(``record[field][start:end] == text``) and the same output for the same input.

The examples are bounded and derandomised, so CI runs the same cases every time in a few seconds.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.entities.names import (
    fold,
    initials,
    is_acronym_of,
    is_compact_form,
    is_short_form,
    normalize_name,
    singular_name,
    surname_of,
)
from pipeline.io.source import InputRecord
from pipeline.text import analysis_text
from pipeline.text.clean import clean_text
from pipeline.values import find_amounts, normalize_amount, normalize_date
from tests.helpers import corpus_lines

#: Small, fast, reproducible: the same examples on every run.
UNIT = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
PIPELINE = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)

#: Characters damaged copy puts between or inside words.
SEPARATORS = (
    " ", "  ", "\r\n", "\n", "\r", "\t", "\u00a0", "\u202f", "\u2009", "\u200b", "\u200c", "\ufeff", "\x0b", "\x0c",
    "\x00", "\x1c", "\x85", "\u2028", "\u0301", "", "&nbsp;", "-", "\u2013",
)  # fmt: skip
MONEY_TOKENS = (
    "$", "US$", "C$", "€", "£", "¥", "EUR", "USD", "PLN", "GBP", "Rs", "dlrs", "stg", "Swiss francs", "cts", "pence",
    "million", "mln", "billion", "bn", "m", "k", "crore", "thousand", "25", "2.5", "1,000", "140,400", "40.000",
    "1.234.567,89", "2,5", "887", "three", "five", "a", "half", "to", "and", "between", "-", "(", ")", "about",
    "pounds", "of", "each", "fine", "1080p", "P2P", "vs", "Net", ".", ",",
)  # fmt: skip
DATE_TOKENS = (
    "March", "Mar.", "3", "3rd", "2021", "'21", "on", "Tuesday", "last", "week", "month", "year", "early", "late",
    "mid-", "2019-2020", "the", "end", "of", "Q3", "fiscal", "ago", "two", "days", "/", "12/03/2021", "32/13/2023",
    "yesterday", "today", "since", "between", "and",
)  # fmt: skip
NAME_TOKENS = (
    "The", "Acme", "Inc.", "LLC", "Co", "&", "and", "of", "U.S.", "SEC", "Mr", "Dr", "Jr", "O'Brien", "Müller",
    "Société", "Générale", "JPMorgan", "JP", "Morgan", "Chase", "'s", "s", "Dishs", "(", ")", "-", ".", "ÅB", "İ",
)  # fmt: skip


def phrases(tokens: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Phrases of ``tokens`` joined by damaged separators, with a few arbitrary characters mixed in."""
    piece = st.one_of(st.sampled_from(tokens), st.sampled_from(tokens), st.text(max_size=3))
    pairs = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=12)
    return pairs.map(lambda items: "".join(token + sep for token, sep in items))


# --- Normalisers ---------------------------------------------------------------------------------


@UNIT
@given(text=phrases(MONEY_TOKENS), currency=st.sampled_from([None, "USD", "EUR", "CAD"]))
def test_money_grammar_reads_damaged_text_without_failing(text: str, currency: str | None) -> None:
    found = find_amounts(text, default_currency=currency)
    assert found == find_amounts(text, default_currency=currency)
    assert [start for start, _, _ in found] == sorted(start for start, _, _ in found)
    for start, end, amount in found:
        assert 0 <= start < end <= len(text)
        assert amount.value >= 0 and len(amount.currency) == 3
    normalize_amount(text, default_currency=currency)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$25\r\nmillion", 25e6, "USD"),
        ("$25\rmillion", 25e6, "USD"),
        ("$25 \r\n million", 25e6, "USD"),
        ("40.000\r\nPLN", 40000.0, "PLN"),
        ("three\r\nmillion dlrs", 3e6, "USD"),
        ("5\u00a0Swiss\r\nfrancs", 5.0, "CHF"),
        ("EUR\u00a02.8\u00a0mln", 2.8e6, "EUR"),
        ("seven\r\ncts", 0.07, "USD"),
    ],
)
def test_amount_split_by_any_whitespace_reads_as_on_one_line(text: str, value: float, currency: str) -> None:
    amount = normalize_amount(text)
    assert amount is not None and amount.currency == currency
    assert amount.value == pytest.approx(value)


@UNIT
@given(text=phrases(DATE_TOKENS), published=st.sampled_from([None, "2021-03-05", "1987-11-02"]))
def test_dates_normalise_damaged_text_without_failing(text: str, published: str | None) -> None:
    value = normalize_date(text, published=published)
    assert value == normalize_date(text, published=published)
    assert value is None or value[:4].isdigit()


@UNIT
@given(short=phrases(NAME_TOKENS), long=phrases(NAME_TOKENS))
def test_name_keys_of_damaged_text_without_failing(short: str, long: str) -> None:
    for text in (short, long):
        fold(text), normalize_name(text), initials(text), surname_of(text), singular_name(text)
    is_acronym_of(short, long), is_short_form(short, long), is_compact_form(short, long)


@UNIT
@given(title=st.one_of(st.none(), phrases(NAME_TOKENS)), text=phrases(MONEY_TOKENS + NAME_TOKENS + DATE_TOKENS))
def test_cleaning_keeps_every_offset(title: str | None, text: str) -> None:
    cleaned = clean_text(text)
    assert len(cleaned.text) == len(text)
    for start, end in cleaned.removed:
        assert 0 <= start <= end <= len(text)
    analysed, offset = analysis_text(title, text)
    assert len(analysed) - offset == len(text)


# --- The whole pipeline --------------------------------------------------------------------------

#: Bundled articles (public-domain DOJ releases) the damage is injected into: short ones keep the test quick.
ARTICLES = [json.loads(line) for line in corpus_lines(6, max_chars=2500)]


def _every(step: int, change: Callable[[str], str]) -> Callable[[str, int], str]:
    """Apply ``change`` to every ``step``-th word (from ``seed``), keeping the rest."""

    def damage(text: str, seed: int) -> str:
        words = text.split(" ")
        return " ".join(change(w) if (i + seed) % step == 0 else w for i, w in enumerate(words))

    return damage


def _accents(word: str) -> str:
    return "".join(c + "\u0301" if c.isalpha() else c for c in word)


DAMAGE: dict[str, Callable[[str, int], str]] = {
    "crlf": lambda text, seed: text.replace("\n", "\r\n"),
    "crlf_wrapped": lambda text, seed: _every(3 + seed % 5, lambda w: w + "\r\n")(text, seed).replace(" \r\n", "\r\n"),
    "nbsp": lambda text, seed: _every(2 + seed % 3, lambda w: w + "\u00a0")(text, seed).replace("\u00a0 ", "\u00a0"),
    "zero_width": _every(4, lambda w: w[:1] + "\u200b" + w[1:] + "\ufeff"),
    "control": _every(5, lambda w: w + "\x00\x0b\x1c\x85"),
    "html_entities": lambda text, seed: text.replace("&", "&amp;").replace("'", "&#8217;").replace(" $", " &#36;"),
    "truncated": lambda text, seed: text[: max(1, len(text) * (seed % 97 + 1) // 100)],
    "all_caps": lambda text, seed: text.upper(),
    "combining_accents": _every(3, _accents),
    "decomposed": lambda text, seed: unicodedata.normalize("NFD", text),
    "line_separators": lambda text, seed: text.replace("\n", "\u2028").replace(". ", ".\u2029"),
}


def _check_offsets(record: dict, source: InputRecord) -> None:
    fields = {"text": source.text, "title": source.title or ""}
    spans = [m for entity in record["entities"] for m in entity["mentions"]]
    spans += [e for event in record["events"] for e in event["evidence"]]
    for span in spans:
        assert fields[span["field"]][span["start"] : span["end"]] == span["text"], span


@pytest.mark.slow
@PIPELINE
@given(
    article=st.sampled_from(ARTICLES),
    damages=st.lists(st.sampled_from(sorted(DAMAGE)), min_size=1, max_size=3, unique=True),
    seed=st.integers(min_value=0, max_value=1000),
)
def test_pipeline_survives_damaged_articles(extractor, article: dict, damages: list[str], seed: int) -> None:
    text, title = article["text"], article.get("title")
    for name in damages:
        text = DAMAGE[name](text, seed)
        title = DAMAGE[name](title, seed) if title else title
    source = InputRecord(id=article["id"], text=text, title=title, published=article.get("published"))
    first = extractor.extract_record(source).model_dump(mode="json")
    _check_offsets(first, source)
    assert extractor.extract_record(source).model_dump(mode="json") == first
