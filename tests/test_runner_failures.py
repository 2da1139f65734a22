"""Runs that meet failures finish and say so: a worker killed on one record, an article over its time budget,
a second run on the same output, exit codes.

The worker processes are made to fail with the test-only ``NEWSPIPE_TEST_FAULT`` hook (``crash:ID`` kills the
worker with SIGKILL when it reaches record ID, ``hang:ID`` makes it sleep), which only worker processes read.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import cli, runner
from pipeline.io.writer import OutputLockedError, OutputPaths, output_lock
from pipeline.settings import DEFAULT_SETTINGS
from pipeline.workers import POOL, TEST_FAULT_ENV
from tests.helpers import corpus_lines

REPO = Path(__file__).resolve().parents[1]
ARTICLES = 10
PART_SIZE = 4
#: Small batches, so a part has results before and after the record that kills its worker.
SETTINGS = replace(DEFAULT_SETTINGS, batch_size=2)
#: Generous bound for a subprocess run to take its lock and load the model.
WAIT_SECONDS = 120
POLL_SECONDS = 0.05


@pytest.fixture(scope="module")
def doj(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("failures") / "doj.jsonl"
    path.write_text("".join(corpus_lines(ARTICLES, max_chars=1600)) + "not json\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ids(doj: Path) -> list[str]:
    return [json.loads(line)["id"] for line in doj.read_text(encoding="utf-8").splitlines()[:ARTICLES]]


@pytest.fixture(scope="module")
def reference(doj: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Output lines of a run without faults."""
    output = tmp_path_factory.mktemp("reference") / "out.jsonl"
    runner.run([str(doj)], output=output, part_size=PART_SIZE, settings=SETTINGS)
    return output.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def fault(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Fresh worker processes (they read the fault from their environment when they start), none left after."""
    POOL.stop_all()
    yield monkeypatch
    POOL.stop_all()


def read_errors(output: Path) -> list[dict[str, object]]:
    errors = output.with_name(output.stem + ".errors.jsonl")
    return [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_killed_on_one_record_costs_that_record_only_and_the_run_finishes(
    doj: Path, ids: list[str], reference: list[str], fault: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    victim = ids[5]  # second part, after a finished batch of that part
    fault.setenv(TEST_FAULT_ENV, f"crash:{victim}")
    output = tmp_path / "out.jsonl"
    summary = runner.run([str(doj)], output=output, part_size=PART_SIZE, settings=SETTINGS, workers=workers)
    assert (summary.read, summary.written, summary.rejected, summary.failed) == (ARTICLES + 1, ARTICLES - 1, 1, 1)
    expected = [line for line in reference if json.loads(line)["id"] != victim]
    assert output.read_text(encoding="utf-8").splitlines() == expected
    crash = next(error for error in read_errors(output) if error["internal"])
    assert (crash["id"], crash["stage"], crash["rejected"], crash["line"]) == (victim, "worker", True, 6)
    assert "SIGKILL" in str(crash["message"]) and "out-of-memory" in str(crash["message"])


def test_an_article_over_its_time_budget_is_reported_as_a_timeout_and_the_run_goes_on(
    doj: Path, ids: list[str], reference: list[str], fault: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    victim = ids[2]
    fault.setenv(TEST_FAULT_ENV, f"hang:{victim}")
    output = tmp_path / "out.jsonl"
    settings = replace(SETTINGS, max_seconds_per_article=8.0)
    started = time.monotonic()
    summary = runner.run([str(doj)], output=output, part_size=PART_SIZE, settings=settings)
    assert time.monotonic() - started < WAIT_SECONDS
    assert (summary.written, summary.failed) == (ARTICLES - 1, 1)
    assert output.read_text(encoding="utf-8").splitlines() == [
        line for line in reference if json.loads(line)["id"] != victim
    ]
    timeout = next(error for error in read_errors(output) if error["internal"])
    assert (timeout["id"], timeout["stage"], timeout["line"]) == (victim, "timeout", 3)
    assert "--max-seconds-per-article" in str(timeout["message"])


def run_cli(*argv: str) -> tuple[int, str]:
    stderr = io.StringIO()
    status = cli.main(list(argv), stdout=io.StringIO(), stderr=stderr)
    return status, stderr.getvalue()


def test_exit_code_is_3_when_newspipe_failed_on_a_record_and_0_for_bad_input_only(
    doj: Path, ids: list[str], fault: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    status, stderr = run_cli("run", str(doj), "-o", str(tmp_path / "clean.jsonl"), "-w", "1", "--batch-size", "2")
    assert status == cli.EXIT_OK == 0
    assert "rejected 1, warnings 0" in stderr
    fault.setenv(TEST_FAULT_ENV, f"crash:{ids[0]}")
    POOL.stop_all()
    status, stderr = run_cli("run", str(doj), "-o", str(tmp_path / "crash.jsonl"), "-w", "1", "--batch-size", "2")
    assert status == cli.EXIT_RECORDS_FAILED == 3
    assert "rejected 1, failed 1" in stderr


def test_output_lock_refuses_a_second_holder_and_is_free_again_after_the_first() -> None:
    paths = OutputPaths.for_output(Path(os.environ.get("TMPDIR", "/tmp")) / f"lock-{os.getpid()}.jsonl")
    with output_lock(paths):
        with pytest.raises(OutputLockedError, match=f"pid {os.getpid()}"):
            with output_lock(paths):
                pass
    with output_lock(paths):
        pass
    paths.lock.unlink()


def newspipe(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_a_second_run_on_the_same_output_is_refused_while_the_first_runs(
    doj: Path, ids: list[str], tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    command = ["run", str(doj), "-o", str(output), "-w", "1", "--part-size", str(PART_SIZE), "-q"]
    first = newspipe(*command, env={TEST_FAULT_ENV: f"hang:{ids[-1]}"})
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        parts = tmp_path / "out.parts"
        while not (parts / "manifest.jsonl").exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
        assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
        status, stderr = run_cli(*command[:-1], "--resume")
        assert status == cli.EXIT_FAILED == 1
        assert f"another newspipe run (pid {first.pid}) is writing {output}" in stderr
        assert first.poll() is None and not output.exists()
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    status, stderr = run_cli(*command, "--resume")
    assert status == 0, stderr
    assert len(output.read_text(encoding="utf-8").splitlines()) == ARTICLES
