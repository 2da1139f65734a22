"""Score predicted enforcement events against gold annotations.

Implements the metrics of the annotation guidelines (``devset/GUIDELINES.md``) with the same semantics as
the reference scorer ``devset/score.py``: matching is by names, not offsets. An entity matches a gold value
when one of its surface forms equals a gold alias after normalisation, or when the content words of one are
contained in the other's (and the smaller side has a non-generic word); money matches on currency and a
value within 0.5%. Events are paired greedily, one-to-one, gold by gold, with the unused prediction of the
same type whose anchor role matches and which shares the most role values.

Beyond the reference figures, the report lists per document what was missed and what was invented, for
error analysis. The library never prints: ``main`` is the thin command-line wrapper.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

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

#: Legal-form words dropped from the end of a name ("Amazon.com Inc" ~ "Amazon.com").
LEGAL_SUFFIXES = frozenset(
    "inc incorporated ltd limited llc llp lp corp corporation co company plc sa ag gmbh nv bv se spa srl "
    "ab asa oy group holdings".split()
)
#: Function words ignored when comparing content words.
STOPWORDS = frozenset("the of and for a an s in on at to de".split())
#: Words that alone do not identify an entity: "Bank" must not match "Bank of China".
GENERIC_WORDS = frozenset(
    "bank company firm group court department office commission authority agency association board bureau "
    "council division service services state states united national federal us u international trust fund "
    "financial capital securities exchange district government ministry regulator watchdog dpa attorney "
    "general".split()
)
LEADING_ARTICLE = "the"
#: Relative tolerance for amounts: 0.5% of the gold value (absolute 0.005 for values below 1).
MONEY_TOLERANCE = 0.005
#: Decimal places of the reported precision, recall, F1 and accuracies (as score.py rounds them).
ROUND_DIGITS = 4
ALIAS_SEPARATOR = "|"

# ---------------------------------------------------------------------------------------------- report model


class Scores(BaseModel):
    """Precision, recall and F1 with the counts they come from."""

    p: float = Field(description="Precision, tp / (tp + fp); 0 when nothing was predicted.")
    r: float = Field(description="Recall, tp / (tp + fn); 0 when there is no gold.")
    f1: float = Field(description="Harmonic mean of p and r; 0 when both are 0.")
    tp: int = Field(description="Matched items.")
    fp: int = Field(description="Predicted items with no gold match.")
    fn: int = Field(description="Gold items with no predicted match.")


class EventBrief(BaseModel):
    """An event reduced to what a reader needs to recognise it in the article."""

    type: str = Field(description="Event type.")
    roles: dict[str, list[str]] = Field(description="Role -> names (gold aliases or predicted entity names).")
    status: str | None = Field(default=None, description="Status of the event.")
    date: str | None = Field(default=None, description="Date of the event.")


class AttributeMiss(BaseModel):
    """A matched event whose status or date differs from gold."""

    event: EventBrief = Field(description="The gold event.")
    attribute: str = Field(description="'status' or 'date'.")
    gold: str = Field(description="Gold value.")
    predicted: str | None = Field(description="Predicted value, or null.")


class DocReport(BaseModel):
    """Counts and errors of one gold document."""

    id: str = Field(description="Document id.")
    missing: bool = Field(description="True when the prediction file has no record for this document.")
    entities: dict[str, tuple[int, int, int]] = Field(description="Type -> (matched, predicted, gold).")
    events: tuple[int, int, int] = Field(description="(matched, predicted, gold) events.")
    missed_events: list[EventBrief] = Field(default_factory=list, description="Gold events left unmatched.")
    false_alarms: list[EventBrief] = Field(default_factory=list, description="Predictions left unmatched.")
    attribute_misses: list[AttributeMiss] = Field(default_factory=list, description="Wrong status or date.")
    missed_entities: dict[str, list[str]] = Field(default_factory=dict, description="Type -> gold values.")
    spurious_entities: dict[str, list[str]] = Field(default_factory=dict, description="Type -> pred names.")

    @property
    def has_errors(self) -> bool:
        """Whether anything in this document differs from gold."""
        return bool(
            self.missed_events
            or self.false_alarms
            or self.attribute_misses
            or self.missed_entities
            or self.spurious_entities
        )


class EvalReport(BaseModel):
    """Every figure of one evaluation; the summary fields carry score.py's names and values."""

    gold_path: str = Field(description="Gold file scored against.")
    pred_path: str = Field(description="Prediction file scored.")
    documents: int = Field(description="Gold documents.")
    missing_documents: list[str] = Field(description="Gold document ids absent from the predictions.")
    events: dict[str, Scores] = Field(description="Event type -> scores.")
    events_all: Scores = Field(description="Events of all types.")
    arguments_all: Scores = Field(description="Role values of all events.")
    arguments: dict[str, Scores] = Field(description="'TYPE.role' -> scores.")
    entities: dict[str, Scores] = Field(description="Entity-set type -> scores.")
    status_accuracy: float | None = Field(
        description="Share of matched gold events with a status that agree."
    )
    date_accuracy: float | None = Field(description="Share of matched gold events with a date that agree.")
    per_doc: list[DocReport] = Field(description="One entry per gold document, in gold order.")


