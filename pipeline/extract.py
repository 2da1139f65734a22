"""Extraction entry points: one article or a stream of them in, ``ArticleRecord`` out.

>>> from pipeline import extract
>>> record = extract("Amazon was fined $887 million by Luxembourg's privacy regulator.")
>>> [e.type for e in record.events]
['FINE']
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from spacy.tokens import Doc

from models import ArticleRecord
from pipeline.io import InputRecord
from pipeline.nlp import build_nlp
from pipeline.serialize import to_record
from pipeline.settings import DEFAULT_SETTINGS, Settings
from pipeline.text import analysis_text

#: Which stage of an error report each component of the pipeline belongs to (others are "nlp": the tokenizer,
#: sentence splitting and spaCy's own NER). The parse runs inside the event component, so it counts as "events".
COMPONENT_STAGES: dict[str, str] = {
    "newspipe_gazetteer": "entities",
    "newspipe_company_names": "entities",
    "newspipe_entity_resolver": "entities",
    "newspipe_mention_propagator": "entities",
    "newspipe_event_extractor": "events",
}
DEFAULT_COMPONENT_STAGE = "nlp"

T = TypeVar("T")


class StageError(Exception):
    """An exception raised inside the pipeline, tagged with the stage it came from (``__cause__`` is the original)."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(f"{stage}: {type(error).__name__}: {error}")
        self.stage = stage
        self.error = error


def _in_stage(stage: str, function: Callable[..., T], *args: Any) -> T:
    """``function(*args)``; an exception leaves as a StageError naming ``stage``."""
    try:
        return function(*args)
    except StageError:
        raise
    except Exception as err:
        raise StageError(stage, err) from err


def _tagged(stage: str, docs: Iterator[Doc]) -> Iterator[Doc]:
    """The docs of one component's stream; an exception it raises leaves as a StageError naming ``stage``.

    Upstream components' errors are already tagged when they pass through, so each error keeps its first stage.
    """
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            return
        except StageError:
            raise
        except Exception as err:
            raise StageError(stage, err) from err
        yield doc


def _calls(component: Callable[[Doc], Doc], docs: Iterable[Doc]) -> Iterator[Doc]:
    return (component(doc) for doc in docs)


class Extractor:
    """Holds the loaded spaCy pipeline; build one per process and reuse it."""

    def __init__(self, *, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self.nlp = build_nlp(settings=settings)

    def _make_doc(self, record: InputRecord) -> tuple[Doc, int]:
        text, offset = _in_stage("clean", analysis_text, record.title, record.text)
        doc = _in_stage(DEFAULT_COMPONENT_STAGE, self.nlp.make_doc, text)
        doc._.published = record.published
        # A headline-only record (the reader accepts an empty text when there is a title) is read from its title:
        # its events may come from the title's sentences, which are otherwise left to the body.
        doc._.text_start = offset if record.text.strip() else 0
        return doc, offset

    def _pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """``nlp.pipe`` for one process, each component's errors tagged with its stage (see COMPONENT_STAGES).

        Chains the enabled components' ``pipe`` (or ``__call__``) as ``Language.pipe`` does with one process.
        """
        stream: Iterator[Doc] = iter(docs)
        for name, component in self.nlp.pipeline:
            stage = COMPONENT_STAGES.get(name, DEFAULT_COMPONENT_STAGE)
            pipe = getattr(component, "pipe", None)
            piped = pipe(stream, batch_size=self.settings.batch_size) if pipe is not None else _calls(component, stream)
            stream = _tagged(stage, iter(piped))
        return stream

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
        """One batch; an exception leaves as a StageError naming the stage that raised it."""
        with self.nlp.memory_zone():
            prepared = [self._make_doc(record) for record in records]
            docs = self._pipe(doc for doc, _ in prepared)
            return [
                _in_stage("serialize", to_record, doc, record, offset)
                for doc, record, (_, offset) in zip(docs, records, prepared, strict=True)
            ]

    def extract_record(self, record: InputRecord) -> ArticleRecord:
        """Extract a single record (a batch of one); an exception leaves as a StageError naming its stage."""
        doc, offset = self._make_doc(record)
        return _in_stage("serialize", to_record, next(self._pipe([doc])), record, offset)

    def process(self, record: InputRecord) -> Doc:
        """The processed spaCy Doc of one record, for inspection and display."""
        doc, _ = self._make_doc(record)
        return next(self._pipe([doc]))


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
