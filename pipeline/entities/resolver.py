"""Entity stage: type, normalise and group the mentions of a document into entities.

Runs after the gazetteer ruler and the statistical NER. It
- retypes organisations as regulators or courts (gazetteer first, then head words),
- turns descriptive references ("Luxembourg's privacy regulator") into regulator mentions,
- normalises MONEY and DATE mentions and adds amounts the NER missed ("140,400 dlrs"),
- groups mentions that name one entity (aliases in parentheses, acronyms, short forms, surnames),
and stores the result as ``doc._.entities`` (a list of :class:`EntityCluster`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.entities.clusters import NAMED_GROUP, EntityCluster, cluster_mentions
from pipeline.entities.filters import (
    context_says_no_org,
    drop_headline_fragments,
    drop_non_orgs,
    drop_place_names,
    drop_publisher,
    drop_roster_items,
    is_suffix_only,
    names_a_place,
)
from pipeline.entities.mentions import (
    DESCRIPTOR_HEADS,
    DESCRIPTOR_MODIFIERS,
    LAW_DESCRIPTOR_MODIFIERS,
    LAW_SCOPE_WORDS,
    POSTPOSED_DESCRIPTOR,
    POSTPOSED_PLACE_LINKS,
    can_describe,
    can_name_law,
    can_number_rule,
    descriptor_matcher,
    extend_to_acronym,
    find_renames,
    law_descriptor_matcher,
    linked_aliases,
    lower_ids,
    numbered_rule_matcher,
    rule_name,
    split_coordinated,
    trim_mention,
)
from pipeline.entities.names import (
    INQUIRY_CUE_PATTERN,
    LEGISLATIVE_BODY_PATTERN,
    NAME_CACHE_SIZE,
    bare_possessive_split,
    generic_alone,
    is_political_party,
    looks_like_acronym,
    names_no_organisation,
    normalize_name,
    org_kind,
    singular_name,
)
from pipeline.gazetteer import Gazetteer, GazetteerEntry, find_district_offices, normalize_surface
from pipeline.values import (
    Amount,
    document_amounts,
    drop_conversions,
    find_amounts,
    prepare_dateparser,
    stated_currency,
)

__all__ = ["EntityResolver"]

# spaCy labels kept, and what they become before gazetteer and head-word typing.
KEPT_LABELS = {
    "ORG": "ORG",
    "PERSON": "PERSON",
    "GPE": "GPE",
    "MONEY": "MONEY",
    "LAW": "LAW",
    "DATE": "DATE",
    "REGULATOR": "REGULATOR",
    "COURT": "COURT",
    "PUBLIC_BODY": "PUBLIC_BODY",
}
# Labels the NER gives political parties besides ORG ("the Tories": NORP, "Lib Dem": PERSON).
PARTY_LABELS = frozenset({"NORP", "PERSON"})
# Political unions the NER calls organisations; in this domain they are places, not parties.
SUPRANATIONAL = frozenset({"european union", "eu", "e u"})
# Words of a municipality's formal name ("City of Rolling Fork", "Town of Hempstead").
MUNICIPAL_WORDS = frozenset({"city", "town", "village", "borough", "county", "municipality", "township"})
# Heads of a unit of an authority ("FBI's Detroit Field Office", "Antitrust Division's Chicago Office").
UNIT_HEADS = frozenset({"office", "division", "section", "branch", "unit", "directorate", "team", "force"})


# Head words an agency's own releases use alone for it ("the Commission" in an SEC release, "the Bureau" in a
# CFPB order, "the Board" in a Federal Reserve order): house short forms, which mean the body of the document
# whose full name ends in that word, never a body the document does not name (the European Commission).
HOUSE_HEADS = frozenset({"Commission", "Bureau", "Board", "Agency", "Authority", "Department", "Office", "Service"})

# One capital and a full stop is an initial or a sentence end ("hepatitis B. The ..."), never a name.
LONE_INITIAL = re.compile(r"^[A-Z]\.$")


# Short aliases of the gazetteer (2-4 capitals: "FA", "ICC", "CAT", "ESA") that the data marks as shared
# (``context_aliases``) collide with cups, programmes and other bodies' initials; one counts only with support:
# the entry's full name elsewhere in the document, or words of enforcement or of its field near it, and never
# as the first word of another name ("FA Cup", "ICC Trophy").
SHORT_ALIAS = re.compile(r"^[A-Z]{2,4}$")
SHORT_ALIAS_WINDOW = 20
ENFORCEMENT_CUE = re.compile(
    r"^(fine|fined|fines|fining|penalt|regulat|watchdog|investigat|probe|inquir|enquir|enforce|sanction|sue|sued|"
    r"suing|lawsuit|complaint|charg|settle|ruled|ruling|order|authorit|agency|commission|court|tribunal|judge|"
    r"appeal|violat|breach|law|rule|prosecut|audit|supervis|licen|ban|banned|ombudsman|block|merger|acqui|"
    r"approv|clear|decision|decid|review|warn|rebuk|reprimand|raid|halt|ceas|demand|requir|compl|consult|"
    # what an authority does in a decision ("the NAIH found", "according to the AEPD", "the DPA concluded")
    r"found|determin|stat|conclu|noted|held|consider|accord|obligat|legal)",
    re.IGNORECASE,
)
# Words of an entry's own field near its short alias ("the GDPR ... consent", "CNIL ... personal data").
DOMAIN_CUES = {
    "privacy": re.compile(r"^(data|personal|privacy|consent|controller|processor|processing|camera|cctv|gdpr)"),
    "competition": re.compile(r"^(merger|cartel|competit|antitrust|market|dominan|acquisition)"),
    "securities": re.compile(r"^(securit|investor|fraud|trading|insider|broker|stock|shares|disclos)"),
    "financial": re.compile(r"^(bank|financ|money|launder|capital|loan|credit|insur|payment)"),
}
COLLISION_HEADS = frozenset(
    {
        "Cup", "Trophy", "Award", "Awards", "Championship", "Championships", "Final", "Finals", "Series", "Games",
        "Show", "Prize", "Programme", "Program", "Scheme", "Scan", "Fund", "Festival", "Week",
    }
)  # fmt: skip


def supported_short_alias(ent: Span, *, full_names: tuple[str, ...], domains: frozenset[str], text_lower: str) -> bool:
    """Whether a gazetteer match of a short alias (2-4 capitals) stands for its entry here (see SHORT_ALIAS):
    not the first word of another name, and the entry's full name in the document or words of enforcement or
    of the entry's ``domains`` near it."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in COLLISION_HEADS:
        return False
    if any(name.lower() in text_lower for name in full_names):
        return True
    cues = [ENFORCEMENT_CUE, *(DOMAIN_CUES[d] for d in domains if d in DOMAIN_CUES)]
    start, end = max(ent.start - SHORT_ALIAS_WINDOW, 0), min(ent.end + SHORT_ALIAS_WINDOW, len(doc))
    near = [t.lower_ for t in doc[start:end] if t.i < ent.start or t.i >= ent.end]
    return any(cue.match(word) for word in near for cue in cues)


