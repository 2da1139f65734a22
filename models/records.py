"""Pydantic v2 models of every record newspipe emits.

These models know nothing of spaCy: the pipeline's serialiser builds them from
a processed ``Doc``. They are frozen and forbid unknown fields, and every field
carries a description, so the generated JSON Schema documents itself.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.2"

#: Stages an ErrorRecord can name. Bad input: read, decode, parse, validate, date. Failures inside newspipe:
#: clean, nlp, entities, events, serialize, write (the exception and its traceback tail are kept), timeout (over
#: the per-article time budget) and worker (the worker process died, e.g. killed for memory, on this record).
ErrorStage = Literal[
    "read",
    "decode",
    "parse",
    "validate",
    "date",
    "clean",
    "nlp",
    "entities",
    "events",
    "serialize",
    "write",
    "timeout",
    "worker",
]

EntityType = Literal["ORG", "REGULATOR", "PUBLIC_BODY", "COURT", "PERSON", "GPE", "MONEY", "LAW", "DATE"]
EventType = Literal["FINE", "LAWSUIT", "SETTLEMENT", "INVESTIGATION"]
FieldName = Literal["title", "text"]

#: Roles each event type may fill (annotation guidelines, "Event types").
EVENT_ROLES: dict[str, tuple[str, ...]] = {
    "FINE": ("authority", "target", "amount", "law"),
    "LAWSUIT": ("plaintiff", "defendant", "court", "amount", "law"),
    "SETTLEMENT": ("defendant", "claimant", "amount", "law"),
    "INVESTIGATION": ("authority", "target", "law"),
}

#: Status values each event type may take (annotation guidelines, "Status values").
EVENT_STATUSES: dict[str, tuple[str, ...]] = {
    "FINE": ("proposed", "imposed", "appealed", "upheld", "reduced", "overturned", "paid"),
    "LAWSUIT": ("filed", "pending", "dismissed", "settled", "won", "lost", "appealed"),
    "SETTLEMENT": ("proposed", "agreed", "approved"),
    "INVESTIGATION": ("opened", "ongoing", "closed"),
}

ISO_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

#: Inferences the event stage applies where the text does not say a thing outright (``Provenance.rule``):
#: default_status (the type's default when no status cue is found), fallback_authority (the article's most
#: salient regulator as the acting side), publication_date (the article's day as the date of news reported
#: 'today' or in the lede), lede_date (the date the lede opens with, given to the news about its parties),
#: linked_date (a suit's filing date shared with the settlement filed with it, or back), antecedent (a pronoun
#: or definite description resolved to an earlier name), lede_party (a party named in the lede given to a later
#: mention of the order or penalty), house_short_form (an agency's short self-reference, 'the Bureau', resolved
#: by the release's genre), carried_status (a status implied by another event of the story: a suit settled by a
#: settlement, a probe closed by the action it led to, a penalty in a pending consent decree), sentence_party (a
#: party found elsewhere in the event's sentences, not attached to its trigger by the parse), linked_event (a
#: party taken from the event an unnamed probe or settlement was linked to), single_court (the one court of an
#: article with one suit).
InferenceRule = Literal[
    "default_status",
    "fallback_authority",
    "publication_date",
    "lede_date",
    "linked_date",
    "antecedent",
    "lede_party",
    "house_short_form",
    "carried_status",
    "sentence_party",
    "linked_event",
    "single_court",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A character span of one field of the input record."""

    field: FieldName = Field(
        description="Which field of the input record the span indexes: 'title' or 'text'."
    )
    start: int = Field(ge=0, description="Start offset (Unicode code points) into the original field.")
    end: int = Field(ge=0, description="End offset (exclusive); record[field][start:end] == text.")
    text: str = Field(description="The exact text of the span in the original input.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text has {len(self.text)} characters but covers {self.end - self.start}")
        return self


class Mention(Span):
    """One place where the article names an entity."""


class Evidence(Span):
    """A sentence of the article that supports an event."""


class Provenance(_Frozen):
    """Whether a role filler, status or date was read from the text or inferred, and how."""

    basis: Literal["text", "inferred"] = Field(
        description="'text' when the article states it (see evidence); 'inferred' when a rule supplied it (see rule)."
    )
    rule: InferenceRule | None = Field(
        default=None, description="The inference that supplied the value; null when the basis is 'text'."
    )
    evidence: Evidence | None = Field(
        default=None,
        description="The sentence the value was read from (basis 'text'), or the sentence an inference started from.",
    )

    @model_validator(mode="after")
    def _rule_fits_basis(self) -> Provenance:
        if self.basis == "inferred" and self.rule is None:
            raise ValueError("an inferred value must name the rule that inferred it")
        if self.basis == "text" and self.rule is not None:
            raise ValueError(f"a value read from the text has no inference rule, got {self.rule!r}")
        return self


class Money(_Frozen):
    """A normalised amount of money."""

    value: float = Field(ge=0, description="The amount in units of the currency (887 million -> 887000000).")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code, e.g. USD, EUR, GBP.")


class Entity(_Frozen):
    """One distinct entity of the article, with all its mentions."""

    id: str = Field(description="Identifier of the entity, unique within the article record (e.g. 'E3').")
    type: EntityType = Field(
        description="Entity kind, as defined by the annotation guidelines; PUBLIC_BODY is a government body that, "
        "in this story, does not regulate, investigate, prosecute, sue or fine (a school board being sued)."
    )
    name: str = Field(
        description="Canonical name: the gazetteer's name where known, else the fullest mention."
    )
    aliases: list[str] = Field(default_factory=list, description="Other names the article uses for it.")
    mentions: list[Mention] = Field(description="Every mention of the entity, in text order.")
    value: Money | str | None = Field(
        default=None,
        description="MONEY: the normalised amount; DATE: an ISO 8601 date prefix (YYYY, YYYY-MM or YYYY-MM-DD).",
    )
    kb_id: str | None = Field(
        default=None, description="Gazetteer identifier (e.g. 'reg:ico-uk') or Wikidata QID."
    )


