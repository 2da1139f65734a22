"""Who fills an event's roles: lists of parties, officials, units of a department, the court (roles, drafts)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.entities.resolver import EntityCluster
from pipeline.events.drafts import TITLE_BEFORE, acting_departments, court_name


def run(extractor, text: str):
    from pipeline.io.source import InputRecord

    return extractor.extract_record(InputRecord(id="t", text=text, published="2015-06-01"))


def role_names(record, event, role: str) -> set[str]:
    by_id = {e.id: e for e in record.entities}
    out: set[str] = set()
    for i in event.roles.get(role, []):
        out |= {by_id[i].name, *by_id[i].aliases}
    return out


def only_event(record, etype: str):
    events = [e for e in record.events if e.type == etype]
    assert len(events) == 1, record.events
    return events[0]


@pytest.mark.parametrize(
    ("name", "is_court"),
    [
        ("U.S. District Court for the Western District of Kentucky", True),
        ("Waverley Local Court", True),
        ("Court of Justice of the European Union", True),
        ("US District Court in San Francisco", True),
        ("Delhi High Court", True),
        ("Treva Court Apartments", False),
        ("Hampton Court Condominiums", False),
        ("272 Treva Court", False),
    ],
)
def test_a_place_called_court_is_not_a_court(name, is_court):
    assert court_name(name) is is_court


@pytest.mark.parametrize(
    ("before", "titled"),
    [
        ("said Acting Assistant Attorney General", True),
        ("U.S. District Judge", True),
        ("Trial Attorneys Katherine E. Lamm and", True),  # second name of a list a title heads
        ("Special Agent in Charge", True),
        ("The Justice Department announced today that", False),  # the title word is someone else's
        ("head of the Justice Departments Civil Rights Division.", False),  # a new sentence begins
    ],
)
def test_an_official_title_must_touch_the_name(before, titled):
    assert (TITLE_BEFORE.search(before) is not None) is titled


def _clusters(*specs: tuple[str, str, str | None]) -> list[EntityCluster]:
    doc = spacy.blank("en")(" ".join(name for name, _, _ in specs))
    clusters, start = [], 0
    for name, kind, kb_id in specs:
        size = len(name.split())
        clusters.append(EntityCluster(type=kind, mentions=[doc[start : start + size]], kb_id=kb_id))
        start += size
    return clusters


def test_a_departments_units_act_for_it():
    clusters = _clusters(
        ("Justice Department", "REGULATOR", "reg:doj-us"),
        ("Antitrust Division", "REGULATOR", "reg:doj-atr-us"),
        ("Fraud Section", "REGULATOR", None),
        ("Beacon Police Department", "REGULATOR", None),
    )
    assert acting_departments(clusters) == {1: 0, 2: 0}


def test_a_unit_of_another_department_it_names_does_not_act_for_justice():
    clusters = _clusters(
        ("Justice Department", "REGULATOR", "reg:doj-us"),
        ("Hawaii Department of Transportation Airports Division", "REGULATOR", None),
    )
    assert acting_departments(clusters) == {}


def test_a_unit_without_its_department_in_the_article_stays_itself():
    clusters = _clusters(
        ("Department of Housing and Urban Development", "REGULATOR", "reg:hud-us"),
        ("Criminal Division", "REGULATOR", "reg:doj-crm-us"),
    )
    assert acting_departments(clusters) == {}


@pytest.mark.parametrize(
    ("text", "etype", "role", "names"),
    [
        (
            "On Sept. 30, 2010, the United States filed a complaint which alleged that Coltec Industries Inc. "
            "violated the Clean Air Act by selling uncertified engines.",
            "LAWSUIT",
            "defendant",
            {"Coltec Industries Inc."},
        ),
        (
            "The Justice Department filed a lawsuit today against the remaining defendants, which include "
            "Gosselin Worldwide Moving N.V., Marc Smet and Andreas Christ Spedition GmbH.",
            "LAWSUIT",
            "defendant",
            {"Gosselin Worldwide Moving N.V.", "Marc Smet"},
        ),
        (
            "The Justice Department announced today that Dean Windham and Milton Studer have agreed to pay a total "
            "of $160,000 to resolve allegations that they violated the Fair Housing Act.",
            "SETTLEMENT",
            "defendant",
            {"Dean Windham", "Milton Studer"},
        ),
    ],
)
def test_every_listed_party_fills_the_role(extractor, text, etype, role, names):
    record = run(extractor, text)
    found = role_names(record, only_event(record, etype), role)
    assert all(any(n in f for f in found) for n in names), found


def test_a_division_sues_in_its_departments_name(extractor):
    record = run(
        extractor,
        "The Civil Rights Division filed a lawsuit today against Acme Corp., alleging that the company refused "
        "to rent apartments to families with children, the Justice Department announced.",
    )
    plaintiffs = role_names(record, only_event(record, "LAWSUIT"), "plaintiff")
    assert "Justice Department" in plaintiffs and "Civil Rights Division" not in plaintiffs


def test_the_one_court_an_article_names_is_its_suits_court(extractor):
    record = run(
        extractor,
        "Widget Inc. sued Acme Corp. on Monday, claiming that Acme copied its patented hinge design. A hearing is "
        "set for next month in the U.S. District Court for the Western District of Kentucky.",
    )
    courts = role_names(record, only_event(record, "LAWSUIT"), "court")
    assert any("Western District of Kentucky" in c for c in courts), courts


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "On August 29, 2024, the Bureau issued an order against New Day Financial, LLC (NewDay USA), a nonbank "
            "mortgage lender. The Bureau found that NewDay USA violated the Consumer Financial Protection Act. The "
            "order requires NewDay USA to come into compliance and pay a $2.25 million civil money penalty.",
            {"New Day Financial, LLC"},
        ),
        (
            "On June 18, 2024, the Bureau issued an order against Sutherland Global Services, Inc., Sutherland "
            "Mortgage Services, Inc., and Sutherland Government Solutions, Inc., mortgage servicers. The order "
            "imposes a $5 million civil money penalty.",
            {"Sutherland Global Services, Inc.", "Sutherland Mortgage Services, Inc.",
             "Sutherland Government Solutions, Inc."},
        ),
    ],
)  # fmt: skip
def test_order_terms_take_the_parties_the_lede_names(extractor, text, targets):
    from tests.events.test_extractor import events_of_type, role_names, run

    record = run(extractor, text, published="2024-08-30")
    fines = events_of_type(record, "FINE")
    assert fines
    assert targets <= set().union(*(role_names(record, f, "target") for f in fines))


def test_lede_describes_its_party_before_naming_it(extractor):
    from tests.events.test_extractor import events_of_type, role_names, run

    text = (
        "The music industry has launched legal action against people who share songs online. "
        "The Recording Industry Association of America said the suits target large uploaders."
    )
    record = run(extractor, text)
    suits = events_of_type(record, "LAWSUIT")
    assert len(suits) == 1
    assert "Recording Industry Association of America" in role_names(record, suits[0], "plaintiff")


def test_definite_description_later_in_the_story_keeps_its_antecedent(extractor):
    from tests.events.test_extractor import events_of_type, role_names, run

    text = "Acme Corp makes widgets. The company was sued by Widget Ltd on Monday. Beta Inc said nothing."
    record = run(extractor, text)
    suits = events_of_type(record, "LAWSUIT")
    assert [role_names(record, s, "defendant") for s in suits] == [{"Acme Corp"}]
