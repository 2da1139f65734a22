"""Tests of the curated gazetteers (pipeline/data) and their loader (pipeline/gazetteer.py)."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
import spacy

from pipeline.gazetteer import (
    DOMAINS,
    ENTRY_FILES,
    Gazetteer,
    _parse_entry,
    build_entity_ruler,
    load_gazetteer,
    normalize_surface,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    pipeline = spacy.blank("en")
    build_entity_ruler(pipeline)
    return pipeline


def _data_lines() -> list[tuple[str, int, str]]:
    lines = []
    for filename in ENTRY_FILES:
        text = resources.files("pipeline.data").joinpath(filename).read_text(encoding="utf-8")
        lines += [(filename, n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    return lines


def test_every_data_line_is_a_json_object_with_a_source() -> None:
    for filename, number, line in _data_lines():
        raw = json.loads(line)
        assert isinstance(raw, dict), f"{filename} line {number}"
        assert raw["source"].startswith(("http://", "https://")), f"{filename} line {number}"


def test_ids_are_unique_and_qids_look_like_wikidata(gazetteer: Gazetteer) -> None:
    ids = [e.id for e in gazetteer.entries]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"Q\d+", e.kb_id) for e in gazetteer.entries if e.kb_id is not None)
    assert all(set(e.domains) <= DOMAINS for e in gazetteer.entries)


def test_coverage_meets_the_brief(gazetteer: Gazetteer) -> None:
    counts = {kind: sum(e.type == kind for e in gazetteer.entries) for kind in ("REGULATOR", "COURT", "LAW")}
    assert counts["REGULATOR"] >= 250 and counts["LAW"] >= 120 and counts["COURT"] >= 50
    attorneys_general = [e for e in gazetteer.entries if e.id.startswith("reg:ag-us-")]
    assert len(attorneys_general) >= 50


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {"id": "reg:x", "type": "REGULATOR", "name": "X", "domains": ["spying"], "source": "https://x"},
            "unknown domains",
        ),
        ({"id": "reg:x", "type": "REGULATOR", "name": "X", "source": ""}, "source"),
        ({"id": "reg:x", "type": "REGULATOR", "name": "X", "kb_id": "8880", "source": "https://x"}, "QID"),
        ({"id": "reg:x", "type": "COURT", "name": "X", "source": "https://x"}, "type must be"),
    ],
)
def test_bad_entries_are_rejected_naming_the_line(raw: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        _parse_entry(raw, expected_type="REGULATOR", where="pipeline/data/regulators.jsonl line 7")
    assert "line 7" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the U.S. SEC", "US SEC"), ("The  High   Court", "High Court"),
     ("Information Commissioner\u2019s Office", "Information Commissioner's Office")],
)  # fmt: skip
def test_normalize_surface(text: str, expected: str) -> None:
    assert normalize_surface(text) == expected


@pytest.mark.parametrize(
    ("surface", "entry_id"),
    [
        ("SEC", "reg:sec-us"),
        ("U.S. Securities and Exchange Commission", "reg:sec-us"),
        ("US Securities and Exchange Commission", "reg:sec-us"),
        ("the ICO", "reg:ico-uk"),
        ("Information Commissioner\u2019s Office", "reg:ico-uk"),
        ("federal trade commission", "reg:ftc-us"),
        ("Justice Department", "reg:doj-us"),
        ("Commission nationale de l'informatique et des libertés", "reg:cnil-fr"),
        ("New York attorney general", "reg:ag-us-ny"),
        ("GDPR", "law:gdpr"),
        ("European Court of Justice", "court:cjeu"),
        ("sec", None),  # acronyms are case-sensitive
        ("CNPD", None),  # Luxembourg and Portugal: ambiguous without a country
    ],
)
def test_lookup(gazetteer: Gazetteer, surface: str, entry_id: str | None) -> None:
    entry = gazetteer.lookup(surface)
    assert (entry.id if entry else None) == entry_id


@pytest.mark.parametrize(("country", "entry_id"), [("LU", "reg:cnpd-lu"), ("Portugal", "reg:cnpd-pt")])
def test_lookup_disambiguates_a_shared_alias_by_country(
    gazetteer: Gazetteer, country: str, entry_id: str
) -> None:
    entry = gazetteer.lookup("CNPD", country=country)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize(
    ("country", "phrase", "entry_id"),
    [
        ("Luxembourg", "privacy regulator", "reg:cnpd-lu"),
        ("LU", "data protection watchdog", "reg:cnpd-lu"),
        ("UK", "privacy watchdog", "reg:ico-uk"),
        ("Spain", "data protection agency", "reg:aepd-es"),
        ("French", "competition authority", "reg:adlc-fr"),
        ("German", "data protection authority", "reg:bfdi-de"),
        ("Hamburg", "data protection authority", "reg:dpa-de-hh"),
        ("Britain", "financial regulator", "reg:fca-uk"),
        ("Dutch", "privacy watchdog", "reg:ap-nl"),
        ("EU", "antitrust regulator", "reg:ec"),
        ("New York", "attorney general", "reg:ag-us-ny"),
        ("EU", "privacy regulator", None),  # EDPB and EDPS
        ("US", "banking regulator", None),  # Fed, OCC, FDIC, ...
        ("Narnia", "privacy regulator", None),
        ("France", "regulator", None),
    ],
)
def test_resolve_description(gazetteer: Gazetteer, country: str, phrase: str, entry_id: str | None) -> None:
    entry = gazetteer.resolve_description(country=country, domain_phrase=phrase)
    assert (entry.id if entry else None) == entry_id


@pytest.mark.parametrize(
    ("name", "code"),
    [("Luxembourgish", "LU"), ("U.K.", "GB"), ("British", "GB"), ("Spain", "ES"), ("FR", "FR")],
)
def test_country_code(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert gazetteer.country_code(name) == code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The U.S. District Court for the Southern District of New York approved it.",
         [("U.S. District Court for the Southern District of New York", "COURT", "court:us-district-court")]),
        ("It breached Article 6(1)(a) GDPR.", [("Article 6(1)(a) GDPR", "LAW", "law:gdpr")]),
        ("It breached Art. 35 GDPR and Article 6 of the GDPR.",
         [("Art. 35 GDPR", "LAW", "law:gdpr"), ("Article 6 of the GDPR", "LAW", "law:gdpr")]),
        ("charged under Section 10(b) of the Exchange Act",
         [("Section 10(b) of the Exchange Act", "LAW", "law:exchange-act")]),
        ("It violated Section 5 of the FTC Act.", [("Section 5 of the FTC Act", "LAW", "law:ftc-act")]),
        ("It violated Title VII of the Civil Rights Act of 1964.",
         [("Title VII of the Civil Rights Act of 1964", "LAW", "law:title-vii")]),
        ("It abused its dominance under Article 102 TFEU.", [("Article 102 TFEU", "LAW", "law:tfeu-102")]),
        ("the Federal Trade Commission (FTC) said",
         [("Federal Trade Commission", "REGULATOR", "reg:ftc-us"), ("FTC", "REGULATOR", "reg:ftc-us")]),
        ("the Information Commissioner\u2019s Office fined it",
         [("Information Commissioner\u2019s Office", "REGULATOR", "reg:ico-uk")]),
        ("The 9th U.S. Circuit Court of Appeals ruled.",
         [("9th U.S. Circuit Court of Appeals", "COURT", "court:us-court-of-appeals")]),
        ("He sued in Manhattan federal court.",
         [("Manhattan federal court", "COURT", "court:us-district-court")]),
        ("The U.S. Attorney's Office for the Eastern District of Virginia said.",
         [("U.S. Attorney's Office for the Eastern District of Virginia", "REGULATOR", "reg:usao-us")]),
        ("The New York attorney general sued.", [("New York attorney general", "REGULATOR", "reg:ag-us-ny")]),
        ("Luxembourg's CNPD fined Amazon.", [("CNPD", "REGULATOR", "reg:cnpd-lu|reg:cnpd-pt")]),
        ("The FA fined the club.", [("The FA", "REGULATOR", "reg:fa-england")]),
        ("the fa cup and the sec fin", []),  # acronyms match case-sensitively only
        ("the Commission said", []),  # lookup-only alias: too ambiguous for the ruler
    ],
)  # fmt: skip
def test_ruler_spans(
    nlp: spacy.language.Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = nlp(sentence)
    assert [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents] == expected


def test_ruler_ids_resolve_to_entries(gazetteer: Gazetteer) -> None:
    for pattern in gazetteer.ruler_patterns():
        entries = gazetteer.entries_for_ruler_id(pattern["id"])
        assert entries and all(e.type == pattern["label"] for e in entries), pattern
