"""The date of an event mention: which DATE of the trigger's sentence dates the action itself.

Guidelines ("Dates"): a lawsuit's date is its filing; a fine's, settlement's or ruling's is when it was
imposed, agreed or ruled. Sentences that report an action also date the conduct behind it ("engaged in
discrimination between 2006 and 2009", "a contract entered into in 2005", "alleges that ... in January
2006") and describe the parties ("a lender with 168 offices at the end of 2009"); those dates are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from pipeline.events.drafts import DocIndex, Draft
from pipeline.events.syntax import attached
from pipeline.values import normalize_date

# Steps from a date up the parse to the trigger or its verb for the date to be the trigger's own.
ATTACHMENT_STEPS = 3
# Words that make a date the bound of a period: conduct runs over a period, an action happens at a point
# ("from 1997 to 2005", "since 2009", "between January 2006 and ..."). A probe's period is its own ("has been
# investigating since 2009"), so investigations keep such dates.
PERIOD_WORDS = frozenset({"since", "from", "between", "until", "till", "through", "throughout", "during"})
PERIOD_OPENERS = frozenset({"from", "between"})
PERIOD_LOOKBACK_TOKENS = 4  # "from 1997 to 2005": how far back "to" looks for the opener
PERIOD_TYPES = frozenset({"FINE", "LAWSUIT", "SETTLEMENT"})
# A clause or apposition that modifies a noun describes that noun ("a contract entered into in 2005", "a
# lender with 168 offices at the end of 2009"): its dates are the noun's, unless the noun is an event itself
# ("fines totalling $1.7m in 1995", "a suit which began in July 1982").
DESCRIPTIVE_DEPS = frozenset({"relcl", "acl", "appos"})
# What a complaint or claim says happened is conduct: "the complaint alleges that ... in January 2006".
ALLEGATION_LEMMAS = frozenset({"allege", "claim", "accuse", "contend", "assert"})


# A release or wire story dates itself at the top: the date alone before the first sentence ("October 10, 2024"
# above a Federal Reserve release; cleaning joins the lines, so a capitalised word follows it), or a dateline
# ("WASHINGTON, March 3, 2019 -", "NEW YORK, March 3 (Reuters) -"), whose place is written in capitals.
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAY_MONTH = rf"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})"
DATE_LINE = re.compile(rf"^\s*(?P<date>{DAY_MONTH},?\s+\d{{4}})(?=\s*$|\s+[A-Z])")
DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][A-Za-z.'\- ]+)?,\s+(?P<date>{DAY_MONTH}(?:,?\s+\d{{4}})?)\s*"
    r"(?:\([^)]{1,30}\)\s*)?[-\u2013\u2014]"
)


def dateline(text: str, *, published: str | None) -> str | None:
    """The date a release or wire story gives itself at its top (see ``DATE_LINE``), as an ISO day."""
    match = DATELINE.match(text) or DATE_LINE.match(text)
    if match is None:
        return None
    value = normalize_date(match["date"], published=published)
    return value if value is not None and len(value) == len("2019-03-03") else None


#: Key of the document's news day in ``doc.user_data``: it is asked for every date of the article, and spaCy
#: rebuilds ``doc.text`` from the tokens on every access, so reading it each time made the stage quadratic.
NEWS_DAY_KEY = "newspipe.news_day"


def news_day(doc: Doc) -> str | None:
    """The day the article reports as 'today': its dateline, else its publication date (read once per document)."""
    if NEWS_DAY_KEY not in doc.user_data:
        published = doc._.published
        text_start = doc._.text_start or 0
        doc.user_data[NEWS_DAY_KEY] = dateline(doc.text[text_start:], published=published) or published
    day: str | None = doc.user_data[NEWS_DAY_KEY]
    return day


def period_bound(ent: Span) -> bool:
    """True when the date opens or closes a period ('since 2009', 'from 1997 to 2005', 'between 2006 and 2009')."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in PERIOD_WORDS or any(t.lower_ in ("to", "and", "through") for t in ent[1:-1]):
        return True
    after = doc[ent.end : ent.end + 2]
    if len(after) == 2 and after[0].lower_ in ("to", "through", "until", "-") and after[1].like_num:
        return True  # "for the years 2008 through 2013"
    if before in ("to", "and"):
        window = doc[max(ent.start - 1 - PERIOD_LOOKBACK_TOKENS, 0) : ent.start - 1]
        return any(t.lower_ in PERIOD_OPENERS for t in window)
    return False


