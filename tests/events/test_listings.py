"""Enforcement listings of a supervisor's release (pipeline/events/listings.py)."""

from __future__ import annotations

import pytest

from pipeline.events.listings import INSTRUMENT, KINDS, party_names
from tests.events.test_extractor import events_of_type, role_names, run


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Harbor Trust Bancorp, Inc., Salem, Oregon and Harbor Trust Bank, Salem, Oregon",
         ["Harbor Trust Bancorp, Inc.", "Harbor Trust Bank"]),
        ("Alder Financial, LLC, Provo, Utah, Alder Bancorp, Provo, Utah, and Birch Federal Bancorp, Ogden, Utah",
         ["Alder Financial, LLC", "Alder Bancorp", "Birch Federal Bancorp"]),
        ("Cedar Holdings, LLC, Irvine, California; Cedar Bank, Irvine, California",
         ["Cedar Holdings, LLC", "Cedar Bank"]),
        ("Maple Savings Bank, Albany, New York ", ["Maple Savings Bank"]),
    ],
)  # fmt: skip
def test_party_names_skip_city_and_state(line, names):
    assert [line[a:b] for a, b in party_names(line)] == names


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Written Agreement dated May 2, 2024", ("SETTLEMENT", "agreed")),
        ("Cease and Desist Order dated March 28, 2024", ("SETTLEMENT", "approved")),
        ("Consent cease and desist order against Jane Roe", ("SETTLEMENT", "approved")),
        ("Flood insurance violations, civil money penalty, dated July 18, 2024", ("FINE", "imposed")),
    ],
)
def test_instrument_kinds(text, kind):
    match = INSTRUMENT.search(text)
    assert match is not None
    assert KINDS[next(k for k, v in match.groupdict().items() if v)] == kind


def test_listing_gives_one_event_per_instrument(extractor):
    text = (
        "The Federal Reserve Board on Tuesday announced the execution of the enforcement actions listed below:\n"
        "Harbor Trust Bancorp, Inc., Salem, Oregon and Harbor Trust Bank, Salem, Oregon\n"
        "Written Agreement dated March 4, 2024\n"
        "Maple Savings Bank, Albany, New York\n"
        "Flood insurance violations, civil money penalty, dated March 6, 2024\n"
        "Attachment 1 (PDF)"
    )
    record = run(extractor, text, published="2024-03-07")
    settlements = events_of_type(record, "SETTLEMENT")
    fines = events_of_type(record, "FINE")
    assert len(settlements) == 1 and len(fines) == 1
    assert role_names(record, settlements[0], "defendant") >= {"Harbor Trust Bancorp, Inc.", "Harbor Trust Bank"}
    assert "Federal Reserve Board" in role_names(record, settlements[0], "claimant")
    assert (settlements[0].status, settlements[0].date) == ("agreed", "2024-03-04")
    assert role_names(record, fines[0], "target") == {"Maple Savings Bank"}
    assert (fines[0].status, fines[0].date) == ("imposed", "2024-03-06")


def test_terminated_actions_are_not_news(extractor):
    text = (
        "The Federal Reserve Board on Tuesday announced the execution of the enforcement action listed below:\n"
        "Harbor Trust Bank, Salem, Oregon\n"
        "Cease and Desist Order dated March 4, 2024\n"
        "The Federal Reserve Board also announced the termination of the enforcement action listed below:\n"
        "Maple Savings Bank, Albany, New York\n"
        "Written Agreement dated May 25, 2012\n"
    )
    record = run(extractor, text, published="2024-03-07")
    settlements = events_of_type(record, "SETTLEMENT")
    assert [role_names(record, s, "defendant") for s in settlements] == [{"Harbor Trust Bank"}]
    assert settlements[0].status == "approved"
