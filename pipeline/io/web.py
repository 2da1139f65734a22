"""HTML pages and WARC archives as input articles: main text and title by trafilatura, date by htmldate.

:func:`html_records` turns one page into one article; :func:`warc_records` streams the HTML responses of a
WARC file (other WARC records are not articles and are skipped). :func:`pipeline.reader.read_inputs`
dispatches ``.html``/``.htm`` and ``.warc`` files (each optionally ``.gz``) here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from pipeline.io.records import FIELD_SLACK_BYTES, Origin, Record, article_records, read_capped
from pipeline.io.source import Location
from pipeline.settings import Settings

#: htmldate parameters (trafilatura passes them to ``htmldate.find_date``). A fixed latest date
#: replaces htmldate's default of "today" so the same page always gives the same date.
HTML_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
    "max_date": "2099-12-31",
}
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")

#: Worst-case growth of an article's text into its HTML page (markup, scripts, navigation).
HTML_MARKUP_FACTOR = 20

FIX_HTML = "check that the page is an article, not an index, an error page or a script-rendered shell"


def html_records(html: bytes, origin: Origin, meta: dict[str, Any], settings: Settings) -> Iterator[Record]:
    """One HTML page as one article: main text and title by trafilatura, date by htmldate."""
    import trafilatura  # imported on first use: it costs half a second and JSONL-only runs never need it

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
    yield from article_records(
        origin, title=title, text=text, published=published, meta=meta, settings=settings
    )


def _is_html_response(record: Any) -> bool:
    """Whether a WARC record is an HTTP response carrying an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in HTML_CONTENT_TYPES


def warc_records(path: Path, *, name: str, settings: Settings) -> Iterator[Record]:
    """Each HTML response of a WARC file as one article; other records are not articles and are skipped."""
    limit = settings.max_text_bytes * HTML_MARKUP_FACTOR + FIELD_SLACK_BYTES
    with open(path, "rb") as stream:  # warcio gunzips .warc.gz members itself
        for index, record in enumerate(ArchiveIterator(stream), start=1):
            if not _is_html_response(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_id = url or record.rec_headers.get_header("WARC-Record-ID")
            origin = Origin(Location(name), record_id, where=f"{name} WARC record {index}")
            html = read_capped(record.content_stream(), limit)
            if html is None:
                yield origin.too_large("HTML response", limit, settings)
                continue
            fields = (("url", url), ("warc_date", record.rec_headers.get_header("WARC-Date")))
            yield from html_records(html, origin, {key: value for key, value in fields if value}, settings)
