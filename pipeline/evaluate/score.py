"""Score predicted enforcement events against gold annotations.

Implements the metrics of the annotation guidelines (``devset/GUIDELINES.md``) with the same semantics as
the reference scorer ``devset/score.py``: matching is by names, not offsets. An entity matches a gold value
when one of its surface forms equals a gold alias after normalisation, or when the content words of one are
contained in the other's (and the smaller side has a non-generic word); money matches on currency and a
value within 0.5%. Events are paired greedily, one-to-one, gold by gold, with the unused prediction of the
same type whose anchor role matches and which shares the most role values.

Beyond the reference figures, the report lists per document what was missed and what was invented, for
error analysis. Name and money matching live in :mod:`pipeline.evaluate.match`; the report model and its text
rendering in :mod:`pipeline.evaluate.report`; the command line is ``newspipe evaluate`` (:mod:`pipeline.cli`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import jsonlines

from pipeline.evaluate.match import greedy_pairs, money_match, value_matches
from pipeline.evaluate.report import AttributeMiss, DocReport, EvalReport, EventBrief, Scores

ENTITY_TYPES: tuple[str, ...] = ("ORG", "REGULATOR", "MONEY", "LAW")

#: Roles that identify an event; a prediction pairs with a gold event only when one of them matches.
ANCHOR_ROLES: dict[str, tuple[str, ...]] = {
    "FINE": ("target",),
    "LAWSUIT": ("defendant", "plaintiff"),
    "SETTLEMENT": ("defendant", "claimant"),
    "INVESTIGATION": ("target",),
}
#: Role used to pair events whose gold anchor roles are all empty.
FALLBACK_ROLE = "amount"
#: Decimal places of the reported precision, recall, F1 and accuracies (as score.py rounds them).
ROUND_DIGITS = 4


class EvalInputError(ValueError):
    """A gold or prediction file that cannot be read; the message names the file and line."""


# ------------------------------------------------------------------------------------------- event scoring


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> Scores:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rnd = ROUND_DIGITS
        return Scores(p=round(p, rnd), r=round(r, rnd), f1=round(f1, rnd), tp=self.tp, fp=self.fp, fn=self.fn)


def _total(counts: Iterable[_Counts]) -> _Counts:
    total = _Counts()
    for count in counts:
        total.add(count.tp, count.fp, count.fn)
    return total


@dataclass
class _Totals:
    entities: defaultdict[str, _Counts]
    events: defaultdict[str, _Counts]
    roles: defaultdict[tuple[str, str], _Counts]
    status: list[int]  # [gold events with a status, correct]
    date: list[int]

    @classmethod
    def empty(cls) -> _Totals:
        return cls(defaultdict(_Counts), defaultdict(_Counts), defaultdict(_Counts), [0, 0], [0, 0])


def _role_fillers(
    event: dict[str, Any], role: str, entities: dict[Any, dict[str, Any]]
) -> list[dict[str, Any]]:
    """The predicted entities of one role; ids that name no entity are ignored."""
    ids = (event.get("roles") or {}).get(role) or []
    return [entities[i] for i in ids if isinstance(i, str | int) and i in entities]


def _role_counts(
    pred: dict[str, Any], gold: dict[str, Any], entities: dict[Any, dict[str, Any]]
) -> dict[str, tuple[int, int, int]]:
    """Role -> (tp, fp, fn) for a paired prediction and gold event."""
    gold_roles, pred_roles = gold.get("roles") or {}, pred.get("roles") or {}
    out: dict[str, tuple[int, int, int]] = {}
    for role in set(gold_roles) | set(pred_roles):
        golds = [value for value in gold_roles.get(role) or [] if value]
        fillers = _role_fillers(pred, role, entities)
        hits = len(greedy_pairs(fillers, golds, value_matches))
        out[role] = (hits, len(fillers) - hits, len(golds) - hits)
    return out


def anchor_matches(pred: dict[str, Any], gold: dict[str, Any], entities: dict[Any, dict[str, Any]]) -> bool:
    """Whether a prediction names the gold event's core party (or, lacking one in gold, its amount)."""
    gold_roles = gold.get("roles") or {}
    anchors = ANCHOR_ROLES.get(gold["type"], ())
    for role in anchors:
        golds = gold_roles.get(role) or []
        if golds and greedy_pairs(_role_fillers(pred, role, entities), golds, value_matches):
            return True
    if any(gold_roles.get(role) for role in anchors):
        return False
    golds = gold_roles.get(FALLBACK_ROLE) or []
    return bool(golds) and bool(
        greedy_pairs(_role_fillers(pred, FALLBACK_ROLE, entities), golds, value_matches)
    )


