"""The articles of a gold set that names them by id: read from a folder of corpora (``../shared/corpora``).

The tuning and sealed sets keep only ids and annotations in the repository (most of their sources are
research-only); the accuracy benchmark, the calibration script and the accuracy gate assemble their articles
here, from the corpus file the id's prefix names.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.score import EvalInputError

#: Article id prefix -> source name, which is also the corpus file's stem.
SOURCES = {"sec": "sec", "cfpb": "cfpb_frb", "frb": "cfpb_frb", "gdpr": "gdpr", "wikinews": "wikinews",
           "bbc": "bbc", "reuters": "reuters", "doj": "doj", "seed": "seed"}  # fmt: skip


def source_of(article_id: str) -> str:
    return SOURCES.get(article_id.split("-")[0], "other")


def assemble_docs(gold: Path, corpora: Path, output: Path) -> Path:
    """Write the articles ``gold`` names, read by id from ``corpora``, to ``output`` in gold order."""
    wanted = [json.loads(line)["id"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted_ids = set(wanted)
    found: dict[str, str] = {}
    for corpus in sorted({source_of(i) for i in wanted}):
        path = corpora / f"{corpus}.jsonl"
        if not path.is_file():
            raise EvalInputError(f"{path} not found: the articles of {gold} are read from it")
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                article_id = json.loads(line)["id"]
                if article_id in wanted_ids:
                    found[article_id] = line if line.endswith("\n") else line + "\n"
    absent = [i for i in wanted if i not in found]
    if absent:
        raise EvalInputError(f"{len(absent)} articles of {gold} are not in {corpora}")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join(found[i] for i in wanted), encoding="utf-8")
    return output
