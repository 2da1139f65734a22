"""Event dates (guidelines "Dates"): the action's date, not the conduct's, a party's or a deadline's (real model)."""

from __future__ import annotations

import pytest

from models import ArticleRecord
from tests.events.test_extractor import run


def dates_of(record: ArticleRecord, etype: str) -> list[str | None]:
    return [e.date for e in record.events if e.type == etype]


@pytest.mark.parametrize(
    ("text", "published", "etype", "date"),
    [
        # the lede's action is the day's news
        (
            "Acme Corp has agreed to pay $5.65 million to resolve claims that it violated the False Claims Act.",
            "2013-03-08",
            "SETTLEMENT",
            "2013-03-08",
        ),
        # "today" glued to the next word in scraped copy
        (
            "The Justice Department todayfiled a lawsuit against Acme Corp alleging violations of the "
            "Fair Housing Act.",
            "2009-05-26",
            "LAWSUIT",
            "2009-05-26",
        ),
        # a date attached to the filing is the suit's date
        (
            "The Justice Department filed a lawsuit against Acme Corp in June 2009 under the Fair Housing Act.",
            "2009-10-28",
            "LAWSUIT",
            "2009-06",
        ),
        # the end of the conduct period is not the settlement's date
        (
            "Acme Corp agreed to pay $2 million to resolve allegations that it overcharged the Navy from 1997 to 2005.",
            "2010-03-04",
            "SETTLEMENT",
            "2010-03-04",
        ),
        # a date describing the party is not the action's
        (
            "Acme Corp, a lender with 168 offices at the end of 2009, has agreed to pay $2 million to resolve "
            "allegations of lending discrimination.",
            "2010-12-08",
            "SETTLEMENT",
            "2010-12-08",
        ),
        # a probe's period is its own
        (
            "The Securities and Exchange Commission has been investigating Acme Corp since 2009.",
            "2011-05-02",
            "INVESTIGATION",
            "2009",
        ),
    ],
)
def test_event_date(extractor, text, published, etype, date):
    assert dates_of(run(extractor, text, published), etype) == [date]


@pytest.mark.parametrize(
    ("text", "published", "etype", "not_date"),
    [
        # a deadline after publication is no event date
        (
            "Acme County signed a consent decree with the Justice Department. Under the consent decree, Acme "
            "County must make its polling places accessible before the March 2016 elections.",
            "2015-11-04",
            "SETTLEMENT",
            "2016-03",
        ),
        # a clause describing another thing (the contract) dates that thing
        (
            "Acme Corp signed a settlement with the United States. The settlement resolves claims relating to a "
            "contract entered into by Acme Corp in 2005 to sell laboratory products.",
            "2013-03-08",
            "SETTLEMENT",
            "2005",
        ),
        # a suit's clause in a settlement's sentence dates the suit
        (
            "Acme Corp signed a settlement with the Authors Guild. The settlement aims to resolve copyright claims "
            "brought against Acme Corp by the Authors Guild in 2005.",
            "2009-09-18",
            "SETTLEMENT",
            "2005",
        ),
        # the start of a period written "2008 through 2013"
        (
            "Judge Smith fined Acme Corp $20,000 for tax liabilities for the years 2008 through 2013.",
            "2016-07-08",
            "FINE",
            "2008",
        ),
        # what a complaint alleges is the conduct
        (
            "The Justice Department sued Acme Corp on Monday. The complaint alleges that Acme Corp fired John "
            "Smith in August 2006 when he returned from active duty.",
            "2009-05-27",
            "LAWSUIT",
            "2006-08",
        ),
    ],
)
def test_conduct_and_deadline_dates_are_not_event_dates(extractor, text, published, etype, not_date):
    dates = dates_of(run(extractor, text, published), etype)
    assert dates
    assert not_date not in dates


def test_suit_the_lede_reports_settled_keeps_no_publication_date(extractor):
    text = "Acme Corp agreed today to pay $1 million to settle a lawsuit brought by the Justice Department."
    record = run(extractor, text, "2012-01-05")
    assert dates_of(record, "SETTLEMENT") == ["2012-01-05"]
    assert dates_of(record, "LAWSUIT") in ([], [None])


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("October 10, 2024\nFor release at 1:00 p.m. EDT\nThe Board on Thursday fined", None, "2024-10-10"),
        ("March 14, 2024 For release at 11:00 a.m. EDT The Federal Reserve Board", "2024-03-13", "2024-03-14"),
        ("WASHINGTON, March 3, 2019 \u2014 The Justice Department today filed", None, "2019-03-03"),
        ("NEW YORK, March 3 (Reuters) - Acme Corp said", "1987-03-04", "1987-03-03"),
        ("On October 23, 2024, the Bureau issued an order", "2024-10-23", None),  # a lede, not a dateline
        ("March 3, 2019 was the day the firm collapsed", None, None),
        ("Securities and Exchange Commission v. X, No. 3:18-cv-1 (S.D. Ohio)", "2019-03-01", None),
    ],
)  # fmt: skip
def test_dateline(text, published, day):
    from pipeline.events.dates import dateline

    assert dateline(text, published=published) == day


