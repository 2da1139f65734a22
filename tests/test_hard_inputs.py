"""The linear-time replacements of whole-document walks give what the walks gave (see benchmarks/hard_inputs.py).

Each fast path is compared with the spaCy method or the plain loop it replaces, on real text: sentence copies
(``Span.as_doc``), entities inside a span (``Span.ents``), the sentence cap, and the tokenizer's handling of
punctuation runs.
"""

from __future__ import annotations

import numpy
import spacy
from spacy.tokens import Doc

from pipeline.entities.mentions import _holds_ent
from pipeline.events.syntax import sentence_docs
from pipeline.settings import DEFAULT_SETTINGS
from pipeline.text.sentences import NewlineSentences, cap_sentences

MAX_SENTENCE_TOKENS = DEFAULT_SETTINGS.max_sentence_tokens

ARTICLE = (
    "The Securities and Exchange Commission (SEC) fined Acme Holdings Inc. $25 million on March 3, 2021.\n"
    "Acme, which is based in Boston, said it would appeal the fine to the U.S. Court of Appeals.\r\n"
    "The Justice Department opened an investigation into Beta LLC and Gamma Corp. last week."
)


def _doc(extractor) -> Doc:
    return extractor.process(_record(ARTICLE))


def _record(text: str):
    from pipeline.io.source import InputRecord

    return InputRecord(id="t", text=text)


def test_sentence_docs_equal_spacy_as_doc(extractor) -> None:
    doc = _doc(extractor)
    spans = [*doc.sents, doc[2:9], doc[0:1], doc[len(doc) - 3 : len(doc)]]
    for fast, slow in zip(sentence_docs(spans), [s.as_doc() for s in spans], strict=True):
        assert fast.to_json() == slow.to_json()
        assert [(e.start, e.end, e.label_, e.kb_id_) for e in fast.ents] == [
            (e.start, e.end, e.label_, e.kb_id_) for e in slow.ents
        ]
        assert (fast.tensor == slow.tensor).all()
        assert fast.vector.dtype == slow.vector.dtype and fast.vector.tolist() == slow.vector.tolist()
        assert fast.vector_norm == slow.vector_norm


def test_holds_ent_equals_span_ents(extractor) -> None:
    doc = _doc(extractor)
    ents = list(doc.ents)
    starts = [e.start for e in ents]
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 12) + 1):
            span = doc[start:end]
            assert _holds_ent(span, ents, starts) == bool(span.ents), span.text


def test_cap_sentences_cuts_only_overlong_sentences_at_a_break() -> None:
    words = ("word , " * 700).split()
    starts = [1] + [-1] * (len(words) - 1)
    cap_sentences(starts, [False] * len(words), words, max_tokens=MAX_SENTENCE_TOKENS)
    cuts = [i for i, value in enumerate(starts) if value == 1]
    assert len(cuts) == 3
    assert all(b - a <= MAX_SENTENCE_TOKENS for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(words[i - 1] == "," for i in cuts[1:])  # after a comma, not mid-phrase
    short = [1, -1, -1, 1, -1]
    cap_sentences(short, [False] * 5, list("abcde"), max_tokens=MAX_SENTENCE_TOKENS)
    assert short == [1, -1, -1, 1, -1]


def test_newline_sentences_on_windows_line_endings() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = NewlineSentences("sentences")(nlp("Acme was fined\r\n$25 million.   The SEC said so.\r\n\r\nEnd"))
    assert [s.text.strip() for s in doc.sents] == ["Acme was fined", "$25 million.", "The SEC said so.", "End"]


def _newline_starts_token_by_token(doc: Doc) -> list[int]:
    """The boundaries NewlineSentences set before it read the tokens as arrays (one Token object each)."""
    starts = [int(value) for value in doc.to_array("SENT_START").astype("int64")]
    spaces = [token.is_space for token in doc]
    move_start = False
    for i in range(1, len(doc)):
        if spaces[i]:
            move_start = move_start or starts[i] == 1
            starts[i] = -1
        elif move_start:
            starts[i] = 1
            move_start = False
    for i, token in enumerate(doc[:-1]):
        if ("\n" in token.whitespace_ or (spaces[i] and "\n" in token.text)) and not spaces[i + 1]:
            starts[i + 1] = 1
    cap_sentences(starts, spaces, [token.text for token in doc], max_tokens=8)
    return starts


def test_newline_sentences_read_as_arrays_give_the_token_walk_boundaries() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    texts = [
        ARTICLE,
        "Acme was fined\r\n$25 million.   The SEC said so.\r\n\r\nEnd",
        "\n\nLead \n line\n \n  two words, then a list: a, b, c, d, e, f, g, h, i, j, k, l\nlast",
        "no breaks at all and a run of words longer than the cap , with commas , here",
        "ends with a break\n",
        "",
    ]
    for text in texts:
        reference = nlp(text)
        starts = numpy.array(_newline_starts_token_by_token(reference), dtype="int64").astype("uint64")
        reference.from_array(["SENT_START"], starts)
        doc = NewlineSentences("sentences", max_tokens=8)(nlp(text))
        assert doc.to_array("SENT_START").tolist() == reference.to_array("SENT_START").tolist(), text


def test_punctuation_runs_are_one_token(extractor) -> None:
    doc = extractor.nlp.make_doc("((((((((Acme)))))))) paid $5 (about EUR 4.6m).")
    assert [t.text for t in doc] == [
        "((((((((", "Acme", "))))))))", "paid", "$", "5", "(", "about", "EUR", "4.6", "m", ")", ".",
    ]  # fmt: skip
    long = extractor.nlp.make_doc("(" * 50_000 + "Acme" + ")" * 50_000)
    assert len(long) == 3


def test_find_renames_pairs_the_alias_with_the_name_before_it(extractor) -> None:
    from pipeline.entities.mentions import find_renames

    pairs = find_renames(_doc(extractor))
    assert [inner.text for _, inner in pairs] == ["SEC"]
    assert pairs[0][0].text.endswith("Securities and Exchange Commission")
