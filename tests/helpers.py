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

