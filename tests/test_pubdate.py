"""Publication dates: the --date option, metadata values, leading dates, datelines."""
from __future__ import annotations

import datetime as dt

import pytest

from numcheck.readers import parse_date_option, read_text
from numcheck.readers.pubdate import dateline, leading_date, parse_date_value

D = dt.date


def test_option_single_and_range():
    assert parse_date_option("2023-02-28") == (D(2023, 2, 28), None)
    assert parse_date_option(" 2004-01-01..2005-12-31 ") == (D(2004, 1, 1), D(2005, 12, 31))
    assert parse_date_option("2004-01-01..2004-01-01") == (D(2004, 1, 1), D(2004, 1, 1))


@pytest.mark.parametrize("bad, needle", [
    ("2023-02-30", "out of range"),
    ("yesterday", "YYYY-MM-DD"),
    ("2023-2-3", "YYYY-MM-DD"),
    ("", "YYYY-MM-DD"),
    ("2005-12-31..2004-01-01", "before the start"),
    ("2004-01-01..", "START..END"),
    ("2004-01-01..soon", "YYYY-MM-DD"),
])
def test_option_errors(bad, needle):
    with pytest.raises(ValueError) as exc:
        parse_date_option(bad)
    assert needle in str(exc.value)
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("value, want", [
    ("2020-07-09T05:00:00+00:00", D(2020, 7, 9)),
    ("2020-07-09T23:30:00-05:00", D(2020, 7, 9)),  # local date as written, not UTC
    ("2020-07-10T00:30:00+09:00", D(2020, 7, 10)),
    ("2020-07-09", D(2020, 7, 9)),
    ("2020/07/09", D(2020, 7, 9)),
    ("20200709", D(2020, 7, 9)),
    ("Thu, 09 Jul 2020 05:00:00 GMT", D(2020, 7, 9)),
    ("July 9, 2020", D(2020, 7, 9)),
    ("Sept. 9, 2020", D(2020, 9, 9)),
    ("9 July 2020", D(2020, 7, 9)),
    ("2020-02-30", None),
    ("soon", None),
    ("", None),
])
def test_metadata_values(value, want):
    assert parse_date_value(value) == want


def test_leading_date():
    assert leading_date(" date 2023-12-27 Iran’s") == (D(2023, 12, 27), 17)
    assert leading_date("date 2023-12-27\nText") == (D(2023, 12, 27), 16)
    assert leading_date("Date: 2023-12-27\n\nText")[0] == D(2023, 12, 27)
    assert leading_date("The date 2023-12-27 was") is None
    assert leading_date("date 2023-13-01 x") is None
    assert leading_date("date 2023-12-271 x") is None


@pytest.mark.parametrize("text, want", [
    ("NAIROBI, Aug. 2, 2021 — Kenya's", D(2021, 8, 2)),
    ("NAIROBI, Kenya, Aug. 2, 2021 — Kenya's", D(2021, 8, 2)),
    ("LONDON, March 3, 2021 (Reuters) - Oil", D(2021, 3, 3)),
    ("WASHINGTON (AP) — Sept. 5, 2020 — The", D(2020, 9, 5)),
    ("Aug. 2, 2021 — The", D(2021, 8, 2)),
    ("NEW YORK, 2 August 2021 - Shares", D(2021, 8, 2)),
    ("LONDON, March 3 (Reuters) - Oil", None),  # no year, no date
    ("WASHINGTON (AP) — The Senate voted on Aug. 2, 2021.", None),
    ("May 5, 2020 was a good day.", None),
    ("The U.S. economy grew 2.1% in 2021 - analysts", None),
    # after a headline, a standfirst or a byline
    ("Council backs tax rise\n\nCHELMSFORD, Feb. 28, 2024 — The council", D(2024, 2, 28)),
    ("Jury convicts fund founder\nBy Ann Lee\n\nNEW YORK, November 8, 2023 — A jury", D(2023, 11, 8)),
    # but only near the top: a dateline quoted deep in a story is not this story's
    ("One\n\nTwo.\n\nThree.\n\nFour.\n\nLONDON, March 3, 2022 — x", None),
    ("A headline\n\nThe mayor said on Aug. 2, 2021 — a Monday — that", None),
])
def test_datelines(text, want):
    assert dateline(text) == want


def test_precedence():
    fm = "---\ndate: 2020-01-01\n---\ndate 2021-01-01\n\nLONDON, March 3, 2022 — x.\n"
    doc = read_text(fm, "a.md")
    assert (doc.published, doc.published_from) == (D(2020, 1, 1), "front-matter")
    doc = read_text(fm, "a.md", published=D(2019, 1, 1))
    assert (doc.published, doc.published_from) == (D(2019, 1, 1), "option")
    no_fm = "date 2021-01-01\n\nLONDON, March 3, 2022 — x.\n"
    doc = read_text(no_fm, "a.md")
    assert (doc.published, doc.published_from) == (D(2021, 1, 1), "leading-date")
    assert doc.text.startswith("LONDON")
    doc = read_text("LONDON, March 3, 2022 — x.\n", "a.md")
    assert (doc.published, doc.published_from) == (D(2022, 3, 3), "dateline")
    doc = read_text("---\npublished: 2018-04-05T10:00:00Z\n---\nx 5.\n", "a.md")
    assert (doc.published, doc.published_from) == (D(2018, 4, 5), "front-matter")


def test_a_line_that_is_only_a_full_date_dates_the_story():
    assert dateline("Preview: the season ahead\n\n9 August 2024\n\nThe club ...") == dt.date(2024, 8, 9)
    assert dateline("Headline\nPublished: Aug. 9, 2024 10:30 BST\nBody") == dt.date(2024, 8, 9)
    assert dateline("By Ana Ruiz | Aug. 9, 2024\nBody") == dt.date(2024, 8, 9)
    # a date inside a sentence, or a date with no year, is no date line
    assert dateline("Headline\n\nThe match on 9 August 2024 was won.\n") is None
    assert dateline("Headline\n\n9 August\n\nBody") is None
