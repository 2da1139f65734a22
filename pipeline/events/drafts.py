"""Events under construction: the draft record, the role and status tables, and entity lookups."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.entities import EntityCluster
from pipeline.gazetteer import is_district_id

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


def drop_cap(tok: Token) -> bool:
    """'T he settlement ...': scraped copy splits a drop-capital initial from the rest of its word ('U nited
    States'), and the rest can read as a pronoun. A lone capital letter right before the word is that initial."""
    if tok.i == 0:
        return False
    prev = tok.nbor(-1)
    return len(prev.text) == 1 and prev.text.isupper() and prev.text != "I"


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
    ruling: bool = False  # a court's injunction or finding against the party: the claimant won
    upheld: bool = False  # the court ruling was upheld on appeal: the appeal its sentence names is decided
    date_sentence: int | None = None  # the sentence that gave ``date`` (or the one its inference started from)
    # Provenance (models.Provenance): a value without a rule was read from the text; a rule names the inference
    # that supplied it (models.InferenceRule).
    role_rules: dict[tuple[str, int], str] = field(default_factory=dict)  # (role, entity) -> rule
    status_rule: str | None = None
    status_sentence: int | None = None  # the sentence whose cue gave ``status``
    status_fixed: bool = False  # ``status`` read from the document's structure (a listing), not from cues
    date_rule: str | None = None

    def add(self, role: str, indexes: Iterable[int]) -> None:
        current = self.roles.setdefault(role, [])
        current.extend(i for i in indexes if i not in current)

    def infer(self, role: str, indexes: Iterable[int], rule: str) -> None:
        """Add role fillers that an inference (``rule``) supplied; fillers already read from the text stay so."""
        current = self.roles.setdefault(role, [])
        for i in indexes:
            if i not in current:
                current.append(i)
                self.role_rules[(role, i)] = rule

    def set_status(self, status: str | None, *, rule: str | None = None, sentence: int | None = None) -> None:
        """Set ``status``, read from the cue of ``sentence`` or supplied by the inference ``rule``."""
        self.status, self.status_rule, self.status_sentence = status, rule, sentence

    def set_date(self, date: str | None, *, rule: str | None = None, sentence: int | None = None) -> None:
        """Set ``date``, read from ``sentence`` or supplied by the inference ``rule``."""
        self.date, self.date_rule, self.date_sentence = date, rule, sentence

    def inferred_roles(self) -> int:
        """How many role fillers an inference supplied."""
        return sum(1 for (role, i) in self.role_rules if i in self.roles.get(role, []))

    def anchors(self) -> set[int]:
        return {i for r in ANCHOR_ROLES[self.type] for i in self.roles.get(r, [])}


# Titles that make a named person an official speaking for an authority, not a party to the event.
OFFICIAL_TITLES = (
    "attorney general", "u.s. attorney", "united states attorney", "director", "commissioner", "chairman",
    "chairwoman", "chair", "secretary", "special agent", "prosecutor", "inspector general", "assistant",
    "deputy", "acting", "spokesman", "spokeswoman", "spokesperson", "counsel", "trial attorney", "agent",
    "judge", "magistrate", "justice", "in charge",
)  # fmt: skip
OFFICIAL_WINDOW_TOKENS = 8
# A title, then at most a few capitalised words (another name of the list) and "and" or a comma, then the
# mention: "Trial Attorneys Katherine E. Lamm and Silvia Dominguez-Reese" makes both officials.
NAME_WORD = r"[A-Z](?:[\w'\-]*|\.)"  # "Katherine", "Dominguez-Reese", an initial "E."
TITLE_BEFORE = re.compile(
    r"\b(?i:" + "|".join(re.escape(t) for t in OFFICIAL_TITLES) + rf")s?(?:\s+{NAME_WORD}){{0,4}}\s*(?:,|\band)?\s*$"
)


def _titled(mention: Span) -> bool:
    """True when an official title stands right before or after a person's mention.

    The title must touch the name, or the list of names it heads ("Assistant Attorney General Vanita Gupta",
    "Gupta, director of"): a title word further back belongs to someone else ("The Justice Department
    announced that Dean Windham ...").
    """
    doc = mention.doc
    before = doc[max(mention.start - OFFICIAL_WINDOW_TOKENS, 0) : mention.start].text
    after = doc[mention.end : mention.end + OFFICIAL_WINDOW_TOKENS].text.lower()
    return TITLE_BEFORE.search(before) is not None or any(after.lstrip(" ,").startswith(t) for t in OFFICIAL_TITLES)


# Units of a government department that act in its name: a division, section or branch, or a U.S.
# Attorney's Office. Releases credit the unit ("the Civil Rights Division filed ..."); the party to the
# suit or settlement is the department (the guidelines' claimant is "the government or agency").
UNIT_NAME = re.compile(r"\b(division|section|branch)$|^(u\.s\.|united states) attorney'?s'? office\b", re.IGNORECASE)
# What can follow the head word of a court's name: "Court of Appeals", "Court for the ...", "Court in Sydney".
COURT_HEAD = re.compile(r"\b(?:court|tribunal)\b", re.IGNORECASE)
COURT_CONTINUATIONS = frozenset({"of", "for", "in", "at", "on", "'s", "’s"})
ADDRESS_NUMBER = re.compile(r"^\d+\s")
DEPARTMENT_NAME = re.compile(r"\b(department|ministry)\b", re.IGNORECASE)
JUSTICE_NAME = re.compile(r"\bjustice\b", re.IGNORECASE)


def court_name(name: str) -> bool:
    """True unless the name is a place called '... Court': an address ('272 Treva Court') or a building
    ('Treva Court Apartments'). A court's name ends at its head word or goes on with a preposition
    ('U.S. District Court for the District of Kansas', 'Court of Appeals', 'US District Court in San Francisco').
    """
    if ADDRESS_NUMBER.match(name):
        return False
    after = COURT_HEAD.split(name, maxsplit=1)
    if len(after) < 2:
        return True
    rest = after[-1].split()
    return not rest or rest[0].lower() in COURT_CONTINUATIONS


def _id_stem(kb_id: str) -> str:
    """'reg:doj-us' -> 'reg:doj-': the prefix the gazetteer gives the ids of a body's units ('reg:doj-atr-us')."""
    return kb_id.rsplit("-", 1)[0] + "-"


def acting_departments(clusters: list[EntityCluster]) -> dict[int, int]:
    """Unit cluster -> the department it acts for, where the article names that department.

    A unit the gazetteer knows belongs to the department whose id it extends ('reg:doj-atr-us' ->
    'reg:doj-us'). A U.S. Attorney's Office, or a division the gazetteer does not know ('Fraud Section'),
    belongs to the justice department: prosecutors and litigating divisions are its units. Only departments
    the gazetteer knows qualify, so that a police department the story is about never absorbs a unit.
    """
    departments = {
        i: c
        for i, c in enumerate(clusters)
        if c.type == "REGULATOR" and c.kb_id and DEPARTMENT_NAME.search(c.name) and not UNIT_NAME.search(c.name)
    }
    justice = next((i for i, c in departments.items() if JUSTICE_NAME.search(c.name)), None)
    out: dict[int, int] = {}
    for i, c in enumerate(clusters):
        if c.type != "REGULATOR" or i in departments or not UNIT_NAME.search(c.name):
            continue
        if c.kb_id and not is_district_id(c.kb_id):
            owner = next((d for d, dc in departments.items() if c.kb_id.startswith(_id_stem(str(dc.kb_id)))), None)
        elif DEPARTMENT_NAME.search(c.name) and not JUSTICE_NAME.search(c.name):
            owner = None  # the unit of another department it names ("Department of Transportation's Airports Division")
        else:
            owner = justice
        if owner is not None:
            out[i] = owner
    return out


class DocIndex:
    """Token -> entity lookups for one document (a department's unit resolves to the department)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.clusters: list[EntityCluster] = doc._.entities or []
        self.token_cluster: dict[int, int] = {}
        self.mentions: list[tuple[int, int]] = []  # (token start, cluster index), in text order
        acting_for = acting_departments(self.clusters)
        for idx, cluster in enumerate(self.clusters):
            role_idx = acting_for.get(idx, idx)
            for m in cluster.mentions:
                self.mentions.append((m.start, role_idx))
                for i in range(m.start, m.end):
                    self.token_cluster[i] = role_idx
        self.mentions.sort()
        self.sents: list[Span] = list(doc.sents)
        # first token of the body (the title, when the article has one, comes before it)
        text_start = (doc._.text_start or 0) if Doc.has_extension("text_start") else 0
        self.body_start = next((t.i for t in doc if t.idx >= text_start), len(doc))
        self.sent_starts = [s.start for s in self.sents]
        self.officials = {
            idx for idx, c in enumerate(self.clusters) if c.type == "PERSON" and any(_titled(m) for m in c.mentions)
        }

    def sentence_of(self, token_i: int) -> int:
        """Index of the sentence that holds token ``token_i``."""
        return max(bisect_right(self.sent_starts, token_i) - 1, 0)

    def type_of(self, idx: int) -> str:
        """The entity's kind for role filling: a building or street named '... Court' is a facility."""
        kind = self.clusters[idx].type
        return "FAC" if kind == "COURT" and not court_name(self.clusters[idx].name) else kind

    def in_sentence(self, sent: Span, types: frozenset[str]) -> list[int]:
        """The entities of the mentions inside ``sent``, in order (found by bisection: the mentions are sorted,
        and a walk over all of them for each sentence would cost the square of a long article's length)."""
        out: list[int] = []
        for n in range(bisect_left(self.mentions, (sent.start,)), len(self.mentions)):
            start, idx = self.mentions[n]
            if start >= sent.end:
                break
            if self.type_of(idx) in types and idx not in out:
                out.append(idx)
        return out

    def before(self, token_i: int, types: frozenset[str], *, window_start: int) -> int | None:
        """The entity of the latest mention before ``token_i`` (not earlier than ``window_start``)."""
        for n in range(bisect_left(self.mentions, (token_i,)) - 1, -1, -1):
            start, idx = self.mentions[n]
            if start < window_start:
                break
            if self.type_of(idx) in types:
                return idx
        return None

    def first_in(self, sent: Span, types: frozenset[str]) -> int | None:
        found = self.in_sentence(sent, types)
        return found[0] if found else None


def fill_court(events: list[Draft], index: DocIndex) -> None:
    """The one court an article names is the court of its one lawsuit.

    News and releases name the court once, often away from the sentence that reports the suit ("the
    restraining order was issued at Waverley Local Court", "the consent decree must be approved by the U.S.
    District Court for ..."). Only where the article has a single suit and a single named court: with two
    of either, which court heard which suit is a guess.
    """
    suits = [e for e in events if e.type == "LAWSUIT"]
    courts = {idx for _, idx in index.mentions if index.type_of(idx) == "COURT"}
    if len(suits) == 1 and len(courts) == 1 and not suits[0].roles.get("court"):
        suits[0].infer("court", sorted(courts), "single_court")
