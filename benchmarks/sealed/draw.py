"""Draw the sealed validation set and the tuning set from ../shared/corpora (reproducible).

    python benchmarks/sealed/draw.py OUT_DIR

Writes OUT_DIR/sealed.jsonl and OUT_DIR/tuning.jsonl (article texts, for the annotators only; the texts of
research-only sources never enter the repository: the gold files name articles by id and the benchmark reads
their texts from ../shared/corpora). Articles of the dev set, the bundled gold and corpus/ are excluded, and the
two draws are disjoint. For the three general-news sources most articles report no enforcement event, so three
quarters of their draw come from articles that use some legal vocabulary (a plain keyword test that knows nothing
of the pipeline) and the rest are drawn from all articles, to keep quiet articles in the set.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
SEED = 20261206
# per source: (sealed, tuning)
SIZES = {"sec": (14, 6), "cfpb_frb": (14, 6), "gdpr": (14, 6), "wikinews": (13, 6), "bbc": (13, 6), "reuters": (14, 6)}
GENERAL_NEWS = {"wikinews", "bbc", "reuters"}
LEGAL_WORDS = re.compile(
    r"\b(fined?|fines|penalt\w*|sued|sues|suing|lawsuits?|settle\w*|investigat\w*|probes?|antitrust|"
    r"regulators?|court|charged|complaint)\b",
    re.IGNORECASE,
)


def excluded_ids() -> set[str]:
    ids: set[str] = set()
    for path in (ROOT.parent / "shared" / "devset" / "docs.jsonl", ROOT / "tests" / "gold" / "docs.jsonl",
                 ROOT / "corpus" / "articles.jsonl"):
        with path.open(encoding="utf-8") as lines:
            ids.update(json.loads(line)["id"] for line in lines if line.strip())
    return ids


def draw(source: str, n_sealed: int, n_tuning: int, rng: random.Random, skip: set[str]) -> tuple[list, list]:
    with (CORPORA / f"{source}.jsonl").open(encoding="utf-8") as lines:
        records = [r for r in map(json.loads, lines) if r["id"] not in skip and (r.get("text") or "").strip()]
    total = n_sealed + n_tuning
    if source in GENERAL_NEWS:
        legal = [r for r in records if LEGAL_WORDS.search(r.get("title", "") + " " + r["text"])]
        n_legal = round(total * 0.75)
        picked = rng.sample(legal, n_legal)
        chosen = {r["id"] for r in picked}
        picked += rng.sample([r for r in records if r["id"] not in chosen], total - n_legal)
        rng.shuffle(picked)
    else:
        picked = rng.sample(records, total)
    return picked[:n_sealed], picked[n_sealed:]


def main(out_dir: str) -> None:
    rng = random.Random(SEED)
    skip = excluded_ids()
    sealed, tuning = [], []
    for source, (n_sealed, n_tuning) in SIZES.items():
        s, t = draw(source, n_sealed, n_tuning, rng, skip)
        sealed += s
        tuning += t
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, records in (("sealed", sealed), ("tuning", tuning)):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{name}: {len(records)} articles -> {out / (name + '.jsonl')}")


if __name__ == "__main__":
    main(sys.argv[1])
