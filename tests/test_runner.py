"""The runner: ordering, parts, summary, fall-back on extraction errors, resume in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import ArticleRecord, ErrorRecord, RunSummary
from pipeline import runner
from pipeline.io.reader import read_inputs
from pipeline.io.source import InputRecord, Location
from pipeline.io.writer import PARTS_SUFFIX, ResumeError, dump_line
from pipeline.settings import DEFAULT_SETTINGS, Settings
from tests.helpers import corpus_lines

#: Short DOJ releases keep the real model fast enough for unit tests.
MAX_TEST_TEXT_CHARS = 1600
BAD_LINES = [
    "this is not json\n",
    '{"id": "no-text", "title": "", "text": ""}\n',
    '{"id": "bad-date", "title": "SEC fines Acme", "text": "The SEC fined Acme Corp $5 million on Monday.",'
    ' "published": "32/13/2023"}\n',
]


def doj_lines(count: int) -> list[str]:
    """The first ``count`` short DOJ press releases of the bundled corpus (public domain) as JSONL lines."""
    return corpus_lines(count, max_chars=MAX_TEST_TEXT_CHARS)


@pytest.fixture(scope="module")
def mixed_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve good articles with three bad lines spread through them."""
    good = doj_lines(12)
    path = tmp_path_factory.mktemp("input") / "mixed.jsonl"
    path.write_text(
        "".join(good[:4] + BAD_LINES[:1] + good[4:8] + BAD_LINES[1:] + good[8:]), encoding="utf-8"
    )
    return path


def read_bytes(output: Path) -> tuple[bytes, bytes, bytes]:
    errors = output.with_name(output.stem + ".errors.jsonl")
    summary = output.with_name(output.stem + ".summary.json")
    return output.read_bytes(), errors.read_bytes(), summary.read_bytes()


def test_output_follows_input_order_and_counts_balance(mixed_input: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    summary = runner.run([str(mixed_input)], output=output, part_size=5)
    expected = [item.id for item in read_inputs([str(mixed_input)]) if isinstance(item, InputRecord)]
    written = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in output.with_name("out.errors.jsonl").read_text().splitlines()]
    assert written == expected
    assert [error["line"] for error in errors] == [5, 10, 11]
    assert [error["rejected"] for error in errors] == [True, True, False]
    assert summary == RunSummary(read=15, written=13, rejected=2, warnings=1, events=summary.events)
    assert RunSummary.model_validate_json(output.with_name("out.summary.json").read_text()) == summary
    assert not (tmp_path / f"out{PARTS_SUFFIX}").exists()