@pytest.mark.parametrize(
    ("text", "published", "etype", "date"),
    [
        # a weekday resolves against the release's own date line, not its web page's date
        (
            "March 14, 2024\nFor release at 11:00 a.m. EDT\nThe Federal Reserve Board on Thursday fined "
            "JPMorgan Chase & Co. $98.2 million for an inadequate trade monitoring program.",
            "2024-03-13",
            "FINE",
            "2024-03-14",
        ),
        # the lede dates the order; the penalty the order imposes, named later, takes its date
        (
            "On October 23, 2024, the Bureau issued an order against Apple Inc. The Bureau found that Apple "
            "violated the Consumer Financial Protection Act. The order requires Apple to pay a $25 million "
            "civil money penalty.",
            "2024-10-25",
            "FINE",
            "2024-10-23",
        ),
    ],
)
def test_release_dates(extractor, text, published, etype, date):
    assert date in dates_of(run(extractor, text, published=published), etype)


@pytest.mark.parametrize(
    ("text", "etype", "not_date"),
    [
        # what the party had done before the action, glued into the action's sentence
        ("The Spanish DPA has imposed a fine of EUR 5,000 on Certime S.A. because the data subject had renewed "
         "her licence with the controller in 2009.", "FINE", "2009"),
        # a deadline the party missed
        ("The Italian DPA has fined the Acme Ministry EUR 75,000 for failing to appoint a data protection "
         "officer by May 28, 2018.", "FINE", "2018-05-28"),
    ],
)  # fmt: skip
def test_earlier_conduct_and_deadlines_do_not_date_the_action(extractor, text, etype, not_date):
    assert not_date not in dates_of(run(extractor, text, published="2021-06-01"), etype)


def test_news_day_is_read_once_per_document() -> None:
    """Every date of an article asks for its news day; reading ``doc.text`` each time made the stage quadratic."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.events.dates import NEWS_DAY_KEY, news_day

    for name in ("published", "text_start"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    doc = spacy.blank("en")("WASHINGTON, March 3, 2019 - The agency fined Acme Corp. $5 million today.")
    doc._.published = "2019-03-05"
    assert news_day(doc) == "2019-03-03"
    doc.user_data[NEWS_DAY_KEY] = "cached"
    assert news_day(doc) == "cached"


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # the captions open the release; the lede after them dates the filing, settled or not
        (
            "Securities and Exchange Commission v. Jane Roe, et al., Civil Action No. 5:19-cv-01234 (N.D. Cal.)\n"
            "On June 3, 2019, the Securities and Exchange Commission charged Acme Widgets Inc. and its founder "
            "Jane Roe with fraud. Acme Widgets Inc. and Jane Roe have agreed to settle the charges.",
            "2019-06-07",
            "2019-06-03",
        ),
        (
            "Securities and Exchange Commission v. Jane Roe, et al., Civil Action No. 5:19-cv-01234 (N.D. Cal.)\n"
            "The Securities and Exchange Commission today charged Acme Widgets Inc. and its founder Jane Roe "
            "with fraud. Acme Widgets Inc. and Jane Roe have agreed to settle the charges.",
            "2019-06-07",
            "2019-06-07",
        ),
    ],
)
def test_lede_after_captions_dates_the_suit_and_its_settlement(extractor, text, published, date):
    record = run(extractor, text, published=published)
    assert dates_of(record, "LAWSUIT") == [date]
    assert date in dates_of(record, "SETTLEMENT")


def test_reported_clause_dates_the_action_not_the_announcement(extractor):
    text = (
        "Securities and Exchange Commission v. John Doe, et al., No. 3:16-cv-00270 (D. Nev.)\n"
        "The Securities and Exchange Commission announced today that, on January 8, 2018, the court entered a "
        "final judgment on consent against John Doe. John Doe consented to the entry of the final judgment."
    )
    record = run(extractor, text, published="2018-01-09")
    assert dates_of(record, "SETTLEMENT") == ["2018-01-08"]
    assert "2018-01-08" not in dates_of(record, "LAWSUIT")  # a suit's day is its filing, not the judgment's
