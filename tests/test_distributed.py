"""The Dask engine: a real local cluster of two worker processes gives the bytes of a local run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import runner

distributed = pytest.importorskip("distributed")

DOJ = Path("/work/shared/corpora/doj.jsonl")
ARTICLES = 20
PART_SIZE = 3


def doj_input(path: Path, count: int) -> Path:
    if not DOJ.exists():
        pytest.skip(f"{DOJ} is not available")
    lines = []
    with DOJ.open(encoding="utf-8") as handle:
        for line in handle:
            lines.append(line)
            if sum(1 for kept in lines if json.loads(kept)["text"]) == count:
                break
    path.write_text("".join(lines), encoding="utf-8")
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


def test_dask_engine_without_scheduler_address_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--scheduler"):
        runner.run([str(tmp_path / "in.jsonl")], output=tmp_path / "out.jsonl", engine="dask")
    assert not (tmp_path / "out.parts").exists()
