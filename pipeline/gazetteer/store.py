"""Curated gazetteers of regulators, courts and laws: loading, validation and lookup.

The data lives in ``pipeline/data`` (one JSON object a line; see the files for examples):

* ``regulators.jsonl``, ``courts.jsonl``, ``laws.jsonl``: entries with ``id``, ``type``, ``name``,
  ``aliases``, ``country`` (ISO 3166-1 alpha-2, ``EU``, ``INT`` or an ISO 3166-2 code such as ``US-NY``),
  ``domains`` (from :data:`DOMAINS`, primary first), ``kb_id`` (Wikidata QID or null) and ``source``.
  Optional keys: ``case_sensitive_aliases`` (matched as written only), ``lookup_only_aliases`` (known to
  :meth:`Gazetteer.lookup` but never matched by the ruler: too ambiguous in running text, e.g. "Commission"),
  ``context_aliases`` (short aliases other things share, "FA", "ESA": the entity stage keeps their matches
  only where the document supports them),
  ``dissolved`` (year) and ``preferred`` (the default body for its country and primary domain), both used by
  :meth:`Gazetteer.resolve_description`, ``patterns`` (spaCy token patterns for regular names, see
  :mod:`pipeline.gazetteer.patterns`) and, for laws, ``parent`` + ``provision`` (+ ``provision_prefixes``)
  for a provision that is a law of its own ("Article 101 TFEU", "Title VII").
* ``descriptors.json``: descriptive heads ("privacy watchdog") -> domains, and country / subdivision names and
  adjectives -> ISO codes, for :meth:`Gazetteer.resolve_description`.

Lookup (:meth:`Gazetteer.lookup`, :meth:`Gazetteer.resolve_description`) works on normalised surfaces. The
EntityRuler patterns are built in :mod:`pipeline.gazetteer.patterns` and matched in a document by the spaCy
component of :mod:`pipeline.gazetteer.matcher`. Where a named entry and a regular-name pattern cover the same
span ("Delhi High Court"), resolve COURT/REGULATOR spans with :meth:`Gazetteer.lookup` first.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from pipeline.gazetteer.entries import COUNTRY_RE, DOMAINS, GazetteerEntry, parse_entry
from pipeline.gazetteer.patterns import is_case_insensitive, ruler_patterns
from pipeline.settings import TYPOGRAPHIC_FOLDING

DATA_PACKAGE = "pipeline.data"
ENTRY_FILES: dict[str, str] = {"regulators.jsonl": "REGULATOR", "courts.jsonl": "COURT", "laws.jsonl": "LAW"}
DESCRIPTOR_FILE = "descriptors.json"
#: Country names and adjectives this short ("US", "UAE") are matched only as written, never case-folded.
COUNTRY_FOLD_MAX_CHARS = 3
#: Mention texts whose lookup key is kept (a pure function of the text, asked several times per mention).
SURFACE_CACHE_SIZE = 65536


@functools.lru_cache(maxsize=SURFACE_CACHE_SIZE)
def normalize_surface(text: str) -> str:
    """Lookup key of a mention: straight quotes, "U.S."->"US", "U.K."->"UK", one space, no leading "the "."""
    text = " ".join(text.translate(TYPOGRAPHIC_FOLDING).split())
    text = re.sub(r"\bU\.S\.(?=\s|$|')", "US", text)
    text = re.sub(r"\bU\.K\.(?=\s|$|')", "UK", text)
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


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
            yield parse_entry(raw, expected_type=entry_type, where=where)


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
    _folded_countries: dict[str, str] = field(init=False, repr=False)
    _country_code_values: frozenset[str] = field(init=False, repr=False)

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
        folded_countries = {k.casefold(): v for k, v in self.country_codes.items() if len(k) > COUNTRY_FOLD_MAX_CHARS}
        object.__setattr__(self, "_folded_countries", folded_countries)
        object.__setattr__(self, "_country_code_values", frozenset(self.country_codes.values()))

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
        if text in self._country_code_values:  # a set: ``in dict.values()`` walks every country
            return text
        code = self.country_codes.get(text) or self.country_codes.get(normalize_surface(name))
        if code is None:
            code = self._folded_countries.get(text.casefold())
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
        return ruler_patterns(self.entries, self.subdivision_codes)


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