def describes_other(etype: str, ent: Span, tok: Token, *, event_type: Callable[[Token], str | None]) -> bool:
    """True when the date sits in a clause that describes something else than the trigger: a noun's
    modifier or apposition that the trigger is not part of, what a complaint alleges, or a suit's clause in
    another event's mention ("resolves claims brought against X in 2005" dates the suit, not the settlement)."""
    for anc in ent.root.ancestors:
        if anc == tok or anc.is_ancestor(tok):
            return False
        if anc.dep_ in DESCRIPTIVE_DEPS and anc.head != tok:
            described = event_type(anc.head)
            if described is None or (described == "LAWSUIT" and etype != "LAWSUIT"):
                return True
        if anc.dep_ == "ccomp" and anc.head.lemma_ in ALLEGATION_LEMMAS:
            return True
    return False


# "had renewed her licence in 2009", "had been reported in May": the past perfect tells what happened before
# the action reported; "by May 28, 2018" is a deadline the party missed. Neither dates the action.
PAST_PERFECT_AUX = frozenset({"had"})
DEADLINE_WORDS = frozenset({"by"})


def before_the_action(ent: Span, tok: Token) -> bool:
    """True when the date sits in a past-perfect clause other than the trigger's, or is a deadline."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in DEADLINE_WORDS:
        return True
    for anc in ent.root.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            if anc == tok or anc.is_ancestor(tok):
                return False
            return any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_PERFECT_AUX for c in anc.children)
    return False


def _settled_here(tok: Token, *, event_type: Callable[[Token], str | None]) -> bool:
    """'agreed today to settle a lawsuit', 'a settlement that will resolve its suit': the sentence dates the
    settlement, and a suit's date is its filing."""
    head = tok
    for _ in range(ATTACHMENT_STEPS):
        if head.head == head:
            return False
        head = head.head
        if event_type(head) == "SETTLEMENT":
            return True
    return False


