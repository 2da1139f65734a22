"""Draw a second tuning batch from ../shared/corpora (reproducible), disjoint from every set already annotated.

    python benchmarks/tuning/draw_more.py OUT_DIR

Writes OUT_DIR/tuning2.jsonl (article texts, for the annotators only; research-only texts never enter the
repository). Excluded: the dev set, the bundled gold, corpus/, the sealed set, the first tuning set and the
articles of the knowledge-base cluster gold. Same rule as the first draw (benchmarks/sealed/draw.py): for the
three general-news sources three quarters of the draw use some legal vocabulary, the rest are drawn from all.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sealed"))
from draw import ROOT, draw, excluded_ids  # noqa: E402

SEED = 20261207
SIZES = {"sec": 8, "cfpb_frb": 8, "gdpr": 6, "wikinews": 9, "bbc": 9, "reuters": 10}


def annotated_ids() -> set[str]:
    ids = excluded_ids()
    for path in (ROOT / "benchmarks" / "sealed" / "gold.jsonl", ROOT / "benchmarks" / "tuning" / "gold.jsonl"):
        with path.open(encoding="utf-8") as lines:
            ids.update(json.loads(line)["id"] for line in lines if line.strip())
    with (ROOT / "tests" / "kb" / "gold" / "clusters.jsonl").open(encoding="utf-8") as lines:
        ids.update(json.loads(line)["article"] for line in lines if line.strip())
    return ids


def main(out_dir: str) -> None:
    rng = random.Random(SEED)
    skip = annotated_ids()
    picked: list[dict] = []
    for source, n in SIZES.items():
        batch, _ = draw(source, n, 0, rng, skip)
        picked += batch
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "tuning2.jsonl").open("w", encoding="utf-8") as fh:
        for record in picked:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"tuning2: {len(picked)} articles -> {out / 'tuning2.jsonl'}")


if __name__ == "__main__":
    main(sys.argv[1])