class EvalInputError(ValueError):
    """A gold or prediction file that cannot be read; the message names the file and line."""


# ------------------------------------------------------------------------------------------- name matching


def normalize_name(text: str) -> str:
    """Fold case, accents, possessives, punctuation, a leading "the" and trailing legal-form words."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = text.replace("\u2019", "'").replace("'s ", " ").replace("'s", "")
    words = re.sub(r"[^\w]+", " ", text).split()
    while words and words[0] == LEADING_ARTICLE:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def content_words(normalized: str) -> set[str]:
    """The words of a normalised name that are not function words."""
    return {word for word in normalized.split() if word not in STOPWORDS}


def names_match(pred_forms: Iterable[str], gold_forms: Iterable[str]) -> bool:
    """True when a predicted form equals a gold form, or one's content words contain the other's.

    Containment needs the smaller side to have a non-generic word, so "the Commission" never matches
    "European Commission" by itself.
    """
    pred_norm = {normalize_name(form) for form in pred_forms if form} - {""}
    gold_norm = {normalize_name(form) for form in gold_forms if form} - {""}
    if pred_norm & gold_norm:
        return True
    for pred in pred_norm:
        pred_words = content_words(pred)
        for gold in gold_norm:
            gold_words = content_words(gold)
            smaller = pred_words if len(pred_words) <= len(gold_words) else gold_words
            if smaller - GENERIC_WORDS and (pred_words <= gold_words or gold_words <= pred_words):
                return True
    return False


def money_match(pred: Any, gold: Any) -> bool:
    """True when both are amounts in the same currency and the values differ by at most 0.5%."""
    if not pred or not gold:
        return False
    try:
        pred_value, gold_value = float(pred["value"]), float(gold["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if str(pred.get("currency", "")).upper() != str(gold.get("currency", "")).upper():
        return False
    return abs(pred_value - gold_value) <= MONEY_TOLERANCE * max(abs(gold_value), 1.0)


def gold_aliases(value: Any) -> set[str]:
    """The names of a gold value written as ``Name | Alias | ...``."""
    return {part.strip() for part in str(value).split(ALIAS_SEPARATOR) if part.strip()}


def entity_forms(entity: dict[str, Any]) -> set[str]:
    """Every surface form of a predicted entity: name, aliases and mention texts."""
    forms = [entity.get("name") or ""]
    forms.extend(entity.get("aliases") or [])
    forms.extend(
        mention.get("text", "") for mention in entity.get("mentions") or [] if isinstance(mention, dict)
    )
    return {form for form in forms if form and isinstance(form, str)}


def value_matches(entity: dict[str, Any], gold_value: Any) -> bool:
    """Whether a predicted entity fills a gold role value or entity-set entry (money or name)."""
    if isinstance(gold_value, dict):
        return money_match(entity.get("value"), gold_value)
    return names_match(entity_forms(entity), gold_aliases(gold_value))


def greedy_pairs(
    preds: Sequence[Any], golds: Sequence[Any], same: Callable[[Any, Any], bool]
) -> dict[int, int]:
    """Pair each gold item, in order, with the first unused prediction that matches; gold -> pred index."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gold_index, gold in enumerate(golds):
        for pred_index, pred in enumerate(preds):
            if pred_index not in used and same(pred, gold):
                used.add(pred_index)
                pairs[gold_index] = pred_index
                break
    return pairs


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


