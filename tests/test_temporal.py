"""The temporal extractor: spans, TIMEX3 values and calendar intervals."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.extract.temporal import extract_temporal
from numcheck.segment import segment

D = dt.date


def run(text: str, published: str | None = None, until: str | None = None):
    sents, _ = segment(text)
    return extract_temporal(text, sents, D.fromisoformat(published) if published else None,
                            D.fromisoformat(until) if until else None)


def one(text: str, span: str, published: str | None = "2024-03-15", until: str | None = None):
    """The claim whose text is exactly ``span``."""
    found = [c for c in run(text, published, until) if c.text == span]
    assert found, f"{span!r} not found in {[c.text for c in run(text, published, until)]}"
    return found[0]


def texts(text: str, published: str | None = "2024-03-15") -> list[str]:
    return [c.text for c in run(text, published)]


# -- absolute -------------------------------------------------------------------

@pytest.mark.parametrize("text,span,timex,start,end", [
    ("The filing is dated 2023-12-27.", "2023-12-27", "2023-12-27", "2023-12-27", "2023-12-27"),
    ("It was signed on December 27, 2023, in Paris.", "December 27, 2023", "2023-12-27", "2023-12-27", "2023-12-27"),
    ("It was signed on 27 December 2023 in Paris.", "27 December 2023", "2023-12-27", "2023-12-27", "2023-12-27"),
    ("Prices peaked in January 2020.", "January 2020", "2020-01", "2020-01-01", "2020-01-31"),
    ("Rents rose through the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31"),
    ("The mine closed in 2012 after a strike.", "2012", "2012", "2012-01-01", "2012-12-31"),
    ("Output fell in Q3 2023.", "Q3 2023", "2023-Q3", "2023-07-01", "2023-09-30"),
    ("Output fell in the third quarter of 2022.", "the third quarter of 2022", "2022-Q3", "2022-07-01",
     "2022-09-30"),
    ("Sales in fiscal 2024 were flat.", "fiscal 2024", "2024", "2024-01-01", "2024-12-31"),
    ("He won on Friday, Aug. 8, 2024.", "Friday, Aug. 8, 2024", "2024-08-08", "2024-08-08", "2024-08-08"),
    ("She left on Wednesday, 13 July 2023.", "Wednesday, 13 July 2023", "2023-07-13", "2023-07-13", "2023-07-13"),
    ("The band formed in the late 1970s.", "the late 1970s", "197", "1977-01-01", "1979-12-31"),
    ("The law dates from the 19th century.", "the 19th century", "18", "1800-01-01", "1899-12-31"),
    ("He graduated in May 2010.", "May 2010", "2010-05", "2010-05-01", "2010-05-31"),
])
def test_absolute_dates(text, span, timex, start, end):
    c = one(text, span)
    assert c.kind == "date"
    assert c.timex == timex
    assert c.date_start == D.fromisoformat(start) and c.date_end == D.fromisoformat(end)
    assert not c.relative


def test_absolute_dates_resolve_without_publication_date():
    c = one("He won on Friday, Aug. 8, 2024.", "Friday, Aug. 8, 2024", published=None)
    assert c.date_start == D(2024, 8, 8)
    assert c.extra["weekday"] == "Friday"


def test_year_less_dates_take_the_publication_year():
    c = one("The vote was held on Oct. 7, officials said.", "Oct. 7", published="2023-10-20")
    assert c.timex == "2023-10-07" and c.relative


def test_year_less_december_date_in_january_article_is_last_years():
    c = one("The fire broke out on Dec. 30 and burned for days.", "Dec. 30", published="2024-01-02")
    assert c.date_start == D(2023, 12, 30)


def test_year_less_january_date_in_december_article_with_future_tense_is_next_years():
    c = one("The new rules will take effect on Jan. 4.", "Jan. 4", published="2023-12-20")
    assert c.date_start == D(2024, 1, 4)


def test_year_less_date_takes_the_year_of_a_full_date_in_the_sentence():
    c = one("Talks ran from Dec. 3 to Dec. 5, 2019, in Madrid.", "Dec. 3", published="2024-03-01")
    assert c.date_start == D(2019, 12, 3)
    assert not c.relative


def test_two_digit_years_and_apostrophe_decades():
    assert one("He joined in the class of '98.", "'98").timex == "1998"
    assert one("Music from the '80s is back.", "the '80s").timex == "198"


def test_year_ranges_give_both_years():
    cs = run("The pandemic of 2009-2010 killed thousands.", "2013-03-22")
    assert [c.timex for c in cs] == ["2009", "2010"]
    cs = run("The expedition of 1957-58 crossed the ice.", "2013-03-22")
    assert [c.timex for c in cs] == ["1957", "1958"]


def test_invalid_dates_are_found_and_flagged():
    c = one("The permit was granted on Feb. 29, 2023.", "Feb. 29, 2023")
    assert "leap" in c.extra["invalid"]
    c = one("The deal closed on April 31, 2022.", "April 31, 2022")
    assert "30 days" in c.extra["invalid"]
    c = one("The file is dated 2023-13-02.", "2023-13-02")
    assert "month 13" in c.extra["invalid"]
    assert "invalid" not in one("The permit was granted on Feb. 29, 2024.", "Feb. 29, 2024").extra


# -- relative -------------------------------------------------------------------

PUB = "2024-03-15"  # a Friday


@pytest.mark.parametrize("text,span,timex,start,end", [
    ("The minister resigned yesterday.", "yesterday", "2024-03-14", "2024-03-14", "2024-03-14"),
    ("The minister resigns today.", "today", "2024-03-15", "2024-03-15", "2024-03-15"),
    ("The ministry said this week that it would act.", "this week", "2024-W11", "2024-03-11", "2024-03-17"),
    ("Prices rose last month.", "last month", "2024-02", "2024-02-01", "2024-02-29"),
    ("Prices will rise next year.", "next year", "2025", "2025-01-01", "2025-12-31"),
    ("The plant closed two years ago.", "two years ago", "2022", "2022-01-01", "2022-12-31"),
    ("The plant closed last summer.", "last summer", "2023-SU", "2023-06-01", "2023-08-31"),
    ("Output fell this year.", "this year", "2024", "2024-01-01", "2024-12-31"),
    ("Shares have risen since mid-2020.", "mid-2020", "2020", "2020-05-01", "2020-08-31"),
])
def test_relative_dates(text, span, timex, start, end):
    c = one(text, span, published=PUB)
    assert c.timex == timex
    assert (c.date_start, c.date_end) == (D.fromisoformat(start), D.fromisoformat(end))


def test_bare_weekday_past_tense_is_the_latest_one():
    c = one("The company said on Tuesday that profits fell.", "Tuesday", published=PUB)
    assert c.date_start == D(2024, 3, 12)
    assert c.date_start.weekday() == 1


def test_bare_weekday_future_tense_is_the_next_one():
    c = one("The company will report its results on Tuesday.", "Tuesday", published=PUB)
    assert c.date_start == D(2024, 3, 19)


def test_bare_weekday_same_day_in_past_tense():
    c = one("The CDC said Friday that cases fell.", "Friday", published=PUB)
    assert c.date_start == D(2024, 3, 15)


def test_bare_month_past_tense_is_the_nearest_past_one():
    assert one("Exports fell in September.", "September", published=PUB).timex == "2023-09"
    assert one("Exports will rise in September.", "September", published=PUB).timex == "2024-09"


def test_late_and_early_months():
    c = one("Exports fell in late October.", "late October", published=PUB)
    assert c.timex == "2023-10" and c.extra["mod"] == "END"
    assert c.date_start > D(2023, 10, 15) and c.date_end == D(2023, 10, 31)
    c = one("Exports fell in early August.", "early August", published=PUB)
    assert c.date_start == D(2023, 8, 1) and c.date_end < D(2023, 8, 15)


def test_the_past_several_months_is_a_vague_duration():
    c = one("Prices have risen over the past several months.", "the past several months", published=PUB)
    assert c.kind == "duration" and c.timex == "PXM"


def test_no_publication_date_leaves_relative_dates_unresolved():
    for text, span in [("The minister resigned yesterday.", "yesterday"), ("Prices rose last month.", "last month"),
                       ("The firm said on Tuesday it would cut jobs.", "Tuesday"),
                       ("The vote was held on Oct. 7.", "Oct. 7")]:
        c = one(text, span, published=None)
        assert c.relative
        assert c.date_start is None and c.date_end is None
    assert one("The vote was held on Oct. 7.", "Oct. 7", published=None).timex == "XXXX-10-07"


def test_publication_range_spans_every_reading():
    c = one("The minister resigned yesterday.", "yesterday", published="2004-01-01", until="2004-12-31")
    assert c.date_start == D(2003, 12, 31) and c.date_end == D(2004, 12, 30)
    assert c.timex is None or c.timex == "PAST_REF"
    assert c.extra["anchor_range"] == ("2004-01-01", "2004-12-31")
    c = one("Prices rose last year.", "last year", published="2005-02-01", until="2005-11-30")
    assert c.timex == "2004"


def test_publication_date_far_in_the_past_or_future_does_not_break():
    for pub in ("0001-01-02", "9999-12-30"):
        cs = run("Yesterday, two years ago, last month, next year and on Tuesday, Dec. 30, things happened.", pub)
        assert cs


# -- durations, ages, times, sets -----------------------------------------------

@pytest.mark.parametrize("text,span,timex", [
    ("The siege lasted seven years.", "seven years", "P7Y"),
    ("It was the worst storm in a decade.", "a decade", "P10Y"),
    ("Patients waited more than 18 weeks.", "more than 18 weeks", "P18W"),
    ("Patients waited 18 weeks.", "18 weeks", "P18W"),
    ("The flight took two hours.", "two hours", "PT2H"),
    ("A five-year study of 2,000 patients.", "five-year", "P5Y"),
    ("Talks lasted several days.", "several days", "PXD"),
])
def test_durations(text, span, timex):
    c = one(text, span)
    assert c.kind == "duration" and c.timex == timex


def test_duration_anchored_on_a_date():
    c = one("The strike began three days after July 14, 2023.", "three days", published="2023-08-01")
    assert c.extra["relation"] == "after"
    assert c.extra["resolved"] == "2023-07-17"
    c = one("The firm was founded in 2009, a decade before the 2019 merger.", "a decade", published="2023-08-01")
    assert c.extra["relation"] == "before" and c.extra["resolved"] == "2009"


@pytest.mark.parametrize("text,span,age", [
    ("A 52-year-old man was arrested.", "52-year-old", 52),
    ("Maria Reyes, 52, said the mine was safe.", "52", 52),
    ("She joined the firm at the age of 31.", "at the age of 31", 31),
    ("He died aged 89 in his home.", "aged 89", 89),
])
def test_ages(text, span, age):
    c = one(text, span)
    assert c.kind == "duration"
    assert c.extra["age"] == age
    assert c.timex == f"P{age}Y"


def test_ages_record_the_person():
    assert one("Maria Reyes, 52, said the mine was safe.", "52").extra["person"] == "Reyes"


def test_clock_times_and_sets():
    c = one("The match was postponed until 15:00 GMT Saturday.", "15:00 GMT Saturday", published="2013-03-22")
    assert c.kind == "time"
    assert c.timex == "2013-03-23T15:00"
    c = one("The council meets every week.", "every week")
    assert c.kind == "set"
    c = one("The shop opens at 9 a.m.", "9 a.m.")
    assert c.kind == "time" and c.timex.endswith("T09")


# -- not dates ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The tickets cost $50 each.",
    "We said it would work.",
    "Gen. Smith said the troops may stay.",
    "They sat down and talked.",
    "Covid-19 cases fell 45% to 2000 people.",
    "The Boeing 737 landed safely.",
    "The Reds won 3-1 at home.",
    "The firm employs 1500 workers.",
    "May I ask a question?",
    "Sales rose 2.5% to 1,995 units.",
])
def test_not_dates(text):
    assert texts(text) == []


def test_may_the_month_with_a_cue():
    assert one("The law passed in May.", "May").timex == "2023-05"
    assert texts("Officials may decide in June.") == ["June"]


# -- robustness -----------------------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("0123456789 ,.-'$%aAdDeFJMnorTuy\n") +
                                ["May ", "Dec. ", "Friday, ", "2023", " ago", " years", "the ",
                                 "last ", "since ", "Feb. 29", "-year-old", ", 52,"]), max_size=40).map("".join),
       st.one_of(st.none(), st.dates()))
def test_never_raises(text, pub):
    for c in run(text, pub.isoformat() if pub else None):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        if c.date_start is not None:
            assert c.date_end is not None and c.date_start <= c.date_end


def test_linear_time_on_hostile_input():
    base = "May " * 2000 + "1" * 5000 + " - " * 2000 + "the the the " * 1000
    t0 = time.process_time()
    run(base, "2024-01-01")
    small = time.process_time() - t0
    t0 = time.process_time()
    run(base * 4, "2024-01-01")
    big = time.process_time() - t0
    assert big < max(small * 12, 0.5)


def test_bare_month_takes_a_year_written_just_after_it():
    c = one("She recalled that cold February morning in 1987 when the mine shut.", "February", published=PUB)
    assert c.timex == "1987-02" and not c.relative


def test_frequencies_and_approximate_counts():
    c = one("The program serves 40 million people a year.", "a year")
    assert c.kind == "set"
    assert texts("The 2000 or so residents live nearby.") == []
    assert one("The plant closed a year ago.", "a year ago").kind == "date"


def test_military_times_are_not_years():
    c = one("Polls close at 10 a.m. ET (1400 GMT) on Friday.", "1400 GMT")
    assert c.kind == "time" and c.timex.endswith("T14:00")
    assert "2030 GMT" not in texts("Talks resume at 2030 GMT.") or one("Talks resume at 2030 GMT.", "2030 GMT").kind == "time"


def test_names_that_look_like_dates():
    assert texts("She spoke to April Ryan about the bill.") == []
    assert texts("The Sunday Times reported the story.") == []
    assert texts("Singer June Carter performed.") == []
    assert one("In June President Lopez signed the bill.", "June").timex == "2023-06"


def test_numeric_dates():
    assert one("The form is dated 7/14/2020.", "7/14/2020").timex == "2020-07-14"
    assert one("The form is dated 14/7/2020.", "14/7/2020").timex == "2020-07-14"
    assert one("Das Formular ist vom 14.07.2020.", "14.07.2020").timex == "2020-07-14"
    assert "month" in one("The form is dated 13/25/2020.", "13/25/2020").extra["invalid"]
    assert "month 13" in one("The form is dated 2020-13-25.", "2020-13-25").extra["invalid"]
    assert texts("Odds of 3/1 and a ratio of 1.5.") == []


def test_seasons_with_years_and_holidays():
    c = one("The plant opened in the spring of 2010.", "the spring of 2010")
    assert c.timex == "2010-SP" and c.date_start == D(2010, 3, 1) and c.date_end == D(2010, 5, 31)
    assert one("Sales slumped in summer 2012.", "summer 2012").timex == "2012-SU"
    c = one("The shop was busy on Christmas Eve, staff said.", "Christmas Eve", published="2024-01-03")
    assert c.date_start == D(2023, 12, 24) and c.relative
    assert one("The fire started on New Year's Day 2019.", "New Year's Day 2019").timex == "2019-01-01"


def test_duration_anchor_must_follow_the_relation_word():
    c = one("Early voting began on Oct. 24, two weeks before election day, and ended on Nov. 7.", "two weeks",
            published="2022-11-09")
    assert "anchor" not in c.extra
    c = one("Voting began two weeks before the Nov. 8 election.", "two weeks", published="2022-11-09")
    assert c.extra["resolved"] == "2022-10-25"


def test_year_less_date_takes_the_year_of_a_month_in_the_sentence():
    c = one("Rates were cut in March 2020, before the lockdown began on 23 March.", "23 March", published="2021-06-18")
    assert c.date_start == D(2020, 3, 23)


def test_financial_year_ranges_are_one_span():
    c = one("The trust set aside £8m in its budget for 2023-24, the board said.", "2023-24", "2023-06-01")
    assert (c.date_start, c.date_end) == (D(2023, 1, 1), D(2024, 12, 31))
    assert c.extra["fiscal_years"] == (2023, 2024)
    c = one("Ticket sales for the 2022/23 season rose.", "2022/23", "2023-06-01")
    assert c.extra.get("fiscal")
    c = one("Revenue in FY2021-22 fell by a tenth.", "FY2021-22", "2023-06-01")
    assert (c.date_start.year, c.date_end.year) == (2021, 2022)
    # no financial word: a range of two years, as before
    assert [c.text for c in run("The survey of 1962-63 mapped the coast.", "2023-06-01")] == ["1962", "63"]


@pytest.mark.parametrize("text, published, timex", [
    # "since" points back: the last such day before publication
    ("The reservoir has had 190 mm of rain since Aug. 1, the water board said.", "2024-03-12", "2023-08-01"),
    ("The reservoir has had 190 mm of rain since Feb. 1, the water board said.", "2024-03-12", "2024-02-01"),
    ("The reservoir has had 190 mm of rain since Dec. 1, the water board said.", "2024-01-12", "2023-12-01"),
])
def test_since_a_yearless_date_points_back(text, published, timex):
    [c] = [c for c in run(text, published) if c.kind == "date"]
    assert c.timex == timex


def test_a_point_of_comparison_lends_no_year():
    import numcheck
    text = ("Demand peaked on Wednesday, Aug. 9, the highest since June 30, 2015, when it reached "
            "40,726 MW, the grid operator said.")
    dates = {c.text: c.timex for c in numcheck.extract(text, published="2023-08-10").claims if c.kind == "date"}
    assert dates["Wednesday, Aug. 9"] == "2023-08-09"
    assert "TIM001" not in [f.code for f in numcheck.check(text, published="2023-08-10").findings]
    # a list still shares its year
    dates = {c.text: c.timex for c in numcheck.extract("Talks were held on Sept. 3 and Oct. 7, 2021.",
                                                       published="2023-08-10").claims if c.kind == "date"}
    assert dates["Sept. 3"] == "2021-09-03"
