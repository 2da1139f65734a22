"""Normalised name keys, entity families and deterministic ids: pure functions the rest of the KB builds on.

A key folds what varies between two outlets naming one organisation: case, accents, punctuation, a leading
"the" and legal suffixes ("Amazon.com Inc." -> "amazon com", "Zico Investment Holdings Inc" -> "zico investment
holdings"). Ids are hashes of canonical keys, so the order records arrive in never changes an id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pipeline.settings import TYPOGRAPHIC_FOLDING

#: Legal-form words dropped from the end of organisation names (one or more, "Co Ltd", "Holding AG").
LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company cos ltd limited llc llp lp plc sa s a ag gmbh nv bv se spa "
    "srl ab asa oyj kk pty pte sarl sas bhd tbk".split()
)
#: Entity types that are one family for matching: the extractor types one company ORG here, PERSON there.
FAMILIES: dict[str, str] = {
    "ORG": "ORG",
    "REGULATOR": "ORG",
    "PUBLIC_BODY": "ORG",
    "COURT": "ORG",
    "PERSON": "PERSON",
    "LAW": "LAW",
    "GPE": "GPE",
}
#: Types the KB keeps as entities (amounts and dates become event fields).
KB_TYPES = frozenset(FAMILIES)
_NON_WORD = re.compile(r"[^\w]+")
_QID = re.compile(r"^Q[1-9]\d*$")
ID_HEX_DIGITS = 12


def fold(text: str) -> str:
    """Lower case without accents or typographic variants: 'Datenschutzbehörde' -> 'datenschutzbehorde'."""
    text = unicodedata.normalize("NFKD", text.translate(TYPOGRAPHIC_FOLDING))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def name_tokens(name: str) -> list[str]:
    """The words of a folded name, possessive 's and punctuation gone: "Texaco's" -> ['texaco']."""
    folded = re.sub(r"'s\b", "", fold(name))
    return [tok for tok in _NON_WORD.split(folded.replace("'", "")) if tok and tok != "_"]


def name_key(name: str, *, family: str = "ORG") -> str:
    """The normalised key of a name: folded words, without a leading "the" and, for organisations, legal suffixes.

    'The Amazon.com, Inc.' -> 'amazon com'; a name made only of suffix words keeps them ('The Company' ->
    'company'), so no key is empty where the name has a word.
    """
    tokens = name_tokens(name)
    if tokens[:1] == ["the"] and len(tokens) > 1:
        tokens = tokens[1:]
    if family == "ORG":
        kept = list(tokens)
        while len(kept) > 1 and kept[-1] in LEGAL_SUFFIXES:
            kept.pop()
        # "S.A." splits into "s a": drop a trailing pair of single letters too.
        while len(kept) > 2 and len(kept[-1]) == 1 and len(kept[-2]) == 1:
            kept = kept[:-2]
        tokens = kept
    return " ".join(tokens)


def has_legal_suffix(name: str) -> bool:
    """Whether a name ends in a legal form ('Takata Corporation'): such a name is an organisation, whatever type."""
    tokens = name_tokens(name)
    return len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES


def family_of(entity_type: str, name: str) -> str | None:
    """The matching family of an entity, or None for types the KB does not keep (MONEY, DATE)."""
    family = FAMILIES.get(entity_type)
    if family == "PERSON" and has_legal_suffix(name):
        return "ORG"
    return family


def is_acronym(name: str) -> bool:
    """'SEC', 'U.S.', 'FCPA': short, no lower-case letter, one word once the dots are gone."""
    bare = name.replace(".", "").replace("&", "").strip()
    return 1 < len(bare) <= 8 and " " not in bare and bare.isupper()


def is_qid(value: str | None) -> bool:
    """'Q4951' is a Wikidata item id; 'reg:ico-uk' is a gazetteer id."""
    return bool(value) and bool(_QID.match(value or ""))


def stable_id(prefix: str, *parts: str) -> str:
    """A short deterministic id from canonical parts: stable_id('ent', 'ORG', 'texaco') -> 'ent:1f0c...'."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).hexdigest()
    return f"{prefix}:{digest[:ID_HEX_DIGITS]}"
