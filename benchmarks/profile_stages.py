"""CPU seconds spent in each pipeline stage, on the first articles of each shared corpus or on a sample file.

    python benchmarks/profile_stages.py                      # 70 articles each of Reuters, DOJ, BBC
    python benchmarks/profile_stages.py --articles 200 --corpora reuters doj
    python benchmarks/profile_stages.py --input benchmarks/data/sample-400.jsonl

Runs the pipeline the way ``Extractor.extract_records`` does (``make_doc``, every component's ``pipe``
in batches of ``Settings.batch_size``, then ``to_record`` and the JSON line) but one stage at a time over all
documents, so each stage's time is its own. Times are the process's CPU time (``time.process_time``), so other
jobs on a shared machine disturb them less than wall time. Prints seconds and share per stage. The corpus text
is only read, never written anywhere: the BBC and Reuters texts are research-only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.extract import Extractor  # noqa: E402
from pipeline.io import dump_line, read_inputs  # noqa: E402
from pipeline.io.source import InputRecord  # noqa: E402
from pipeline.serialize import to_record  # noqa: E402

DEFAULT_CORPORA_DIR = REPO.parent / "shared" / "corpora"
DEFAULT_CORPORA = ("reuters", "doj", "bbc")
#: Articles read from the top of each corpus (lines without text are skipped but counted).
DEFAULT_ARTICLES = 70
#: Share column width in the printed table.
SHARE_DIGITS = 1


def read_file(path: Path) -> list[InputRecord]:
    """The records of one input file (a sample drawn by ``benchmarks/sample.py``), read as ``newspipe run``
    reads them (dates normalised, meta kept)."""
    return [item for item in read_inputs([str(path)]) if isinstance(item, InputRecord)]


def read_records(*, corpora_dir: Path, corpora: Iterable[str], articles: int) -> list[InputRecord]:
    """The records with text among the first ``articles`` lines of each corpus."""
    records = []
    for name in corpora:
        path = corpora_dir / f"{name}.jsonl"
        if not path.exists():
            raise FileNotFoundError(f"no corpus {path}; pass --corpora-dir (the folder of {name}.jsonl)")
        with path.open(encoding="utf-8") as handle:
            for raw in map(json.loads, itertools.islice(handle, articles)):
                if raw.get("text"):
                    records.append(InputRecord(id=raw["id"], text=raw["text"], title=raw.get("title")))
    return records


def _run_stage(step: Callable[[Any], Any] | Any, docs: list[Any], *, batch_size: int) -> tuple[list, int]:
    """Run one component over ``docs`` the way ``nlp.pipe`` does (its ``pipe`` if it has one).

    A component without ``pipe`` that raises on a document leaves that document as it was and is counted,
    so a bug in one stage does not hide the timings of the others (the runner reports such errors).
    """
    if hasattr(step, "pipe"):
        return list(step.pipe(docs, batch_size=batch_size)), 0
    done, errors = [], 0
    for doc in docs:
        try:
            done.append(step(doc))
        except Exception:  # noqa: BLE001 - counted and reported in the table
            done.append(doc)
            errors += 1
    return done, errors


def profile_stages(records: list[InputRecord], *, extractor: Extractor) -> tuple[dict[str, float], dict[str, int]]:
    """Seconds per stage (``make_doc``, each enabled component, ``to_record``) over ``records``, and the
    number of documents each stage failed on (only stages that failed)."""
    timings: dict[str, float] = {}
    errors: dict[str, int] = {}
    started = time.process_time()
    made = [extractor._make_doc(record) for record in records]
    timings["make_doc"] = time.process_time() - started
    docs = [doc for doc, _ in made]
    for name, component in extractor.nlp.pipeline:
        started = time.process_time()
        docs, failed = _run_stage(component, docs, batch_size=extractor.settings.batch_size)
        timings[name] = time.process_time() - started
        if failed:
            errors[name] = failed
    started = time.process_time()
    built = []
    for doc, record, (_, offset) in zip(docs, records, made, strict=True):
        try:
            built.append(to_record(doc, record, offset))
        except Exception:  # noqa: BLE001 - counted and reported in the table
            errors["to_record"] = errors.get("to_record", 0) + 1
    timings["to_record"] = time.process_time() - started
    started = time.process_time()
    for article in built:
        dump_line(article)
    timings["dump_line"] = time.process_time() - started
    return timings, errors


def format_table(timings: dict[str, float], errors: dict[str, int], *, documents: int) -> str:
    """One line per stage: seconds and share of the total (and failed documents), then the total."""
    total = sum(timings.values())
    width = max(map(len, timings))
    lines = [f"{documents} documents"]
    lines += [
        f"{name:<{width}}  {seconds:8.3f} s  {100 * seconds / total:5.{SHARE_DIGITS}f} %"
        + (f"  ({errors[name]} documents failed)" if name in errors else "")
        for name, seconds in timings.items()
    ]
    lines.append(f"{'total':<{width}}  {total:8.3f} s")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="lines read per corpus")
    parser.add_argument("--corpora", nargs="+", default=list(DEFAULT_CORPORA), help="corpus names")
    parser.add_argument("--corpora-dir", type=Path, default=DEFAULT_CORPORA_DIR, help="folder of the corpora")
    parser.add_argument("--input", type=Path, help="profile this JSONL file instead of the corpora")
    parser.add_argument("--json", action="store_true", help="print the timings as JSON instead")
    args = parser.parse_args()
    if args.input is not None:
        records = read_file(args.input)
    else:
        records = read_records(corpora_dir=args.corpora_dir, corpora=args.corpora, articles=args.articles)
    extractor = Extractor()
    profile_stages(records[:1], extractor=extractor)  # warm-up: lazy loads and first-call caches
    timings, errors = profile_stages(records, extractor=extractor)
    if args.json:
        print(json.dumps({"seconds": timings, "failed": errors}, indent=2))
    else:
        print(format_table(timings, errors, documents=len(records)))


if __name__ == "__main__":
    main()
