"""Input stage: stream articles out of JSONL, text, HTML and WARC files, folders of them, and stdin.

``read_inputs`` yields, in input order, one ``InputRecord`` per good article and one ``ErrorRecord``
per bad input record instead of it, so a run never stops on bad data and the error report says what
to fix and where. A record whose ``published`` is not a date yields a warning (``rejected=False``)
followed by the record with ``published=None``. Everything streams: JSONL line by line, WARC record
by record, and single-article files (txt, HTML) are read only up to a size cap.

This module holds the formats JSONL and text, folders, stdin and the dispatch by file type; HTML and WARC
reading lives in :mod:`pipeline.io.web`, and what every format shares (ids, ``published`` dates, record
validation) in :mod:`pipeline.io.records`.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from warcio.exceptions import ArchiveLoadFailed

from models import ErrorRecord
from pipeline.io.records import FIELD_SLACK_BYTES, Origin, Record, article_records, read_capped
from pipeline.io.records import normalize_published as normalize_published
from pipeline.io.records import stable_id as stable_id
from pipeline.io.source import InputRecord, Location
from pipeline.io.web import HTML_MARKUP_FACTOR, html_records, warc_records
from pipeline.settings import DEFAULT_SETTINGS, Settings

STDIN_NAME = "-"
GZIP_SUFFIX = ".gz"
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".warc": "warc",
}
#: Suffixes taken when walking a folder. ``.json`` is left out: folders of pages often hold
#: non-article JSON (configs, manifests); name a ``.json`` file directly to read it as JSONL.
FOLDER_SUFFIXES = frozenset(FORMAT_BY_SUFFIX) - {".json"}
SUPPORTED_FORMATS = (
    "JSONL (.jsonl, .ndjson, .json), text (.txt), HTML (.html, .htm), WARC (.warc), each optionally .gz"
)
CORE_FIELDS = frozenset({"id", "title", "text", "published"})

#: Worst-case growth of a text written as JSON: one character as ``\\uXXXX``.
JSON_ESCAPE_FACTOR = 6
DISCARD_CHUNK_BYTES = 1 << 16

FIX_READ = "check that it exists, is readable and, if gzipped, is complete"


# --- Small pure functions -----------------------------------------------------------------------


def split_title(content: str) -> tuple[str | None, str]:
    """Split a plain-text article: the first line is the title when a blank line follows it."""
    first, newline, rest = content.partition("\n")
    second, newline2, body = rest.partition("\n")
    if newline and newline2 and first.strip() and not second.strip():
        return first.strip(), body
    return None, content


def _suffix(name: str) -> str:
    """The lower-case suffix of a file name, looking through ``.gz`` ("a.WARC.gz" -> ".warc")."""
    return os.path.splitext(name.lower().removesuffix(GZIP_SUFFIX))[1]


def format_of(name: str) -> str | None:
    """The input format ("jsonl", "txt", "html", "warc") of a file name, or None when unsupported."""
    return FORMAT_BY_SUFFIX.get(_suffix(name))


# --- Formats ------------------------------------------------------------------------------------


def _from_json(value: object, origin: Origin, settings: Settings) -> Iterator[Record]:
    """The record of one parsed JSONL line: core fields checked, every other field kept in ``meta``."""
    if not isinstance(value, dict):
        kind = type(value).__name__
        yield origin.error(
            "parse", f"expected a JSON object, got {kind}; write one object per line with a `text`"
        )
        return
    raw_id, title = value.get("id"), value.get("title")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int | float | None):
        yield origin.error("validate", f"`id` must be a string or number, got {raw_id!r}; fix or remove it")
        return
    origin = replace(origin, record_id=None if raw_id in (None, "") else str(raw_id))
    if title is not None and not isinstance(title, str):
        yield origin.error("validate", f"`title` must be a string or null, got {title!r}; fix or remove it")
        return
    meta = {key: item for key, item in value.items() if key not in CORE_FIELDS}
    title = title if title and title.strip() else None
    yield from article_records(
        origin,
        title=title,
        text=value.get("text"),
        published=value.get("published"),
        meta=meta,
        settings=settings,
    )


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, gunzipped on the fly when its name ends in ``.gz``."""
    if path.name.lower().endswith(GZIP_SUFFIX):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(1-based number, bytes) of each line; None for a line over ``limit`` bytes, which is skipped unkept."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(DISCARD_CHUNK_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _jsonl_records(stream: IO[bytes], *, name: str, settings: Settings) -> Iterator[Record]:
    """One record per non-blank line; a bad line becomes one error and the next line is read."""
    limit = settings.max_text_bytes * JSON_ESCAPE_FACTOR + FIELD_SLACK_BYTES
    for number, raw in _lines(stream, limit):
        origin = Origin(Location(name, number))
        if raw is None:
            yield origin.too_large("line", limit, settings)
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            where = f"byte 0x{raw[err.start]:02x} at column {err.start + 1}"
            yield origin.error("decode", f"line is not UTF-8 ({where}); re-encode the file as UTF-8")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            reason = f"{err.msg.removesuffix(' at')} at column {err.colno}"
            problem = f"line is not valid JSON ({reason}); write one JSON object per line"
            yield origin.error("parse", problem)
            continue
        yield from _from_json(value, origin, settings)


