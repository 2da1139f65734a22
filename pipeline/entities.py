"""Entity stage: type, normalise and group the mentions of a document into entities.

Runs after the gazetteer ruler and the statistical NER. It
- retypes organisations as regulators or courts (gazetteer first, then head words),
- turns descriptive references ("Luxembourg's privacy regulator") into regulator mentions,
- normalises MONEY and DATE mentions and adds amounts the NER missed ("140,400 dlrs"),
- groups mentions that name one entity (aliases in parentheses, acronyms, short forms, surnames),
and stores the result as ``doc._.entities`` (a list of :class:`EntityCluster`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.dates import normalize_date, prepare_dateparser
from pipeline.district_offices import canonical_name, find_district_offices, is_district_id, same_office
from pipeline.entity_filters import default_currency, drop_headline_fragments, drop_non_orgs, drop_publisher
from pipeline.gazetteer import Gazetteer
from pipeline.mention_patterns import (
    DESCRIPTOR_HEADS,
    DESCRIPTOR_MODIFIERS,
    LAW_DESCRIPTOR_MODIFIERS,
    LAW_SCOPE_WORDS,
    can_describe,
    can_name_law,
    descriptor_matcher,
    find_renames,
    law_descriptor_matcher,
    lower_ids,
    trim_mention,
)
from pipeline.money import Amount, drop_conversions, find_amounts, normalize_amount
from pipeline.names import (
    NAME_CACHE_SIZE,
    bare_possessive_split,
    fold,
    initials,
    is_acronym_of,
    is_short_form,
    looks_like_acronym,
    normalize_name,
    org_kind,
    singular_name,
    surname_of,
)

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
# Political unions the NER calls organisations; in this domain they are places, not parties.
SUPRANATIONAL = frozenset({"european union", "eu", "e u"})
# Types whose mentions may merge with each other (the NER confuses them; the gazetteer settles it).
NAMED_GROUP = frozenset({"ORG", "REGULATOR", "COURT", "PUBLIC_BODY", "PERSON"})
TYPE_PRIORITY = {"REGULATOR": 4, "COURT": 3, "PUBLIC_BODY": 2, "ORG": 2, "PERSON": 1}
# Heads of a unit of an authority ("FBI's Detroit Field Office", "Antitrust Division's Chicago Office").
UNIT_HEADS = frozenset({"office", "division", "section", "branch", "unit", "directorate", "team", "force"})


@dataclass
class _Names:
    """What clustering compares a document's clusters by, kept as mentions join them (by ``id`` of the
    cluster): each mention's text as :meth:`EntityCluster.text_of` gives it, and their normalised keys."""

    texts: dict[int, list[str]] = field(default_factory=dict)
    keys: dict[int, set[str]] = field(default_factory=dict)

    def add(self, cluster: EntityCluster, text: str) -> None:
        self.texts.setdefault(id(cluster), []).append(text)
        self.keys.setdefault(id(cluster), set()).add(normalize_name(text))


@dataclass
class EntityCluster:
    """One distinct entity of a document while the pipeline works on it."""

    type: str
    mentions: list[Span] = field(default_factory=list)
    kb_id: str | None = None
    canonical: str | None = None
    value: Amount | str | None = None
    # Repaired surface forms by mention start token ("Justice Departments" -> "Justice Department").
    texts: dict[int, str] = field(default_factory=dict)

    def text_of(self, mention: Span) -> str:
        """The mention's name as the article means it (apostrophe-less possessives repaired)."""
        text = self.texts.get(mention.start)
        return mention.text if text is None else text

    @property
    def name(self) -> str:
        if self.canonical:
            return self.canonical
        if self.type == "MONEY" or self.type == "DATE":
            return self.mentions[0].text
        return max((self.text_of(m) for m in self.mentions), key=len)

    @property
    def aliases(self) -> list[str]:
        seen = {self.name}
        out = []
        for m in self.mentions:
            text = self.text_of(m)
            if text not in seen:
                seen.add(text)
                out.append(text)
        return out


def _head_acronym(text: str, cluster_type: str, mention_text: str) -> bool:
    """'DPA' after 'Cypriot DPA' or 'Icelandic Data Protection Authority': an acronym of a regulator's
    name (``mention_text``) without its leading country word."""
    if cluster_type != "REGULATOR" or not looks_like_acronym(text):
        return False
    words = mention_text.split()
    return len(words) > 1 and (words[-1] == text or (len(words) > 2 and initials(" ".join(words[1:])) == text))


