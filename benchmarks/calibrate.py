"""Fit the event-confidence calibration (``pipeline/data/calibration.json``) on annotated sets.

    python benchmarks/calibrate.py [--devset DIR] [--results DIR] [--no-run] [--l2 1.0]

Runs the pipeline (as ``benchmarks/accuracy.py`` does) over the dev set, the bundled gold and the two tuning sets,
matches every predicted event to gold with ``pipeline.evaluate`` and fits a logistic regression of "matched"
on the event's one-hot features (``pipeline.events.event_features``: type, how its core party and acting side
were found, amount, supporting sentences, inferred roles, where status and date came from). The sealed set is
never used. The fit is L2-regularised Newton's method in numpy: twenty-odd weights need no further library.
Prints, for each set, the reliability of a fit on the other sets (held out) before writing the full fit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from accuracy import (  # noqa: E402
    BUNDLED_GOLD,
    CONFIDENCE_BINS,
    CORPORA,
    DEFAULT_DEVSET,
    DEFAULT_RESULTS,
    TUNING2_GOLD,
    TUNING_GOLD,
    assemble_docs,
    run_pipeline,
)

from models import Event  # noqa: E402
from pipeline.evaluate import matched_predictions  # noqa: E402
from pipeline.events import event_features  # noqa: E402

CALIBRATION_PATH = REPO_ROOT / "pipeline" / "data" / "calibration.json"
NEWTON_STEPS = 50
TOLERANCE = 1e-9
WEIGHT_DECIMALS = 4

Sample = tuple[list[str], bool, float]  # features, matched, weight


def samples(gold: Path, pred: Path) -> list[tuple[list[str], bool]]:
    """(features, matched) of every predicted event of the documents ``gold`` annotates."""
    out = []
    for _, raw, ok in matched_predictions(gold, pred):
        event = Event.model_validate(raw)
        out.append((event_features(event.type, event.roles, event.provenance, len(event.evidence)), ok))
    return out


def weighted(parts: Sequence[list[tuple[list[str], bool]]]) -> list[Sample]:
    """Every set weighs the same in the fit, whatever its size: the dev set and the bundled gold were tuned on,
    so their precision overstates the pipeline's on new articles; the tuning set, though small, is closer to it."""
    sizes = [len(part) for part in parts if part]
    mean = sum(sizes) / len(sizes) if sizes else 0.0
    return [(f, ok, mean / len(part)) for part in parts for f, ok in part]


def fit(data: Sequence[Sample], *, l2: float) -> tuple[float, dict[str, float]]:
    """Intercept and per-feature weights of an L2-regularised logistic regression (intercept not penalised)."""
    names = sorted({f for features, _, _ in data for f in features})
    column = {name: n for n, name in enumerate(names)}
    x = np.zeros((len(data), len(names) + 1))
    x[:, 0] = 1.0
    for row, (features, _, _) in enumerate(data):
        for f in features:
            x[row, column[f] + 1] = 1.0
    y = np.array([1.0 if ok else 0.0 for _, ok, _ in data])
    weight = np.array([w for _, _, w in data])
    penalty = np.full(len(names) + 1, l2)
    penalty[0] = 0.0
    w = np.zeros(len(names) + 1)
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (weight * (p - y)) + penalty * w
        hessian = (x.T * (weight * p * (1 - p))) @ x + np.diag(penalty) + np.eye(len(w)) * TOLERANCE
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.max(np.abs(step))) < TOLERANCE:
            break
    weights = {name: round(float(w[n + 1]), WEIGHT_DECIMALS) for n, name in enumerate(names)}
    return round(float(w[0]), WEIGHT_DECIMALS), weights


def probability(intercept: float, weights: dict[str, float], features: Sequence[str]) -> float:
    return float(1.0 / (1.0 + np.exp(-(intercept + sum(weights.get(f, 0.0) for f in features)))))


def reliability(
    name: str, intercept: float, weights: dict[str, float], data: Sequence[tuple[list[str], bool]]
) -> list[str]:
    """Rows of events, matched share and mean confidence per bin (the bins of benchmarks/accuracy.py)."""
    scored = [(probability(intercept, weights, f), ok) for f, ok in data]
    rows = []
    for n, (low, high) in enumerate(CONFIDENCE_BINS):
        last = n == len(CONFIDENCE_BINS) - 1
        inside = [(c, ok) for c, ok in scored if low <= c < high or (last and c == high)]
        share = f"{sum(ok for _, ok in inside) / len(inside):.2f}" if inside else "-"
        mean = f"{sum(c for c, _ in inside) / len(inside):.2f}" if inside else "-"
        rows.append(f"{name:<28}[{low:.1f}, {high:.1f}{']' if last else ')'} {len(inside):>6} {share:>8} {mean:>9}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="folder with docs.jsonl, gold.jsonl")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS, help="where predictions are written")
    parser.add_argument("--no-run", action="store_true", help="reuse pipeline-<set>.jsonl already in --results")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the weights")
    args = parser.parse_args(argv)
    sets = {
        "dev": (args.devset / "docs.jsonl", args.devset / "gold.jsonl"),
        "bundled-gold": (BUNDLED_GOLD / "docs.jsonl", BUNDLED_GOLD / "gold.jsonl"),
        "tuning": (args.results / "docs-tuning.jsonl", TUNING_GOLD),
        "tuning2": (args.results / "docs-tuning2.jsonl", TUNING2_GOLD),
    }
    data: dict[str, list[tuple[list[str], bool]]] = {}
    for name, (docs, gold) in sets.items():
        pred = args.results / f"pipeline-{name}.jsonl"
        if name in ("tuning", "tuning2") and not args.no_run:
            assemble_docs(gold, CORPORA, docs)
        if not args.no_run:
            problem = run_pipeline(docs, pred)
            if problem is not None:
                print(problem, file=sys.stderr)
                return 1
        data[name] = samples(gold, pred)
    print(f"{'held-out set (fit on the others)':<28}{'bin':<11}{'events':>6} {'matched':>8} {'mean conf':>9}")
    for name in data:
        rest = weighted([part for other, part in data.items() if other != name])
        intercept, weights = fit(rest, l2=args.l2)
        print("\n".join(reliability(name, intercept, weights, data[name])))
    intercept, weights = fit(weighted(list(data.values())), l2=args.l2)
    counts = ", ".join(f"{name} {len(part)} ({sum(ok for _, ok in part)} matched)" for name, part in data.items())
    note = (
        f"L2-regularised logistic regression (l2={args.l2}, Newton's method) of 'the event matches a gold event' "
        f"on event_features, fit by `python benchmarks/calibrate.py` on predicted events of {counts}, each set "
        "weighing the same; the sealed set is never used."
    )
    CALIBRATION_PATH.write_text(
        json.dumps({"note": note, "intercept": intercept, "weights": weights}, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {CALIBRATION_PATH.relative_to(REPO_ROOT)}: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
