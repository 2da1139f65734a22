"""How well the KB merges article events into real-world actions, scored on gold cross-article clusters.

Gold (``tests/kb/gold/clusters.jsonl``) lists (article, event type, anchor party name, cluster, split). Each gold
item is matched to the article event of its type whose parties best match the anchor name (rapidfuzz
``token_set_ratio`` of the normalised names at or above ``KBSettings.eval_anchor_ratio``); an item without a
match counts as uncovered and as a cluster of its own. The merge is scored by B-cubed and pairwise
precision/recall/F1 over the items of one split; coverage is the share of items matched. Two baselines score the
same matched events with other merges: lemma-only (same event type, i.e. the trigger's lemma class, is one
action) and exact-signature (GDELT's de-duplication: the same type, the same party names as written, the same
amount and the same date).
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from pipeline.kb.keys import fold, name_key
from pipeline.kb.knowledge import KnowledgeBase
from pipeline.settings import DEFAULT_KB_SETTINGS, KBSettings

GOLD_FIELDS = ("article", "corpus", "cluster", "type", "anchor", "split")
METHODS = ("kb", "lemma-only", "exact-signature")
SPLITS = ("tune", "test")


@dataclass(frozen=True)
class GoldItem:
    """One article's report of one real-world action."""

    article: str
    corpus: str
    cluster: str
    type: str
    anchor: str
    split: str


@dataclass(frozen=True)
class MergeScores:
    """B-cubed and pairwise precision/recall/F1 of one merge over one split, with coverage."""

    items: int
    covered: int
    bcubed: tuple[float, float, float]
    pairwise: tuple[float, float, float]
    #: B-cubed over the covered items only: the merge itself, with the extractor's misses left out.
    covered_bcubed: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @property
    def coverage(self) -> float:
        return self.covered / self.items if self.items else 0.0


@dataclass(frozen=True)
class KBScores:
    """Scores by split, then by method (``kb``, ``lemma-only``, ``exact-signature``)."""

    splits: dict[str, dict[str, MergeScores]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            split: {
                method: {
                    "items": s.items,
                    "covered": s.covered,
                    "coverage": round(s.coverage, 4),
                    "bcubed": dict(zip(("p", "r", "f1"), (round(x, 4) for x in s.bcubed), strict=True)),
                    "pairwise": dict(zip(("p", "r", "f1"), (round(x, 4) for x in s.pairwise), strict=True)),
                    "covered_bcubed": dict(zip(("p", "r", "f1"), (round(x, 4) for x in s.covered_bcubed), strict=True)),
                }
                for method, s in methods.items()
            }
            for split, methods in self.splits.items()
        }


def read_gold(path: Path | str) -> list[GoldItem]:
    """The gold items of a clusters file; a bad line raises ValueError naming file and line."""
    items: list[GoldItem] = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                items.append(GoldItem(**{name: str(row[name]) for name in GOLD_FIELDS}))
            except (ValueError, KeyError, TypeError) as err:
                raise ValueError(f"{path} line {number}: not a gold cluster line ({err})") from err
    return items


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of predicted cluster labels against gold labels (one per item)."""
    if not gold:
        return 0.0, 0.0, 0.0
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, pred, strict=True):
        both = len(by_gold[g] & by_pred[p])
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of items put together (1.0 where there is nothing to get wrong)."""
    tp = fp = fn = 0
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            same_gold, same_pred = gold[i] == gold[j], pred[i] == pred[j]
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, _f1(precision, recall)


MATCH_SQL = """
SELECT e.article_id, e.event_id, e.type, coalesce(e.date, e.published) AS day, e.amount_value, e.amount_currency,
       em.kb_event_id,
       list(struct_pack(role := r.role, name := a.name, aliases := a.aliases) ORDER BY r.role, r.position)
           FILTER (WHERE a.name IS NOT NULL) AS fillers
FROM article_events e
JOIN event_map em USING (article_id, event_id)
LEFT JOIN event_roles r USING (article_id, event_id)
LEFT JOIN article_entities a ON a.article_id = r.article_id AND a.local_id = r.local_id
GROUP BY ALL
ORDER BY e.article_id, e.event_id
"""


