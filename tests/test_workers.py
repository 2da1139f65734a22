"""Failures inside newspipe are data: the error record names the stage that raised, the exception and its frames.

In-process tests of ``pipeline.workers.extract_outcomes`` (what a worker process runs) on the real pipeline, with
one stage made to fail on a marked article; the worker processes themselves are tested in test_runner_failures.py.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator

import pytest

from models import ArticleRecord, ErrorRecord
from pipeline.entities import EntityResolver
from pipeline.events import EventExtractor
from pipeline.extract import Extractor, StageError
from pipeline.gazetteer import GazetteerMatcher
from pipeline.io.source import InputRecord, Location
from pipeline.workers import extract_outcomes

MARKER = "Zorblax"
TEXTS = [
    "The SEC fined Acme Corp $5 million on Monday.",
    f"The FTC sued {MARKER} Holdings for deceptive advertising.",
    "The Information Commissioner's Office opened an investigation into Beta Ltd.",
]


def records() -> list[InputRecord]:
    return [
        InputRecord(id=f"r{n}", text=text, published="2021-03-09", location=Location("in.jsonl", n))
        for n, text in enumerate(TEXTS, start=1)
    ]


def failing(original):  # type: ignore[no-untyped-def]
    """``original`` (a method or function) made to raise on the marked article."""

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        texts = [getattr(arg, "text", arg) for arg in args if isinstance(getattr(arg, "text", arg), str)]
        docs = [doc for arg in args if isinstance(arg, list) for doc in arg]
        if any(MARKER in text for text in texts) or any(MARKER in getattr(doc, "text", "") for doc in docs):
            raise ZeroDivisionError("injected failure")
        return original(*args, **kwargs)

    return wrapper


#: (module or class, attribute, the stage the error record must name)
EXTRACT_MODULE = importlib.import_module("pipeline.extract")
STAGES = [
    (EXTRACT_MODULE, "analysis_text", "clean"),
    (GazetteerMatcher, "__call__", "entities"),
    (EntityResolver, "__call__", "entities"),
    (EventExtractor, "_process", "events"),
    (EXTRACT_MODULE, "to_record", "serialize"),
]


@pytest.mark.parametrize(("owner", "name", "stage"), STAGES)
def test_internal_failure_names_its_stage_exception_and_frames_and_only_its_record_fails(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, owner: object, name: str, stage: str
) -> None:
    monkeypatch.setattr(owner, name, failing(getattr(owner, name)))
    outcomes = list(extract_outcomes(extractor, records()))
    assert [len(outcome) for outcome in outcomes] == [1, 1, 1]
    first, failed, third = (outcome[0] for outcome in outcomes)
    assert isinstance(first, ArticleRecord) and isinstance(third, ArticleRecord)
    assert isinstance(failed, ErrorRecord)
    assert (failed.stage, failed.id, failed.line, failed.rejected, failed.internal) == (stage, "r2", 2, True, True)
    assert failed.exception == "ZeroDivisionError: injected failure"
    assert failed.traceback[-1].startswith("tests/test_workers.py:") and failed.traceback[-1].endswith("in wrapper")
    assert f"stage {stage}" in failed.message and "in.jsonl line 2" in failed.message


def test_records_of_a_failed_batch_give_the_results_of_a_clean_run(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = list(extract_outcomes(extractor, records()))
    monkeypatch.setattr(EventExtractor, "_process", failing(EventExtractor._process))
    damaged = list(extract_outcomes(extractor, records()))
    assert [damaged[0], damaged[2]] == [clean[0], clean[2]]


class BatchOnlyFailure:
    """An extractor whose batches fail while every record succeeds alone."""

    def extract_records(self, records: Iterable[InputRecord]) -> Iterator[ArticleRecord]:
        for record in records:
            if record.id == "r2":
                raise StageError("entities", KeyError("batch state"))
            yield ArticleRecord(id=record.id, entities=[], events=[])

    def extract_record(self, record: InputRecord) -> ArticleRecord:
        return ArticleRecord(id=record.id, entities=[], events=[])


def test_a_batch_failure_that_no_record_repeats_alone_is_still_reported_as_a_warning() -> None:
    outcomes = list(extract_outcomes(BatchOnlyFailure(), records()))  # type: ignore[arg-type]
    assert [[type(result).__name__ for result in outcome] for outcome in outcomes] == [
        ["ArticleRecord"],
        ["ErrorRecord", "ArticleRecord"],
        ["ArticleRecord"],
    ]
    warning = outcomes[1][0]
    assert isinstance(warning, ErrorRecord)
    assert (warning.stage, warning.rejected, warning.internal, warning.id) == ("entities", False, True, "r2")
    assert warning.exception == "KeyError: 'batch state'"
    assert "each succeeded alone" in warning.message
