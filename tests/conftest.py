"""Shared fixtures: the real pipeline is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "devset"
CORPUS = REPO / "corpus" / "articles.jsonl"
GOLD_DIR = REPO / "tests" / "gold"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def extractor():
    from pipeline.extract import shared_extractor

    return shared_extractor()


@pytest.fixture(scope="session")
def corpus_records():
    return read_jsonl(CORPUS)


@pytest.fixture(scope="session")
def corpus_output(extractor, corpus_records):
    """The pipeline's real output for the whole bundled corpus (computed once)."""
    from pipeline.reader import read_inputs
    from pipeline.source import InputRecord

    records = [r for r in read_inputs([str(CORPUS)]) if isinstance(r, InputRecord)]
    assert len(records) == len(corpus_records)
    return list(extractor.extract_records(records))
