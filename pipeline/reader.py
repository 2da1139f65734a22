"""Input stage: stream articles out of JSONL, text, HTML and WARC files, folders of them, and stdin.

``read_inputs`` yields, in input order, one ``InputRecord`` per good article and one ``ErrorRecord``
per bad input record instead of it, so a run never stops on bad data and the error report says what
to fix and where. A record whose ``published`` is not a date yields a warning (``rejected=False``)
followed by the record with ``published=None``. Everything streams: JSONL line by line, WARC record
by record, and single-article files (txt, HTML) are read only up to a size cap.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Literal

import dateparser
import trafilatura
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from models import ErrorRecord
from pipeline.settings import DEFAULT_SETTINGS, Settings
from pipeline.source import InputRecord, Location

Record = InputRecord | ErrorRecord
Stage = Literal["read", "decode", "parse", "validate", "date"]

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

STABLE_ID_PREFIX = "sha1-"
STABLE_ID_HEX_CHARS = 16

ISO_DATE_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})([T ].*)?)?)?")
#: dateparser settings for non-ISO dates: all three parts required, no wall clock.
DATEPARSER_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RELATIVE_BASE": datetime(2000, 1, 1),
}
#: A second base: a phrase that parses to another date against it ("yesterday") is relative, not a date.
RELATIVE_PROBE_BASE = datetime(2003, 7, 15)

#: htmldate parameters (trafilatura passes them to ``htmldate.find_date``). A fixed latest date
#: replaces htmldate's default of "today" so the same page always gives the same date.
HTML_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
    "max_date": "2099-12-31",
}
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")

#: Worst-case growth of a text written as JSON: one character as ``\\uXXXX``.
JSON_ESCAPE_FACTOR = 6
#: Worst-case growth of an article's text into its HTML page (markup, scripts, navigation).
HTML_MARKUP_FACTOR = 20
#: Room for title, id, published and meta beside the text in one line or file.
FIELD_SLACK_BYTES = 1 << 20
DISCARD_CHUNK_BYTES = 1 << 16

FIX_SIZE = "split the article or raise the limit with --max-text-bytes"
FIX_HTML = "check that the page is an article, not an index, an error page or a script-rendered shell"
FIX_READ = "check that it exists, is readable and, if gzipped, is complete"


# --- Small pure functions -----------------------------------------------------------------------


def stable_id(title: str | None, text: str) -> str:
    """Id of a record that has none: a hash of its content, so reruns give the same id."""
    digest = hashlib.sha1(f"{title or ''}\n{text}".encode()).hexdigest()
    return STABLE_ID_PREFIX + digest[:STABLE_ID_HEX_CHARS]


def _iso_prefix(value: str) -> str | None:
    """``value`` cut to its ISO 8601 date prefix when it is a valid ISO date or date-time, else None."""
    match = ISO_DATE_SHAPE.fullmatch(value)
    if match is None:
        return None
    year, month, day, time_part = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
        if time_part:
            # Python 3.10's fromisoformat does not take a "Z" suffix.
            datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return value[: match.end(3) if day else match.end(2) if month else match.end(1)]


def _parse_clear_date(value: str) -> str | None:
    """A full date written in another common form ("24 August 2015", "08/24/2015"), or None.

    Relative phrases ("yesterday", "2 days ago") are refused: they resolve differently against two
    bases, and the publication date must not depend on when the reader runs.
    """
    parsed = dateparser.parse(value, settings=DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    probe = dateparser.parse(value, settings={**DATEPARSER_SETTINGS, "RELATIVE_BASE": RELATIVE_PROBE_BASE})
    if probe is None or probe.date() != parsed.date():
        return None
    return parsed.strftime("%Y-%m-%d")


def normalize_published(value: object) -> str | None:
    """``published`` as an ISO 8601 date prefix (YYYY, YYYY-MM or YYYY-MM-DD); None when absent.

    Raises ValueError saying what was wrong when the value is present but not a date.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"`published` must be an ISO 8601 date string, got {type(value).__name__} {value!r}")
    text = str(value).strip()
    if not text:
        return None
    normalized = _iso_prefix(text) or _parse_clear_date(text)
    if normalized is None:
        raise ValueError(f"`published` must be an ISO 8601 date, got {text!r}")
    return normalized


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


