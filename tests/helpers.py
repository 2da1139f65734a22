"""Helpers shared by several test modules (never imported by the package)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: The material in ../shared beside the repository (dev set, corpora), wherever the checkout lies.
SHARED = REPO.parent / "shared"
DEVSET = SHARED / "devset"
CORPUS = REPO / "corpus" / "articles.jsonl"
GOLD_DIR = REPO / "tests" / "gold"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus_lines(count: int, *, max_chars: int | None = None) -> list[str]:
    """The first ``count`` articles of the bundled corpus (with a text, at most ``max_chars`` long) as lines."""
    lines = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            length = len(json.loads(line)["text"] or "")
            if length and (max_chars is None or length <= max_chars):
                lines.append(line)
                if len(lines) == count:
                    return lines
    raise AssertionError(f"the bundled corpus has fewer than {count} articles of at most {max_chars} characters")


def build_entity_ruler(nlp: Any, *, name: str = "gazetteer_ruler", before: str | None = None) -> Any:
    """An EntityRuler holding the gazetteer patterns: the reference the gazetteer matcher is compared with."""
    from pipeline.gazetteer import load_gazetteer
    from pipeline.gazetteer.matcher import RULER_CONFIG

    ruler = nlp.add_pipe("entity_ruler", name=name, before=before, config=RULER_CONFIG)
    ruler.add_patterns(load_gazetteer().ruler_patterns())
    return ruler


def assemble_docs(gold: Path, output: Path) -> Path:
    """The articles a gold file names, read by id from ../shared/corpora (id prefix -> corpus file), in gold order."""
    wanted = [json.loads(line)["id"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus_of = {"cfpb": "cfpb_frb", "frb": "cfpb_frb"}
    found: dict[str, str] = {}
    for corpus in sorted({corpus_of.get(i.split("-")[0], i.split("-")[0]) for i in wanted}):
        with (SHARED / "corpora" / f"{corpus}.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                article_id = json.loads(line)["id"]
                if article_id in wanted:
                    found[article_id] = line if line.endswith("\n") else line + "\n"
    missing = [i for i in wanted if i not in found]
    assert not missing, f"{len(missing)} articles of {gold} are not in ../shared/corpora"
    output.write_text("".join(found[i] for i in wanted), encoding="utf-8")
    return output
