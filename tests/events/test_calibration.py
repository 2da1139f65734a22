"""Calibrated event confidence (pipeline/events/calibration.py): features, the packaged fit and its loader."""

from __future__ import annotations

import pytest

from models import Provenance
from pipeline.events.calibration import (
    Calibration,
    calibrated_confidence,
    event_features,
    load_calibration,
    parse_calibration,
)

TEXT = Provenance(basis="text")


def inferred(rule: str) -> Provenance:
    return Provenance(basis="inferred", rule=rule)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("etype", "roles", "provenance", "sentences", "expected"),
    [
        (
            "FINE",
            {"authority": ["E1"], "target": ["E2"], "amount": ["E3"]},
            {"role:authority:E1": inferred("fallback_authority"), "role:target:E2": TEXT, "role:amount:E3": TEXT},
            1,
            ["core=text", "actor=inferred", "amount=yes", "sentences=1", "inferred_roles=1", "status=none"],
        ),
        (
            "SETTLEMENT",
            {"defendant": ["E2"]},
            {"role:defendant:E2": inferred("linked_event"), "status": inferred("default_status"), "date": TEXT},
            5,
            ["core=inferred", "actor=none", "amount=no", "sentences=3", "status=inferred", "date=text"],
        ),
        (
            "LAWSUIT",
            {"plaintiff": ["E1", "E4"], "defendant": ["E2", "E5"]},
            {
                "role:plaintiff:E1": inferred("antecedent"),
                "role:plaintiff:E4": TEXT,
                "role:defendant:E2": inferred("antecedent"),
                "role:defendant:E5": inferred("lede_party"),
            },
            2,
            ["core=inferred", "actor=text", "sentences=2", "inferred_roles=2"],
        ),
    ],
)
def test_features_say_how_the_event_was_found(etype, roles, provenance, sentences, expected) -> None:
    features = event_features(etype, roles, provenance, sentences)
    assert f"type={etype}" in features
    assert set(expected) <= set(features)


def test_packaged_calibration_loads_once_and_gives_probabilities() -> None:
    calibration = load_calibration()
    assert load_calibration() is calibration
    assert calibration.weights and "benchmarks/calibrate.py" in calibration.note
    features = event_features("FINE", {"target": ["E1"]}, {"role:target:E1": TEXT}, 1)
    assert 0.0 < calibration.confidence(features) < 1.0
    assert calibrated_confidence("FINE", {"target": ["E1"]}, {"role:target:E1": TEXT}, 1) == round(
        calibration.confidence(features), 3
    )


def test_confidence_is_the_logistic_of_the_summed_weights() -> None:
    calibration = Calibration(intercept=0.0, weights={"core=text": 2.0, "amount=yes": -2.0}, note="")
    assert calibration.confidence(["core=text", "amount=yes"]) == pytest.approx(0.5)
    assert calibration.confidence(["core=text", "unknown=feature"]) == pytest.approx(0.8808, abs=1e-4)


@pytest.mark.parametrize("raw", [{}, {"intercept": "high", "weights": {}}, {"intercept": 0.1, "weights": {"a": "x"}}])
def test_a_malformed_calibration_names_its_file_and_the_fix(raw: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"cal\.json.*benchmarks/calibrate\.py"):
        parse_calibration(raw, source="cal.json")
