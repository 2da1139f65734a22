"""Mention patterns of the entity stage: trimming spans, descriptive references, renames in parentheses.

Pure functions and matcher builders the resolver uses to collect mentions before it types and groups them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from spacy.attrs import ENT_TYPE, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.entities.names import CORPORATE_SUFFIXES, DETERMINERS, initials, looks_like_acronym

# Heads of descriptive references to authorities ("the UK's privacy watchdog").
DESCRIPTOR_HEADS = (
    "regulator", "regulators", "watchdog", "authority", "agency", "commission", "commissioner",
    "ombudsman", "supervisor", "inspectorate", "dpa",
)  # fmt: skip
DESCRIPTOR_MODIFIERS = (
    "privacy", "data", "protection", "competition", "antitrust", "financial", "finance", "markets",
    "securities", "banking", "media", "telecoms", "telecom", "communications", "consumer", "consumers",
    "energy", "environmental", "environment", "health", "food", "aviation", "gambling", "tax",
    "information", "internet", "trade", "fair", "market", "conduct", "prudential", "broadcasting",
)  # fmt: skip
# Scraped copy glues a null field or the next sentence to a word: "NoneApplicants", "DepartmentThe".
GLUED_TOKEN = re.compile(r"^None(?=[A-Z])|[a-z](?:The|This|That|In|On|For|To)$")
# Function words the NER leaves at the end of a span ("Union by", "Management Centre at", "Administration
# and"): a name never ends in one written in lower case.
TRAILING_FUNCTION_WORDS = frozenset({"of", "and", "at", "by", "to", "for", "in", "on", "the", "with", "from"})
# Procedural roles that legal copy puts before a party's name ("Defendant W.J. Nolan", "Relief Defendant Acme
# LLC", "Respondent Acme Bank"): the role is no part of the name.
PARTY_ROLE_WORDS = frozenset(
    {"defendant", "defendants", "relief", "respondent", "respondents", "plaintiff", "plaintiffs", "petitioner"}
)
# Capitalised articles only ever begin a name: one at the end of a span is the next sentence glued on
# ("hepatitis B. The Justice Department") or a name the NER cut ("IPC The Hospitalist Co.").
LEADING_ARTICLES = frozenset({"The"})
# Descriptive laws named as breached ("EU privacy laws", "anti-spam laws", "federal fair housing laws").
LAW_DESCRIPTOR_MODIFIERS = (
    "privacy", "data", "protection", "anti", "spam", "competition", "antitrust", "consumer", "fraud", "fair",
    "housing", "lending", "securities", "labor", "labour", "employment", "environmental", "disability",
    "discrimination", "antidiscrimination", "gambling", "tax", "call", "do", "not", "federal", "state",
)  # fmt: skip
LAW_DESCRIPTOR_HEADS = ("law", "laws", "statute", "statutes")
# Modifiers that say nothing about the law's subject: "federal law", "state statute" are no LAW.
LAW_SCOPE_WORDS = frozenset({"federal", "state", "do", "not", "anti", "-"})
# "X (formerly known as Y)", "X (formerly Y)", "X, formerly Y"
RENAME_WORDS = ("formerly", "previously", "née")
# "Mid-South Development LLC (aka MSD LLC)", "Smith Engineering Inc. (aka Smith Engineering Firm Inc., aka
# S.E.C.O. Inc., dba Smith Engineering Co. Inc.)": legal copy lists a company's other names so, one or more.
ALIAS_WORDS = ("aka", "a.k.a.", "a/k/a", "dba", "d/b/a", "d.b.a.")
# The same words between two names outside parentheses, and the formerly / now known as forms.
LINKING_ALIAS_WORDS = frozenset({*ALIAS_WORDS, "f/k/a", "fka", "f.k.a.", "n/k/a", "nka", "n.k.a."})
# Most tokens between the parentheses of a rename or alias list.
MAX_RENAME_TOKENS = 11
MAX_ALIAS_LIST_TOKENS = 30
# Entity types a descriptive reference starts with.
DESCRIPTOR_PLACE_TYPES = ("GPE", "NORP", "LOC")
LAW_PLACE_TYPES = ("GPE", "NORP")

# Numbered rules and lettered regulations are laws of their own, never people or organisations: "Rule 15c1-2",
# "Rule 15g-6", "MSRB Rule G-17", "FINRA Rule 2010", "Regulation B", "Regulation S-K" (the SEC's, FINRA's,
# MSRB's and the Federal Reserve's / CFPB's numbering). Without an issuer before it a rule number must look
# like one (a letter or hyphen inside: "10b-5", "G-17"), so "Rule 1" of a club or game stays out.
RULE_ISSUERS = ("SEC", "FINRA", "MSRB", "NFA", "NYSE", "Nasdaq", "NASD", "CFTC", "Exchange", "Commission")
RULE_WORDS = ("Rule", "Rules", "rule")
# Scanned releases print a digit one as the letter l ("Rule l0b-5"): a leading "l" before a digit reads as "1".
RULE_NUMBER = (
    r"^(?:(?:\d|l(?=\d))\d{0,3}[a-z]{1,3}\d{0,3}(?:-\d{1,3}[a-z]?)?"
    r"|\d{1,4}-\d{1,3}[a-z]?|[A-Z]-\d{1,3}[A-Za-z]?)(?:\(.*)?$"
)
ISSUED_RULE_NUMBER = r"^(?:\d{1,5}[a-z]{0,3}\d{0,3}(?:-\d{1,3}[a-z]?)?|[A-Z]-\d{1,3}[A-Za-z]?)(?:\(.*)?$"
# The tokenizer splits "15c1-2" after the letter group: the "-2" comes as its own tokens.
RULE_SUFFIX: tuple[dict[str, Any], ...] = ({"ORTH": "-"}, {"TEXT": {"REGEX": r"^\d{1,3}[a-z]?$"}})
_MISREAD_ONE = re.compile(r"(?<![\w])l(?=\d)")
REGULATION_LETTERS = r"^(?:[A-Z]{1,2}|[A-Z]-[A-Z]{1,2}|SHO|NMS|ATS|BTR)\.?$"

# Match key of descriptive references whose place follows the head ("the DPA from Luxembourg").
POSTPOSED_DESCRIPTOR = "DESCRIPTOR_POSTPOSED"
POSTPOSED_PLACE_LINKS = ("of", "from", "in")

# Word ids of what each matcher needs at least once in a document: most documents lack one, and a
# matcher costs a pass over every token, so it runs only where it can match.
_DESCRIPTOR_HEAD_IDS = frozenset(get_string_id(w) for w in DESCRIPTOR_HEADS)
_DESCRIPTOR_PLACE_IDS = frozenset(get_string_id(t) for t in DESCRIPTOR_PLACE_TYPES)
_LAW_HEAD_IDS = frozenset(get_string_id(w) for w in LAW_DESCRIPTOR_HEADS)
_LAW_SUBJECT_IDS = frozenset(get_string_id(w) for w in LAW_DESCRIPTOR_MODIFIERS if w not in LAW_SCOPE_WORDS)
_OPEN_PAREN_ID = get_string_id("(")


def trim_mention(span: Span) -> Span | None:
    """Drop leading determiners and trailing possessives/punctuation from a mention."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space
        or GLUED_TOKEN.search(doc[start].text)
        or (doc[start].lower_ in PARTY_ROLE_WORDS and end - start > 1 and doc[start + 1].is_title)
    ):  # fmt: skip
        start += 1
    while end > start and (
        doc[end - 1].lower_ in {"'s", "'"} or doc[end - 1].is_punct or doc[end - 1].is_space
        or GLUED_TOKEN.search(doc[end - 1].text)
        or (doc[end - 1].is_lower and doc[end - 1].lower_ in TRAILING_FUNCTION_WORDS)
        or (end - 1 > start and doc[end - 1].text in LEADING_ARTICLES)
    ):  # fmt: skip
        end -= 1
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in doc[opened:end]):
        end = opened  # cut at a bracket the span does not close: "Ato (Boldon", "Institute (ASI"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id, span_id=span.id)


