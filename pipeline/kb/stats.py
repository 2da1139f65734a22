"""Counts of a KB: articles, entities, events by type, how much the merge folded, the largest clusters."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

#: How many of the largest clusters a summary lists.
LARGEST = 10


@dataclass(frozen=True)
class KBStats:
    """What ``newspipe kb stats`` prints."""

    articles: int
    entities: int
    article_events: int
    events: int
    events_by_type: dict[str, int] = field(default_factory=dict)
    redirects: int = 0
    largest: list[dict[str, object]] = field(default_factory=list)

    @property
    def merge_ratio(self) -> float:
        """Article events per KB event (1.0: nothing merged)."""
        return self.article_events / self.events if self.events else 0.0


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def compute(con: duckdb.DuckDBPyConnection, *, largest: int = LARGEST) -> KBStats:
    """The KB's counts, read from its tables."""
    by_type = dict(
        con.execute(
            "SELECT e.type, count(DISTINCT m.kb_event_id) FROM event_map m JOIN article_events e "
            "USING (article_id, event_id) GROUP BY e.type ORDER BY e.type"
        ).fetchall()
    )
    rows = con.execute(
        """
        SELECT m.kb_event_id, any_value(e.type), count(*) AS sources, count(DISTINCT e.article_id) AS articles
        FROM event_map m JOIN article_events e USING (article_id, event_id)
        GROUP BY m.kb_event_id ORDER BY sources DESC, m.kb_event_id LIMIT ?
        """,
        [largest],
    ).fetchall()
    return KBStats(
        articles=_count(con, "SELECT count(*) FROM articles"),
        entities=_count(con, "SELECT count(*) FROM kb_entities"),
        article_events=_count(con, "SELECT count(*) FROM event_map"),
        events=_count(con, "SELECT count(DISTINCT kb_event_id) FROM event_map"),
        events_by_type={str(k): int(v) for k, v in by_type.items()},
        redirects=_count(con, "SELECT count(*) FROM redirects"),
        largest=[{"id": r[0], "type": r[1], "sources": int(r[2]), "articles": int(r[3])} for r in rows],
    )


def render(stats: KBStats) -> str:
    """The stats as the lines the CLI prints."""
    lines = [
        f"articles {stats.articles}",
        f"entities {stats.entities}",
        f"events {stats.events} (from {stats.article_events} article events; merge ratio {stats.merge_ratio:.2f})",
        "events by type: " + (", ".join(f"{k} {v}" for k, v in stats.events_by_type.items()) or "none"),
        f"redirects {stats.redirects}",
        "largest clusters:",
    ]
    lines += [f"  {c['id']}  {c['type']}  {c['sources']} sources, {c['articles']} articles" for c in stats.largest]
    return "\n".join(lines)
