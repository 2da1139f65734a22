"""Extraction in worker processes under a watchdog: each article has a time budget, a dead worker costs one record.

Every engine extracts in child processes, never in the driver or in a Dask worker's thread: a process is the one
thing that can be stopped for sure, whatever it is doing (a C loop that never looks at signals, a deadlock,
memory running out). ``SIGALRM`` was rejected for that reason: it only interrupts Python bytecode, in the main
thread, so a regex or spaCy's Cython code could still hang the run, and Dask runs tasks in threads.

The parent side of a child, :class:`WorkerProcess`, sends it records and waits for each result with a deadline:

1. A whole part goes in one message and is extracted in ``nlp.pipe`` batches; results come back one by one, and
   the clock (``max_seconds_per_article``) restarts with each result.
2. When no result comes in time, or the child dies, it is killed and replaced, and the part's records that have
   no result yet are redone one at a time, each alone with its own deadline.
3. A record that overruns alone becomes a ``timeout`` error, one on which the child dies a ``worker`` error; the
   next record goes to a fresh child.

No wait is without a deadline, so no article can hang a run, and every record ends in the output or the error
report. A worker is checked out of a :class:`WorkerPool` by one thread at a time, so the Extractor it holds is
never shared between threads (a Dask worker with several threads gets one child per busy thread).
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Literal

from models import ArticleRecord, ErrorRecord
from pipeline.extract import Extractor, StageError
from pipeline.io import InputRecord
from pipeline.settings import Settings

#: What one input record gives: its warnings, then its article record or the error that replaces it.
Outcome = list[ArticleRecord | ErrorRecord]
Attempt = Literal["done", "timeout", "died"]

#: Frames of a traceback kept in an internal error record (innermost last).
TRACEBACK_FRAMES = 6
#: Seconds a worker asked to stop may take before it is killed.
STOP_SECONDS = 5.0
#: The package root, put first on the worker's ``PYTHONPATH`` so it imports this very ``pipeline``.
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
#: Test-only fault injection, read by worker processes only: ``crash:ID`` (the worker kills itself with SIGKILL
#: on record ID), ``hang:ID`` (it sleeps forever on it). Unset in normal use; never set it in production.
TEST_FAULT_ENV = "NEWSPIPE_TEST_FAULT"
TEST_HANG_SECONDS = 3600.0
FIX_INTERNAL = "this is a newspipe bug: report it with this record, or remove the record and rerun"


class WorkerError(RuntimeError):
    """A worker process could not be started (or the run is stopping); the run cannot go on."""


# -- error records of failures inside newspipe ----------------------------------------------------


def error_frames(err: BaseException) -> list[str]:
    """The last frames of ``err``'s traceback as 'file:line in function', paths relative to the package root."""
    frames = traceback.extract_tb(err.__traceback__)[-TRACEBACK_FRAMES:]
    lines = []
    for frame in frames:
        path = Path(frame.filename)
        shown = path.relative_to(PACKAGE_ROOT).as_posix() if path.is_relative_to(PACKAGE_ROOT) else path.name
        lines.append(f"{shown}:{frame.lineno} in {frame.name}")
    return lines


def internal_error(record: InputRecord, err: BaseException, *, rejected: bool = True, note: str = "") -> ErrorRecord:
    """The error record of an exception raised while extracting ``record``, naming the stage that raised it."""
    stage, cause = (err.stage, err.error) if isinstance(err, StageError) else ("nlp", err)
    described = f"{type(cause).__name__}: {cause}"
    return ErrorRecord(
        file=record.location.file,
        line=record.location.line,
        id=record.id,
        stage=stage,  # type: ignore[arg-type]
        message=f"{note or 'extraction failed'} in stage {stage} ({described}); {FIX_INTERNAL} ({record.location})",
        rejected=rejected,
        internal=True,
        exception=described,
        traceback=error_frames(cause),
    )


def timeout_error(record: InputRecord, seconds: float) -> ErrorRecord:
    return ErrorRecord(
        file=record.location.file,
        line=record.location.line,
        id=record.id,
        stage="timeout",
        message=(
            f"extraction took over {seconds:g} s, the time budget of one article; its worker was stopped and the "
            f"run went on. Raise the budget with --max-seconds-per-article, or report the record as a newspipe "
            f"bug ({record.location})"
        ),
        internal=True,
    )


