"""Export (pipeline/kb/export.py, views.py, turtle.py): the lines' fields, Parquet, CSV and Turtle."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, PROV

from pipeline.kb import KnowledgeBase
from tests.kb.helpers import fine_article, suit_article, write_records

EVENT_FIELDS = {"id", "type", "status", "status_history", "date", "roles", "amount", "sources", "confidence"}
ENTITY_FIELDS = {"id", "type", "name", "aliases", "kb_id", "wikidata", "articles"}


@pytest.fixture
def kb(tmp_path):
    records = [
        fine_article(
            "a1", "2017-01-13", "Takata Corporation", "DOJ", 1e9, authority_kb="reg:doj-us", status="proposed"
        ),
        fine_article("a2", "2017-02-27", "Takata Corp", "DOJ", 1e9, authority_kb="reg:doj-us"),
        suit_article("b1", "1987-03-23", "Pennzoil Co", "Texaco Inc"),
    ]
    with KnowledgeBase(tmp_path / "kb.duckdb") as base:
        base.build([write_records(tmp_path / "r.jsonl", records)])
        yield base


def test_event_and_entity_lines_carry_the_promised_fields(kb, tmp_path):
    kb.export(what="all", fmt="jsonl", output=tmp_path / "out")
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    entities = [json.loads(line) for line in (tmp_path / "out" / "entities.jsonl").read_text().splitlines()]
    assert all(EVENT_FIELDS <= set(e) for e in events) and all(ENTITY_FIELDS <= set(e) for e in entities)
    fine = next(e for e in events if e["type"] == "FINE")
    assert fine["amount"] == {"value": 1e9, "currency": "USD"}
    assert [(s["article"], s["event"], s["published"]) for s in fine["sources"]] == [
        ("a1", "V1", "2017-01-13"),
        ("a2", "V1", "2017-02-27"),
    ]
    assert fine["status"] == "imposed" and fine["confidence"] == pytest.approx(0.96)
    assert fine["roles"]["authority"] == [{"entity": "reg:doj-us", "name": "U.S. Department of Justice"}]
    assert {e["id"] for e in entities} >= {r["entity"] for e in events for f in e["roles"].values() for r in f}


def test_parquet_and_csv_hold_the_same_rows(kb, tmp_path):
    kb.export(what="events", fmt="parquet", output=tmp_path / "events.parquet")
    kb.export(what="events", fmt="csv", output=tmp_path / "events.csv")
    from_parquet = duckdb.sql(f"SELECT id, type FROM '{tmp_path / 'events.parquet'}' ORDER BY id").fetchall()
    with (tmp_path / "events.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert from_parquet == [(r["id"], r["type"]) for r in rows] and len(rows) == 2
    assert json.loads(rows[0]["sources"])[0]["article"] in {"a1", "b1"}


def test_turtle_uses_wikidata_properties_and_prov(kb, tmp_path):
    kb.export(what="all", fmt="turtle", output=tmp_path / "kb.ttl")
    graph = Graph().parse(tmp_path / "kb.ttl", format="turtle")
    defendant = URIRef("urn:newspipe:vocab#defendant")
    assert (defendant, OWL.equivalentProperty, URIRef("http://www.wikidata.org/prop/direct/P1591")) in graph
    assert len(list(graph.subject_objects(defendant))) == 1
    derived = {str(o) for o in graph.objects(None, PROV.wasDerivedFrom)}
    assert derived == {"urn:newspipe:article:a1", "urn:newspipe:article:a2", "urn:newspipe:article:b1"}


def test_unknown_format_is_refused(kb, tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        kb.export(what="events", fmt="xml", output=tmp_path / "x")
