"""Tests of pipeline/evaluate/score.py: name and money matching, agreement with the reference scorer, reports."""

from __future__ import annotations

import copy
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pipeline.cli import main as newspipe
from pipeline.evaluate.match import money_match, names_match, normalize_name
from pipeline.evaluate.report import EvalReport, render_report
from pipeline.evaluate.score import EvalInputError, evaluate, matched_predictions
from tests.helpers import DEVSET, REPO

FIXTURES = REPO / "tests" / "fixtures" / "eval"
SUMMARY_FIELDS = (
    "documents",
    "missing_documents",
    "events",
    "events_all",
    "arguments_all",
    "arguments",
    "entities",
    "status_accuracy",
    "date_accuracy",
)

Record = dict[str, Any]


# ------------------------------------------------------------------------------------------------ helpers


@pytest.fixture(scope="module")
def reference_scorer() -> ModuleType:
    """The reference scorer devset/score.py, imported from the shared folder beside the repository."""
    path = DEVSET / "score.py"
    if not path.is_file():
        pytest.skip(f"reference scorer not found at {path}: the shared dev set is not beside the repository")
    spec = importlib.util.spec_from_file_location("devset_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, records: list[Record]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def gold_as_prediction(gold: Record) -> Record:
    """A prediction record that says exactly what the gold record says, in the pipeline's output format."""
    entities: list[Record] = []
    ids: dict[str, str] = {}

    def entity_id(value: Any, etype: str) -> str:
        key = json.dumps(value, sort_keys=True)
        if key not in ids:
            ids[key] = f"E{len(entities) + 1}"
            if isinstance(value, dict):
                entity = {"type": etype, "name": f"{value['value']} {value['currency']}", "value": value}
            else:
                names = [part.strip() for part in value.split("|") if part.strip()]
                entity = {"type": etype, "name": names[0], "aliases": names[1:]}
            entities.append({"id": ids[key], "mentions": [{"text": entity["name"]}], **entity})
        return ids[key]

    for etype, values in gold["entities"].items():
        for value in values:
            entity_id(value, etype)
    events = [
        {
            "type": event["type"],
            # role fillers outside the entity sets (courts, governments) get a type no set scores
            "roles": {
                role: [entity_id(v, "OTHER") for v in values if v] for role, values in event["roles"].items()
            },
            "status": event.get("status"),
            "date": event.get("date"),
        }
        for event in gold["events"]
    ]
    return {"id": gold["id"], "entities": entities, "events": events}


def _drop_every_other_event(pred: Record) -> None:
    pred["events"] = pred["events"][::2]


def _change_statuses(pred: Record) -> None:
    for event in pred["events"]:
        event["status"] = "imposed" if event.get("status") != "imposed" else "paid"


def _wrong_amounts(pred: Record) -> None:
    for entity in pred["entities"]:
        if isinstance(entity.get("value"), dict):
            entity["value"] = {**entity["value"], "value": entity["value"]["value"] * 1.1}


def _shorten_names(pred: Record) -> None:
    """Keep only the last word of each name: tests containment and the GENERIC words."""
    for entity in pred["entities"]:
        if "value" not in entity and entity["name"].split():
            entity["name"] = entity["name"].split()[-1]
            entity["aliases"] = []
            entity["mentions"] = [{"text": entity["name"]}]


def _years_only_and_extra_events(pred: Record) -> None:
    for event in pred["events"]:
        if event.get("date"):
            event["date"] = event["date"][:4]
    pred["events"].append({"type": "FINE", "roles": {"target": [e["id"] for e in pred["entities"]][:1]}})
    pred["events"].append({"type": "LAWSUIT", "roles": {"defendant": ["no-such-entity"]}, "status": "filed"})


def _swap_types(pred: Record) -> None:
    swap = {"FINE": "SETTLEMENT", "SETTLEMENT": "FINE"}
    for event in pred["events"]:
        event["type"] = swap.get(event["type"], event["type"])


def _duplicate_money_and_drop_orgs(pred: Record) -> None:
    money = [e for e in pred["entities"] if e["type"] == "MONEY"]
    pred["entities"] = [e for e in pred["entities"] if e["type"] != "ORG"]
    pred["entities"] += [
        {**e, "id": e["id"] + "b", "value": {**e["value"], "value": e["value"]["value"] * 1.001}}
        for e in money
    ]


PERTURBATIONS: dict[str, Callable[[Record], None]] = {
    "gold itself": lambda pred: None,
    "every other event dropped": _drop_every_other_event,
    "statuses changed": _change_statuses,
    "amounts 10% off": _wrong_amounts,
    "names cut to their last word": _shorten_names,
    "dates cut to the year, extra events": _years_only_and_extra_events,
    "FINE and SETTLEMENT swapped": _swap_types,
    "money duplicated, ORGs dropped": _duplicate_money_and_drop_orgs,
}


def _assert_agrees(reference: ModuleType, gold_path: Path, pred_path: Path) -> EvalReport:
    expected = reference.score(str(gold_path), str(pred_path))
    report = evaluate(gold_path, pred_path)
    actual = json.loads(report.model_dump_json())
    for field in SUMMARY_FIELDS:
        assert actual[field] == expected[field], field
    for ours, theirs in zip(actual["per_doc"], expected["per_doc"], strict=True):
        assert ours["id"] == theirs["id"]
        assert ours["events"] == list(theirs["events"])
        assert ours["entities"] == {etype: list(theirs[etype]) for etype in ours["entities"]}
    return report


# ------------------------------------------------------------------------------------------ pure functions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Securities and Exchange Commission", "securities and exchange commission"),
        ("Amazon.com, Inc.", "amazon com"),
        ("Luxembourg\u2019s privacy regulator", "luxembourg privacy regulator"),
        (
            "Commission nationale de l'informatique et des libert\u00e9s",
            "commission nationale de l informatique et des libertes",
        ),
        ("Goldman Sachs Group Inc", "goldman sachs"),
        ("The Group", "group"),
    ],
)
def test_normalize_name_folds_case_accents_articles_and_legal_forms(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ({"Meta"}, {"Meta Platforms Inc", "Meta"}, True),
        ({"Information Commissioner's Office"}, {"ICO", "Information Commissioner's Office"}, True),
        ({"CNIL"}, {"Commission nationale de l'informatique et des libert\u00e9s"}, False),
        ({"Google"}, {"Google LLC"}, True),
        ({"Bank"}, {"Bank of China"}, False),
        ({"the Commission"}, {"European Commission"}, False),
        ({"Federal Trade Commission"}, {"Trade Commission"}, True),
        ({"U.S. District Court"}, {"U.S. District Court for the Southern District of New York"}, False),
        (
            {"Southern District of New York"},
            {"U.S. District Court for the Southern District of New York"},
            True,
        ),
    ],
)
def test_names_match_on_equal_or_contained_content_words(
    pred: set[str], gold: set[str], expected: bool
) -> None:
    assert names_match(pred, gold) is expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ({"value": 887000000, "currency": "USD"}, {"value": 887000000, "currency": "USD"}, True),
        ({"value": 889000000, "currency": "USD"}, {"value": 887000000, "currency": "USD"}, True),
        ({"value": 900000000, "currency": "USD"}, {"value": 887000000, "currency": "USD"}, False),
        ({"value": 887000000, "currency": "eur"}, {"value": 887000000, "currency": "USD"}, False),
        ({"value": 140400, "currency": "usd"}, {"value": 140400, "currency": "USD"}, True),
        ({"value": 0.004, "currency": "GBP"}, {"value": 0, "currency": "GBP"}, True),
        (None, {"value": 1, "currency": "GBP"}, False),
        ("2021-07", {"value": 2021, "currency": "GBP"}, False),
    ],
)
def test_money_matches_same_currency_within_half_a_percent(pred: Any, gold: Any, expected: bool) -> None:
    assert money_match(pred, gold) is expected


