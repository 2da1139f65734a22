"""Event stage: find fines, lawsuits, settlements and investigations and fill their roles.

The cheap relevance pass picks the sentences that can hold a trigger; only those
get the dependency parse (tok2vec, tagger, parser, lemmatizer run on the sentence
alone), so an article without enforcement vocabulary costs only its NER. Triggers
are matched by lemma; roles come from the parse (``pipeline.events.syntax``), mapped to
the document's entities, with definite descriptions and pronouns resolved to the
entity they mean. Events that report one real-world action are merged, and the
whole article is read for their latest status.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from models import EVENT_ROLES
from pipeline.events.captions import caption_suits, replace_caption_drafts
from pipeline.events.dates import day_of_sentence, mention_date
from pipeline.events.drafts import (
    ACTOR_ROLE,
    ACTOR_TYPES,
    CONFIDENCE_FALLBACK,
    DEFINITE,
    INDEFINITE,
    NOMINAL_DEPS,
    PARTY_TYPES,
    PATIENT_ROLE,
    PRONOUNS_ORG,
    PRONOUNS_PERSON,
    DocIndex,
    Draft,
    drop_cap,
)
from pipeline.events.genre import house_form, read_release
from pipeline.events.lexicon import Lexicon, cue_spans, load_lexicon, may_hold_event
from pipeline.events.listings import listing_events, replace_listed_drafts
from pipeline.events.merge import finish_events, split_separate
from pipeline.events.parties import class_size, fill_terms_from_lede, fit_kinds
from pipeline.events.pleadings import add_pleading_details
from pipeline.events.rulings import (
    appellants,
    found_violators,
    is_court_decision,
    judgment_sides,
    upheld_on_appeal,
    wronged_parties,
)
from pipeline.events.syntax import (
    ACTOR_VERBS,
    attached,
    court_request_roles,
    expand_conjuncts,
    is_court_request,
    noun_trigger_roles,
    sentence_docs,
    verb_trigger_roles,
)
from pipeline.events.triggers import (
    CONSENT_LOOKBACK_SENTENCES,
    FILED_NOUNS,
    consent_to_judgment,
    consented_instrument,
    credit_line,
    criminal_charge,
    faced_only,
    filed_with_agency,
    hypothetical,
    modality,
    owed_probe,
    unrealised,
)
from pipeline.text import parse_units

# "The investigation found that ..." -> the finding's subject is the target.
FINDING_VERBS = frozenset({"find", "reveal", "determine", "conclude", "show", "uncover", "establish"})
# Nouns whose clause names who a probe is about: "allegations that X ...".
ALLEGATION_NOUNS = frozenset({"allegation", "claim", "complaint", "suspicion", "accusation", "report"})
# Money a suit claims: "seeking $2.5m in damages", "compensation of $1m".
DAMAGES = re.compile(r"\b(damages|compensation|seek(s|ing)?|sought|claim(s|ing)?|demand(s|ing|ed)?)\b", re.IGNORECASE)
PREMODIFIER_GAP = 2  # tokens between an amount and the noun it modifies ("$10m class-action lawsuit")
# Words that end an amount: "$3.5m fine", "a 5 million euro fine", "500,000 dlrs fine".
AMOUNT_WORDS = frozenset(
    {"m", "bn", "k", "million", "billion", "euro", "euros", "dollar", "dollars", "dlrs", "pound", "pounds", "yen"}
)
# "paid $3.5m to end investigations", "will pay $5m to close the case": a payment that ends a claim settles it.
PAY_TO_END = frozenset({"end", "close"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Verbs by which an action is taken: only their negation negates the event ("did not file a suit").
TAKING_VERBS = ACTOR_VERBS | frozenset(
    {"fine", "penalize", "penalise", "sue", "settle", "investigate", "probe", "reach"}
)
# A relative pronoun stands for the noun its clause modifies: "the Department of Justice, which filed suit".
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


# Modifiers that make an order the interim relief of a suit, not a settlement or an administrative order.
RESTRAINING = frozenset({"restraining"})
RELIEF_NOUNS = frozenset({"injunction"})
# Objects of a preposition that put a trigger in its legal sense ("settled in a deal", "in court").
LEGAL_FRAME_OBJECTS = frozenset({"deal", "settlement", "agreement", "accord", "court", "case", "lawsuit", "suit"})


def is_relief(tok: Token) -> bool:
    """An injunction or restraining order: a court's relief, which names a suit without being one."""
    lemma = tok.lemma_.lower()
    return tok.pos_ != "VERB" and (
        lemma in RELIEF_NOUNS or (lemma == "order" and any(c.lower_ in RESTRAINING for c in tok.children))
    )


