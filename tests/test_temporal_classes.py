"""Expression classes added after scoring on the hand-annotated set in fixtures/timex."""
import datetime as dt

from numcheck.extract.temporal import extract_temporal
from numcheck.segment import segment


def _claims(text, published):
    sentences, _ = segment(text)
    return extract_temporal(text, sentences, dt.date.fromisoformat(published), None)


def _timex(text, published, surface):
    for c in _claims(text, published):
        if surface in c.text:
            return c.timex
    raise AssertionError(f"{surface!r} not found in {[c.text for c in _claims(text, published)]}")


def test_the_weekend_past_is_the_latest_one():
    # Thursday 2020-10-15; the weekend before is 10-10/11, ISO week 41
    assert _timex("Vandals damaged the chapel over the weekend, police said.", "2020-10-15", "weekend") == "2020-W41-WE"


def test_the_weekend_future_is_the_coming_one():
    # Tuesday 2021-03-09 (ISO week 10): the coming weekend is 03-13/14
    assert _timex("The market will reopen after the weekend.", "2021-03-09", "weekend") == "2021-W10-WE"


def test_midday_is_noon_on_the_publication_day():
    assert _timex("Shares slipped 2 percent by midday.", "2019-08-06", "midday") == "2019-08-06T12:00"


def test_clock_time_takes_the_day_of_its_sentence():
    text = "The ferry left on Monday at dawn and docked at 6:15 p.m. that Monday."
    assert _timex("Polls close on Thursday, and counting begins at 9 p.m.", "2017-06-05", "9 p.m.") == "2017-06-08T21"
    assert "T18:15" in _timex(text, "2016-05-11", "6:15")


def test_clock_time_without_a_day_falls_on_the_publication_day():
    c = [c for c in _claims("The bridge reopened at 4 a.m. after repairs.", "2018-02-14") if "4 a.m." in c.text][0]
    assert c.timex == "2018-02-14T04"
    assert c.date_start is None  # the interval is not invented


def test_rest_of_the_year():
    assert _timex("The firm expects weak demand for the rest of the year.", "2020-05-20", "rest") == "2020"


def test_future_quarter_is_the_coming_one():
    assert _timex("Deliveries could slow in the fourth quarter.", "2016-08-10", "quarter") == "2016-Q4"
    assert _timex("Deliveries slowed in the fourth quarter.", "2016-02-10", "quarter") == "2015-Q4"


def test_gates_admit_the_new_expressions():
    # the same text with and without surrounding words: gates must not drop the new classes
    for text, word in [("They met over The weekend.", "weekend"), ("Trading resumed at Midday.", "Midday"),
                       ("Prices will stay high for the remainder of the month.", "remainder")]:
        got = [c.text for c in _claims(text, "2022-01-12")]
        assert any(word in g for g in got), (text, got)
