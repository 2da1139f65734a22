"""Extraction entry points: one article or a stream of them in, ``ArticleRecord`` out.

>>> from pipeline import extract
>>> record = extract("Amazon was fined $887 million by Luxembourg's privacy regulator.")
>>> [e.type for e in record.events]
['FINE']

With ``relevant_only`` an article that cannot hold an event skips the model: its record has no entities and no
events and ``meta["relevant"]`` is False; every other article gets the full record and ``meta["relevant"]`` True.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import cast

from spacy.tokens import Doc

from models import ArticleRecord
from pipeline.events import EventExtractor
from pipeline.io import InputRecord
from pipeline.nlp import build_nlp
from pipeline.serialize import to_record
from pipeline.settings import DEFAULT_SETTINGS, Settings
from pipeline.text import analysis_text

#: The components that set sentence boundaries: all the relevance verdict needs besides the tokenizer.
SENTENCE_PIPES = ("sentencizer", "newspipe_sentences")
EVENT_PIPE = "newspipe_event_extractor"


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

    def extract_records(
        self, records: Iterable[InputRecord], *, relevant_only: bool | None = None
    ) -> Iterator[ArticleRecord]:
        """One ArticleRecord per input record, in input order, processed in ``nlp.pipe`` batches.

        Each batch runs inside spaCy's ``memory_zone``: the strings and lexemes its documents add to the
        vocabulary are freed when it ends, so memory stays flat over millions of articles. ``relevant_only``
        (default: the settings') gives articles that cannot hold an event an empty record (see the module).
        """
        only = self.settings.relevant_only if relevant_only is None else relevant_only
        batch: list[InputRecord] = []
        for record in records:
            batch.append(record)
            if len(batch) >= self.settings.batch_size:
                yield from self._extract_batch(batch, relevant_only=only)
                batch = []
        if batch:
            yield from self._extract_batch(batch, relevant_only=only)

    def _extract_batch(self, records: list[InputRecord], *, relevant_only: bool) -> list[ArticleRecord]:
        with self.nlp.memory_zone():
            prepared = [self._make_doc(record) for record in records]
            if relevant_only:
                return self._extract_relevant(records, prepared)
            docs = self.nlp.pipe((doc for doc, _ in prepared), batch_size=self.settings.batch_size)
            return [
                to_record(doc, record, offset)
                for doc, record, (_, offset) in zip(docs, records, prepared, strict=True)
            ]

    def relevance(self, doc: Doc) -> bool:
        """Set ``doc``'s sentence boundaries and say whether it can hold an event (no model runs)."""
        for name in SENTENCE_PIPES:
            doc = self.nlp.get_pipe(name)(doc)
        extractor = cast(EventExtractor, self.nlp.get_pipe(EVENT_PIPE))
        return extractor.is_relevant(doc)

    def _extract_relevant(self, records: list[InputRecord], prepared: list[tuple[Doc, int]]) -> list[ArticleRecord]:
        """Relevant-only mode: the sentence rules on every document, the rest of the pipeline on the relevant."""
        verdicts = [self.relevance(doc) for doc, _ in prepared]
        relevant = self.nlp.pipe(
            (doc for (doc, _), keep in zip(prepared, verdicts, strict=True) if keep),
            batch_size=self.settings.batch_size,
            disable=list(SENTENCE_PIPES),
        )
        return [
            to_record(next(relevant) if keep else doc, record, offset, relevant=keep)
            for record, (doc, offset), keep in zip(records, prepared, verdicts, strict=True)
        ]

    def extract_record(self, record: InputRecord, *, relevant_only: bool | None = None) -> ArticleRecord:
        """Extract a single record (no batching); ``relevant_only`` as in :meth:`extract_records`."""
        doc, offset = self._make_doc(record)
        if self.settings.relevant_only if relevant_only is None else relevant_only:
            if not self.relevance(doc):
                return to_record(doc, record, offset, relevant=False)
            with self.nlp.select_pipes(disable=list(SENTENCE_PIPES)):
                return to_record(self.nlp(doc), record, offset, relevant=True)
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
    relevant_only: bool | None = None,
) -> ArticleRecord:
    """Extract one article (notebook entry point); the model is loaded once per process.

    ``relevant_only=True`` adds the relevance verdict as ``meta["relevant"]`` and skips the model for an
    article that cannot hold an event (default: ``settings.relevant_only``).
    """
    return shared_extractor(settings).extract_record(
        InputRecord(id=id, text=text, title=title, published=published), relevant_only=relevant_only
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
