"""The article newspipe started from must come out right, fact by fact (real model, real text)."""

from __future__ import annotations

import pytest

from models import ArticleRecord
from tests.helpers import CORPUS, read_jsonl

SEED_ID = "seed-sdbn-amazon"


@pytest.fixture(scope="module")
def seed(extractor) -> ArticleRecord:
    from pipeline.io.source import InputRecord

    raw = next(r for r in read_jsonl(CORPUS) if r["id"] == SEED_ID)
    return extractor.extract_record(
        InputRecord(id=raw["id"], text=raw["text"], title=raw["title"], published=raw["published"])
    )


def names(record: ArticleRecord, ids: list[str]) -> set[str]:
    by_id = {e.id: e for e in record.entities}
    out: set[str] = set()
    for i in ids:
        out.add(by_id[i].name)
        out.update(by_id[i].aliases)
    return out


def amounts(record: ArticleRecord, ids: list[str]) -> set[tuple[float, str]]:
    by_id = {e.id: e for e in record.entities}
    return {(by_id[i].value.value, by_id[i].value.currency) for i in ids}  # type: ignore[union-attr]


def find(record: ArticleRecord, etype: str, role: str, name: str):
    hits = [e for e in record.events if e.type == etype and name in names(record, e.roles.get(role, []))]
    assert len(hits) == 1, f"expected one {etype} with {role} {name!r}, got {[e.model_dump() for e in hits]}"
    return hits[0]


def test_seed_yields_exactly_the_four_gold_events(seed):
    assert sorted(e.type for e in seed.events) == ["FINE", "FINE", "LAWSUIT", "LAWSUIT"]


def test_class_action_against_amazon(seed):
    ev = find(seed, "LAWSUIT", "defendant", "Amazon")
    assert "SDBN" in names(seed, ev.roles["plaintiff"])
    assert ev.status == "filed"
    assert ev.class_action is True
    assert ev.class_size == 5_000_000
    assert any("privacy laws" in n for n in names(seed, ev.roles.get("law", [])))


def test_luxembourg_fine_is_under_appeal(seed):
    ev = find(seed, "FINE", "target", "Amazon")
    assert amounts(seed, ev.roles["amount"]) == {(887_000_000, "USD")}
    assert "Luxembourg's privacy regulator" in names(seed, ev.roles["authority"])
    assert ev.status == "appealed"
    assert ev.date == "2021"


def test_suit_against_x_formerly_twitter(seed):
    ev = find(seed, "LAWSUIT", "defendant", "X")
    assert {"X", "Twitter"} <= names(seed, ev.roles["defendant"])
    assert "SDBN" in names(seed, ev.roles["plaintiff"])
    assert ev.status == "filed"


def test_clearview_won_its_appeal_against_the_ico_fine(seed):
    ev = find(seed, "FINE", "target", "Clearview AI")
    assert amounts(seed, ev.roles["amount"]) == {(9_100_000, "GBP")}
    assert "UK's privacy watchdog" in names(seed, ev.roles["authority"])
    assert ev.status == "overturned"


def test_boilerplate_lines_yield_no_entities(seed):
    mentioned = {m.text for e in seed.entities for m in e.mentions}
    assert "WhatBiz" not in mentioned
    assert not any("Allegedly" in t for t in mentioned)


def test_sdbn_aliases_merge_into_one_entity(seed):
    sdbn = [e for e in seed.entities if "SDBN" in {e.name, *e.aliases}]
    assert len(sdbn) == 1
    assert "Stichting Data Bescherming Nederland" in {sdbn[0].name, *sdbn[0].aliases}
