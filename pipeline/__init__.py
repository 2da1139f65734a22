"""newspipe: news articles in, enforcement events (fines, lawsuits, settlements, investigations) out."""

from pipeline.extract import Extractor, extract
from pipeline.settings import Settings

__all__ = ["Extractor", "Settings", "extract"]
