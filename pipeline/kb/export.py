"""Export of the KB's events and entities to JSONL, Parquet, CSV and Turtle.

Every output is sorted by id and built only from the store's tables, so the same KB gives the same bytes.
JSONL and CSV are written here (``json``/``csv``); Parquet through DuckDB's ``COPY``; Turtle through rdflib.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from pipeline.kb.turtle import write_turtle
from pipeline.kb.views import iter_entities, iter_events, iter_redirects

#: Formats and the file suffix each writes.
FORMATS: dict[str, str] = {"jsonl": ".jsonl", "parquet": ".parquet", "csv": ".csv", "turtle": ".ttl"}
#: ``all`` is events and entities (one file each, or one graph); ``redirects`` (retired ids) is history, apart.
WHAT = ("events", "entities", "all", "redirects")


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(rows: Iterator[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(_dump(row) + "\n")
            count += 1
    return count


def write_csv(rows: Iterator[dict[str, Any]], path: Path) -> int:
    """One row per object; lists and dicts as JSON text in their cell."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer: csv.writer | None = None  # type: ignore[valid-type]
        for row in rows:
            if writer is None:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(list(row))
            writer.writerow(
                [_dump(v) if isinstance(v, dict | list) else ("" if v is None else v) for v in row.values()]  # type: ignore[arg-type]
            )
            count += 1
    return count


def write_parquet(con: duckdb.DuckDBPyConnection, rows: Iterator[dict[str, Any]], path: Path) -> int:
    """Through a JSONL file DuckDB reads back (nested fields become structs and lists) and COPYs to Parquet."""
    with tempfile.TemporaryDirectory(prefix="newspipe-kb-") as tmp:
        staged = Path(tmp) / "rows.jsonl"
        count = write_jsonl(rows, staged)
        if count == 0:
            staged.write_text('{"id": null}\n', encoding="utf-8")
        con.execute(
            f"COPY (SELECT * FROM read_json(?, format='newline_delimited', sample_size=-1) "
            f"{'WHERE false' if count == 0 else ''}) TO '{_quote(path)}' (FORMAT parquet, COMPRESSION zstd)",
            [str(staged)],
        )
    return count


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def export(con: duckdb.DuckDBPyConnection, *, what: str, fmt: str, output: Path | str) -> dict[str, int]:
    """Write the KB; ``what=all`` writes a folder (an events and an entities file), except for Turtle (one graph).

    Returns the number of objects written by kind.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {sorted(FORMATS)}")
    if what not in WHAT:
        raise ValueError(f"unknown --what {what!r}; choose one of {list(WHAT)}")
    output = Path(output)
    if fmt == "turtle":
        output.parent.mkdir(parents=True, exist_ok=True)
        return write_turtle(con, output, what=what)
    kinds = {
        "events": lambda: iter_events(con),
        "entities": lambda: iter_entities(con),
        "redirects": lambda: iter_redirects(con),
    }
    if what == "all":
        output.mkdir(parents=True, exist_ok=True)
        targets = {kind: output / f"{kind}{FORMATS[fmt]}" for kind in ("events", "entities")}
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        targets = {what: output}
    counts: dict[str, int] = {}
    for kind, target in targets.items():
        rows = kinds[kind]()
        if fmt == "jsonl":
            counts[kind] = write_jsonl(rows, target)
        elif fmt == "csv":
            counts[kind] = write_csv(rows, target)
        else:
            counts[kind] = write_parquet(con, rows, target)
    return counts
