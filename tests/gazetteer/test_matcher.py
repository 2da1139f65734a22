"""Tests of the curated gazetteers (pipeline/data) and their loader (pipeline/gazetteer/store.py)."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
import spacy

from pipeline.gazetteer.entries import DOMAINS, GazetteerEntry, parse_entry
from pipeline.gazetteer.matcher import (
    AnchorRule,
    GazetteerMatcher,
    anchor_rule,
    merge_windows,
    pattern_token_width,
    text_test,
)
from pipeline.gazetteer.store import ENTRY_FILES, Gazetteer, load_gazetteer, normalize_surface
from tests.helpers import build_entity_ruler


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    """A blank English pipeline holding the EntityRuler the GazetteerMatcher replaces (the reference)."""
    pipeline = spacy.blank("en")
    build_entity_ruler(pipeline)
    return pipeline


@pytest.fixture(scope="module")
def matcher(nlp: spacy.language.Language) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)


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
        parse_entry(raw, expected_type="REGULATOR", where="pipeline/data/regulators.jsonl line 7")
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
def test_lookup_disambiguates_a_shared_alias_by_country(gazetteer: Gazetteer, country: str, entry_id: str) -> None:
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
        # federal districts that are no state, "of" for "for", a judge's district, inner capitals (DOJ phrasing)
        ("filed in the U.S. District Court for the District of Columbia on Tuesday",
         [("U.S. District Court for the District of Columbia", "COURT", "court:us-district-court")]),
        ("before the U.S. District Court of the District of Columbia",
         [("U.S. District Court of the District of Columbia", "COURT", "court:us-district-court")]),
        ("pleaded guilty in the District Court for the District of the Virgin Islands",
         [("District Court for the District of the Virgin Islands", "COURT", "court:us-district-court")]),
        ("imposed by U.S. District Judge Sue E. Myerscough of the Central District of Illinois.",
         [("U.S. District Judge Sue E. Myerscough of the Central District of Illinois", "COURT",
           "court:us-district-court")]),
        ("U.S. District Court Judge Robert W. Gettlemen entered an order",
         [("U.S. District Court Judge Robert W. Gettlemen", "COURT", "court:us-district-court")]),
        ("The United States has asked a federal court in McAllen, Texas, to bar her.",
         [("federal court in McAllen", "COURT", "court:us-district-court")]),
        ("a complaint in the U.S. Bankruptcy Court for the District of Puerto Rico",
         [("U.S. Bankruptcy Court for the District of Puerto Rico", "COURT", "court:us-bankruptcy-court")]),
        ("The U.S. Attorney's Office for the Eastern District of Virginia said.",
         [("U.S. Attorney's Office for the Eastern District of Virginia", "REGULATOR", "reg:usao-us")]),
        ("The New York attorney general sued.", [("New York attorney general", "REGULATOR", "reg:ag-us-ny")]),
        ("Luxembourg's CNPD fined Amazon.", [("CNPD", "REGULATOR", "reg:cnpd-lu|reg:cnpd-pt")]),
        ("The FA fined the club.", [("The FA", "REGULATOR", "reg:fa-england")]),
        # equal spans: a named alias beats a token pattern, then the entry listed first in pipeline/data
        ("The High Court in London ruled.", [("High Court in London", "COURT", "court:ewhc")]),
        ("the Delhi High Court said", [("Delhi High Court", "COURT", "court:delhi-hc")]),
        ("The ICC fined him.", [("ICC", "REGULATOR", "reg:icc-cricket")]),
        ("the fa cup and the sec fin", []),  # acronyms match case-sensitively only
        ("the Commission said", []),  # lookup-only alias: too ambiguous for the ruler
    ],
)  # fmt: skip
def test_gazetteer_spans(
    nlp: spacy.language.Language, matcher: GazetteerMatcher, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = matcher(nlp.make_doc(sentence))
    assert [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents] == expected


def test_ruler_ids_resolve_to_entries(gazetteer: Gazetteer) -> None:
    for pattern in gazetteer.ruler_patterns():
        entries = gazetteer.entries_for_ruler_id(pattern["id"])
        assert entries and all(e.type == pattern["label"] for e in entries), pattern


# Hand-written sentences at the edges of the anchor windows, then sentences of DOJ press releases (public
# domain, ../shared/corpora/doj.jsonl) where the regular-name and provision patterns fire.
SAME_AS_RULER = [
    "Sections 3, 4, 5, 6 and 7 of the Clayton Act were cited.",
    "It breached Article 6(1)(a) and (f) GDPR and Art. 101 TFEU.",
    "Article 6 of the",
    "Court",
    "GDPR",
    "the Eastern District of Virginia said the U.S. District Court in Manhattan and Manhattan federal court",
    "He was charged in Los Angeles County Superior Court and in Cook County Circuit Court.",
    "The Landgericht Berlin and the Higher Regional Court of Munich and the High Court in London.",
    "Title 18, United States Code, Section 1343, and Section 10(b) of the Securities Exchange Act of 1934.",
    "The Office of the U.S. Attorney for the Southern District of New York and the New York U.S. Attorney's "
    "Office filed it in the U.S. Bankruptcy Court in Delaware.",
    "It appealed to the 2nd U.S. Circuit and then to the Supreme Court of the State of New York.",
    "Sections 1, 2 , 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 of the Sherman Act",
    # DOJ press releases (doj-02563, doj-00279, doj-01744, doj-02719, doj-00878, doj-00970, doj-00302,
    # doj-02349, doj-00738, doj-01178, doj-00704, doj-00032, doj-02326, doj-01168, doj-00294, doj-00291).
    "The civil injunction and disgorgement judgment were signed by Judge Anne C. Conway of the U.S. District "
    "Court for the Middle District of Florida.",
    "After a four-day trial, a national consumer bankruptcy law firm and its local partner attorneys were "
    "sanctioned and enjoined by the U.S. Bankruptcy Court for the Western District of Virginia for causing "
    "unconscionable harm to their clients.",
    "The lawsuit, filed in the U.S. District Court for the Eastern District of Michigan, follows an extensive "
    "review of the citys electoral practices, history and current conditions, guided by extensive precedent "
    "applying Section 2 of the Voting Rights Act.",
    "The complaint is being handled by the Civil Rights Division which enforces the non-discrimination "
    "provisions of Title VII, Title IX and VAWA.",
    "The OCSLA charges against GIS, Moss, Srubar, and Dantin, were dismissed by the district court and are "
    "pending an interlocutory appeal by the government to the U.S. Fifth Circuit Court of Appeals, argued on "
    "May 1, 2017.",
    "The city and the CRA/LA allegedly violated Section 504 of the Rehabilitation Act, the Americans with "
    "Disabilities Act and the Fair Housing Act, as well as failed to fulfill their duty to affirmatively "
    "further fair housing.",
    "The case is being litigated by the NS/A Unit with support from ICE OPLA and the U.S. Attorney's Office "
    "for the Western District of Missouri.",
    "Although the ADAAA is already in effect and applies to entities covered under Title II and III of the "
    "ADA, the departments changes to its Title II and III regulations will help clarify the interpretation "
    "and application of the ADAAA.",
    "According to the indictment, between February 2012 and April 2013, Pigeon offered and provided things "
    "of value to former New York State Supreme Court Judge John A. Michalek, in exchange for official action.",
    "The City annually had to certify compliance with Section 504, the Fair Housing Act, and the duty to "
    "affirmatively further fair housing as a precondition for receiving HUD funds.",
    "Defendants Hatfield and Huddleston are scheduled to be sentenced by Senior District Court Judge Leon "
    "Jordan on January 10 and January 8, 2018, respectively.",
    "The sparse text and common-law nature of Section 1 of the Sherman Act provide an especially good "
    "opening for the influence of judges that are gifted writers to leave their mark on the development of "
    "the law.",
    "Title VI of the Civil Rights Act of 1964 prohibits discrimination on the basis of race, color or "
    "national origin in federally-funded programs or activities.",
    "In 1997, the U.S. Department of State designated Hizballah a Foreign Terrorist Organization, pursuant "
    "to Section 219 of the Immigration and Nationality Act, and it remains so designated today.",
    "Similar provisions have been included in a number of recent consent decrees where the Departments new "
    "leadership has sought divestitures as a condition of clearing transactions under Section 7 of the "
    "Clayton Act.",
    "The district's enforcement staff, with DOJ assistance, is pleased to have reached an expedited "
    "resolution of this section 404 Clean Water Act violation, said Jacksonville District Enforcement Chief "
    "Bobby Halbert for the U.S. Army Corps of Engineers.",
]


def _spans(doc: spacy.tokens.Doc) -> list[tuple[int, int, str, str]]:
    return [(ent.start, ent.end, ent.label_, ent.ent_id_) for ent in doc.ents]


@pytest.mark.parametrize("sentence", SAME_AS_RULER)
def test_matcher_finds_what_the_entity_ruler_finds(
    nlp: spacy.language.Language, matcher: GazetteerMatcher, sentence: str
) -> None:
    ruler = nlp.get_pipe("gazetteer_ruler")
    assert sorted(matcher.match(nlp.make_doc(sentence))) == sorted(ruler.match(nlp.make_doc(sentence)))
    assert _spans(matcher(nlp.make_doc(sentence))) == _spans(nlp(sentence))


def test_the_window_tests_find_spans_at_all(nlp: spacy.language.Language, matcher: GazetteerMatcher) -> None:
    doc = matcher(nlp.make_doc(" ".join(SAME_AS_RULER)))
    assert {ent.label_ for ent in doc.ents} == {"COURT", "LAW", "REGULATOR"}
    assert sum(ent.ent_id_.startswith("court:") for ent in doc.ents) >= 10


@pytest.mark.parametrize(
    ("op", "width"), [(None, 1), ("?", 1), ("!", 1), ("{1,3}", 3), ("{2}", 2), ("{,4}", 4), ("*", None),
                      ("+", None), ("{2,}", None)],
)  # fmt: skip
def test_pattern_token_width(op: str | None, width: int | None) -> None:
    token = {"LOWER": "court"} if op is None else {"LOWER": "court", "OP": op}
    assert pattern_token_width(token) == width


def test_an_unknown_op_is_rejected() -> None:
    with pytest.raises(ValueError, match="Matcher operator"):
        pattern_token_width({"LOWER": "court", "OP": "??"})


@pytest.mark.parametrize(
    ("pattern", "rule"),
    [
        # the rarest required literal anchors; optional and non-literal tokens count on their side
        ([{"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "OP": "{1,3}"}, {"LOWER": "federal"},
          {"LOWER": "court"}], AnchorRule(frozenset({"federal"}), before=4, after=1)),
        ([{"LOWER": {"IN": ["section", "article"]}}, {"TEXT": {"REGEX": "^\\d+$"}, "OP": "*"}, {"LOWER": "of"},
          {"ORTH": "GDPR"}], AnchorRule(frozenset({"gdpr"}), before=2, after=0, open_before=True)),
        ([{"LOWER": "of"}, {"LOWER": "the"}], AnchorRule(frozenset({"of"}), before=0, after=1)),
        ([{"IS_TITLE": True}, {"LOWER": "court", "OP": "?"}], None),
    ],
)  # fmt: skip
def test_anchor_rule(pattern: list[dict], rule: AnchorRule | None) -> None:
    assert anchor_rule(pattern) == rule


@pytest.mark.parametrize(
    ("rule", "anchor", "window"),
    [
        (AnchorRule(frozenset({"court"}), before=2, after=3), 5, (3, 9)),
        (AnchorRule(frozenset({"court"}), before=2, after=3), 1, (0, 5)),
        (AnchorRule(frozenset({"court"}), before=2, after=3), 9, (7, 10)),
        # tokens 4, 6, 7 and 8 satisfy an unbounded spec; an open side stops at its (bound + 1)-th miss
        (AnchorRule(frozenset({"court"}), before=0, after=1, open_after=True), 5, (5, 10)),
        (AnchorRule(frozenset({"court"}), before=0, after=0, open_after=True), 5, (5, 9)),
        (AnchorRule(frozenset({"court"}), before=1, after=0, open_before=True), 9, (4, 10)),
    ],
)
def test_anchor_window_holds_every_match_through_the_anchor(
    rule: AnchorRule, anchor: int, window: tuple[int, int]
) -> None:
    numbers = {4, 6, 7, 8}
    assert rule.window(anchor, 10, numbers.__contains__) == window


def test_merge_windows() -> None:
    assert merge_windows([(3, 9), (0, 5), (9, 12), (20, 22)]) == [(0, 9), (9, 12), (20, 22)]


@pytest.mark.parametrize(
    ("spec", "text", "expected"),
    [
        ({"TEXT": {"REGEX": "^\\d+$"}}, "101", True),
        ({"TEXT": {"REGEX": "^\\d+$"}}, "IV", False),
        ({"LOWER": {"IN": ["and", "or"]}}, "And", True),
        ({"ORTH": "of"}, "Of", False),
        ({"LOWER": {"REGEX": "^art"}}, "Article", True),
    ],
)
def test_text_test_agrees_with_the_spec(spec: dict, text: str, expected: bool) -> None:
    test = text_test(spec)
    assert test is not None and test(text) is expected


def test_a_token_pattern_without_a_literal_word_is_rejected(nlp: spacy.language.Language) -> None:
    entry = GazetteerEntry(
        id="court:x", type="COURT", name="X", aliases=(), country=None, domains=(), kb_id=None,
        source="https://x", patterns=([{"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}],),
    )  # fmt: skip
    with pytest.raises(ValueError, match="court:x.*anchor"):
        GazetteerMatcher(nlp, gazetteer=Gazetteer((entry,), {}, {}, {}))