# --------------------------------------------------------------------------------- agreement with score.py


def test_hand_made_fixture_agrees_with_reference_scorer(reference_scorer: ModuleType) -> None:
    report = _assert_agrees(reference_scorer, FIXTURES / "gold.jsonl", FIXTURES / "pred.jsonl")
    assert report.missing_documents == ["fx-absent"]
    assert report.events_all.tp == 3 and report.events_all.fp == 2 and report.events_all.fn == 2


@pytest.mark.parametrize("perturbation", list(PERTURBATIONS), ids=list(PERTURBATIONS))
def test_dev_gold_scored_like_reference_scorer(
    reference_scorer: ModuleType, perturbation: str, tmp_path: Path
) -> None:
    gold_path = DEVSET / "gold.jsonl"
    preds = [gold_as_prediction(gold) for gold in _read(gold_path)]
    for pred in preds:
        PERTURBATIONS[perturbation](pred)
    report = _assert_agrees(
        reference_scorer, gold_path, _write(tmp_path / "pred.jsonl", copy.deepcopy(preds))
    )
    if perturbation == "gold itself":
        assert report.events_all.f1 == 1.0 and report.arguments_all.f1 == 1.0
        assert report.status_accuracy == 1.0 and report.date_accuracy == 1.0
    else:
        assert any(doc.has_errors for doc in report.per_doc)


