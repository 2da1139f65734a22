"""Entities across articles: one KB entity per real-world organisation, regulator, court, law, person or place.

Three kinds of evidence join the names the articles use, applied in this order so the result does not depend on
the order articles arrived in:

1. a gazetteer id: every article entity the extractor resolved to ``reg:sec-us`` is that entry, whatever name it
   used, and the KB entity keeps the gazetteer id;
2. one normalised key (``pipeline.kb.keys.name_key``), then rapidfuzz ``ratio`` between keys of one block (same
   family, same first word), never for acronyms or very short names;
3. an alias tie: an article that calls one entity by two names ("Kellogg Brown & Root Inc." and "KBR") joins the
   two keys, unless that alias is tied to two different entities somewhere (an ambiguous acronym stays apart).

No step ever puts two different gazetteer ids in one entity. Memory grows with the number of distinct names, not
of articles: rows are streamed from the store.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
from rapidfuzz import fuzz, process

from pipeline.kb.keys import is_acronym, is_qid, name_key, stable_id
from pipeline.settings import DEFAULT_KB_SETTINGS, KBSettings

#: The gazetteer files whose entries (id, name, type, Wikidata id) the KB reads; read as data, not imported.
GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "data"
GAZETTEER_FILES = ("regulators.jsonl", "courts.jsonl", "laws.jsonl")
FETCH_ROWS = 10_000
_NUMBER = re.compile(r"\d+")

Node = tuple[str, str]  # ("gaz", gazetteer id) or (family, key)


class _Components:
    """Union-find whose components hold at most one gazetteer id each."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.gazetteer: dict[Node, str] = {}

    def add(self, node: Node) -> None:
        if node not in self.parent:
            self.parent[node] = node
            if node[0] == "gaz":
                self.gazetteer[node] = node[1]

    def find(self, node: Node) -> Node:
        self.add(node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: Node, b: Node) -> bool:
        """Join the components of a and b unless that would hold two gazetteer ids; returns whether joined."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        gaz_a, gaz_b = self.gazetteer.get(root_a), self.gazetteer.get(root_b)
        if gaz_a and gaz_b and gaz_a != gaz_b:
            return False
        low, high = sorted((root_a, root_b))
        self.parent[high] = low
        if gaz_a or gaz_b:
            self.gazetteer[low] = gaz_a or gaz_b or ""
        return True


def gazetteer_entries(directory: Path = GAZETTEER_DIR) -> list[dict[str, str | None]]:
    """Id, type, name and Wikidata id (only where the gazetteer states one) of every gazetteer entry."""
    entries: list[dict[str, str | None]] = []
    for name in GAZETTEER_FILES:
        path = directory / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    entry = json.loads(line)
                    qid = entry.get("kb_id")
                    entries.append(
                        {
                            "gaz_id": entry["id"],
                            "type": entry.get("type"),
                            "name": entry["name"],
                            "wikidata": qid if is_qid(qid) else None,
                            "wikidata_source": f"pipeline/data/{name}" if is_qid(qid) else None,
                        }
                    )
    return entries


def same_numbers(a: str, b: str) -> bool:
    """Names that differ in a number are different things ('Fund 1' / 'Fund 2', 'Title VII' is no number)."""
    return _NUMBER.findall(a) == _NUMBER.findall(b)


def fuzzy_pairs(keys: list[str], *, settings: KBSettings = DEFAULT_KB_SETTINGS) -> Iterator[tuple[str, str]]:
    """Pairs of keys of one block whose rapidfuzz ``ratio`` reaches the threshold (acronyms and short keys never,
    nor names whose numbers differ)."""
    usable = sorted(k for k in set(keys) if len(k) >= settings.fuzzy_min_length and not is_acronym(k.upper()))
    if len(usable) < 2:
        return
    if len(usable) > settings.max_block_size:
        sub: dict[str, list[str]] = defaultdict(list)
        for key in usable:
            words = key.split()
            sub[" ".join(words[:2])].append(key)
        if len(sub) == 1:  # cannot split further: compare neighbours in sorted order only
            for a, b in zip(usable, usable[1:], strict=False):
                if fuzz.ratio(a, b) >= settings.fuzzy_name_ratio and same_numbers(a, b):
                    yield a, b
            return
        for group in sub.values():
            yield from fuzzy_pairs(group, settings=settings)
        return
    scores = process.cdist(usable, usable, scorer=fuzz.ratio, score_cutoff=settings.fuzzy_name_ratio)
    for i, row in enumerate(scores):
        for j in range(i + 1, len(usable)):
            if row[j] and same_numbers(usable[i], usable[j]):
                yield usable[i], usable[j]


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[tuple]:
    cursor = con.execute(sql)
    while batch := cursor.fetchmany(FETCH_ROWS):
        yield from batch


def resolve(con: duckdb.DuckDBPyConnection, *, settings: KBSettings = DEFAULT_KB_SETTINGS) -> None:
    """Rebuild ``entity_map`` and ``kb_entities`` from the raw ``article_entities`` table."""
    components = _Components()
    gaz_edges: set[tuple[Node, Node]] = set()
    alias_ties: dict[Node, set[Node]] = defaultdict(set)  # alias node -> name nodes it is tied to
    names_by_block: dict[tuple[str, str], set[str]] = defaultdict(set)
    for family, key, aliases, gaz_id in _rows(
        con, "SELECT family, key, aliases, gaz_id FROM article_entities ORDER BY family, key, gaz_id"
    ):
        if not key:
            continue
        node: Node = (family, key)
        components.add(node)
        names_by_block[(family, key.split()[0])].add(key)
        if gaz_id:
            gaz_edges.add((("gaz", gaz_id), node))
        for alias in aliases or ():
            alias_key = name_key(alias, family=family)
            if alias_key and alias_key != key and len(alias_key) > 1:
                alias_ties[(family, alias_key)].add(node)
    # 1. gazetteer ids
    for gaz, node in sorted(gaz_edges):
        components.union(gaz, node)
    # 2. fuzzy keys inside blocks
    for (family, _first), keys in sorted(names_by_block.items()):
        for a, b in fuzzy_pairs(sorted(keys), settings=settings):
            components.union((family, a), (family, b))
    # 3. alias ties, only where the alias points to one entity (roots taken before any alias is joined)
    roots_of_alias = {alias: {components.find(n) for n in names} for alias, names in alias_ties.items()}
    for alias, roots in sorted(roots_of_alias.items()):
        if len(roots) == 1:
            components.union(alias, next(iter(roots)))
    _write(con, components)


def _entity_ids(components: _Components) -> dict[Node, str]:
    """KB id of every node: the gazetteer id where the component has one, else a hash of its smallest key."""
    members: dict[Node, list[Node]] = defaultdict(list)
    for node in components.parent:
        members[components.find(node)].append(node)
    ids: dict[Node, str] = {}
    for root, nodes in members.items():
        gaz = components.gazetteer.get(root)
        if gaz:
            kb_id = gaz
        else:
            family, key = min(n for n in nodes if n[0] != "gaz")
            kb_id = stable_id("ent", family, key)
        for node in nodes:
            ids[node] = kb_id
    return ids


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str], rows: Iterable[dict]) -> None:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
        path = out.name
    try:
        spec = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items()) + "}"
        con.execute(
            f"INSERT INTO {table} SELECT {', '.join(columns)} FROM "
            f"read_json(?, format='newline_delimited', columns={spec})",
            [path],
        )
    finally:
        Path(path).unlink()


def _write(con: duckdb.DuckDBPyConnection, components: _Components) -> None:
    ids = _entity_ids(components)
    con.execute("CREATE OR REPLACE TEMP TABLE node_ids (family VARCHAR, key VARCHAR, entity_id VARCHAR)")
    _insert_rows(
        con,
        "node_ids",
        {"family": "VARCHAR", "key": "VARCHAR", "entity_id": "VARCHAR"},
        ({"family": f, "key": k, "entity_id": i} for (f, k), i in sorted(ids.items()) if f != "gaz"),
    )
    columns = {
        "gaz_id": "VARCHAR",
        "type": "VARCHAR",
        "name": "VARCHAR",
        "wikidata": "VARCHAR",
        "wikidata_source": "VARCHAR",
    }
    con.execute("CREATE OR REPLACE TEMP TABLE gaz_info (" + ", ".join(f"{c} {t}" for c, t in columns.items()) + ")")
    _insert_rows(con, "gaz_info", columns, gazetteer_entries())
    con.execute("DELETE FROM entity_map")
    con.execute(
        """
        INSERT INTO entity_map
        SELECT a.article_id, a.local_id, COALESCE(a.gaz_id, n.entity_id)
        FROM article_entities a LEFT JOIN node_ids n ON a.family = n.family AND a.key = n.key
        WHERE COALESCE(a.gaz_id, n.entity_id) IS NOT NULL
        ORDER BY a.article_id, a.local_id
        """
    )
    con.execute("DELETE FROM kb_entities")
    con.execute(
        """
        INSERT INTO kb_entities
        WITH members AS (
            SELECT m.entity_id, a.* FROM entity_map m
            JOIN article_entities a USING (article_id, local_id)
        ),
        names AS (
            SELECT entity_id, name, count(*) AS n FROM members GROUP BY entity_id, name
        ),
        types AS (
            SELECT entity_id, type, count(*) AS n FROM members GROUP BY entity_id, type
        ),
        best_type AS (
            SELECT entity_id, first(type ORDER BY n DESC, type) AS type FROM types GROUP BY entity_id
        ),
        ranked_name AS (
            SELECT entity_id, first(name ORDER BY n DESC, length(name) DESC, name) AS name FROM names
            GROUP BY entity_id
        ),
        all_names AS (
            SELECT entity_id, name AS alias FROM members
            UNION SELECT entity_id, unnest(aliases) AS alias FROM members
        ),
        qids AS (
            SELECT entity_id, min(qid) AS qid FROM members WHERE qid IS NOT NULL GROUP BY entity_id
        ),
        counts AS (
            SELECT entity_id, count(DISTINCT article_id) AS articles FROM members GROUP BY entity_id
        )
        SELECT c.entity_id,
               COALESCE(g.type, t.type),
               COALESCE(g.name, r.name),
               list_sort(list_distinct(list(al.alias) FILTER (WHERE al.alias <> COALESCE(g.name, r.name)))),
               g.gaz_id,
               COALESCE(g.wikidata, q.qid),
               CASE WHEN g.wikidata IS NOT NULL THEN g.wikidata_source
                    WHEN q.qid IS NOT NULL THEN 'article record kb_id' END,
               c.articles
        FROM counts c
        JOIN best_type t USING (entity_id)
        JOIN ranked_name r USING (entity_id)
        JOIN all_names al USING (entity_id)
        LEFT JOIN gaz_info g ON g.gaz_id = c.entity_id
        LEFT JOIN qids q USING (entity_id)
        GROUP BY ALL
        ORDER BY c.entity_id
        """
    )
