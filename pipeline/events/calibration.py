"""Calibrated event confidence: the share of events like this one that gold annotations confirm.

An event's features are what the extractor knows of how it found it, read from its output form: its type,
whether its core party (the one acted on) and its acting side were read from the text, inferred or not found,
whether it names an amount, how many sentences support it, how many role fillers an inference supplied, and
where its status and date came from (``models.Provenance``). A logistic regression over these one-hot
features, fit by ``benchmarks/calibrate.py`` on events of the dev set, the bundled gold and the tuning set
matched to gold (never the sealed set), turns them into a probability that the event is real. Its weights
are data (``pipeline/data/calibration.json``, with a note of how and on what they were fit).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from models import Provenance

CALIBRATION_FILE = "calibration.json"
#: The role whose filler makes an event about someone (the party acted on) and the acting side, by type.
CORE_ROLE = {"FINE": "target", "LAWSUIT": "defendant", "SETTLEMENT": "defendant", "INVESTIGATION": "target"}
ACTING_ROLE = {"FINE": "authority", "LAWSUIT": "plaintiff", "SETTLEMENT": "claimant", "INVESTIGATION": "authority"}
#: Upper bounds of the count buckets: 1, 2, 3 or more supporting sentences; 0, 1, 2 or more inferred roles.
MAX_SENTENCES_BUCKET = 3
MAX_INFERRED_BUCKET = 2


def _basis(provenance: Mapping[str, Provenance], keys: Sequence[str]) -> str:
    """'text' when any of ``keys`` was read from the text, 'inferred' when all were inferred, else 'none'."""
    found = [provenance[k].basis for k in keys if k in provenance]
    if not found:
        return "none"
    return "text" if "text" in found else "inferred"


def event_features(
    event_type: str, roles: Mapping[str, Sequence[str]], provenance: Mapping[str, Provenance], sentences: int
) -> list[str]:
    """The one-hot features of one event ('type=FINE', 'core=inferred', 'sentences=2', ...)."""

    def fillers(role: str | None) -> list[str]:
        return [f"role:{role}:{eid}" for eid in roles.get(role or "", [])]

    inferred = sum(1 for k, p in provenance.items() if k.startswith("role:") and p.basis == "inferred")
    return [
        f"type={event_type}",
        f"core={_basis(provenance, fillers(CORE_ROLE.get(event_type)))}",
        f"actor={_basis(provenance, fillers(ACTING_ROLE.get(event_type)))}",
        f"amount={'yes' if roles.get('amount') else 'no'}",
        f"sentences={min(sentences, MAX_SENTENCES_BUCKET)}",
        f"inferred_roles={min(inferred, MAX_INFERRED_BUCKET)}",
        f"status={_basis(provenance, ['status'])}",
        f"date={_basis(provenance, ['date'])}",
    ]


@dataclass(frozen=True)
class Calibration:
    """A logistic regression over one-hot event features: P(real) = sigmoid(intercept + sum of weights)."""

    intercept: float
    weights: dict[str, float]
    note: str

    def confidence(self, features: Sequence[str]) -> float:
        """Probability that an event with these features matches a gold event (unknown features weigh 0)."""
        score = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))


def parse_calibration(raw: Mapping[str, object], *, source: str) -> Calibration:
    """Build a Calibration from its JSON form, naming ``source`` in the error when a field is wrong."""
    try:
        intercept = float(raw["intercept"])  # type: ignore[arg-type]
        weights = {str(k): float(v) for k, v in dict(raw["weights"]).items()}  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError) as err:
        raise ValueError(
            f"{source}: a calibration needs a number 'intercept' and a 'weights' object of numbers ({err!r}); "
            "rerun `python benchmarks/calibrate.py`"
        ) from err
    return Calibration(intercept=intercept, weights=weights, note=str(raw.get("note", "")))


@lru_cache(maxsize=1)
def load_calibration() -> Calibration:
    """The packaged calibration (cached: one read per process)."""
    path = resources.files("pipeline").joinpath(f"data/{CALIBRATION_FILE}")
    return parse_calibration(json.loads(path.read_text(encoding="utf-8")), source=f"pipeline/data/{CALIBRATION_FILE}")


def calibrated_confidence(
    event_type: str, roles: Mapping[str, Sequence[str]], provenance: Mapping[str, Provenance], sentences: int
) -> float:
    """The calibrated confidence of one event, rounded to three decimals."""
    features = event_features(event_type, roles, provenance, sentences)
    return round(load_calibration().confidence(features), 3)
