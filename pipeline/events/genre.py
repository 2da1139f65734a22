"""Document genre: what an agency's release or a court filing tells by its structure.

Agencies write about themselves in a house short form: an SEC release says "the Commission", a CFPB action
"the Bureau", a Federal Reserve release "the Board". The short form means the publishing agency, never a
namesake elsewhere ("the Commission" in a U.S. securities release is not the European Commission). The
publisher is the one body the article names in full with that head word; where it names none (CFPB actions
say only "the Bureau"), the agency of the statutes the release cites, from the gazetteer (the consumer
financial statutes a "Bureau" enforces in the U.S. are the CFPB's).

This runs on the document's entities before roles are filled, so that every role the short form fills
names the publisher.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.entities import EntityCluster
from pipeline.gazetteer import load_gazetteer

# Head words agencies use alone, capitalised, for themselves ("the Commission found ...").
HOUSE_HEADS = frozenset({"Commission", "Bureau", "Board", "Agency", "Authority", "Department", "Administration"})
# Kinds of cluster a bare short form can have been given by the entity stage.
SHORT_FORM_KINDS = frozenset({"REGULATOR", "ORG", "PUBLIC_BODY"})
DEFINITE_ARTICLES = frozenset({"the"})
# Words by which a longer name goes on after the head word ("the Board of Governors").
NAME_CONTINUATIONS = frozenset({"of", "for"})
# The label of a docket number that the NER takes for a name ("Civil Action No", "Case No."): captions and
# citations hold it, and it is never a party.
DOCKET_LABEL = re.compile(r"^(?:civil action|case|misc\.?|docket|civ\.?)(?:\s+no\.?)?$", re.IGNORECASE)


def house_form(token: Token) -> str | None:
    """The head word when ``token`` is an agency's bare short form: 'the Bureau', 'the Commission's'.

    The word is capitalised, follows 'the' and does not go on as a longer name ('the Board of Governors',
    'the Commission for Racial Equality'); it may modify a noun of its own ('the Commission Order').
    """
    if token.text not in HOUSE_HEADS or token.i == 0:
        return None
    if token.nbor(-1).lower_ not in DEFINITE_ARTICLES:
        return None
    if token.i + 1 < len(token.doc) and token.nbor(1).lower_ in NAME_CONTINUATIONS:
        return None
    return token.text


def _head(name: str) -> str:
    words = name.split()
    return words[-1] if words else ""


def _bare(cluster: EntityCluster) -> str | None:
    """The head word when every mention of the cluster is a bare short form, else None."""
    heads = {house_form(m[-1]) if len(m) == 1 else None for m in cluster.mentions}
    if len(heads) != 1:
        return None
    return next(iter(heads))


def _names(cluster: EntityCluster) -> set[str]:
    forms = {cluster.name, *(m.text for m in cluster.mentions)}
    entry = load_gazetteer().get(cluster.kb_id) if cluster.kb_id else None
    if entry is not None:
        forms.update((entry.name, *entry.aliases))
    return forms


@dataclass(frozen=True)
class Publisher:
    """The agency a house short form means: a cluster of the document, or a gazetteer entry it lacks."""

    cluster: int | None
    entry_id: str | None = None
    entry_name: str | None = None


def _named_publisher(clusters: list[EntityCluster], head: str) -> int | None:
    """The regulator the document names in full with this head word; the most mentioned, if clearly so."""
    counts: Counter[int] = Counter()
    for idx, cluster in enumerate(clusters):
        if cluster.type != "REGULATOR" or _bare(cluster) is not None:
            continue
        if any(_head(name) == head for name in _names(cluster)):
            counts[idx] = len(cluster.mentions)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _statute_agency(clusters: list[EntityCluster], head: str) -> tuple[str, str] | None:
    """The one regulator of the cited statutes' country whose name ends in ``head`` and whose domains the
    statutes share most; None when no statute is known or two agencies tie."""
    gazetteer = load_gazetteer()
    laws = [gazetteer.get(c.kb_id) for c in clusters if c.type == "LAW" and c.kb_id]
    known = [law for law in laws if law is not None and law.country]
    if not known:
        return None
    countries = {law.country for law in known}
    domains = Counter(d for law in known for d in law.domains)
    scored: list[tuple[int, str, str]] = []
    for entry in gazetteer.entries:
        if entry.type != "REGULATOR" or entry.country not in countries or entry.dissolved:
            continue
        if _head(entry.name) != head and not any(_head(a) == head for a in entry.aliases):
            continue
        score = sum(domains[d] for d in entry.domains)
        if score:
            scored.append((score, entry.id, entry.name))
    scored.sort(key=lambda found: (-found[0], found[1]))
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1], scored[0][2]


def publisher_of(clusters: list[EntityCluster], head: str) -> Publisher | None:
    """Whom the house short form ``head`` means in this document (see the module's docstring)."""
    named = _named_publisher(clusters, head)
    if named is not None:
        return Publisher(cluster=named)
    agency = _statute_agency(clusters, head)
    if agency is None:
        return None
    same = next((i for i, c in enumerate(clusters) if c.kb_id == agency[0]), None)
    return Publisher(cluster=same, entry_id=agency[0], entry_name=agency[1])


def resolve_house_forms(doc: Doc) -> None:
    """Give every bare short form of the document ('the Bureau') to the agency it means.

    A cluster made only of short forms that the entity stage linked elsewhere joins the publisher; a short
    form no cluster holds becomes a mention of it. Clusters are edited in place before roles are filled.
    """
    clusters: list[EntityCluster] = doc._.entities or []
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    loose: dict[str, list[Span]] = {}
    for token in doc:
        head = house_form(token)
        if head is not None and token.i not in covered:
            loose.setdefault(head, []).append(doc[token.i : token.i + 1])
    bare = {idx: head for idx, c in enumerate(clusters) if c.type in SHORT_FORM_KINDS and (head := _bare(c))}
    heads = sorted(set(loose) | set(bare.values()))
    if not heads:
        return
    dropped: set[int] = set()
    for head in heads:
        publisher = publisher_of(clusters, head)
        if publisher is None:
            continue
        moved = list(loose.get(head, []))
        for idx, h in bare.items():
            if h == head and idx != publisher.cluster:
                moved += clusters[idx].mentions
                dropped.add(idx)
        if not moved:
            continue
        if publisher.cluster is not None:
            target = clusters[publisher.cluster]
            target.mentions = sorted([*target.mentions, *moved], key=lambda m: m.start)
        else:
            clusters.append(
                EntityCluster(
                    type="REGULATOR",
                    mentions=sorted(moved, key=lambda m: m.start),
                    kb_id=publisher.entry_id,
                    canonical=publisher.entry_name,
                )
            )
    if dropped:
        doc._.entities = [c for i, c in enumerate(clusters) if i not in dropped]


def docket_label(name: str) -> bool:
    """'Civil Action No', 'Case No.': the label of a docket number, not a party."""
    return DOCKET_LABEL.match(name.strip()) is not None


def read_release(doc: Doc) -> None:
    """Entities as a release or filing means them: docket labels are no entities, house short forms are the
    publisher (see :func:`resolve_house_forms`). Runs before roles are filled."""
    clusters: list[EntityCluster] = doc._.entities or []
    if any(docket_label(c.name) for c in clusters):
        doc._.entities = [c for c in clusters if not docket_label(c.name)]
    resolve_house_forms(doc)
