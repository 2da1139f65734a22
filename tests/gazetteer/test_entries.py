"""Checks a gazetteer data line must pass (pipeline/gazetteer/entries.py)."""

from __future__ import annotations

import pytest

from pipeline.gazetteer import load_gazetteer
from pipeline.gazetteer.entries import parse_entry

BASE = {
    "id": "reg:x", "type": "REGULATOR", "name": "Example Authority", "aliases": ["EXA"], "country": None,
    "domains": [], "kb_id": None, "source": "https://x",
}  # fmt: skip


def test_context_alias_must_be_an_alias() -> None:
    with pytest.raises(ValueError, match="context_aliases"):
        parse_entry({**BASE, "context_aliases": ["EX"]}, expected_type="REGULATOR", where="test line 1")
    entry = parse_entry({**BASE, "context_aliases": ["EXA"]}, expected_type="REGULATOR", where="test line 1")
    assert entry.context_aliases == ("EXA",)


def test_every_new_entry_has_a_source_and_no_guessed_kb_id() -> None:
    gazetteer = load_gazetteer()
    for entry_id in ("law:lopdgdd-es", "law:bdsg-de", "reg:pnf-fr", "reg:ico-im", "reg:ciro-ca"):
        entry = gazetteer.get(entry_id)
        assert entry is not None and entry.source.startswith("https://")
        assert entry.kb_id is None


@pytest.mark.parametrize(
    ("alias", "entry_id"), [("FA", "reg:fa-england"), ("ESA", "reg:esa-efta"), ("CAT", "court:cat-uk")]
)
def test_shared_short_aliases_are_marked(alias: str, entry_id: str) -> None:
    entry = load_gazetteer().get(entry_id)
    assert entry is not None and alias in entry.context_aliases
