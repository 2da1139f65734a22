"""Whether a predicted entity matches a gold value: names, amounts, and greedy one-to-one pairing.

Same semantics as the reference scorer ``devset/score.py``: matching is by names, not offsets. An entity
matches a gold value when one of its surface forms equals a gold alias after normalisation, or when the
content words of one are contained in the other's (and the smaller side has a non-generic word); money
matches on currency and a value within 0.5%. :mod:`pipeline.evaluate.score` scores events with these functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

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
ALIAS_SEPARATOR = "|"


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
