"""Stable ids: a KB id keeps its meaning; when new evidence merges two entities or events, the old id redirects.

Ids are hashes of canonical keys (``keys.stable_id``), so they do not depend on the order articles arrived in.
Each build compares the article -> KB id maps before and after it: an id that no longer exists is redirected to
the id that now holds most of its former members (the smallest on a tie), or to null when all of them are gone.
An id that lives again loses its redirect; chains are followed, so a redirect always points to a live id.
"""

from __future__ import annotations

import duckdb

#: (kind, map table, KB id column, member key columns).
MAPS: tuple[tuple[str, str, str, str], ...] = (
    ("entity", "entity_map", "entity_id", "article_id, local_id"),
    ("event", "event_map", "kb_event_id", "article_id, event_id"),
)


def snapshot(con: duckdb.DuckDBPyConnection) -> None:
    """Keep the current maps (before a rebuild) in temporary tables ``prev_entity_map`` and ``prev_event_map``."""
    for _kind, table, _column, _members in MAPS:
        con.execute(f"CREATE OR REPLACE TEMP TABLE prev_{table} AS SELECT * FROM {table}")


def record_redirects(con: duckdb.DuckDBPyConnection) -> int:
    """Add the redirects of the ids the last rebuild retired; returns how many were added."""
    added = 0
    for kind, table, column, members in MAPS:
        before = con.execute("SELECT count(*) FROM redirects").fetchone()
        con.execute(
            f"""
            INSERT INTO redirects
            WITH gone AS (
                SELECT DISTINCT {column} AS old_id FROM prev_{table}
                WHERE {column} NOT IN (SELECT {column} FROM {table})
                  AND {column} NOT IN (SELECT old_id FROM redirects)
            ),
            votes AS (
                SELECT p.{column} AS old_id, n.{column} AS new_id, count(*) AS n
                FROM prev_{table} p JOIN {table} n USING ({members})
                WHERE p.{column} IN (SELECT old_id FROM gone)
                GROUP BY ALL
            ),
            best AS (
                SELECT old_id, first(new_id ORDER BY n DESC, new_id) AS new_id FROM votes GROUP BY old_id
            )
            SELECT g.old_id, b.new_id, ? FROM gone g LEFT JOIN best b USING (old_id) ORDER BY g.old_id
            """,
            [kind],
        )
        after = con.execute("SELECT count(*) FROM redirects").fetchone()
        added += (after[0] if after else 0) - (before[0] if before else 0)
        con.execute(f"DELETE FROM redirects WHERE kind = ? AND old_id IN (SELECT {column} FROM {table})", [kind])
    _follow_chains(con)
    return added


def _follow_chains(con: duckdb.DuckDBPyConnection) -> None:
    """Point every redirect at a live id: a -> b and b -> c become a -> c and b -> c."""
    while True:
        changed = con.execute(
            """
            UPDATE redirects AS r SET new_id = s.new_id FROM redirects s
            WHERE r.new_id = s.old_id AND r.kind = s.kind AND r.new_id IS DISTINCT FROM s.new_id
            """
        ).fetchone()
        if not changed or not changed[0]:
            return


def resolve_id(con: duckdb.DuckDBPyConnection, kb_id: str) -> str | None:
    """The live id an id stands for today: itself when live, its redirect target when retired, else None."""
    live = con.execute(
        "SELECT 1 FROM kb_entities WHERE id = ? UNION ALL SELECT 1 FROM event_map WHERE kb_event_id = ? LIMIT 1",
        [kb_id, kb_id],
    ).fetchone()
    if live:
        return kb_id
    target = con.execute("SELECT new_id FROM redirects WHERE old_id = ?", [kb_id]).fetchone()
    return target[0] if target else None