class Event(_Frozen):
    """One enforcement event: a fine, lawsuit, settlement or investigation."""

    id: str = Field(description="Identifier of the event, unique within the article record (e.g. 'V1').")
    type: EventType = Field(description="Event type, as defined by the annotation guidelines.")
    roles: dict[str, list[str]] = Field(
        description="Role name -> ids of the entities filling it; the allowed roles depend on the type."
    )
    status: str | None = Field(default=None, description="Latest status the article reports, or null.")
    date: str | None = Field(
        default=None, pattern=ISO_DATE_PATTERN, description="ISO 8601 date prefix of the event, or null."
    )
    class_action: bool | None = Field(default=None, description="LAWSUIT only: whether it is a class action.")
    class_size: int | None = Field(
        default=None, ge=0, description="LAWSUIT only: size of the class where stated."
    )
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the extractor is that the event is real.")
    evidence: list[Evidence] = Field(description="Sentences that support the event, in text order.")
    provenance: dict[str, Provenance] = Field(
        default_factory=dict,
        description="Where each value came from: keys 'status', 'date' and 'role:<role>:<entity id>' (one per role "
        "filler); a key is present for every non-null status and date and every role filler.",
    )

    @model_validator(mode="after")
    def _fits_type(self) -> Event:
        allowed = EVENT_ROLES[self.type]
        unknown = sorted(set(self.roles) - set(allowed))
        if unknown:
            raise ValueError(f"{self.type} has no role {unknown}; allowed: {list(allowed)}")
        if self.status is not None and self.status not in EVENT_STATUSES[self.type]:
            raise ValueError(
                f"{self.type} status must be one of {EVENT_STATUSES[self.type]}, got {self.status!r}"
            )
        fillers = {f"role:{role}:{eid}" for role, ids in self.roles.items() for eid in ids}
        stray = sorted(
            key
            for key in self.provenance
            if not (key in fillers or (key == "status" and self.status) or (key == "date" and self.date))
        )
        if stray:
            raise ValueError(f"provenance names values the event does not have: {stray}")
        if self.type != "LAWSUIT" and (self.class_action is not None or self.class_size is not None):
            raise ValueError("class_action and class_size apply to LAWSUIT events only")
        return self


class ArticleRecord(_Frozen):
    """The pipeline's output for one input article."""

    id: str = Field(description="The input record's id (or a stable id derived from its content).")
    schema_version: Literal["1.2"] = Field(default="1.2", description="Version of this schema.")
    title: str | None = Field(default=None, description="The article's title as given in the input.")
    published: str | None = Field(
        default=None, pattern=ISO_DATE_PATTERN, description="Publication date (ISO 8601 prefix), or null."
    )
    entities: list[Entity] = Field(description="Distinct entities of the article.")
    events: list[Event] = Field(description="Enforcement events the article reports.")
    meta: dict[str, Any] = Field(
        default_factory=dict,
        description="Input fields other than id/title/text/published, and the source; in relevant-only runs "
        "also 'relevant': false for an article that cannot hold an event (it then has no entities and no "
        "events), true for every other (its record is the full one). Full runs do not state it.",
    )


class ErrorRecord(_Frozen):
    """An input record (or part of one) that could not be processed as given."""

    schema_version: Literal["1.2"] = Field(default="1.2", description="Version of this schema.")
    file: str = Field(description="Input file the record came from ('-' for standard input).")
    line: int | None = Field(default=None, description="1-based line number in the file, where it has lines.")
    id: str | None = Field(default=None, description="The record's id, where it could be read.")
    stage: ErrorStage = Field(
        description="The pipeline stage that rejected it: read, decode, parse, validate, date (bad input); clean, "
        "nlp, entities, events, serialize, write (an exception inside newspipe); timeout (over the per-article "
        "time budget); worker (the worker process died on this record)."
    )
    message: str = Field(description="What is wrong and what to do about it.")
    rejected: bool = Field(
        default=True,
        description="True when the record is not in the output; false when it was still extracted (e.g. a bad date).",
    )
    internal: bool = Field(
        default=False,
        description="True when newspipe failed on the record (a bug, a timeout or a dead worker), not its input.",
    )
    exception: str | None = Field(
        default=None, description="Internal failures: the exception's type and message ('ValueError: ...')."
    )
    traceback: list[str] = Field(
        default_factory=list,
        description="Internal failures: the last frames of the traceback, innermost last ('file:line in function').",
    )


class RunSummary(_Frozen):
    """Counts of one run; read == written + rejected + failed always holds."""

    read: int = Field(ge=0, description="Input records read (including ones rejected or failed).")
    written: int = Field(ge=0, description="Article records written to the output.")
    rejected: int = Field(ge=0, description="Input records rejected for bad input (in the error report).")
    failed: int = Field(
        default=0,
        ge=0,
        description="Input records newspipe failed on (exception, timeout, dead worker; in the error report).",
    )
    warnings: int = Field(default=0, ge=0, description="Error records for records that were still written.")
    events: dict[str, int] = Field(default_factory=dict, description="Events written, by type.")
    relevant: int | None = Field(
        default=None,
        ge=0,
        description="Articles judged relevant (able to hold an event) in a relevant-only run; null in full runs.",
    )

    @model_validator(mode="after")
    def _balanced(self) -> RunSummary:
        if self.read != self.written + self.rejected + self.failed:
            raise ValueError(
                f"read {self.read} != written {self.written} + rejected {self.rejected} + failed {self.failed}"
            )
        return self
