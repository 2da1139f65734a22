"""The spaCy component that finds the gazetteer's regulators, courts and laws in a document.

The pipeline runs :class:`GazetteerMatcher` (factory ``newspipe_gazetteer``), which finds the same matches as
an EntityRuler holding :meth:`pipeline.gazetteer.Gazetteer.ruler_patterns` (``build_entity_ruler`` in
``tests/helpers.py``, kept as the reference the tests compare with) at a fraction of the cost: each token
pattern is tried only around its anchor word (:class:`AnchorRule`). Where a named entry and a regular-name
pattern cover the same span ("Delhi High Court"), the EntityRuler's choice is arbitrary; the matcher prefers
the named alias. The pure functions that plan the windows come first, then the component.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from pipeline.gazetteer.patterns import HEADLINE_SMALL_WORDS
from pipeline.gazetteer.store import Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: How the EntityRuler joins a label and a pattern id into its match key.
ENT_ID_SEP = "||"
#: Configuration for ``nlp.add_pipe("entity_ruler", config=RULER_CONFIG)``; on case see pipeline/gazetteer/patterns.py.
RULER_CONFIG: dict[str, Any] = {"validate": False, "overwrite_ents": False}


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