def describe_value(value: Any) -> str:
    """A gold value as text: money as '887,000,000 USD', names as written."""
    if isinstance(value, dict):
        amount = value.get("value")
        shown = f"{amount:,.0f}" if isinstance(amount, int | float) and float(amount).is_integer() else amount
        return f"{shown} {value.get('currency', '?')}"
    return str(value)


def _describe_entity(entity: dict[str, Any]) -> str:
    if isinstance(entity.get("value"), dict):
        return describe_value(entity["value"])
    return str(entity.get("name") or entity.get("id") or "?")


def _gold_brief(event: dict[str, Any]) -> EventBrief:
    roles = {
        role: [describe_value(v) for v in values if v] for role, values in (event.get("roles") or {}).items()
    }
    return EventBrief(
        type=str(event.get("type")),
        roles={role: names for role, names in roles.items() if names},
        status=event.get("status"),
        date=event.get("date"),
    )


def _pred_brief(event: dict[str, Any], entities: dict[Any, dict[str, Any]]) -> EventBrief:
    roles: dict[str, list[str]] = {}
    for role, ids in (event.get("roles") or {}).items():
        names = [
            _describe_entity(entities[i])
            if isinstance(i, str | int) and i in entities
            else f"<unknown id {i}>"
            for i in ids or []
        ]
        if names:
            roles[role] = names
    status, date = event.get("status"), event.get("date")
    return EventBrief(
        type=str(event.get("type", "?")),
        roles=roles,
        status=None if status is None else str(status),
        date=None if date is None else str(date),
    )


def _score_entities(gold: dict[str, Any], pred: dict[str, Any], totals: _Totals, doc: DocReport) -> None:
    pred_entities = [e for e in pred.get("entities") or [] if isinstance(e, dict)]
    for etype in ENTITY_TYPES:
        golds = list((gold.get("entities") or {}).get(etype) or [])
        preds = [e for e in pred_entities if e.get("type") == etype]
        if etype == "MONEY":  # one entity per distinct amount
            seen: list[Any] = []
            distinct = []
            for entity in preds:
                if not any(money_match(entity.get("value"), amount) for amount in seen):
                    seen.append(entity.get("value"))
                    distinct.append(entity)
            preds = distinct
        pairs = greedy_pairs(preds, golds, value_matches)
        totals.entities[etype].add(len(pairs), len(preds) - len(pairs), len(golds) - len(pairs))
        doc.entities[etype] = (len(pairs), len(preds), len(golds))
        missed = [describe_value(g) for i, g in enumerate(golds) if i not in pairs]
        matched_preds = set(pairs.values())
        spurious = [_describe_entity(e) for i, e in enumerate(preds) if i not in matched_preds]
        if missed:
            doc.missed_entities[etype] = missed
        if spurious:
            doc.spurious_entities[etype] = spurious


