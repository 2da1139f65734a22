"""Bounded memory of ``newspipe kb build``: peak memory and time per record at N and 10 N records, one run.

    .venv/bin/python benchmarks/kb_scale.py [--records 5000] [--factor 10]

The records are the bundled corpus's pipeline output copied under new ids (``--source``, default: a fresh
``newspipe run corpus/``), with party names varied per copy so the KB holds many distinct entities and events.
Each size is built in its own process; the figures that matter are the ratios between the two sizes, measured
in one run: streaming keeps peak memory nearly flat while the input grows tenfold.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def make_records(source: Path, target: Path, count: int) -> None:
    base = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with target.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = json.loads(json.dumps(base[i % len(base)]))
            copy = i // len(base)
            record["id"] = f"{record['id']}-copy{copy}"
            for ent in record["entities"]:
                if ent["type"] in ("ORG", "PERSON") and not ent.get("kb_id"):
                    ent["name"] = f"{ent['name']} {copy}"
            out.write(json.dumps(record) + "\n")


def build_once(records: Path, db: Path) -> dict[str, float]:
    """Run in a child process: build the KB and report its peak RSS and wall time."""
    sys.path.insert(0, str(REPO))
    from pipeline.kb import KnowledgeBase

    started = time.perf_counter()
    with KnowledgeBase(db) as kb:
        summary = kb.build([records])
    return {
        "seconds": time.perf_counter() - started,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "events": summary.events,
        "entities": summary.entities,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--source", type=Path, help="a newspipe run output to copy (default: run corpus/)")
    parser.add_argument("--child", nargs=2, metavar=("RECORDS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(build_once(Path(args.child[0]), Path(args.child[1]))))
        return 0
    with tempfile.TemporaryDirectory(prefix="newspipe-kb-scale-") as tmp:
        source = args.source
        if source is None:
            source = Path(tmp) / "corpus.jsonl"
            subprocess.run(
                [sys.executable, "-m", "pipeline", "run", "corpus/", "-o", str(source), "-q"], cwd=REPO, check=True
            )
        rows = []
        for count in (args.records, args.records * args.factor):
            records = Path(tmp) / f"records-{count}.jsonl"
            make_records(source, records, count)
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(records), str(Path(tmp) / f"kb-{count}.duckdb")],
                check=True,
                capture_output=True,
                text=True,
            )
            rows.append((count, json.loads(done.stdout)))
    for count, row in rows:
        print(
            f"{count:>8} records: {row['seconds']:7.1f} s ({1000 * row['seconds'] / count:.2f} ms/record), "
            f"peak RSS {row['peak_rss_mb']:7.1f} MB, {row['entities']} entities, {row['events']} events"
        )
    (small, a), (big, b) = rows
    print(
        f"records x{big / small:.0f}: time x{b['seconds'] / a['seconds']:.1f}, "
        f"peak RSS x{b['peak_rss_mb'] / a['peak_rss_mb']:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
