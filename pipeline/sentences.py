"""Sentence boundaries without a parser: the model's ``senter`` plus line breaks.

News copy puts one paragraph a line; a line break always ends a sentence, which the
statistical sentence recogniser alone does not guarantee.
"""

from __future__ import annotations

from spacy.tokens import Doc


class NewlineSentences:
    """spaCy component: mark a sentence start after every token that holds or precedes a line break."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        move_start = False
        for token in doc[1:]:
            if token.is_space:  # whitespace belongs to the sentence it follows, never starts one ...
                move_start = move_start or bool(token.is_sent_start)
                token.is_sent_start = False
            elif move_start:  # ... so the sentence starts at the word after it ("bribery.   Assistant ...")
                token.is_sent_start = True
                move_start = False
        for i, token in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc
