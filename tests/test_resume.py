"""Crash safety: a real ``python -m pipeline run`` killed with SIGKILL, then finished with --resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline import runner
from tests.helpers import corpus_lines

REPO = Path(__file__).resolve().parents[1]
ARTICLES = 80
PART_SIZE = 2
#: Parts that must be committed before the kill, so the resumed run has something to keep.
PARTS_BEFORE_KILL = 3
#: Generous upper bound for the subprocess to commit its first parts (model loading included).
WAIT_SECONDS = 120
POLL_SECONDS = 0.01


def doj_input(path: Path, count: int) -> Path:
    path.write_text("".join(corpus_lines(count)) + "not json\n", encoding="utf-8")
    return path


def newspipe(*args: str) -> subprocess.Popen[bytes]:
    """Start ``python -m pipeline`` in its own process group (so the kill reaches its workers)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=REPO,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def committed_parts(parts_dir: Path) -> int:
    try:
        lines = (parts_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
        return max(0, len(lines) - 1)
    except (OSError, ValueError):
        return 0


def test_killed_run_resumes_to_the_same_bytes_as_an_uninterrupted_run(tmp_path: Path) -> None:
    source = doj_input(tmp_path / "doj.jsonl", ARTICLES)
    reference = tmp_path / "reference.jsonl"
    runner.run([str(source)], output=reference, part_size=PART_SIZE)

    output = tmp_path / "out.jsonl"
    parts = tmp_path / "out.parts"
    command = [
        "run",
        str(source),
        "--output",
        str(output),
        "--workers",
        "2",
        "--part-size",
        str(PART_SIZE),
        "-q",
    ]
    process = newspipe(*command)
    deadline = time.monotonic() + WAIT_SECONDS
    while (
        committed_parts(parts) < PARTS_BEFORE_KILL and process.poll() is None and time.monotonic() < deadline
    ):
        time.sleep(POLL_SECONDS)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read().decode() if process.stderr else ""
    assert not output.exists(), "the run finished before it could be killed; give it more articles"
    assert committed_parts(parts) >= PARTS_BEFORE_KILL

    again = newspipe(*command)
    _, stderr = again.communicate()
    assert again.returncode == 1
    assert b"--resume" in stderr

    resumed = newspipe(*command, "--resume")
    _, stderr = resumed.communicate()
    assert resumed.returncode == 0, stderr.decode()
    for suffix in (".jsonl", ".errors.jsonl", ".summary.json"):
        assert (tmp_path / f"out{suffix}").read_bytes() == (tmp_path / f"reference{suffix}").read_bytes()
    assert not parts.exists()
