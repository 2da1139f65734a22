"""Grouping of a document's typed mentions into entities (the last step of the entity stage).

Mentions join one entity when they name it the same way, or as an alias in parentheses, an acronym, a short
or compact form, a last word ('Disney' after 'Walt Disney Company') or a surname. Amounts and dates join by
their normalised value. Kept apart from :mod:`pipeline.entities.resolver`, which finds and types the mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.entities.names import (
    STOP_WORDS,
    fold,
    formless_initials,
    has_legal_form,
    initials,
    is_acronym_of,
    is_compact_form,
    is_last_word_of,
    is_short_form,
    looks_like_acronym,
    name_words,
    normalize_name,
    singular_name,
    surname_of,
)
from pipeline.gazetteer import Gazetteer, canonical_name, is_district_id, same_office
from pipeline.values import Amount, normalize_amount, normalize_date

# Types whose mentions may merge with each other (the NER confuses them; the gazetteer settles it).
NAMED_GROUP = frozenset({"ORG", "REGULATOR", "COURT", "PUBLIC_BODY", "PERSON"})
TYPE_PRIORITY = {"REGULATOR": 4, "COURT": 3, "PUBLIC_BODY": 2, "ORG": 2, "PERSON": 1}
# Titles before a surname that name a person ("Mr Smith", "Judge Rakoff").
PERSON_TITLES = frozenset({"mr", "mrs", "ms", "dr", "judge"})


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


_ACRONYM_PUNCT = re.compile(r"[.\s&-]")
_WORD_SPLIT = re.compile(r"[^\w]+")


def _acronym_keys(text: str) -> set[str]:
    """Every string an acronym must equal to stand for ``text``: the initials :func:`is_acronym_of` compares
    (content words, all words, words without the legal form) and what :func:`_head_acronym` compares (the
    last word, the initials without the leading word)."""
    words = text.split()
    bare = name_words(text)
    keys = {initials(text), formless_initials(text), "".join(w[0] for w in _WORD_SPLIT.split(text) if w).upper()}
    if len(bare) > 1:
        keys.add("".join(w[0] for w in bare if w not in STOP_WORDS).upper())
    if words:
        keys |= {words[-1], initials(" ".join(words[1:]))}
    return keys


@dataclass
class _Names:
    """What clustering compares a document's clusters by, kept as mentions join them (by ``id`` of the
    cluster): each mention's text as :meth:`EntityCluster.text_of` gives it, and their normalised keys.

    Blocking indexes map each key a test of :func:`_find_named` compares on to the clusters that have it, so a
    mention is compared only with the clusters it could join, not with every cluster of the document: over a
    long article (wire stories joined, a list of thousands of companies) that pairwise comparison grew with the
    square of the text. Each index holds a superset of the clusters its test can accept, so the result is the
    one the full comparison gives.
    """

    texts: dict[int, list[str]] = field(default_factory=dict)
    keys: dict[int, set[str]] = field(default_factory=dict)
    #: Creation order of each cluster (to give blocked candidates in the order of the full list).
    order: dict[int, int] = field(default_factory=dict)
    clusters: dict[int, EntityCluster] = field(default_factory=dict)
    #: Normalised name -> clusters (equal keys).
    by_key: dict[str, set[int]] = field(default_factory=dict)
    #: First name word -> clusters (short and compact forms start with it).
    by_first: dict[str, set[int]] = field(default_factory=dict)
    #: Last name word -> clusters ('Disney' after 'Walt Disney Company').
    by_last: dict[str, set[int]] = field(default_factory=dict)
    #: Initials and head words -> clusters (acronyms).
    by_acronym: dict[str, set[int]] = field(default_factory=dict)
    #: Surname -> clusters (people named by surname).
    by_surname: dict[str | None, set[int]] = field(default_factory=dict)
    #: Clusters with a gazetteer id (same office).
    with_kb: dict[int, None] = field(default_factory=dict)
    #: (type, value) -> first cluster of an amount or date.
    by_value: dict[tuple[str, object], EntityCluster] = field(default_factory=dict)

    def register(self, cluster: EntityCluster) -> None:
        """Note a new cluster (after it got its value, if any)."""
        self.order[id(cluster)] = len(self.order)
        self.clusters[id(cluster)] = cluster
        if cluster.value is not None:
            self.by_value.setdefault((cluster.type, cluster.value), cluster)

    def add(self, cluster: EntityCluster, text: str) -> None:
        key = id(cluster)
        self.texts.setdefault(key, []).append(text)
        self.keys.setdefault(key, set()).add(normalize_name(text))
        words = name_words(text)
        self.by_key.setdefault(normalize_name(text), set()).add(key)
        if words:
            self.by_first.setdefault(words[0], set()).add(key)
            self.by_last.setdefault(words[-1], set()).add(key)
        for acronym in _acronym_keys(text):
            self.by_acronym.setdefault(acronym, set()).add(key)
        for name in (text, cluster.canonical) if cluster.canonical else (text,):
            self.by_surname.setdefault(surname_of(name), set()).add(key)
        if cluster.kb_id:
            self.with_kb[key] = None

    def candidates(self, span: Span, text: str, group: frozenset[str]) -> list[EntityCluster]:
        """The clusters of ``group`` that ``span`` (named ``text``) could join, in creation order."""
        ids: set[int] = set(self.with_kb) if span.kb_id_ else set()
        ids |= self.by_key.get(normalize_name(text), set())
        words = name_words(text)
        compact = "".join(words)
        for end in range(1, len(compact) + 1):
            ids |= self.by_first.get(compact[:end], set())
        one_word = len(span) == 1 and not span.kb_id_
        if words and one_word and span.label_ == "ORG":
            ids |= self.by_last.get(words[0], set())
        if looks_like_acronym(text):
            ids |= self.by_acronym.get(_ACRONYM_PUNCT.sub("", text).upper(), set())
            ids |= self.by_acronym.get(text, set())
        if one_word and span.label_ in ("PERSON", "ORG"):
            ids |= self.by_surname.get(surname_of(text), set())
        if span.label_ == "PERSON":
            ids |= self.by_surname.get(fold(text).split()[-1], set())
        found = [self.clusters[i] for i in sorted(ids, key=self.order.__getitem__)]
        return [c for c in found if c.type in group]


def _head_acronym(text: str, cluster_type: str, mention_text: str) -> bool:
    """'DPA' after 'Cypriot DPA' or 'Icelandic Data Protection Authority': an acronym of a regulator's
    name (``mention_text``) without its leading country word."""
    if cluster_type != "REGULATOR" or not looks_like_acronym(text):
        return False
    words = mention_text.split()
    return len(words) > 1 and (words[-1] == text or (len(words) > 2 and initials(" ".join(words[1:])) == text))


def add_mention(cluster: EntityCluster, span: Span, *, gazetteer: Gazetteer) -> None:
    """Add ``span`` to ``cluster``: the first gazetteer entry (a district office first) names the cluster,
    and the strongest type of its mentions types it."""
    cluster.mentions.append(span)
    if is_district_id(span.kb_id_) and not is_district_id(cluster.kb_id):
        cluster.kb_id, cluster.canonical = span.kb_id_, canonical_name(span.kb_id_)
    elif span.kb_id_ and not cluster.kb_id:
        entry = gazetteer.get(span.kb_id_)
        if entry is not None:
            cluster.kb_id, cluster.canonical = entry.id, entry.name
    if TYPE_PRIORITY.get(span.label_, 0) > TYPE_PRIORITY.get(cluster.type, 0) and cluster.type in NAMED_GROUP:
        cluster.type = span.label_
    elif span.label_ == "PERSON" and cluster.type == "ORG" and cluster.kb_id is None:
        # "Anouk Ruhaak" (NER: ORG) ... "Ruhaak" (PERSON): a person; but a name with a legal form is a company
        # whatever the NER calls its short form ("Gassen Company Inc." ... "Gassen")
        if not any(has_legal_form(cluster.text_of(m)) for m in cluster.mentions):
            cluster.type = "PERSON"


def _find_named(span: Span, text: str, candidates: list[EntityCluster], names: _Names) -> EntityCluster | None:
    """The cluster a name joins: same office, same key, short/compact form, acronym, last word or surname."""
    label = span.label_
    key = normalize_name(text)
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
        if any(is_short_form(text, t) or is_compact_form(text, t) for t in texts):
            return c
        if label == "ORG" and c.type == "ORG" and all(len(normalize_name(t).split()) > 1 for t in texts):
            # The short form came first ("BELL PETROLEUM" in a title, then "Bell Petroleum Services Inc"); a
            # one-word first name may be a parent ("CA" ... "CA Software Israel LTD"), so it stays apart.
            if any(is_short_form(t, text) for t in texts):
                return c
        if acronym and any(is_acronym_of(text, t) or _head_acronym(text, c.type, t) for t in texts):
            return c
    if label == "ORG" and len(span) == 1:  # 'Disney' after 'Walt Disney Company', unless ambiguous
        last = [c for c in candidates if c.type == "ORG" and any(is_last_word_of(text, t) for t in names.texts[id(c)])]
        if len(last) == 1:
            return last[0]
    if label == "PERSON" and span.doc[span.start - 1 : span.start].text.rstrip(".").lower() in PERSON_TITLES:
        key_surname = fold(text).split()[-1]
        return next((c for c in candidates if c.type == "PERSON" and surname_of(c.name) == key_surname), None)
    return None


def find_cluster(
    span: Span,
    clusters: list[EntityCluster],
    published: str | None,
    *,
    names: _Names,
    text: str | None = None,
    currency: str | None = None,
    amount: Amount | None = None,
) -> EntityCluster | None:
    """The existing cluster ``span`` (named ``text`` when repaired) belongs to, or None; ``amount`` is the
    money grammar's reading of a MONEY span in its context."""
    label, text = span.label_, text or span.text
    if label == "MONEY":
        amount = amount or normalize_amount(text, default_currency=currency)
        return names.by_value.get(("MONEY", amount))
    if label == "DATE":
        value = normalize_date(text, published=published)
        return names.by_value.get(("DATE", value))
    group = NAMED_GROUP if label in NAMED_GROUP else frozenset({label})
    return _find_named(span, text, names.candidates(span, text, group), names)