# How many tokens around a legislature's committee are searched for words of an inquiry.
INQUIRY_WINDOW = 25


def _near_inquiry(span: Span) -> bool:
    """True when words of an inquiry ("inquiry", "investigating", "hearing", "testified") stand near a
    committee's mention, within its sentence where sentences are known."""
    doc = span.doc
    start, end = max(span.start - INQUIRY_WINDOW, 0), min(span.end + INQUIRY_WINDOW, len(doc))
    if doc.has_annotation("SENT_START"):
        start, end = max(start, span.sent.start), min(end, span.sent.end)
    return any(INQUIRY_CUE_PATTERN.match(t.lower_) for t in doc[start:end] if t.i < span.start or t.i >= span.end)


class EntityResolver:
    """spaCy component: typed, normalised, grouped entities in ``doc._.entities``."""

    def __init__(self, nlp: Language, name: str, *, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.matcher = descriptor_matcher(nlp.vocab)
        self.law_matcher = law_descriptor_matcher(nlp.vocab)
        self.rule_matcher = numbered_rule_matcher(nlp.vocab)
        self._house: dict[str, str] = {}  # house short forms of the document being typed (see _house_heads)
        self._countries: set[str] = set()  # countries the document being typed names (_by_document_country)
        self._non_org_short_forms: set[str] = set()  # short forms defined for a non-organisation (mentions)
        self._place_names: set[str] = set()  # names the document shows as places ("Dunkirk, New York")
        # The gazetteer is immutable once loaded, so its answers for a name can be memoised.
        self._lookup = lru_cache(maxsize=NAME_CACHE_SIZE)(gazetteer.lookup)
        self._country_code = lru_cache(maxsize=NAME_CACHE_SIZE)(gazetteer.country_code)
        prepare_dateparser()
        for ext in ("entities", "published"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    # -- mention collection -------------------------------------------------------------------------
    def _descriptors(self, doc: Doc, *, words: frozenset[int]) -> list[Span]:
        """Descriptive references to regulators ("Luxembourg's privacy regulator"); ``words`` are the
        document's lower-case word ids (see :func:`mention_patterns.lower_ids`)."""
        if not can_describe(doc, words):
            return []
        spans = []
        postposed = doc.vocab.strings[POSTPOSED_DESCRIPTOR]
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            if match_id == postposed:
                spans += self._postposed_descriptor(span)
                continue
            gpe = [t for t in span if t.ent_type_ in {"GPE", "NORP", "LOC"}]
            head = [t for t in span if t.lower_ in DESCRIPTOR_MODIFIERS or t.lower_ in DESCRIPTOR_HEADS]
            if not gpe or not head:
                continue
            country = doc[gpe[0].i : gpe[-1].i + 1].text
            phrase = " ".join(t.text if t.is_upper else t.lower_ for t in head)  # "DPA" is a key as written
            entry = self.gazetteer.resolve_description(country=country, domain_phrase=phrase)
            spans.append(Span(doc, start, end, label="REGULATOR", kb_id=entry.id if entry else ""))
        return spans

    def _postposed_descriptor(self, span: Span) -> list[Span]:
        """'the DPA from Luxembourg', 'the data protection authority of Lower Saxony': a regulator mention
        where the gazetteer knows the place (country or subdivision) and its one authority for the phrase;
        the longest known place wins ("of Isle of Man"), an unknown one gives nothing."""
        link = next(t.i for t in span if t.lower_ in POSTPOSED_PLACE_LINKS)
        phrase = " ".join(t.text if t.is_upper else t.lower_ for t in span.doc[span.start : link])
        start = link + 1 + (span.doc[link + 1].lower_ == "the")
        for end in range(span.end, start, -1):
            place = span.doc[start:end].text
            entry = self.gazetteer.resolve_description(country=place, domain_phrase=phrase)
            if entry is not None:
                return [Span(span.doc, span.start, end, label="REGULATOR", kb_id=entry.id)]
        return []

    def default_currency(self, doc: Doc, *, text: str | None = None) -> str | None:
        """The currency the document's ambiguous markers mean, as the document states it
        (:func:`pipeline.values.stated_currency`), or None; ``text`` is ``doc.text`` when the caller has it."""
        return stated_currency(doc.text if text is None else text)

    def _money(
        self, doc: Doc, *, currency: str | None = None, text: str | None = None
    ) -> tuple[list[Span], list[Span], dict[tuple[int, int], Amount]]:
        """Amounts found by the money grammar (conversions dropped), the conversions themselves, and each
        span's amount by (start, end) token: a figure whose unit the context gives ("Net 2,631,000 vs
        336,000", "three" in "between three and five billion dlrs") cannot be read again from its own text.

        The grammar is the source of truth for amounts; NER MONEY spans survive only where it found none.
        ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens on every access).
        """
        text = doc.text if text is None else text
        found = document_amounts(text, currency)
        kept = set(drop_conversions(text, list(found)))  # a set: looked up once per amount
        spans: list[Span] = []
        conversions: list[Span] = []
        amounts: dict[tuple[int, int], Amount] = {}
        for start, end, amount in found:
            span = doc.char_span(start, end, label="MONEY", alignment_mode="expand")
            if span is not None:
                (spans if (start, end, amount) in kept else conversions).append(span)
                amounts[(span.start, span.end)] = amount
        return spans, conversions, amounts

    def _described(self, name: str) -> str | None:
        """Gazetteer id ("" when unresolved) of a name that is a description: a country and a regulator
        head ("Cypriot DPA", "Spanish data protection agency"); None when the name is no description."""
        words = name.split()
        for cut in range(1, min(len(words), 3)):
            country, phrase = " ".join(words[:cut]), " ".join(words[cut:])
            if self._country_code(country) and self.gazetteer.descriptor_domains(phrase):
                entry = self.gazetteer.resolve_description(country=country, domain_phrase=phrase)
                return entry.id if entry else ""
        return None

    def _is_us_place(self, name: str) -> bool:
        return (self.gazetteer.subdivision_codes.get(name) or "").startswith("US-")

    def _is_region(self, name: str) -> bool:
        """A state, province or country ("Illinois", "France"): what locates a city named before it."""
        return name in self.gazetteer.subdivision_codes or self._country_code(name) is not None

    def _known(self, text: str) -> bool:
        return self._lookup(text) is not None

    def _split_possessive(self, span: Span) -> list[tuple[Span, str | None]]:
        """A name glued to its owner without an apostrophe, as owner and unit, each with its repaired text.

        'Justice Departments Civil Division' -> ('Justice Departments', 'Justice Department'),
        ('Civil Division', None); a whole name in that form ('Justice Departments') is only repaired.
        """
        if span.label_ not in KEPT_LABELS or span.label_ in ("MONEY", "DATE"):
            return [(span, None)]
        trimmed = trim_mention(span)
        if trimmed is None:
            return []
        span = trimmed
        single = singular_name(span.text)
        if single != span.text and not self._known(span.text) and self._known(single):
            return [(span, single)]
        for tok in span[:-1]:  # "Delaware Attorney Generals Office" -> "... Attorney General's Office"
            if singular_name(tok.text) != tok.text and not self._known(span.text):
                candidate = (
                    span.doc[span.start : tok.i].text_with_ws
                    + tok.text[:-1]
                    + "'s "
                    + span.doc[tok.i + 1 : span.end].text
                )
                if self._known(candidate.strip()):
                    return [(span, candidate.strip())]
        cut = bare_possessive_split([t.text for t in span], is_known=self._known)
        if cut is None:
            return [(span, None)]
        owner = Span(span.doc, span.start, span.start + cut + 1, label=span.label_)
        unit = Span(span.doc, span.start + cut + 1, span.end, label=span.label_)
        return [(owner, singular_name(owner.text)), (unit, None)]

    def _typed(self, span: Span, text: str | None = None) -> Span | None:
        if span.label_ in PARTY_LABELS and is_political_party(span.text):
            span = Span(span.doc, span.start, span.end, label="ORG")
        label = KEPT_LABELS.get(span.label_)
        if label is None:
            return None
        trimmed = trim_mention(span) if label not in {"MONEY", "DATE"} else span
        if trimmed is None or not any(c.isalnum() for c in trimmed.text):
            return None
        name = text if text is not None and trimmed.start == span.start and trimmed.end == span.end else None
        name = name or trimmed.text
        kb = span.kb_id_
        house = normalize_surface(name) if label in NAMED_GROUP else ""
        if house in HOUSE_HEADS and not kb:
            kb = self._house.get(house, "")  # "" where no named body (or several) of the document ends so
            if not kb:
                return None if label == "ORG" else Span(span.doc, trimmed.start, trimmed.end, label=label)
        if label in NAMED_GROUP or label == "LAW":
            entry = self.gazetteer.get(kb) if kb else self._lookup(name) or self._by_document_country(name)
            if entry is not None:
                label, kb = entry.type, entry.id
            elif label == "LAW" and not kb and names_no_organisation(name) and not org_kind(name) == "LAW":
                return None  # "Written Agreement", "Consent Order": the NER's LAW for a document of the case
            elif label == "ORG":
                label = org_kind(name)
                if label == "REGULATOR" and LEGISLATIVE_BODY_PATTERN.search(name) and not _near_inquiry(trimmed):
                    label = "PUBLIC_BODY"  # a legislature's committee passing a budget or a law regulates nothing
                if label == "ORG" and (
                    names_no_organisation(name) or context_says_no_org(trimmed, is_region=self._is_region)
                ):
                    if names_a_place(trimmed, is_region=self._is_region, named_only=True):
                        self._place_names.add(name)  # "Dunkirk, New York": the name is a place everywhere
                    return None
                if generic_alone(name) or name.lower() in DESCRIPTOR_HEADS or name in self._non_org_short_forms:
                    return None  # "the DPA", "the regulator": a description without its country names no one
                described = self._described(name) if label == "ORG" else None
                if described is not None:
                    label, kb = "REGULATOR", described
        if label in NAMED_GROUP and (
            name.islower() or not (len(name) > 1 or name.isupper()) or LONE_INITIAL.match(name)
        ):
            return None
        if label == "ORG" and (normalize_name(name) in SUPRANATIONAL or self._country_code(name) is not None):
            label = "GPE"  # "U.S." or "Texas" the NER called an organisation is a place
        return Span(span.doc, trimmed.start, trimmed.end, label=label, kb_id=kb)

    def mentions(
        self, doc: Doc, *, currency: str | None = None, text: str | None = None
    ) -> tuple[list[Span], list[tuple[Span, Span]], dict[tuple[int, int], str], dict[tuple[int, int], Amount]]:
        """Every typed mention of the document (sorted), the alias pairs found in parentheses, the
        repaired names of mentions whose possessive lost its apostrophe, and the amounts the money
        grammar read, both by (start, end) token.

        ``currency`` is the story's :meth:`default_currency`; ``text`` is ``doc.text`` if the caller has it
        (spaCy joins the tokens again on every ``doc.text``).
        """
        text = doc.text if text is None else text
        words = lower_ids(doc)
        renames = find_renames(doc) + linked_aliases(doc)
        money, conversions, amounts = self._money(doc, currency=currency, text=text)
        grammar = money + conversions

        # Tokens inside an amount the grammar read: a lookup per token, not a walk over every amount per entity.
        in_grammar = {i for g in grammar for i in range(g.start, g.end)}

        def overlaps_grammar(span: Span) -> bool:
            return any(i in in_grammar for i in range(span.start, span.end))

        text_lower = text.lower()

        def kept_ent(ent: Span) -> bool:
            if ent.label_ == "MONEY":
                # the grammar reads its text alone but not in place: the context says it is no money
                # ("102 pounds emitted per hour")
                return not overlaps_grammar(ent) and not find_amounts(ent.text)
            if ent.label_ in ("REGULATOR", "COURT", "LAW") and SHORT_ALIAS.match(ent.text):
                entries = [e for e in self.gazetteer.lookup_all(ent.text) if ent.text in e.context_aliases]
                names = tuple(n for e in entries for n in (e.name, *e.aliases) if len(n) > 4)
                domains = frozenset(d for e in entries for d in e.domains)
                supported = supported_short_alias(ent, full_names=names, domains=domains, text_lower=text_lower)
                if names and not supported:
                    return False
            if ent.label_ == "LAW":  # "Revs 1.1 billion": a table figure the model took for a law
                return not overlaps_grammar(ent) or bool(ent.kb_id_)
            return ent.label_ == "DATE" or not overlaps_grammar(ent)

        rules = [
            Span(doc, start, end, label="LAW")
            for _, start, end in (self.rule_matcher(doc) if can_number_rule(text) else ())
            if not any(t.ent_type_ == "LAW" and t.ent_kb_id_ for t in doc[start:end])  # "Rule 10b-5" is known
        ]
        rule_names = {(r.start, r.end): rule_name(r) for r in rules}  # "Rule l0b-5" is "Rule 10b-5"
        ruled = {i for r in rules for i in range(r.start, r.end)}
        ents = [e for e in doc.ents if kept_ent(e) and not any(i in ruled for i in range(e.start, e.end))]
        self._house = self._house_heads(ents)
        # "Apple Card Monthly Installments (ACMI)": the short form of what is no organisation is none either
        self._non_org_short_forms = {inner.text for outer, inner in renames if names_no_organisation(outer.text)}
        self._place_names = {  # "the City of Rolling Fork": "Rolling Fork" is the town
            doc[e.start + i + 2 : e.end].text
            for e in ents
            if e.label_ == "GPE"
            for i in (int(e[0].lower_ == "the"),)
            if len(e) > i + 2 and e[i].lower_ in MUNICIPAL_WORDS and e[i + 1].lower_ == "of"
        }
        self._countries = {
            code for e in ents if e.label_ in ("GPE", "NORP") and (code := self._country_code(e.text)) is not None
        }
        laws = [
            Span(doc, start, end, label="LAW")
            for _, start, end in (self.law_matcher(doc) if can_name_law(words) else ())
            if any(t.lower_ in LAW_DESCRIPTOR_MODIFIERS and t.lower_ not in LAW_SCOPE_WORDS for t in doc[start:end])
        ]
        base = rules + ents + self._descriptors(doc, words=words) + [inner for _, inner in renames] + money + laws
        base += [outer for outer, _ in renames if not outer.doc[outer.start].ent_type_]
        typed: list[Span] = []
        # "Regulation B." at a sentence end: the tokenizer keeps the full stop on the letter
        repaired = {(r.start, r.end): rule_names[(r.start, r.end)].rstrip(".") for r in rules}
        repaired = {key: name for key, name in repaired.items() if name != doc[key[0] : key[1]].text}
        for office in find_district_offices(text, is_place=self._is_us_place):
            span = doc.char_span(office.start, office.end, "REGULATOR", kb_id=office.kb_id, alignment_mode="expand")
            if span is not None:  # first, so that it wins over an NER span of the same length
                typed.append(span)
                if office.text != span.text:
                    repaired[(span.start, span.end)] = office.text
        for span in (extend_to_acronym(piece) for whole in base for piece in split_coordinated(whole)):
            parts = [(self._typed(part, text), text) for part, text in self._split_possessive(span)]
            owner = parts[0][0] if parts else None
            for n, (part, text) in enumerate(parts):
                if part is None:
                    continue
                if n and owner is not None and owner.label_ == "REGULATOR" and part.label_ == "ORG":
                    part = Span(doc, part.start, part.end, label="REGULATOR")  # a unit of a regulator
                if text is not None:
                    repaired[(part.start, part.end)] = text
                typed.append(part)
        kept = sorted(filter_spans(typed), key=lambda s: s.start)
        return self._units_of_regulators(doc, kept), renames, repaired, amounts

    def _by_document_country(self, name: str) -> GazetteerEntry | None:
        """The entry an alias shared by several countries' bodies means ("CNPD": Luxembourg's or Portugal's;
        "Datatilsynet": Denmark's or Norway's): the one whose country the document names, if exactly one."""
        candidates = self.gazetteer.lookup_all(name) if self._countries else ()
        if len(candidates) < 2:
            return None
        named = [e for e in candidates if e.country and e.country.split("-")[0] in self._countries]
        return named[0] if len(named) == 1 else None

    def _house_heads(self, ents: list[Span]) -> dict[str, str]:
        """House short form -> the gazetteer id of the one regulator of the document whose name or alias
        ends in it ("Commission" -> the SEC where the release names the Securities and Exchange Commission)."""
        heads: dict[str, set[str]] = {}
        for ent in ents:
            entry = self._lookup(ent.text) if ent.label_ in ("REGULATOR", "ORG") else None
            if entry is None or entry.type != "REGULATOR" or len(ent) < 2:
                continue
            for alias in (entry.name, *entry.aliases, ent.text):
                last = alias.split()[-1] if alias.split() else ""
                if last in HOUSE_HEADS:
                    heads.setdefault(last, set()).add(entry.id)
        return {head: next(iter(ids)) for head, ids in heads.items() if len(ids) == 1}

    def _units_of_regulators(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """'FBI's Detroit Field Office', 'FBIs Portland Division': a unit owned by a regulator is one too."""
        regulator_ends = {s.end for s in spans if s.label_ == "REGULATOR"}
        out = []
        for span in spans:
            if span.label_ == "ORG" and span[-1].lower_ in UNIT_HEADS and span.start > 0:
                before = doc[span.start - 1]
                owned = before.lower_ in ("'s", "'") and span.start - 1 in regulator_ends
                stem = singular_name(before.text)
                if owned or (stem != before.text and looks_like_acronym(stem) and self._known(stem)):
                    span = Span(doc, span.start, span.end, label="REGULATOR", kb_id=span.kb_id)
            if span.label_ == "ORG" and span[-1].lower_ in UNIT_HEADS and not is_suffix_only(span[-1].text):
                # "Chicago Regional Office", "Home Office", "El Paso Division": a unit of a public body whose
                # owner is not named with it; companies do not name themselves so (guidelines: government bodies).
                span = Span(doc, span.start, span.end, label="PUBLIC_BODY", kb_id=span.kb_id)
            out.append(span)
        return out

    # -- grouping ------------------------------------------------------------------------------------
    def cluster(
        self,
        doc: Doc,
        spans: Iterable[Span],
        renames: list[tuple[Span, Span]],
        *,
        repaired: dict[tuple[int, int], str] | None = None,
        amounts: dict[tuple[int, int], Amount] | None = None,
        currency: str | None = None,
        text: str | None = None,
    ) -> list[EntityCluster]:
        """Group the (sorted, non-overlapping) mentions into entities (see :mod:`pipeline.entities.clusters`);
        ``currency`` is the story's :meth:`default_currency` when the caller has it."""
        return cluster_mentions(
            doc,
            spans,
            renames,
            gazetteer=self.gazetteer,
            currency=self.default_currency(doc, text=text) if currency is None else currency,
            repaired=repaired,
            amounts=amounts,
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        currency = self.default_currency(doc, text=text)
        spans, renames, repaired, amounts = self.mentions(doc, currency=currency, text=text)
        doc.ents = spans
        clusters = self.cluster(doc, spans, renames, repaired=repaired, amounts=amounts, currency=currency, text=text)
        relabelled = {(m.start, m.end): m for c in clusters for m in c.mentions}
        doc.ents = [relabelled.get((s.start, s.end), s) for s in spans]  # "Meredith" (ORG) joined a PERSON
        clusters = drop_place_names(clusters, self._place_names)
        kept = drop_roster_items(drop_publisher(drop_headline_fragments(clusters, doc, text=text)), doc)
        doc._.entities = drop_non_orgs(kept, doc)
        return doc