# Words that coordinate two company names the NER read as one ("Sears, Roebuck and Co and Kellwood Co").
COORDINATORS = frozenset({"and", "&", ","})


def _legal_form(text: str) -> bool:
    return text.rstrip(".").casefold() in CORPORATE_SUFFIXES


def split_coordinated(span: Span) -> list[Span]:
    """An organisation span that holds two companies joined after a legal form, as two spans: a legal form
    ends a name, so "X Co and Y Co" is two names (the NER often joins coordinated company names)."""
    if span.label_ != "ORG":
        return [span]
    doc = span.doc
    for tok in span[:-2]:
        nxt, after = doc[tok.i + 1], doc[tok.i + 2]
        if _legal_form(tok.text) and nxt.lower_ in COORDINATORS and after.is_title and not _legal_form(after.text):
            head = Span(doc, span.start, tok.i + 1, label=span.label, kb_id=span.kb_id)
            return [head, *split_coordinated(Span(doc, tok.i + 2, span.end, label=span.label, kb_id=span.kb_id))]
    return [span]


# How far left a name may be extended to match the acronym after it, and the words it may cross: the NER
# cuts a name at a comma or a lower-case word ("State Administration of Radio, Film and Television (SARFT)").
MAX_ACRONYM_EXTENSION = 8
NON_ORG_NER_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
ACRONYM_NAME_JOINERS = frozenset({",", "of", "and", "for", "the", "on", "in", "&", "-"})


