"""Case captions of litigation releases (pipeline/events/captions.py)."""

from __future__ import annotations

import pytest

from pipeline.events.captions import CAPTION, LIST_END
from tests.events.test_extractor import events_of_type, role_names, run


@pytest.mark.parametrize(
    ("caption", "plaintiff", "defendants"),
    [
        (
            "Securities and Exchange Commission v. John Gregory Schmidt, No. 3:18-cv-00320-WHR (S.D. Ohio)",
            "Securities and Exchange Commission",
            "John Gregory Schmidt",
        ),
        (
            "SEC v. Nicholas J. Genovese, Willow Creek Investments, LP, and Willow Creek Advisors, LLC, Civil "
            "Action No. 18-cv-942 (JGK)(S.D.N.Y., filed February 2, 2018)",
            "SEC",
            "Nicholas J. Genovese, Willow Creek Investments, LP, and Willow Creek Advisors, LLC",
        ),
        (
            "Securities and Exchange Commission v. Rio Tinto plc, Rio Tinto Limited, Thomas Albanese and Guy "
            "Robert Elliott, 1:17-cv-07994 (S.D.N.Y. filed October 17, 2017)",
            "Securities and Exchange Commission",
            "Rio Tinto plc, Rio Tinto Limited, Thomas Albanese and Guy Robert Elliott",
        ),
    ],
)
def test_caption_parts(caption, plaintiff, defendants):
    match = CAPTION.search(caption)
    assert match is not None
    assert match["plaintiff"] == plaintiff
    listed = match["defendants"]
    stop = LIST_END.search(listed)
    assert listed[: stop.start() if stop else len(listed)] == defendants


@pytest.mark.parametrize(
    ("listed", "kept"),
    [
        ("Joseph A. Rubbo, et al.", "Joseph A. Rubbo"),
        ("Jeffrey O. Friedland, Global Corporate Strategies LLC, Defendants, and Lane 6552 LLC, Relief Defendants",
         "Jeffrey O. Friedland, Global Corporate Strategies LLC"),
    ],
)  # fmt: skip
def test_caption_list_stops_at_et_al_and_relief_defendants(listed, kept):
    stop = LIST_END.search(listed)
    assert stop is not None and listed[: stop.start()] == kept


def test_caption_gives_a_suit_with_every_listed_defendant(extractor):
    text = (
        "Securities and Exchange Commission v. Robert Shapiro, Woodbridge Group of Companies, LLC, and Peter "
        "Jones, Civil Action No. 17-cv-24624 (S.D. Fla., filed December 20, 2017)\n"
        "The Securities and Exchange Commission today announced that it charged Robert Shapiro with fraud."
    )
    record = run(extractor, text, published="2017-12-21")
    suits = events_of_type(record, "LAWSUIT")
    assert suits
    defendants = set().union(*(role_names(record, s, "defendant") for s in suits))
    assert {"Robert Shapiro", "Peter Jones"} <= defendants
    assert not any("Civil Action" in name for name in defendants)


@pytest.mark.parametrize(
    ("text", "suits"),
    [
        # the criminal case's caption names no lawsuit; the SEC's civil action does
        (
            "Securities and Exchange Commission v. Robert W. Murray, No. 1:17-cv-03788 (S.D.N.Y. filed May 19, "
            "2017) United States v. Robert M. Murray, No. 1:17-cr-00452 (S.D.N.Y. filed May 5, 2017)\n"
            "On March 9, 2018, a judge sentenced Robert W. Murray, a defendant in a pending SEC litigation, to "
            "two years imprisonment.",
            {"2017-05-19"},
        ),
    ],
)
def test_criminal_captions_give_no_suit(extractor, text, suits):
    record = run(extractor, text, published="2018-03-22")
    assert {e.date for e in events_of_type(record, "LAWSUIT")} == suits


@pytest.mark.parametrize(
    ("caption", "defendants"),
    [
        ("SEC v. Robert L. Bentley, Entrust Group and Bentley Financial Services, Inc.,\nCiv. Action No. 53-66 "
         "(Eastern District of Pennsylvania)", "Robert L. Bentley, Entrust Group and Bentley Financial Services, Inc."),
        ("SECURITIES AND EXCHANGE COMMISSION v. MILLENNIUM SOFTWARE SOLUTIONS, INC. and MARK SHKOLIR, 97 Civ. 9019 "
         "(S.D.N.Y.)", "MILLENNIUM SOFTWARE SOLUTIONS, INC. and MARK SHKOLIR"),
    ],
)  # fmt: skip
def test_caption_docket_forms(caption, defendants):
    match = CAPTION.search(caption)
    assert match is not None and match["defendants"].rstrip(",") == defendants
