"""The ``newspipe`` command: argument handling, printing, exit codes, delegation."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.schema import render_schema
from pipeline import cli
from pipeline.settings import DEFAULT_SETTINGS
from tests.helpers import corpus_lines

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def small_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three short DOJ releases of the bundled corpus (public domain) and one line that is not JSON."""
    lines = corpus_lines(3, max_chars=1000)
    path = tmp_path_factory.mktemp("cli") / "small.jsonl"
    path.write_text("".join(lines) + "{broken\n", encoding="utf-8")
    return path


def run_cli(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = cli.main(list(argv), stdout=stdout, stderr=stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_schema_command_prints_the_committed_schema() -> None:
    status, stdout, _ = run_cli("schema")
    assert status == 0
    assert stdout == render_schema()


def test_python_dash_m_pipeline_is_the_newspipe_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "schema"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode("utf-8") == render_schema()


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (["corpus/"], "outputs/corpus.jsonl"),
        (["data/reuters.jsonl"], "outputs/reuters.jsonl"),
        (["crawl/news.jsonl.gz", "more/"], "outputs/news.jsonl"),
        (["-"], "outputs/stdin.jsonl"),
    ],
)
def test_default_output_is_named_after_the_first_input(inputs: list[str], expected: str) -> None:
    assert cli.default_output(inputs) == Path(expected)


def test_run_writes_output_and_prints_the_summary(small_input: Path, tmp_path: Path) -> None:
    output = tmp_path / "small.jsonl"
    status, stdout, stderr = run_cli("run", str(small_input), "--output", str(output), "--workers", "1")
    assert status == 0
    assert stdout == ""
    assert "read 4, written 3, rejected 1, warnings 0" in stderr
    assert "articles/s" in stderr
    assert len(output.read_text(encoding="utf-8").splitlines()) == 3
    assert json.loads((tmp_path / "small.summary.json").read_text())["read"] == 4


def test_quiet_run_prints_nothing(small_input: Path, tmp_path: Path) -> None:
    status, stdout, stderr = run_cli(
        "run", str(small_input), "-o", str(tmp_path / "q.jsonl"), "-w", "1", "--quiet"
    )
    assert (status, stdout, stderr) == (0, "", "")
    assert (tmp_path / "q.jsonl").exists()


def test_leftover_parts_make_run_fail_with_the_fix(small_input: Path, tmp_path: Path) -> None:
    (tmp_path / "out.parts").mkdir()
    status, _, stderr = run_cli("run", str(small_input), "-o", str(tmp_path / "out.jsonl"), "-w", "1")
    assert status == 1
    assert "--resume" in stderr and "remove" in stderr


def test_settings_flags_override_the_defaults() -> None:
    args = cli.build_parser().parse_args(["run", "--max-text-bytes", "500", "--batch-size", "4"])
    settings = cli._settings_from(args)
    assert (settings.max_text_bytes, settings.batch_size) == (500, 4)
    assert settings.min_event_confidence == DEFAULT_SETTINGS.min_event_confidence
    args = cli.build_parser().parse_args(["run", "--max-sentence-tokens", "300", "--punct-run-length", "12"])
    settings = cli._settings_from(args)
    assert (settings.max_sentence_tokens, settings.punct_run_length) == (300, 12)


def test_run_without_arguments_reads_corpus_into_outputs(
    small_input: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.jsonl").write_bytes(small_input.read_bytes())
    monkeypatch.chdir(tmp_path)
    status, _, _ = run_cli("run", "-w", "1", "-q")
    assert status == 0
    assert len((tmp_path / "outputs" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_dask_engine_needs_a_scheduler_address() -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli("run", "in.jsonl", "--engine", "dask")
    assert exit_info.value.code == 2


def test_evaluate_scores_predictions_against_gold() -> None:
    fixtures = REPO / "tests" / "fixtures" / "eval"
    status, out, _ = run_cli("evaluate", str(fixtures / "gold.jsonl"), str(fixtures / "pred.jsonl"), "--per-doc")
    assert status == 0
    assert next(line for line in out.splitlines() if line.startswith("events")).split()[1:4] == ["0.600"] * 3
    assert "fx-acme-fine" in out


def test_evaluate_reports_unreadable_predictions_as_a_usage_error() -> None:
    fixtures = REPO / "tests" / "fixtures" / "eval"
    status, _, err = run_cli("evaluate", str(fixtures / "gold.jsonl"), str(fixtures / "pred_not_json.jsonl"))
    assert status == 2 and "pred_not_json.jsonl line 2" in err




@pytest.mark.parametrize(
    "flags",
    [["--max-seconds-per-article", "0"], ["--batch-size", "-1"], ["--part-size", "0"], ["--max-text-bytes", "x"]],
)
def test_limits_that_are_not_above_zero_are_usage_errors(flags: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli("run", "in.jsonl", *flags)
    assert exit_info.value.code == cli.EXIT_USAGE == 2


def test_time_budget_flag_sets_the_setting() -> None:
    args = cli.build_parser().parse_args(["run", "--max-seconds-per-article", "2.5"])
    assert cli._settings_from(args).max_seconds_per_article == 2.5
