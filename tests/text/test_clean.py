"""Cleaning keeps every offset and drops only boilerplate lines."""

from __future__ import annotations

import pytest

from pipeline.text.clean import analysis_text, boilerplate_spans, clean_text


@pytest.mark.parametrize(
    "line",
    [
        "Read More: Amazon Accused Of Delaying Refund Requests On Undelivered Items",
        "READ MORE: Another story",
        # advertising hooks: a question, then a call to action
        "Want to grow your business? Visit our partner directory today.",
        "Need help with your taxes? Contact our advisers for a free consultation",
        "Looking for a new job? Find thousands of listings on our careers page",
        "Sign up for our free newsletter to get the latest updates",
        "By Jane Doe, Staff Writer",
        "(Reporting by John Smith; Editing by Jane Roe)",
        "Click here to subscribe",
    ],
)
def test_boilerplate_lines_are_dropped(line):
    text = f"Regulators fined the bank.\n{line}\nThe bank will appeal."
    cleaned = clean_text(text)
    assert len(cleaned.text) == len(text)
    assert line.split()[0] not in cleaned.text.split("\n")[1]
    assert "fined the bank" in cleaned.text and "will appeal" in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the agency had received 300 complaints.",
        "The company said it would read more of the filings.",
        "Sign here, the judge told the defendant.",
        "By contrast, the fine imposed by the regulator was small.",
        "Was the fine fair? The court will decide next month.",
        "Why did the bank pay? Regulators found it had misled customers.",
    ],
)
def test_story_lines_are_kept(line):
    assert boilerplate_spans(line) == []


def test_typographic_quotes_become_ascii_one_for_one():
    text = "Amazon\u2019s \u201cfine\u201d \u2014 appealed"
    cleaned = clean_text(text).text
    assert cleaned == 'Amazon\'s "fine" - appealed'
    assert len(cleaned) == len(text)


def test_title_and_text_offsets():
    combined, offset = analysis_text("Title here", "Body text.")
    assert combined[offset:] == "Body text."
    assert combined[: len("Title here")] == "Title here"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the case.NoneThe indictment", "the case.    The indictment"),
        ("NoneAttorney General Jeff Sessions", "    Attorney General Jeff Sessions"),
        ("are prosecuting the case. None", "are prosecuting the case.     "),
        ("proven guilty.NoneNone", "proven guilty.        "),
    ],
)
def test_null_placeholders_of_scrapers_are_blanked(text, expected):
    assert clean_text(text).text == expected


@pytest.mark.parametrize(
    "text", ["None of the defendants pleaded guilty.", "Survivors? None.", "He said None.", "Nonesuch Inc. was fined."]
)
def test_the_word_none_in_copy_is_kept(text):
    assert clean_text(text).text == text
