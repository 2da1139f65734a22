"""Tests of the input stage (pipeline/io/reader.py): formats, bad input as error records, date normalisation."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import shutil
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from models import ErrorRecord
from pipeline.io import reader
from pipeline.io.reader import read_inputs, split_title
from pipeline.io.records import normalize_published, stable_id
from pipeline.io.source import InputRecord
from pipeline.settings import Settings
from tests.helpers import DEVSET, REPO

FIXTURES = REPO / "tests" / "fixtures" / "inputs"
MIXED = FIXTURES / "mixed.jsonl"
HTML_PAGE = FIXTURES / "html" / "harbour-fine.html"
#: The txt fixture folder in walk order (notes.csv and the hidden file are not taken).
TXT_FILES = ("desk/fine.txt", "desk/no-title.txt", "settlement.txt")
#: Small enough that the 'too-long' line of mixed.jsonl is over it and every other text is under it.
SMALL_TEXTS = Settings(max_text_bytes=200)


def _split(records: list[InputRecord | ErrorRecord]) -> tuple[list[InputRecord], list[ErrorRecord]]:
    articles = [record for record in records if isinstance(record, InputRecord)]
    errors = [record for record in records if isinstance(record, ErrorRecord)]
    assert len(articles) + len(errors) == len(records)
    return articles, errors


# --- Pure functions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-24", "2015-08-24"),
        ("2015-08-24T10:00:00Z", "2015-08-24"),
        ("2015-08-24T23:30:00-05:00", "2015-08-24"),
        ("2015-08-24 10:00", "2015-08-24"),
        ("2015-08", "2015-08"),
        ("2015", "2015"),
        (2015, "2015"),
        ("  2015-08-24 ", "2015-08-24"),
        ("August 24, 2015", "2015-08-24"),
        ("24 August 2015", "2015-08-24"),
        ("Mon, 24 Aug 2015 10:00:00 GMT", "2015-08-24"),
        ("24.08.2015", "2015-08-24"),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_published_dates_normalise_to_an_iso_prefix(value: object, expected: str | None) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "32/13/2023",
        "2015-02-30",
        "2015-13",
        "2015-08-24T25:00",
        "yesterday",
        "2 days ago",
        "not a date",
        True,
        [2015],
    ],
)
def test_published_values_that_are_not_dates_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="`published` must be an ISO 8601 date"):
        normalize_published(value)


def test_stable_id_hashes_title_and_text() -> None:
    expected = "sha1-" + hashlib.sha1(b"Title\nBody text").hexdigest()[:16]
    assert stable_id("Title", "Body text") == expected
    assert stable_id(None, "Body text") == "sha1-" + hashlib.sha1(b"\nBody text").hexdigest()[:16]


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        ("Court fines bank\n\nThe court fined the bank.", "Court fines bank", "The court fined the bank."),
        (
            "Court fines bank\r\n\r\nThe court fined the bank.",
            "Court fines bank",
            "The court fined the bank.",
        ),
        ("The court fined the bank.\nIt will appeal.", None, "The court fined the bank.\nIt will appeal."),
        ("\n\nThe court fined the bank.", None, "\n\nThe court fined the bank."),
        ("One line only", None, "One line only"),
    ],
)
def test_txt_title_is_the_first_line_when_a_blank_line_follows(
    content: str, title: str | None, text: str
) -> None:
    assert split_title(content) == (title, text)


# --- JSONL --------------------------------------------------------------------------------------

#: mixed.jsonl line -> (stage, id) of the error it gives; every other non-blank line is a good record.
MIXED_ERRORS = {
    3: ("parse", None),  # not JSON (cut off)
    4: ("parse", None),  # a JSON array, not an object
    5: ("decode", None),  # Latin-1 byte, not UTF-8
    6: ("validate", "no-text"),  # warning: a title and no text, read as a headline-only record
    7: ("validate", "number-text"),
    8: ("validate", "blank-text"),
    9: ("validate", "too-long"),
    10: ("validate", None),  # id is an object
    11: ("date", "bad-date"),  # warning: the record is still read
}
#: Lines whose error is a warning before the record, which is still read.
MIXED_WARNINGS = {6, 11}


def test_mixed_jsonl_gives_good_records_and_one_error_per_bad_line() -> None:
    records = list(read_inputs([str(MIXED)], settings=SMALL_TEXTS))
    articles, errors = _split(records)

    assert [article.id for article in articles] == [
        "good-1",
        "no-text",
        "bad-date",
        stable_id("No id here", "Metro Coaches was sued by riders."),
        "17",
        "good-last",
    ]
    assert {error.line: (error.stage, error.id) for error in errors} == MIXED_ERRORS
    assert len(errors) == len(MIXED_ERRORS)
    for error in errors:
        assert error.file == str(MIXED)
        assert f"{MIXED} line {error.line}" in error.message
        assert error.rejected == (error.line not in MIXED_WARNINGS)
        assert not error.internal
    rejected = [error for error in errors if error.rejected]
    non_blank_lines = [line for line in MIXED.read_bytes().splitlines() if line.strip()]
    assert len(articles) + len(rejected) == len(non_blank_lines) == 13


@pytest.mark.parametrize(
    ("line", "title", "text"),
    [
        (
            '{"id": "doj-1", "title": "Clinic Owner Sentenced for Role in $13.8 Million Medicare Fraud Scheme", '
            '"text": ""}',
            "Clinic Owner Sentenced for Role in $13.8 Million Medicare Fraud Scheme",
            "",
        ),
        ('{"id": "doj-2", "title": "SEC Fines Acme Corp", "text": " \\n "}', "SEC Fines Acme Corp", " \n "),
        ('{"id": "doj-3", "title": "SEC Fines Acme Corp"}', "SEC Fines Acme Corp", ""),
    ],
)
def test_headline_only_record_is_read_from_its_title_after_a_warning(
    tmp_path: Path, line: str, title: str, text: str
) -> None:
    path = tmp_path / "headlines.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    warning, article = read_inputs([str(path)])
    assert isinstance(warning, ErrorRecord) and isinstance(article, InputRecord)
    assert (warning.stage, warning.rejected, warning.internal, warning.line) == ("validate", False, False, 1)
    assert "extracted from the title alone" in warning.message and f"{path} line 1" in warning.message
    assert (article.title, article.text) == (title, text)


@pytest.mark.parametrize(
    "line",
    ['{"id": "x", "title": "", "text": ""}', '{"id": "x", "title": "  ", "text": " "}', '{"id": "x", "text": ""}'],
)
def test_record_without_title_or_text_is_rejected(tmp_path: Path, line: str) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ErrorRecord) and error.rejected and error.stage == "validate"


def test_bad_date_warning_comes_right_before_its_record_with_published_none() -> None:
    records = list(read_inputs([str(MIXED)], settings=SMALL_TEXTS))
    position = next(
        i for i, record in enumerate(records) if isinstance(record, ErrorRecord) and record.stage == "date"
    )
    warning, article = records[position], records[position + 1]
    assert isinstance(warning, ErrorRecord) and isinstance(article, InputRecord)
    assert article.id == warning.id == "bad-date"
    assert article.published is None
    assert warning.message.startswith("`published` must be an ISO 8601 date, got '32/13/2023'; fix or remove")
    assert warning.message.endswith(f"({MIXED} line 11, id 'bad-date')")


def test_jsonl_fields_meta_and_dates_are_kept() -> None:
    articles, _ = _split(list(read_inputs([str(MIXED)], settings=SMALL_TEXTS)))
    first = articles[0]
    assert first.title == "Examplia fines Harbourside Ferries"
    assert first.published == "2021-03-09"
    assert list(first.meta.items()) == [("source", "example-gazette"), ("lang", "en")]
    assert first.location.file == str(MIXED) and first.location.line == 1
    by_id = {article.id: article for article in articles}
    assert by_id["17"].published == "2015-08-24"
    assert by_id["good-last"].title is None and by_id["good-last"].published is None


def test_too_long_text_error_says_the_limit_and_how_to_raise_it() -> None:
    _, errors = _split(list(read_inputs([str(MIXED)], settings=SMALL_TEXTS)))
    too_long = next(error for error in errors if error.id == "too-long")
    assert "limit of 200" in too_long.message and "--max-text-bytes" in too_long.message


def test_default_settings_accept_the_long_text() -> None:
    articles, _ = _split(list(read_inputs([str(MIXED)])))
    assert "too-long" in {article.id for article in articles}


def test_gzip_jsonl_reads_like_the_plain_file(tmp_path: Path) -> None:
    packed = tmp_path / "mixed.jsonl.gz"
    packed.write_bytes(gzip.compress(MIXED.read_bytes()))
    plain = list(read_inputs([str(MIXED)], settings=SMALL_TEXTS))
    unpacked = list(read_inputs([str(packed)], settings=SMALL_TEXTS))
    assert [(type(r).__name__, r.id) for r in unpacked] == [(type(r).__name__, r.id) for r in plain]
    assert all(str(packed) in r.message for r in unpacked if isinstance(r, ErrorRecord))


def test_stdin_is_read_as_jsonl_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MIXED.read_bytes()), encoding="utf-8"))
    articles, errors = _split(list(read_inputs(["-"], settings=SMALL_TEXTS)))
    assert len(articles) == 6
    assert {error.line: error.stage for error in errors}[5] == "decode"
    assert all(error.file == "-" and error.message.count("(- line ") == 1 for error in errors)


def test_json_file_with_a_byte_order_mark_reads_as_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(b'\xef\xbb\xbf{"id": "bom", "text": "Saved by a Windows editor."}\n')
    articles, errors = _split(list(read_inputs([str(path)])))
    assert ([article.id for article in articles], errors) == (["bom"], [])


def test_line_longer_than_the_line_cap_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    settings = Settings(max_text_bytes=10)
    path = tmp_path / "huge.jsonl"
    huge_line = b'{"id": "huge", "text": "' + b"x" * 3_000_000 + b'"}'
    path.write_bytes(huge_line + b'\n{"id": "after", "text": "short"}\n')
    articles, errors = _split(list(read_inputs([str(path)], settings=settings)))
    assert [article.id for article in articles] == ["after"]
    assert [(error.line, error.stage) for error in errors] == [(1, "validate")]
    assert "--max-text-bytes" in errors[0].message


# --- Text files and folders ---------------------------------------------------------------------


def test_txt_folder_is_walked_in_sorted_order_with_relative_ids() -> None:
    folder = str(FIXTURES / "txt")
    articles, errors = _split(list(read_inputs([folder])))
    assert errors == []
    assert [article.id for article in articles] == list(TXT_FILES)
    fine, no_title, settlement = articles
    assert fine.title == "Examplia regulator fines ticket seller"
    assert fine.text.startswith("The fictional Examplia Competition Board")
    assert no_title.title is None and no_title.text.startswith("The regulator opened an inquiry")
    assert settlement.location.file == os.path.join(folder, "settlement.txt")
    assert all(article.published is None for article in articles)


def test_txt_named_directly_has_its_path_as_id_and_gzip_is_read(tmp_path: Path) -> None:
    packed = tmp_path / "fine.txt.gz"
    packed.write_bytes(gzip.compress((FIXTURES / "txt" / "desk" / "fine.txt").read_bytes()))
    articles, errors = _split(list(read_inputs([str(packed)])))
    assert errors == []
    assert [(article.id, article.title) for article in articles] == [
        (str(packed), "Examplia regulator fines ticket seller")
    ]


def test_txt_that_is_not_utf8_is_one_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n\nCafé fined".encode("latin-1"))
    articles, errors = _split(list(read_inputs([str(path)])))
    assert articles == []
    assert [(error.stage, error.line, error.id) for error in errors] == [("decode", None, str(path))]
    assert "line 3" in errors[0].message and "re-encode" in errors[0].message


# --- Unreadable paths ---------------------------------------------------------------------------


def test_unreadable_inputs_give_one_read_error_each_and_the_run_goes_on(tmp_path: Path) -> None:
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    corrupt = tmp_path / "corrupt.jsonl.gz"
    corrupt.write_bytes(b"this is not gzip data")
    truncated = tmp_path / "truncated.jsonl.gz"
    truncated.write_bytes(gzip.compress(MIXED.read_bytes())[:-30])
    unknown = tmp_path / "table.csv"
    unknown.write_text("id,text\n1,hello\n")
    missing = tmp_path / "missing.jsonl"
    paths = [
        str(missing),
        str(empty_folder),
        str(corrupt),
        str(unknown),
        str(FIXTURES / "txt" / "settlement.txt"),
    ]

    records = list(read_inputs(paths))
    articles, errors = _split(records)
    assert [article.id for article in articles] == [paths[-1]]
    assert [(error.file, error.stage, error.line) for error in errors] == [
        (path, "read", None) for path in paths[:-1]
    ]
    assert "check the path" in errors[0].message
    assert "no supported files" in errors[1].message
    assert "supported formats: JSONL" in errors[3].message

    # A gzip cut short: the lines before the cut are read, then one read error for the file.
    cut_articles, cut_errors = _split(list(read_inputs([str(truncated)], settings=SMALL_TEXTS)))
    assert cut_articles and [error.stage for error in cut_errors][-1] == "read"
    assert "if gzipped, is complete" in cut_errors[-1].message


def test_permission_denied_is_a_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    # chmod does not bind root (tests may run as root), so the refusal is simulated where files are opened.
    monkeypatch.setattr(reader, "_open_binary", refuse)
    path = tmp_path / "locked.jsonl"
    shutil.copy(MIXED, path)
    articles, errors = _split(list(read_inputs([str(path), str(FIXTURES / "txt")])))
    expected_files = [str(path), *(os.path.join(FIXTURES / "txt", name) for name in TXT_FILES)]
    assert articles == []
    assert [(error.stage, error.file) for error in errors] == [("read", name) for name in expected_files]
    assert "cannot read the file (Permission denied)" in errors[0].message


# --- HTML and WARC ------------------------------------------------------------------------------


def test_html_page_gives_title_text_date_and_url() -> None:
    articles, errors = _split(list(read_inputs([str(HTML_PAGE)])))
    assert errors == []
    (article,) = articles
    assert article.id == str(HTML_PAGE)
    assert article.title == "Harbourside Ferries fined over ticket data leak"
    assert "fined Harbourside Ferries Ltd 1.2 million" in article.text
    assert "Home" not in article.text and "invented for software tests" not in article.text
    assert article.published == "2021-03-09"
    assert article.meta == {"url": "https://news.example.org/2021/03/harbourside-ferries-fined"}


def _write_warc(path: Path) -> None:
    """A WARC with an HTML response, a PDF response, a request and an HTML response with no text."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        def response(uri: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        response("https://news.example.org/ferries", "text/html; charset=utf-8", HTML_PAGE.read_bytes())
        response("https://news.example.org/report.pdf", "application/pdf", b"%PDF-1.4 not an article")
        request_headers = StatusAndHeaders(
            "GET /ferries HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/ferries", "request", http_headers=request_headers
            )
        )
        response("https://news.example.org/empty", "text/html", b"<html><body><div></div></body></html>")


