"""Accuracy of the pipeline next to the afternoon baseline: dev set, bundled gold, tuning set and sealed set.

    python benchmarks/accuracy.py [--devset DIR] [--results DIR] [--per-doc] [--sets dev,tuning,tuning2,...]

Runs ``benchmarks/baseline.py`` and ``python -m pipeline run`` (both as subprocesses, as a user would) over
each set's articles, scores both with ``pipeline.evaluate`` and prints them side by side, then one summary
table of every set and, for the tuning and sealed sets, figures per source. A set whose files are absent is
skipped with a message; a pipeline that cannot run is reported and the baseline shown alone.

The sealed set (``benchmarks/sealed/``) is printed as aggregates only, never per document: rule writers must
not learn its articles (see its README). The tuning and sealed sets name their articles by id; their texts are
read from ``../shared/corpora`` (research-only sources never enter the repository).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # so that `python benchmarks/accuracy.py` finds the package

from pipeline.evaluate import (  # noqa: E402
    EvalInputError,
    EvalReport,
    evaluate,
    matched_predictions,
    render_report,
)
from pipeline.evaluate.corpora import assemble_docs, source_of  # noqa: E402
from pipeline.evaluate.report import Scores  # noqa: E402

DEFAULT_DEVSET = REPO_ROOT.parent / "shared" / "devset"
CORPORA = REPO_ROOT.parent / "shared" / "corpora"
BUNDLED_GOLD = REPO_ROOT / "tests" / "gold"
SEALED_GOLD = REPO_ROOT / "benchmarks" / "sealed" / "gold.jsonl"
TUNING_GOLD = REPO_ROOT / "benchmarks" / "tuning" / "gold.jsonl"
TUNING2_GOLD = REPO_ROOT / "benchmarks" / "tuning" / "gold-2.jsonl"
#: Sets whose per-document errors are never printed.
SEALED_SETS = frozenset({"sealed"})
DEFAULT_RESULTS = REPO_ROOT / "benchmarks" / "results"
BASELINE_SCRIPT = REPO_ROOT / "benchmarks" / "baseline.py"
#: Lines of a failed command's stderr shown in the message.
STDERR_TAIL_LINES = 15
EXIT_OK = 0
EXIT_PIPELINE_FAILED = 1


@dataclass(frozen=True)
class EvalSet:
    """Articles and their gold annotations."""

    name: str
    docs: Path
    gold: Path

    def missing_files(self) -> list[Path]:
        return [path for path in (self.docs, self.gold) if not path.is_file()]


def _run(command: list[str], what: str) -> str | None:
    """Run a command from the repository root; None on success, else a message saying what failed."""
    try:
        done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    except OSError as err:
        return f"{what} could not start ({' '.join(command)}): {err}"
    if done.returncode == 0:
        return None
    tail = "\n".join(done.stderr.strip().splitlines()[-STDERR_TAIL_LINES:])
    return f"{what} failed with exit status {done.returncode} ({' '.join(command)}):\n{tail}"


def run_baseline(docs: Path, output: Path) -> str | None:
    """Write the baseline's predictions for ``docs``; None on success, else why it failed."""
    return _run([sys.executable, str(BASELINE_SCRIPT), str(docs), "--output", str(output)], "the baseline")


def run_pipeline(docs: Path, output: Path) -> str | None:
    """Write the pipeline's predictions for ``docs``; None on success, else why it failed."""
    if not (REPO_ROOT / "pipeline" / "__main__.py").is_file():
        return "the pipeline has no command line yet (no pipeline/__main__.py): showing the baseline only"
    output.unlink(missing_ok=True)  # a stale file from an earlier run must not be scored
    return _run([sys.executable, "-m", "pipeline", "run", str(docs), "--output", str(output)], "the pipeline")


def split_by_source(path: Path, into: Path) -> dict[str, Path]:
    """One JSONL file per source (article id prefix) with the lines of ``path``."""
    groups: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            groups.setdefault(source_of(json.loads(line)["id"]), []).append(line + "\n")
    into.mkdir(parents=True, exist_ok=True)
    files = {}
    for source, lines in sorted(groups.items()):
        files[source] = into / f"{source}.jsonl"
        files[source].write_text("".join(lines), encoding="utf-8")
    return files


SUMMARY_HEADER = (
    f"{'set':<22}{'docs':>5}{'events F1':>10}{'(P / R)':>14}{'args F1':>9}{'ORG':>7}{'REG':>7}{'MONEY':>7}"
    f"{'LAW':>7}{'status':>8}{'date':>7}"
)


def summary_row(name: str, report: EvalReport) -> str:
    def f1(scores: Scores | None) -> str:
        return f"{scores.f1:.3f}" if scores is not None and (scores.tp + scores.fn) else "  -  "

    def acc(value: float | None) -> str:
        return f"{value:.3f}" if value is not None else "  -  "

    ev = report.events_all
    ents = report.entities
    return (
        f"{name:<22}{report.documents:>5}{ev.f1:>10.3f}{f'({ev.p:.2f} / {ev.r:.2f})':>14}"
        f"{report.arguments_all.f1:>9.3f}{f1(ents.get('ORG')):>7}{f1(ents.get('REGULATOR')):>7}"
        f"{f1(ents.get('MONEY')):>7}{f1(ents.get('LAW')):>7}{acc(report.status_accuracy):>8}{acc(report.date_accuracy):>7}"
    )


#: Confidence bins of the reliability table: [low, high); the last one holds 1.0.
CONFIDENCE_BINS = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.0))
RELIABILITY_HEADER = f"{'set':<22}{'confidence':>12}{'events':>8}{'matched':>9}{'mean conf':>11}"


