"""Inputs and outputs: reading articles (JSONL, text folders, HTML, WARC, gzip) into InputRecord/ErrorRecord,
and writing parts and output files."""

from pipeline.io.reader import read_inputs
from pipeline.io.source import InputRecord
from pipeline.io.writer import OutputPaths, PartMeta, PartStore, dump_line, write_part

__all__ = ["InputRecord", "OutputPaths", "PartMeta", "PartStore", "dump_line", "read_inputs", "write_part"]
