"""Draw the benchmark sample: articles from the shared corpora, mixed, with a fixed seed.

    python benchmarks/sample.py                  # benchmarks/data/sample-2000.jsonl
    python benchmarks/sample.py --size 20000     # drawn with replacement past the corpus size

The files go to ``benchmarks/data/`` (git-ignored): the BBC and Reuters texts are for
research use only and must never be committed. Same seed and corpora, same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
DATA_DIR = REPO / "benchmarks" / "data"
#: Corpora mixed into the sample and each one's share of it.
SHARES: dict[str, float] = {"reuters": 0.4, "doj": 0.4, "bbc": 0.2}
DEFAULT_SIZE = 2_000
DEFAULT_SEED = 20_240_601


def sample_path(size: int, *, data_dir: Path = DATA_DIR) -> Path:
    return data_dir / f"sample-{size}.jsonl"


def _articles(corpus: Path) -> list[str]:
    """Lines of ``corpus`` that have text (empty articles would flatter the throughput)."""
    with corpus.open(encoding="utf-8") as handle:
        return [
            line if line.endswith("\n") else line + "\n" for line in handle if json.loads(line).get("text")
        ]


def draw(*, size: int, seed: int, corpora: Path) -> list[str]:
    """``size`` JSONL lines: each corpus's share drawn without replacement while it lasts, then shuffled.

    Past a corpus's size, lines are drawn again with replacement and their id gets a ``~N``
    suffix, so that every id in the sample stays unique.
    """
    rng = random.Random(seed)
    lines: list[str] = []
    names = sorted(SHARES)
    quotas = {name: int(size * SHARES[name]) for name in names}
    quotas[names[0]] += size - sum(quotas.values())
    for name in names:
        pool = _articles(corpora / f"{name}.jsonl")
        quota = quotas[name]
        picked = rng.sample(pool, min(quota, len(pool)))
        for repeat in range(quota - len(picked)):
            record = json.loads(rng.choice(pool))
            record["id"] = f"{record['id']}~{repeat}"
            picked.append(json.dumps(record, ensure_ascii=False) + "\n")
        lines.extend(picked)
    rng.shuffle(lines)
    return lines


def write_sample(
    *, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED, corpora: Path = DEFAULT_CORPORA
) -> Path:
    """Write (or rewrite) the sample of ``size`` articles and return its path."""
    path = sample_path(size)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(draw(size=size, seed=seed, corpora=corpora)), encoding="utf-8")
    return path


def source_sample_path(name: str, size: int, *, data_dir: Path = DATA_DIR) -> Path:
    return data_dir / f"{name}-{size}.jsonl"


def write_source_sample(
    name: str, *, size: int, seed: int = DEFAULT_SEED, corpora: Path = DEFAULT_CORPORA
) -> Path:
    """Write ``size`` articles with text of one corpus (all of them if it has fewer), drawn with ``seed``,
    for the per-source figures; returns the path (git-ignored, like the mixed sample)."""
    pool = _articles(corpora / f"{name}.jsonl")
    picked = random.Random(seed).sample(pool, min(size, len(pool)))
    path = source_sample_path(name, size)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(picked), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help="articles in the sample")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of the shared corpora")
    args = parser.parse_args()
    print(write_sample(size=args.size, seed=args.seed, corpora=args.corpora))


if __name__ == "__main__":
    main()