def _how_it_ended(returncode: int | None) -> str:
    if returncode is None:
        return "its pipe closed"
    if returncode < 0:
        name = signal.Signals(-returncode).name
        hint = ", which is how the out-of-memory killer stops a process" if name == "SIGKILL" else ""
        return f"killed by {name}{hint}"
    return f"exit status {returncode}"


def worker_died_error(record: InputRecord, returncode: int | None) -> ErrorRecord:
    return ErrorRecord(
        file=record.location.file,
        line=record.location.line,
        id=record.id,
        stage="worker",
        message=(
            f"the worker process died while extracting this record alone ({_how_it_ended(returncode)}); the run "
            f"went on in a fresh worker. Check the machine's memory (dmesg), or report the record as a newspipe "
            f"bug ({record.location})"
        ),
        internal=True,
    )


# -- extraction (runs in the worker process) ------------------------------------------------------


def _test_fault(record: InputRecord) -> None:
    """Test-only: crash or hang on the record named by NEWSPIPE_TEST_FAULT (never set outside tests)."""
    fault = os.environ.get(TEST_FAULT_ENV)
    if not fault:
        return
    kind, _, record_id = fault.partition(":")
    if record.id != record_id:
        return
    if kind == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    elif kind == "hang":
        time.sleep(TEST_HANG_SECONDS)


def _checked(records: Iterable[InputRecord]) -> Iterator[InputRecord]:
    for record in records:
        _test_fault(record)
        yield record


def extract_outcomes(extractor: Extractor, records: Sequence[InputRecord]) -> Iterator[Outcome]:
    """One outcome per record, in order, extracted in batches; yields as each batch finishes.

    When a batch raises, its records are redone one at a time, so only a record that fails alone becomes an
    error (naming the stage, exception and traceback). When every one of them succeeds alone, the batch's own
    failure is still reported, as a warning before the first of them: nothing is swallowed.
    """
    done = 0
    try:
        for article in extractor.extract_records(_checked(records)):
            done += 1
            yield [article]
        return
    except Exception as batch_error:  # noqa: BLE001 - failure is data: redone one by one, then reported
        failure: BaseException = batch_error
    rest = records[done:]
    outcomes: list[Outcome] = []
    for record in rest:
        try:
            outcomes.append([extractor.extract_record(record)])
        except Exception as err:  # noqa: BLE001 - failure is data: this record's ErrorRecord
            outcomes.append([internal_error(record, err)])
    if all(isinstance(outcome[0], ArticleRecord) for outcome in outcomes):
        note = f"a batch of {len(rest)} records failed, then each succeeded alone (results kept); the batch failed"
        outcomes[0].insert(0, internal_error(rest[0], failure, rejected=False, note=note))
    yield from outcomes


