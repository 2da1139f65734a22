"""The KB's DuckDB store: the schema, and streaming ``newspipe run`` records into it, one article at a time.

The raw tables hold each article's own contribution (its entities, events and role fillers), keyed by the
article id: loading an article that is already there first deletes what it contributed, so loading the same
input twice, or in two batches, leaves the same raw tables. Everything else (KB entities, KB events) is derived
from the raw tables in one deterministic pass after each build.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import jsonlines
from pydantic import ValidationError

from models import ArticleRecord, Money
from pipeline.kb.keys import KB_TYPES, family_of, is_qid, name_key
from pipeline.settings import DEFAULT_KB_SETTINGS, KBSettings

#: Raw tables, their columns and DuckDB types, in the order rows are written.
RAW_TABLES: dict[str, dict[str, str]] = {
    "articles": {"article_id": "VARCHAR", "published": "VARCHAR", "title": "VARCHAR", "source": "VARCHAR"},
    "article_entities": {
        "article_id": "VARCHAR",
        "local_id": "VARCHAR",
        "type": "VARCHAR",
        "family": "VARCHAR",
        "name": "VARCHAR",
        "key": "VARCHAR",
        "aliases": "VARCHAR[]",
        "gaz_id": "VARCHAR",
        "qid": "VARCHAR",
    },
    "article_events": {
        "article_id": "VARCHAR",
        "event_id": "VARCHAR",
        "type": "VARCHAR",
        "status": "VARCHAR",
        "date": "VARCHAR",
        "published": "VARCHAR",
        "confidence": "DOUBLE",
        "amount_value": "DOUBLE",
        "amount_currency": "VARCHAR",
        "amount_usd": "DOUBLE",
        "evidence": "VARCHAR",
    },
    "event_roles": {
        "article_id": "VARCHAR",
        "event_id": "VARCHAR",
        "role": "VARCHAR",
        "position": "INTEGER",
        "local_id": "VARCHAR",
    },
}
#: Derived tables, rebuilt by every build (``entity_map``/``event_map`` of the previous build feed redirects).
DERIVED_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_map (article_id VARCHAR, local_id VARCHAR, entity_id VARCHAR);
CREATE TABLE IF NOT EXISTS kb_entities (
    id VARCHAR, type VARCHAR, name VARCHAR, aliases VARCHAR[], kb_id VARCHAR, wikidata VARCHAR,
    wikidata_source VARCHAR, articles INTEGER);
CREATE TABLE IF NOT EXISTS event_map (article_id VARCHAR, event_id VARCHAR, kb_event_id VARCHAR);
CREATE TABLE IF NOT EXISTS kb_event_links (event_id VARCHAR, relation VARCHAR, other_id VARCHAR);
CREATE TABLE IF NOT EXISTS redirects (old_id VARCHAR, new_id VARCHAR, kind VARCHAR);
"""


class KBInputError(ValueError):
    """A record that cannot go into the KB; the message names the file, the line and the id."""


@dataclass(frozen=True)
class LoadSummary:
    """What one ``load`` read: records (lines) written to the store (a repeated id replaces the earlier one)."""

    records: int


