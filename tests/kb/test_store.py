"""The store (pipeline/kb/store.py): one build equals two batches equals two builds, byte for byte."""

from __future__ import annotations

import json

import pytest

from pipeline.kb import FORMATS, KBInputError, KnowledgeBase
from tests.kb.helpers import fine_article, suit_article, write_records


def _synthetic():
    return [
        fine_article(
            "a1", "2017-01-13", "Takata Corporation", "DOJ", 1e9, authority_kb="reg:doj-us", status="proposed"
        ),
        suit_article("b1", "1987-03-23", "Pennzoil Co", "Texaco Inc"),
        fine_article("a2", "2017-02-27", "Takata Corp", "Justice Department", 1e9, authority_kb="reg:doj-us"),
        suit_article("b2", "1987-04-13", "Pennzoil", "Texaco", status="appealed"),
        suit_article("b3", "1987-04-20", "FMC Corp", "Texaco Inc"),
        fine_article("a3", "2021-07-30", "Amazon.com Inc.", "CNPD", 887e6, authority_kb="reg:cnpd-lu"),
    ]


def _exports(db, out):
    """Every export format of the KB at ``db``, as bytes by file name."""
    blobs = {}
    with KnowledgeBase(db) as kb:
        for fmt, suffix in FORMATS.items():
            for what in ("events", "entities"):
                target = out / f"{what}{suffix}"
                kb.export(what=what, fmt=fmt, output=target)
                blobs[target.name] = target.read_bytes()
    return blobs


def _build(db, *batches):
    for batch in batches:
        with KnowledgeBase(db) as kb:
            kb.build(batch)


def _assert_one_equals_two_batches_equals_twice(tmp_path, records):
    half = len(records) // 2
    everything = write_records(tmp_path / "all.jsonl", records)
    first = write_records(tmp_path / "first.jsonl", records[half:])  # the later half first: order must not matter
    second = write_records(tmp_path / "second.jsonl", records[:half])
    _build(tmp_path / "one.duckdb", [everything])
    _build(tmp_path / "two.duckdb", [first], [second])
    _build(tmp_path / "twice.duckdb", [everything], [everything])
    results = {}
    for name in ("one", "two", "twice"):
        (tmp_path / name).mkdir()
        results[name] = _exports(tmp_path / f"{name}.duckdb", tmp_path / name)
    assert results["one"] == results["two"] == results["twice"]
    return results["one"]


def test_one_build_equals_two_batches_equals_two_builds_on_hand_made_records(tmp_path):
    blobs = _assert_one_equals_two_batches_equals_twice(tmp_path, _synthetic())
    events = [json.loads(line) for line in blobs["events.jsonl"].decode().splitlines()]
    assert sorted(len(e["sources"]) for e in events) == [1, 1, 2, 2]


def test_one_build_equals_two_batches_equals_two_builds_on_the_bundled_corpus(tmp_path, corpus_output):
    records = [json.loads(r.model_dump_json()) for r in corpus_output]
    blobs = _assert_one_equals_two_batches_equals_twice(tmp_path, records)
    assert blobs["events.jsonl"].count(b"\n") > 100


def test_building_the_same_input_twice_changes_nothing(tmp_path):
    records = write_records(tmp_path / "r.jsonl", _synthetic())
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        kb.build([records])
        before = (kb.events(), kb.entities(), kb.redirects())
        summary = kb.build([records])
        assert (kb.events(), kb.entities(), kb.redirects()) == before
        assert summary.redirects_added == 0 and summary.articles == 6


def test_a_rebuilt_article_replaces_its_own_contribution(tmp_path):
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        kb.build([write_records(tmp_path / "a.jsonl", [suit_article("b1", "1987-03-23", "Pennzoil Co", "Texaco Inc")])])
        kb.build([write_records(tmp_path / "b.jsonl", [suit_article("b1", "1987-03-23", "Pennzoil Co", "Getty Oil")])])
        (only,) = kb.events()
        assert only["roles"]["defendant"][0]["name"] == "Getty Oil"
        assert "Texaco Inc" not in {e["name"] for e in kb.entities()}


def test_a_later_line_of_one_id_replaces_an_earlier_one_in_the_same_input(tmp_path):
    records = [
        suit_article("b1", "1987-03-23", "Pennzoil Co", "Texaco Inc"),
        suit_article("b1", "1987-03-23", "Pennzoil Co", "Getty Oil"),
    ]
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        kb.build([write_records(tmp_path / "r.jsonl", records)])
        assert [e["roles"]["defendant"][0]["name"] for e in kb.events()] == ["Getty Oil"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2"),
        ('{"id": "x9", "entities": [], "events": [{"id": "V1"}]}', "id 'x9'"),
        ('{"title": "no id", "entities": [], "events": []}', "line 2"),
    ],
)
def test_bad_input_names_file_line_and_id(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_synthetic()[0]) + "\n" + line + "\n", encoding="utf-8")
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb, pytest.raises(KBInputError) as err:
        kb.build([path])
    assert str(path) in str(err.value) and message in str(err.value)


def test_records_are_written_in_chunks(tmp_path):
    from dataclasses import replace

    from pipeline.settings import DEFAULT_KB_SETTINGS

    records = write_records(tmp_path / "r.jsonl", _synthetic())
    with KnowledgeBase(tmp_path / "small.duckdb", settings=replace(DEFAULT_KB_SETTINGS, chunk_records=2)) as small:
        small.build([records])
        with KnowledgeBase(tmp_path / "big.duckdb") as big:
            big.build([records])
            assert small.events() == big.events() and small.entities() == big.entities()