def serve(read_fd: int, write_fd: int) -> None:
    """The worker process's loop: settings in, "ready" out, then records in and outcomes out until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops its workers itself
    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    try:
        settings: Settings = inbox.recv()
        extractor = Extractor(settings=settings)
        outbox.send(("ready",))
        while (message := inbox.recv()) is not None:
            for position, outcome in enumerate(extract_outcomes(extractor, message)):
                outbox.send(("result", position, outcome))
            outbox.send(("done",))
    except (EOFError, BrokenPipeError):
        return  # the parent went away


# -- the parent side ------------------------------------------------------------------------------


class WorkerProcess:
    """One worker process and the pipes to it; started on first use, replaced when it dies or overruns."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._process: subprocess.Popen[bytes] | None = None
        self._inbox: Connection | None = None
        self._outbox: Connection | None = None
        #: Set when the run stops: the worker is killed and must not start again.
        self.aborted = False

    def _start(self) -> None:
        if self.aborted:
            raise WorkerError("the run is stopping")
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        child_reads, child_writes = to_child, from_child
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")]))
        boot = "import sys; from pipeline.workers import serve; serve(int(sys.argv[1]), int(sys.argv[2]))"
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", boot, str(child_reads), str(child_writes)],
                pass_fds=(child_reads, child_writes),
                stdin=subprocess.DEVNULL,
                env=env,
            )
        finally:
            os.close(child_reads)
            os.close(child_writes)
        self._outbox = Connection(from_parent, readable=False)
        self._inbox = Connection(to_parent, writable=False)
        limit = self.settings.max_seconds_worker_start
        try:
            self._outbox.send(self.settings)
            if self._inbox.poll(limit) and self._inbox.recv() == ("ready",):
                return
        except (EOFError, OSError):
            pass
        returncode = self._process.poll()
        self.kill()
        state = "did not load the model within " + f"{limit:g} s" if returncode is None else _how_it_ended(returncode)
        raise WorkerError(f"a worker process could not start ({state}); its error, if any, is printed above")

    def kill(self) -> None:
        """Stop the process at once (SIGKILL) and close the pipes."""
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
        for connection in (self._inbox, self._outbox):
            if connection is not None:
                connection.close()
        self._process = self._inbox = self._outbox = None

    def stop(self) -> None:
        """Ask the process to finish, then kill it if it does not within STOP_SECONDS."""
        if self._process is not None and self._outbox is not None:
            try:
                self._outbox.send(None)
                self._process.wait(STOP_SECONDS)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def _attempt(self, records: Sequence[InputRecord], results: list[Outcome | None], slots: Sequence[int]) -> Attempt:
        """Send ``records`` (results go to ``results[slots[i]]``); "done", or how the attempt ended early."""
        if self._process is None or self._process.poll() is not None:
            self.kill()
            self._start()
        assert self._inbox is not None and self._outbox is not None
        try:
            self._outbox.send(list(records))
            while True:
                if not self._inbox.poll(self.settings.max_seconds_per_article):
                    return "timeout"
                message = self._inbox.recv()
                if message[0] == "done":
                    return "done"
                _, position, outcome = message
                results[slots[position]] = outcome
        except (EOFError, OSError, pickle.UnpicklingError):
            return "died"

    def extract(self, records: Sequence[InputRecord]) -> list[Outcome]:
        """One outcome per record, in order, whatever happens to the worker process on the way."""
        results: list[Outcome | None] = [None] * len(records)
        if self._attempt(records, results, range(len(records))) != "done":
            self.kill()
        for slot, record in enumerate(records):
            if results[slot] is not None:
                continue
            ended = self._attempt([record], results, [slot])
            if ended == "timeout":
                self.kill()
                results[slot] = [timeout_error(record, self.settings.max_seconds_per_article)]
            elif ended == "died":
                returncode = self._process.wait() if self._process is not None else None
                self.kill()
                results[slot] = [worker_died_error(record, returncode)]
        return [outcome for outcome in results if outcome is not None]


class WorkerPool:
    """Idle worker processes of one process (driver or Dask worker), by settings; one thread uses a worker at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[WorkerProcess] = []
        self._busy: set[WorkerProcess] = set()
        self._stopping = False

    @contextmanager
    def worker(self, settings: Settings) -> Iterator[WorkerProcess]:
        """A worker for ``settings``, this thread's alone until the block ends."""
        with self._lock:
            if self._stopping:
                raise WorkerError("the run is stopping")
            found = next((worker for worker in self._idle if worker.settings == settings), None)
            if found is not None:
                self._idle.remove(found)
            worker = found or WorkerProcess(settings)
            self._busy.add(worker)
        try:
            yield worker
        except BaseException:
            worker.kill()
            raise
        finally:
            with self._lock:
                self._busy.discard(worker)
                if not self._stopping:
                    self._idle.append(worker)

    def trim(self, settings: Settings, *, keep: int) -> None:
        """Stop idle workers of other settings, and all but ``keep`` of ``settings``'."""
        with self._lock:
            same = [worker for worker in self._idle if worker.settings == settings]
            stopped = [worker for worker in self._idle if worker not in same[:keep]]
            self._idle = same[:keep]
        for worker in stopped:
            worker.stop()

    def abort(self) -> None:
        """Kill every worker, busy ones too (their threads then fail fast), and accept no new work until reset."""
        with self._lock:
            self._stopping = True
            workers = [*self._idle, *self._busy]
            self._idle = []
        for worker in workers:
            worker.aborted = True
            worker.kill()

    def reset(self) -> None:
        with self._lock:
            self._stopping = False

    def stop_all(self) -> None:
        with self._lock:
            workers, self._idle = self._idle, []
        for worker in workers:
            worker.stop()


#: The workers of this process (the driver of a local run, or a Dask worker).
POOL = WorkerPool()
atexit.register(POOL.stop_all)