def reliability_rows(name: str, gold: Path, pred: Path) -> list[str]:
    """Per confidence bin: predicted events, the share matched to a gold event, their mean confidence.

    A calibrated confidence makes the share match the mean (aggregates only: no document is named).
    """
    scored = [(float(event.get("confidence") or 0.0), ok) for _, event, ok in matched_predictions(gold, pred)]
    rows = []
    for n, (low, high) in enumerate(CONFIDENCE_BINS):
        last = n == len(CONFIDENCE_BINS) - 1
        inside = [(c, ok) for c, ok in scored if low <= c < high or (last and c == high)]
        label = f"[{low:.1f}, {high:.1f}{']' if last else ')'}"
        share = f"{sum(ok for _, ok in inside) / len(inside):.2f}" if inside else "-"
        mean = f"{sum(c for c, _ in inside) / len(inside):.2f}" if inside else "-"
        rows.append(f"{name:<22}{label:>12}{len(inside):>8}{share:>9}{mean:>11}")
    return rows


def per_source_rows(eval_set: EvalSet, pred: Path, results: Path) -> list[str]:
    """Summary rows of one set, source by source (aggregates only)."""
    gold_parts = split_by_source(eval_set.gold, results / f"by-source-{eval_set.name}" / "gold")
    pred_parts = split_by_source(pred, results / f"by-source-{eval_set.name}" / "pred")
    rows = []
    for source, gold in gold_parts.items():
        part = pred_parts.get(source) or (results / "empty.jsonl")
        if not part.exists():
            part.write_text("", encoding="utf-8")
        rows.append(summary_row(f"  {eval_set.name}/{source}", evaluate(gold, part)))
    return rows


def score_set(
    eval_set: EvalSet, results: Path, *, per_doc: bool, summary: list[str], reliability: list[str] | None = None
) -> tuple[str, bool]:
    """Run and score both systems on one set; returns the text to print and whether the pipeline ran."""
    missing = eval_set.missing_files()
    if missing:
        return f"== {eval_set.name}: skipped, {', '.join(map(str, missing))} not found", True
    per_doc = per_doc and eval_set.name not in SEALED_SETS
    results.mkdir(parents=True, exist_ok=True)
    baseline_pred = results / f"baseline-{eval_set.name}.jsonl"
    pipeline_pred = results / f"pipeline-{eval_set.name}.jsonl"
    lines = [f"== {eval_set.name}: {eval_set.docs}"]
    baseline: EvalReport | None = None
    problem = run_baseline(eval_set.docs, baseline_pred)
    if problem is None:
        baseline = evaluate(eval_set.gold, baseline_pred)
    else:
        lines.append(problem)
    problem = run_pipeline(eval_set.docs, pipeline_pred)
    if problem is not None:
        lines.append(problem)
        if baseline is not None:
            lines.append(render_report(baseline, per_doc=per_doc))
        return "\n".join(lines), False
    report = evaluate(eval_set.gold, pipeline_pred)
    lines.append(render_report(report, per_doc=per_doc, baseline=baseline))
    summary.append(summary_row(eval_set.name, report))
    if reliability is not None:
        reliability.extend(reliability_rows(eval_set.name, eval_set.gold, pipeline_pred))
    if baseline is not None:
        summary.append(summary_row(f"  {eval_set.name} baseline", baseline))
    if eval_set.name in ("tuning", "tuning2", "sealed"):
        summary.extend(per_source_rows(eval_set, pipeline_pred, results))
    return "\n".join(lines), True


def main(argv: list[str] | None = None) -> int:
    """Command line; exits 1 when the pipeline could not be run on a set that is present."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="folder with docs.jsonl, gold.jsonl")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS, help="where predictions are written")
    parser.add_argument(
        "--per-doc", action="store_true", help="list each document's errors too (never the sealed set's)"
    )
    parser.add_argument(
        "--sets", default="dev,bundled-gold,tuning,tuning2,sealed", help="comma-separated sets to score"
    )
    args = parser.parse_args(argv)
    chosen = set(args.sets.split(","))
    status = EXIT_OK
    summary: list[str] = []
    reliability: list[str] = []
    for name in ("dev", "bundled-gold", "tuning", "tuning2", "sealed"):
        if name not in chosen:
            continue
        try:
            if name == "dev":
                eval_set = EvalSet("dev", args.devset / "docs.jsonl", args.devset / "gold.jsonl")
            elif name == "bundled-gold":
                eval_set = EvalSet("bundled-gold", BUNDLED_GOLD / "docs.jsonl", BUNDLED_GOLD / "gold.jsonl")
            else:
                gold = {"sealed": SEALED_GOLD, "tuning": TUNING_GOLD, "tuning2": TUNING2_GOLD}[name]
                eval_set = EvalSet(name, assemble_docs(gold, CORPORA, args.results / f"docs-{name}.jsonl"), gold)
            text, pipeline_ran = score_set(
                eval_set, args.results, per_doc=args.per_doc, summary=summary, reliability=reliability
            )
        except EvalInputError as err:
            text, pipeline_ran = f"== {name}: cannot score: {err}", False
        if name in SEALED_SETS:
            text = text.split("\n")[0] + "\n(sealed: aggregate figures only, in the summary below)"
        print(text, end="\n\n")
        if not pipeline_ran:
            status = EXIT_PIPELINE_FAILED
    print(SUMMARY_HEADER)
    print("\n".join(summary))
    print("\nReliability of event confidence (share of predicted events matched to a gold event, per bin)")
    print(RELIABILITY_HEADER)
    print("\n".join(reliability))
    return status


if __name__ == "__main__":
    sys.exit(main())
