"""Events across articles: the article events that report one real-world action become one KB event.

Candidates share a block: the same type and the same anchor party (FINE/INVESTIGATION target, LAWSUIT
defendant else a non-government plaintiff, SETTLEMENT defendant else a non-government claimant). Inside a block
an event joins the first cluster (in a fixed order) it is compatible with, member by member (complete link, so
no chain of near-misses joins two actions):

- no two events of one article (the extractor already decided they are two actions);
- every party role both events fill shares at least one KB entity (two regulators fining one company, two
  plaintiffs suing one defendant stay apart);
- a fine's or settlement's amounts, converted to dollars, differ by at most the tolerance (a suit's damages may
  grow with an amended complaint, so lawsuits do not compare amounts);
- their dates (event date, else publication date) lie within the window.

Events with no anchor party stay alone. A settlement and the lawsuit of the same defendant in the window are
linked ("settles"), never merged.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

import duckdb

from pipeline.kb.keys import stable_id
from pipeline.settings import DEFAULT_KB_SETTINGS, KBSettings

#: Role of the anchor party, by event type, in order of preference.
ANCHOR_ROLES: dict[str, tuple[str, ...]] = {
    "FINE": ("target",),
    "INVESTIGATION": ("target",),
    "LAWSUIT": ("defendant", "plaintiff"),
    "SETTLEMENT": ("defendant", "claimant"),
}
#: Roles naming parties (compared between events); amounts, laws and courts are not parties (appeals change court).
PARTY_ROLES: dict[str, tuple[str, ...]] = {
    "FINE": ("authority", "target"),
    "INVESTIGATION": ("authority", "target"),
    "LAWSUIT": ("plaintiff", "defendant"),
    "SETTLEMENT": ("claimant", "defendant"),
}
#: Entity types that sue, fine and settle with many parties: a plaintiff or claimant of these types is no anchor
#: (the Justice Department's suits against a state and against a carmaker are not one suit).
GOVERNMENT_TYPES = frozenset({"REGULATOR", "PUBLIC_BODY", "GPE", "COURT"})
#: Types whose amounts must agree for two reports to be one action.
AMOUNT_TYPES = frozenset({"FINE", "SETTLEMENT"})
FETCH_ROWS = 10_000

#: One row per article event, with its KB parties and anchor, in block order.
EVENT_ROWS_SQL = """
WITH roles AS (
    SELECT r.article_id, r.event_id, r.role, r.position, m.entity_id, k.type AS entity_type
    FROM event_roles r JOIN entity_map m USING (article_id, local_id) JOIN kb_entities k ON k.id = m.entity_id
),
party AS (
    SELECT article_id, event_id, list(struct_pack(role := role, entity := entity_id) ORDER BY role, position)
        AS parties
    FROM roles GROUP BY article_id, event_id
),
anchor AS (
    SELECT e.article_id, e.event_id,
           CASE e.type WHEN 'LAWSUIT' THEN coalesce(
                    first(r.entity_id ORDER BY r.position) FILTER (WHERE r.role = 'defendant'),
                    first(r.entity_id ORDER BY r.position) FILTER (
                        WHERE r.role = 'plaintiff' AND r.entity_type NOT IN ({government})))
                WHEN 'SETTLEMENT' THEN coalesce(
                    first(r.entity_id ORDER BY r.position) FILTER (WHERE r.role = 'defendant'),
                    first(r.entity_id ORDER BY r.position) FILTER (
                        WHERE r.role = 'claimant' AND r.entity_type NOT IN ({government})))
                ELSE first(r.entity_id ORDER BY r.position) FILTER (WHERE r.role = 'target') END AS anchor
    FROM article_events e LEFT JOIN roles r USING (article_id, event_id)
    GROUP BY e.article_id, e.event_id, e.type
)
SELECT e.type, a.anchor, e.article_id, e.event_id, coalesce(e.date, e.published) AS ref_date,
       e.amount_usd, p.parties
FROM article_events e
JOIN anchor a USING (article_id, event_id)
LEFT JOIN party p USING (article_id, event_id)
ORDER BY e.type, a.anchor NULLS LAST, ref_date NULLS LAST, e.article_id, e.event_id
""".format(government=", ".join(f"'{t}'" for t in sorted(GOVERNMENT_TYPES)))


@dataclass
class ArticleEvent:
    """What the merge compares of one article event."""

    type: str
    anchor: str | None
    article_id: str
    event_id: str
    ref_date: str | None
    amount_usd: float | None
    parties: dict[str, frozenset[str]]


def day(value: str | None) -> date | None:
    """An ISO date prefix as a date ('2017-02' -> 2017-02-01, '1987' -> 1987-01-01); None stays None."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def compatible(a: ArticleEvent, b: ArticleEvent, *, settings: KBSettings = DEFAULT_KB_SETTINGS) -> bool:
    """Whether two article events of one block may report one action (see the module docstring)."""
    if a.article_id == b.article_id or a.type != b.type:
        return False
    for role in PARTY_ROLES[a.type]:
        mine, theirs = a.parties.get(role), b.parties.get(role)
        if mine and theirs and not mine & theirs:
            return False
    if a.type in AMOUNT_TYPES and a.amount_usd and b.amount_usd:
        if abs(a.amount_usd - b.amount_usd) > settings.amount_tolerance * max(a.amount_usd, b.amount_usd):
            return False
    day_a, day_b = day(a.ref_date), day(b.ref_date)
    if day_a and day_b and abs((day_a - day_b).days) > settings.event_window_days:
        return False
    return True


