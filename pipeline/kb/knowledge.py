"""``KnowledgeBase``: a KB in a DuckDB file, built from ``newspipe run`` outputs, read as dicts or DataFrames."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pipeline.kb import entities as _entities
from pipeline.kb import events as _events
from pipeline.kb import ids as _ids
from pipeline.kb import stats as _stats
from pipeline.kb.export import export
from pipeline.kb.stats import KBStats
from pipeline.kb.store import connect, load
from pipeline.kb.views import iter_entities, iter_events, iter_redirects
from pipeline.settings import DEFAULT_KB_SETTINGS, KBSettings

if TYPE_CHECKING:
    import pandas


@dataclass(frozen=True)
class BuildSummary:
    """What one build did."""

    records: int
    articles: int
    entities: int
    events: int
    redirects_added: int


class KnowledgeBase:
    """A KB in a DuckDB file (created when missing). Use as a context manager, or call ``close``."""

    def __init__(self, path: Path | str, *, settings: KBSettings = DEFAULT_KB_SETTINGS) -> None:
        self.path = Path(path)
        self.settings = settings
        self.con = connect(self.path)

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def build(self, records: Iterable[Path | str]) -> BuildSummary:
        """Add ``newspipe run`` output files, then re-derive entities, events and redirects."""
        loaded = load(self.con, records, settings=self.settings)
        added = self.rebuild()
        stats = self.stats()
        return BuildSummary(
            records=loaded.records,
            articles=stats.articles,
            entities=stats.entities,
            events=stats.events,
            redirects_added=added,
        )

    def rebuild(self) -> int:
        """Re-derive entities and events from the stored articles; returns how many redirects it added."""
        _ids.snapshot(self.con)
        _entities.resolve(self.con, settings=self.settings)
        _events.merge(self.con, settings=self.settings)
        return _ids.record_redirects(self.con)

    def events(self) -> list[dict[str, Any]]:
        """Every KB event as a dict (the export's events lines)."""
        return list(iter_events(self.con))

    def entities(self) -> list[dict[str, Any]]:
        """Every KB entity as a dict (the export's entities lines)."""
        return list(iter_entities(self.con))

    def redirects(self) -> list[dict[str, Any]]:
        """Retired ids and the live id each stands for."""
        return list(iter_redirects(self.con))

    def resolve_id(self, kb_id: str) -> str | None:
        """The live id ``kb_id`` stands for (itself, its redirect target, or None when unknown or retired)."""
        return _ids.resolve_id(self.con, kb_id)

    def stats(self) -> KBStats:
        return _stats.compute(self.con)

    def export(self, *, what: str, fmt: str, output: Path | str) -> dict[str, int]:
        """Write events, entities or all of it as jsonl, parquet, csv or turtle (see ``export.export``)."""
        return export(self.con, what=what, fmt=fmt, output=output)

    def events_frame(self) -> pandas.DataFrame:
        """One row per KB event: id, type, status, date, anchor parties, amount, number of sources, confidence."""
        import pandas

        rows = []
        for event in iter_events(self.con):
            amount = event["amount"] or {}
            rows.append(
                {
                    "id": event["id"],
                    "type": event["type"],
                    "status": event["status"],
                    "date": event["date"],
                    **{
                        role: "; ".join(f["name"] for f in event["roles"].get(role, []))
                        for role in ("authority", "target", "plaintiff", "defendant", "claimant", "court")
                    },
                    "amount": amount.get("value"),
                    "currency": amount.get("currency"),
                    "sources": len(event["sources"]),
                    "first_published": min((s["published"] for s in event["sources"] if s["published"]), default=None),
                    "confidence": event["confidence"],
                }
            )
        return pandas.DataFrame(rows)

    def entities_frame(self) -> pandas.DataFrame:
        """One row per KB entity: id, type, name, aliases, gazetteer id, Wikidata id, articles."""
        import pandas

        return pandas.DataFrame(list(iter_entities(self.con)))

    def sources_frame(self, event_id: str) -> pandas.DataFrame:
        """The sources of one KB event (a retired id is followed to its live event): article, event, date, status."""
        import pandas

        live = self.resolve_id(event_id)
        for event in iter_events(self.con):
            if event["id"] == live:
                statuses = {(h["article"]): h["status"] for h in event["status_history"]}
                return pandas.DataFrame(
                    [{**source, "status": statuses.get(source["article"])} for source in event["sources"]]
                )
        raise KeyError(f"no KB event {event_id!r}")
