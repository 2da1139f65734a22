"""Entities across articles (pipeline/kb/entities.py): keys, fuzzy blocks, gazetteer ids, alias ties."""

from __future__ import annotations

import pytest

from pipeline.kb import KnowledgeBase
from pipeline.kb.entities import fuzzy_pairs, gazetteer_entries
from tests.kb.helpers import article, entity, write_records


def _kb_entities(tmp_path, records):
    with KnowledgeBase(tmp_path / "kb.duckdb") as kb:
        kb.build([write_records(tmp_path / "r.jsonl", records)])
        return kb.entities()


def _ids_by_name(entities):
    return {name: e["id"] for e in entities for name in [e["name"], *e["aliases"]]}


def test_one_company_named_three_ways_is_one_entity(tmp_path):
    records = [
        article("a1", "2021-07-30", [entity("E1", "ORG", "Amazon.com Inc.")], []),
        article("a2", "2021-08-01", [entity("E1", "ORG", "AMAZON.COM, INC.")], []),
        article("a3", "2021-08-02", [entity("E1", "PERSON", "The Amazon.com Inc")], []),
        article("a4", "2021-08-02", [entity("E1", "ORG", "Amazon Europe Core")], []),
    ]
    entities = _kb_entities(tmp_path, records)
    amazon = [e for e in entities if "Amazon.com Inc." in [e["name"], *e["aliases"]]]
    assert len(amazon) == 1 and amazon[0]["articles"] == 3
    assert _ids_by_name(entities)["Amazon Europe Core"] != amazon[0]["id"]


def test_spelling_variants_join_inside_a_block():
    pairs = set(fuzzy_pairs(["zico investment holdings", "zico investment holding", "zico oil"]))
    assert pairs == {("zico investment holding", "zico investment holdings")}


def test_gazetteer_entries_keep_their_ids_and_never_merge(tmp_path):
    records = [
        article("a1", None, [entity("E1", "COURT", "Court of Appeal", kb_id="court:ewca")], []),
        article("a2", None, [entity("E1", "COURT", "Court of Appeal", kb_id="court:ca-9")], []),
        article("a3", None, [entity("E1", "COURT", "Court of Appeal")], []),
    ]
    ids = {e["id"] for e in _kb_entities(tmp_path, records)}
    assert {"court:ewca", "court:ca-9"} <= ids


def test_acronym_joins_a_long_name_only_where_an_article_ties_them(tmp_path):
    records = [
        article("a1", None, [entity("E1", "ORG", "Kellogg Brown & Root Inc.", aliases=("KBR",))], []),
        article("a2", None, [entity("E1", "ORG", "KBR")], []),
        article("a3", None, [entity("E1", "ORG", "Kellogg Brown & Root LLC")], []),
        article("a4", None, [entity("E1", "ORG", "IBM")], []),
        article("a5", None, [entity("E1", "ORG", "International Business Machines Corp")], []),
    ]
    ids = _ids_by_name(_kb_entities(tmp_path, records))
    assert ids["KBR"] == ids["Kellogg Brown & Root Inc."] == ids["Kellogg Brown & Root LLC"]
    assert ids["IBM"] != ids["International Business Machines Corp"]


def test_an_acronym_tied_to_two_entities_stays_apart(tmp_path):
    records = [
        article("a1", None, [entity("E1", "LAW", "Americans with Disabilities Act", aliases=("ADA",))], []),
        article("a2", None, [entity("E1", "LAW", "Anti-Deficiency Act", aliases=("ADA",))], []),
    ]
    ids = _ids_by_name(_kb_entities(tmp_path, records))
    assert ids["Americans with Disabilities Act"] != ids["Anti-Deficiency Act"]


def test_wikidata_ids_come_only_from_the_gazetteer_or_the_record(tmp_path):
    stated = {e["gaz_id"]: e["wikidata"] for e in gazetteer_entries() if e["wikidata"]}
    assert stated, "the gazetteer states some Wikidata ids"
    gaz_id, qid = sorted(stated.items())[0]
    records = [
        article("a1", None, [entity("E1", "COURT", "some court", kb_id=gaz_id), entity("E2", "ORG", "Texaco Inc")], [])
    ]
    by_id = {e["id"]: e for e in _kb_entities(tmp_path, records)}
    assert by_id[gaz_id]["wikidata"] == qid and by_id[gaz_id]["wikidata_source"].startswith("pipeline/data/")
    assert [e["wikidata"] for e in by_id.values() if e["id"] != gaz_id] == [None]


@pytest.mark.parametrize("short", ["ibm", "acme"])
def test_short_keys_never_fuzzy_match(short):
    assert not list(fuzzy_pairs([short, short + "s"]))


def test_names_that_differ_in_a_number_never_fuzzy_match():
    assert not list(fuzzy_pairs(["pacific fund 1", "pacific fund 2"]))
    assert list(fuzzy_pairs(["pacific funds 1", "pacific fund 1"]))
