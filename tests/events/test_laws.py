"""Laws of an event: statutes over described parts, citation sentences (pipeline/events/laws.py)."""

from __future__ import annotations

import pytest

from pipeline.events.laws import statute_of
from tests.events.test_extractor import events_of_type, role_names, run


@pytest.mark.parametrize(
    ("name", "statute"),
    [
        ("anti-discrimination provision of the INA", "ina"),
        ("the INA's anti-discrimination provisions", "ina"),
        ("Article 6 of the GDPR", None),
        ("Sherman Act", None),
    ],
)
def test_statute_of(name, statute):
    assert statute_of(name) == statute


def test_citation_sentence_gives_its_laws_to_the_accused_partys_events(extractor):
    text = (
        "On February 19, 2019, an Ohio federal court entered a consent judgment against John Gregory Schmidt. "
        "Schmidt agreed to pay a civil penalty of $864,301 to settle the charges.\n"
        "The SEC's complaint alleged that Schmidt sold securities belonging to his customers.\n"
        "The judgment enjoins Schmidt from violating Section 10(b) of the Securities Exchange Act of 1934 and "
        "Rule 10b-5 thereunder."
    )
    record = run(extractor, text, published="2019-03-01")
    laws = set()
    for etype in ("SETTLEMENT", "FINE"):
        for ev in events_of_type(record, etype):
            laws |= role_names(record, ev, "law")
    assert any("Rule 10b-5" in law for law in laws)
