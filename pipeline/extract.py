"""Extraction entry points: one article or a stream of them in, ``ArticleRecord`` out.

>>> from pipeline import extract
>>> record = extract("Amazon was fined $887 million by Luxembourg's privacy regulator.")
>>> [e.type for e in record.events]
['FINE']
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from models import ArticleRecord
from pipeline.io import InputRecord
from pipeline.nlp import build_nlp
from pipeline.serialize import to_record
from pipeline.settings import DEFAULT_SETTINGS, Settings
from pipeline.text import analysis_text


class Extractor:
    """Holds the loaded spaCy pipeline; build one per process and reuse it."""

    def __init__(self, *, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self.nlp = build_nlp(settings=settings)

    def _make_doc(self, record: InputRecord) -> tuple[Doc, int]:
        text, offset = analysis_text(record.title, record.text)
        doc = self.nlp.make_doc(text)
        doc._.published = record.published
        doc._.text_start = offset
        return doc, offset

    def extract_records(self, records: Iterable[InputRecord]) -> Iterator[ArticleRecord]:
        """One ArticleRecord per input record, in input order, processed in ``nlp.pipe`` batches.

        Each batch runs inside spaCy's ``memory_zone``: the strings and lexemes its documents add to the
        vocabulary are freed when it ends, so memory stays flat over millions of articles.
        """
        batch: list[InputRecord] = []
        for record in records:
            batch.append(record)
            if len(batch) >= self.settings.batch_size:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def _extract_batch(self, records: list[InputRecord]) -> list[ArticleRecord]:
        with self.nlp.memory_zone():
            prepared = [self._make_doc(record) for record in records]
            docs = self.nlp.pipe((doc for doc, _ in prepared), batch_size=self.settings.batch_size)
            return [
                to_record(doc, record, offset)
                for doc, record, (_, offset) in zip(docs, records, prepared, strict=True)
            ]

    def extract_record(self, record: InputRecord) -> ArticleRecord:
        """Extract a single record (no batching)."""
        doc, offset = self._make_doc(record)
        return to_record(self.nlp(doc), record, offset)

    def process(self, record: InputRecord) -> Doc:
        """The processed spaCy Doc of one record, for inspection and display."""
        doc, _ = self._make_doc(record)
        return self.nlp(doc)


def extract(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    id: str = "article",
    settings: Settings = DEFAULT_SETTINGS,
) -> ArticleRecord:
    """Extract one article (notebook entry point); the model is loaded once per process."""
    return shared_extractor(settings).extract_record(
        InputRecord(id=id, text=text, title=title, published=published)
    )


_EXTRACTORS: dict[Settings, Extractor] = {}
_EXTRACTORS_LOCK = threading.Lock()


def shared_extractor(settings: Settings = DEFAULT_SETTINGS) -> Extractor:
    """The one Extractor of this process for ``settings``, loaded on first use and then reused.

    The notebook entry point, the worker processes of ``newspipe run`` and the Dask workers all take it from
    here, so a process never loads the model twice for the same settings.
    """
    with _EXTRACTORS_LOCK:
        if settings not in _EXTRACTORS:
            _EXTRACTORS[settings] = Extractor(settings=settings)
        return _EXTRACTORS[settings]
