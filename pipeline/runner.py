"""Running the pipeline over input files: slicing, workers, ordering, crash-safe output.

``run()`` reads the inputs as one ordered stream, cuts it into parts of ``part_size``
records, extracts each part in a worker process under a watchdog (``pipeline.workers``: time
budget, dead workers), driven from this process or from the threads of a Dask cluster, commits
every part atomically, and finally assembles ``OUT.jsonl``,
``OUT.errors.jsonl`` and ``OUT.summary.json`` in input order. Output bytes depend only on
the input and the settings: not on the engine, the number of workers or on interruptions.
The library never prints: progress goes through the ``progress`` callback.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from models import ArticleRecord, ErrorRecord, RunSummary
from pipeline.io import InputRecord, OutputPaths, PartMeta, PartStore, dump_line, output_lock, write_part
from pipeline.settings import DEFAULT_SETTINGS, Settings
from pipeline.workers import FIX_INTERNAL, POOL, Outcome, error_frames

#: Records per part file: the unit of work sent to a worker and of crash recovery.
DEFAULT_PART_SIZE = 64
#: Parts in flight per worker: enough to keep workers busy, few enough to keep memory flat.
PARTS_IN_FLIGHT_PER_WORKER = 2
#: Input files larger than this (in total) are not line-counted for the progress bar.
COUNT_LINES_MAX_BYTES = 1 << 30
COUNT_LINES_BUFFER_BYTES = 1 << 20
COUNTABLE_SUFFIX = ".jsonl"

Engine = Literal["local", "dask"]
ReadItem = InputRecord | ErrorRecord
Progress = Callable[[int], None]


class RunError(RuntimeError):
    """A run could not finish (a worker could not start, a part could not be written, the cluster went away);
    ``--resume`` continues it."""


@dataclass(frozen=True)
class PartTask:
    """One slice of the input: records ``start`` .. ``start + records`` and their reader warnings."""

    index: int
    start: int
    records: int
    items: tuple[ReadItem, ...]
    parts_dir: str
    settings: Settings


# -- one part ---------------------------------------------------------------------------------


def _write_error(record: InputRecord, err: Exception) -> ErrorRecord:
    """The error of an input record whose article record could not be written as a line."""
    return ErrorRecord(
        file=record.location.file,
        line=record.location.line,
        id=record.id,
        stage="write",
        message=f"the record could not be written ({type(err).__name__}: {err}); {FIX_INTERNAL} ({record.location})",
        internal=True,
        exception=f"{type(err).__name__}: {err}",
        traceback=error_frames(err),
    )


def assemble_part(task: PartTask, outcomes: Sequence[Outcome]) -> tuple[PartMeta, list[str], list[str]]:
    """The part's meta, article lines and error lines from the reader's items and the records' outcomes.

    Errors keep input order, a warning before its record; rejected bad input and failures inside newspipe
    (``internal``) are counted apart.
    """
    extracted = iter(outcomes)
    article_lines: list[str] = []
    error_lines: list[str] = []
    rejected = warnings = failed = 0
    events: Counter[str] = Counter()
    for item in task.items:
        results = next(extracted) if isinstance(item, InputRecord) else [item]
        for result in results:
            error: ErrorRecord
            if isinstance(result, ArticleRecord):
                try:
                    article_lines.append(dump_line(result))
                except Exception as err:  # noqa: BLE001 - failure is data: the record's write error
                    assert isinstance(item, InputRecord)
                    error = _write_error(item, err)
                else:
                    events.update(event.type for event in result.events)
                    continue
            else:
                error = result
            error_lines.append(dump_line(error))
            if not error.rejected:
                warnings += 1
            elif error.internal:
                failed += 1
            else:
                rejected += 1
    meta = PartMeta(
        index=task.index,
        start=task.start,
        end=task.start + task.records,
        written=len(article_lines),
        rejected=rejected,
        warnings=warnings,
        events=dict(sorted(events.items())),
        failed=failed,
    )
    return meta, article_lines, error_lines


def extract_part(task: PartTask) -> PartMeta:
    """Extract one part in a worker process and commit its files into ``task.parts_dir``; runs on any thread.

    The worker is this thread's alone while the part runs (``pipeline.workers.POOL``), so a Dask worker with
    several threads is safe: each busy thread has its own worker process and Extractor.
    """
    records = [item for item in task.items if isinstance(item, InputRecord)]
    outcomes: list[Outcome] = []
    if records:
        with POOL.worker(task.settings) as worker:
            outcomes = worker.extract(records)
    meta, article_lines, error_lines = assemble_part(task, outcomes)
    write_part(Path(task.parts_dir), meta, article_lines, error_lines)
    return meta


# -- driver side ------------------------------------------------------------------------------


def slice_parts(
    items: Iterable[ReadItem], *, part_size: int, parts_dir: Path, settings: Settings
) -> Iterator[PartTask]:
    """Cut the reader's stream into parts of ``part_size`` records, in order.

    A record is an InputRecord or a rejected ErrorRecord; a warning (an ErrorRecord with
    ``rejected=False``) travels with the record that follows it.
    """
    batch: list[ReadItem] = []
    records = start = index = 0
    for item in items:
        batch.append(item)
        if isinstance(item, InputRecord) or item.rejected:
            records += 1
        if records == part_size:
            yield PartTask(index, start, records, tuple(batch), str(parts_dir), settings)
            index, start, batch, records = index + 1, start + records, [], 0
    if batch:
        yield PartTask(index, start, records, tuple(batch), str(parts_dir), settings)


def count_records(inputs: Sequence[str]) -> int | None:
    """Number of input records when cheap to know (JSONL files only: a newline count), else None."""
    files: list[Path] = []
    for name in inputs:
        path = Path(name)
        found = (
            (p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if path.is_dir()
            else [path] if path.is_file() else None
        )
        if found is None:
            return None
        for file in found:  # stop at the first file that is not JSONL: a folder of many pages is not walked twice
            if file.suffix != COUNTABLE_SUFFIX:
                return None
            files.append(file)
    if not files:
        return None
    if sum(p.stat().st_size for p in files) > COUNT_LINES_MAX_BYTES:
        return None
    total = 0
    for path in files:
        with path.open("rb") as handle:
            last = b"\n"
            while chunk := handle.read(COUNT_LINES_BUFFER_BYTES):
                total += chunk.count(b"\n")
                last = chunk[-1:]
            total += last != b"\n"
    return total


def describe_job(inputs: Sequence[str], *, settings: Settings, part_size: int) -> dict[str, object]:
    """What a resumed run must share with the interrupted one for their parts to fit together."""
    described = []
    for name in inputs:
        path = Path(name)
        size = path.stat().st_size if path.is_file() else None
        described.append({"path": name if name == "-" else str(path.resolve()), "size": size})
    return {"inputs": described, "settings": asdict(settings), "part_size": part_size}


def _drain(
    pending: dict[Future[PartMeta], int], store: PartStore, progress: Progress, *, block_all: bool
) -> None:
    done, _ = wait(pending, return_when=ALL_COMPLETED if block_all else FIRST_COMPLETED)
    for future in done:
        records = pending.pop(future)
        try:
            meta = future.result()
        except Exception as err:
            for other in pending:
                other.cancel()
            raise RunError(f"a worker failed ({type(err).__name__}: {err}); rerun with --resume") from err
        store.record(meta)
        progress(records)


def _execute(
    tasks: Iterable[PartTask], store: PartStore, *, executor: Executor | None, window: int, progress: Progress
) -> int:
    """Run every uncommitted part, committing as parts finish; return the number of parts."""
    pending: dict[Future[PartMeta], int] = {}
    part_count = 0
    for task in tasks:
        part_count += 1
        if store.is_committed(task.index):
            progress(task.records)
        elif executor is None:
            store.record(extract_part(task))
            progress(task.records)
        else:
            pending[executor.submit(extract_part, task)] = task.records
            if len(pending) >= window:
                _drain(pending, store, progress, block_all=False)
    if pending:
        _drain(pending, store, progress, block_all=True)
    return part_count


def _local_executor(workers: int) -> AbstractContextManager[Executor | None]:
    """Threads that each drive one worker process (see ``pipeline.workers``); none for one worker."""
    if workers <= 1:
        return nullcontext(None)
    return ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newspipe-worker")


def run(
    inputs: Sequence[str],
    *,
    output: str | os.PathLike[str],
    errors: str | os.PathLike[str] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    workers: int = 1,
    resume: bool = False,
    part_size: int = DEFAULT_PART_SIZE,
    engine: Engine = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Extract every record of ``inputs`` into ``output`` (JSONL), errors and summary beside it.

    ``workers`` > 1 uses that many processes; ``engine="dask"`` sends parts to the Dask
    scheduler at ``scheduler`` instead. With ``resume``, the parts committed by an interrupted
    run of the same command are kept and only the rest is extracted.
    """
    from pipeline.io import read_inputs

    if part_size < 1:
        raise ValueError(f"part_size must be at least 1, got {part_size}")
    if engine == "dask" and scheduler is None:
        raise ValueError("the dask engine needs the scheduler address (--scheduler tcp://HOST:8786)")
    paths = OutputPaths.for_output(output, errors=errors)
    job = describe_job(inputs, settings=settings, part_size=part_size)
    with output_lock(paths):
        store = PartStore(paths, job=job, resume=resume)
        report = progress if progress is not None else (lambda _records: None)
        tasks = slice_parts(
            read_inputs(inputs, settings=settings), part_size=part_size, parts_dir=paths.parts, settings=settings
        )
        if engine == "dask":
            from pipeline.dask_engine import dask_executor

            with dask_executor(scheduler or "") as (executor, slots):
                part_count = _execute(
                    tasks, store, executor=executor, window=slots * PARTS_IN_FLIGHT_PER_WORKER, progress=report
                )
        else:
            POOL.reset()
            try:
                with _local_executor(workers) as executor:
                    try:
                        part_count = _execute(
                            tasks,
                            store,
                            executor=executor,
                            window=workers * PARTS_IN_FLIGHT_PER_WORKER,
                            progress=report,
                        )
                    except BaseException:
                        # Ctrl-C or a failed part: kill the workers and drop queued parts, so that the threads
                        # waiting on workers end now instead of finishing their parts.
                        POOL.abort()
                        if executor is not None:
                            executor.shutdown(wait=False, cancel_futures=True)
                        raise
            finally:
                POOL.trim(settings, keep=workers)
        return store.finish(part_count=part_count)
