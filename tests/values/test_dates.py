"""Tests of pipeline.values.dates: date phrases to ISO 8601 prefixes, relative ones against `published`."""

from __future__ import annotations

import pytest

from pipeline.values import dates
from pipeline.values.dates import normalize_date

PUBLISHED = "2023-05-02"  # a Tuesday


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        # absolute: precision as written, published irrelevant
        ("2021", None, "2021"),
        ("in 2003", None, "2003"),
        ("June 2021", None, "2021-06"),
        ("January of 2013", None, "2013-01"),
        ("July 16, 2021", None, "2021-07-16"),
        ("16 July 2021", None, "2021-07-16"),
        ("Dec. 3, 2003", None, "2003-12-03"),
        ("Nov. 9, 2016", PUBLISHED, "2016-11-09"),
        ("about March 7, 2017", PUBLISHED, "2017-03-07"),
        ("2021-07-16", None, "2021-07-16"),
        ("2021-07", None, "2021-07"),
        ("07/16/2021", None, "2021-07-16"),
        ("early 2021", None, "2021"),
        ("mid-2021", None, "2021"),
        ("the end of 2021", None, "2021"),
        ("late June 2021", None, "2021-06"),
        ("summer 2021", None, "2021"),
        ("Q3 2021", None, "2021"),
        ("the fourth quarter of 1986", None, "1986"),
        ("April 27.The", "2018-03-30", "2017-04-27"),  # DOJ scrape glues paragraphs
        # no year: the publication year, or the one before if that would be after publication
        ("March 30", "1987-04-13", "1987-03-30"),
        ("April 20", "1987-04-13", "1986-04-20"),
        ("Jan. 5", PUBLISHED, "2023-01-05"),
        ("June", PUBLISHED, "2022-06"),
        ("May", PUBLISHED, "2023-05"),
        ("December", PUBLISHED, "2022-12"),
        ("the end of June", "2018-02-20", "2017-06"),
        ("March 30", "2023", "2023-03-30"),
        # relative to published
        ("last year", PUBLISHED, "2022"),
        ("last year", "2023", "2022"),
        ("this year", PUBLISHED, "2023"),
        ("earlier this year", PUBLISHED, "2023"),
        ("next year", PUBLISHED, "2024"),
        ("two years ago", PUBLISHED, "2021"),
        ("last month", PUBLISHED, "2023-04"),
        ("last month", "2023-05", "2023-04"),
        ("earlier this month", PUBLISHED, "2023-05"),
        ("yesterday", PUBLISHED, "2023-05-01"),
        ("today", PUBLISHED, "2023-05-02"),
        ("2 days ago", PUBLISHED, "2023-04-30"),
        ("Tuesday", PUBLISHED, "2023-05-02"),
        ("on Monday", PUBLISHED, "2023-05-01"),
        ("Wednesday", PUBLISHED, "2023-04-26"),
        ("last Friday", PUBLISHED, "2023-04-28"),
        ("Friday's", PUBLISHED, "2023-04-28"),
        ("Tuesday morning", PUBLISHED, "2023-05-02"),
    ],
)
def test_normalize_date_gives_the_precision_of_the_phrase(phrase: str, published: str | None, expected: str) -> None:
    assert normalize_date(phrase, published=published) == expected


@pytest.mark.parametrize(
    ("phrase", "published"),
    [
        # relative without a (precise enough) publication date
        ("last year", None),
        ("yesterday", None),
        ("Tuesday", None),
        ("June", None),
        ("March 30", None),
        ("yesterday", "2023"),
        ("last month", "2023"),
        # too vague, or no date at all
        ("this week", PUBLISHED),
        ("last week", PUBLISHED),
        ("recently", PUBLISHED),
        ("earlier", PUBLISHED),
        ("now", PUBLISHED),
        ("the same day", PUBLISHED),
        ("a year earlier", PUBLISHED),
        ("the previous year", PUBLISHED),
        ("the third quarter", PUBLISHED),
        ("the 1990s", PUBLISHED),
        ("1980s", PUBLISHED),
        ("three years", PUBLISHED),
        ("twenty years", PUBLISHED),
        ("the past three years", PUBLISHED),
        ("the past year", PUBLISHED),
        ("30 days", PUBLISHED),
        ("three-year-old", PUBLISHED),
        ("one-week", PUBLISHED),
        ("annual", PUBLISHED),
        ("quarterly", PUBLISHED),
        ("fiscal 2021", PUBLISHED),  # fiscal years straddle calendar years
        ("FY2021", PUBLISHED),
        ("1987/88", PUBLISHED),
        ("2019-2021", PUBLISHED),
        ("1986-87", PUBLISHED),
        ("10", PUBLISHED),
        ("36", PUBLISHED),
        ("Feb. 29", PUBLISHED),  # no February 29 in 2023 or 2022
        ("", PUBLISHED),
    ],
)
def test_normalize_date_gives_none_when_the_phrase_fixes_no_date(phrase: str, published: str | None) -> None:
    assert normalize_date(phrase, published=published) is None


def test_normalize_date_never_reads_the_wall_clock() -> None:
    assert normalize_date("yesterday", published="1987-03-02") == "1987-03-01"
    assert normalize_date("last year", published="2005-01-01") == "2004"


@pytest.mark.parametrize("published", ["32/13/2023", "May 2023", "2023-13-01"])
def test_bad_published_names_the_fix(published: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601 date prefix"):
        normalize_date("last year", published=published)


PLAIN_DATES = [
    "March 2007", "MARCH 2007", "April 9", "September 30", "December", "May", "July 16, 2021",
    "16 July 2021", "9 April", "March 31 1987", "February 28", "february 2015",
]  # fmt: skip
PLAIN_DATE_PUBLISHED = [None, "1987-04-13", PUBLISHED, "2021", "2020-02", "2024-02-29"]


@pytest.mark.parametrize("phrase", PLAIN_DATES)
@pytest.mark.parametrize("published", PLAIN_DATE_PUBLISHED)
def test_plain_dates_read_without_dateparser_as_dateparser_reads_them(
    phrase: str, published: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = normalize_date.__wrapped__(phrase, published=published)
    monkeypatch.setattr(dates, "_plain_date", lambda _: None)
    assert normalize_date.__wrapped__(phrase, published=published) == fast


@pytest.mark.parametrize("phrase", PLAIN_DATES)
def test_plain_dates_never_reach_dateparser(phrase: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parser(_: object) -> None:
        raise AssertionError(f"dateparser called for {phrase!r}")

    monkeypatch.setattr(dates, "_parser", no_parser)
    normalize_date.__wrapped__(phrase, published=PUBLISHED)


@pytest.mark.parametrize("phrase", ["February 29", "April 31", "Sept. 5", "5th July", "March 0", "June 2021 and"])
def test_dates_outside_the_plain_forms_are_left_to_dateparser(phrase: str) -> None:
    assert dates._plain_date(phrase) is None