class EventExtractor:
    """spaCy component: ``doc._.events`` (a list of :class:`Draft`) for every document."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        syntax_pipes: list[str],
        relevance_filter: bool,
        coref_window: int,
        min_confidence: float,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.syntax_pipes = syntax_pipes
        self.relevance_filter = relevance_filter
        self.coref_window = coref_window
        self.min_confidence = min_confidence
        self.lexicon: Lexicon = load_lexicon()
        if not Doc.has_extension("events"):
            Doc.set_extension("events", default=None)

    # -- parsing only what can hold an event ---------------------------------------------------------
    def _units(self, doc: Doc) -> Iterator[Span]:
        # A headline repeats its lede in title case, which the NER and parser read poorly: events come
        # from the body; the title still contributes entities.
        text_start = doc._.text_start or 0
        return (u for s in doc.sents if s.start_char >= text_start for u in parse_units(s))

    def _relevant_units(self, doc: Doc) -> Iterator[Span]:
        units = self._units(doc)
        if not self.relevance_filter:
            yield from units
            return
        # ``span.text`` joins the span's tokens again; the document's text sliced at the span is the same string
        text = doc.text
        cues = cue_spans(text)  # sorted and disjoint, so their ends are sorted too
        cue_ends = [end for _, end in cues]
        for unit in units:
            start, end = unit.start_char, unit.end_char
            first = bisect_right(cue_ends, start)  # the first cue that ends after the unit starts
            if first < len(cues) and cues[first][0] < end and may_hold_event(text[start:end]):
                yield unit

    def _candidate_sentences(self, doc: Doc) -> list[Span]:
        return list(self._relevant_units(doc))

    def is_relevant(self, doc: Doc) -> bool:
        """Can this document hold an event? True exactly when it has a sentence this stage would parse.

        Needs only the tokens and the sentence boundaries (no model). A document it rejects gets no events
        from :meth:`extract` whatever the NER finds, so skipping the rest of the pipeline for it loses none.
        """
        return next(self._relevant_units(doc), None) is not None

    def _parse(self, spans: list[Span]) -> list[Doc]:
        docs = sentence_docs(spans)
        for name in self.syntax_pipes:
            component: Any = self.nlp.get_pipe(name)
            docs = list(component.pipe(docs))
        return docs

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self._process([doc])))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        spans = [(d, s) for d in docs for s in self._candidate_sentences(d)]
        parsed = self._parse([s for _, s in spans])
        per_doc: dict[int, list[tuple[Span, Doc]]] = {}
        for (d, s), p in zip(spans, parsed, strict=True):
            per_doc.setdefault(id(d), []).append((s, p))
        for d in docs:
            d._.events = self.extract(d, per_doc.get(id(d), []))
        return docs

    # -- triggers and roles --------------------------------------------------------------------------
    def trigger_type(self, tok: Token) -> str | None:
        """The event type a token triggers, or None for look-alikes ('fine print', 'penalty kick')."""
        lex = self.lexicon
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            lemma = lex.verb_forms.get(tok.lower_, lemma)
        if tok.pos_ == "VERB" and lemma in lex.verb_triggers:
            etype = lex.verb_triggers[lemma]
        elif self._nominal(tok) and lemma == "order" and any(c.lower_ in RESTRAINING for c in tok.children):
            # a temporary restraining order, like an injunction, is relief a court grants in a civil suit: news
            # reports the suit through it ("won a temporary restraining order against X")
            etype = "LAWSUIT"
        elif self._nominal(tok) and appellants(tok) is not None:
            etype = "LAWSUIT"  # "Acme said it would appeal the verdict": the suit the verdict decided
        elif self._nominal(tok) and (lemma in lex.noun_triggers or tok.lower_ in lex.noun_triggers):
            if (
                tok.dep_ in ("compound", "amod", "nmod")
                and self._nominal(tok.head)
                and (tok.head.lemma_.lower() in lex.noun_triggers or tok.head.lower_ in lex.noun_triggers)
            ):
                return None  # "class-action suit": the head noun is the trigger
            etype = lex.noun_triggers.get(lemma) or lex.noun_triggers[tok.lower_]
            needed = lex.noun_requirements.get(lemma) or lex.noun_requirements.get(tok.lower_)
            if needed is not None and not self._context(tok) & needed and not self._regulator_only(tok):
                return None
        elif tok.pos_ == "VERB" and is_court_request(tok):
            etype = "LAWSUIT"
        elif consent_to_judgment(tok):
            etype = "SETTLEMENT"
        elif is_court_decision(tok):
            etype = "LAWSUIT"
        elif tok.pos_ == "VERB" and (
            lemma == "resolve" or (lemma in PAY_TO_END and tok.head.lemma_ == "pay" and tok.dep_ in ("xcomp", "advcl"))
        ):
            objects = {c.lemma_ for c in tok.children if c.dep_ == "dobj"}
            if not objects & lex.resolve_objects:
                return None
            etype = "SETTLEMENT"
        else:
            return None
        if lemma in FILED_NOUNS and filed_with_agency(tok):
            return None
        excluded = lex.excluded_contexts.get(lemma, frozenset())
        # a preposition that brings the legal frame ("settled out of court in a deal", "settled in court") is no
        # look-alike context, unlike "settled in Ohio"
        near = {
            c.lower_
            for c in tok.children
            if not (c.dep_ == "prep" and any(o.lemma_.lower() in LEGAL_FRAME_OBJECTS for o in c.children))
        } | {tok.head.lower_}
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        if near & excluded or nxt in excluded:
            return None
        return etype

    @staticmethod
    def _context(tok: Token) -> set[str]:
        """Words that can make a noun a trigger: its modifiers, its governing word, the three words before it
        ('a class-action suit', 'filed a complaint') and the two after it ('took action against', 'a complaint,
        filed ...'), as written and as lemmas."""
        context = {c.lower_ for c in tok.children} | {c.lemma_ for c in tok.children}
        context |= {tok.head.lemma_, tok.head.lower_}
        context |= {w for t in tok.doc[max(tok.i - 3, 0) : tok.i + 3] if t.i != tok.i for w in (t.lower_, t.lemma_)}
        return context

    def _regulator_only(self, tok: Token) -> bool:
        """A noun that is a trigger only with a regulator as party ('a written agreement with the Reserve Bank')."""
        lex = self.lexicon
        needed = lex.regulator_requirements.get(tok.lemma_.lower()) or lex.regulator_requirements.get(tok.lower_)
        return needed is not None and bool(self._context(tok) & needed)

    def _needs_regulator(self, tok: Token) -> bool:
        lex = self.lexicon
        needed = lex.noun_requirements.get(tok.lemma_.lower()) or lex.noun_requirements.get(tok.lower_)
        return self._regulator_only(tok) and not (needed is not None and self._context(tok) & needed)

    @staticmethod
    def _nominal(tok: Token) -> bool:
        """Nouns, and words the tagger calls adjectives but the parser uses as nouns ('against a fine'), or
        that follow an amount ('the $3.5m fine': the tagger reads 'fine' as an adjective of 'm')."""
        if tok.pos_ in ("NOUN", "PROPN"):
            return True
        if tok.pos_ == "ADJ" and tok.i > 0:
            prev = tok.nbor(-1)
            if prev.like_num or prev.lower_ in AMOUNT_WORDS:
                return True
        return tok.pos_ == "ADJ" and tok.dep_ in NOMINAL_DEPS

    def _resolve(
        self,
        tok: Token,
        sent: Span,
        index: DocIndex,
        *,
        actor: bool,
        acted_on: bool = False,
        inferred: dict[int, str] | None = None,
    ) -> list[int]:
        """Entities a role token names: itself, its conjuncts and appositions, or its antecedent.

        ``inferred`` collects the entities found by an inference (entity -> rule): an antecedent, or the
        agency a house short form ('the Bureau') stands for; an entity also named outright is not collected.
        """
        out: list[int] = []
        for t in expand_conjuncts([tok]):
            if t.lower_ in RELATIVE_PRONOUNS and t.head.dep_ == "relcl" and t.head.head != t.head:
                t = t.head.head  # noqa: PLW2901  (the noun the relative clause modifies)
            i = sent.start + t.i
            idx = index.token_cluster.get(i)
            # A titled person ("former director of Acme Darius Keaton", "Arsenal manager Arsene Wenger") is a
            # speaker or an official acting for a body, not a party; but a person the trigger acts on by name
            # ("Keaton was fined 11,000 dlrs", "Wenger ... was fined by the FA") is the party, title or not; a
            # judge who enters an order is a counterpart of the parse, never ``acted_on``.
            named_patient = idx is not None and acted_on
            if idx is None:
                for c in t.children:  # "X, the company": the apposition; "the Federal Reserve Bank": the name
                    # that the entity's span covers without its head word (the proper noun right after it)
                    head_word = c.dep_ == "compound" and t.pos_ == "PROPN" and c.i == t.i - 1
                    if (c.dep_ == "appos" or head_word) and (sent.start + c.i) in index.token_cluster:
                        idx = index.token_cluster[sent.start + c.i]
                        break
            if idx is None and not actor and t.lemma_.lower() in self.lexicon.aspect_nouns:
                idx = self._aspect_owner(t, sent, index)  # "a probe into Microsoft's licensing practices"
            if idx is not None and index.type_of(idx) == "MONEY":
                # "fined Enea S.A. EUR 30,000": the parse makes the amount the object and hangs the party on it
                named = [
                    index.token_cluster[sent.start + c.i]
                    for c in t.subtree
                    if c.dep_ == "compound" and c.i < t.i and (sent.start + c.i) in index.token_cluster
                ]
                idx = next((n for n in named if index.type_of(n) in PARTY_TYPES), None)
            rule = "house_short_form" if idx is not None and house_form(index.doc[sent.start + t.i]) else None
            if idx is None:
                idx = self._antecedent(t, sent, index)
                rule = "antecedent"
            if (
                idx is not None
                and index.type_of(idx) in PARTY_TYPES
                and idx not in out
                and (named_patient or idx not in index.officials)
            ):
                out.append(idx)
            if idx is not None and inferred is not None:
                if rule is None:
                    inferred[idx] = ""  # named outright here: read from the text whatever else resolves to it
                else:
                    inferred.setdefault(idx, rule)
        return out

    @staticmethod
    def _aspect_owner(tok: Token, sent: Span, index: DocIndex) -> int | None:
        """Whose conduct an action is about: 'the activities of Jack Abramoff', 'Microsoft's licensing practices',
        'the conduct of Acme executives' (the entity named as possessor or in the 'of' phrase, or its compound)."""
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [
            o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        for owner in owners:
            for t in (owner, *(c for c in owner.children if c.dep_ == "compound")):
                if (sent.start + t.i) in index.token_cluster:
                    return index.token_cluster[sent.start + t.i]
        return None

    def _antecedent(self, tok: Token, sent: Span, index: DocIndex) -> int | None:
        lex = self.lexicon
        lower, lemma = tok.lower_, tok.lemma_.lower()
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        # the headline is not story text: a pronoun in the body never means a name from the title
        window_start = max(
            index.sent_starts[max(index.sentence_of(sent.start) - self.coref_window, 0)], index.body_start
        )
        here = sent.start + tok.i
        if lower in PRONOUNS_PERSON and drop_cap(tok):
            return None
        if lower in PRONOUNS_ORG:  # "it" is a company or, in a release, the department
            return index.before(here, frozenset({"ORG", "REGULATOR", "PUBLIC_BODY"}), window_start=window_start)
        if lower in PRONOUNS_PERSON:
            return index.before(here, frozenset({"PERSON"}), window_start=window_start)
        if lemma in lex.org_anaphors and dets & DEFINITE:
            found = index.before(here, frozenset({"ORG"}), window_start=window_start)
            if found is None and index.sentence_of(sent.start) == index.sentence_of(index.body_start):
                # a lede describes its party before naming it: "The US movie industry has launched legal action
                # ... The Motion Picture Association of America wants to stop ..."
                found = self._named_next(sent, index)
            return found
        if lemma in lex.regulator_anaphors and dets & DEFINITE:
            return index.before(here, frozenset({"REGULATOR"}), window_start=window_start)
        if lemma in lex.org_anaphors and dets & INDEFINITE:
            # News ledes name the party after describing it: "A Dutch consumer group has sued ... The SDBN says"
            return self._named_next(sent, index)
        return None

    @staticmethod
    def _named_next(sent: Span, index: DocIndex) -> int | None:
        """The first company the sentence after ``sent`` names."""
        sent_no = index.sentence_of(sent.start)
        if sent_no + 1 < len(index.sents):
            return index.first_in(index.sents[sent_no + 1], frozenset({"ORG"}))
        return None

    def extract(self, doc: Doc, parsed: list[tuple[Span, Doc]]) -> list[Draft]:
        read_release(doc)  # "the Bureau" in a CFPB release is the CFPB; docket labels are no parties
        if not parsed:
            return []
        index = DocIndex(doc)
        drafts: list[Draft] = []
        reliefs: list[Draft] = []  # suits read off the relief granted in them ("won an injunction against X")
        for sent, sdoc in parsed:
            for tok in sdoc:
                etype = self.trigger_type(tok)
                if etype is None:
                    continue
                draft = self._draft(etype, tok, sent, sdoc, index)
                if draft is not None:
                    amounts = index.in_sentence(sent, frozenset({"MONEY"}))
                    found = split_separate(draft, sent.text, plural=tok.tag_ in PLURAL_TAGS, amounts=amounts)
                    (reliefs if is_relief(tok) else drafts).extend(found)
        # An injunction is the relief of a suit: where the article reports the suit in its own words with its
        # parties (agency releases: "the SEC filed a complaint ... the defendants consented to a preliminary
        # injunction"), the injunction is part of that suit, not a second one; wire copy often reports a suit
        # only through its injunction ("Acme won a temporary restraining order against Widget").
        if not any(d.type == "LAWSUIT" and d.anchors() for d in drafts):
            drafts += reliefs
        drafts = replace_caption_drafts(drafts, caption_suits(doc, index))  # "SEC v. A, B and C, No. ..."
        drafts = replace_listed_drafts(drafts, listing_events(doc, index))  # "Written Agreement dated ..."
        fill_terms_from_lede(drafts, index)  # "issued an order against X ... The order requires X to pay $N"
        add_pleading_details(drafts, parsed, index, resolve=lambda t, s, ix: self._resolve(t, s, ix, actor=False))
        return finish_events(drafts, doc, index, lexicon=self.lexicon, min_confidence=self.min_confidence)

    def _draft(self, etype: str, tok: Token, sent: Span, sdoc: Doc, index: DocIndex) -> Draft | None:
        if tok.pos_ == "VERB" and is_court_request(tok):
            roles = court_request_roles(tok)
        else:
            roles = verb_trigger_roles(tok) if tok.pos_ == "VERB" else noun_trigger_roles(tok)
        sentencing = roles.governing_verb
        if etype == "FINE" and not roles.patient and sentencing is not None and sentencing.lemma_ == "sentence":
            # "X was sentenced to probation and a $7,500 fine", "the judge sentenced X to ... a fine": a criminal
            # fine is the sentenced defendant's (guidelines)
            roles.patient = [c for c in sentencing.children if c.dep_ in ("nsubjpass", "dobj")]
        violators = found_violators(tok) if etype == "LAWSUIT" else []
        if violators:
            roles.patient = violators  # "the judge ruled that X had violated the Act"
        if etype == "LAWSUIT" and (wronged := wronged_parties(tok)):
            roles.actor = wronged  # "... infringed Widget's patents", "found X liable and awarded Widget $5m"
            roles.patient = [t for t in roles.patient if t not in wronged]
        appealing = appellants(tok) if etype == "LAWSUIT" else None
        if appealing is not None:  # the loser appeals a judgment; the winner is the side that sued
            winners, losers = judgment_sides(tok)
            roles.actor, roles.patient = winners, losers or [t for t in appealing if t not in winners]
        if hypothetical(tok, roles.governing_verb) or (etype == "SETTLEMENT" and unrealised(tok)):
            return None
        if appealing is None and modality(etype, tok, roles.governing_verb, actor_verbs=TAKING_VERBS) is not None:
            return None  # sought, planned or negated: not reported as taken
        faced = etype == "FINE" and faced_only(tok, sentence_has_money=any(e.label_ == "MONEY" for e in sdoc.ents))
        if faced or criminal_charge(tok) or (etype == "INVESTIGATION" and owed_probe(tok)):
            return None
        sent_no = index.sentence_of(sent.start)
        draft = Draft(type=etype, sentences=[sent_no])
        earlier = self._instrument_sentence(tok, sent_no, index) if etype == "SETTLEMENT" else None
        if earlier is not None:  # "The court entered a Final Judgment against X. X consented to the Final Judgment"
            draft.sentences.insert(0, earlier)
        draft.ruling = etype == "LAWSUIT" and is_court_decision(tok)
        draft.upheld = draft.ruling and upheld_on_appeal(tok)
        draft.definite = any(c.lower_ in DEFINITE for c in tok.children if c.dep_ in ("det", "poss"))
        found: dict[int, str] = {}  # entity -> the inference that resolved it ('' when named outright)
        fined = etype == "FINE"  # a titled person is the party of a fine laid on him by name, not of a probe he runs
        actor = [i for t in roles.actor for i in self._resolve(t, sent, index, actor=True, inferred=found)]
        patient = [
            i for t in roles.patient for i in self._resolve(t, sent, index, actor=False, acted_on=fined, inferred=found)
        ]
        counter = [i for t in roles.counterpart for i in self._resolve(t, sent, index, actor=False, inferred=found)]
        owner = [i for t in roles.possessor for i in self._resolve(t, sent, index, actor=False, inferred=found)]
        payees = [i for t in roles.recipient for i in self._resolve(t, sent, index, actor=True, inferred=found)]
        if etype == "LAWSUIT":
            actor += owner  # "SDBN's legal action against X": the owner sues
        else:
            counter += owner
        for child in tok.children:  # "the Amazon lawsuit", "an SEC probe"
            if child.dep_ == "compound" and (sent.start + child.i) in index.token_cluster:
                counter.append(index.token_cluster[sent.start + child.i])
        # A party that is an authority acts; a company or person is acted on (settlements: defends). A state,
        # county or city that an agency settles with is the side that settles ("a consent decree with Augusta
        # County"): governments are sued too.
        agency_acts = any(index.type_of(i) == "REGULATOR" for i in actor)
        for idx in counter:
            kind = index.type_of(idx)
            settles = etype == "SETTLEMENT" and kind == "GPE" and agency_acts
            if kind in ACTOR_TYPES and idx not in patient and not settles:
                actor.append(idx)
            elif idx not in actor:
                patient.append(idx)
        if etype == "LAWSUIT" and not patient:  # parse attached "against X" elsewhere in the sentence
            patient = [
                i
                for t in sdoc
                if t.dep_ == "pobj" and t.head.lower_ == "against" and t.i > tok.i
                for i in self._resolve(t, sent, index, actor=False)
                if i not in actor
            ]
        # A regulator as the "patient" of a fine/probe is almost always the parse's mistake.
        if etype in ("FINE", "INVESTIGATION"):
            # ... unless it is a public body the gazetteer does not know as an enforcer (a police department)
            moved = [i for i in patient if index.type_of(i) == "REGULATOR" and index.clusters[i].kb_id]
            patient = [i for i in patient if i not in moved]
            actor += [i for i in moved if i not in actor]
        if etype == "INVESTIGATION" and not patient:
            patient = self._clause_subjects(tok, sent, index)
        actor = [i for i in actor if i not in patient]
        actor, patient = fit_kinds(etype, actor, patient, draft, index)
        if etype == "SETTLEMENT" and consent_to_judgment(tok):  # who consents to the judgment settles, whatever
            # its kind ("Bradford and X consented to the orders": a person's name can read as a town)
            patient += [i for i in actor if index.type_of(i) != "REGULATOR" and i not in patient]
            actor = [i for i in actor if i not in patient]
        if self._needs_regulator(tok) and not any(index.type_of(i) == "REGULATOR" for i in actor + patient):
            return None  # "entered into a written agreement with a supplier": a contract
        if not actor:  # "will pay Widget Corp $39m in settlement of a suit": the payee claimed the money. A person
            # paid under a settlement is mostly a victim compensated in a suit another party brought.
            actor = [i for i in payees if i not in patient and index.type_of(i) != "PERSON"]
        if etype == "INVESTIGATION" and credit_line(tok, sent.text, patient=bool(patient)):
            return None
        draft.add(ACTOR_ROLE[etype], actor)
        draft.add(PATIENT_ROLE[etype], patient)
        for role, idxs in ((ACTOR_ROLE[etype], actor), (PATIENT_ROLE[etype], patient)):
            draft.role_rules.update({(role, i): found[i] for i in idxs if found.get(i)})
        self._arguments(draft, tok, sent, sdoc, index)
        if earlier is not None and draft.date is None:
            value = day_of_sentence(index.sents[earlier], index)
            draft.set_date(value, sentence=earlier if value else None)
        if not draft.anchors():
            draft.confidence = CONFIDENCE_FALLBACK
        return draft

    @staticmethod
    def _instrument_sentence(tok: Token, sent_no: int, index: DocIndex) -> int | None:
        """The sentence just before that names the definite judgment or order a party consents to."""
        lemma = consented_instrument(tok)
        if lemma is None:
            return None
        for n in range(sent_no - 1, max(sent_no - 1 - CONSENT_LOOKBACK_SENTENCES, -1), -1):
            sent = index.sents[n]
            if sent.start < index.body_start:
                return None
            if any(t.lower_ == lemma for t in sent):
                return n
        return None

    def _clause_subjects(self, tok: Token, sent: Span, index: DocIndex) -> list[int]:
        """Who a probe is about when the parse gives it no object: the subject of the clause it examines.

        'investigated whether the company required ...', 'the investigation found that X ...',
        'an investigation is under way following allegations that X ...'.
        """
        scopes = [tok]
        if tok.dep_ == "nsubj" and tok.head.lemma_ in FINDING_VERBS:
            scopes.append(tok.head)
        scopes += [t for t in tok.sent if t.lemma_ in ALLEGATION_NOUNS]
        for scope in scopes:
            for t in scope.subtree:
                if t == tok or t.dep_ not in ("nsubj", "nsubjpass") or t.head == tok.head:
                    continue
                found = [i for i in self._resolve(t, sent, index, actor=False) if index.type_of(i) in ("ORG", "PERSON")]
                if found:
                    return found
        return []

    def _arguments(self, draft: Draft, tok: Token, sent: Span, sdoc: Doc, index: DocIndex) -> None:
        """Amount, law, court, date and class action from the trigger's sentence."""
        etype = draft.type
        money = []
        damages = DAMAGES.search(sent.text) is not None
        for ent in sdoc.ents:
            if ent.label_ != "MONEY":
                continue
            idx = index.token_cluster.get(sent.start + ent.start)
            if idx is None:
                continue
            near = attached(ent.root, tok, max_steps=4) or attached(tok, ent.root, max_steps=2)
            verb = tok.head if tok.pos_ != "VERB" else tok
            near = near or attached(ent.root, verb, max_steps=2)
            # "a $10m lawsuit" (the parse often mangles the pre-modifier); "seeks $2.5m in damages"
            near = near or 0 <= tok.i - ent.end <= PREMODIFIER_GAP or (etype == "LAWSUIT" and damages)
            if near or (etype != "LAWSUIT" and len(sdoc.ents) and etype in ("FINE", "SETTLEMENT")):
                money.append((0 if near else 1, abs(ent.root.i - tok.i), idx))
        if money:
            money.sort()
            best = money[0]
            if (best[0] == 0 or etype in ("FINE", "SETTLEMENT")) and "amount" in EVENT_ROLES[etype]:
                draft.add("amount", [best[2]])  # investigations have no amount
        draft.add("law", index.in_sentence(sent, frozenset({"LAW"})))
        if etype == "LAWSUIT":
            draft.add("court", index.in_sentence(sent, frozenset({"COURT"})))
        value = mention_date(etype, tok, sent, sdoc, index, event_type=self.trigger_type)
        draft.set_date(value, sentence=draft.sentences[0] if value else None)
        text = sent.text.lower()
        if etype == "LAWSUIT" and any(cue in text for cue in self.lexicon.class_action_cues):
            draft.class_action = True
            draft.class_size = class_size(sent.text)
