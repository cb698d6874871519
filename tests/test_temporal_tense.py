"""The clause tense reading used to resolve bare weekdays and months and by TIM003."""
from __future__ import annotations

import pytest

from numcheck.tense import past_marker_near, tense_at


def at(sentence: str, span: str) -> str | None:
    i = sentence.index(span)
    return tense_at(sentence, i, i + len(span))


@pytest.mark.parametrize("sentence,span,tense", [
    ("The duty, which took effect on July 14, will be reviewed.", "July 14", "past"),
    ("The duty, which will take effect on July 14, was announced.", "July 14", "future"),
    ("The plant is expected to open in March.", "March", "future"),
    ("The company plans to list its shares in May.", "May", "future"),
    ("He said the smelter would open in March 2025.", "March 2025", "future"),
    ("The match has been postponed until Saturday.", "Saturday", "present"),
    ("On Tuesday, the ministry announced new rules.", "Tuesday", "past"),
    ("Voting closes on Monday, officials said.", "Monday", "present"),
    ("Prices had risen by June.", "June", "past"),
])
def test_tense_at(sentence, span, tense):
    assert at(sentence, span) == tense


def test_reporting_verb_in_another_clause_does_not_date_the_event():
    s = "The new bridge opens to traffic on Friday, the council said."
    assert at(s, "Friday") != "past"


def test_adjectival_participles_are_not_past_tense():
    s = "Tickets are on sale for the long-awaited concert on April 12."
    i = s.index("April 12")
    assert not past_marker_near(s, i, i + 8)


def test_past_marker_must_be_close():
    s = "Tickets went on sale in November for a gala dinner and concert at the old town hall on April 12."
    i = s.index("April 12")
    assert not past_marker_near(s, i, i + 8)
    s = "The suspect was arrested on April 12."
    i = s.index("April 12")
    assert past_marker_near(s, i, i + 8)


def test_expected_without_to_is_future():
    assert at("Results are still being counted, and a final tally is expected by Friday.", "Friday") == "future"


def test_a_forecast_after_a_determiner_is_a_noun():
    from numcheck.tense import tense_at
    t = "The company raised its full-year profit forecast on Thursday after strong demand."
    at = t.index("Thursday")
    assert tense_at(t, at, at + 8) == "past"
    t = "The bridge is expected in 2026."
    assert tense_at(t, t.index("2026"), t.index("2026") + 4) == "future"
