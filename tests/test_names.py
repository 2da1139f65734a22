"""Pure name functions: apostrophe-less possessives, singular repair, typing by head words."""

from __future__ import annotations

import pytest

from pipeline.names import bare_possessive_split, org_kind, singular_name

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
        ("Special Litigation Section", "REGULATOR"),
        ("U.S. District Court for the District of Colorado", "COURT"),
        ("Zen Magnets LLC", "ORG"),
        ("Act Now Inc.", "ORG"),
        ("Fair Housing Advocates Association", "ORG"),
    ],
)
def test_org_kind_types_by_head_words(name: str, kind: str) -> None:
    assert org_kind(name) == kind
