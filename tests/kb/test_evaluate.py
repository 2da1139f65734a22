"""Scoring the cross-article merge (pipeline/kb/evaluate.py), the gold clusters' own checks, and the gate."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from pipeline.kb import evaluate_records, read_gold
from pipeline.kb.evaluate import bcubed, pairwise
from tests.helpers import CORPUS, DEVSET, GOLD_DIR, REPO, SHARED

GOLD = REPO / "tests" / "kb" / "gold" / "clusters.jsonl"
CORPORA = SHARED / "corpora"
#: Floors pinned at the measured figures (benchmarks/README.md); raise them as the pipeline improves.
# Measured after the accuracy round (python benchmarks/kb_merge.py): the extractor now covers more gold articles
# (tune 0.500 -> 0.556, test 0.466 -> 0.479); the tune split's newly covered article is not joined to its cluster,
# so its covered-only B-cubed fell (0.920 -> 0.889) while its overall B-cubed rose (0.629 -> 0.642).
FLOORS = {
    ("tune", "bcubed_f1"): 0.64,
    ("test", "bcubed_f1"): 0.745,
    ("tune", "covered_bcubed_f1"): 0.88,
    ("test", "covered_bcubed_f1"): 0.92,
    ("tune", "coverage"): 0.55,
    ("test", "coverage"): 0.46,
}


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (["a", "a", "b"], ["x", "x", "y"], (1.0, 1.0, 1.0)),
        (["a", "a", "b"], ["x", "y", "z"], (1.0, 2 / 3, 0.8)),
        (["a", "a", "b"], ["x", "x", "x"], (5 / 9, 1.0, 2 * (5 / 9) / (5 / 9 + 1))),
    ],
)
def test_bcubed(gold, pred, expected):
    assert bcubed(gold, pred) == pytest.approx(expected)


def test_pairwise_counts_pairs_put_together():
    assert pairwise(["a", "a", "b", "b"], ["x", "x", "x", "y"]) == pytest.approx((1 / 3, 1 / 2, 0.4))


# --- the gold file itself (was the annotator's check_clusters.py) ---


def _gold_rows():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_lines_have_the_documented_fields_and_values():
    for row in _gold_rows():
        assert set(row) == {"article", "corpus", "cluster", "type", "anchor", "split", "note"}, row
        assert row["type"] in {"FINE", "LAWSUIT", "SETTLEMENT", "INVESTIGATION"} and row["split"] in {"tune", "test"}
    pairs = [(r["article"], r["cluster"]) for r in _gold_rows()]
    assert len(pairs) == len(set(pairs))


def test_gold_clusters_have_one_split_one_type_and_splits_share_no_article():
    clusters = defaultdict(list)
    for row in _gold_rows():
        clusters[row["cluster"]].append(row)
    for name, rows in clusters.items():
        assert len({r["split"] for r in rows}) == 1 and len({r["type"] for r in rows}) == 1, name
        assert len({r["article"] for r in rows}) == len(rows), name
    tune = {r["article"] for r in _gold_rows() if r["split"] == "tune"}
    test = {r["article"] for r in _gold_rows() if r["split"] == "test"}
    assert not tune & test


def test_gold_is_large_enough():
    """The issue asks for at least 40 articles in at least 10 clusters of two or more, with hard negatives."""
    clusters = defaultdict(set)
    for row in _gold_rows():
        clusters[row["cluster"]].add(row["article"])
    multi = [c for c, articles in clusters.items() if len(articles) >= 2]
    assert len(multi) >= 10 and len(set().union(*(clusters[c] for c in multi))) >= 40
    assert sum(r["note"].startswith("HARD NEG") for r in _gold_rows()) >= 8


def _read_ids(path):
    with path.open(encoding="utf-8") as fh:
        return {json.loads(line)["id"] for line in fh if line.strip()}


@pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora is not beside the repository")
def test_gold_articles_exist_and_are_none_of_the_tuned_sets():
    excluded = _read_ids(CORPUS) | _read_ids(GOLD_DIR / "docs.jsonl")
    if (DEVSET / "docs.jsonl").exists():
        excluded |= _read_ids(DEVSET / "docs.jsonl")
    by_corpus = defaultdict(set)
    for row in _gold_rows():
        by_corpus[row["corpus"]].add(row["article"])
    for corpus, wanted in by_corpus.items():
        assert wanted <= _read_ids(CORPORA / f"{corpus}.jsonl"), corpus
        assert not wanted & excluded


# --- the gate: the real pipeline on the gold articles, then the KB's merge ---


def gold_articles() -> list[dict]:
    """The raw articles the gold names, read by id from ../shared/corpora (texts never enter the repository)."""
    wanted = defaultdict(set)
    for item in read_gold(GOLD):
        wanted[item.corpus].add(item.article)
    articles = []
    for corpus, ids in sorted(wanted.items()):
        with (CORPORA / f"{corpus}.jsonl").open(encoding="utf-8") as fh:
            articles += [a for a in map(json.loads, fh) if a["id"] in ids]
    return articles


@pytest.fixture(scope="module")
def kb_scores(extractor, tmp_path_factory):
    from pipeline.io.reader import read_inputs
    from pipeline.io.source import InputRecord

    folder = tmp_path_factory.mktemp("kb-gold")
    raw = folder / "articles.jsonl"
    raw.write_text("".join(json.dumps(a) + "\n" for a in gold_articles()), encoding="utf-8")
    inputs = [r for r in read_inputs([str(raw)]) if isinstance(r, InputRecord)]
    records = folder / "records.jsonl"
    records.write_text("".join(r.model_dump_json() + "\n" for r in extractor.extract_records(inputs)), encoding="utf-8")
    return evaluate_records(read_gold(GOLD), [records])


@pytest.mark.slow
@pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora is not beside the repository")
@pytest.mark.parametrize("split", ["tune", "test"])
def test_merge_meets_its_floors_and_beats_both_baselines(kb_scores, split):
    scores = kb_scores.splits[split]
    ours = scores["kb"]
    figures = {"bcubed_f1": ours.bcubed[2], "covered_bcubed_f1": ours.covered_bcubed[2], "coverage": ours.coverage}
    for name, value in figures.items():
        assert value >= FLOORS[(split, name)], (split, name, value)
    for baseline in ("lemma-only", "exact-signature"):
        assert ours.bcubed[2] > scores[baseline].bcubed[2], (split, baseline)
        assert ours.covered_bcubed[2] > scores[baseline].covered_bcubed[2], (split, baseline)
