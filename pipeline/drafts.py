"""Events under construction: the draft record, the role and status tables, and entity lookups."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.entities import EntityCluster

ACTOR_ROLE = {
    "FINE": "authority",
    "LAWSUIT": "plaintiff",
    "SETTLEMENT": "claimant",
    "INVESTIGATION": "authority",
}
PATIENT_ROLE = {
    "FINE": "target",
    "LAWSUIT": "defendant",
    "SETTLEMENT": "defendant",
    "INVESTIGATION": "target",
}
ANCHOR_ROLES = {
    "FINE": ("target",),
    "LAWSUIT": ("defendant", "plaintiff"),
    "SETTLEMENT": ("defendant", "claimant"),
    "INVESTIGATION": ("target",),
}
PARTY_TYPES = frozenset({"ORG", "PERSON", "REGULATOR", "GPE", "COURT", "PUBLIC_BODY"})
ACTOR_TYPES = frozenset({"REGULATOR", "COURT", "GPE"})
PRONOUNS_ORG = frozenset({"it", "its"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "dative", "oprd"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
INDEFINITE = frozenset({"a", "an"})
# How confident each way of finding the core party makes us.
CONFIDENCE_SYNTAX = 0.8
CONFIDENCE_FALLBACK = 0.5
CONFIDENCE_LINKED = 0.6
CONFIDENCE_STEP = 0.05


@dataclass
class Draft:
    """An event while it is being assembled; roles hold indexes into ``doc._.entities``."""

    type: str
    sentences: list[int]
    roles: dict[str, list[int]] = field(default_factory=dict)
    status: str | None = None
    date: str | None = None
    class_action: bool | None = None
    class_size: int | None = None
    confidence: float = CONFIDENCE_SYNTAX
    definite: bool = False

    def add(self, role: str, indexes: Iterable[int]) -> None:
        current = self.roles.setdefault(role, [])
        current.extend(i for i in indexes if i not in current)

    def anchors(self) -> set[int]:
        return {i for r in ANCHOR_ROLES[self.type] for i in self.roles.get(r, [])}


# Titles that make a named person an official speaking for an authority, not a party to the event.
OFFICIAL_TITLES = (
    "attorney general", "u.s. attorney", "united states attorney", "director", "commissioner", "chairman",
    "chairwoman", "chair", "secretary", "special agent", "prosecutor", "inspector general", "assistant",
    "deputy", "acting", "spokesman", "spokeswoman", "spokesperson", "counsel", "trial attorney", "agent",
    "judge", "magistrate", "justice",
)  # fmt: skip
OFFICIAL_WINDOW_TOKENS = 6


def _titled(mention: Span) -> bool:
    """True when an official title stands right before or after a person's mention."""
    doc = mention.doc
    before = doc[max(mention.start - OFFICIAL_WINDOW_TOKENS, 0) : mention.start].text.lower()
    after = doc[mention.end : mention.end + OFFICIAL_WINDOW_TOKENS].text.lower()
    return any(t in before.split(",")[-1] or after.lstrip(" ,").startswith(t) for t in OFFICIAL_TITLES)


class DocIndex:
    """Token -> entity lookups for one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.clusters: list[EntityCluster] = doc._.entities or []
        self.token_cluster: dict[int, int] = {}
        self.mentions: list[tuple[int, int]] = []  # (token start, cluster index), in text order
        for idx, cluster in enumerate(self.clusters):
            for m in cluster.mentions:
                self.mentions.append((m.start, idx))
                for i in range(m.start, m.end):
                    self.token_cluster[i] = idx
        self.mentions.sort()
        self.sents: list[Span] = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.officials = {
            idx
            for idx, c in enumerate(self.clusters)
            if c.type == "PERSON" and any(_titled(m) for m in c.mentions)
        }

    def sentence_of(self, token_i: int) -> int:
        """Index of the sentence that holds token ``token_i``."""
        return max(bisect_right(self.sent_starts, token_i) - 1, 0)

    def type_of(self, idx: int) -> str:
        return self.clusters[idx].type

    def in_sentence(self, sent: Span, types: frozenset[str]) -> list[int]:
        out: list[int] = []
        for start, idx in self.mentions:
            if sent.start <= start < sent.end and self.type_of(idx) in types and idx not in out:
                out.append(idx)
        return out

    def before(self, token_i: int, types: frozenset[str], *, window_start: int) -> int | None:
        """The entity of the latest mention before ``token_i`` (not earlier than ``window_start``)."""
        best = None
        for start, idx in self.mentions:
            if start >= token_i:
                break
            if start >= window_start and self.type_of(idx) in types:
                best = idx
        return best

    def first_in(self, sent: Span, types: frozenset[str]) -> int | None:
        found = self.in_sentence(sent, types)
        return found[0] if found else None