def pair_events(
    preds: list[dict[str, Any]], golds: list[dict[str, Any]], entities: dict[Any, dict[str, Any]]
) -> dict[int, int]:
    """Gold event index -> the predicted event it is matched to (greedy, gold in order): the unused prediction
    of the same type whose anchor matches and that fills most gold role values."""
    pairs: dict[int, int] = {}
    for gold_index, g in enumerate(golds):
        best, best_hits = None, -1
        for index, p in enumerate(preds):
            if index in pairs.values() or p.get("type") != g["type"] or not anchor_matches(p, g, entities):
                continue
            hits = sum(tp for tp, _, _ in _role_counts(p, g, entities).values())
            if hits > best_hits:
                best, best_hits = index, hits
        if best is not None:
            pairs[gold_index] = best
    return pairs


def score_document(gold: dict[str, Any], pred: dict[str, Any] | None, totals: _Totals) -> DocReport:
    """Score one document, adding its counts to ``totals``; ``pred`` is None when it is missing."""
    record = pred or {}
    entities = {e["id"]: e for e in record.get("entities") or [] if isinstance(e, dict) and "id" in e}
    doc = DocReport(id=str(gold["id"]), missing=pred is None, entities={}, events=(0, 0, 0))
    _score_entities(gold, record, totals, doc)

    preds = [p for p in record.get("events") or [] if isinstance(p, dict)]
    golds = list(gold.get("events") or [])
    pairs = pair_events(preds, golds, entities)
    used = set(pairs.values())
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for gold_index, g in enumerate(golds):
        best = pairs.get(gold_index)
        if best is None:
            totals.events[g["type"]].add(0, 0, 1)
            for role, values in (g.get("roles") or {}).items():
                totals.roles[(g["type"], role)].add(0, 0, len([v for v in values if v]))
            doc.missed_events.append(_gold_brief(g))
            continue
        matched.append((preds[best], g))
        totals.events[g["type"]].add(1, 0, 0)
        for role, (tp, fp, fn) in _role_counts(preds[best], g, entities).items():
            totals.roles[(g["type"], role)].add(tp, fp, fn)
    for index, p in enumerate(preds):
        if index in used:
            continue
        ptype = p.get("type", "?")
        totals.events[ptype].add(0, 1, 0)
        for role, ids in (p.get("roles") or {}).items():
            totals.roles[(ptype, role)].add(0, len(ids or []), 0)
        doc.false_alarms.append(_pred_brief(p, entities))
    for p, g in matched:
        if g.get("status"):
            totals.status[0] += 1
            totals.status[1] += int(p.get("status") == g["status"])
            if p.get("status") != g["status"]:
                doc.attribute_misses.append(_attribute_miss(g, "status", p.get("status")))
        if g.get("date"):
            totals.date[0] += 1
            correct = str(p.get("date") or "").startswith(str(g["date"]))
            totals.date[1] += int(correct)
            if not correct:
                doc.attribute_misses.append(_attribute_miss(g, "date", p.get("date")))
    doc.events = (len(matched), len(preds), len(golds))
    return doc


def _attribute_miss(gold: dict[str, Any], attribute: str, predicted: Any) -> AttributeMiss:
    return AttributeMiss(
        event=_gold_brief(gold).model_copy(update={"status": None, "date": None}),
        attribute=attribute,
        gold=str(gold[attribute]),
        predicted=None if predicted is None else str(predicted),
    )


def _accuracy(counts: list[int]) -> float | None:
    total, correct = counts
    return round(correct / total, ROUND_DIGITS) if total else None


# ------------------------------------------------------------------------------------------------- reading


