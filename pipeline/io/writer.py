"""Writing a run's output crash-safely: numbered part files, a manifest, then the final files.

A run writes its records into ``OUT.parts/``: one part per slice of the input, each part's
files committed atomically (temp file, fsync, ``os.replace``), and a manifest that lists the
committed parts with the input positions they cover. Only when every part is committed are
``OUT.jsonl``, ``OUT.errors.jsonl`` and ``OUT.summary.json`` assembled (atomically again) and
the parts removed. A run killed at any moment therefore leaves whole parts only, and
``--resume`` redoes just the parts missing from the manifest.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel

from models import RunSummary

#: Suffixes of the files that sit next to ``OUT.jsonl``.
ERRORS_SUFFIX = ".errors.jsonl"
SUMMARY_SUFFIX = ".summary.json"
PARTS_SUFFIX = ".parts"
LOCK_SUFFIX = ".lock"
OUTPUT_SUFFIX = ".jsonl"

MANIFEST_NAME = "manifest.jsonl"
#: Digits of a part number in its file name, so that names sort in input order.
PART_NAME_DIGITS = 8
#: Bytes copied at a time when parts are concatenated.
COPY_BUFFER_BYTES = 1 << 20
#: Mode of files the run writes, before the umask (as ``open`` would create them).
DEFAULT_FILE_MODE = 0o666
MANIFEST_FORMAT = 1


def dump_line(model: BaseModel) -> str:
    """One record as its output line (with newline): deterministic, compact, UTF-8 as is."""
    payload = json.dumps(
        model.model_dump(mode="json"), ensure_ascii=False, sort_keys=False, separators=(",", ":")
    )
    return payload + "\n"


def sibling_path(output: Path, suffix: str) -> Path:
    """``out/corpus.jsonl`` + ``.errors.jsonl`` -> ``out/corpus.errors.jsonl``."""
    stem = output.name[: -len(OUTPUT_SUFFIX)] if output.name.endswith(OUTPUT_SUFFIX) else output.name
    return output.with_name(stem + suffix)


@contextmanager
def _atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A temporary file beside ``path`` that replaces it, fsynced, only when the block succeeds.

    The file gets the permissions a plain ``open`` would give it (mkstemp's are owner-only).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, DEFAULT_FILE_MODE & ~_UMASK)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _read_umask() -> int:
    """The process umask (read once, at import: setting it is not thread-safe)."""
    current = os.umask(0)
    os.umask(current)
    return current


_UMASK = _read_umask()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``path`` so that a reader (or a crash) sees either the old file or all of the new one."""
    with _atomic_file(path) as handle:
        handle.write(data)


