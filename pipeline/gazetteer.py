"""Curated gazetteers of regulators, courts and laws, their patterns, and the component that matches them.

The data lives in ``pipeline/data`` (one JSON object a line; see the files for examples):

* ``regulators.jsonl``, ``courts.jsonl``, ``laws.jsonl``: entries with ``id``, ``type``, ``name``,
  ``aliases``, ``country`` (ISO 3166-1 alpha-2, ``EU``, ``INT`` or an ISO 3166-2 code such as ``US-NY``),
  ``domains`` (from :data:`DOMAINS`, primary first), ``kb_id`` (Wikidata QID or null) and ``source``.
  Optional keys: ``case_sensitive_aliases`` (matched as written only), ``lookup_only_aliases`` (known to
  :meth:`Gazetteer.lookup` but never matched by the ruler: too ambiguous in running text, e.g. "Commission"),
  ``dissolved`` (year) and ``preferred`` (the default body for its country and primary domain), both used by
  :meth:`Gazetteer.resolve_description`, ``patterns`` (spaCy token patterns for regular names, see below)
  and, for laws, ``parent`` + ``provision`` (+ ``provision_prefixes``) for a provision that is a law of its
  own ("Article 101 TFEU", "Title VII").
* ``descriptors.json``: descriptive heads ("privacy watchdog") -> domains, and country / subdivision names and
  adjectives -> ISO codes, for :meth:`Gazetteer.resolve_description`.

Token patterns may use ``{"MACRO": NAME}`` tokens, expanded by the loader: ``US`` (U.S. | US | United States),
``US_STATE`` (every US state name, from ``descriptors.json``), ``DIRECTION`` (Northern, Southern, ...),
``CIRCUIT`` (First..Eleventh, 1st..11th, Federal, D.C.), ``APOS_S`` ('s with straight or curly apostrophe) and
``PLACE`` (one to three title-case tokens that are not function words). A macro token may carry ``"OP": "?"``.

Case: aliases are phrase patterns matched on ORTH (:data:`RULER_CONFIG`, the EntityRuler default), so
acronyms, single words and ``case_sensitive_aliases`` match exactly as written; multi-word aliases with
lower-case letters also get their lower-case and headline forms ("federal trade commission", "Court Of
Appeals" stays out: small words keep their case). We do not use ``phrase_matcher_attr="LOWER"``: it would
need every case-sensitive alias as a Matcher token pattern, which made the ruler about 3x slower per
document. Pattern ids are entry ids; an alias shared by several
entries ("CNPD", "Datatilsynet") gets the ids joined by ``|`` (split them with
:meth:`Gazetteer.entries_for_ruler_id`). Where a named entry and a regular-name pattern cover the same span
("Delhi High Court"), the EntityRuler's choice is arbitrary: resolve COURT/REGULATOR spans with
:meth:`Gazetteer.lookup` first (:class:`GazetteerMatcher` prefers the named alias).

The pipeline runs :class:`GazetteerMatcher` (factory ``newspipe_gazetteer``), which finds the same matches as
an EntityRuler holding :meth:`Gazetteer.ruler_patterns` (:func:`build_entity_ruler`, kept as the reference the
tests compare with) at a fraction of the cost: each token pattern is tried only around its anchor word.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DATA_PACKAGE = "pipeline.data"
ENTRY_FILES: dict[str, str] = {"regulators.jsonl": "REGULATOR", "courts.jsonl": "COURT", "laws.jsonl": "LAW"}
DESCRIPTOR_FILE = "descriptors.json"
DOMAINS = frozenset(
    "privacy competition financial securities banking telecom media consumer environment health food "
    "aviation energy labor tax justice sports general".split()
)
QID_RE = re.compile(r"^Q\d+$")
COUNTRY_RE = re.compile(r"^(EU|INT|[A-Z]{2}(-[A-Z0-9]{1,3})?)$")
#: How the EntityRuler joins a label and a pattern id into its match key.
ENT_ID_SEP = "||"
#: Configuration for ``nlp.add_pipe("entity_ruler", config=RULER_CONFIG)``; see the module docstring on case.
RULER_CONFIG: dict[str, Any] = {"validate": False, "overwrite_ents": False}
#: Words a headline leaves in lower case ("Court of Appeals for the Ninth Circuit").
HEADLINE_SMALL_WORDS = frozenset("a an and as at by for in of on or the to with v. vs.".split())

PROVISION_PREFIXES = tuple(
    "article articles art arts section sections sec § §§ title rule paragraph chapter part clause".split()
)
#: One token of a provision number: "6", "6(1)(a", ")", "10b-5", "VII", "(b)".
PROVISION_NUMBER = r"(?:\d+[A-Za-z]{0,2}(?:-\d+)?(?:\([0-9A-Za-z]{1,4}\)?)*|\(?[0-9A-Za-z]{1,4}\)|\)|[IVXL]+)"
PROVISION_LINKS = ("and", "or", ",", "to", "through")
#: Lower-cased words that cannot be part of a PLACE next to a court name ("In Manhattan federal court").
PLACE_STOPWORDS = tuple(
    "in the a an at on by from to with before after and or but of for as that this its his her their when "
    "while judge justice chief federal state county u.s. us united states district court superior circuit "
    "supreme high crown magistrates bankruptcy appeals last next monday tuesday wednesday thursday friday "
    "saturday sunday it he she they we i if".split()
)
PLACE_MAX_TOKENS = 3
ORDINALS = tuple(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th federal d.c. dc".split()
)
DIRECTIONS = ("northern", "southern", "eastern", "western", "central", "middle")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass(frozen=True)
class GazetteerEntry:
    """One regulator, court or law of the gazetteer."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    domains: tuple[str, ...]
    kb_id: str | None
    source: str
    case_sensitive_aliases: tuple[str, ...] = ()
    lookup_only_aliases: tuple[str, ...] = ()
    patterns: tuple[Any, ...] = ()
    dissolved: int | None = None
    preferred: bool = False
    parent: str | None = None
    provision: str | None = None
    provision_prefixes: tuple[str, ...] = ()

    @property
    def ruler_aliases(self) -> tuple[str, ...]:
        """Name and aliases the ruler matches (everything but the lookup-only aliases)."""
        names = dict.fromkeys((self.name, *self.aliases)) if not self.patterns else dict.fromkeys(self.aliases)
        return tuple(a for a in names if a and a not in self.lookup_only_aliases)


