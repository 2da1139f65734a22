"""Stable ids and redirects (pipeline/kb/ids.py)."""

from __future__ import annotations

from pipeline.kb import KnowledgeBase
from tests.kb.helpers import article, entity, suit_article, write_records


def test_ids_do_not_depend_on_the_order_articles_arrive_in(tmp_path):
    records = [
        suit_article("b1", "1987-03-23", "Pennzoil Co", "Texaco Inc"),
        suit_article("b2", "1987-04-13", "Pennzoil", "Texaco", status="appealed"),
    ]
    ids = []
    for name, order in (("ab", records), ("ba", records[::-1])):
        with KnowledgeBase(tmp_path / f"{name}.duckdb") as kb:
            kb.build([write_records(tmp_path / f"{name}.jsonl", order)])
            ids.append(([e["id"] for e in kb.events()], [e["id"] for e in kb.entities()]))
    assert ids[0] == ids[1]


def test_an_event_merged_by_new_evidence_redirects_its_old_id(tmp_path):
    later = suit_article("b2", "1987-04-13", "Pennzoil", "Texaco", status="appealed")
    earlier = suit_article("b1", "1987-03-23", "Pennzoil Co", "Texaco Inc")
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        kb.build([write_records(tmp_path / "1.jsonl", [later])])
        (old,) = [e["id"] for e in kb.events()]
        summary = kb.build([write_records(tmp_path / "2.jsonl", [earlier])])
        (new,) = kb.events()
        assert new["id"] != old and len(new["sources"]) == 2 and summary.redirects_added >= 1
        assert {"id": old, "redirect": new["id"], "kind": "event"} in kb.redirects()
        assert kb.resolve_id(old) == new["id"] and kb.resolve_id(new["id"]) == new["id"]
        assert kb.sources_frame(old)["article"].tolist() == ["b1", "b2"]


def test_an_entity_joined_by_an_alias_tie_redirects_its_old_id(tmp_path):
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        kb.build(
            [
                write_records(
                    tmp_path / "1.jsonl", [article("a1", None, [entity("E1", "ORG", "Kellogg Brown & Root")], [])]
                )
            ]
        )
        (old,) = [e["id"] for e in kb.entities()]
        tie = article("a2", None, [entity("E1", "ORG", "Kellogg Brown & Root Inc.", aliases=("KBR",))], [])
        kb.build([write_records(tmp_path / "2.jsonl", [article("a0", None, [entity("E1", "ORG", "KBR")], []), tie])])
        (merged,) = kb.entities()
        assert merged["articles"] == 3
        assert kb.resolve_id(old) == merged["id"]


def test_redirects_are_followed_to_a_live_id(tmp_path):
    batches = [
        [suit_article("b3", "1987-05-13", "Pennzoil", "Texaco")],
        [suit_article("b2", "1987-04-13", "Pennzoil", "Texaco")],
        [suit_article("b1", "1987-03-13", "Pennzoil", "Texaco")],
    ]
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        seen = []
        for i, batch in enumerate(batches):
            kb.build([write_records(tmp_path / f"{i}.jsonl", batch)])
            seen.append(kb.events()[0]["id"])
        live = seen[-1]
        assert [kb.resolve_id(i) for i in seen] == [live, live, live]
        assert all(r["redirect"] == live for r in kb.redirects() if r["kind"] == "event")