def test_warc_html_responses_become_articles_and_other_records_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    articles, errors = _split(list(read_inputs([str(path)])))

    (article,) = articles
    assert article.id == "https://news.example.org/ferries"
    assert article.title == "Harbourside Ferries fined over ticket data leak"
    assert article.published == "2021-03-09"
    assert article.meta["url"] == "https://news.example.org/ferries"
    assert article.meta["warc_date"].startswith("20")

    (error,) = errors
    assert (error.stage, error.file, error.line, error.id) == (
        "parse",
        str(path),
        None,
        "https://news.example.org/empty",
    )
    assert f"{path} WARC record 4" in error.message


def test_folder_walk_takes_html_warc_and_jsonl_together(tmp_path: Path) -> None:
    shutil.copy(HTML_PAGE, tmp_path / "b-page.html")
    shutil.copy(MIXED, tmp_path / "c-feed.jsonl")
    _write_warc(tmp_path / "a-crawl.warc.gz")
    (tmp_path / "z-config.json").write_text('{"not": "an article"}\n')
    records = list(read_inputs([str(tmp_path)]))
    files = [
        os.path.basename(record.location.file if isinstance(record, InputRecord) else record.file)
        for record in records
    ]
    assert files == sorted(files) and "z-config.json" not in files
    articles, _ = _split(records)
    assert [article.id for article in articles][:2] == ["https://news.example.org/ferries", "b-page.html"]


# --- Shared corpora -----------------------------------------------------------------------------


def test_dev_set_reads_fifty_records_without_errors() -> None:
    devset = DEVSET / "docs.jsonl"
    articles, errors = _split(list(read_inputs([str(devset)])))
    assert (len(articles), errors) == (50, [])