def mention_date(
    etype: str, tok: Token, sent: Span, sdoc: Doc, index: DocIndex, *, event_type: Callable[[Token], str | None]
) -> str | None:
    """The date of the trigger's clause: a DATE attached to the trigger or its verb, else the nearest one of
    the trigger's own sentence that dates neither a period, nor the conduct, nor something after publication."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    published = index.doc._.published
    today = news_day(index.doc)
    settled = etype == "LAWSUIT" and _settled_here(tok, event_type=event_type)
    scored = []
    for ent in sdoc.ents:
        if ent.label_ != "DATE":
            continue
        idx = index.token_cluster.get(sent.start + ent.start)
        if idx is None or index.clusters[idx].value is None:
            continue
        value = str(index.clusters[idx].value)
        if today != published:  # "on Thursday" in a release dated by its dateline, not its web page
            value = normalize_date(ent.text, published=today) or value
        prev = sent.start + ent.start - 2
        if ent.start >= 2 and sdoc[ent.start - 1].lower_ == "of" and index.token_cluster.get(prev) is not None:
            if index.type_of(index.token_cluster[prev]) == "LAW":  # "... Rights Act of 1994"
                continue
        if today and value[: len(today)] > today:
            continue  # a deadline or a hearing to come ("before the March 2016 elections"), not the action
        if etype in PERIOD_TYPES and period_bound(ent):
            continue
        if before_the_action(ent, tok):
            continue  # what the party had done before ("had renewed ... in 2009"), or a deadline it missed
        near = attached(ent.root, tok, max_steps=ATTACHMENT_STEPS) or attached(
            ent.root, verb, max_steps=ATTACHMENT_STEPS
        )
        if not near and (
            ent.sent != tok.sent
            or settled
            or describes_other(etype, ent, tok, event_type=event_type)
        ):
            continue  # another sentence (glued copy), the settlement's date, or a clause about the conduct
        scored.append((0 if near else 1, abs(ent.root.i - tok.i), value))
    return min(scored)[2] if scored else None


# "The complaint, filed along with the consent decree, alleges ...", "The settlement ... was filed today, along
# with a complaint": a government suit filed together with the settlement that ends it (a common way to enter a
# consent decree) was filed on the day the settlement was.
FILED_TOGETHER = re.compile(
    r"\b(filed|filing|lodged|lodging)\b[^.;]{0,60}\b(along with|together with|simultaneously|concurrently|"
    r"at the same time as)\b",
    re.IGNORECASE,
)
SUIT_WORDS = re.compile(r"\b(complaint|(law)?suit)\b", re.IGNORECASE)
SETTLEMENT_WORDS = re.compile(r"\b(settlement|consent (decree|order|judg(e)?ment)|agreement)\b", re.IGNORECASE)


def filed_together(text: str) -> bool:
    """True when the sentence says a suit and its settlement were filed together."""
    return bool(FILED_TOGETHER.search(text) and SUIT_WORDS.search(text) and SETTLEMENT_WORDS.search(text))


def date_suits_filed_with_settlements(events: list[Draft], sents: list[Span]) -> None:
    """A suit filed together with the settlement that ends it takes the settlement's date, and the other way
    round (guidelines: a suit's date is its filing)."""
    for suit in (e for e in events if e.type == "LAWSUIT"):
        for settlement in (e for e in events if e.type == "SETTLEMENT" and e.anchors() & suit.anchors()):
            said = set(suit.sentences) | set(settlement.sentences)
            if not any(filed_together(sents[s].text) for s in said):
                continue
            if suit.date is None and settlement.date is not None:
                suit.set_date(settlement.date, rule="linked_date", sentence=settlement.date_sentence)
            elif settlement.date is None and suit.date is not None:
                settlement.set_date(suit.date, rule="linked_date", sentence=suit.date_sentence)


# "today", also glued to the next word in scraped copy ("The Justice Department todayfiled a lawsuit").
TODAY = re.compile(r"\btoday", re.IGNORECASE)
# Events the lede reports as the day's news, by the statuses that make them so.
LEDE_NEWS = {
    "FINE": frozenset({"proposed", "imposed"}),
    "SETTLEMENT": frozenset({"proposed", "agreed", "approved"}),
    "LAWSUIT": frozenset({"filed", "pending"}),
}


# A litigation release opens with its case captions ("SEC v. A, et al., Civil Action No. 1:18-cv-1 (N.D. Cal.)"),
# on a line of their own; the sentence splitter cuts them at "No." and "et al.,". The lede is the first sentence
# after them.
CAPTION_LINE = re.compile(r"\bv\.\s")
# A lede that reports a suit being brought ("the Commission today charged X", "On May 1, 2019, the SEC filed a
# complaint against X"): its day is the filing of the suit against the parties it names, however the story ends.
# A participle that describes a suit ("to settle a lawsuit filed by the department") reports no filing.
FILING_LEDE = re.compile(r"\b(charg(ed|es)|fil(ed|es)|sued|sues)\b(?!\s+by\b)", re.IGNORECASE)


def body_sentences(doc: Doc, sents: list) -> list[int]:
    """Indexes of the body's sentences after the case captions that open it, if any."""
    text_start = doc._.text_start or 0
    first_line = doc.text[text_start:].split("\n", 1)[0]
    opening = text_start + len(first_line) if CAPTION_LINE.search(first_line) else text_start
    body = [i for i, s in enumerate(sents) if s.start_char >= opening]
    return body or [i for i, s in enumerate(sents) if s.start_char >= text_start]


def dates_of_announcements(events: list[Draft], doc: Doc, sents: list) -> None:
    """An action reported as happening 'today', or as the news of the article's lede, with no date of its own
    happened on the publication date: news reports the day's action first ("X has agreed to pay $N", "The
    department today filed a lawsuit"). A suit the lede mentions only as settled or decided was filed earlier,
    so only a suit reported as filed or pending takes the date. The day is the article's dateline where it has
    one (see ``news_day``); an action the lede opens by dating ("On October 23, 2024, the Bureau issued an
    order against X") dates the undated news about the parties it names (``lede_date``)."""
    dated_lede = lede_date(doc, sents)
    if dated_lede is not None:
        sent_no, value, parties = dated_lede
        filing = FILING_LEDE.search(sents[sent_no].text) is not None
        for ev in events:
            # a suit's day is its filing: a lede that dates a judgment or an order does not date the suit
            news = ev.type != "LAWSUIT" and ev.type in LEDE_NEWS and ev.status in LEDE_NEWS[ev.type]
            if not ev.date and (news or (filing and ev.type == "LAWSUIT")) and ev.anchors() & parties:
                ev.set_date(value, rule="lede_date", sentence=sent_no)
    published = news_day(doc)
    if not published:
        return
    body = body_sentences(doc, sents)
    lede = body[0] if body else None
    lede_today = lede is not None and TODAY.search(sents[lede].text) is not None
    filed_today = lede_today and lede is not None and FILING_LEDE.search(sents[lede].text) is not None
    lede_parties = _named_in(doc, sents[lede]) if filed_today and lede is not None else set()
    for ev in events:
        if ev.date:
            continue
        if ev.type == "LAWSUIT" and ev.anchors() & lede_parties:  # "The Commission today charged X ..."
            ev.set_date(published, rule="publication_date")
            continue
        news = ev.type in LEDE_NEWS and ev.status in LEDE_NEWS[ev.type]
        # a suit reported as settled or decided "today" was filed before
        own = (news or ev.type != "LAWSUIT") and any(TODAY.search(sents[s].text) for s in ev.sentences)
        in_lede = lede in ev.sentences or (lede_today and ev.type != "LAWSUIT")  # the lede's "today" is its action's
        if own or (news and in_lede):
            ev.set_date(published, rule="publication_date")


# Tokens a lede's opening date may take before its action: "On October 23, 2024, the Bureau issued ...".
LEDE_OPENERS = frozenset({"on"})
LEDE_SENTENCES = 3  # a release may open with a caption and header lines before its lede


# "The Commission announced today that, on January 8, 2018, the court entered ...": the announcement's clause
# opens with the action's day, as a lede that opens with "On January 8, 2018, ..." does.
REPORTED_OPENERS = frozenset({"that"})
REPORTED_GAP_TOKENS = 2  # "that, on", "that on"


def _dates_the_lede(doc: Doc, sent: Span, start: int) -> bool:
    """True when the date mention at token ``start`` opens the lede's action: the sentence's first words ("On
    October 23, 2024, the Bureau issued ...") or the reported clause ("announced today that, on ...")."""
    if start == sent.start + 1 and doc[sent.start].lower_ in LEDE_OPENERS:
        return True
    if start - 1 <= sent.start or doc[start - 1].lower_ not in LEDE_OPENERS:
        return False
    before = [t.lower_ for t in doc[max(start - 2 - REPORTED_GAP_TOKENS, sent.start) : start - 1] if not t.is_punct]
    return bool(before) and before[-1] in REPORTED_OPENERS


def lede_date(doc: Doc, sents: list) -> tuple[int, str, set[int]] | None:
    """(sentence, date, parties) of the first body sentence that opens by dating its action ("On October 23,
    2024, the Bureau issued an order against Apple Inc."): the sentence, its day and the entities it names."""
    clusters = doc._.entities or []
    for n in body_sentences(doc, sents)[:LEDE_SENTENCES]:
        sent = sents[n]
        for idx, cluster in enumerate(clusters):
            if cluster.type != "DATE" or not isinstance(cluster.value, str) or len(cluster.value) != len("2019-03-03"):
                continue
            for m in cluster.mentions:
                if _dates_the_lede(doc, sent, m.start):
                    parties = {
                        i
                        for i, c in enumerate(clusters)
                        if i != idx and any(sent.start <= x.start < sent.end for x in c.mentions)
                    }
                    return n, cluster.value, parties
    return None


def _named_in(doc: Doc, sent: Span) -> set[int]:
    """The entities with a mention in the sentence."""
    clusters = doc._.entities or []
    return {i for i, c in enumerate(clusters) if any(sent.start <= m.start < sent.end for m in c.mentions)}


def day_of_sentence(sent: Span, index: DocIndex) -> str | None:
    """The one day a sentence names other than the news day ("The Commission today announced that on December
    28, 2001, the court entered a Final Judgment"), else None."""
    days = {
        str(index.clusters[i].value)
        for i in index.in_sentence(sent, frozenset({"DATE"}))
        if isinstance(index.clusters[i].value, str) and len(str(index.clusters[i].value)) == len("2001-12-28")
    }
    if len(days) > 1:
        days.discard(news_day(index.doc) or "")
    return days.pop() if len(days) == 1 else None
