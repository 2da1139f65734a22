"""A suit's pleading described in the sentences after the one that reports the suit (real model)."""

from __future__ import annotations

import pytest

from tests.events.test_extractor import role_names, run


@pytest.mark.parametrize(
    ("text", "defendants", "law"),
    [
        (
            "The Justice Department filed its complaint in September 2004 in the U.S. District Court for the "
            "Eastern District of New York.   The complaint alleged that Acme Transit Inc. "
            "violated Title VII of the Civil Rights Act of 1964 by selectively enforcing its uniform policies.",
            {"Acme Transit Inc."},
            "Title VII of the Civil Rights Act of 1964",
        ),
        (
            "The Justice Department today filed a lawsuit in federal court in Jackson, Mississippi.   The suit "
            "alleges that Acme Builders Inc. violated the Fair Housing Act by building inaccessible apartments.",
            {"Acme Builders Inc."},
            "Fair Housing Act",
        ),
    ],
)
def test_the_pleading_names_the_defendant_and_the_law(extractor, text, defendants, law):
    record = run(extractor, text)
    suits = [e for e in record.events if e.type == "LAWSUIT"]
    assert len(suits) == 1
    assert defendants <= role_names(record, suits[0], "defendant")
    assert law in role_names(record, suits[0], "law")


def test_the_defendants_a_complaint_names_in_a_list(extractor):
    text = (
        "The Justice Department today filed a lawsuit against the owners and designers of nine apartment "
        "complexes.   The complaint names the Bryan Company; Bryan Construction Company Inc.; Steve Bryan; "
        "and Pickering Firm Inc."
    )
    record = run(extractor, text)
    suits = [e for e in record.events if e.type == "LAWSUIT"]
    assert len(suits) == 1
    named = role_names(record, suits[0], "defendant")
    assert {"Bryan Construction Company Inc.", "Steve Bryan", "Pickering Firm Inc."} <= named


def test_an_indefinite_complaint_is_not_the_reported_suit(extractor):
    text = (
        "The Justice Department today filed a lawsuit against Acme Builders Inc. in federal court.   "
        "A complaint by tenants alleged that Widget Corp. violated the Fair Housing Act."
    )
    record = run(extractor, text)
    suits = [e for e in record.events if e.type == "LAWSUIT"]
    assert suits
    assert all("Widget Corp." not in role_names(record, s, "defendant") for s in suits)