def normalize_surface(text: str) -> str:
    """Lookup key of a mention: straight quotes, "U.S."->"US", "U.K."->"UK", one space, no leading "the "."""
    text = " ".join(text.translate(_QUOTES).split())
    text = re.sub(r"\bU\.S\.(?=\s|$|')", "US", text)
    text = re.sub(r"\bU\.K\.(?=\s|$|')", "UK", text)
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


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
    place = {"IS_TITLE": True, "LOWER": {"NOT_IN": list(PLACE_STOPWORDS)}, "OP": f"{{1,{PLACE_MAX_TOKENS}}}"}
    words = [name.split() for name in state_names]
    short = [w for w in words if len(w) <= 2]
    state: list[dict[str, Any]] = [{"ORTH": {"IN": sorted({w[0] for w in short})}}]
    if any(len(w) == 2 for w in short):
        state.append({"ORTH": {"IN": sorted({w[1] for w in short if len(w) == 2})}, "OP": "?"})
    return {
        "US": [[{"ORTH": {"IN": ["U.S.", "US", "United"]}}, {"ORTH": "States", "OP": "?"}]],
        "US_STATE": [state, *[[{"ORTH": t} for t in w] for w in words if len(w) > 2]],
        "DIRECTION": [[{"LOWER": {"IN": list(DIRECTIONS)}}]],
        "CIRCUIT": [[{"LOWER": {"IN": list(ORDINALS)}}]],
        "APOS_S": [[{"ORTH": {"IN": ["'s", "\u2019s"]}}]],
        "PLACE": [[place]],
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


def _parse_entry(raw: dict[str, Any], *, expected_type: str, where: str) -> GazetteerEntry:
    """Check one data line and build its entry; raise ValueError naming the file and line."""
    missing = [k for k in ("id", "type", "name", "source") if not raw.get(k)]
    if missing:
        raise ValueError(f"{where}: missing or empty {missing}; every entry needs an id, type, name and source")
    if raw["type"] != expected_type:
        raise ValueError(f"{where}: type must be {expected_type!r} in this file, got {raw['type']!r}")
    unknown = sorted(set(raw.get("domains", [])) - DOMAINS)
    if unknown:
        raise ValueError(f"{where}: unknown domains {unknown}; use one of {sorted(DOMAINS)}")
    if raw.get("kb_id") is not None and not QID_RE.match(raw["kb_id"]):
        raise ValueError(f"{where}: kb_id must be a Wikidata QID like 'Q8880' or null, got {raw['kb_id']!r}")
    if raw.get("country") is not None and not COUNTRY_RE.match(raw["country"]):
        raise ValueError(f"{where}: country must be ISO 3166 ('FR', 'US-NY'), 'EU' or 'INT', got {raw['country']!r}")
    keys = {f.name for f in GazetteerEntry.__dataclass_fields__.values()}
    extra = sorted(set(raw) - keys)
    if extra:
        raise ValueError(f"{where}: unknown keys {extra}; allowed: {sorted(keys)}")
    tuples = (
        "aliases",
        "domains",
        "case_sensitive_aliases",
        "lookup_only_aliases",
        "patterns",
        "provision_prefixes",
    )
    fields: dict[str, Any] = {k: tuple(v) if k in tuples else v for k, v in raw.items()}
    return GazetteerEntry(**fields)


def _read_entries() -> Iterator[GazetteerEntry]:
    for filename, entry_type in ENTRY_FILES.items():
        text = resources.files(DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"pipeline/data/{filename} line {number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{where}: not valid JSON ({err.msg}); each line must be one JSON object") from err
            yield _parse_entry(raw, expected_type=entry_type, where=where)


@dataclass(frozen=True)
class Gazetteer:
    """Regulators, courts and laws with their aliases, and the descriptor tables of the resolver."""

    entries: tuple[GazetteerEntry, ...]
    domains_by_descriptor: dict[str, tuple[str, ...]]
    country_codes: dict[str, str]
    subdivision_codes: dict[str, str]
    _by_id: dict[str, GazetteerEntry] = field(init=False, repr=False)
    _exact: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    _folded: dict[str, tuple[str, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_id: dict[str, GazetteerEntry] = {}
        exact: dict[str, list[str]] = defaultdict(list)
        folded: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries:
            if entry.id in by_id:
                raise ValueError(f"duplicate gazetteer id {entry.id!r}; ids must be unique across pipeline/data")
            by_id[entry.id] = entry
            for alias in dict.fromkeys((entry.name, *entry.aliases, *entry.lookup_only_aliases)):
                key = normalize_surface(alias)
                exact[key].append(entry.id)
                if is_case_insensitive(alias, entry.case_sensitive_aliases):
                    folded[key.casefold()].append(entry.id)
        for entry in self.entries:
            if entry.parent is not None and (entry.parent not in by_id or not entry.provision):
                raise ValueError(f"{entry.id}: parent {entry.parent!r} must be a known id and needs a provision")
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_exact", {k: tuple(dict.fromkeys(v)) for k, v in exact.items()})
        object.__setattr__(self, "_folded", {k: tuple(dict.fromkeys(v)) for k, v in folded.items()})

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with this id, or None."""
        return self._by_id.get(entry_id)

    def entries_for_ruler_id(self, ruler_id: str) -> tuple[GazetteerEntry, ...]:
        """Entries behind an EntityRuler ``ent_id_`` (several where the matched alias is shared)."""
        return tuple(self._by_id[i] for i in ruler_id.split("|") if i in self._by_id)

    def lookup_all(self, surface: str) -> tuple[GazetteerEntry, ...]:
        """Every entry with this exact alias (normalised; case-insensitive only for multi-word names)."""
        key = normalize_surface(surface)
        ids = self._exact.get(key) or (self._folded.get(key.casefold(), ()) if " " in key else ())
        return tuple(self._by_id[i] for i in ids)

    def lookup(self, surface: str, *, country: str | None = None) -> GazetteerEntry | None:
        """The one entry with this alias, or None if unknown or ambiguous ("CNPD" needs ``country="LU"``)."""
        found = self.lookup_all(surface)
        code = self._code(country) if country else None
        if code is not None:
            found = tuple(e for e in found if e.country and (e.country == code or e.country.startswith(f"{code}-")))
        return found[0] if len(found) == 1 else None

    def country_code(self, name: str) -> str | None:
        """ISO 3166-1 code (or EU) of a country name or adjective ("Luxembourgish" -> "LU"), or None."""
        text = re.sub(r"['\u2019]s?$", "", normalize_surface(name)).strip()
        if text in self.country_codes.values():
            return text
        code = self.country_codes.get(text) or self.country_codes.get(normalize_surface(name))
        if code is None:
            folded = {k.casefold(): v for k, v in self.country_codes.items() if len(k) > 3}
            code = folded.get(text.casefold())
        return code

    def _code(self, place: str) -> str | None:
        """Country code, else ISO 3166-2 subdivision code ("Hamburg" -> "DE-HH"), of a place name or code."""
        if COUNTRY_RE.match(place) and "-" in place:
            return place
        text = re.sub(r"['\u2019]s?$", "", normalize_surface(place)).strip()
        return self.country_code(place) or self.subdivision_codes.get(text)

    def descriptor_domains(self, phrase: str) -> tuple[str, ...]:
        """Domains of a descriptive head ("data protection watchdog" -> privacy); () when unknown."""
        words = normalize_surface(phrase).replace("\u2019", "'").split()
        words = [w for w in words if w.lower() not in {"the", "a", "an", "its", "lead", "national", "main", "top"}]
        for start in range(len(words)):
            for candidate in (" ".join(words[start:]), " ".join(words[start:]).lower()):
                singular = re.sub(r"ies$", "y", re.sub(r"(?<=[^s])s$", "", candidate))
                for key in (candidate, singular):
                    if key in self.domains_by_descriptor:
                        return self.domains_by_descriptor[key]
        return ()

    def resolve_description(self, *, country: str | None, domain_phrase: str) -> GazetteerEntry | None:
        """The regulator a description names ("Luxembourg", "privacy regulator" -> CNPD), or None.

        Candidates are regulators of that country whose *primary* domain is one the phrase means; national
        bodies win over state-level ones, current over dissolved ones, then entries marked ``preferred`` (the
        body news means by default, e.g. the FCA for "UK financial regulator"), then the phrase's earlier
        domain; a remaining tie (ambiguous) is None.
        """
        code = self._code(country) if country else None
        domains = self.descriptor_domains(domain_phrase)
        if code is None or not domains:
            return None
        regulators = [e for e in self.entries if e.type == "REGULATOR" and e.domains and not e.patterns]
        for scope in (lambda c: c == code, lambda c: c.startswith(f"{code}-")):
            ranked = sorted(
                ((e.dissolved is not None, not e.preferred, domains.index(e.domains[0])), e.id)
                for e in regulators
                if e.country and scope(e.country) and e.domains[0] in domains
            )
            if ranked:
                best = [i for rank, i in ranked if rank == ranked[0][0]]
                return self._by_id[best[0]] if len(best) == 1 else None
        return None

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns for every alias, regular-name pattern and law provision reference."""
        tokenize = _tokenizer()
        state_names = [n for n, c in self.subdivision_codes.items() if c.startswith("US-") and n[0].isupper()]
        macros = _macro_table(sorted(set(state_names) - {"Washington, D.C.", "Washington D.C.", "D.C."}))
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        patterns: list[dict[str, Any]] = []
        for entry in self.entries:
            for alias in entry.ruler_aliases:
                any_case = is_case_insensitive(alias, entry.case_sensitive_aliases)
                for form in alias_variants(alias, any_case=any_case):
                    grouped[(entry.type, form)].append(entry.id)
            for pattern in entry.patterns:
                patterns += [
                    {"label": entry.type, "pattern": p, "id": entry.id} for p in expand_macros(pattern, macros)
                ]
        for (label, form), ids in grouped.items():
            patterns.append({"label": label, "pattern": form, "id": "|".join(sorted(set(ids)))})
        patterns += self._provision_patterns(tokenize)
        return patterns

    def _provision_patterns(self, tokenize: Any) -> list[dict[str, Any]]:
        """Patterns for "Article 6(1)(a) GDPR", "Section 10(b) of the Exchange Act", "Title VII of ..."."""
        children: dict[str, list[GazetteerEntry]] = defaultdict(list)
        for entry in self.entries:
            if entry.parent:
                children[entry.parent].append(entry)
        number = {"TEXT": {"REGEX": f"^{PROVISION_NUMBER}$"}}
        tail = [
            {**number, "OP": "*"},
            {"LOWER": {"IN": list(PROVISION_LINKS)}, "OP": "?"},
            {**number, "OP": "*"},
        ]
        link = [{"LOWER": "of", "OP": "?"}, {"LOWER": "the", "OP": "?"}]
        patterns: list[dict[str, Any]] = []
        for entry in self.entries:
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


def build_entity_ruler(nlp: Any, *, name: str = "gazetteer_ruler", before: str | None = None) -> Any:
    """Add an EntityRuler holding the gazetteer patterns to ``nlp`` (before ``before`` when given)."""
    ruler = nlp.add_pipe("entity_ruler", name=name, before=before, config=RULER_CONFIG)
    ruler.add_patterns(load_gazetteer().ruler_patterns())
    return ruler


def pattern_token_width(token: dict[str, Any]) -> int | None:
    """Most document tokens one pattern token can cover (from its ``OP``); None when unbounded ("*")."""
    op = str(token.get("OP", "1"))
    if op in ("1", "?", "!"):
        return 1
    if op in ("*", "+"):
        return None
    quantifier = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
    if quantifier is None:
        raise ValueError(f"unknown pattern OP {op!r}; use a spaCy Matcher operator (?, *, +, !, {{n,m}})")
    if quantifier[2] and not quantifier[3]:
        return None
    return int(quantifier[3] or quantifier[1])


def anchor_words(token: dict[str, Any]) -> frozenset[str] | None:
    """Lower-case words a required literal pattern token matches ({"LOWER": "court"}, {"ORTH": {"IN": ..}}),
    or None when the token is optional or not a plain ORTH/LOWER/TEXT literal."""
    attrs = [k for k in token if k != "OP"]
    if token.get("OP", "1") != "1" or len(attrs) != 1 or attrs[0] not in ("ORTH", "LOWER", "TEXT"):
        return None
    value = token[attrs[0]]
    if isinstance(value, str):
        return frozenset({value.lower()})
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(w.lower() for w in value["IN"])
    return None


@dataclass(frozen=True)
class AnchorRule:
    """Where the matches of token patterns through one of their required words (the anchor) can lie.

    ``before``/``after``: most tokens a match has on each side of the anchor from bounded pattern tokens.
    An ``open`` side also has unbounded tokens ("*"); each of their tokens satisfies an unbounded spec, so
    the window there runs on until the (``before``/``after`` + 1)-th token that satisfies none.
    """

    words: frozenset[str]
    before: int
    after: int
    open_before: bool = False
    open_after: bool = False

    def window(self, anchor: int, length: int, unbounded: Callable[[int], bool]) -> tuple[int, int]:
        """Token range [start, end) holding every match through the anchor token at index ``anchor``;
        ``unbounded(i)`` says whether token ``i`` satisfies an unbounded spec."""
        start, end = max(0, anchor - self.before), min(length, anchor + 1 + self.after)
        if self.open_before:
            start, misses = anchor, self.before
            while start > 0 and (misses > 0 or unbounded(start - 1)):
                misses -= not unbounded(start - 1)
                start -= 1
        if self.open_after:
            end, misses = anchor + 1, self.after
            while end < length and (misses > 0 or unbounded(end)):
                misses -= not unbounded(end)
                end += 1
        return start, end

    def widened(self, other: AnchorRule) -> AnchorRule:
        """One rule whose windows hold those of both rules (same anchor words)."""
        return AnchorRule(
            words=self.words,
            before=max(self.before, other.before),
            after=max(self.after, other.after),
            open_before=self.open_before or other.open_before,
            open_after=self.open_after or other.open_after,
        )


def anchor_rule(pattern: Sequence[dict[str, Any]]) -> AnchorRule | None:
    """The anchor rule of a token pattern: its required literal token with the fewest words (function
    words last, then the first such token); None when it has no required literal token."""
    candidates = [(i, words) for i, token in enumerate(pattern) if (words := anchor_words(token))]
    if not candidates:
        return None
    index, words = min(candidates, key=lambda c: (c[1] <= HEADLINE_SMALL_WORDS, len(c[1]), c[0]))
    widths = [pattern_token_width(token) for token in pattern]
    return AnchorRule(
        words=words,
        before=sum(w or 0 for w in widths[:index]),
        after=sum(w or 0 for w in widths[index + 1 :]),
        open_before=None in widths[:index],
        open_after=None in widths[index + 1 :],
    )


def unbounded_specs(pattern: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The unbounded tokens of a pattern as one-token specs (without their ``OP``)."""
    return [{k: v for k, v in token.items() if k != "OP"} for token in pattern if pattern_token_width(token) is None]


def text_test(spec: dict[str, Any]) -> Callable[[str], bool] | None:
    """A test on a token's text equivalent to a one-token spec on TEXT/ORTH or LOWER (a string, ``IN`` or
    ``REGEX``), or None for any other spec (which then goes to a spaCy Matcher)."""
    if len(spec) != 1 or next(iter(spec)) not in ("TEXT", "ORTH", "LOWER"):
        return None
    attr, value = next(iter(spec.items()))
    fold: Callable[[str], str] = str.lower if attr == "LOWER" else str
    if isinstance(value, str):
        return lambda text: fold(text) == value
    if isinstance(value, dict) and set(value) == {"IN"}:
        words = frozenset(value["IN"])
        return lambda text: fold(text) in words
    if isinstance(value, dict) and set(value) == {"REGEX"}:
        search = re.compile(value["REGEX"]).search
        return lambda text: search(fold(text)) is not None
    return None


def merge_windows(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping ranges merged into one ([0, 5) and [3, 9) -> [0, 9))."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class GazetteerMatcher:
    """spaCy component: the entities an EntityRuler with :meth:`Gazetteer.ruler_patterns` finds, cheaply.

    The EntityRuler's token Matcher tries every token pattern at every token; with ~450 patterns full of
    optional and regex tokens it cost as much as the NER. Here aliases go to a PhraseMatcher (as in the
    ruler), and each token pattern is only tried in the windows around its anchor word
    (:class:`AnchorRule`), which hold every match it can have. Matches are then chosen as the EntityRuler
    chooses them (longest first, then earliest; see :meth:`set_annotations` on ties), with the pattern id
    as ``ent_id_``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "newspipe_gazetteer",
        *,
        gazetteer: Gazetteer | None = None,
        overwrite_ents: bool = True,
    ) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.name = name
        self.overwrite_ents = overwrite_ents
        self.phrase_matcher = PhraseMatcher(nlp.vocab)
        self.unbounded = Matcher(nlp.vocab, validate=False)
        #: Match key -> (label, pattern id), and the rank that breaks ties between equal spans.
        self.labels: dict[int, tuple[str, str]] = {}
        self.ranks: dict[int, tuple[bool, int]] = {}
        named: dict[int, int] = {}
        rules: dict[frozenset[str], AnchorRule] = {}
        members: dict[frozenset[str], list[tuple[str, list[dict[str, Any]]]]] = defaultdict(list)
        phrases: dict[str, list[str]] = defaultdict(list)
        specs: dict[str, dict[str, Any]] = {}
        for pattern in (gazetteer or load_gazetteer()).ruler_patterns():
            key = f"{pattern['label']}{ENT_ID_SEP}{pattern['id']}"
            match_id = nlp.vocab.strings.add(key)
            self.labels[match_id] = (pattern["label"], pattern["id"])
            if isinstance(pattern["pattern"], str):
                named.setdefault(match_id, len(named))
                phrases[key].append(pattern["pattern"])
                continue
            rule = anchor_rule(pattern["pattern"])
            if rule is None:
                raise ValueError(
                    f"{pattern['id']}: token pattern {pattern['pattern']} has no required ORTH/LOWER word "
                    "to anchor it; give it one (the head noun of the name) in pipeline/data"
                )
            rules[rule.words] = rules[rule.words].widened(rule) if rule.words in rules else rule
            members[rule.words].append((key, pattern["pattern"]))
            specs.update((json.dumps(s, sort_keys=True), s) for s in unbounded_specs(pattern["pattern"]))
        for key, texts in phrases.items():
            self.phrase_matcher.add(key, [nlp.make_doc(text) for text in texts])
        self.ranks = {key: (key not in named, named.get(key, 0)) for key in self.labels}
        tests = {key: text_test(spec) for key, spec in specs.items()}
        self.unbounded_tests = [test for test in tests.values() if test is not None]
        if None in tests.values():
            self.unbounded.add("UNBOUNDED", [[specs[key]] for key, test in tests.items() if test is None])
        self.groups: list[tuple[AnchorRule, Matcher]] = []
        self.anchor_groups: dict[int, list[int]] = defaultdict(list)
        for words, rule in rules.items():
            matcher = Matcher(nlp.vocab, validate=False)
            for key, token_pattern in members[words]:
                matcher.add(key, [token_pattern])
            for word in words:
                self.anchor_groups[nlp.vocab.strings.add(word)].append(len(self.groups))
            self.groups.append((rule, matcher))

    def __call__(self, doc: Doc) -> Doc:
        """Find the gazetteer's names in ``doc`` and add them to ``doc.ents``."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every (match key, start, end) of the patterns in ``doc``: what the EntityRuler's Matchers find."""
        from spacy.attrs import LOWER

        matches = set(self.phrase_matcher(doc))
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        windows: dict[int, list[tuple[int, int]]] = defaultdict(list)

        @functools.cache
        def unbounded(position: int) -> bool:
            text = doc[position].text
            if any(test(text) for test in self.unbounded_tests):
                return True
            return len(self.unbounded) > 0 and bool(self.unbounded(doc[position : position + 1]))

        for position, lower in enumerate(lowers):
            for number in self.anchor_groups.get(lower, ()):
                windows[number].append(self.groups[number][0].window(position, len(doc), unbounded))
        for number, found in windows.items():
            matcher = self.groups[number][1]
            for start, end in merge_windows(found):
                matches.update((key, start + s, start + e) for key, s, e in matcher(doc[start:end]))
        return [m for m in matches if m[1] != m[2]]

    def set_annotations(self, doc: Doc, matches: Iterable[tuple[int, int, int]]) -> None:
        """Add matches to ``doc.ents`` longest first, then earliest, skipping any that overlap one taken.

        This is the EntityRuler's choice. Where it leaves equal spans to set order ("ICC" is a regulator
        and a court, "High Court in London" a named court and a court-of-place pattern), a named alias
        beats a token pattern, then the alias of the entry listed first in pipeline/data wins.
        """
        from spacy.tokens import Span

        ordered = sorted(matches, key=lambda m: (m[1] - m[2], m[1], self.ranks[m[0]]))
        entities = list(doc.ents)
        taken: set[int] = set()
        new_entities = []
        for match_id, start, end in ordered:
            if not self.overwrite_ents and any(t.ent_type for t in doc[start:end]):
                continue
            if start in taken or end - 1 in taken:
                continue
            label, ent_id = self.labels[match_id]
            new_entities.append(Span(doc, start, end, label=label, span_id=ent_id))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            taken.update(range(start, end))
        doc.ents = entities + new_entities


def build_gazetteer_component(
    nlp: Language, *, before: str | None = "ner", name: str = "newspipe_gazetteer"
) -> GazetteerMatcher:
    """Add the :class:`GazetteerMatcher` to ``nlp`` (factory ``newspipe_gazetteer``, see factories.py)."""
    return cast(GazetteerMatcher, nlp.add_pipe("newspipe_gazetteer", name=name, before=before))


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read and validate the bundled data files once per process."""
    raw = json.loads(resources.files(DATA_PACKAGE).joinpath(DESCRIPTOR_FILE).read_text(encoding="utf-8"))
    try:
        descriptors = {k: tuple(v) for k, v in raw["domains_by_descriptor"].items()}
        countries, subdivisions = dict(raw["country_codes"]), dict(raw["subdivision_codes"])
    except (KeyError, TypeError, AttributeError) as err:
        where = f"pipeline/data/{DESCRIPTOR_FILE}"
        maps = "domains_by_descriptor, country_codes and subdivision_codes"
        raise ValueError(f"{where}: needs the maps {maps} ({err!r})") from err
    for phrase, domains in descriptors.items():
        if not domains or set(domains) - DOMAINS:
            raise ValueError(f"pipeline/data/{DESCRIPTOR_FILE}: descriptor {phrase!r} has bad domains {domains}")
    return Gazetteer(tuple(_read_entries()), descriptors, countries, subdivisions)