class _NumberedLines:
    """The lines of a binary file, remembering the number of the last one handed out."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.number = 0

    def __iter__(self) -> Iterator[bytes]:
        for number, line in enumerate(self.handle, start=1):
            self.number = number
            yield line


def read_jsonl(path: Path, *, role: str) -> list[dict[str, Any]]:
    """Read one JSON object a line (jsonlines), raising an error that names the file and line of any bad line."""
    records: list[dict[str, Any]] = []
    try:
        with path.open("rb") as handle:
            numbered = _NumberedLines(handle)
            for record in jsonlines.Reader(numbered).iter(skip_empty=True, allow_none=True):
                if not isinstance(record, dict) or "id" not in record:
                    shown = json.dumps(record)[:60]
                    where = f"{path} line {numbered.number}"
                    raise EvalInputError(f"{where}: expected a JSON object with an 'id', got {shown}")
                records.append(record)
    except OSError as err:
        raise EvalInputError(f"cannot read the {role} file {path}: {err.strerror or err}") from err
    except jsonlines.InvalidLineError as err:
        cause = err.__cause__
        if isinstance(cause, UnicodeDecodeError):
            raise EvalInputError(f"the {role} file {path} is not UTF-8 text: {cause}") from err
        detail = f" ({cause.msg} at column {cause.colno})" if isinstance(cause, json.JSONDecodeError) else ""
        raise EvalInputError(
            f"{path} line {err.lineno}: the {role} file must hold one JSON object per line, "
            f"but this line is not JSON{detail}"
        ) from err
    return records


def _check_gold(records: list[dict[str, Any]], path: Path) -> None:
    for number, record in enumerate(records, start=1):
        for event in record.get("events") or []:
            if not isinstance(event, dict) or "type" not in event:
                raise EvalInputError(
                    f"{path} record {number} ({record['id']}): every gold event needs a 'type'"
                )


def evaluate(gold_path: Path, pred_path: Path) -> EvalReport:
    """Score the predictions of ``pred_path`` against ``gold_path`` (both JSONL, see GUIDELINES.md).

    Prediction records whose id is not in gold are ignored; gold documents without a prediction count as
    predicting nothing. When an id repeats in the predictions, the last record wins.
    """
    gold_path, pred_path = Path(gold_path), Path(pred_path)
    golds = read_jsonl(gold_path, role="gold")
    _check_gold(golds, gold_path)
    preds = {str(record["id"]): record for record in read_jsonl(pred_path, role="prediction")}
    totals = _Totals.empty()
    per_doc = [score_document(gold, preds.get(str(gold["id"])), totals) for gold in golds]
    return EvalReport(
        gold_path=str(gold_path),
        pred_path=str(pred_path),
        documents=len(golds),
        missing_documents=[doc.id for doc in per_doc if doc.missing],
        events={etype: counts.scores() for etype, counts in sorted(totals.events.items())},
        events_all=_total(totals.events.values()).scores(),
        arguments_all=_total(totals.roles.values()).scores(),
        arguments={f"{etype}.{role}": c.scores() for (etype, role), c in sorted(totals.roles.items())},
        entities={etype: counts.scores() for etype, counts in sorted(totals.entities.items())},
        status_accuracy=_accuracy(totals.status),
        date_accuracy=_accuracy(totals.date),
        per_doc=per_doc,
    )


def matched_predictions(gold_path: Path, pred_path: Path) -> list[tuple[str, dict[str, Any], bool]]:
    """(document id, predicted event, whether it matches a gold event) for every predicted event of the
    documents ``gold_path`` annotates, with the matching of :func:`evaluate` (for reliability tables)."""
    gold_path, pred_path = Path(gold_path), Path(pred_path)
    golds = read_jsonl(gold_path, role="gold")
    _check_gold(golds, gold_path)
    preds = {str(record["id"]): record for record in read_jsonl(pred_path, role="prediction")}
    out: list[tuple[str, dict[str, Any], bool]] = []
    for gold in golds:
        record = preds.get(str(gold["id"])) or {}
        entities = {e["id"]: e for e in record.get("entities") or [] if isinstance(e, dict) and "id" in e}
        events = [p for p in record.get("events") or [] if isinstance(p, dict)]
        hit = set(pair_events(events, list(gold.get("events") or []), entities).values())
        out.extend((str(gold["id"]), event, index in hit) for index, event in enumerate(events))
    return out