def test_output_bytes_do_not_depend_on_part_size_or_workers(mixed_input: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    two = tmp_path / "two.jsonl"
    runner.run([str(mixed_input)], output=one, part_size=7, workers=1)
    runner.run([str(mixed_input)], output=two, part_size=2, workers=2)
    assert read_bytes(one) == read_bytes(two)


def test_output_line_is_compact_json_with_unicode_kept() -> None:
    record = ArticleRecord(id="a1", title="Amende de 5 M€ pour Société Générale", entities=[], events=[])
    line = dump_line(record)
    assert line == (
        '{"id":"a1","schema_version":"1.2","title":"Amende de 5 M€ pour Société Générale",'
        '"published":null,"entities":[],"events":[],"meta":{}}\n'
    )


def make_record(record_id: str, line: int) -> InputRecord:
    return InputRecord(id=record_id, text="The SEC fined Acme.", location=Location("in.jsonl", line))


def test_part_keeps_errors_in_input_order_with_warning_before_its_record_and_counts_failures_apart() -> None:
    warning = ErrorRecord(file="in.jsonl", line=2, id="boom-2", stage="date", message="bad date", rejected=False)
    rejected = ErrorRecord(file="in.jsonl", line=3, stage="parse", message="not JSON")
    failure = ErrorRecord(file="in.jsonl", line=2, id="boom-2", stage="events", message="bug", internal=True)
    items = (make_record("ok-1", 1), warning, make_record("boom-2", 2), rejected, make_record("ok-4", 4))
    outcomes = [
        [ArticleRecord(id="ok-1", entities=[], events=[])],
        [failure],
        [ArticleRecord(id="ok-4", entities=[], events=[])],
    ]
    task = runner.PartTask(0, 0, 4, items, "unused", DEFAULT_SETTINGS)
    meta, article_lines, error_lines = runner.assemble_part(task, outcomes)
    errors = [json.loads(line) for line in error_lines]
    assert [(error["stage"], error["line"]) for error in errors] == [("date", 2), ("events", 2), ("parse", 3)]
    assert [json.loads(line)["id"] for line in article_lines] == ["ok-1", "ok-4"]
    assert (meta.start, meta.end, meta.written, meta.rejected, meta.failed, meta.warnings) == (0, 4, 2, 1, 1, 1)


def test_a_record_that_cannot_be_written_becomes_a_write_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_dump_line = runner.dump_line

    def failing_dump_line(model):  # type: ignore[no-untyped-def]
        if isinstance(model, ArticleRecord) and model.id == "ok-2":
            raise OverflowError("disk quota")
        return real_dump_line(model)

    monkeypatch.setattr(runner, "dump_line", failing_dump_line)
    items = (make_record("ok-1", 1), make_record("ok-2", 2))
    outcomes = [[ArticleRecord(id=record.id, entities=[], events=[])] for record in items]
    task = runner.PartTask(0, 0, 2, items, "unused", DEFAULT_SETTINGS)
    meta, article_lines, error_lines = runner.assemble_part(task, outcomes)
    (error,) = [json.loads(line) for line in error_lines]
    assert (error["stage"], error["id"], error["line"], error["internal"]) == ("write", "ok-2", 2, True)
    assert error["exception"] == "OverflowError: disk quota" and error["traceback"]
    assert (len(article_lines), meta.written, meta.failed) == (1, 1, 1)


def test_parts_count_records_and_a_warning_travels_with_its_record() -> None:
    warning = ErrorRecord(file="f", line=3, stage="date", message="bad date", rejected=False)
    rejected = ErrorRecord(file="f", line=2, stage="parse", message="not JSON")
    items = [make_record("a", 1), rejected, warning, make_record("c", 3), make_record("d", 4)]
    tasks = list(runner.slice_parts(items, part_size=2, parts_dir=Path("p"), settings=DEFAULT_SETTINGS))
    assert [(task.index, task.start, task.records) for task in tasks] == [(0, 0, 2), (1, 2, 2)]
    assert tasks[1].items == (warning, items[3], items[4])


def test_existing_parts_without_resume_are_refused_with_the_fix(mixed_input: Path, tmp_path: Path) -> None:
    (tmp_path / f"out{PARTS_SUFFIX}").mkdir()
    with pytest.raises(ResumeError, match="--resume"):
        runner.run([str(mixed_input)], output=tmp_path / "out.jsonl")


class Interrupt(BaseException):
    """Stands in for a crash (raised out of the run like KeyboardInterrupt)."""


def test_resume_redoes_only_missing_parts_and_matches_an_uninterrupted_run(
    mixed_input: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "reference.jsonl"
    runner.run([str(mixed_input)], output=reference, part_size=3)
    real_extract_part = runner.extract_part
    extracted: list[int] = []

    def crash_on_third_part(task: runner.PartTask):  # type: ignore[no-untyped-def]
        if task.index == 2:
            raise Interrupt
        return real_extract_part(task)

    def counting(task: runner.PartTask):  # type: ignore[no-untyped-def]
        extracted.append(task.index)
        return real_extract_part(task)

    output = tmp_path / "out.jsonl"
    monkeypatch.setattr(runner, "extract_part", crash_on_third_part)
    with pytest.raises(Interrupt):
        runner.run([str(mixed_input)], output=output, part_size=3)
    assert not output.exists()
    with (tmp_path / f"out{PARTS_SUFFIX}" / "manifest.jsonl").open("a") as manifest:
        manifest.write('{"index": 2, "start": 6, "end"')  # a line torn by the crash
    monkeypatch.setattr(runner, "extract_part", counting)
    runner.run([str(mixed_input)], output=output, part_size=3, resume=True)
    assert extracted == [2, 3, 4]
    assert read_bytes(output) == read_bytes(reference)


def test_resume_with_other_settings_is_refused(
    mixed_input: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out.jsonl"
    monkeypatch.setattr(runner, "extract_part", lambda task: (_ for _ in ()).throw(Interrupt()))
    with pytest.raises(Interrupt):
        runner.run([str(mixed_input)], output=output)
    with pytest.raises(ResumeError, match="settings"):
        runner.run([str(mixed_input)], output=output, resume=True, settings=Settings(batch_size=3))


def test_record_count_is_known_for_jsonl_and_unknown_for_other_formats(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n{"id": 2}\n{"id": 3}', encoding="utf-8")
    assert runner.count_records([str(tmp_path / "a.jsonl")]) == 3
    assert runner.count_records([str(tmp_path)]) == 3
    (tmp_path / "page.html").write_text("<html></html>", encoding="utf-8")
    assert runner.count_records([str(tmp_path)]) is None
    assert runner.count_records([str(tmp_path / "missing.jsonl")]) is None