def test_missing_and_extra_documents_scored_like_reference_scorer(
    reference_scorer: ModuleType, tmp_path: Path
) -> None:
    preds = [gold_as_prediction(gold) for gold in _read(DEVSET / "gold.jsonl")]
    extra = {"id": "not-in-gold", "entities": [], "events": [{"type": "FINE", "roles": {}}]}
    pred_path = _write(tmp_path / "pred.jsonl", preds[5:] + [extra])
    report = _assert_agrees(reference_scorer, DEVSET / "gold.jsonl", pred_path)
    assert len(report.missing_documents) == 5


# ----------------------------------------------------------------------------------------------- reporting


def test_per_doc_listing_names_missed_and_false_events() -> None:
    report = evaluate(FIXTURES / "gold.jsonl", FIXTURES / "pred.jsonl")
    text = render_report(report, per_doc=True)
    assert (
        "missed      INVESTIGATION [authority=Office of Widget Safety | OWS; target=Bank of Nowhere]" in text
    )
    assert "false alarm FINE [target=Harbor Shipping; amount=40,000,000 EUR]" in text
    assert "wrong status FINE" in text and "gold appealed, predicted imposed" in text
    assert "spurious ORG       Bank" in text
    assert "fx-absent: events 0 matched of 1 gold, 0 predicted  (no prediction record)" in text
    assert "fx-quiet" not in text


def test_report_puts_baseline_column_beside_pipeline(tmp_path: Path) -> None:
    pipeline = evaluate(FIXTURES / "gold.jsonl", FIXTURES / "pred.jsonl")
    empty = _write(tmp_path / "empty.jsonl", [{"id": "fx-quiet", "entities": [], "events": []}])
    baseline = evaluate(FIXTURES / "gold.jsonl", empty)
    text = render_report(pipeline, baseline=baseline)
    assert "pipeline" in text.splitlines()[2] and "baseline" in text.splitlines()[2]
    events_line = next(line for line in text.splitlines() if line.startswith("events"))
    assert events_line.split()[1:] == ["0.600", "0.600", "0.600", "0.000", "0.000", "0.000"]


def test_cli_json_dumps_every_figure_and_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert newspipe(["evaluate", str(FIXTURES / "gold.jsonl"), str(FIXTURES / "pred.jsonl"), "--json"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert dumped["events_all"]["f1"] == 0.6
    assert [doc["id"] for doc in dumped["per_doc"]] == [
        "fx-acme-fine",
        "fx-harbor-suit",
        "fx-absent",
        "fx-quiet",
    ]
    assert dumped["per_doc"][0]["missed_entities"] == {"ORG": ["Bank of Nowhere"], "MONEY": ["3.5 USD"]}


def test_prediction_line_that_is_not_json_names_file_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    bad = FIXTURES / "pred_not_json.jsonl"
    with pytest.raises(EvalInputError, match=r"pred_not_json\.jsonl line 2: .*not JSON"):
        evaluate(FIXTURES / "gold.jsonl", bad)
    assert newspipe(["evaluate", str(FIXTURES / "gold.jsonl"), str(bad)]) == 2
    assert "pred_not_json.jsonl line 2" in capsys.readouterr().err


def test_missing_prediction_file_is_reported_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(EvalInputError, match="cannot read the prediction file .*nowhere.jsonl"):
        evaluate(FIXTURES / "gold.jsonl", tmp_path / "nowhere.jsonl")


def test_matched_predictions_flags_each_predicted_event_as_evaluate_pairs_it(tmp_path: Path) -> None:
    gold = {
        "id": "d1",
        "events": [{"type": "FINE", "roles": {"authority": ["SEC"], "target": ["Acme Corp"]}}],
    }
    entities = [
        {"id": "E1", "type": "REGULATOR", "name": "SEC", "mentions": []},
        {"id": "E2", "type": "ORG", "name": "Acme Corp.", "mentions": []},
        {"id": "E3", "type": "ORG", "name": "Widget Ltd", "mentions": []},
    ]
    events = [
        {"id": "V1", "type": "FINE", "roles": {"authority": ["E1"], "target": ["E3"]}, "confidence": 0.4},
        {"id": "V2", "type": "FINE", "roles": {"authority": ["E1"], "target": ["E2"]}, "confidence": 0.9},
        {"id": "V3", "type": "LAWSUIT", "roles": {"defendant": ["E2"]}, "confidence": 0.5},
    ]
    gold_path = _write(tmp_path / "gold.jsonl", [gold, {"id": "d2", "events": []}])
    pred_path = _write(tmp_path / "pred.jsonl", [{"id": "d1", "entities": entities, "events": events}])
    found = [(doc, event["id"], ok) for doc, event, ok in matched_predictions(gold_path, pred_path)]
    assert found == [("d1", "V1", False), ("d1", "V2", True), ("d1", "V3", False)]
    report = evaluate(gold_path, pred_path)
    assert (report.events_all.tp, report.events_all.fp) == (1, 2)