# --- Shared record building ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Origin:
    """Where one input record came from, as its error messages name it."""

    location: Location
    record_id: str | None = None
    #: Overrides ``str(location)`` in messages, e.g. "crawl.warc WARC record 3".
    where: str | None = None

    def error(self, stage: Stage, problem: str, *, rejected: bool = True) -> ErrorRecord:
        """An error record whose message ends with where the input came from."""
        suffix = f", id {self.record_id!r}" if self.record_id is not None else ""
        return ErrorRecord(
            file=self.location.file,
            line=self.location.line,
            id=self.record_id,
            stage=stage,
            message=f"{problem} ({self.where or self.location}{suffix})",
            rejected=rejected,
        )

    def too_large(self, what: str, limit: int, settings: Settings) -> ErrorRecord:
        """The error for an input over its size cap, which follows from ``max_text_bytes``."""
        return self.error(
            "validate",
            f"{what} is over {limit} bytes, too large for the text limit of {settings.max_text_bytes} bytes; "
            f"{FIX_SIZE}",
        )


def _text_problem(text: object, settings: Settings) -> str | None:
    """Why ``text`` cannot be an article's text, or None when it can."""
    if text is None:
        return "record has no `text`; add the article text or drop the record"
    if not isinstance(text, str):
        return f"`text` must be a string, got {type(text).__name__}; write the article text as one string"
    if not text.strip():
        return "`text` is empty; add the article text or drop the record"
    size = len(text.encode("utf-8"))
    if size > settings.max_text_bytes:
        return f"`text` is {size} UTF-8 bytes, over the limit of {settings.max_text_bytes}; {FIX_SIZE}"
    return None


def _article(
    origin: _Origin,
    *,
    title: str | None,
    text: object,
    published: object,
    meta: dict[str, Any],
    settings: Settings,
) -> Iterator[Record]:
    """Validate one article's fields; yield its record (after a date warning, if any) or one error."""
    problem = _text_problem(text, settings)
    if problem is not None or not isinstance(text, str):
        yield origin.error("validate", problem or "")
        return
    if origin.record_id is None:
        origin = replace(origin, record_id=stable_id(title, text))
    try:
        iso_date = normalize_published(published)
    except ValueError as err:
        yield origin.error("date", f"{err}; fix or remove the field", rejected=False)
        iso_date = None
    yield InputRecord(
        id=str(origin.record_id),
        text=text,
        title=title,
        published=iso_date,
        meta=meta,
        location=origin.location,
    )


def _from_json(value: object, origin: _Origin, settings: Settings) -> Iterator[Record]:
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
    yield from _article(
        origin,
        title=title,
        text=value.get("text"),
        published=value.get("published"),
        meta=meta,
        settings=settings,
    )


# --- Formats ------------------------------------------------------------------------------------


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, gunzipped on the fly when its name ends in ``.gz``."""
    if path.name.lower().endswith(GZIP_SUFFIX):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _read_capped(stream: IO[bytes], limit: int) -> bytes | None:
    """Up to ``limit`` bytes of ``stream``; None when there are more (the input is too large)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


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
        origin = _Origin(Location(name, number))
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


