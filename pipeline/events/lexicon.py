"""The event lexicon (``pipeline/data/lexicon.json``) loaded once, with the regexes built from it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

EVENT_TYPES = ("FINE", "LAWSUIT", "SETTLEMENT", "INVESTIGATION")

# The cheap relevance pass: surface forms that can carry a trigger. Words that are triggers only in
# context (lexicon "noun_requirements": "action", "claim", "agreement", ...) need that context here too,
# so that ordinary business copy is not parsed for nothing. It must match every sentence in which the
# lexicon can fire: a test runs the pipeline with and without it and compares the events.
_STRONG = (
    r"fin(e|es|ed|ing)|penal\w*|su(e|es|ed|ing)|countersu\w*|lawsuits?|suits?|litigation|complaints?|"
    r"settl\w*|injunctions?|restraining\s+orders?|investigat(e|es|ed|ing|ion|ions|or|ors)|prob(e|es|ed|ing)|inquir(y|ies)|enquir(y|ies)"
)
_IN_CONTEXT = (
    r"(legal|class|civil|court|enforcement)[- ]actions?|"
    r"(br(ing|ings|inging|ought)|file[ds]?|filing|lodg\w*|launch\w*|tak(e|es|en|ing)|took)\b[^.;]{0,40}\b(actions?|claims?|proceedings?|cases?)|"
    r"(actions?|claims?|proceedings?|cases?)\b[^.;]{0,40}\b(br(ing|ings|inging|ought)|file[ds]?|filing|lodg\w*|launch\w*)\b|"
    r"(actions?|claims?|proceedings?|cases?)\b[^.;]{0,40}\bagainst|civil\s+cases?|cases?\s+(was\s+|were\s+)?filed|"
    r"(legal|court|civil)\s+proceedings?|damages?\s+claims?|"
    r"(ask|asks|asked|asking|petition\w*|request\w*|urg\w*|mov(e|es|ed|ing))\b[^.;]{0,40}\b(court|judge)\b|"
    r"\b(court|judge|justice|jury)\b[^.;]{0,80}\b(enjoin\w*|barr(ed|ing)|bars?)\b|(enjoin\w*|barr(ed|ing))\b[^.;]{0,120}\bby\b[^.;]{0,40}\b(court|judge|jury)\b|"
    r"\b(court|judge|justice|jury)\b[^;]{0,120}\b(rul(ed|es|ing)|f(ou)?nds?|finding|h(e|o)lds?)\b[^;]{0,200}\b(violat|infring|breach|defraud|discriminat|contraven)\w*|"
    r"\b(court|judge|justice|jury)\b[^;]{0,120}\b(f(ou)?nds?|h(e|o)lds?|held)\b[^;]{0,80}\b(liable|negligent)\b|"
    r"\b(court|judge|justice|jury)\b[^;]{0,120}\bawards?(ed|ing)?\b|"
    r"\bappeal\w*\b[^.;]{0,60}\b(verdicts?|judg(e)?ments?)\b|"
    r"(settlement|consent|written|formal|supervisory|prosecution)\s+(agreements?|accords?|decrees?|judg(e)?ments?|orders?)|"
    r"consent\s+(decrees?|judg(e)?ments?)|consent(s|ed|ing)?\s+to\b|civil\s+([\w-]+\s+){0,2}charges|"
    r"resolv\w*\b[^.;]{0,60}\bdeals?\b|\bdeals?\b[^.;]{0,60}\bresolv\w*|"
    r"(resolv\w*|\bpa(y|ys|id|ying)\b[^.;]{0,80}\bto (end|close))\b[^.;]{0,60}\b(allegations?|claims?|charges?|"
    r"lawsuits?|suits?|cases?|investigations?|matters?|disputes?|violations?|complaints?|liabilit\w*)"
)
RELEVANCE_PATTERN = re.compile(rf"\b({_STRONG})\b|{_IN_CONTEXT}", re.IGNORECASE)
# Cues: every match of RELEVANCE_PATTERN contains one of these strings (each alternative above names at least
# one of them: "fin(e|es|ed|ing)" contains "fine" or "fining", an action "against" contains "action", a payment
# "to end" a claim contains "to end" ...). One scan for them over a whole article tells which sentences are worth
# the pattern, in a tenth of its time. Change both together: tests/events/test_relevance.py checks that the
# pattern never matches a text without a cue.
RELEVANCE_CUES = (
    "fine", "fining", "penal", "sue", "suing", "suit", "countersu", "litigation", "complaint", "settl",
    "investigat", "probe", "probing", "inquir", "enquir", "action", "claim", "proceeding", "case", "court",
    "judge", "justice", "jury", "enjoin", "barr", "consent", "resolv", "to end", "to close", "injunct",
    "restrain", "written", "formal", "supervisory", "prosecution", "civil", "appeal",
)  # fmt: skip
_CUES_ANY_CASE = re.compile("|".join(map(re.escape, RELEVANCE_CUES)), re.IGNORECASE)
_CUES_LOWER = re.compile("|".join(map(re.escape, RELEVANCE_CUES)))


@dataclass(frozen=True)
class Lexicon:
    verb_triggers: dict[str, str]  # lemma -> event type
    verb_forms: dict[str, str]  # inflected form -> lemma, where the lemmatizer errs
    noun_triggers: dict[str, str]
    noun_requirements: dict[str, frozenset[str]]
    regulator_requirements: dict[str, frozenset[str]]  # context that makes a noun a trigger if a regulator is party
    resolve_objects: frozenset[str]
    excluded_contexts: dict[str, frozenset[str]]
    hypothetical_cues: tuple[str, ...]
    statuses: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    status_nouns: dict[str, re.Pattern[str]]  # event type -> the nouns that name such an event
    class_action_cues: tuple[str, ...]
    org_anaphors: frozenset[str]
    aspect_nouns: frozenset[str]  # what of a party an action is about: "the practices of X", "X's conduct"
    regulator_anaphors: frozenset[str]
    breach_cues: tuple[str, ...]


def _read_data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("pipeline").joinpath(f"data/{name}").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and index the lexicon and status data files (cached: one read per process)."""
    raw = _read_data("lexicon.json")
    statuses = _read_data("statuses.json")
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for etype, words in raw["triggers"].items():
        if etype not in EVENT_TYPES:
            raise ValueError(f"lexicon.json: unknown event type {etype!r}; use one of {EVENT_TYPES}")
        verbs.update(dict.fromkeys(words["verbs"], etype))
        nouns.update(dict.fromkeys(words["nouns"], etype))
    return Lexicon(
        verb_triggers=verbs,
        verb_forms={k: v for k, v in raw["verb_forms"].items() if not k.startswith("_")},
        noun_triggers=nouns,
        noun_requirements={k: frozenset(v) for k, v in raw["noun_requirements"].items() if not k.startswith("_")},
        regulator_requirements={
            k: frozenset(v) for k, v in raw["regulator_requirements"].items() if not k.startswith("_")
        },
        resolve_objects=frozenset(raw["resolve_objects"]),
        excluded_contexts={k: frozenset(v) for k, v in raw["excluded_contexts"].items() if not k.startswith("_")},
        hypothetical_cues=tuple(raw["hypothetical_cues"]),
        statuses={
            k: tuple((s, re.compile("|".join(f"(?:{c})" for c in cues))) for s, cues in v)
            for k, v in statuses.items()
            if not k.startswith("_")
        },
        status_nouns={k: re.compile(v) for k, v in statuses["_event_nouns"].items() if not k.startswith("_")},
        class_action_cues=tuple(raw["class_action_cues"]),
        org_anaphors=frozenset(raw["org_anaphors"]),
        aspect_nouns=frozenset(raw["aspect_nouns"]),
        regulator_anaphors=frozenset(raw["regulator_anaphors"]),
        breach_cues=tuple(raw["breach_cues"]),
    )


def may_hold_event(text: str) -> bool:
    """The relevance pass: can this text hold an enforcement event at all?"""
    return RELEVANCE_PATTERN.search(text) is not None


def cue_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the relevance cues in ``text``: a piece of ``text`` that overlaps none of them cannot
    satisfy :func:`may_hold_event`.

    Every cue occurrence lies inside one of these spans (the scan takes the leftmost match at each position, so
    an occurrence is either found or covered by an earlier match). ASCII text is lower-cased first, which is
    several times faster than a case-blind scan; other text keeps the case-blind scan, whose Unicode folding
    ("ſ", the Kelvin sign) is the pattern's own.
    """
    if text.isascii():
        return [match.span() for match in _CUES_LOWER.finditer(text.lower())]
    return [match.span() for match in _CUES_ANY_CASE.finditer(text)]