def _all_initials(text: str) -> str:
    return "".join(w[0] for w in re.split(r"[^\w]+", text) if w).upper()


def extend_to_acronym(span: Span) -> Span:
    """A name the NER cut short, extended left until its initials spell the acronym in brackets after it:
    a press release defines an acronym by the full name, so the initials say where that name starts."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return span
    acronym = doc[span.end + 1].text
    if not looks_like_acronym(acronym) or acronym in (initials(span.text), _all_initials(span.text)):
        return span
    floor = max(0, span.start - MAX_ACRONYM_EXTENSION)
    for start in range(span.start - 1, floor - 1, -1):
        tok = doc[start]
        if not (tok.is_title or tok.is_upper or tok.lower_ in ACRONYM_NAME_JOINERS):
            return span
        if (tok.is_title or tok.is_upper) and tok.lower_ not in DETERMINERS:
            text = doc[start : span.end].text
            if acronym in (initials(text), _all_initials(text)):
                # a longer name is another body ("Puerto Rico Department of Justice (PRDOJ)"): typed afresh
                # and a name spelled by an acronym is an organisation's, whatever the NER called its last words
                retype = span.kb_id or span.label_ in NON_ORG_NER_LABELS
                return Span(doc, start, span.end, label="ORG" if retype else span.label)
    return span


def lower_ids(doc: Doc) -> frozenset[int]:
    """Ids (string hashes) of the lower-case forms of a document's tokens, read in one array pass."""
    return frozenset(doc.to_array(LOWER).tolist())


def can_describe(doc: Doc, words: frozenset[int]) -> bool:
    """False when :func:`descriptor_matcher` cannot match ``doc``: it has no descriptor head word or no
    place entity. ``words`` is :func:`lower_ids` of ``doc``."""
    if words.isdisjoint(_DESCRIPTOR_HEAD_IDS):
        return False
    return not _DESCRIPTOR_PLACE_IDS.isdisjoint(doc.to_array(ENT_TYPE).tolist())


def can_name_law(words: frozenset[int]) -> bool:
    """False when no descriptive law can be found in a document of these :func:`lower_ids`: it lacks a
    law head word or a modifier that names the law's subject (see ``LAW_SCOPE_WORDS``)."""
    return not words.isdisjoint(_LAW_HEAD_IDS) and not words.isdisjoint(_LAW_SUBJECT_IDS)


