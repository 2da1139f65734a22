"""Normalised name keys, families and ids (pipeline/kb/keys.py)."""

from __future__ import annotations

import pytest

from pipeline.kb.keys import family_of, fold, is_acronym, is_qid, name_key, stable_id


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Amazon.com Inc.", "amazon com"),
        ("AMAZON.COM, INC.", "amazon com"),
        ("The Amazon.com Inc", "amazon com"),
        ("Zico Investment Holdings Inc", "zico investment holdings"),
        ("Texaco Inc", "texaco"),
        ("Texaco's", "texaco"),
        ("Snamprogetti Netherlands B.V.", "snamprogetti netherlands"),
        ("Technip S.A.", "technip"),
        ("Kellogg Brown & Root LLC", "kellogg brown root"),
        ("Datenschutzbehörde", "datenschutzbehorde"),
        ("Mellon Bank Corp", "mellon bank"),
        ("The Company", "company"),
        ("Société Générale S.A.", "societe generale"),
    ],
)
def test_name_key_folds_case_accents_the_and_legal_suffixes(name, key):
    assert name_key(name) == key


def test_person_names_keep_their_last_word():
    assert name_key("John Paul Co", family="PERSON") == "john paul co"


@pytest.mark.parametrize(
    ("type_", "name", "family"),
    [
        ("PERSON", "Takata Corporation", "ORG"),
        ("PERSON", "Anouk Ruhaak", "PERSON"),
        ("REGULATOR", "Securities and Exchange Commission", "ORG"),
        ("COURT", "U.S. Supreme Court", "ORG"),
        ("LAW", "Foreign Corrupt Practices Act", "LAW"),
        ("MONEY", "$887 million", None),
        ("DATE", "2021", None),
    ],
)
def test_family_of(type_, name, family):
    assert family_of(type_, name) == family


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("SEC", True),
        ("U.S.", True),
        ("FCPA", True),
        ("Sec", False),
        ("Securities and Exchange Commission", False),
        ("X", False),
    ],
)
def test_is_acronym(name, acronym):
    assert is_acronym(name) is acronym


def test_qids_and_gazetteer_ids_differ():
    assert is_qid("Q4951") and not is_qid("reg:ico-uk") and not is_qid(None) and not is_qid("Q0")


def test_stable_id_depends_only_on_its_parts():
    assert stable_id("ent", "ORG", "texaco") == stable_id("ent", "ORG", "texaco")
    assert stable_id("ent", "ORG", "texaco") != stable_id("ent", "PERSON", "texaco")
    assert fold("Ｔｅｘａｃｏ’s") == "texaco's"
