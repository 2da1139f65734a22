"""The tokenizer splits sentences that scraped copy glued together, and nothing else."""

import pytest


@pytest.mark.parametrize(
    ("text", "split_after"),
    [
        ("He violated the Act.The charges were filed.", "Act"),
        ("The suit was filed in 2009.The case is pending.", "2009"),
        ("It was settled.Today the court approved it.", "settled"),
        ("It paid the Internal Revenue Service (IRS).At sentencing, the judge spoke.", ")"),
        ("Doe received a $5,000 fine;Craig Roe received a $10,000 fine.", None),
    ],
)
def test_glued_sentences_are_split(extractor, text, split_after):
    words = [t.text for t in extractor.nlp.make_doc(text)]
    if split_after is None:  # a semicolon between list items
        assert words[words.index("fine") + 1] == ";"
    else:
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



@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "He pleaded guilty to bribery.   Assistant Attorney General Jane Roe announced the plea.",
            ["He pleaded guilty to bribery.", "Assistant Attorney General Jane Roe announced the plea."],
        ),
        ("The suit was filed.\nThe company denied it.", ["The suit was filed.", "The company denied it."]),
        ("Acme was fined\n$5 million by the regulator.", ["Acme was fined", "$5 million by the regulator."]),
    ],
)
def test_sentences_start_at_words_after_spaces_and_line_breaks(extractor, text, sentences):
    nlp = extractor.nlp
    with nlp.select_pipes(enable=["sentencizer", "newspipe_sentences"]):
        assert [s.text.strip() for s in nlp(text).sents] == sentences