class EntityResolver:
    """spaCy component: typed, normalised, grouped entities in ``doc._.entities``."""

    def __init__(self, nlp: Language, name: str, *, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.matcher = descriptor_matcher(nlp.vocab)
        self.law_matcher = law_descriptor_matcher(nlp.vocab)
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
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            gpe = [t for t in span if t.ent_type_ in {"GPE", "NORP", "LOC"}]
            head = [t for t in span if t.lower_ in DESCRIPTOR_MODIFIERS or t.lower_ in DESCRIPTOR_HEADS]
            if not gpe or not head:
                continue
            country = doc[gpe[0].i : gpe[-1].i + 1].text
            phrase = " ".join(t.text if t.is_upper else t.lower_ for t in head)  # "DPA" is a key as written
            entry = self.gazetteer.resolve_description(country=country, domain_phrase=phrase)
            spans.append(Span(doc, start, end, label="REGULATOR", kb_id=entry.id if entry else ""))
        return spans

    def default_currency(self, doc: Doc) -> str | None:
        """The currency of the country the story is about (see :func:`entity_filters.default_currency`)."""
        return default_currency(doc, self.gazetteer, country_code=self._country_code)

    def _money(
        self, doc: Doc, *, currency: str | None = None, text: str | None = None
    ) -> tuple[list[Span], list[Span]]:
        """Amounts found by the money grammar (conversions dropped), and the conversions themselves.

        The grammar is the source of truth for amounts; NER MONEY spans survive only where it found none.
        ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens on every access).
        """
        text = doc.text if text is None else text
        found = find_amounts(text, default_currency=currency)
        kept = drop_conversions(text, found)
        spans: list[Span] = []
        conversions: list[Span] = []
        for start, end, amount in found:
            span = doc.char_span(start, end, label="MONEY", alignment_mode="expand")
            if span is not None:
                (spans if (start, end, amount) in kept else conversions).append(span)
        return spans, conversions

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
        label = KEPT_LABELS.get(span.label_)
        if label is None:
            return None
        trimmed = trim_mention(span) if label not in {"MONEY", "DATE"} else span
        if trimmed is None or not any(c.isalnum() for c in trimmed.text):
            return None
        name = text if text is not None and trimmed.start == span.start and trimmed.end == span.end else None
        name = name or trimmed.text
        kb = span.kb_id_
        if label in NAMED_GROUP or label == "LAW":
            entry = self.gazetteer.get(kb) if kb else self._lookup(name)
            if entry is not None:
                label, kb = entry.type, entry.id
            elif label == "ORG":
                label = org_kind(name)
                described = self._described(name) if label == "ORG" else None
                if described is not None:
                    label, kb = "REGULATOR", described
        if label in NAMED_GROUP and (name.islower() or not (len(name) > 1 or name.isupper())):
            return None
        if label == "ORG" and normalize_name(name) in SUPRANATIONAL:
            label = "GPE"
        return Span(span.doc, trimmed.start, trimmed.end, label=label, kb_id=kb)

    def mentions(
        self, doc: Doc, *, currency: str | None = None, text: str | None = None
    ) -> tuple[list[Span], list[tuple[Span, Span]], dict[tuple[int, int], str]]:
        """Every typed mention of the document (sorted), the alias pairs found in parentheses, and the
        repaired names of mentions whose possessive lost its apostrophe, by (start, end) token.

        ``currency`` is the story's :meth:`default_currency`; ``text`` is ``doc.text`` if the caller has it
        (spaCy joins the tokens again on every ``doc.text``).
        """
        text = doc.text if text is None else text
        words = lower_ids(doc)
        renames = find_renames(doc)
        money, conversions = self._money(doc, currency=currency, text=text)
        grammar = money + conversions

        def overlaps_grammar(span: Span) -> bool:
            return any(g.start < span.end and span.start < g.end for g in grammar)

        ents = [e for e in doc.ents if not overlaps_grammar(e) or e.label_ in ("DATE", "LAW")]
        laws = [
            Span(doc, start, end, label="LAW")
            for _, start, end in (self.law_matcher(doc) if can_name_law(words) else ())
            if any(t.lower_ in LAW_DESCRIPTOR_MODIFIERS and t.lower_ not in LAW_SCOPE_WORDS for t in doc[start:end])
        ]
        base = ents + self._descriptors(doc, words=words) + [inner for _, inner in renames] + money + laws
        base += [outer for outer, _ in renames if not outer.doc[outer.start].ent_type_]
        typed: list[Span] = []
        repaired: dict[tuple[int, int], str] = {}
        for office in find_district_offices(text, is_place=self._is_us_place):
            span = doc.char_span(office.start, office.end, "REGULATOR", kb_id=office.kb_id, alignment_mode="expand")
            if span is not None:  # first, so that it wins over an NER span of the same length
                typed.append(span)
                if office.text != span.text:
                    repaired[(span.start, span.end)] = office.text
        for span in base:
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
        return self._units_of_regulators(doc, kept), renames, repaired

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
    ) -> list[EntityCluster]:
        """Group the (sorted, non-overlapping) mentions into entities, in order of first mention."""
        repaired = repaired or {}
        currency = self.default_currency(doc)
        clusters: list[EntityCluster] = []
        by_start: dict[int, EntityCluster] = {}
        names = _Names()
        linked = {(inner.start_char, inner.end_char): outer for outer, inner in renames}
        published = doc._.published
        for span in spans:
            target = None
            outer = linked.get((span.start_char, span.end_char))
            if outer is not None:
                target = by_start.get(outer.start)
            text = repaired.get((span.start, span.end), span.text)
            if target is None:
                target = self._find_cluster(span, clusters, published, text=text, currency=currency, names=names)
            if target is None:
                target = EntityCluster(type=span.label_)
                if span.label_ == "MONEY":
                    target.value = normalize_amount(span.text, default_currency=currency)
                    if target.value is None:
                        continue
                elif span.label_ == "DATE":
                    target.value = normalize_date(span.text, published=published)
                    if target.value is None:
                        continue
                clusters.append(target)
            if target.type == "PERSON" and span.label_ == "ORG" and len(span) == 1 and not span.kb_id_:
                span = Span(doc, span.start, span.end, label="PERSON")
            self._add(target, span)
            if text != span.text:
                target.texts[span.start] = text
            names.add(target, text)
            by_start[span.start] = target
        return clusters

    def _add(self, cluster: EntityCluster, span: Span) -> None:
        cluster.mentions.append(span)
        if is_district_id(span.kb_id_) and not is_district_id(cluster.kb_id):
            cluster.kb_id, cluster.canonical = span.kb_id_, canonical_name(span.kb_id_)
        elif span.kb_id_ and not cluster.kb_id:
            entry = self.gazetteer.get(span.kb_id_)
            if entry is not None:
                cluster.kb_id, cluster.canonical = entry.id, entry.name
        if TYPE_PRIORITY.get(span.label_, 0) > TYPE_PRIORITY.get(cluster.type, 0) and cluster.type in NAMED_GROUP:
            cluster.type = span.label_
        elif span.label_ == "PERSON" and cluster.type == "ORG" and cluster.kb_id is None:
            cluster.type = "PERSON"  # "Anouk Ruhaak" (NER: ORG) ... "Ruhaak" (PERSON): a person

    def _find_cluster(
        self,
        span: Span,
        clusters: list[EntityCluster],
        published: str | None,
        *,
        text: str | None = None,
        currency: str | None = None,
        names: _Names,
    ) -> EntityCluster | None:
        label, text = span.label_, text or span.text
        if label == "MONEY":
            amount = normalize_amount(text, default_currency=currency)
            return next((c for c in clusters if c.type == "MONEY" and c.value == amount), None)
        if label == "DATE":
            value = normalize_date(text, published=published)
            return next((c for c in clusters if c.type == "DATE" and c.value == value), None)
        key = normalize_name(text)
        group = NAMED_GROUP if label in NAMED_GROUP else frozenset({label})
        candidates = [c for c in clusters if c.type in group]
        for c in reversed(candidates):
            if span.kb_id_ and same_office(span.kb_id_, c.kb_id):
                return c
        for c in candidates:
            if key in names.keys[id(c)]:
                return c
        acronym = looks_like_acronym(text)  # else no acronym test below can hold
        for c in reversed(candidates):
            if label == "PERSON" or c.type == "PERSON":
                one_word = len(span) == 1 and not span.kb_id_ and c.kb_id is None
                if one_word and {label, c.type} <= {"PERSON", "ORG"} and len(c.name.split()) > 1:
                    if surname_of(text) == surname_of(c.name):  # "Meredith" (ORG) ~ "Patricia Meredith"
                        return c
                continue
            texts = names.texts[id(c)]
            if any(is_short_form(text, t) for t in texts):
                return c
            if acronym and any(is_acronym_of(text, t) or _head_acronym(text, c.type, t) for t in texts):
                return c
        if label == "PERSON" and span.doc[span.start - 1 : span.start].text.rstrip(".").lower() in {
            "mr", "mrs", "ms", "dr", "judge"
        }:  # fmt: skip
            key_surname = fold(text).split()[-1]
            return next((c for c in candidates if c.type == "PERSON" and surname_of(c.name) == key_surname), None)
        return None

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        spans, renames, repaired = self.mentions(doc, currency=self.default_currency(doc), text=text)
        doc.ents = spans
        clusters = self.cluster(doc, spans, renames, repaired=repaired)
        relabelled = {(m.start, m.end): m for c in clusters for m in c.mentions}
        doc.ents = [relabelled.get((s.start, s.end), s) for s in spans]  # "Meredith" (ORG) joined a PERSON
        doc._.entities = drop_non_orgs(drop_publisher(drop_headline_fragments(clusters, doc, text=text)), doc)
        return doc
