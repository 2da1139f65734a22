"""SpaCy token and phrase patterns built from the gazetteer: alias variants, macros, law provisions.

:func:`ruler_patterns` turns the entries of :mod:`pipeline.gazetteer.store` into EntityRuler patterns (the matcher
in :mod:`pipeline.gazetteer.matcher` runs the same patterns, faster).

Token patterns may use ``{"MACRO": NAME}`` tokens, expanded by the loader: ``US`` (U.S. | US | United States),
``US_STATE`` (every US state name, from ``descriptors.json``), ``DIRECTION`` (Northern, Southern, ...),
``CIRCUIT`` (First..Eleventh, 1st..11th, Federal, D.C.), ``APOS_S`` ('s with straight or curly apostrophe) and
``FEDERAL_DISTRICT`` (what follows "District of" in a federal court's name: a state, "Columbia", a territory),
``PLACE`` (one to three capitalised tokens that are not function words) and ``NAME`` (one to four capitalised
tokens or initials: a judge's name). A macro token may carry ``"OP": "?"``.

Case: aliases are phrase patterns matched on ORTH (:data:`pipeline.gazetteer_matcher.RULER_CONFIG`, the
EntityRuler default), so acronyms, single words and ``case_sensitive_aliases`` match exactly as written;
multi-word aliases with lower-case letters also get their lower-case and headline forms ("federal trade
commission", "Court Of Appeals" stays out: small words keep their case). We do not use
``phrase_matcher_attr="LOWER"``: it would need every case-sensitive alias as a Matcher token pattern, which
made the ruler about 3x slower per document. Pattern ids are entry ids; an alias shared by several entries
("CNPD", "Datatilsynet") gets the ids joined by ``|`` (split them with
:meth:`pipeline.gazetteer.Gazetteer.entries_for_ruler_id`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pipeline.gazetteer.entries import GazetteerEntry

#: Words a headline leaves in lower case ("Court of Appeals for the Ninth Circuit").
HEADLINE_SMALL_WORDS = frozenset("a an and as at by for in of on or the to with v. vs.".split())

PROVISION_PREFIXES = tuple(
    "article articles art arts section sections sec § §§ title rule paragraph chapter part clause".split()
)
#: One token of a provision number: "6", "6(1)(a", ")", "10b-5", "VII", "(b)".
PROVISION_NUMBER = r"(?:\d+[A-Za-z]{0,2}(?:-\d+)?(?:\([0-9A-Za-z]{1,4}\)?)*|\(?[0-9A-Za-z]{1,4}\)|\)|[IVXL]+)"
PROVISION_LINKS = ("and", "or", ",", "to", "through", "/", "-", "\u2013")
#: Words that subdivide a provision in continental and tracker style ("Art. 5 para. 1 lit. f GDPR").
PROVISION_SUBDIVISIONS = ("para", "paras", "paragraph", "lit", "sentence", "subparagraph", "point", "points", "no", "§")
#: One token after the first number of a provision reference: another number, an opening bracket or a letter of a
#: spaced subdivision ("Art. 5 (1) f) GDPR", "Art. 32 (1) b), (2) GDPR"), a subdivision word or its full stop, a
#: link of an enumeration ("Articles 6, 13 and 14 of the GDPR", "Art. 14 (1) - (3)").
PROVISION_TAIL = (
    f"^(?:{PROVISION_NUMBER}|\\(|[a-z]{{1,2}}|\\.|"
    + "|".join(re.escape(w) for w in (*PROVISION_SUBDIVISIONS, *PROVISION_LINKS))
    + ")$"
)
#: Lower-cased words that cannot be part of a PLACE next to a court name ("In Manhattan federal court").
PLACE_STOPWORDS = tuple(
    "in the a an at on by from to with before after and or but of for as that this its his her their when "
    "while judge justice chief federal state county u.s. us united states district court superior circuit "
    "supreme high crown magistrates bankruptcy appeals last next monday tuesday wednesday thursday friday "
    "saturday sunday it he she they we i if".split()
)
PLACE_MAX_TOKENS = 3
#: A capitalised word of a place or a person: title case, inner capitals ("McAllen", "DeKalb", "LaSalle"),
#: initials ("D.C.", "M.") or an O' name ("O'Fallon"). IS_TITLE alone missed the inner-capital names.
CAPITALISED_WORD = r"^(?:[A-Z][a-z]+)+\.?$|^(?:[A-Z]\.)+$|^[A-Z]'[A-Z][a-z]+$"
NAME_MAX_TOKENS = 4
#: Federal judicial districts that are not states (28 U.S.C. 88, 119; 48 U.S.C. 1424, 1611, 1821): "District
#: Court for the District of Columbia", "... for the District of the Virgin Islands". Puerto Rico is a
#: subdivision in descriptors.json already; "District of Columbia" is named by its last word after "District of".
FEDERAL_DISTRICT_TERRITORIES = (
    "Columbia",
    "Guam",
    "the Virgin Islands",
    "Virgin Islands",
    "the Northern Mariana Islands",
)
ORDINALS = tuple(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th federal d.c. dc".split()
)
DIRECTIONS = ("northern", "southern", "eastern", "western", "central", "middle")


def is_case_insensitive(alias: str, case_sensitive: Iterable[str] = ()) -> bool:
    """Whether an alias may match in any case: multi-word, with lower-case letters, not flagged."""
    return alias not in set(case_sensitive) and " " in alias.strip() and any(c.islower() for c in alias)


def alias_variants(alias: str, *, any_case: bool = False) -> list[str]:
    """Surface forms of an alias in news: straight and curly apostrophes, "U.S."/"US", "U.K."/"UK", and with
    ``any_case`` its lower-case and headline forms."""
    forms = {alias}
    if any_case:
        words = alias.split(" ")
        headline = [
            w if w.lower() in HEADLINE_SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(words)
        ]
        forms |= {alias.lower(), " ".join(headline)}
    for old, new in (("U.S. ", "US "), ("US ", "U.S. "), ("U.K. ", "UK "), ("UK ", "U.K. ")):
        forms |= {f.replace(old, new) for f in forms if f.startswith(old) or f" {old}" in f}
    forms |= {f.replace("'", "\u2019") for f in forms}
    return sorted(forms)


def _macro_table(state_names: Sequence[str]) -> dict[str, list[list[dict[str, Any]]]]:
    """Alternatives (token sequences) of each pattern macro.

    Few alternatives keep the Matcher fast: a state is "first word, optional second word" (over-generating
    "New Carolina" is harmless, since text never has it), not one sequence per state.
    """
    capitalised = {"TEXT": {"REGEX": CAPITALISED_WORD}, "LOWER": {"NOT_IN": list(PLACE_STOPWORDS)}}
    place = {**capitalised, "OP": f"{{1,{PLACE_MAX_TOKENS}}}"}
    name = {"TEXT": {"REGEX": CAPITALISED_WORD}, "LOWER": {"NOT_IN": ["of", "the"]}, "OP": f"{{1,{NAME_MAX_TOKENS}}}"}
    words = [name.split() for name in state_names]
    short = [w for w in words if len(w) <= 2]
    state: list[dict[str, Any]] = [{"ORTH": {"IN": sorted({w[0] for w in short})}}]
    if any(len(w) == 2 for w in short):
        state.append({"ORTH": {"IN": sorted({w[1] for w in short if len(w) == 2})}, "OP": "?"})
    us_state = [state, *[[{"ORTH": t} for t in w] for w in words if len(w) > 2]]
    territories = [[{"ORTH": t} for t in name.split()] for name in FEDERAL_DISTRICT_TERRITORIES]
    return {
        "US": [[{"ORTH": {"IN": ["U.S.", "US", "United"]}}, {"ORTH": "States", "OP": "?"}]],
        "US_STATE": us_state,
        "FEDERAL_DISTRICT": [*us_state, *territories],
        "DIRECTION": [[{"LOWER": {"IN": list(DIRECTIONS)}}]],
        "CIRCUIT": [[{"LOWER": {"IN": list(ORDINALS)}}]],
        "APOS_S": [[{"ORTH": {"IN": ["'s", "\u2019s"]}}]],
        "PLACE": [[place]],
        "NAME": [[name]],
    }


def expand_macros(pattern: Sequence[dict[str, Any]], macros: dict[str, list[list[dict[str, Any]]]]) -> Iterator[list]:
    """Every plain spaCy token pattern a macro pattern stands for (product of the macros' alternatives)."""
    choices: list[list[list[dict[str, Any]]]] = []
    for token in pattern:
        if "MACRO" not in token:
            choices.append([[token]])
            continue
        if token["MACRO"] not in macros:
            raise ValueError(f"unknown pattern macro {token['MACRO']!r}; known: {sorted(macros)}")
        alternatives = list(macros[token["MACRO"]])
        if token.get("OP") == "?" and len(alternatives) == 1 and len(alternatives[0]) == 1:
            alternatives = [[{**alternatives[0][0], "OP": "?"}]]  # one optional token, not two patterns
        elif token.get("OP") == "?":
            alternatives.append([])
        choices.append(alternatives)
    for combination in itertools.product(*choices):
        yield [token for part in combination for token in part]


def ruler_patterns(entries: Sequence[GazetteerEntry], subdivision_codes: dict[str, str]) -> list[dict[str, Any]]:
    """EntityRuler patterns for every alias, regular-name pattern and law provision reference of ``entries``;
    the US state names of ``subdivision_codes`` (name -> ISO 3166-2 code) fill the ``US_STATE`` macro."""
    tokenize = _tokenizer()
    state_names = [n for n, c in subdivision_codes.items() if c.startswith("US-") and n[0].isupper()]
    macros = _macro_table(sorted(set(state_names) - {"Washington, D.C.", "Washington D.C.", "D.C."}))
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    patterns: list[dict[str, Any]] = []
    for entry in entries:
        for alias in entry.ruler_aliases:
            any_case = is_case_insensitive(alias, entry.case_sensitive_aliases)
            for form in alias_variants(alias, any_case=any_case):
                grouped[(entry.type, form)].append(entry.id)
        for pattern in entry.patterns:
            patterns += [{"label": entry.type, "pattern": p, "id": entry.id} for p in expand_macros(pattern, macros)]
    for (label, form), ids in grouped.items():
        patterns.append({"label": label, "pattern": form, "id": "|".join(sorted(set(ids)))})
    patterns += _provision_patterns(entries, tokenize)
    return patterns


def _provision_patterns(entries: Sequence[GazetteerEntry], tokenize: Any) -> list[dict[str, Any]]:
    """Patterns for "Article 6(1)(a) GDPR", "Section 10(b) of the Exchange Act", "Title VII of ..."."""
    children: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in entries:
        if entry.parent:
            children[entry.parent].append(entry)
    number = {"TEXT": {"REGEX": f"^{PROVISION_NUMBER}$"}}
    tail = [{"TEXT": {"REGEX": PROVISION_TAIL}, "OP": "*"}]
    link = [{"LOWER": "of", "OP": "?"}, {"LOWER": "the", "OP": "?"}]
    patterns: list[dict[str, Any]] = []
    for entry in entries:
        if entry.type != "LAW" or entry.parent:
            continue
        taken = "|".join(re.escape(c.provision or "") for c in children.get(entry.id, []))
        first = {
            "TEXT": {"REGEX": f"^(?!(?:{taken})(?:\\(|$)){PROVISION_NUMBER}$" if taken else number["TEXT"]["REGEX"]}
        }
        heads = [
            (
                [{"LOWER": {"IN": list(PROVISION_PREFIXES)}}, {"ORTH": ".", "OP": "?"}, first, *tail],
                entry.id,
            )
        ]
        for child in children.get(entry.id, []):
            prefixes = [p.lower() for p in child.provision_prefixes] or list(PROVISION_PREFIXES)
            own = {"TEXT": {"REGEX": f"^{re.escape(child.provision or '')}(?:\\(.*)?$"}}
            heads.append(([{"LOWER": {"IN": prefixes}}, {"ORTH": ".", "OP": "?"}, own, *tail], child.id))
        for alias in entry.ruler_aliases:
            attr = "LOWER" if is_case_insensitive(alias, entry.case_sensitive_aliases) else "ORTH"
            words = [{attr: t.lower() if attr == "LOWER" else t} for t in tokenize(alias)]
            patterns += [{"label": "LAW", "pattern": [*head, *link, *words], "id": i} for head, i in heads]
    return patterns


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """Token texts of an alias, split the way spaCy's English tokenizer splits running text."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return lambda text: [token.text for token in tokenizer(text)]
