"""Accuracy of the pipeline next to the afternoon baseline, on the dev set and the bundled gold set.

    python benchmarks/accuracy.py [--devset DIR] [--results DIR] [--per-doc]

Runs ``benchmarks/baseline.py`` and ``python -m pipeline run`` (both as subprocesses, as a user would) over
each set's articles, scores both with ``pipeline.evaluate.score`` and prints them side by side. A set whose files
are absent is skipped with a message; a pipeline that cannot run is reported and the baseline shown alone.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # so that `python benchmarks/accuracy.py` finds the package

from pipeline.evaluate import EvalInputError, EvalReport, evaluate, render_report  # noqa: E402

DEFAULT_DEVSET = REPO_ROOT.parent / "shared" / "devset"
BUNDLED_GOLD = REPO_ROOT / "tests" / "gold"
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


def score_set(eval_set: EvalSet, results: Path, *, per_doc: bool) -> tuple[str, bool]:
    """Run and score both systems on one set; returns the text to print and whether the pipeline ran."""
    missing = eval_set.missing_files()
    if missing:
        return f"== {eval_set.name}: skipped, {', '.join(map(str, missing))} not found", True
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
    return "\n".join(lines), True


def main(argv: list[str] | None = None) -> int:
    """Command line; exits 1 when the pipeline could not be run on a set that is present."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--devset", type=Path, default=DEFAULT_DEVSET, help="folder with docs.jsonl, gold.jsonl"
    )
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS, help="where predictions are written")
    parser.add_argument("--per-doc", action="store_true", help="list each document's errors too")
    args = parser.parse_args(argv)
    sets = [
        EvalSet("dev", args.devset / "docs.jsonl", args.devset / "gold.jsonl"),
        EvalSet("bundled-gold", BUNDLED_GOLD / "docs.jsonl", BUNDLED_GOLD / "gold.jsonl"),
    ]
    status = EXIT_OK
    for eval_set in sets:
        try:
            text, pipeline_ran = score_set(eval_set, args.results, per_doc=args.per_doc)
        except EvalInputError as err:
            text, pipeline_ran = f"== {eval_set.name}: cannot score: {err}", False
        print(text, end="\n\n")
        if not pipeline_ran:
            status = EXIT_PIPELINE_FAILED
    return status


if __name__ == "__main__":
    sys.exit(main())