def score_document(gold: dict[str, Any], pred: dict[str, Any] | None, totals: _Totals) -> DocReport:
    """Score one document, adding its counts to ``totals``; ``pred`` is None when it is missing."""
    record = pred or {}
    entities = {e["id"]: e for e in record.get("entities") or [] if isinstance(e, dict) and "id" in e}
    doc = DocReport(id=str(gold["id"]), missing=pred is None, entities={}, events=(0, 0, 0))
    _score_entities(gold, record, totals, doc)

    preds = [p for p in record.get("events") or [] if isinstance(p, dict)]
    golds = list(gold.get("events") or [])
    used: set[int] = set()
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for g in golds:
        best, best_hits = None, -1
        for index, p in enumerate(preds):
            if index in used or p.get("type") != g["type"] or not anchor_matches(p, g, entities):
                continue
            hits = sum(tp for tp, _, _ in _role_counts(p, g, entities).values())
            if hits > best_hits:
                best, best_hits = index, hits
        if best is None:
            totals.events[g["type"]].add(0, 0, 1)
            for role, values in (g.get("roles") or {}).items():
                totals.roles[(g["type"], role)].add(0, 0, len([v for v in values if v]))
            doc.missed_events.append(_gold_brief(g))
            continue
        used.add(best)
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


def read_jsonl(path: Path, *, role: str) -> list[dict[str, Any]]:
    """Read one JSON object a line, raising an error that names the file and line of any bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalInputError(f"cannot read the {role} file {path}: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise EvalInputError(f"the {role} file {path} is not UTF-8 text: {err}") from err
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise EvalInputError(
                f"{path} line {number}: the {role} file must hold one JSON object per line, "
                f"but this line is not JSON ({err.msg} at column {err.colno})"
            ) from err
        if not isinstance(record, dict) or "id" not in record:
            raise EvalInputError(
                f"{path} line {number}: expected a JSON object with an 'id', got {line[:60]!r}"
            )
        records.append(record)
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


# ----------------------------------------------------------------------------------------------- rendering

LABEL_WIDTH = 28


def _prf(scores: Scores | None) -> str:
    if scores is None:
        return f"{'-':>6} {'-':>6} {'-':>6}"
    return f"{scores.p:6.3f} {scores.r:6.3f} {scores.f1:6.3f}"


def _row(label: str, scores: Scores | None, baseline: Scores | None, *, compare: bool, counts: bool) -> str:
    line = f"{label:<{LABEL_WIDTH}}{_prf(scores)}"
    if compare:
        line += f"   {_prf(baseline)}"
    if counts and scores is not None:
        line += f"   (tp {scores.tp} fp {scores.fp} fn {scores.fn})"
    return line


def _accuracy_text(value: float | None) -> str:
    return f"{'n/a':>6}" if value is None else f"{value:6.3f}"


def _brief_text(event: EventBrief) -> str:
    roles = "; ".join(f"{role}={', '.join(names)}" for role, names in event.roles.items())
    extras = "".join(
        f" {key}={value}" for key, value in (("status", event.status), ("date", event.date)) if value
    )
    return f"{event.type} [{roles or 'no roles'}]{extras}"


def render_doc(doc: DocReport) -> list[str]:
    """The error listing of one document, for reading beside the article."""
    hit, predicted, gold = doc.events
    head = f"{doc.id}: events {hit} matched of {gold} gold, {predicted} predicted"
    lines = [head + ("  (no prediction record)" if doc.missing else "")]
    lines += [f"    missed      {_brief_text(event)}" for event in doc.missed_events]
    lines += [f"    false alarm {_brief_text(event)}" for event in doc.false_alarms]
    for miss in doc.attribute_misses:
        wrong = f"{_brief_text(miss.event)}: gold {miss.gold}, predicted {miss.predicted}"
        lines.append(f"    wrong {miss.attribute:<7}{wrong}")
    for etype, values in doc.missed_entities.items():
        lines.append(f"    missed   {etype:<9} {'; '.join(values)}")
    for etype, values in doc.spurious_entities.items():
        lines.append(f"    spurious {etype:<9} {'; '.join(values)}")
    return lines


def render_report(report: EvalReport, *, per_doc: bool = False, baseline: EvalReport | None = None) -> str:
    """The report as text; with ``baseline``, its figures stand in a second column beside the pipeline's."""
    compare = baseline is not None
    lines = [
        f"gold {report.gold_path}: {report.documents} documents, "
        f"{len(report.missing_documents)} missing from {report.pred_path}"
    ]
    if baseline is not None:
        lines.append(f"baseline {baseline.pred_path}: {len(baseline.missing_documents)} documents missing")
        lines.append(f"{'':<{LABEL_WIDTH}}{'pipeline':^20}   {'baseline':^20}   (pipeline counts)")
    header = f"{'P':>6} {'R':>6} {'F1':>6}"
    lines.append(f"{'':<{LABEL_WIDTH}}{header}" + (f"   {header}" if compare else ""))

    rows: list[tuple[str, Scores | None, Scores | None, bool]] = [
        ("events", report.events_all, baseline.events_all if baseline else None, False)
    ]
    for section, prefix in (("events", "  "), ("arguments", None), ("entities", "entities ")):
        ours: dict[str, Scores] = getattr(report, section)
        theirs: dict[str, Scores] = getattr(baseline, section) if baseline else {}
        if prefix is None:  # the arguments block opens with its total
            prefix = "  "
            rows.append(
                ("arguments", report.arguments_all, baseline.arguments_all if baseline else None, False)
            )
        for key in sorted(set(ours) | set(theirs)):
            rows.append((prefix + key, ours.get(key), theirs.get(key), True))
    lines += [_row(label, a, b, compare=compare, counts=counts) for label, a, b, counts in rows]
    for label, attribute in (("status accuracy", "status_accuracy"), ("date accuracy", "date_accuracy")):
        line = f"{label:<{LABEL_WIDTH}}{_accuracy_text(getattr(report, attribute))}"
        if baseline is not None:
            line += f"{'':>14}   {_accuracy_text(getattr(baseline, attribute))}"
        lines.append(line)
    if per_doc:
        lines.append("")
        lines.append("per document (documents with any error):")
        for doc in report.per_doc:
            if doc.has_errors or doc.missing:
                lines.extend(render_doc(doc))
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------------ CLI


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``python -m pipeline.evaluate`` (and of ``newspipe evaluate``)."""
    parser = argparse.ArgumentParser(
        prog="newspipe evaluate", description="Score predicted enforcement events against gold annotations."
    )
    parser.add_argument("gold", type=Path, help="gold JSONL (devset/GUIDELINES.md format)")
    parser.add_argument("pred", type=Path, help="predictions JSONL (the pipeline's output)")
    parser.add_argument(
        "--json", action="store_true", help="print the full report, per document too, as JSON"
    )
    parser.add_argument("--per-doc", action="store_true", help="list the errors of each document")
    parser.add_argument("--baseline", type=Path, help="a second predictions file to show beside PRED")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (2 for unreadable input)."""
    args = build_parser().parse_args(argv)
    try:
        report = evaluate(args.gold, args.pred)
        baseline = evaluate(args.gold, args.baseline) if args.baseline else None
    except EvalInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(report.model_dump_json(indent=1))
    else:
        print(render_report(report, per_doc=args.per_doc, baseline=baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
