"""Accuracy gate: the real pipeline scored on gold sets must stay above pinned floors.

Raise a floor when the pipeline improves; never lower one without saying why in the
commit. The bundled gold (tests/gold, 62 public-domain DOJ releases annotated by the
guidelines) always runs; the shared dev set runs where ../shared/devset is present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.score import EvalReport, evaluate
from pipeline.io.reader import read_inputs
from pipeline.io.source import InputRecord
from tests.helpers import DEVSET, GOLD_DIR

# (figure, floor); figures are those of pipeline.evaluate.score (identical to the dev set's score.py).
BUNDLED_FLOORS = {
    "events_f1": 0.87,
    "arguments_f1": 0.74,
    "status_accuracy": 0.93,
    "date_accuracy": 0.90,
    "entities.MONEY": 0.97,
    "entities.LAW": 0.88,
    "entities.REGULATOR": 0.87,
    "entities.ORG": 0.73,
}
DEVSET_FLOORS = {
    "events_f1": 0.87,
    "arguments_f1": 0.76,
    "status_accuracy": 0.92,
    "date_accuracy": 0.94,
    "entities.MONEY": 0.97,
    "entities.LAW": 0.92,
    "entities.REGULATOR": 0.86,
    "entities.ORG": 0.83,
}


def figure(report: EvalReport, name: str) -> float:
    if name == "events_f1":
        return report.events_all.f1
    if name == "arguments_f1":
        return report.arguments_all.f1
    if name.startswith("entities."):
        return report.entities[name.split(".", 1)[1]].f1
    value = getattr(report, name)
    return float(value or 0.0)


def score(extractor, docs: Path, gold: Path, tmp_path: Path) -> EvalReport:
    records = [r for r in read_inputs([str(docs)]) if isinstance(r, InputRecord)]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for record in extractor.extract_records(records):
            fh.write(record.model_dump_json() + "\n")
    return evaluate(gold, pred)


@pytest.fixture(scope="module")
def bundled_report(extractor, tmp_path_factory) -> EvalReport:
    return score(extractor, GOLD_DIR / "docs.jsonl", GOLD_DIR / "gold.jsonl", tmp_path_factory.mktemp("gold"))


@pytest.fixture(scope="module")
def devset_report(extractor, tmp_path_factory) -> EvalReport:
    if not (DEVSET / "gold.jsonl").exists():
        pytest.skip(f"dev set not found at {DEVSET}")
    return score(extractor, DEVSET / "docs.jsonl", DEVSET / "gold.jsonl", tmp_path_factory.mktemp("dev"))


@pytest.mark.parametrize(("name", "floor"), sorted(BUNDLED_FLOORS.items()))
def test_bundled_gold_stays_above_floor(bundled_report, name, floor):
    assert figure(bundled_report, name) >= floor, f"{name} fell below its floor {floor}"


@pytest.mark.parametrize(("name", "floor"), sorted(DEVSET_FLOORS.items()))
def test_devset_stays_above_floor(devset_report, name, floor):
    assert figure(devset_report, name) >= floor, f"{name} fell below its floor {floor}"


def test_bundled_gold_covers_every_event_type_and_empty_articles():
    from tests.helpers import read_jsonl

    gold = read_jsonl(GOLD_DIR / "gold.jsonl")
    assert len(gold) >= 40
    assert {e["type"] for g in gold for e in g["events"]} == {
        "FINE",
        "LAWSUIT",
        "SETTLEMENT",
        "INVESTIGATION",
    }
    assert sum(1 for g in gold if not g["events"]) >= 3
