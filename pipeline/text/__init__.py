"""The analysis text: cleaning with exact offsets (one character for one) and the sentence units the parser sees."""

from pipeline.text.clean import analysis_text
from pipeline.text.sentences import NewlineSentences, parse_units

__all__ = ["NewlineSentences", "analysis_text", "parse_units"]
