"""The evaluation report: its model, its text rendering, and the command line that prints it.

:func:`pipeline.evaluate.evaluate` builds an :class:`EvalReport`; :func:`render_report` writes it as text
(with the errors of each document on request, and a baseline's figures beside it); :func:`main` is
``python -m pipeline.evaluate.score`` and ``newspipe evaluate``. The library never prints: only ``main`` does.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

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