def descriptor_matcher(vocab: Vocab) -> Matcher:
    """Matcher of descriptive references to authorities: a place, then modifiers and a head
    ("Luxembourg's privacy regulator", "the Cypriot DPA")."""
    matcher = Matcher(vocab)
    matcher.add(
        "DESCRIPTOR",
        [
            [
                {"ENT_TYPE": {"IN": list(DESCRIPTOR_PLACE_TYPES)}, "OP": "+"},
                {"ORTH": {"IN": ["'s", "'"]}, "OP": "?"},
                {"LOWER": {"IN": list(DESCRIPTOR_MODIFIERS)}, "OP": "*"},
                {"LOWER": {"IN": list(DESCRIPTOR_HEADS)}},
            ]
        ],
        greedy="LONGEST",
    )
    # The place after the head: "the DPA from Luxembourg", "the data protection authority of Lower Saxony"
    # (enforcement trackers and translated decisions write it so); the place need not be an NER entity, the
    # resolver keeps the reference only where the gazetteer knows the place and its authority.
    matcher.add(
        POSTPOSED_DESCRIPTOR,
        [
            [
                {"LOWER": {"IN": list(DESCRIPTOR_MODIFIERS)}, "OP": "*"},
                {"LOWER": {"IN": list(DESCRIPTOR_HEADS)}},
                {"LOWER": {"IN": list(POSTPOSED_PLACE_LINKS)}},
                {"LOWER": "the", "OP": "?"},
                {"IS_TITLE": True},
                {"IS_TITLE": True, "OP": "?"},
                {"LOWER": "of", "OP": "?"},
                {"IS_TITLE": True, "OP": "?"},
            ]
        ],
        greedy="LONGEST",
    )
    return matcher


def law_descriptor_matcher(vocab: Vocab) -> Matcher:
    """Matcher of descriptive laws ("EU privacy laws", "anti-spam laws")."""
    matcher = Matcher(vocab)
    matcher.add(
        "LAW_DESCRIPTOR",
        [
            [
                {"ENT_TYPE": {"IN": list(LAW_PLACE_TYPES)}, "OP": "*"},
                {"LOWER": {"IN": list(LAW_DESCRIPTOR_MODIFIERS)}},
                {"LOWER": {"IN": [*LAW_DESCRIPTOR_MODIFIERS, "-"]}, "OP": "*"},
                {"LOWER": {"IN": list(LAW_DESCRIPTOR_HEADS)}},
            ]
        ],
        greedy="LONGEST",
    )
    return matcher


def find_renames(doc: Doc) -> list[tuple[Span, Span]]:
    """Mentions linked by a parenthesis: 'SDBN' after 'Stichting ... Nederland', 'X' ~ 'Twitter'."""
    pairs = []
    opens = [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth == _OPEN_PAREN_ID and i > 0]
    # Entities by end token and by start, looked up per parenthesis: a walk over ``doc.ents`` for each of them
    # would cost the square of a long article's length.
    ents = list(doc.ents)
    ent_by_end = {e.end: e for e in ents}
    ent_starts = [e.start for e in ents]
    for tok in map(doc.__getitem__, opens):  # read as ids: most tokens are no parenthesis
        aliases = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ALIAS_WORDS
        reach = tok.i + 1 + (MAX_ALIAS_LIST_TOKENS if aliases else MAX_RENAME_TOKENS)
        close = next((t.i for t in doc[tok.i + 1 : reach] if t.text == ")"), None)
        if close is None:
            continue
        if aliases:
            pairs += _alias_list(doc, tok.i, close, outer=ent_by_end.get(tok.i))
            continue
        inner_start = tok.i + 1
        while inner_start < close and doc[inner_start].lower_ in (*RENAME_WORDS, "known", "as", "the"):
            inner_start += 1
        if inner_start >= close:
            continue
        inner = doc[inner_start:close]
        before = doc[tok.i - 1]
        outer_ent = before.ent_type_ and ent_by_end.get(tok.i)
        if outer_ent is None or outer_ent is False or outer_ent == "":
            if not before.is_title and not before.is_upper:
                continue
            outer_ent = Span(doc, before.i, before.i + 1, label="ORG")
        if not (inner[0].is_title or inner[0].is_upper):
            continue
        renamed = doc[tok.i + 1].lower_ in RENAME_WORDS or looks_like_acronym(inner.text)
        if renamed or _holds_ent(inner, ents, ent_starts):
            pairs.append((outer_ent, Span(doc, inner.start, inner.end, label=outer_ent.label_)))
    return pairs


