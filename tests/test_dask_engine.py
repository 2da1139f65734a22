"""The Dask engine: a real local cluster of two worker processes gives the bytes of a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import runner
from tests.helpers import corpus_lines

distributed = pytest.importorskip("distributed")

ARTICLES = 20
PART_SIZE = 3


def doj_input(path: Path, count: int) -> Path:
    path.write_text("".join(corpus_lines(count)), encoding="utf-8")
    return path


def test_dask_engine_output_is_byte_identical_to_a_local_run(tmp_path: Path) -> None:
    source = doj_input(tmp_path / "doj.jsonl", ARTICLES)
    local = runner.run([str(source)], output=tmp_path / "local.jsonl", part_size=PART_SIZE)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = runner.run(
            [str(source)],
            output=tmp_path / "dask.jsonl",
            part_size=PART_SIZE,
            engine="dask",
            scheduler=cluster.scheduler_address,
        )
    assert on_dask == local
    assert local.written == ARTICLES
    for suffix in (".jsonl", ".errors.jsonl", ".summary.json"):
        assert (tmp_path / f"dask{suffix}").read_bytes() == (tmp_path / f"local{suffix}").read_bytes()


def test_dask_workers_with_several_threads_give_the_bytes_of_a_local_run(tmp_path: Path) -> None:
    """Two threads in one Dask worker: each busy thread extracts in its own process, never sharing an Extractor."""
    source = doj_input(tmp_path / "doj.jsonl", ARTICLES)
    runner.run([str(source)], output=tmp_path / "local.jsonl", part_size=PART_SIZE)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None
    ) as cluster:
        runner.run(
            [str(source)],
            output=tmp_path / "dask.jsonl",
            part_size=PART_SIZE,
            engine="dask",
            scheduler=cluster.scheduler_address,
        )
    for suffix in (".jsonl", ".errors.jsonl", ".summary.json"):
        assert (tmp_path / f"dask{suffix}").read_bytes() == (tmp_path / f"local{suffix}").read_bytes()


def test_dask_engine_without_scheduler_address_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--scheduler"):
        runner.run([str(tmp_path / "in.jsonl")], output=tmp_path / "out.jsonl", engine="dask")
    assert not (tmp_path / "out.parts").exists()