def _anchor_score(anchor: str, fillers: list[dict[str, Any]]) -> float:
    key = name_key(anchor)
    best = 0.0
    for filler in fillers:
        for name in [filler["name"], *(filler["aliases"] or [])]:
            best = max(best, fuzz.token_set_ratio(key, name_key(name)))
    return best


def _signature(event: dict[str, Any]) -> str:
    """GDELT-style exact tuple: type, party names as written (case-folded), amount and date."""
    parties = sorted((f["role"], fold(f["name"])) for f in event["fillers"] if f["role"] not in ("amount", "law"))
    return json.dumps([event["type"], parties, event["amount_value"], event["amount_currency"], event["day"]])


def score_store(con: Any, gold: list[GoldItem], *, settings: KBSettings = DEFAULT_KB_SETTINGS) -> KBScores:
    """Score the merge held in an open KB store against the gold items."""
    wanted = {item.article for item in gold}
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in con.execute(MATCH_SQL).fetchall():
        if row[0] in wanted:
            names = ("article_id", "event_id", "type", "day", "amount_value", "amount_currency", "kb_event_id")
            event = dict(zip(names, row[:7], strict=True))
            event["fillers"] = row[7] or []
            by_article[row[0]].append(event)
    methods: dict[str, Callable[[dict[str, Any]], str]] = {
        "kb": lambda e: str(e["kb_event_id"]),
        "lemma-only": lambda e: str(e["type"]),
        "exact-signature": _signature,
    }
    splits: dict[str, dict[str, MergeScores]] = {}
    for split in SPLITS:
        items = [item for item in gold if item.split == split]
        matched: list[dict[str, Any] | None] = []
        for item in items:
            scored = [
                (_anchor_score(item.anchor, e["fillers"]), e)
                for e in by_article.get(item.article, [])
                if e["type"] == item.type
            ]
            scored = [(s, e) for s, e in scored if s >= settings.eval_anchor_ratio]
            scored.sort(key=lambda pair: (-pair[0], pair[1]["event_id"]))
            matched.append(scored[0][1] if scored else None)
        gold_labels = [item.cluster for item in items]
        covered = sum(event is not None for event in matched)
        splits[split] = {}
        for method, label in methods.items():
            pred = [label(e) if e is not None else f"uncovered:{i}" for i, e in enumerate(matched)]
            kept = [i for i, e in enumerate(matched) if e is not None]
            splits[split][method] = MergeScores(
                items=len(items),
                covered=covered,
                bcubed=bcubed(gold_labels, pred),
                pairwise=pairwise(gold_labels, pred),
                covered_bcubed=bcubed([gold_labels[i] for i in kept], [pred[i] for i in kept]),
            )
    return KBScores(splits=splits)


def evaluate_records(
    gold: list[GoldItem], records: Iterable[Path | str], *, settings: KBSettings = DEFAULT_KB_SETTINGS
) -> KBScores:
    """Build a throwaway KB from ``newspipe run`` outputs and score its merge against ``gold``."""
    with tempfile.TemporaryDirectory(prefix="newspipe-kb-eval-") as tmp:
        with KnowledgeBase(Path(tmp) / "kb.duckdb", settings=settings) as kb:
            kb.build(records)
            return score_store(kb.con, gold, settings=settings)


def render_scores(scores: KBScores) -> str:
    """A table: one line per split and method with B-cubed, pairwise and coverage."""
    lines = [
        f"{'split':<6} {'merge':<16} {'items':>5} {'cover':>6}  {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}  "
        f"{'pair P':>6} {'pair R':>6} {'pair F1':>7}  {'covered-only B3 P/R/F1':>22}"
    ]
    for split, methods in scores.splits.items():
        for method, s in methods.items():
            lines.append(
                f"{split:<6} {method:<16} {s.items:>5} {s.coverage:>6.3f}  "
                f"{s.bcubed[0]:>6.3f} {s.bcubed[1]:>6.3f} {s.bcubed[2]:>6.3f}  "
                f"{s.pairwise[0]:>6.3f} {s.pairwise[1]:>6.3f} {s.pairwise[2]:>7.3f}  "
                f"{s.covered_bcubed[0]:>6.3f} {s.covered_bcubed[1]:>6.3f} {s.covered_bcubed[2]:>6.3f}"
            )
    return "\n".join(lines)
