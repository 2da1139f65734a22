"""Notebook views: DataFrames and HTML of a real record."""

from __future__ import annotations

from pipeline.display import entities_frame, event_rows, events_frame, render_html
from pipeline.io.source import InputRecord

TEXT = "The Federal Trade Commission fined Acme Corp $5 million on Tuesday. Acme Corp is appealing the fine."


def test_event_rows_name_who_did_what_to_whom(extractor):
    record = extractor.extract_record(InputRecord(id="a", text=TEXT, published="2023-05-02"))
    rows = event_rows([record])
    assert len(rows) == 1
    row = rows[0]
    assert row["type"] == "FINE" and row["status"] == "appealed"
    assert "Federal Trade Commission" in row["authority"] and "Acme Corp" in row["target"]
    assert row["amount"] == "5,000,000.00 USD"


def test_frames_and_html(extractor):
    record = extractor.extract_record(InputRecord(id="a", text=TEXT, published="2023-05-02"))
    assert set(entities_frame(record)["type"]) >= {"REGULATOR", "ORG", "MONEY"}
    assert list(events_frame([record, record])["type"]) == ["FINE", "FINE"]
    html = render_html(record, TEXT)
    assert "Acme Corp" in html and "REGULATOR" in html