def connect(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open (or create) the KB at ``path`` with every table in place; one thread keeps row order reproducible."""
    con = duckdb.connect(str(path))
    con.execute("SET threads = 1")
    con.execute("SET preserve_insertion_order = true")
    for table, columns in RAW_TABLES.items():
        cols = ", ".join(f"{name} {kind}" for name, kind in columns.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
    con.execute(DERIVED_SCHEMA)
    return con


def usd_value(money: Money | None, settings: KBSettings) -> float | None:
    """The amount in US dollars at the settings' rough rate, only to compare amounts; None for unknown currencies."""
    if money is None:
        return None
    rate = dict(settings.usd_rates).get(money.currency)
    return None if rate is None else money.value * rate


def read_records(paths: Iterable[Path | str]) -> Iterator[tuple[str, int, ArticleRecord]]:
    """Every article record of the ``newspipe run`` outputs, with its file and line; bad lines raise KBInputError."""
    for path in paths:
        try:
            reader = jsonlines.open(path)
        except OSError as err:
            raise KBInputError(f"cannot read {path}: {err}") from err
        with reader:
            line = 0
            while True:
                line += 1
                try:
                    raw = reader.read(type=dict)
                except EOFError:
                    break
                except jsonlines.InvalidLineError as err:
                    raise KBInputError(
                        f"{path} line {line}: not a JSON object ({err}); give newspipe run output"
                    ) from err
                try:
                    record = ArticleRecord.model_validate(raw)
                except ValidationError as err:
                    first = err.errors()[0]
                    where = ".".join(str(part) for part in first["loc"])
                    raise KBInputError(
                        f"{path} line {line} (id {raw.get('id')!r}): not an article record of newspipe run: "
                        f"{where}: {first['msg']}"
                    ) from err
                yield str(path), line, record


def flatten(record: ArticleRecord, settings: KBSettings) -> dict[str, list[dict[str, Any]]]:
    """One article record as rows of the raw tables."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in RAW_TABLES}
    source = record.meta.get("source")
    rows["articles"].append(
        {
            "article_id": record.id,
            "published": record.published,
            "title": record.title,
            "source": json.dumps(source, sort_keys=True) if source is not None else None,
        }
    )
    money: dict[str, Money] = {}
    for ent in record.entities:
        if isinstance(ent.value, Money):
            money[ent.id] = ent.value
        family = family_of(ent.type, ent.name)
        if ent.type not in KB_TYPES or family is None:
            continue
        rows["article_entities"].append(
            {
                "article_id": record.id,
                "local_id": ent.id,
                "type": ent.type,
                "family": family,
                "name": ent.name,
                "key": name_key(ent.name, family=family),
                "aliases": list(ent.aliases),
                "gaz_id": ent.kb_id if ent.kb_id and not is_qid(ent.kb_id) else None,
                "qid": ent.kb_id if is_qid(ent.kb_id) else None,
            }
        )
    for event in record.events:
        amount_ids = event.roles.get("amount", [])
        amount = money.get(amount_ids[0]) if amount_ids else None
        rows["article_events"].append(
            {
                "article_id": record.id,
                "event_id": event.id,
                "type": event.type,
                "status": event.status,
                "date": event.date,
                "published": record.published,
                "confidence": event.confidence,
                "amount_value": amount.value if amount else None,
                "amount_currency": amount.currency if amount else None,
                "amount_usd": usd_value(amount, settings),
                "evidence": event.evidence[0].text if event.evidence else None,
            }
        )
        for role, ids in sorted(event.roles.items()):
            for position, local_id in enumerate(ids):
                rows["event_roles"].append(
                    {
                        "article_id": record.id,
                        "event_id": event.id,
                        "role": role,
                        "position": position,
                        "local_id": local_id,
                    }
                )
    return rows


def _write_chunk(con: duckdb.DuckDBPyConnection, chunk: dict[str, ArticleRecord], settings: KBSettings) -> None:
    """Replace the contribution of every article of ``chunk``: delete its rows, insert the new ones."""
    tables: dict[str, list[dict[str, Any]]] = {table: [] for table in RAW_TABLES}
    for record in chunk.values():
        for table, rows in flatten(record, settings).items():
            tables[table].extend(rows)
    with tempfile.TemporaryDirectory(prefix="newspipe-kb-") as tmp:
        con.execute("BEGIN TRANSACTION")
        try:
            ids_file = Path(tmp) / "ids.json"
            ids_file.write_text("\n".join(json.dumps({"article_id": i}) for i in chunk) + "\n", encoding="utf-8")
            for table in RAW_TABLES:
                con.execute(
                    f"DELETE FROM {table} WHERE article_id IN "
                    "(SELECT article_id FROM read_json(?, format='newline_delimited', "
                    "columns={'article_id': 'VARCHAR'}))",
                    [str(ids_file)],
                )
            for table, columns in RAW_TABLES.items():
                if not tables[table]:
                    continue
                data = Path(tmp) / f"{table}.json"
                with data.open("w", encoding="utf-8") as out:
                    for row in tables[table]:
                        out.write(json.dumps(row) + "\n")
                spec = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items()) + "}"
                con.execute(
                    f"INSERT INTO {table} SELECT {', '.join(columns)} FROM "
                    f"read_json(?, format='newline_delimited', columns={spec})",
                    [str(data)],
                )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


def load(
    con: duckdb.DuckDBPyConnection, paths: Iterable[Path | str], *, settings: KBSettings = DEFAULT_KB_SETTINGS
) -> LoadSummary:
    """Stream the records of ``paths`` into the raw tables in chunks; a later record of one id replaces an earlier."""
    chunk: dict[str, ArticleRecord] = {}
    records = 0
    for _path, _line, record in read_records(paths):
        records += 1
        chunk.pop(record.id, None)
        chunk[record.id] = record
        if len(chunk) >= settings.chunk_records:
            _write_chunk(con, chunk, settings)
            chunk = {}
    if chunk:
        _write_chunk(con, chunk, settings)
    return LoadSummary(records=records)
