"""The input record as the reader hands it to the rest of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Location:
    """Where a record came from: file (``-`` for stdin), 1-based line where the format has lines."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file} line {self.line}"


@dataclass(frozen=True)
class InputRecord:
    """One article to extract. ``published`` is already an ISO 8601 date prefix or None."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    location: Location = field(default_factory=lambda: Location("<memory>"))