def _text_records(data: bytes, origin: _Origin, settings: Settings) -> Iterator[Record]:
    """A plain-text file as one article (title rule: see ``split_title``)."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        where = f"byte 0x{data[err.start]:02x} on line {line}"
        yield origin.error("decode", f"file is not UTF-8 ({where}); re-encode it as UTF-8")
        return
    title, text = split_title(content)
    yield from _article(origin, title=title, text=text, published=None, meta={}, settings=settings)


def _html_records(html: bytes, origin: _Origin, meta: dict[str, Any], settings: Settings) -> Iterator[Record]:
    """One HTML page as one article: main text and title by trafilatura, date by htmldate."""
    try:
        document = trafilatura.bare_extraction(
            html,
            url=meta.get("url"),
            with_metadata=True,
            include_comments=False,
            date_extraction_params=HTML_DATE_PARAMS,
        )
    except Exception as err:  # trafilatura and lxml raise many types on broken markup
        yield origin.error("parse", f"HTML could not be parsed ({type(err).__name__}: {err}); {FIX_HTML}")
        return
    text = getattr(document, "text", None)
    if not text or not text.strip():
        yield origin.error("parse", f"no article text found in the HTML; {FIX_HTML}")
        return
    page_url = getattr(document, "url", None)
    if "url" not in meta and page_url:
        meta = {**meta, "url": page_url}
    title = getattr(document, "title", None) or None
    published = getattr(document, "date", None)
    yield from _article(origin, title=title, text=text, published=published, meta=meta, settings=settings)


def _single_article_file(path: Path, kind: str, origin: _Origin, settings: Settings) -> Iterator[Record]:
    """A txt or HTML file as one article, read only up to a size cap that follows from the text limit."""
    limit = settings.max_text_bytes * HTML_MARKUP_FACTOR if kind == "html" else settings.max_text_bytes
    limit += FIELD_SLACK_BYTES
    with _open_binary(path) as stream:
        data = _read_capped(stream, limit)
    if data is None:
        yield origin.too_large("file", limit, settings)
    elif kind == "html":
        yield from _html_records(data, origin, {}, settings)
    else:
        yield from _text_records(data, origin, settings)


def _is_html_response(record: Any) -> bool:
    """Whether a WARC record is an HTTP response carrying an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in HTML_CONTENT_TYPES


def _warc_records(path: Path, *, name: str, settings: Settings) -> Iterator[Record]:
    """Each HTML response of a WARC file as one article; other records are not articles and are skipped."""
    limit = settings.max_text_bytes * HTML_MARKUP_FACTOR + FIELD_SLACK_BYTES
    with open(path, "rb") as stream:  # warcio gunzips .warc.gz members itself
        for index, record in enumerate(ArchiveIterator(stream), start=1):
            if not _is_html_response(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_id = url or record.rec_headers.get_header("WARC-Record-ID")
            origin = _Origin(Location(name), record_id, where=f"{name} WARC record {index}")
            html = _read_capped(record.content_stream(), limit)
            if html is None:
                yield origin.too_large("HTML response", limit, settings)
                continue
            fields = (("url", url), ("warc_date", record.rec_headers.get_header("WARC-Date")))
            yield from _html_records(html, origin, {key: value for key, value in fields if value}, settings)


# --- Paths --------------------------------------------------------------------------------------


def _read_error(name: str, problem: str) -> ErrorRecord:
    """One error standing for a whole file (or folder) that could not be read."""
    return _Origin(Location(name)).error("read", problem)


def _file_records(path: Path, *, name: str, record_id: str, settings: Settings) -> Iterator[Record]:
    """Every record of one file; an unreadable or corrupt file adds one read error and the run goes on."""
    kind = format_of(path.name)
    try:
        if kind == "jsonl":
            with _open_binary(path) as stream:
                yield from _jsonl_records(stream, name=name, settings=settings)
        elif kind == "warc":
            yield from _warc_records(path, name=name, settings=settings)
        elif kind is not None:
            yield from _single_article_file(path, kind, _Origin(Location(name), record_id), settings)
        else:
            yield _read_error(name, f"unsupported file type; supported formats: {SUPPORTED_FORMATS}")
    except (OSError, EOFError, zlib.error, ArchiveLoadFailed) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err) or type(err).__name__
        yield _read_error(name, f"cannot read the file ({reason}); {FIX_READ}")


def _walk(folder: Path) -> Iterator[Path | OSError]:
    """Supported files below ``folder`` in sorted order (hidden entries and symlinked folders skipped)."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield err
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file() and _suffix(entry.name) in FOLDER_SUFFIXES:
            yield Path(entry.path)


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