def linked_aliases(doc: Doc) -> list[tuple[Span, Span]]:
    """Names linked by an alias word outside parentheses, as legal copy writes a party's other names: "The
    Ticket Reserve Inc. a/k/a Forward Market Media, Inc.", "Heights Finance Holding Co. f/k/a Southern Management
    Corporation": the second name is an alias of the first (one entity, fullest name and aliases)."""
    ents = [e for e in doc.ents if e.label_ == "ORG"]
    pairs = []
    for first, second in zip(ents, ents[1:], strict=False):
        between = doc.text[first.end_char : second.start_char].strip(" ,").lower()
        if between in LINKING_ALIAS_WORDS:
            pairs.append((first, Span(doc, second.start, second.end, label=first.label_)))
    return pairs


def _holds_ent(span: Span, ents: list[Span], ent_starts: list[int]) -> bool:
    """``bool(span.ents)`` by bisection over the document's sorted entities: spaCy's ``Span.ents`` walks them all
    and keeps those from the span's start on that end inside it, stopping at the first that does not."""
    i = bisect_left(ent_starts, span.start)
    return i < len(ents) and ents[i].end <= span.end


def _alias_list(doc: Doc, open_paren: int, close: int, *, outer: Span | None) -> list[tuple[Span, Span]]:
    """The organisation ``outer`` before "(aka X, aka Y, dba Z)" paired with each name of the list. A person doing
    business under a name ("Larry Singleton (dba Singleton Architects)") is no alias of the firm."""
    if outer is None or outer.label_ == "PERSON":
        return []
    pairs = []
    start = open_paren + 1
    for i in range(open_paren + 1, close + 1):
        if i < close and doc[i].lower_ not in ALIAS_WORDS:
            continue
        piece = doc[start:i]
        while len(piece) and (piece[0].lower_ in ALIAS_WORDS or piece[0].is_punct or piece[0].lower_ == "and"):
            piece = doc[piece.start + 1 : piece.end]
        while len(piece) and (piece[-1].text == "," or piece[-1].lower_ == "and"):
            piece = doc[piece.start : piece.end - 1]
        if len(piece) and (piece[0].is_title or piece[0].is_upper):
            pairs.append((outer, Span(doc, piece.start, piece.end, label=outer.label_)))
        start = i
    return pairs


def can_number_rule(text: str) -> bool:
    """False when :func:`numbered_rule_matcher` cannot match a document of this text: each of its patterns
    needs a token written as one of ``RULE_WORDS`` or "Regulation", and a token's text is part of the text."""
    return any(word in text for word in (*RULE_WORDS, "Regulation"))


def numbered_rule_matcher(vocab: Vocab) -> Matcher:
    """Matcher of numbered rules and lettered regulations ("Rule 15c1-2", "MSRB Rule G-17", "Regulation B")."""
    matcher = Matcher(vocab)
    rule: list[dict[str, Any]] = [{"ORTH": {"IN": list(RULE_WORDS)}}, {"TEXT": {"REGEX": RULE_NUMBER}}]
    issued: list[dict[str, Any]] = [
        {"ORTH": {"IN": list(RULE_ISSUERS)}},
        {"ORTH": {"IN": list(RULE_WORDS)}},
        {"TEXT": {"REGEX": ISSUED_RULE_NUMBER}},
    ]
    matcher.add(
        "NUMBERED_RULE",
        [
            rule,
            [*rule, *RULE_SUFFIX],
            issued,
            [*issued, *RULE_SUFFIX],
            [{"ORTH": "Regulation"}, {"TEXT": {"REGEX": REGULATION_LETTERS}}],
        ],
        greedy="LONGEST",
    )
    return matcher


def rule_name(span: Span) -> str:
    """The name of one rule a rule mention stands for: "Rules 12b-20" -> "Rule 12b-20", "Rule l0b-5" ->
    "Rule 10b-5" (a scanned "l" for a one), "MSRB Rules G-17" -> "MSRB Rule G-17"."""
    text = "".join("Rule" + t.whitespace_ if t.text == "Rules" else t.text_with_ws for t in span).strip()
    return _MISREAD_ONE.sub("1", text)
