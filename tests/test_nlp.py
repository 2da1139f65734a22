"""The tokenizer splits sentences that scraped copy glued together, and nothing else."""

import pytest


@pytest.mark.parametrize(
    ("text", "split_after"),
    [
        ("He violated the Act.The charges were filed.", "Act"),
        ("The suit was filed in 2009.The case is pending.", "2009"),
        ("It was settled.Today the court approved it.", "settled"),
    ],
)
def test_glued_sentences_are_split(extractor, text, split_after):
    doc = extractor.nlp.make_doc(text)
    words = [t.text for t in doc]
    assert words[words.index(split_after) + 1] == "."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("U.S. Attorney John Smith spoke.", "U.S."),
        ("The fine rose 3.5 percent.", "3.5"),
        ("See Section 10.Five more counts.", "10.Five"),
        ("In 12345.The end.", "12345.The"),
    ],
)
def test_abbreviations_decimals_and_numbers_are_not_split(extractor, text, kept):
    assert kept in [t.text for t in extractor.nlp.make_doc(text)]