# Entity types whose words are no company's: people and places ("Panamas waterway" is the country's).
NOT_ORG_WORDS = frozenset({"PERSON", "GPE", "LOC", "NORP"})


def _name_words(doc: Doc) -> frozenset[str]:
    """Capitalised words that start a longer capitalised phrase outside names of people and places ("Dish" of "Dish
    Network"): a one-word name that is such a word plus "s" is its possessive whose apostrophe scraped copy
    dropped ("Dishs reckless decision"), not a name of its own."""
    return frozenset(
        tok.text
        for tok in doc[:-1]
        if tok.is_title and doc[tok.i + 1].is_title and not {tok.ent_type_, doc[tok.i + 1].ent_type_} & NOT_ORG_WORDS
    )


def cluster_mentions(
    doc: Doc,
    spans: Iterable[Span],
    renames: list[tuple[Span, Span]],
    *,
    gazetteer: Gazetteer,
    currency: str | None = None,
    repaired: dict[tuple[int, int], str] | None = None,
    amounts: dict[tuple[int, int], Amount] | None = None,
) -> list[EntityCluster]:
    """Group the (sorted, non-overlapping) mentions into entities, in order of first mention.

    ``renames`` pairs an outer name with the alias in parentheses after it; ``repaired`` gives the name a
    mention means where its possessive lost its apostrophe, by (start, end) token; ``currency`` is the
    story's default currency for bare amounts; ``amounts`` are the money grammar's readings of MONEY
    mentions in context (a table column "336,000" cannot be read again from its own text).
    """
    repaired = repaired or {}
    amounts = amounts or {}
    clusters: list[EntityCluster] = []
    # Cluster of each token of a mention: a parenthesis links the alias to the outer name as the NER saw it
    # ("the Health Care Fraud Prevention and Enforcement Action Team (HEAT)"), which trimming may have cut.
    by_token: dict[int, EntityCluster] = {}
    names = _Names()
    linked = {(inner.start_char, inner.end_char): outer for outer, inner in renames}
    published = doc._.published
    stems = _name_words(doc)
    # The body first, then the title: a title names its parties short or in capitals ("LILLY", "HOFFMAN-LA
    # ROCHE"), the body in full ("Eli Lilly", "Hoffmann-La Roche Inc"); a title mention clustered first would
    # capture the body's short forms ("Lilly") and split the entity. The clusters keep document order.
    body = getattr(doc._, "text_start", 0) if Doc.has_extension("text_start") else 0
    spans = list(spans)
    if body:
        spans = [s for s in spans if s.start_char >= body] + [s for s in spans if s.start_char < body]
    for span in spans:
        target = None
        outer = linked.get((span.start_char, span.end_char))
        if outer is not None:
            target = next((by_token[i] for i in range(outer.end - 1, outer.start - 1, -1) if i in by_token), None)
        text = repaired.get((span.start, span.end), span.text)
        if target is None:
            amount = amounts.get((span.start, span.end))
            target = find_cluster(span, clusters, published, text=text, currency=currency, names=names, amount=amount)
        if target is None and span.label_ in NAMED_GROUP and singular_name(text) != text:
            # Scraped copy drops apostrophes: "Dishs", "Stones direction" name an entity named before.
            single = singular_name(text)
            target = find_cluster(span, clusters, published, text=single, currency=currency, names=names)
            own = span.label_ == "ORG" and len(span) == 1 and single in stems and not gazetteer.country_code(single)
            if target is not None or own:
                text = single  # "Dishs reckless decision" after "sold Dish Network programming"
        if target is None:
            target = EntityCluster(type=span.label_)
            if span.label_ == "MONEY":
                target.value = amounts.get((span.start, span.end)) or normalize_amount(
                    span.text, default_currency=currency
                )
                if target.value is None:
                    continue
            elif span.label_ == "DATE":
                target.value = normalize_date(span.text, published=published)
                if target.value is None:
                    continue
            clusters.append(target)
            names.register(target)
        if target.type == "PERSON" and span.label_ == "ORG" and len(span) == 1 and not span.kb_id_:
            span = Span(doc, span.start, span.end, label="PERSON")
        add_mention(target, span, gazetteer=gazetteer)
        if text != span.text:
            target.texts[span.start] = text
        names.add(target, text)
        before = doc[span.start - 1] if span.start else None
        if span.label_ == "ORG" and before is not None and before.text == "The" and not before.is_sent_start:
            names.add(target, f"The {text}")  # "The Ticket Reserve Inc." mid-sentence: its acronym is "TTR"
        by_token.update(dict.fromkeys(range(span.start, span.end), target))
    if body:
        for cluster in clusters:
            cluster.mentions.sort(key=lambda m: m.start)
        clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters
