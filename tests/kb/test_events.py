"""Events across articles (pipeline/kb/events.py): what merges, what stays apart, status history, links."""

from __future__ import annotations

import pytest

from pipeline.kb import KnowledgeBase
from pipeline.kb.events import ArticleEvent, compatible, day
from tests.kb.helpers import article, entity, event, fine_article, money, suit_article, write_records


def _events(tmp_path, records):
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        kb.build([write_records(tmp_path / "r.jsonl", records)])
        return kb.events()


def test_ten_outlets_reporting_one_fine_give_one_event(tmp_path):
    records = [
        fine_article(
            f"a{i}", f"2021-07-{10 + i}", name, "CNPD", 887e6 if i % 2 else 746e6 * 1.1, authority_kb="reg:cnpd-lu"
        )
        for i, name in enumerate(["Amazon.com Inc.", "Amazon.com, Inc", "AMAZON.COM INC", "The Amazon.com Inc"] * 2)
    ]
    events = _events(tmp_path, records)
    assert len(events) == 1
    assert [s["article"] for s in events[0]["sources"]] == [f"a{i}" for i in range(8)]


def test_one_company_fined_by_two_regulators_is_two_events(tmp_path):
    records = [
        fine_article("a1", "2021-07-30", "Amazon.com Inc.", "CNPD", 887e6, authority_kb="reg:cnpd-lu"),
        fine_article("a2", "2021-08-30", "Amazon.com Inc.", "CNIL", 887e6, authority_kb="reg:cnil-fr"),
    ]
    assert len(_events(tmp_path, records)) == 2


@pytest.mark.parametrize(
    ("amount_a", "amount_b", "merged"),
    [(1e9, 1e9, True), (1.75e6, 1.7e6, True), (140_400, 9.5e6, False), (2.1e6, 1.0e6, False)],
)
def test_fine_amounts_must_agree_within_the_tolerance(tmp_path, amount_a, amount_b, merged):
    records = [
        fine_article("a1", "2017-01-13", "Takata Corporation", "DOJ", amount_a, authority_kb="reg:doj-us"),
        fine_article("a2", "2017-02-27", "Takata Corp", "DOJ", amount_b, authority_kb="reg:doj-us"),
    ]
    assert (len(_events(tmp_path, records)) == 1) is merged


def test_reports_years_apart_are_two_actions(tmp_path):
    records = [
        fine_article("a1", "1987-03-01", "Firemans Fund", "SEC", 1e6, authority_kb="reg:sec-us"),
        fine_article("a2", "2015-03-01", "Firemans Fund", "SEC", 1e6, authority_kb="reg:sec-us"),
    ]
    assert len(_events(tmp_path, records)) == 2


def test_a_second_suit_against_one_defendant_stays_apart(tmp_path):
    records = [
        suit_article("a1", "1987-03-01", "Guinness PLC", "Ivan Boesky"),
        suit_article("a2", "1987-03-05", "FMC Corp", "Ivan Boesky"),
        suit_article("a3", "1987-04-01", "Guinness PLC", "Ivan Boesky", status="pending"),
    ]
    events = _events(tmp_path, records)
    assert sorted(len(e["sources"]) for e in events) == [1, 2]


def test_swapped_parties_are_a_countersuit(tmp_path):
    records = [
        suit_article("a1", "1987-03-01", "TWA", "USAir Group"),
        suit_article("a2", "1987-03-02", "USAir Group", "TWA"),
    ]
    assert len(_events(tmp_path, records)) == 2


def test_a_government_plaintiff_alone_is_no_anchor(tmp_path):
    records = [
        article(
            "a1",
            "2016-05-09",
            [entity("E1", "REGULATOR", "Justice Department", kb_id="reg:doj-us")],
            [event("V1", "LAWSUIT", {"plaintiff": ["E1"]}, status="filed")],
        ),
        article(
            "a2",
            "2016-06-09",
            [entity("E1", "REGULATOR", "Justice Department", kb_id="reg:doj-us")],
            [event("V1", "LAWSUIT", {"plaintiff": ["E1"]}, status="filed")],
        ),
    ]
    assert len(_events(tmp_path, records)) == 2


def test_status_becomes_a_history_and_the_latest_is_current(tmp_path):
    records = [
        suit_article("a2", "1987-04-13", "Pennzoil Co", "Texaco Inc", status="appealed"),
        suit_article("a1", "1987-03-23", "Pennzoil Co", "Texaco Inc", status="filed"),
    ]
    (only,) = _events(tmp_path, records)
    assert only["status"] == "appealed"
    assert only["status_history"] == [
        {"status": "filed", "published": "1987-03-23", "article": "a1"},
        {"status": "appealed", "published": "1987-04-13", "article": "a2"},
    ]


def test_a_settlement_is_linked_to_the_suit_it_ends_not_merged(tmp_path):
    settlement = article(
        "a2",
        "1987-05-01",
        [entity("E1", "ORG", "Coastal Corp"), entity("E2", "ORG", "TransAmerican Natural Gas"), money("E3", 2e6)],
        [event("V1", "SETTLEMENT", {"claimant": ["E1"], "defendant": ["E2"], "amount": ["E3"]}, status="proposed")],
    )
    records = [suit_article("a1", "1987-03-01", "Coastal Corp", "TransAmerican Natural Gas Corp"), settlement]
    events = {e["type"]: e for e in _events(tmp_path, records)}
    assert set(events) == {"LAWSUIT", "SETTLEMENT"}
    assert events["SETTLEMENT"]["related"] == [{"relation": "settles", "event": events["LAWSUIT"]["id"]}]
    assert events["LAWSUIT"]["related"] == [{"relation": "settled_by", "event": events["SETTLEMENT"]["id"]}]


def test_two_events_of_one_article_never_merge():
    a = ArticleEvent("FINE", "x", "a1", "V1", None, None, {"target": frozenset({"x"})})
    b = ArticleEvent("FINE", "x", "a1", "V2", None, None, {"target": frozenset({"x"})})
    assert not compatible(a, b)


@pytest.mark.parametrize(
    ("value", "iso"), [("2017-02-27", "2017-02-27"), ("2017-02", "2017-02-01"), ("1987", "1987-01-01")]
)
def test_day_reads_iso_prefixes(value, iso):
    assert str(day(value)) == iso
