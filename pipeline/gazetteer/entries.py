"""One gazetteer entry (a regulator, court or law) and the checks a data line must pass to become one.

The entry type lives here, below both the store that loads entries and the patterns built from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

DOMAINS = frozenset(
    "privacy competition financial securities banking telecom media consumer environment health food "
    "aviation energy labor tax justice sports general".split()
)
QID_RE = re.compile(r"^Q\d+$")
COUNTRY_RE = re.compile(r"^(EU|INT|[A-Z]{2}(-[A-Z0-9]{1,3})?)$")

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
    #: Short aliases that other things share ("FA" Cup, "ICC" the cricket council and the court, "ESA" the
    #: space agency): matched, but kept by the entity stage only with support in the document.
    context_aliases: tuple[str, ...] = ()
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


def parse_entry(raw: dict[str, Any], *, expected_type: str, where: str) -> GazetteerEntry:
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
    stray = sorted(set(raw.get("context_aliases", [])) - {raw["name"], *raw.get("aliases", [])})
    if stray:
        raise ValueError(f"{where}: context_aliases {stray} must also be listed in name or aliases")
    keys = {f.name for f in GazetteerEntry.__dataclass_fields__.values()}
    extra = sorted(set(raw) - keys)
    if extra:
        raise ValueError(f"{where}: unknown keys {extra}; allowed: {sorted(keys)}")
    tuples = (
        "aliases",
        "domains",
        "case_sensitive_aliases",
        "lookup_only_aliases",
        "context_aliases",
        "patterns",
        "provision_prefixes",
    )
    fields: dict[str, Any] = {k: tuple(v) if k in tuples else v for k, v in raw.items()}
    return GazetteerEntry(**fields)
