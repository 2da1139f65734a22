"""Pure name functions: apostrophe-less possessives, singular repair, typing by head words."""

from __future__ import annotations

import pytest

from pipeline.entities.names import (
    bare_possessive_split,
    is_acronym_of,
    is_compact_form,
    is_last_word_of,
    is_political_party,
    names_no_organisation,
    normalize_name,
    org_kind,
    singular_name,
)

KNOWN = {"justice department", "internal revenue service", "general services administration"}


def known(text: str) -> bool:
    return text.casefold() in KNOWN


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("Justice Departments Civil Rights Division", 1),
        ("Civil Divisions Commercial Litigation Branch", 1),
        ("GSAs Office of Inspector General", 0),
        ("Internal Revenue Services Abusive Tax Avoidance Transaction Group", 2),
        ("Antitrust Divisions San Francisco Office", 1),
    ],
)
def test_bare_possessive_split_finds_the_owner(name: str, cut: int) -> None:
    assert bare_possessive_split(name.split(), is_known=known) == cut


@pytest.mark.parametrize(
    "name",
    [
        "State Attorneys General",
        "Department of Veterans Affairs",
        "General Services Administration",
        "Lloyds Banking Group",
        "UPS Store",
        "Goldman Sachs Group",
        "Justice Department",
    ],
)
def test_bare_possessive_split_keeps_plural_names_whole(name: str) -> None:
    assert bare_possessive_split(name.split(), is_known=known) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Justice Departments", "Justice Department"),
        ("Immigration and Nationality Acts", "Immigration and Nationality Act"),
        ("Dishs", "Dish"),
        ("Business", "Business"),
        ("Fair Housing Status", "Fair Housing Status"),
        ("Cost Analysis", "Cost Analysis"),
    ],
)
def test_singular_name_drops_a_bare_possessive_s(text: str, expected: str) -> None:
    assert singular_name(text) == expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Texas Deceptive Trade Practices Act", "LAW"),
        ("U.S. Sentencing Guidelines", "LAW"),
        ("Fort Payne City School District", "PUBLIC_BODY"),
        ("Warren County Board of Education", "PUBLIC_BODY"),
        ("Newark Public Schools", "PUBLIC_BODY"),
        ("Medicare Fraud Strike Force", "REGULATOR"),
        ("Office of Inspector General", "REGULATOR"),
        ("Office of Enforcement and Compliance Assurance", "REGULATOR"),
        ("Special Litigation Section", "REGULATOR"),
        ("U.S. District Court for the District of Colorado", "COURT"),
        ("Zen Magnets LLC", "ORG"),
        ("Act Now Inc.", "ORG"),
        ("Fair Housing Advocates Association", "ORG"),
        ("Convention on International Trade in Endangered Species", "LAW"),
        ("Treaty of Rome", "LAW"),
        ("Convention of Scottish Local Authorities", "ORG"),  # a body: "of", not "on"
        ("U.S. Marshals Service", "REGULATOR"),
        ("U.S. Diplomatic Security Service", "REGULATOR"),
        ("U.S. Naval Reserve", "PUBLIC_BODY"),
        ("State of Wisconsin", "PUBLIC_BODY"),
        ("Islamic State of Iraq and the Levant", "ORG"),  # "State of" inside a name is no government
        ("Illinois Division of Specialized Care for Children", "PUBLIC_BODY"),
        ("UMDNJ School of Medicine", "PUBLIC_BODY"),
    ],
)
def test_org_kind_types_by_head_words(name: str, kind: str) -> None:
    assert org_kind(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "Federal Register",
        "Permanent Resident Cards",
        "Fifth Street N.W.",
        "Fair Housing Testing Program",
        "Norwich Union Grand Prix",
        "Palo Verde Nuclear Generating Station",
        "Trial Attorneys Jennifer Ambuehl",
        "GSA Inspector",
        "Guy Mansfield QC",
        "Departments",
        "Forms I-9",
        "Form 1040",
        "U.S. Magistrate",
        "Special Litigation Counsel Hilary Axam",
        "Certified Public Accountant",
        "Federal, State",
    ],
)
def test_names_no_organisation_for_documents_programmes_places_events_and_titles(name: str) -> None:
    assert names_no_organisation(name)


@pytest.mark.parametrize(
    "name", ["Acme Cards Inc.", "Bank of America", "Games Workshop", "Visa", "Marathon", "Dish Network", "Form Energy"]
)
def test_names_no_organisation_keeps_company_names(name: str) -> None:
    assert not names_no_organisation(name)


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        ("JP Morgan Chase", "JPMorgan Chase & Co.", True),
        ("JP Morgan", "JPMorgan Chase", True),
        ("Bank One", "BankOne Corp", True),
        ("US Air", "USAir Group", False),  # too short to compare without spaces
        ("Morgan Stanley", "JPMorgan Chase", False),
    ],
)
def test_is_compact_form_ignores_spacing(short: str, long: str, same: bool) -> None:
    assert is_compact_form(short, long) is same


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        ("Disney", "Walt Disney Company", True),
        ("Thiokol", "Morton Thiokol Inc", True),
        ("Group", "Lloyds Banking Group", False),
        ("Walt", "Walt Disney Company", False),
    ],
)
def test_is_last_word_of_takes_the_distinctive_last_word(short: str, long: str, same: bool) -> None:
    assert is_last_word_of(short, long) is same


@pytest.mark.parametrize(
    ("name", "key"), [("Goldman Sachs and Co", "goldman sachs"), ("JPMorgan Chase & Co.", "jpmorgan chase")]
)
def test_normalize_name_drops_joiner_left_by_legal_form(name: str, key: str) -> None:
    assert normalize_name(name) == key


def test_acronym_of_name_without_legal_form() -> None:
    assert is_acronym_of("BP", "British Petroleum Co PLC")


@pytest.mark.parametrize(
    ("name", "party"), [("the Tories", True), ("Lib Dem", True), ("Democrats", True), ("Dems Inc", False)]
)
def test_political_parties_are_known_by_news_names(name: str, party: bool) -> None:
    assert is_political_party(name) is party
