"""Relevant-only mode: an article that cannot hold an event skips the model; every other one keeps its full record.

The invariants the mode promises, checked on real articles (the dev set, the bundled gold set, the corpus):
a relevant article's record is byte for byte the full mode's but for ``meta.relevant``; an article judged
irrelevant has no event in the full mode either, and no gold event.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import ArticleRecord
from pipeline.io import InputRecord, dump_line
from pipeline.io.reader import read_inputs
from tests.helpers import CORPUS, DEVSET, GOLD_DIR, read_jsonl

SETS = {
    "dev": (DEVSET / "docs.jsonl", DEVSET / "gold.jsonl"),
    "bundled gold": (GOLD_DIR / "docs.jsonl", GOLD_DIR / "gold.jsonl"),
}


def _records(path: Path) -> list[InputRecord]:
    return [item for item in read_inputs([str(path)]) if isinstance(item, InputRecord)]


def _without_verdict(record: ArticleRecord) -> tuple[ArticleRecord, bool | None]:
    meta = dict(record.meta)
    verdict = meta.pop("relevant", None)
    return record.model_copy(update={"meta": meta}), verdict


def _check_against_full(full: list[ArticleRecord], relevant_only: list[ArticleRecord]) -> int:
    """Assert the invariants record by record; return how many articles were judged relevant."""
    assert len(full) == len(relevant_only)
    relevant = 0
    for full_record, record in zip(full, relevant_only, strict=True):
        stripped, verdict = _without_verdict(record)
        assert verdict in (True, False), record.id
        if verdict:
            relevant += 1
            assert dump_line(stripped) == dump_line(full_record), record.id
        else:
            assert record.entities == [] and record.events == [], record.id
            assert full_record.events == [], f"{record.id}: judged irrelevant but the full mode finds events"
    return relevant


@pytest.fixture(scope="module", params=sorted(SETS))
def annotated_set(request, extractor):
    docs, gold = SETS[request.param]
    if not docs.exists():
        pytest.skip(f"{docs} is absent (the dev set lives in ../shared beside the repository)")
    records = _records(docs)
    full = list(extractor.extract_records(records, relevant_only=False))
    relevant_only = list(extractor.extract_records(records, relevant_only=True))
    return request.param, full, relevant_only, read_jsonl(gold)


def test_relevant_records_are_the_full_records_and_no_event_is_lost(annotated_set):
    name, full, relevant_only, _ = annotated_set
    relevant = _check_against_full(full, relevant_only)
    assert 0 < relevant <= len(full), name


def test_every_article_with_a_gold_event_is_judged_relevant(annotated_set):
    name, _, relevant_only, gold = annotated_set
    verdicts = {record.id: record.meta["relevant"] for record in relevant_only}
    with_events = [doc["id"] for doc in gold if doc.get("events")]
    assert with_events, name
    assert [doc_id for doc_id in with_events if not verdicts[doc_id]] == []


def test_corpus_in_relevant_only_mode_matches_the_full_output(extractor, corpus_output):
    relevant_only = list(extractor.extract_records(_records(CORPUS), relevant_only=True))
    assert _check_against_full(corpus_output, relevant_only) > 0


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Amazon was fined $887 million by Luxembourg's privacy regulator.", True),
        ("The Justice Department sued Acme Corp. in federal court on Monday.", True),
        ("Shares of Acme rose 3 pct after the board reached agreement on prices.", False),
        ("Chelsea beat Arsenal 2-1 at Stamford Bridge on Saturday.", False),
    ],
)
def test_library_users_get_the_verdict(extractor, text, relevant):
    from pipeline import extract

    record = extract(text, published="2021-07-30", relevant_only=True)
    assert record.meta["relevant"] is relevant
    full = extract(text, published="2021-07-30")
    assert "relevant" not in full.meta  # the full mode does not judge: its records stay as they were
    if relevant:
        assert _without_verdict(record)[0] == full
    else:
        assert record.entities == [] and record.events == [] and full.events == []


def test_a_title_alone_does_not_make_an_article_relevant(extractor):
    """Events come from the body only (the headline repeats the lede), so the verdict reads only the body."""
    record = extractor.extract_record(
        InputRecord(id="t", title="Regulator fines bank", text="The weather was mild on Tuesday."), relevant_only=True
    )
    assert record.meta["relevant"] is False


def test_cli_flag_writes_the_verdicts_and_the_relevant_count(tmp_path):
    from pipeline.cli import main

    source = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "The SEC fined Acme Corp. $5 million for misleading investors."},
        {"id": "b", "text": "Chelsea beat Arsenal 2-1 at Stamford Bridge on Saturday."},
    ]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    assert main(["run", str(source), "--output", str(output), "--workers", "1", "-q", "--relevant-only"]) == 0
    verdicts = [json.loads(line)["meta"]["relevant"] for line in output.read_text(encoding="utf-8").splitlines()]
    assert verdicts == [True, False]
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert summary["relevant"] == 1 and summary["written"] == 2


def test_full_runs_state_no_relevant_count(tmp_path):
    from pipeline import runner

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Chelsea beat Arsenal."}) + "\n", encoding="utf-8")
    summary = runner.run([str(source)], output=tmp_path / "out.jsonl")
    assert summary.relevant is None
