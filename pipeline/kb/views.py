"""The KB's events, entities and redirects as plain dicts, read from the store in id order.

These are the lines of the export and the rows of the notebook's DataFrames: an event gathers its sources
(article, event, publication date, evidence), its status history, its parties by role and a combined confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

import duckdb

#: Decimals kept of a combined confidence.
CONFIDENCE_DIGITS = 4
FETCH_ROWS = 10_000

SOURCE_ROWS_SQL = """
WITH roles AS (
    SELECT r.article_id, r.event_id,
           list(struct_pack(role := r.role, entity := k.id, name := k.name) ORDER BY r.role, r.position) AS roles
    FROM event_roles r
    JOIN entity_map m ON m.article_id = r.article_id AND m.local_id = r.local_id
    JOIN kb_entities k ON k.id = m.entity_id
    GROUP BY r.article_id, r.event_id
)
SELECT em.kb_event_id, e.type, e.article_id, e.event_id, e.published, e.date, e.status, e.confidence,
       e.amount_value, e.amount_currency, e.evidence, r.roles
FROM event_map em
JOIN article_events e USING (article_id, event_id)
LEFT JOIN roles r USING (article_id, event_id)
ORDER BY em.kb_event_id, coalesce(e.published, ''), e.article_id, e.event_id
"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Iterator[tuple]:
    cursor = con.execute(sql, params or [])
    while batch := cursor.fetchmany(FETCH_ROWS):
        yield from batch


def combined_confidence(values: list[float]) -> float:
    """Noisy-or of the sources' confidences: independent reports of one action make it surer."""
    doubt = 1.0
    for value in values:
        doubt *= 1.0 - value
    return round(1.0 - doubt, CONFIDENCE_DIGITS)


def _links(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, str]]]:
    links: dict[str, list[dict[str, str]]] = {}
    for event_id, relation, other in con.execute(
        "SELECT event_id, relation, other_id FROM kb_event_links ORDER BY 1, 2, 3"
    ).fetchall():
        links.setdefault(event_id, []).append({"relation": relation, "event": other})
    return links


def iter_events(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """Every KB event as a dict (the export's events line), in id order."""
    links = _links(con)
    for kb_id, group in groupby(_rows(con, SOURCE_ROWS_SQL), key=lambda row: row[0]):
        sources = list(group)  # ordered by publication date, article, event
        roles: dict[str, dict[str, str]] = {}
        for row in sources:
            for filler in row[11] or ():
                roles.setdefault(filler["role"], {})[filler["entity"]] = filler["name"]
        history = [{"status": row[6], "published": row[4], "article": row[2]} for row in sources if row[6]]
        dates = sorted(row[5] for row in sources if row[5])
        amounts = [row for row in sources if row[8] is not None]
        yield {
            "id": kb_id,
            "type": sources[0][1],
            "status": history[-1]["status"] if history else None,
            "status_history": history,
            "date": dates[0] if dates else None,
            "roles": {
                role: [{"entity": entity, "name": name} for entity, name in sorted(fillers.items())]
                for role, fillers in sorted(roles.items())
            },
            "amount": {"value": amounts[-1][8], "currency": amounts[-1][9]} if amounts else None,
            "sources": [
                {"article": row[2], "event": row[3], "published": row[4], "evidence": row[10]} for row in sources
            ],
            "confidence": combined_confidence([row[7] for row in sources]),
            "related": links.get(kb_id, []),
        }


def iter_entities(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """Every KB entity as a dict (the export's entities line), in id order."""
    for kb_id, type_, name, aliases, gaz_id, wikidata, wikidata_source, articles in _rows(
        con,
        "SELECT id, type, name, aliases, kb_id, wikidata, wikidata_source, articles FROM kb_entities ORDER BY id",
    ):
        yield {
            "id": kb_id,
            "type": type_,
            "name": name,
            "aliases": list(aliases or []),
            "kb_id": gaz_id,
            "wikidata": wikidata,
            "wikidata_source": wikidata_source,
            "articles": articles,
        }


def iter_redirects(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """Every retired id with the live id it now stands for (null when all its members are gone)."""
    for old_id, new_id, kind in _rows(con, "SELECT old_id, new_id, kind FROM redirects ORDER BY old_id"):
        yield {"id": old_id, "redirect": new_id, "kind": kind}