def atomic_concat(path: Path, sources: Iterable[Path]) -> None:
    """Concatenate ``sources`` into ``path`` atomically, streaming (memory stays flat)."""
    with _atomic_file(path) as handle:
        for source in sources:
            with source.open("rb") as part:
                shutil.copyfileobj(part, handle, COPY_BUFFER_BYTES)


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable: fsync the directory entry (a no-op where the OS does not allow it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class PartMeta:
    """What one committed part covers (input positions ``start`` to ``end``, exclusive) and counts."""

    index: int
    start: int
    end: int
    written: int
    rejected: int
    warnings: int
    events: dict[str, int] = field(default_factory=dict)
    #: Records newspipe failed on (internal errors, timeouts, dead workers); not counted in ``rejected``.
    failed: int = 0


@dataclass(frozen=True)
class OutputPaths:
    """The files of one run, all derived from the output path unless given."""

    output: Path
    errors: Path
    summary: Path
    parts: Path
    lock: Path

    @classmethod
    def for_output(
        cls, output: str | os.PathLike[str], *, errors: str | os.PathLike[str] | None = None
    ) -> OutputPaths:
        out = Path(output)
        return cls(
            output=out,
            errors=Path(errors) if errors is not None else sibling_path(out, ERRORS_SUFFIX),
            summary=sibling_path(out, SUMMARY_SUFFIX),
            parts=sibling_path(out, PARTS_SUFFIX),
            lock=sibling_path(out, LOCK_SUFFIX),
        )


def part_file(parts_dir: Path, index: int, *, errors: bool = False) -> Path:
    """Path of part ``index``'s articles (or errors) file."""
    suffix = ERRORS_SUFFIX if errors else OUTPUT_SUFFIX
    return parts_dir / f"{index:0{PART_NAME_DIGITS}d}{suffix}"


def write_part(
    parts_dir: Path, meta: PartMeta, article_lines: Sequence[str], error_lines: Sequence[str]
) -> None:
    """Commit one part's two files atomically; safe to call from any worker that sees ``parts_dir``.

    The part only counts once the manifest lists it (see ``PartStore.record``), so a crash
    between these writes and the manifest update just means the part is redone.
    """
    atomic_write_bytes(part_file(parts_dir, meta.index), "".join(article_lines).encode("utf-8"))
    atomic_write_bytes(part_file(parts_dir, meta.index, errors=True), "".join(error_lines).encode("utf-8"))


class OutputLockedError(RuntimeError):
    """Another run is writing the same output."""


@contextmanager
def output_lock(paths: OutputPaths) -> Iterator[None]:
    """Hold ``OUT.lock`` for the whole run, so a second run on the same output is refused instead of mixing parts.

    An advisory ``flock``: the kernel releases it when the process ends, however it ends (kill -9 too), so a
    crashed run never leaves a stale lock behind and ``--resume`` can always take over. The lock file is left in
    place: removing it would let two later runs lock two different files.
    """
    paths.lock.parent.mkdir(parents=True, exist_ok=True)
    handle = paths.lock.open("a+b")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            handle.seek(0)
            holder = handle.read().decode("utf-8", "replace").strip() or "unknown"
            raise OutputLockedError(
                f"another newspipe run (pid {holder}) is writing {paths.output}; wait for it to finish, "
                f"or give this run another --output"
            ) from err
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        yield
    finally:
        handle.close()


class ResumeError(RuntimeError):
    """The parts directory does not fit the requested run (exists without --resume, or other job)."""


class PartStore:
    """The parts directory of one run: the job description, the manifest and the committed parts."""

    def __init__(self, paths: OutputPaths, *, job: Mapping[str, Any], resume: bool) -> None:
        """Open (``resume``) or create the parts directory for the job described by ``job``.

        ``job`` is a JSON-able description of the command (inputs, settings, part size); a
        resumed run must describe the same job, or its parts would not fit together.
        """
        self.paths = paths
        self.job = dict(job)
        self.parts: dict[int, PartMeta] = {}
        manifest = paths.parts / MANIFEST_NAME
        if paths.parts.exists() and not resume:
            raise ResumeError(
                f"{paths.parts} holds the parts of an unfinished run; add --resume to finish it, "
                f"or remove {paths.parts} to start again"
            )
        if resume and manifest.exists():
            self._load(manifest)
        else:
            paths.parts.mkdir(parents=True, exist_ok=True)
            self._save()

    def _load(self, manifest: Path) -> None:
        """Read the manifest, keeping its whole lines only (a crash can tear the last one)."""
        entries = []
        for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True):
            if not line.endswith("\n"):
                break
            try:
                entries.append(json.loads(line))
            except ValueError:
                break
        job = entries[0].get("job", {}) if entries else {}
        if job != self.job:
            differing = sorted(key for key in set(self.job) | set(job) if job.get(key) != self.job.get(key))
            raise ResumeError(
                f"{self.paths.parts} was made by a different command ({', '.join(differing)} differ); "
                f"rerun the original command with --resume, or remove {self.paths.parts} to start again"
            )
        self.parts = {entry["index"]: PartMeta(**entry) for entry in entries[1:]}
        self._save()

    def _save(self) -> None:
        """Rewrite the whole manifest atomically: the job line, then one line per committed part."""
        lines = [json.dumps({"format": MANIFEST_FORMAT, "job": self.job}, sort_keys=True) + "\n"]
        lines.extend(
            json.dumps(asdict(self.parts[index]), sort_keys=True) + "\n" for index in sorted(self.parts)
        )
        atomic_write_bytes(self.paths.parts / MANIFEST_NAME, "".join(lines).encode("utf-8"))

    def is_committed(self, index: int) -> bool:
        return index in self.parts

    def record(self, meta: PartMeta) -> None:
        """Append a part whose files are written to the manifest: the commit point of the part.

        Appending keeps the cost per part constant on huge inputs; a line torn by a crash is
        dropped (and that part redone) when the manifest is loaded.
        """
        self.parts[meta.index] = meta
        line = json.dumps(asdict(meta), sort_keys=True) + "\n"
        with (self.paths.parts / MANIFEST_NAME).open("ab") as handle:
            handle.write(line.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())

    def summary(self) -> RunSummary:
        """Totals over the committed parts (read == written + rejected + failed by construction)."""
        events: Counter[str] = Counter()
        for meta in self.parts.values():
            events.update(meta.events)
        written = sum(meta.written for meta in self.parts.values())
        rejected = sum(meta.rejected for meta in self.parts.values())
        failed = sum(meta.failed for meta in self.parts.values())
        return RunSummary(
            read=written + rejected + failed,
            written=written,
            rejected=rejected,
            failed=failed,
            warnings=sum(meta.warnings for meta in self.parts.values()),
            events=dict(sorted(events.items())),
        )

    def finish(self, *, part_count: int) -> RunSummary:
        """Assemble the final files from parts ``0 .. part_count - 1`` and remove the parts.

        Raises ``ResumeError`` if a part is missing (the input changed under a resumed run).
        """
        missing = [index for index in range(part_count) if index not in self.parts]
        if missing or len(self.parts) != part_count:
            raise ResumeError(
                f"{self.paths.parts} does not match the input (parts missing: {missing[:5]}, "
                f"committed: {len(self.parts)}, expected: {part_count}); did the input change? "
                f"remove {self.paths.parts} and run again"
            )
        order = range(part_count)
        atomic_concat(self.paths.output, (part_file(self.paths.parts, index) for index in order))
        atomic_concat(self.paths.errors, (part_file(self.paths.parts, index, errors=True) for index in order))
        summary = self.summary()
        atomic_write_bytes(self.paths.summary, (summary.model_dump_json(indent=2) + "\n").encode("utf-8"))
        shutil.rmtree(self.paths.parts)
        return summary
