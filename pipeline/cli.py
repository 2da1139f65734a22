"""The ``newspipe`` command: parses arguments, calls the library, prints.

newspipe run [INPUT ...] [--output OUT.jsonl] [--workers N] [--resume] ...
newspipe schema
newspipe evaluate GOLD PRED [--json] [--per-doc]
newspipe kb build|export|stats ... --db PATH
newspipe evaluate-kb RECORDS.jsonl ... [--gold CLUSTERS.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from models import RunSummary
from pipeline.settings import DEFAULT_SETTINGS, Settings

#: Input used when ``newspipe run`` is given none (relative to the current directory).
DEFAULT_INPUT = "corpus/"
#: Directory of the default output file ``outputs/<input name>.jsonl``.
DEFAULT_OUTPUT_DIR = "outputs"
#: Exit codes (README, "Exit codes and limits"): 0 every record written or reported as bad input; 1 the run could
#: not finish; 2 usage error; 3 the run finished but newspipe failed on some record (internal error, timeout,
#: dead worker: see the error report); 130 interrupted.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_RECORDS_FAILED = 3
EXIT_INTERRUPTED = 130
#: Settings fields that get a ``--flag`` of their own, with the help text.
SETTINGS_FLAGS: dict[str, str] = {
    "max_text_bytes": "largest article text (UTF-8 bytes) accepted; larger ones go to the error report",
    "max_sentence_tokens": "longest sentence kept whole (tokens); a longer one is cut at a natural break",
    "punct_run_length": "a run of at least this many punctuation characters glued to a word is one token",
    "batch_size": "texts handed to spaCy's nlp.pipe at once",
    "min_event_confidence": "events below this confidence are dropped",
    "max_seconds_per_article": "time budget of one article in seconds; an article over it is stopped and reported "
    "with stage timeout",
    "max_seconds_worker_start": "seconds a fresh worker process may take to load the model before the run gives up",
}

#: Settings flags that must be above zero (a usage error otherwise).
POSITIVE_FLAGS = frozenset(
    {
        "max_text_bytes",
        "max_sentence_tokens",
        "punct_run_length",
        "batch_size",
        "max_seconds_per_article",
        "max_seconds_worker_start",
    }
)


def default_output(inputs: Sequence[str]) -> Path:
    """``corpus/`` -> ``outputs/corpus.jsonl``; ``data/a.jsonl`` -> ``outputs/a.jsonl``."""
    first = Path(inputs[0].rstrip("/\\") or ".").resolve() if inputs[0] != "-" else Path("stdin")
    stem = first.name.split(".")[0] or "output"
    return Path(DEFAULT_OUTPUT_DIR) / f"{stem}.jsonl"


def _positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    """An argparse type: a number of ``kind`` above zero (a usage error otherwise)."""

    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError as err:
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from err
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be above 0, got {text!r}")
        return value

    parse.__name__ = kind.__name__
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newspipe",
        description="Turn news articles into enforcement events (fines, lawsuits, settlements, ...)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="extract events from articles into a JSONL file")
    run.add_argument(
        "inputs", nargs="*", metavar="INPUT", help=f"files or directories to read (default: {DEFAULT_INPUT})"
    )
    run.add_argument(
        "-o",
        "--output",
        type=Path,
        help=f"output JSONL (default: {DEFAULT_OUTPUT_DIR}/<first input name>.jsonl)",
    )
    run.add_argument("--errors", type=Path, help="error report JSONL (default: OUT.errors.jsonl)")
    run.add_argument(
        "-w",
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: the number of CPUs; 1 runs in this process)",
    )
    run.add_argument("--resume", action="store_true", help="finish an interrupted run of the same command")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    run.add_argument("--engine", choices=("local", "dask"), default="local", help="where parts are extracted")
    run.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://HOST:8786), --engine dask"
    )
    run.add_argument(
        "--part-size",
        type=_positive(int),
        default=None,
        metavar="N",
        help="records per part file, the unit of work and of --resume (default: 64)",
    )
    run.add_argument(
        "--relevant-only",
        action="store_true",
        help="articles without enforcement vocabulary skip the model: no entities, no events, meta.relevant false",
    )
    for name, help_text in SETTINGS_FLAGS.items():
        kind = type(getattr(DEFAULT_SETTINGS, name))
        run.add_argument(
            f"--{name.replace('_', '-')}",
            type=_positive(kind) if name in POSITIVE_FLAGS else kind,
            default=None,
            metavar="N",
            help=f"{help_text} (default: {getattr(DEFAULT_SETTINGS, name)})",
        )

    commands.add_parser("schema", help="print the JSON Schema of the output records")
    evaluate = commands.add_parser(
        "evaluate",
        help="score predictions against gold annotations",
        description="Score predicted enforcement events against gold annotations.",
    )
    evaluate.add_argument("gold", type=Path, help="gold JSONL (devset/GUIDELINES.md format)")
    evaluate.add_argument("pred", type=Path, help="predictions JSONL (the pipeline's output)")
    evaluate.add_argument("--json", action="store_true", help="print the full report, per document too, as JSON")
    evaluate.add_argument("--per-doc", action="store_true", help="list the errors of each document")
    evaluate.add_argument("--baseline", type=Path, help="a second predictions file to show beside PRED")
    add_kb_commands(commands)
    return parser


#: Gold cross-article clusters used by ``newspipe evaluate-kb`` when no --gold is given.
DEFAULT_KB_GOLD = "tests/kb/gold/clusters.jsonl"


def add_kb_commands(commands: argparse._SubParsersAction) -> None:
    """``newspipe kb build|export|stats`` and ``newspipe evaluate-kb`` (the knowledge base, pipeline.kb)."""
    kb = commands.add_parser("kb", help="build, export and count the cross-article knowledge base")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    build = kb_commands.add_parser("build", help="add newspipe run outputs to the KB (created when missing)")
    build.add_argument("records", nargs="+", type=Path, metavar="RECORDS.jsonl", help="newspipe run outputs")
    build.add_argument("--db", type=Path, required=True, help="the KB's DuckDB file")
    export = kb_commands.add_parser("export", help="write the KB's events and/or entities")
    export.add_argument("--db", type=Path, required=True, help="the KB's DuckDB file")
    export.add_argument(
        "--what",
        choices=("events", "entities", "all", "redirects"),
        default="all",
        help="all: events and entities (a folder, or one Turtle graph); redirects: retired ids (default: all)",
    )
    export.add_argument("--format", choices=("jsonl", "parquet", "csv", "turtle"), default="jsonl")
    export.add_argument("--output", type=Path, required=True, help="output file (a folder for --what all)")
    stats = kb_commands.add_parser("stats", help="articles, entities, events by type, merge ratio")
    stats.add_argument("--db", type=Path, required=True, help="the KB's DuckDB file")
    evaluate_kb = commands.add_parser(
        "evaluate-kb", help="score the KB's cross-article merge on gold clusters, beside two baselines"
    )
    evaluate_kb.add_argument("records", nargs="+", type=Path, metavar="RECORDS.jsonl", help="newspipe run outputs")
    evaluate_kb.add_argument("--gold", type=Path, default=Path(DEFAULT_KB_GOLD), help="gold clusters JSONL")
    evaluate_kb.add_argument("--json", action="store_true", help="print the scores as JSON")


def _kb(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    import json

    from pipeline.kb import KBInputError, KnowledgeBase, evaluate_records, read_gold, render, render_scores

    try:
        if args.command == "evaluate-kb":
            scores = evaluate_records(read_gold(args.gold), args.records)
            text = json.dumps(scores.as_dict(), indent=1) if args.json else render_scores(scores)
            stdout.write(text + "\n")
            return EXIT_OK
        if args.kb_command != "build" and not args.db.exists():
            stderr.write(f"newspipe: error: no KB at {args.db}; build it first with newspipe kb build\n")
            return EXIT_USAGE
        with KnowledgeBase(args.db) as kb:
            if args.kb_command == "build":
                done = kb.build(args.records)
                stderr.write(
                    f"read {done.records} records; KB: {done.articles} articles, {done.entities} entities, "
                    f"{done.events} events, {done.redirects_added} ids redirected\n"
                )
            elif args.kb_command == "export":
                counts = kb.export(what=args.what, fmt=args.format, output=args.output)
                stderr.write(", ".join(f"{k} {v}" for k, v in counts.items()) + f" -> {args.output}\n")
            else:
                stdout.write(render(kb.stats()) + "\n")
    except (KBInputError, OSError, ValueError) as err:
        stderr.write(f"newspipe: error: {err}\n")
        return EXIT_FAILED
    return EXIT_OK


def _settings_from(args: argparse.Namespace) -> Settings:
    overrides = {name: getattr(args, name) for name in SETTINGS_FLAGS if getattr(args, name) is not None}
    if getattr(args, "relevant_only", False):
        overrides["relevant_only"] = True
    return replace(DEFAULT_SETTINGS, **overrides)


def format_summary(summary: RunSummary, *, seconds: float, output: Path) -> str:
    """The end-of-run report: counts, events by type, wall time and throughput."""
    events = ", ".join(f"{kind} {count}" for kind, count in summary.events.items()) or "none"
    rate = summary.read / seconds if seconds > 0 else 0.0
    failed = f"failed {summary.failed} (newspipe errors: see the error report), " if summary.failed else ""
    return (
        f"read {summary.read}, written {summary.written}, rejected {summary.rejected}, "
        f"{failed}warnings {summary.warnings}\n"
        f"events: {events}\n"
        + (
            f"relevant: {summary.relevant} of {summary.written} articles "
            f"({summary.relevant / summary.written if summary.written else 0.0:.1%})\n"
            if summary.relevant is not None
            else ""
        )
        + f"wall time {seconds:.1f} s ({rate:.1f} articles/s); output: {output}\n"
    )


def _run(args: argparse.Namespace, stderr: TextIO) -> int:
    from pipeline import runner

    inputs = args.inputs or [DEFAULT_INPUT]
    output = args.output or default_output(inputs)
    bar = None
    if not args.quiet and stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=runner.count_records(inputs), unit="article", file=stderr, dynamic_ncols=True)
    started = time.perf_counter()
    try:
        summary = runner.run(
            inputs,
            output=output,
            errors=args.errors,
            settings=_settings_from(args),
            workers=max(1, args.workers),
            resume=args.resume,
            part_size=args.part_size or runner.DEFAULT_PART_SIZE,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=bar.update if bar is not None else None,
        )
    except KeyboardInterrupt:
        stderr.write("\nnewspipe: interrupted; rerun the same command with --resume to finish\n")
        return EXIT_INTERRUPTED
    except (OSError, RuntimeError, ValueError) as err:
        stderr.write(f"newspipe: error: {err}\n")
        return EXIT_FAILED
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        stderr.write(format_summary(summary, seconds=time.perf_counter() - started, output=output))
    return EXIT_RECORDS_FAILED if summary.failed else EXIT_OK


def _evaluate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from pipeline.evaluate import EvalInputError, evaluate, render_report

    try:
        report = evaluate(args.gold, args.pred)
        baseline = evaluate(args.gold, args.baseline) if args.baseline else None
    except EvalInputError as err:
        stderr.write(f"error: {err}\n")
        return EXIT_USAGE
    if args.json:
        stdout.write(report.model_dump_json(indent=1) + "\n")
    else:
        stdout.write(render_report(report, per_doc=args.per_doc, baseline=baseline) + "\n")
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Entry point of the ``newspipe`` console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    if args.command == "evaluate":
        return _evaluate(args, out, err)
    if args.command in ("kb", "evaluate-kb"):
        return _kb(args, out, err)
    if args.command == "schema":
        from models.schema import render_schema

        out.write(render_schema())
        return EXIT_OK
    if args.engine == "dask" and not args.scheduler:
        build_parser().error("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    return _run(args, err)
