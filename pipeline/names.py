"""Pure functions on entity names: normalising, typing by head words, acronyms, alias tests.

Used by the entity stage to decide which mentions name the same entity and
whether an organisation is a company, a regulator or a court.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
CORPORATE_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "corp", "corporation", "co", "company",
        "plc", "sa", "ag", "gmbh", "nv", "bv", "se", "spa", "srl", "ab", "asa", "oy", "pllc", "pc", "lc",
        "holdings", "group",
    }
)  # fmt: skip
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "judge", "justice", "sir", "dame", "lord", "lady"})
# Words too generic to identify an entity on their own ("Bank" must not merge with "Bank of China").
GENERIC_WORDS = frozenset(
    {
        "bank", "company", "firm", "group", "court", "department", "office", "commission", "authority",
        "agency", "association", "board", "bureau", "council", "division", "service", "services", "state",
        "states", "united", "national", "federal", "us", "international", "trust", "fund", "financial",
        "capital", "securities", "exchange", "district", "government", "ministry", "regulator", "watchdog",
        "attorney", "general", "new", "american", "first", "global",
    }
)  # fmt: skip
STOP_WORDS = frozenset({"the", "of", "and", "for", "a", "an", "in", "on", "at", "to", "de", "&"})
# Memoised results of the pure name functions: the entity stage compares every mention with every cluster,
# so the same few hundred names of a document are folded and split thousands of times. Bounded so a long
# run does not grow without limit.
NAME_CACHE_SIZE = 4096

# Head words that make an organisation name a public enforcer or a court (checked on whole words).
REGULATOR_HEAD_PATTERN = re.compile(
    r"\b(commission|commissioner|authority|agency|department|ministry|attorney general|attorneys general|"
    r"regulator|watchdog|inspectorate|ombudsman|administration|bureau|directorate|"
    r"supervisor|prosecutor|prosecutors|procurator|treasury|police|fbi|office of the|"
    r"attorney's office|attorneys office|attorney.s office|u\.s\. attorney|inspector general|strike force|"
    r"task force|litigation (section|branch)|(fraud|crimes?|enforcement|counterterrorism) section|"
    r"investigative service|sheriff'?s office)\b",
    re.IGNORECASE,
)
# Public bodies that are neither companies nor enforcers (victims, customers, defendants): not ORG.
PUBLIC_BODY_PATTERN = re.compile(
    r"\b(school district|public schools|board of education|county|city of|town of|city council|"
    r"university|college|detention center|correctional facility|national guard|navy|army|air force|"
    r"congress|parliament|cabinet|senate|house of representatives|general assembly|consulate|embassy|"
    r"medicare|medicaid)\b",
    re.IGNORECASE,
)
# Heads that make a capitalised phrase a law, not an organisation ("Texas Deceptive Trade Practices Act").
LAW_HEAD_PATTERN = re.compile(r"\b(act|acts|code|guidelines|convention|directive|regulation|statute)$", re.I)
COURT_HEAD_PATTERN = re.compile(r"\b(court|tribunal|judiciary|circuit)\b", re.IGNORECASE)
# Organisations with a regulator-like head word that are not public bodies.
NON_REGULATOR_PATTERN = re.compile(
    r"\b(inc|corp|ltd|llc|plc|company|co|bank|university|college|hospital|association|institute)\b\.?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def fold(text: str) -> str:
    """Case- and accent-folded text with typographic quotes made ASCII."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").casefold()


def name_words(text: str) -> list[str]:
    """Words of a name, folded, without possessive 's, punctuation, leading determiners, corporate suffixes."""
    return list(_name_words(text))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_words(text: str) -> tuple[str, ...]:
    """:func:`name_words` as an immutable (cacheable) tuple."""
    folded = re.sub(r"'s\b", "", fold(text))
    folded = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", folded)  # U.S. -> us, D.C. -> dc
    words = [w for w in re.split(r"[^\w&]+", folded) if w]
    while words and words[0] in DETERMINERS:
        words = words[1:]
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words = words[:-1]
    return tuple(words)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def normalize_name(text: str) -> str:
    """The comparison key of a name: 'The Nebraska Beef, Ltd.' -> 'nebraska beef'."""
    return " ".join(_name_words(text))


def content_words(text: str) -> frozenset[str]:
    """Words of a name that carry meaning (no stop words)."""
    return frozenset(w for w in _name_words(text) if w not in STOP_WORDS)


