"""Entity stage: publisher and headline filters (blank pipeline), and entity sets of real DOJ phrasing."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.entities import EntityCluster, drop_publisher


def _clusters(text: str, names: list[str]) -> list[EntityCluster]:
    nlp = spacy.blank("en")
    doc = nlp(text)
    clusters = []
    for name in names:
        start = doc.text.index(name)
        span = doc.char_span(start, start + len(name), label="ORG")
        assert span is not None
        clusters.append(EntityCluster(type="ORG", mentions=[Span(doc, span.start, span.end, label="ORG")]))
    return clusters


@pytest.mark.parametrize(
    ("text", "outlets", "kept"),
    [
        ('"We will appeal," a spokesman told Reuters. Acme Corp declined comment.', ["Reuters"], ["Acme Corp"]),
        ("BBC Scotland has learned that the council plans cuts. Mr Smith told BBC Radio Scotland.",
         ["BBC Scotland", "BBC Radio Scotland"], []),
        ("The South China Morning Post reported the loss. Acme Corp denied it.", [],
         ["South China Morning Post", "Acme Corp"]),
    ],
)  # fmt: skip
def test_drop_publisher_removes_the_outlet_sources_talk_to(
    text: str, outlets: list[str], kept: list[str]
) -> None:
    clusters = _clusters(text, outlets + kept)
    assert [c.name for c in drop_publisher(clusters)] == kept


def _sets(record) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for ent in record.entities:
        out.setdefault(ent.type, set()).add(ent.name)
    return out


def test_apostrophe_less_possessive_is_split_into_owner_and_unit(extractor) -> None:
    from pipeline.source import InputRecord

    text = (
        "Nebraska Beef Ltd. agreed to pay $200,000 to settle claims, the Justice Department announced today. "
        "The case was handled by the Justice Departments Civil Rights Division."
    )
    record = extractor.extract_record(InputRecord(id="t1", text=text, title=None, published="2015-08-24"))
    sets = _sets(record)
    assert not any("Departments" in name for name in sets.get("ORG", set()))
    assert any("Civil Rights Division" in name for name in sets.get("REGULATOR", set()))


def test_dollars_in_a_canadian_story_are_cad(extractor) -> None:
    from pipeline.source import InputRecord

    text = "Canada's big banks could lose 1.98 billion dlrs on Brazilian loans. Profits were 575 mln dlrs."
    record = extractor.extract_record(InputRecord(id="t2", text=text, title=None, published="1987-03-30"))
    currencies = {e.value.currency for e in record.entities if e.type == "MONEY"}
    assert currencies == {"CAD"}


def test_public_body_that_is_sued_is_not_an_org(extractor) -> None:
    from pipeline.source import InputRecord

    text = "The Justice Department sued the Fort Payne City School District in federal court in Birmingham."
    record = extractor.extract_record(InputRecord(id="t3", text=text, title=None, published="2012-06-26"))
    assert "Fort Payne City School District" not in _sets(record).get("ORG", set())


def test_headline_fragments_are_not_orgs(extractor) -> None:
    from pipeline.source import InputRecord

    title = "Oregon Resident Sentenced for Providing Material Support"
    text = "A Portland man was sentenced today, the Justice Department announced."
    record = extractor.extract_record(InputRecord(id="t4", text=text, title=title, published="2012-06-26"))
    assert not any("Sentenced" in name for name in _sets(record).get("ORG", set()))
