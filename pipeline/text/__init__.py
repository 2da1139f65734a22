"""The analysis text: cleaning with exact offsets (one character for one), the sentence units the parser sees, and
faster equivalents of the model's attribute ruler and lemmatizer for the parsed sentences."""

from pipeline.text.clean import analysis_text
from pipeline.text.sentences import NewlineSentences, parse_units
from pipeline.text.tags import FastAttributeRuler, FastLemmatizer

__all__ = ["FastAttributeRuler", "FastLemmatizer", "NewlineSentences", "analysis_text", "parse_units"]
