"""The fast attribute ruler and lemmatizer give exactly the model's annotations (pipeline/text/tags.py)."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

ATTRS = [POS, MORPH, LEMMA, TAG, DEP, HEAD]
SENTENCES = [
    "The Securities and Exchange Commission fined Acme Inc. $25 million on Tuesday.",
    "It wasn't the first time: the company ain't gonna pay, y'all, and there's no settlement yet.",
    "Let's see whether I will sue him, said the man who had been fined; you got to admit it.",
    "Regulators are investigating   whether Beta LLC's units have misled investors\n\nabout its books.",
    "Those were fined, but that was appealed by the firms that do business there.",
]


def _parsed(nlp, texts):  # noqa: ANN001, ANN202 - test helper
    docs = [nlp.make_doc(text) for text in texts]
    for name in ("tok2vec", "tagger", "parser"):
        docs = list(nlp.get_pipe(name).pipe(docs))
    return docs


def test_fast_ruler_and_lemmatizer_match_the_model(extractor, corpus_records) -> None:
    nlp = extractor.nlp
    texts = SENTENCES + [record["text"] for record in corpus_records[:20]]
    model, fast = _parsed(nlp, texts), _parsed(nlp, texts)
    for name in ("attribute_ruler", "lemmatizer"):
        model = list(nlp.get_pipe(name).pipe(model))
    for name in ("newspipe_attribute_ruler", "newspipe_lemmatizer"):
        fast = list(nlp.get_pipe(name).pipe(fast))
    for expected, got in zip(model, fast, strict=True):
        assert got.to_array(ATTRS).tolist() == expected.to_array(ATTRS).tolist()
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]


def test_every_one_token_pattern_of_the_model_is_looked_up(extractor) -> None:
    ruler = extractor.nlp.get_pipe("newspipe_attribute_ruler")
    assert len(ruler.matcher) <= 10  # only the model's two-token patterns stay in a Matcher
