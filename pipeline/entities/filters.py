"""Document-level filters of the entity stage: what is not an entity of the story.

Pure functions over the clusters the resolver built (and the ``Doc`` they come from):
- the publisher of the article and headline-case fragments are no entities (GUIDELINES: "News outlets"),
- a corporate suffix alone ("LLC") or a person the NER called an organisation is no ORG,
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from pipeline.entities.names import (
    CORPORATE_SUFFIXES,
    GENERIC_WORDS,
    NAME_CACHE_SIZE,
    ROLE_TITLE_WORDS,
    fold,
    surname_of,
)

if TYPE_CHECKING:
    from pipeline.entities.clusters import EntityCluster

# A headline in title case or capitals: its capitalised fragments are not names on their own.
HEADLINE_CAPITALISED_SHARE = 0.6
# An outlet that "has learned" or "understands" something speaks in the article's own voice: the publisher.
PUBLISHER_AFTER = ("has learned", "has learnt", "understands", "has been told")
# An outlet that held the story's interviews speaks in the article's own voice too ("Wikinews has previously
# interviewed ...", "X spoke to Wikinews"): its reporters did the interviewing.
PUBLISHER_INTERVIEWS = ("interviewed", "has interviewed", "has previously interviewed", "has also interviewed")
# Verbs of speaking to someone ("spoke to", "talked with"): the listener after them is the interviewer.
SPOKE_VERBS = frozenset({"spoke", "speaking", "talked", "talking"})
SPOKE_LINKS = frozenset({"to", "with"})
# "..., he told Reuters.", "Ferrero told BBC Sport.": someone speaking to an outlet is an interview the outlet
# itself held. An authority telling a party something is an instruction ("the CMA told Google to ...",
# "Regulators told Acme that it must ..."), and the party addressed stays an organisation: the teller decides,
# and "to" after the addressee always makes an instruction.
INTERVIEW_VERBS = frozenset({"told"})
AUTHORITY_TELLERS = frozenset(
    {
        "regulator", "regulators", "watchdog", "authority", "authorities", "agency", "commission", "court",
        "judge", "government", "ministry", "department", "officials", "prosecutors", "bureau", "board",
    }
)  # fmt: skip
AUTHORITY_ENTITY_TYPES = frozenset({"REGULATOR", "COURT", "PUBLIC_BODY", "GPE", "NORP"})
# Verbs of speech right after a name: people speak, organisations mostly "said in a statement".
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "explained", "argued", "testified", "wrote"})
# Words after a speech verb that make the speaker an organisation ("Acme said in a statement").
ORG_SPEECH_CUES = ("in a statement", "in a filing", "in a release", "in a press release", "on its website")
# A person's age in apposition: "Donna Pulcine, 42," / "Smith, 58, of".
AGE_APPOSITION = re.compile(r"^\s*,\s*\d{1,3}\s*,")
# A relative clause on a person: "Jones, who is under investigation" (organisations take "which").
RELATIVE_WHO = re.compile(r"^\s*,\s*who\b")
# Role nouns right before a person's surname ("analyst Pulcine", "spokesman Smith").
ROLE_NOUNS = frozenset({"analyst", "spokesman", "spokeswoman", "spokesperson", "economist", "lawyer", "attorney"})
# Honorifics that only ever precede a person's name ("Judge", "Justice" also head court names).
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})

# Nouns of creative works and shows: a capitalised phrase right after one is the work's title ("its
# programme Fear Factor", "her latest movie, Eucalyptus", "hit songs like Gin and Juice"), not a company.
WORK_NOUNS = frozenset(
    {
        "programme", "program", "show", "series", "sitcom", "documentary", "film", "movie", "song", "songs",
        "album", "book", "novel", "musical", "game",
        # plurals and kinds of works and of goods sold under a name ("programmes such as ...", "ITV drama ...",
        # "whose brands include ..."): brands and products are no organisations either
        "programmes", "programs", "shows", "films", "movies", "albums", "books", "novels", "games", "drama",
        "dramas", "soap", "soaps", "brand", "brands", "product", "products", "titles",
    }
)  # fmt: skip
# What may stand between a work noun and the title: punctuation, quotes, "like", "called", other titles.
WORK_TITLE_GAP = frozenset(
    {
        "like", "called", "titled", "entitled", "'", '"', "\u201c", "\u2018", "?", "!", "and", ",", "such", "as",
        "include", "includes", "including", "included",
    }
)  # fmt: skip
WORK_TITLE_LOOKBACK = 8
# What ends an item of a list: the next separator or the sentence's end.
LIST_ITEM_ENDS = frozenset({",", "and", "or", ".", ";", ")", "!", "?"})
# Nouns after a title that make it a show's name ("the Jimmy Kimmel Live TV show").
SHOW_NOUNS = frozenset({"show", "programme", "series", "sitcom"})
# A show's title is a phrase ("Jimmy Kimmel Live TV show"); a short name before "show" is its channel.
MIN_SHOW_TITLE_TOKENS = 3
# Office holders whose portfolio follows "for": "Assistant Secretary for Fair Housing and Equal Opportunity".
PORTFOLIO_HOLDERS = frozenset({"secretary", "minister", "commissioner"})
# Most tokens of a person's name between an office holder's title and the portfolio.
MAX_HOLDER_NAME_TOKENS = 4
# Credit lines of agencies' releases name their staff ("The investigation was conducted by Jane Roe of the Denver
# Regional Office and supervised by J. Doe"): a name after one of these verbs and "by", then "of", is a person.
CREDIT_VERBS = frozenset({"conducted", "supervised", "led", "handled", "assisted", "overseen", "directed"})
# Prefixes that make the next capitalised word an adjective: "anti Semitic", "pro European".
ADJECTIVE_PREFIXES = frozenset({"anti", "pro", "non"})
# A decimal figure never ends a name ("Revs 237.2" is a table row).
DECIMAL = re.compile(r"^\d+\.\d+$")
# "White Plains, N.Y.-based Drew Industries": a place made an adjective after the city it locates.
PLACE_ADJECTIVE = re.compile(r"^[A-Z][\w.]*-based$")
# A state as news abbreviates it after a city: "Ala.", "Calif.", "N.Y.", "D.C.".
STATE_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2})$")
# Words that continue a list of places: "Alameda, Contra Costa, San Francisco and San Mateo counties".
LIST_LINKS = frozenset({",", "and", "or"})


# An acronym is at most this many characters with at least two capitals ("NOx", "PHP", "HAPs").
MAX_ACRONYM_CHARS = 8
MIN_ACRONYM_CAPITALS = 2


def defines_term(span: Span) -> bool:
    """True for an acronym in brackets right after a lower-case phrase: "nitrogen oxide (NOx)", "partial
    hospitalization program (PHP)". Names are capitalised, so the acronym abbreviates a common noun (a
    pollutant, a treatment, a programme), not an organisation."""
    doc = span.doc
    text = span.text
    if span.start < 2 or span.end >= len(doc) or len(text) > MAX_ACRONYM_CHARS or " " in text:
        return False
    if sum(c.isupper() for c in text) < MIN_ACRONYM_CAPITALS or not text.replace("-", "").isalnum():
        return False
    before = doc[span.start - 2]
    return doc[span.start - 1].text == "(" and doc[span.end].text == ")" and before.is_alpha and before.is_lower


def _after_work_noun(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    floor = max(span.start - WORK_TITLE_LOOKBACK, 0)
    if doc.has_annotation("SENT_START"):  # the sentence's start if within reach (``span.sent`` walks it all)
        floor = next((i for i in range(span.start, floor, -1) if doc[i].is_sent_start), floor)
    # After a comma the name must go on a list ("brands include Penfolds, Rosemount and Lindemans"), not start a
    # clause ("programmes such as Harbour Lights, Skyline Media said").
    listed = span.end == len(doc) or doc[span.end].lower_ in LIST_ITEM_ENDS
    while i >= floor:
        tok = doc[i]
        if tok.lower_ in WORK_NOUNS and tok.is_lower:
            return doc[i + 1].text != ","  # "in its latest film, Disney said": the clause ended
        if not (tok.lower_ in WORK_TITLE_GAP or tok.is_title or tok.lower_ == "'s") or (tok.text == "," and not listed):
            return False
        i -= 1
    return False


def _is_place_at(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].ent_type_ in ("GPE", "LOC")


def names_a_place(span: Span, *, is_region: Callable[[str], bool] | None = None, named_only: bool = False) -> bool:
    """True when a capitalised phrase the NER calls an organisation sits where news puts a place: before a
    comma and its state ("White Plains, N.Y.-based", "Homewood, Illinois,"), or inside a list of places
    ("Alameda, Contra Costa, San Francisco and San Mateo counties"). Companies are rarely located so.
    ``is_region`` tells a state or country name ("Illinois"); without it no name after the comma counts, only
    abbreviations ("N.Y.") and "-based" adjectives ("Dell, LG, Samsung": the NER's GPE "LG" is no region).
    ``named_only`` counts only a state or country named in full after the comma ("Citibank, N.A.," is a bank)."""
    doc = span.doc
    end = span.end
    if not all(t.is_title for t in span) or any(is_suffix_only(t.text) or fold(t.text) in GENERIC_WORDS for t in span):
        return False  # "Acme Inc., Texas", "PlainsCapital Bank of Lubbock, Texas" are companies all the same
    if end + 1 < len(doc) and doc[end].text == ",":
        after = doc[end + 1]
        if PLACE_ADJECTIVE.match(after.text):
            return True
        if after.ent_type_ == "GPE" and after.ent_iob_ == "B":
            gpe_end = end + 2
            while gpe_end < len(doc) and doc[gpe_end].ent_iob_ == "I":
                gpe_end += 1
            region = doc[end + 1 : gpe_end].text
            named = is_region is not None and is_region(region)
            known = (STATE_ABBREVIATION.match(region) and not named_only) or named
            # the place ends at punctuation; after a state or country named in full also at a line break
            # ("Dunkirk, New York\nWritten Agreement") or a lower-case word ("Rolling Fork, Mississippi and ..."),
            # never so after an abbreviation ("Citibank, N.A.\n" is a bank's legal form)
            closes = (
                gpe_end == len(doc)
                or doc[gpe_end].is_punct
                or doc[gpe_end].text.startswith("-")
                or (named and ("\n" in doc[gpe_end - 1].whitespace_ or doc[gpe_end].is_lower))
            )
            if known and closes and (gpe_end == len(doc) or doc[gpe_end].text not in ("'s", "\u2019s")):
                return True
    if span.start < 2 or doc[span.start - 1].text != "," or not _is_place_at(doc, span.start - 2):
        return False
    nxt = end + 1 if end < len(doc) and doc[end].text in LIST_LINKS else None
    if nxt is not None and nxt < len(doc) and doc[nxt].text in LIST_LINKS:
        nxt += 1  # "..., Contra Costa, and San Mateo"
    return nxt is not None and _is_place_at(doc, nxt)


def _holder_before(doc: Doc, i: int) -> bool:
    """True when token ``i`` is an office holder's title, or ends the name of a person that follows one:
    "Assistant Secretary for ...", "Assistant Secretary Gustavo Velasquez for ..." (news puts the official's
    name between title and portfolio)."""
    floor = max(i - MAX_HOLDER_NAME_TOKENS, 0)
    while i > floor and doc[i].ent_type_ == "PERSON":
        i -= 1
    return doc[i].lower_ in PORTFOLIO_HOLDERS


def context_says_no_org(span: Span, *, is_region: Callable[[str], bool] | None = None) -> bool:
    """True when the words around a capitalised phrase the NER calls an organisation show it is something
    else: the title of a work or show, part of a job title ("New Home Secretary"), an adjective ("anti
    Semitic"), a figure in a table ("Revs 237.2") or a place (:func:`names_a_place`, given ``is_region``)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if any(DECIMAL.match(t.text) for t in span) or defines_term(span) or names_a_place(span, is_region=is_region):
        return True
    if after is not None and after.is_title and after.lower_ in ROLE_TITLE_WORDS:
        return True
    if span.start > 1 and doc[span.start - 1].lower_ == "for" and _holder_before(doc, span.start - 2):
        return True  # an official's portfolio: "Assistant Secretary for Fair Housing and Equal Opportunity"
    if span.start > 0 and doc[span.start - 1].lower_ in ADJECTIVE_PREFIXES and len(span) == 1:
        return True
    if span.start > 1 and doc[span.start - 1].lower_ == "by" and doc[span.start - 2].lower_ in CREDIT_VERBS:
        if after is not None and after.lower_ == "of" and not is_suffix_only(span[-1].text):
            return True  # "supervised by M. Graham Loomis of the Atlanta Regional Office": staff, not a company
    if after is not None and after.lower_ in SHOW_NOUNS and after.is_lower and len(span) >= MIN_SHOW_TITLE_TOKENS:
        return True
    return _after_work_noun(span)


def headline_end(doc: Doc, *, text: str | None = None) -> int:
    """Character offset where the body starts when the title is set in headline case, else 0.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens on every access).
    """
    start = getattr(doc._, "text_start", None) if Doc.has_extension("text_start") else None
    if not start:
        return 0
    words = [w for w in (doc.text if text is None else text)[:start].split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[0].isupper())
    return start if words and capitalised / len(words) >= HEADLINE_CAPITALISED_SHARE else 0


def drop_headline_fragments(clusters: list[EntityCluster], doc: Doc, *, text: str | None = None) -> list[EntityCluster]:
    """Drop organisations named only in a headline-case title ("Oregon Resident Sentenced"): in such a
    title every word is capitalised, so the NER's ORG spans there are fragments unless the body names them.
    ``text`` is ``doc.text`` if the caller has it."""
    end = headline_end(doc, text=text)
    if not end:
        return clusters
    return [c for c in clusters if c.type != "ORG" or any(m.start_char >= end for m in c.mentions)]


def _publisher_mention(span: Span) -> bool:
    doc = span.doc
    nxt = doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].lower_ in {"and", "&"} and nxt[1].is_title:
        return False  # the NER cut a longer name: "told the Financial Times New Media and Broadcasting Conference"
    after = doc[span.end : span.end + 3].text.lower()
    return after.startswith(PUBLISHER_AFTER) or after.startswith(PUBLISHER_INTERVIEWS)


def _interview_mention(span: Span) -> bool:
    """'..., he told Reuters.', 'Ferrero told BBC Sport.': the outlet someone spoke to; not 'the CMA told Google
    to ...' or 'Regulators told Acme that ...' (an authority's instruction to a party)."""
    doc = span.doc
    at = span.start - 1 - (span.start > 0 and doc[span.start - 1].lower_ == "the")
    if at > 1 and doc[at].lower_ in SPOKE_LINKS and doc[at - 1].lower_ in SPOKE_VERBS:
        at -= 1  # "Parker spoke to Wikinews", "talking with the BBC"
    elif at < 1 or doc[at].lower_ not in INTERVIEW_VERBS:
        return False
    if span.end < len(doc) and doc[span.end].lower_ == "to":
        return False
    teller = doc[at - 1]
    return teller.ent_type_ not in AUTHORITY_ENTITY_TYPES and teller.lower_ not in AUTHORITY_TELLERS


def is_publisher(cluster: EntityCluster) -> bool:
    """An organisation the article speaks as ("BBC Scotland has learned"), or one that appears only as the
    outlet sources spoke to ("..., he told Reuters."): an outlet also named in any other role is news."""
    if cluster.type != "ORG":
        return False
    if any(_publisher_mention(m) for m in cluster.mentions):
        return True
    return all(_interview_mention(m) for m in cluster.mentions)


def drop_publisher(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """Drop the outlet the article is written for ("..., he told Reuters", "BBC Scotland has learned")
    and its programmes ("BBC Radio 4"): the guidelines list other outlets, never the publisher."""
    brands = {fold(c.name).split()[0] for c in clusters if is_publisher(c)}
    return [c for c in clusters if c.type != "ORG" or fold(c.name).split()[0] not in brands]


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_suffix_only(text: str) -> bool:
    """True for a corporate suffix standing alone ("LLC", "Inc."): a fragment of a name, not a name."""
    words = [w for w in re.split(r"[^\w]+", fold(text)) if w]
    return bool(words) and all(w in CORPORATE_SUFFIXES for w in words)


def _speaks(tok: Token) -> bool:
    """'Pulcine said' / 'said Pulcine' (not 'Acme said in a statement'): the word is a speaker."""
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in SPEECH_VERBS:
        return not doc[tok.i + 2 : tok.i + 7].text.lower().startswith(ORG_SPEECH_CUES)
    return tok.i > 0 and doc[tok.i - 1].lower_ in SPEECH_VERBS


def title_words(doc: Doc) -> dict[str, list[int]]:
    """Folded text -> positions of the title-case words of a document after its first token: the words
    :func:`person_like` looks for, indexed once per document instead of scanned once per cluster."""
    index: dict[str, list[int]] = {}
    for tok in doc[1:]:
        if tok.is_title:
            index.setdefault(fold(tok.text), []).append(tok.i)
    return index


def person_like(cluster: EntityCluster, doc: Doc, *, titles: dict[str, list[int]] | None = None) -> bool:
    """True when an ORG cluster names a person: its name carries an age ("Donna Pulcine, 42,"), or the last
    word of a multi-word name stands alone elsewhere after an honorific or role noun or as a speaker
    ("Ms Pulcine", "analyst Pulcine", "Pulcine said"); a one-word name counts after an honorific only.

    ``titles`` is :func:`title_words` of ``doc``, passed by callers that test many clusters of one document.
    """
    if any(
        AGE_APPOSITION.match(doc[m.end : m.end + 4].text_with_ws)
        or (len(m) > 1 and not is_suffix_only(m[-1].text) and RELATIVE_WHO.match(doc[m.end : m.end + 3].text_with_ws))
        for m in cluster.mentions
        if m.end < len(doc)
    ):
        return True
    names = [cluster.text_of(m) for m in cluster.mentions]
    multi = {surname_of(n) for n in names if len(n.split()) > 1 and not is_suffix_only(n.split()[-1])}
    single = {fold(n) for n in names if len(n.split()) == 1}
    inside = {i for m in cluster.mentions if len(m) > 1 for i in range(m.start, m.end)}
    titles = title_words(doc) if titles is None else titles
    for word in multi | single:
        if word is None:
            continue
        for i in titles.get(word, ()):
            if i in inside:
                continue
            tok = doc[i]
            before = doc[i - 1].text.rstrip(".").lower()
            if before in PERSONAL_HONORIFICS:
                return True
            if word in multi and before in ROLE_NOUNS:
                return True
            alone = not doc[i - 1].is_title and (i + 1 == len(doc) or not doc[i + 1].is_title)
            if word in multi and alone and (_speaks(tok) or RELATIVE_WHO.match(doc[i + 1 : i + 4].text_with_ws)):
                return True
    return False


def drop_non_orgs(clusters: list[EntityCluster], doc: Doc) -> list[EntityCluster]:
    """Drop ORG clusters that are no organisation: a corporate suffix alone, a person's name."""

    def suffix_only(cluster: EntityCluster) -> bool:
        return all(is_suffix_only(cluster.text_of(m)) for m in cluster.mentions)

    if not any(c.type == "ORG" for c in clusters):
        return list(clusters)
    titles = title_words(doc)
    people = [c for c in clusters if c.type == "PERSON" or (c.type == "ORG" and person_like(c, doc, titles=titles))]
    called = _person_words(people)
    return [
        c
        for c in clusters
        if c.type != "ORG"
        or not (suffix_only(c) or any(c is p for p in people) or (c.kb_id is None and _called(fold(c.name), called)))
    ]


def _called(name: str, called: frozenset[str]) -> bool:
    """True when a one-word name is what a person of the story is called, or its possessive whose
    apostrophe scraped copy dropped ("Maniss application" after "Ronald Manis")."""
    return name in called or (name.endswith("s") and " " not in name and name[:-1] in called)


def _person_words(people: Sequence[EntityCluster]) -> frozenset[str]:
    """Words a person of the story is called by alone: the surname ("Stone" after "Charise Stone, 46,")."""
    words: set[str] = set()
    for person in people:
        for mention in person.mentions:
            parts = fold(person.text_of(mention)).split()
            if len(parts) > 1:
                words.add(surname_of(person.text_of(mention)) or parts[-1])
    return frozenset(words)


# A line-up or roster ("Horak, Staniforth, Penney; Mapletoft, Edwards; ...", "Replacements: Everitt for Mapletoft
# (53), ..."): a sentence of many list separators and hardly any prose word. Its one-word items are people (or
# places), never companies the story is about; a company list in prose carries verbs and function words.
ROSTER_SEPARATORS = frozenset({",", ";", "for", "and", "/"})
MIN_ROSTER_SEPARATORS = 8
# Most prose words (lower-case words that are no separator) per separator of a roster.
ROSTER_PROSE_SHARE = 0.25
# Lower-case particles of surnames ("van der Walt", "de Villiers").
NAME_PARTICLES = frozenset({"van", "der", "de", "da", "di", "von", "le", "la", "du", "del", "den"})


def roster_sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) tokens of the sentences of ``doc`` that are rosters (see ROSTER_SEPARATORS)."""
    if not doc.has_annotation("SENT_START"):
        return []
    out = []
    for sent in doc.sents:
        separators = sum(1 for t in sent if t.lower_ in ROSTER_SEPARATORS and (t.is_punct or t.is_lower))
        if separators < MIN_ROSTER_SEPARATORS:
            continue
        prose = sum(
            1
            for t in sent
            if t.is_alpha and t.is_lower and t.lower_ not in ROSTER_SEPARATORS and t.lower_ not in NAME_PARTICLES
        )
        if prose <= ROSTER_PROSE_SHARE * separators:
            out.append((sent.start, sent.end))
    return out


def _roster_item(span: Span, rosters: list[tuple[int, int]]) -> bool:
    """True when ``span`` lies in a roster and holds only one-word items ("Penney", "Hodgson for Edwards",
    "Thompson, Parling")."""
    if not any(start <= span.start and span.end <= end for start, end in rosters):
        return False
    words = [t for t in span if not (t.lower_ in ROSTER_SEPARATORS and (t.is_punct or t.is_lower))]
    items: list[list[Token]] = [[]]
    for tok in span:
        if tok in words:
            items[-1].append(tok)
        else:
            items.append([])
    items = [item for item in items if item]
    return bool(items) and all(
        len(item) == 1 and item[0].is_title and not is_suffix_only(item[0].text) for item in items
    )


def drop_roster_items(clusters: list[EntityCluster], doc: Doc) -> list[EntityCluster]:
    """Drop ORG clusters named only as one-word items of a roster (:func:`roster_sentences`) that the
    gazetteer does not know: the players of a line-up, the towns of a list."""
    if not any(c.type == "ORG" and c.kb_id is None for c in clusters):
        return list(clusters)
    rosters = roster_sentences(doc)
    if not rosters:
        return list(clusters)
    return [
        c
        for c in clusters
        if c.type != "ORG" or c.kb_id is not None or not all(_roster_item(m, rosters) for m in c.mentions)
    ]


def drop_place_names(clusters: list[EntityCluster], places: set[str]) -> list[EntityCluster]:
    """Drop ORG clusters the gazetteer does not know that carry a name the document shows as a place elsewhere
    ("Dunkirk, New York", "the City of Rolling Fork"): the NER's ORG for the same words is the place again."""
    if not places:
        return list(clusters)
    return [c for c in clusters if c.type != "ORG" or c.kb_id or not any(c.text_of(m) in places for m in c.mentions)]
