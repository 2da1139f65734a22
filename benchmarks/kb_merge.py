"""The KB's cross-article merge on the gold clusters, beside the lemma-only and exact-signature baselines.

    .venv/bin/python benchmarks/kb_merge.py [--gold tests/kb/gold/clusters.jsonl] [--corpora ../shared/corpora]

Reads the gold articles by id from the research corpora beside the repository (their texts never enter the
repository), runs ``newspipe run`` on them, builds a throwaway KB and prints B-cubed and pairwise
precision/recall/F1 and coverage for the tune and test splits (``newspipe evaluate-kb`` on the same records).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline import runner  # noqa: E402
from pipeline.kb import evaluate_records, read_gold, render_scores  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO / "tests" / "kb" / "gold" / "clusters.jsonl")
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--keep", type=Path, help="keep the pipeline's records here")
    args = parser.parse_args()
    gold = read_gold(args.gold)
    wanted: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        wanted[item.corpus].add(item.article)
    if not args.corpora.exists():
        print(f"no corpora at {args.corpora}; nothing to score", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="newspipe-kb-bench-") as tmp:
        articles = Path(tmp) / "articles.jsonl"
        with articles.open("w", encoding="utf-8") as out:
            for corpus, ids in sorted(wanted.items()):
                with (args.corpora / f"{corpus}.jsonl").open(encoding="utf-8") as lines:
                    out.writelines(line for line in lines if json.loads(line)["id"] in ids)
        records = args.keep or Path(tmp) / "records.jsonl"
        runner.run([str(articles)], output=records, workers=args.workers)
        scores = evaluate_records(gold, [records])
    print(json.dumps(scores.as_dict(), indent=1) if args.json else render_scores(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