def is_distinctive(words: frozenset[str]) -> bool:
    """True when the words hold at least one non-generic word."""
    return bool(words - GENERIC_WORDS)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def initials(text: str) -> str:
    """Upper-case initials of a name's content words: 'Stichting Data Bescherming Nederland' -> 'SDBN'."""
    words = [w for w in re.split(r"[^\w]+", text) if w and w.casefold() not in STOP_WORDS]
    return "".join(w[0] for w in words).upper()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def looks_like_acronym(text: str) -> bool:
    """'SDBN', 'U.S. EPA', 'FTC' -- short, upper-case, no spaces beyond dotted forms."""
    letters = re.sub(r"[.\s&-]", "", text)
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_acronym_of(short: str, long: str) -> bool:
    """True when ``short`` is the acronym of ``long`` (initials of its content words, or of all its words)."""
    letters = re.sub(r"[.\s&-]", "", short).upper()
    if not looks_like_acronym(short) or len(long.split()) < 2:
        return False
    all_initials = "".join(w[0] for w in re.split(r"[^\w]+", long) if w).upper()
    return letters in (initials(long), all_initials)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_short_form(short: str, long: str) -> bool:
    """True when ``short`` names the same organisation as ``long`` by a leading part of its words.

    'Nebraska Beef' ~ 'Nebraska Beef Ltd.', 'Amazon' ~ 'Amazon.com', 'Lucite' ~ 'Lucite International Inc.';
    never on generic words alone ('Bank' !~ 'Bank of China').
    """
    s, lw = _name_words(short), _name_words(long)
    if not s or len(s) >= len(lw) or lw[: len(s)] != s:
        return False
    return is_distinctive(frozenset(s) - STOP_WORDS)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def surname_of(text: str) -> str | None:
    """The surname a person is referred to by on second mention ('Mr Aitken' -> 'aitken')."""
    words = [w for w in re.split(r"[^\w'-]+", fold(text)) if w]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    while words and words[-1] in {"jr", "sr", "ii", "iii"}:
        words = words[:-1]
    return words[-1] if words else None


@lru_cache(maxsize=NAME_CACHE_SIZE)
def org_kind(text: str) -> str:
    """'COURT', 'REGULATOR', 'LAW', 'PUBLIC_BODY' (no enforcing role) or 'ORG' from a name's words."""
    if COURT_HEAD_PATTERN.search(text) and not NON_REGULATOR_PATTERN.search(text):
        return "COURT"
    if REGULATOR_HEAD_PATTERN.search(text) and not NON_REGULATOR_PATTERN.search(text):
        return "REGULATOR"
    if LAW_HEAD_PATTERN.search(text.rstrip(". ")) and len(text.split()) > 1:
        return "LAW"
    if PUBLIC_BODY_PATTERN.search(text) and not NON_REGULATOR_PATTERN.search(text):
        return "PUBLIC_BODY"
    return "ORG"


# -- scraped copy without apostrophes ------------------------------------------------------------------
# Heads of an owning body in "Justice Departments Civil Division" (scraped copy lost the apostrophe).
# Not "service": "General Services Administration", "Human Services" are plural in the name itself.
OWNER_HEADS = frozenset(
    {
        "department", "division", "agency", "commission", "bureau", "administration", "office", "ministry",
        "authority", "board", "court", "section", "branch", "directorate", "inspectorate",
    }
)  # fmt: skip
# Words a name keeps in the plural ("Veterans Affairs", "Attorneys General", "Human Services").
PLURAL_ENDINGS = ("ss", "us", "is", "ys'", "'s")


def _bare_possessive_owner(word: str) -> bool:
    """True when ``word`` reads as an owner whose possessive lost its apostrophe ('Departments', 'GSAs')."""
    if len(word) < 3 or not word.endswith("s") or word.endswith(PLURAL_ENDINGS) or not word[0].isupper():
        return False
    stem = word[:-1]
    return (stem.isupper() and stem.isalpha()) or stem.lower() in OWNER_HEADS


def _unknown(_: str) -> bool:
    return False


def bare_possessive_split(words: list[str], *, is_known: Callable[[str], bool] = _unknown) -> int | None:
    """Index of the owner's last word in a name glued to its owner without an apostrophe, else None.

    'Justice Departments Civil Division' -> 1 (owner 'Justice Department', unit 'Civil Division');
    'GSAs Office of Inspector General' -> 0.  ``is_known`` tells names the caller knows as one entity
    ('Department of Health and Human Services'), which are never split.  'Attorneys General' stays whole.
    """
    if is_known(" ".join(words)):
        return None
    for i, word in enumerate(words[:-1]):
        rest = words[i + 1 :]
        if not rest[0][:1].isupper() or all(fold(w) in GENERIC_WORDS for w in rest):
            continue
        owner = " ".join(words[: i + 1])
        if is_known(owner) or not word.endswith("s"):
            continue
        if _bare_possessive_owner(word) or (not word.endswith(PLURAL_ENDINGS) and is_known(owner[:-1])):
            return i
    return None


def singular_name(text: str) -> str:
    """The name with its bare possessive 's' dropped: 'Justice Departments' -> 'Justice Department'.

    A candidate only ('Texas' -> 'Texa'): callers accept it where the gazetteer or another mention knows it.
    """
    return text[:-1] if text.endswith("s") and not text.endswith(PLURAL_ENDINGS) else text
