"""House short forms of agency releases and docket labels (pipeline/events/genre.py)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.entities import EntityCluster
from pipeline.events.genre import docket_label, house_form, publisher_of
from tests.events.test_extractor import events_of_type, role_names, run

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "word", "head"),
    [
        ("On October 23, 2024, the Bureau issued an order against Apple Inc.", "Bureau", "Bureau"),
        ("The Board is also requiring TD to implement enhanced measures.", "Board", "Board"),
        ("The Commission's order finds that the firm violated the rule.", "Commission", "Commission"),
        ("a bureau of the city", "bureau", None),  # not capitalised: no agency's name
        ("the Board of Governors of the Federal Reserve System", "Board", None),  # a longer name goes on
        ("the Commission for Racial Equality", "Commission", None),
        ("the Commission Order found that the firm failed to supervise", "Commission", "Commission"),
        ("Bureau chief Smith said", "Bureau", None),  # no definite article
    ],
)
def test_house_form(text, word, head):
    doc = NLP(text)
    token = next(t for t in doc if t.text == word)
    assert house_form(token) == head


@pytest.mark.parametrize(
    ("name", "label"),
    [("Civil Action No", True), ("Case No.", True), ("Civil Action", True), ("Civil Rights Division", False),
     ("Case Western Reserve University", False)],
)  # fmt: skip
def test_docket_label(name, label):
    assert docket_label(name) is label


def _cluster(doc, text: str, kind: str, kb_id: str | None = None) -> EntityCluster:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    return EntityCluster(type=kind, mentions=[span], kb_id=kb_id)


def test_publisher_is_the_agency_named_in_full_with_the_head_word():
    doc = NLP("The Securities and Exchange Commission sued X. The Commission alleges fraud. The MSRB rule applies.")
    clusters = [
        _cluster(doc, "Securities and Exchange Commission", "REGULATOR", "reg:sec-us"),
        _cluster(doc, "MSRB", "REGULATOR", "reg:msrb-us"),
    ]
    found = publisher_of(clusters, "Commission")
    assert found is not None and found.cluster == 0


def test_publisher_named_by_no_name_is_the_agency_of_the_cited_statutes():
    doc = NLP("The Bureau found that the bank violated the Consumer Financial Protection Act.")
    clusters = [_cluster(doc, "Consumer Financial Protection Act", "LAW", "law:cfpa")]
    found = publisher_of(clusters, "Bureau")
    assert found is not None and found.entry_id == "reg:cfpb-us"


def test_no_publisher_without_a_named_agency_or_a_known_statute():
    assert publisher_of([], "Bureau") is None


@pytest.mark.parametrize(
    ("text", "etype", "role", "name"),
    [
        (
            "On October 23, 2024, the Bureau issued an order against Apple Inc. The Bureau found that Apple "
            "violated the Consumer Financial Protection Act. The order requires Apple to pay a $25 million "
            "civil money penalty.",
            "FINE",
            "authority",
            "Consumer Financial Protection Bureau",
        ),
        (
            "The Securities and Exchange Commission today charged Acme Capital LLC with fraud. The Commission "
            "filed a complaint against Acme Capital LLC in federal court.",
            "LAWSUIT",
            "plaintiff",
            "Securities and Exchange Commission",
        ),
    ],
)
def test_house_form_fills_roles_with_the_publisher(extractor, text, etype, role, name):
    record = run(extractor, text, published="2024-10-23")
    assert "European Commission" not in {e.name for e in record.entities}
    assert any(name in role_names(record, ev, role) for ev in events_of_type(record, etype))
