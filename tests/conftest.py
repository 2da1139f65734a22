"""Shared fixtures: the real pipeline is loaded once per test session."""

from __future__ import annotations

import pytest

from tests.helpers import CORPUS, read_jsonl


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
    from pipeline.io.reader import read_inputs
    from pipeline.io.source import InputRecord

    records = [r for r in read_inputs([str(CORPUS)]) if isinstance(r, InputRecord)]
    assert len(records) == len(corpus_records)
    return list(extractor.extract_records(records))
