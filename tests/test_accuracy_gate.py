"""Accuracy gate: the real pipeline scored on gold sets must stay above pinned floors.

Raise a floor when the pipeline improves; never lower one without saying why in the
commit. The bundled gold (tests/gold, 62 public-domain DOJ releases annotated by the
guidelines) always runs; the shared dev set runs where ../shared/devset is present, and so do
the two tuning sets (benchmarks/tuning) and the sealed validation set (benchmarks/sealed), whose
articles are read by id from ../shared/corpora. The sealed set's gate asserts aggregate
figures only: a failure names the figure, never a document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.corpora import assemble_docs
from pipeline.evaluate.score import EvalReport, evaluate
from pipeline.io.reader import read_inputs
from pipeline.io.source import InputRecord
from tests.helpers import DEVSET, GOLD_DIR, REPO, SHARED

CORPORA = SHARED / "corpora"
SEALED_GOLD = REPO / "benchmarks" / "sealed" / "gold.jsonl"
TUNING_GOLD = REPO / "benchmarks" / "tuning" / "gold.jsonl"
TUNING2_GOLD = REPO / "benchmarks" / "tuning" / "gold-2.jsonl"

# (figure, floor); figures are those of pipeline.evaluate.score (identical to the dev set's score.py).
BUNDLED_FLOORS = {
    "events_f1": 0.88,
    "arguments_f1": 0.74,
    "status_accuracy": 0.93,
    "date_accuracy": 0.90,
    "entities.MONEY": 0.97,
    "entities.LAW": 0.88,
    "entities.REGULATOR": 0.87,
    "entities.ORG": 0.77,
}
DEVSET_FLOORS = {
    "events_f1": 0.89,
    "arguments_f1": 0.79,
    "status_accuracy": 0.92,
    "date_accuracy": 0.94,
    "entities.MONEY": 0.97,
    "entities.LAW": 0.92,
    "entities.REGULATOR": 0.86,
    "entities.ORG": 0.83,
}

# Measured 2026-12-06 (python benchmarks/accuracy.py): sealed events 0.695, arguments 0.592; tuning 0.702 / 0.584.
# Event side raised 2026-12-06 after the unseen-copy round: sealed events 0.740, arguments 0.629, status 0.775,
# date 0.683; tuning 0.714 / 0.586, status 0.737, date 0.786; tuning2 0.741 / 0.589, status 0.784, date 0.700
# (tuning2 measured with the entity stage's commit dc109e1 in the tree; 0.771 / 0.596 before it and after its
# revert). Entity side raised after the same round (guard on the PERSON retype restored): ORG bundled 0.788,
# tuning 0.736, tuning2 0.686, sealed 0.620; LAW tuning 0.800, tuning2 0.706.
SEALED_FLOORS = {
    "events_f1": 0.72,
    "arguments_f1": 0.61,
    "status_accuracy": 0.75,
    "date_accuracy": 0.66,
    "entities.MONEY": 0.93,
    "entities.LAW": 0.84,
    "entities.REGULATOR": 0.84,
    "entities.ORG": 0.60,
}
TUNING_FLOORS = {
    "events_f1": 0.69,
    "arguments_f1": 0.57,
    "status_accuracy": 0.72,
    "date_accuracy": 0.76,
    "entities.MONEY": 0.95,
    "entities.LAW": 0.78,
    "entities.REGULATOR": 0.92,
    "entities.ORG": 0.72,
}

# The second tuning batch (benchmarks/tuning/gold-2.jsonl).
TUNING2_FLOORS = {
    "events_f1": 0.75,
    "arguments_f1": 0.58,
    "status_accuracy": 0.75,
    "date_accuracy": 0.68,
    "entities.MONEY": 0.93,
    "entities.LAW": 0.69,
    "entities.REGULATOR": 0.72,
    "entities.ORG": 0.66,
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


def _corpus_set_report(extractor, gold: Path, tmp_path: Path) -> EvalReport:
    """Score a gold set whose articles live in ../shared/corpora (named by id in the gold file)."""
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA}")
    docs = assemble_docs(gold, CORPORA, tmp_path / "docs.jsonl")
    return score(extractor, docs, gold, tmp_path)


@pytest.fixture(scope="module")
def sealed_report(extractor, tmp_path_factory) -> EvalReport:
    return _corpus_set_report(extractor, SEALED_GOLD, tmp_path_factory.mktemp("sealed"))


@pytest.fixture(scope="module")
def tuning_report(extractor, tmp_path_factory) -> EvalReport:
    return _corpus_set_report(extractor, TUNING_GOLD, tmp_path_factory.mktemp("tuning"))


@pytest.fixture(scope="module")
def tuning2_report(extractor, tmp_path_factory) -> EvalReport:
    return _corpus_set_report(extractor, TUNING2_GOLD, tmp_path_factory.mktemp("tuning2"))


@pytest.mark.parametrize(("name", "floor"), sorted(SEALED_FLOORS.items()))
def test_sealed_set_stays_above_floor(sealed_report, name, floor):
    assert figure(sealed_report, name) >= floor, f"sealed {name} fell below its floor {floor}"


@pytest.mark.parametrize(("name", "floor"), sorted(TUNING_FLOORS.items()))
def test_tuning_set_stays_above_floor(tuning_report, name, floor):
    assert figure(tuning_report, name) >= floor, f"tuning {name} fell below its floor {floor}"


@pytest.mark.parametrize(("name", "floor"), sorted(TUNING2_FLOORS.items()))
def test_tuning2_set_stays_above_floor(tuning2_report, name, floor):
    assert figure(tuning2_report, name) >= floor, f"tuning2 {name} fell below its floor {floor}"


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
