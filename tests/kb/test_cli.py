"""``newspipe kb build|export|stats`` and ``newspipe evaluate-kb`` (pipeline/cli.py, the KB commands)."""

from __future__ import annotations

import io
import json

from pipeline.cli import main
from tests.kb.helpers import fine_article, suit_article, write_records


def _run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_build_export_stats_round_trip(tmp_path):
    records = write_records(
        tmp_path / "r.jsonl",
        [
            fine_article("a1", "2017-01-13", "Takata Corporation", "DOJ", 1e9, authority_kb="reg:doj-us"),
            fine_article("a2", "2017-02-27", "Takata Corp", "DOJ", 1e9, authority_kb="reg:doj-us"),
            suit_article("b1", "1987-03-23", "Pennzoil Co", "Texaco Inc"),
        ],
    )
    db = tmp_path / "kb.duckdb"
    status, _, err = _run("kb", "build", str(records), "--db", str(db))
    assert status == 0 and "3 articles" in err and "2 events" in err
    status, out, _ = _run("kb", "stats", "--db", str(db))
    assert status == 0 and "merge ratio 1.50" in out and "FINE 1, LAWSUIT 1" in out
    target = tmp_path / "events.jsonl"
    status, _, _ = _run(
        "kb", "export", "--db", str(db), "--what", "events", "--format", "jsonl", "--output", str(target)
    )
    assert status == 0 and len(target.read_text().splitlines()) == 2
    for fmt in ("parquet", "csv", "turtle"):
        status, _, _ = _run("kb", "export", "--db", str(db), "--format", fmt, "--output", str(tmp_path / fmt))
        assert status == 0 and (tmp_path / fmt).exists()


def test_stats_of_a_missing_kb_says_to_build_it(tmp_path):
    status, _, err = _run("kb", "stats", "--db", str(tmp_path / "none.duckdb"))
    assert status == 2 and "newspipe kb build" in err


def test_bad_records_fail_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{\n", encoding="utf-8")
    status, _, err = _run("kb", "build", str(bad), "--db", str(tmp_path / "kb.duckdb"))
    assert status == 1 and f"{bad} line 1" in err


def test_evaluate_kb_prints_the_merge_beside_both_baselines(tmp_path):
    records = write_records(
        tmp_path / "r.jsonl",
        [
            fine_article("a1", "2017-01-13", "Takata Corporation", "DOJ", 1e9, authority_kb="reg:doj-us"),
            fine_article("a2", "2017-02-27", "Takata Corp", "DOJ", 1e9, authority_kb="reg:doj-us"),
        ],
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(
            json.dumps(
                {
                    "article": a,
                    "corpus": "doj",
                    "cluster": "c1",
                    "type": "FINE",
                    "anchor": "Takata Corporation",
                    "split": "test",
                    "note": "",
                }
            )
            + "\n"
            for a in ("a1", "a2")
        ),
        encoding="utf-8",
    )
    status, out, _ = _run("evaluate-kb", str(records), "--gold", str(gold), "--json")
    scores = json.loads(out)
    assert status == 0 and scores["test"]["kb"]["bcubed"]["f1"] == 1.0
    assert scores["test"]["exact-signature"]["bcubed"]["f1"] < 1.0
    status, out, _ = _run("evaluate-kb", str(records), "--gold", str(gold))
    assert "lemma-only" in out and "exact-signature" in out