def cluster_block(
    events: list[ArticleEvent], *, settings: KBSettings = DEFAULT_KB_SETTINGS
) -> list[list[ArticleEvent]]:
    """Greedy complete-link clusters of one block's events, taken in the block's fixed order."""
    if not events or events[0].anchor is None:
        return [[event] for event in events]
    clusters: list[list[ArticleEvent]] = []
    for event in events:
        for cluster in clusters:
            if all(compatible(event, member, settings=settings) for member in cluster):
                cluster.append(event)
                break
        else:
            clusters.append([event])
    return clusters


def kb_event_id(cluster: list[ArticleEvent]) -> str:
    """The id of a KB event: a hash of its type and smallest (article id, event id)."""
    first = min((e.article_id, e.event_id) for e in cluster)
    return stable_id("ev", cluster[0].type, *first)


def _article_events(con: duckdb.DuckDBPyConnection) -> Iterator[ArticleEvent]:
    cursor = con.execute(EVENT_ROWS_SQL)
    while batch := cursor.fetchmany(FETCH_ROWS):
        for type_, anchor, article_id, event_id, ref_date, amount_usd, parties in batch:
            roles: dict[str, set[str]] = {}
            for party in parties or ():
                roles.setdefault(party["role"], set()).add(party["entity"])
            yield ArticleEvent(
                type=type_,
                anchor=anchor,
                article_id=article_id,
                event_id=event_id,
                ref_date=ref_date,
                amount_usd=amount_usd,
                parties={role: frozenset(ids) for role, ids in roles.items()},
            )


def merge(con: duckdb.DuckDBPyConnection, *, settings: KBSettings = DEFAULT_KB_SETTINGS) -> None:
    """Rebuild ``event_map`` (article event -> KB event) and ``kb_event_links`` from the store, block by block."""
    con.execute("DELETE FROM event_map")
    with tempfile.TemporaryDirectory(prefix="newspipe-kb-") as tmp:
        path = Path(tmp) / "event_map.json"
        with path.open("w", encoding="utf-8") as out:
            for _block, events in groupby(_article_events(con), key=lambda e: (e.type, e.anchor)):
                for cluster in cluster_block(list(events), settings=settings):
                    kb_id = kb_event_id(cluster)
                    for event in cluster:
                        row = {"article_id": event.article_id, "event_id": event.event_id, "kb_event_id": kb_id}
                        out.write(json.dumps(row) + "\n")
        con.execute(
            "INSERT INTO event_map SELECT article_id, event_id, kb_event_id FROM read_json(?, "
            "format='newline_delimited', columns={'article_id': 'VARCHAR', 'event_id': 'VARCHAR', "
            "'kb_event_id': 'VARCHAR'}) ORDER BY kb_event_id, article_id, event_id",
            [str(path)],
        )
    _link(con, settings=settings)


def _link(con: duckdb.DuckDBPyConnection, *, settings: KBSettings) -> None:
    """A SETTLEMENT and a LAWSUIT with the same defendant and dates in the window: 'settles' / 'settled_by'."""
    con.execute("DELETE FROM kb_event_links")
    con.execute(
        """
        INSERT INTO kb_event_links
        WITH defendants AS (
            SELECT DISTINCT em.kb_event_id, e.type, m.entity_id,
                   try_cast(rpad(coalesce(e.date, e.published), 10, '-01-01')[1:10] AS DATE) AS day
            FROM event_map em
            JOIN article_events e USING (article_id, event_id)
            JOIN event_roles r USING (article_id, event_id)
            JOIN entity_map m ON m.article_id = r.article_id AND m.local_id = r.local_id
            WHERE r.role = 'defendant' AND e.type IN ('LAWSUIT', 'SETTLEMENT')
        ),
        pairs AS (
            SELECT DISTINCT s.kb_event_id AS settlement, l.kb_event_id AS lawsuit
            FROM defendants s JOIN defendants l ON s.entity_id = l.entity_id
            WHERE s.type = 'SETTLEMENT' AND l.type = 'LAWSUIT'
              AND (s.day IS NULL OR l.day IS NULL OR abs(date_diff('day', l.day, s.day)) <= ?)
        )
        SELECT settlement, 'settles', lawsuit FROM pairs
        UNION ALL SELECT lawsuit, 'settled_by', settlement FROM pairs
        ORDER BY 1, 2, 3
        """,
        [settings.event_window_days],
    )