def _text_records(data: bytes, origin: Origin, settings: Settings) -> Iterator[Record]:
    """A plain-text file as one article (title rule: see ``split_title``)."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        where = f"byte 0x{data[err.start]:02x} on line {line}"
        yield origin.error("decode", f"file is not UTF-8 ({where}); re-encode it as UTF-8")
        return
    title, text = split_title(content)
    yield from article_records(origin, title=title, text=text, published=None, meta={}, settings=settings)


def _single_article_file(path: Path, kind: str, origin: Origin, settings: Settings) -> Iterator[Record]:
    """A txt or HTML file as one article, read only up to a size cap that follows from the text limit."""
    limit = settings.max_text_bytes * HTML_MARKUP_FACTOR if kind == "html" else settings.max_text_bytes
    limit += FIELD_SLACK_BYTES
    with _open_binary(path) as stream:
        data = read_capped(stream, limit)
    if data is None:
        yield origin.too_large("file", limit, settings)
    elif kind == "html":
        yield from html_records(data, origin, {}, settings)
    else:
        yield from _text_records(data, origin, settings)


# --- Paths --------------------------------------------------------------------------------------


def _read_error(name: str, problem: str) -> ErrorRecord:
    """One error standing for a whole file (or folder) that could not be read."""
    return Origin(Location(name)).error("read", problem)


def _file_records(path: Path, *, name: str, record_id: str, settings: Settings) -> Iterator[Record]:
    """Every record of one file; an unreadable or corrupt file adds one read error and the run goes on."""
    kind = format_of(path.name)
    try:
        if kind == "jsonl":
            with _open_binary(path) as stream:
                yield from _jsonl_records(stream, name=name, settings=settings)
        elif kind == "warc":
            yield from warc_records(path, name=name, settings=settings)
        elif kind is not None:
            yield from _single_article_file(path, kind, Origin(Location(name), record_id), settings)
        else:
            yield _read_error(name, f"unsupported file type; supported formats: {SUPPORTED_FORMATS}")
    except (OSError, EOFError, zlib.error, ArchiveLoadFailed) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err) or type(err).__name__
        yield _read_error(name, f"cannot read the file ({reason}); {FIX_READ}")


def _walk(folder: Path) -> Iterator[Path | OSError]:
    """Supported files below ``folder`` in sorted order (hidden entries and symlinked folders skipped)."""
    # Sorted order needs every name of one folder at once: only (name, is a folder) of the wanted entries is kept,
    # not the DirEntry objects (about 120 bytes per entry, 12 MB for a folder of 100,000 files, by tracemalloc).
    try:
        with os.scandir(folder) as scan:
            entries = sorted(
                (entry.name, entry.is_dir(follow_symlinks=False))
                for entry in scan
                if not entry.name.startswith(".")
                and (
                    entry.is_dir(follow_symlinks=False)
                    or (entry.is_file() and _suffix(entry.name) in FOLDER_SUFFIXES)
                )
            )
    except OSError as err:
        yield err
        return
    for name, is_folder in entries:
        if is_folder:
            yield from _walk(folder / name)
        else:
            yield folder / name


def _folder_records(folder: Path, *, given: str, settings: Settings) -> Iterator[Record]:
    """Every supported file below a folder; txt and HTML ids are paths relative to the folder."""
    found = False
    for item in _walk(folder):
        if isinstance(item, OSError):
            yield _read_error(
                str(item.filename or given), f"cannot list the folder ({item.strerror}); {FIX_READ}"
            )
            continue
        found = True
        relative = item.relative_to(folder).as_posix()
        yield from _file_records(
            item, name=os.path.join(given, relative), record_id=relative, settings=settings
        )
    if not found:
        yield _read_error(given, f"folder holds no supported files; expected {SUPPORTED_FORMATS}")


def _stdin_records(settings: Settings) -> Iterator[Record]:
    """Standard input read as JSONL bytes, so undecodable lines become decode errors."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield _read_error(STDIN_NAME, "standard input has no byte stream; pass the input as a file instead")
        return
    try:
        yield from _jsonl_records(stream, name=STDIN_NAME, settings=settings)
    except OSError as err:
        yield _read_error(STDIN_NAME, f"cannot read standard input ({err}); pass the input as a file instead")


def read_inputs(
    paths: Sequence[str], *, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[InputRecord | ErrorRecord]:
    """Stream the articles of every path, in order: files, folders (recursive, sorted) or ``-`` for stdin.

    Yields an ``InputRecord`` per good article and an ``ErrorRecord`` per bad input record (file, line,
    id, stage and the fix in its message); records read == InputRecords + rejected ErrorRecords.
    """
    for given in paths:
        if given == STDIN_NAME:
            yield from _stdin_records(settings)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _folder_records(path, given=given, settings=settings)
        elif not path.exists():
            yield _read_error(given, "no such file or folder; check the path")
        else:
            yield from _file_records(path, name=given, record_id=given, settings=settings)
