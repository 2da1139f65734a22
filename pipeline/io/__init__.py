"""Inputs and outputs: reading articles (JSONL, text folders, HTML, WARC, gzip) into InputRecord/ErrorRecord,
and writing parts and output files."""

from pipeline.io.reader import read_inputs
from pipeline.io.source import InputRecord
from pipeline.io.writer import OutputLockedError, OutputPaths, PartMeta, PartStore, dump_line, output_lock, write_part

__all__ = [
    "InputRecord",
    "OutputLockedError",
    "OutputPaths",
    "PartMeta",
    "PartStore",
    "dump_line",
    "output_lock",
    "read_inputs",
    "write_part",
]
