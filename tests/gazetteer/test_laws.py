"""Tests of the law gazetteer data (pipeline/data/laws.jsonl): named provisions and principles match as LAW."""

from __future__ import annotations

import pytest
import spacy

from pipeline.gazetteer.matcher import GazetteerMatcher
from tests.helpers import build_entity_ruler


@pytest.fixture(scope="module")
def matcher() -> tuple[spacy.language.Language, GazetteerMatcher]:
    nlp = spacy.blank("en")
    build_entity_ruler(nlp)
    return nlp, GazetteerMatcher(nlp)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # DOJ press releases (public domain) name the INA's anti-discrimination provision, with and without
        # the apostrophe scraped copy loses
        ("The anti-discrimination provision of the INA prohibits employers from discriminating.",
         [("anti-discrimination provision of the INA", "law:ina-antidiscrimination")]),
        ("The antidiscrimination provision of the Immigration and Nationality Act prohibits such practices.",
         [("antidiscrimination provision of the Immigration and Nationality Act", "law:ina-antidiscrimination")]),
        ("post notices informing workers about their rights under the INAs anti-discrimination provision",
         [("INAs anti-discrimination provision", "law:ina-antidiscrimination")]),
        ("It violated the INA.", [("INA", "law:ina")]),
        # the principles of Article 5(1) GDPR, as decisions of data protection authorities name them
        ("The authority found a violation of the principle of data minimization.",
         [("principle of data minimization", "law:gdpr-data-minimisation")]),
        ("It breached the data minimisation principle and the principle of storage limitation.",
         [("data minimisation principle", "law:gdpr-data-minimisation"),
          ("principle of storage limitation", "law:gdpr-storage-limitation")]),
        ("The ministry violated the principle of legality and transparency.",
         [("principle of legality and transparency", "law:gdpr-lawfulness")]),
        ("We follow the principle of accuracy in reporting.", []),  # too common a phrase to be a law
        # provisions as decisions and releases cite them: spaced subdivisions, enumerations, paragraph words
        ("The DPA found a breach of Art. 5 (1) f) GDPR.", [("Art. 5 (1) f) GDPR", "law:gdpr")]),
        ("It violated Art. 32 (1) b), (2) GDPR.", [("Art. 32 (1) b), (2) GDPR", "law:gdpr")]),
        ("It breached Articles 6, 13 and 14 of the GDPR.", [("Articles 6, 13 and 14 of the GDPR", "law:gdpr")]),
        ("It breached Art. 5 para. 1 lit. f GDPR.", [("Art. 5 para. 1 lit. f GDPR", "law:gdpr")]),
        ("It breached Art. 14 (1) - (3) of the GDPR.", [("Art. 14 (1) - (3) of the GDPR", "law:gdpr")]),
        ("The SEC cited Section 10(b) of the Exchange Act.",
         [("Section 10(b) of the Exchange Act", "law:exchange-act")]),
        ("Article 5 of the contract was breached, not the GDPR.", [("GDPR", "law:gdpr")]),
        # national data-protection and e-privacy acts the GDPR tracker cites next to the GDPR
        ("The AEPD found a breach of Art. 21 LSSI and Art. 23 LOPDGDD.",
         [("Art. 21 LSSI", "law:lssi-es"), ("Art. 23 LOPDGDD", "law:lopdgdd-es")]),
        ("It violated Art. 11 Law 3471/2006.", [("Art. 11 Law 3471/2006", "law:gr-3471-2006")]),
        ("It breached Section 26 BDSG.", [("Section 26 BDSG", "law:bdsg-de")]),
    ],
)  # fmt: skip
def test_named_provisions_are_laws(
    matcher: tuple[spacy.language.Language, GazetteerMatcher], sentence: str, expected: list[tuple[str, str]]
) -> None:
    nlp, gazetteer_matcher = matcher
    doc = gazetteer_matcher(nlp.make_doc(sentence))
    assert [(ent.text, ent.ent_id_) for ent in doc.ents if ent.label_ == "LAW"] == expected
