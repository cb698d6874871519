"""TIM001-TIM006: each rule fires on realistic sentences and stays quiet on their correct twins."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import numcheck
from numcheck import rules

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "fixtures-dev"


def tim(text: str, published: str | None = None, until: str | None = None) -> list:
    if until:
        from numcheck.config import DEFAULT
        from numcheck.engine import check_document
        from numcheck.readers import read_text
        doc = read_text(text, published=dt.date.fromisoformat(published), published_until=dt.date.fromisoformat(until))
        res = check_document(doc, DEFAULT)
    else:
        res = numcheck.check(text, published=published)
    return [loc for loc in res.findings if loc.code.startswith("TIM")]


def codes(text: str, published: str | None = None, until: str | None = None) -> list[str]:
    return [loc.code for loc in tim(text, published, until)]


def messages(text: str, code: str, published: str | None = None) -> list[str]:
    return [loc.finding.message for loc in tim(text, published) if loc.code == code]


# -- registry and examples ------------------------------------------------------

def _tim_rules():
    return [r for r in rules.all_rules() if r.code.startswith("TIM")]


def test_all_six_rules_registered_with_examples():
    got = {r.code: r for r in _tim_rules()}
    assert sorted(got) == [f"TIM00{i}" for i in range(1, 7)]
    sev = {"TIM001": "error", "TIM002": "error", "TIM003": "warning", "TIM004": "error", "TIM005": "error",
           "TIM006": "warning"}
    for code, r in got.items():
        assert r.severity == sev[code]
        assert r.fires and r.quiet and r.description


@pytest.mark.parametrize("rule_code,kind,example", [
    (r.code, kind, ex) for r in rules.all_rules() if r.code.startswith("TIM")
    for kind, exs in (("fires", r.fires), ("quiet", r.quiet)) for ex in exs
])
def test_rule_examples(rule_code, kind, example):
    got = [loc.code for loc in numcheck.check(example).findings]
    assert (rule_code in got) == (kind == "fires"), got


# -- TIM001 ---------------------------------------------------------------------

def test_tim001_weekday_checked_with_the_calendar():
    # 4 July 2026 falls on a Saturday (checked independently below)
    assert dt.date(2026, 7, 4).weekday() == 5
    assert codes("The parade was held on Friday, July 4, 2026, city officials said.", "2026-07-10") == ["TIM001"]
    assert codes("The parade was held on Saturday, July 4, 2026, city officials said.", "2026-07-10") == []
    msg = messages("The parade was held on Friday, July 4, 2026.", "TIM001", "2026-07-10")[0]
    assert "Saturday" in msg and "Friday" in msg and "July 4, 2026" in msg


def test_tim001_without_publication_date_still_checks_full_dates():
    assert dt.date(2019, 3, 3).weekday() == 6 and dt.date(2024, 3, 3).weekday() == 6
    assert "TIM001" in codes("The vote took place on Monday, 3 March 2019.")
    assert "TIM001" not in codes("The vote took place on Sunday, 3 March 2019.")
    assert "TIM001" in codes("The vote took place on Monday, 3 March 2024.")


def test_tim001_year_less_date_uses_publication_year():
    assert "TIM001" in codes("Markets closed on Monday, Jan. 2 for the holiday.", "2024-01-05")
    assert "TIM001" not in codes("Markets closed on Tuesday, Jan. 2 for the holiday.", "2024-01-05")


def test_tim001_quiet_for_weekday_alone():
    assert codes("Markets closed on Monday for the holiday.", "2024-01-05") == []


# -- TIM002 ---------------------------------------------------------------------

def test_tim002_leap_years():
    assert "TIM002" in codes("The treaty was signed on 29 February 1900.")  # 1900 was not a leap year
    assert "TIM002" not in codes("The treaty was signed on 29 February 2000.")
    assert "TIM002" in codes("The treaty was signed on Feb. 30, 2012.")


def test_tim002_year_less_feb_29_in_common_year():
    assert "TIM002" in codes("The deadline passed on Feb. 29, officials said.", "2023-03-10")
    assert "TIM002" not in codes("The deadline passed on Feb. 29, officials said.", "2024-03-10")


def test_tim002_iso_day_zero():
    assert "TIM002" in codes("The log entry reads 2021-06-00.")


# -- TIM003 ---------------------------------------------------------------------

def test_tim003_past_tense_event_after_publication():
    assert codes("The ship sank on Nov. 21, 2025, the coastguard said.", "2025-11-03") == ["TIM003"]


def test_tim003_quiet_for_future_and_conditional():
    for text in ("The ship is expected to dock on Nov. 21, 2025, the coastguard said.",
                 "The ship will dock on Nov. 21, 2025.",
                 "The company plans to launch the ship on Nov. 21, 2025.",
                 "The ship would dock on Nov. 21, 2025, if the weather holds."):
        assert codes(text, "2025-11-03") == [], text


def test_tim003_quiet_before_publication_and_for_postponements():
    assert codes("The ship sank on Oct. 21, 2025, the coastguard said.", "2025-11-03") == []
    assert codes("The hearing was adjourned until Nov. 21, 2025.", "2025-11-03") == []


def test_tim003_with_date_range_needs_date_after_range_end():
    text = "The ship sank on Nov. 21, 2025, the coastguard said."
    assert codes(text, "2025-11-01", until="2025-12-31") == []
    assert codes(text, "2025-10-01", until="2025-11-10") == ["TIM003"]


def test_tim003_quiet_without_publication_date():
    assert codes("The ship sank on Nov. 21, 2025, the coastguard said.") == []


# -- TIM004 ---------------------------------------------------------------------

def test_tim004_ago_against_stated_year():
    assert codes("The factory was built twelve years ago, in 1998, by the state.", "2021-05-05") == ["TIM004"]
    assert codes("The factory was built twelve years ago, in 2009, by the state.", "2021-05-05") == []
    # years agree within +-1
    assert codes("The factory was built twelve years ago, in 2010, by the state.", "2021-05-05") == []
    msg = messages("The factory was built twelve years ago, in 1998, by the state.", "TIM004", "2021-05-05")[0]
    assert "2009" in msg and "1998" in msg


def test_tim004_span_after_an_anchor():
    assert "TIM004" in codes("In 2020, three decades after the 1975 election, the party split.", "2024-01-01")
    assert "TIM004" not in codes("In 2005, three decades after the 1975 election, the party split.", "2024-01-01")


def test_tim004_days_after_must_be_exact():
    t = "Rescuers reached the village on June 9, 2022, two days after the quake struck on June 6, 2022."
    assert "TIM004" in codes(t, "2022-06-20")
    assert "TIM004" not in codes(t.replace("June 9", "June 8"), "2022-06-20")


def test_tim004_ages():
    t = "Okafor, 61, who founded the bank in 1990 at the age of 28, will step down."
    # 28 + (2023 - 1990) = 61; 28 + (2024 - 1990) = 62, within a year of 61; 55 agrees with neither
    assert "TIM004" not in codes(t, "2024-02-01")
    assert "TIM004" not in codes(t, "2023-02-01")
    assert "TIM004" in codes(t.replace("61", "55"), "2023-02-01")
    msg = messages(t.replace("61", "55"), "TIM004", "2023-02-01")[0]
    assert "61" in msg and "55" in msg


def test_tim004_span_told_as_finished_before_it_ends():
    t = "A ten-year survey of the reef begun in 2020 found that coral cover had halved."
    assert codes(t, "2024-09-01") == ["TIM004"]
    assert codes(t.replace("2020", "2014"), "2024-09-01") == []
    assert codes("A ten-year survey of the reef begun in 2020 will report in 2030.", "2024-09-01") == []


def test_tim004_since():
    assert "TIM004" in codes("She has run the charity for seven years, since 2010.", "2024-04-01")
    assert "TIM004" not in codes("She has run the charity for fourteen years, since 2010.", "2024-04-01")


def test_tim004_quiet_without_endpoints():
    assert codes("The project took three years and cost the city dearly.", "2024-04-01") == []


# -- TIM005 ---------------------------------------------------------------------

def test_tim005_wrong_order():
    assert "TIM005" in codes("The museum reopened in 2016, following the 2018 renovation.", "2024-01-01")
    assert "TIM005" in codes("Prices peaked in August 2022, leading up to the July 2022 election.", "2024-01-01")
    assert "TIM005" in codes("Before the March 2021 vote, turnout fell in April 2021.", "2024-01-01")


def test_tim005_right_order_and_overlap_are_quiet():
    assert codes("The museum reopened in 2019, following the 2018 renovation.", "2024-01-01") == []
    assert codes("Prices peaked in June 2022, leading up to the July 2022 election.", "2024-01-01") == []
    assert codes("The museum reopened in 2018, following the March 2018 renovation.", "2024-01-01") == []


def test_tim005_quiet_when_other_date_is_in_another_clause():
    t = "Diaz, who took office in 2015, has cut spending since 2019."
    assert codes(t, "2024-01-01") == []


# -- TIM006 ---------------------------------------------------------------------

def test_tim006_once_per_document_at_first_with_count():
    text = "The council met on Tuesday.\n\nIt said last week that rates would rise next year."
    found = [loc for loc in tim(text) if loc.code == "TIM006"]
    assert len(found) == 1
    assert found[0].line == 1 and found[0].text == "Tuesday"
    assert "3 relative dates" in found[0].finding.message


def test_tim006_quiet_with_date_or_only_absolute_dates():
    assert codes("The council met on Tuesday.", "2024-01-05") == []
    assert codes("The council met on 4 January 2024.") == []


# -- fixtures -------------------------------------------------------------------

def _expected(folder: Path) -> dict:
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _check_folder(folder: Path) -> None:
    from numcheck.engine import check_document
    from numcheck.readers import read_path

    for name, exp in _expected(folder).items():
        res = check_document(read_path(str(folder / name)))
        got = {(loc.line, loc.code) for loc in res.findings if loc.code.startswith("TIM")}
        want = [(e["line"], set(e["codes"])) for e in exp if any(c.startswith("TIM") for c in e["codes"])]
        for line, cs in want:
            assert any((line, c) in got for c in cs), f"{name}:{line} expected one of {cs}, got {sorted(got)}"
        allowed = {(line, c) for line, cs in want for c in cs}
        extra = got - allowed
        assert not extra, f"{name}: unexpected {sorted(extra)}"


def test_timeline_fixtures():
    _check_folder(ROOT / "fixtures" / "timeline")


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev fixtures not present")
def test_dev_fixtures_tim_findings():
    _check_folder(DEV)


def test_tim003_quiet_when_the_date_belongs_to_a_noun_or_another_clause():
    assert codes("Tickets went on sale in November for the long-awaited concert on April 12.", "2024-03-04") == []
    assert codes("The law, passed in 2019, takes effect in 2025.", "2024-03-04") == []


@pytest.mark.parametrize("pub,text", [
    ("2024-03-04", "The bill funds the government through Sept. 30, lawmakers said."),
    ("2024-03-04", "The company said it had agreed to repay the loan by June 2025."),
    ("2024-03-04", "The company was due to report results on March 12."),
    ("2024-03-04", "The ban was extended to Dec. 31, the ministry said."),
    ("2024-03-04", "Prices in 2023 were lower than before the 2008 crisis."),
    ("2024-03-04", "The firm, founded in 1990, was sold in 2015 after the 2008 crash hit its lenders."),
    ("2024-03-04", "Before joining the firm in 2015, she worked at the bank from 2009 to 2014."),
    ("2024-03-04", "The rocket launched on Feb. 29, two days after a scrubbed attempt on Feb. 27."),
    ("2024-03-04", "Jones, 58, joined the firm in 1995, at 29, and became chief executive in 2010."),
    ("2024-03-04", "It was the first time in 20 years, since 2004, that the party lost the seat."),
    ("2024-01-02", "Police said the shooting happened on Dec. 30 at a bar downtown."),
    ("2024-12-28", "The law comes into force on Jan. 1."),
])
def test_correct_news_sentences_are_quiet(pub, text):
    assert codes(text, pub) == []


def test_tim004_later_across_sentences():
    text = "The firm was founded in 1990. Ten years later, in {}, it listed its shares."
    assert "TIM004" in codes(text.format(2005), "2024-03-04")
    assert "TIM004" not in codes(text.format(2000), "2024-03-04")
    msg = messages(text.format(2005), "TIM004", "2024-03-04")[0]
    assert msg.startswith("ten years after 1990") and "2000" in msg and "2005" in msg


def test_tim004_neighbouring_years_are_not_within_tolerance_twice():
    # five years after 1991 is 1996; 1997 is within a year, 1998 is not
    assert "TIM004" not in codes("The mill shut in 1997, five years after the 1991 strike.", "2024-03-04")
    assert "TIM004" in codes("The mill shut in 1998, five years after the 1991 strike.", "2024-03-04")


def test_tim004_born_in_year_against_stated_age():
    assert "TIM004" in codes("Lee, 38, born in 1975, is the youngest minister.", "2024-03-04")
    assert "TIM004" not in codes("Lee, 48, born in 1975, is the youngest minister.", "2024-03-04")


def test_tim004_year_old_with_age_at_a_date():
    t = "The 40-year-old, who won her first title in 2004 at the age of 19, retired on Monday."
    # 19 + (2024 - 2004) = 39: within a year of 40
    assert "TIM004" not in codes(t, "2024-05-01")
    assert "TIM004" in codes(t.replace("40-year-old", "50-year-old"), "2024-05-01")
    msg = messages(t.replace("40-year-old", "50-year-old"), "TIM004", "2024-05-01")[0]
    assert "the 50-year-old" in msg and "39" in msg


def test_tim003_financial_year_and_a_day_already_past_in_the_clause():
    # the vote was on Monday; the spending plan is for a later period
    assert codes("date 2023-03-01\nThe trust approved spending of £96.1m for 2023-24 on Monday, its chair said.") == []
    assert codes("date 2023-03-01\nThe trust approved its 2025 spending plan on Monday, its chair said.") == []
    # nearby firing twin: no past day in the clause, the plan told as done
    assert codes("date 2023-03-01\nThe trust completed its new wing in 2025, its chair said.") == ["TIM003"]


def test_tim003_future_without_an_auxiliary():
    quiet = [
        "The utility said it had hired Kessler to build a new water plant, to be completed in 2027.",
        "The carrier ordered 14 jets, due to arrive in 2026, a spokesperson said.",
        "Talks ended with a deal, set to take effect in 2026, the union said.",
        "The museum closed its east wing for repairs scheduled for 2026.",
    ]
    for text in quiet:
        assert codes("date 2024-09-10\n" + text) == [], text
    assert codes("date 2024-09-10\nThe utility said the new water plant was completed in 2026.") == ["TIM003"]
    # "due to" as "because of" does not make the clause future
    assert codes("date 2024-09-10\nThe match was called off due to the storm on Sept. 14.") == ["TIM003"]


def test_tim005_dates_in_another_clause_are_not_joined():
    quiet = [
        "date 2024-05-02\nThe mill closed in 1931; the trust has owned the site since 1975, she said.",
        "date 2024-05-02\nThe club was founded in 1904, and the family has run it since 1962.",
        "date 2024-05-02\nThe theatre reopened in 2011 — the council had leased it since 1998.",
    ]
    for text in quiet:
        assert codes(text) == [], text
    assert codes("date 2024-05-02\nThe mill closed in 1931, after the 1975 fire.") == ["TIM005"]


def test_tim001_weekday_with_the_date_in_brackets():
    d = dt.date(2023, 5, 11)
    right, wrong = d.strftime("%A"), (d + dt.timedelta(days=2)).strftime("%A")
    assert codes(f"date 2023-05-20\nThe council voted on {wrong} (May 11) to close the pool.") == ["TIM001"]
    assert codes(f"date 2023-05-20\nThe council voted on {right} (May 11) to close the pool.") == []
    assert codes(f"date 2023-05-20\nThe council voted on {wrong} (11 May) to close the pool.") == ["TIM001"]


def test_tim005_ordering_word_with_a_longer_noun_phrase_before_its_date():
    assert codes("date 2024-05-02\nThe bank hired him in March 2021, after his spell as an adviser "
                 "to the ministry in 2022.") == ["TIM005"]
    assert codes("date 2024-05-02\nThe bank hired him in March 2023, after his spell as an adviser "
                 "to the ministry in 2022.") == []
    # a verb between the word and the date: the date belongs to another event
    assert codes("date 2024-05-02\nThe bank hired him in March 2021, after the adviser who "
                 "was appointed in 2022 quit.") == []


def test_tim003_past_verb_separated_by_its_agent_and_place():
    assert codes("date 2022-04-04\nThe agreement was signed by the prime ministers of both countries "
                 "in Oslo on April 21.") == ["TIM003"]
    assert codes("date 2022-04-04\nThe agreement will be signed by the prime ministers of both countries "
                 "in Oslo on April 21.") == []
    # an active verb's object carries its own date: the budget is on that day, not the confirming
    assert codes("date 2022-04-04\nThe chancellor confirmed a cut in fuel duty in the spring "
                 "budget on April 21, officials said.") == []
    # "for" starts a phrase of its own: the date belongs to the concert, not to the sale
    assert codes("date 2022-04-04\nTickets went on sale at the box office last month for the "
                 "orchestra's final concert on April 21.") == []


def test_tim004_span_said_to_have_ended_on_another_date():
    pub = "date 2024-02-12\n"
    assert codes(pub + "The three-year lease the club signed with the council in 2019 ran out in 2020, "
                       "the club said.") == ["TIM004"]
    assert codes(pub + "The three-year lease the club signed with the council in 2019 ran out in 2022, "
                       "the club said.") == []
    msg = messages(pub + "The three-year lease the club signed with the council in 2019 ran out in 2020, "
                         "the club said.", "TIM004")[0]
    assert "2022" in msg and "2020" in msg
    # a span that cannot have ended yet, told as expired
    assert codes(pub + "The ten-year licence granted in 2018 expired, the regulator said.") == ["TIM004"]
    assert codes(pub + "The ten-year licence granted in 2012 expired, the regulator said.") == []


def test_tim004_age_when_and_age_now():
    pub = "date 2024-05-20\n"
    assert codes(pub + "Marsh, 52, has chaired the board since 2016, when she was 37.") == ["TIM004"]
    assert codes(pub + "Marsh, 45, has chaired the board since 2016, when she was 37.") == []
    assert codes(pub + "He founded the bakery aged 22 in 1998 and, now 39, runs four shops.") == ["TIM004"]
    assert codes(pub + "He founded the bakery aged 22 in 1998 and, now 48, runs four shops.") == []


def test_tim004_span_later_after_a_year_in_the_same_sentence():
    pub = "date 2024-05-20\n"
    assert codes(pub + "The pier was damaged by a storm in 1987 and rebuilt a decade later, in 2009.") == ["TIM004"]
    assert codes(pub + "The pier was damaged by a storm in 1987 and rebuilt a decade later, in 1997.") == []
    # a frequency stays a frequency
    from numcheck.extract.temporal import extract_temporal
    assert [c.kind for c in extract_temporal("date 2024-05-20\nThe fee rose to 12 a month.",
                                             published=dt.date(2024, 5, 20)) if c.text == "a month"] == ["set"]


def test_tim004_age_clauses_stay_quiet_when_not_tied_to_a_year():
    pub = "date 2024-05-20\n"
    # the age belongs to meeting her husband, not to the move in 2010
    assert codes(pub + "Smith, 45, moved to London in 2010 with her husband, whom she met when she was 19.") == []
    # "now 61" of an index is not an age
    from numcheck.extract.temporal import extract_temporal
    assert [c for c in extract_temporal("The index is now 61, up from 58.", published=dt.date(2024, 5, 20))
            if c.extra.get("age") is not None] == []


def test_tim001_uk_order_may_with_a_weekday_and_no_comma():
    d = dt.date(2024, 5, 7)
    right, wrong = d.strftime("%A"), (d - dt.timedelta(days=1)).strftime("%A")
    assert codes(f"date 2024-05-20\nThe inquest opened on {wrong} 7 May at the town hall.") == ["TIM001"]
    assert codes(f"date 2024-05-20\nThe inquest opened on {right} 7 May at the town hall.") == []
    # "May" the modal after a number stays a verb
    assert codes("date 2024-05-20\nOfficials said 14 May vote against the plan.") == []


def test_tim004_span_before_a_date_in_a_short_clause():
    pub = "date 2024-05-20\n"
    assert codes(pub + "She was appointed in 2016, four years before she joined the board in 2018.") == ["TIM004"]
    assert codes(pub + "She was appointed in 2014, four years before she joined the board in 2018.") == []


@pytest.mark.parametrize("text, fires", [
    ("The bank froze the accounts on March 2, 2021, after the Food and Drug Administration sent the "
     "company a warning letter on April 9, 2021, court papers show.", True),
    ("The bank froze the accounts on May 2, 2021, after the Food and Drug Administration sent the "
     "company a warning letter on April 9, 2021, court papers show.", False),
    # "and" between two clauses still ends the lead-in
    ("Sales fell on March 2, 2021, after prices rose and the company cut staff on April 9, 2021.", False),
])
def test_tim005_a_long_lead_in_with_a_name_holding_and(text, fires):
    assert ("TIM005" in codes(text, "2022-01-10")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Rates fell after the bank's cut on 6 March, which followed the release of February's jobs data "
     "on 14 March, the lender said.", True),
    ("Rates fell after the bank's cut on 16 March, which followed the release of February's jobs data "
     "on 14 March, the lender said.", False),
    ("The vote on 3 March, which preceded the strike on 1 March, was close, the union said.", True),
])
def test_tim005_which_followed_and_a_date_owning_a_noun(text, fires):
    assert ("TIM005" in codes(text, "2025-06-01")) == fires


@pytest.mark.parametrize("text, fires", [
    # a weekday dates the verb's event even twelve words on
    ("The minister said she had met the chief executives of the three largest lenders on Thursday, "
     "March 13, to discuss arrears.", True),
    # without one, an object may carry a date of its own
    ("The minister confirmed a cut in fuel duty in the budget on March 13.", False),
    ("The minister will meet the chief executives of the three largest lenders on Thursday, March 13.", False),
])
def test_tim003_reach_of_a_weekday_date(text, fires):
    assert ("TIM003" in codes(text, "2025-03-10")) == fires


@pytest.mark.parametrize("text, fires", [
    ("In the survey, 62% of firms expected prices to rise faster over the coming year, the minutes showed.", False),
    ("The council planned to open the library in March 2026, the minutes showed.", False),
    ("The council opened the library in March 2026, the minutes showed.", True),
])
def test_tim003_quiet_for_forward_looking_verbs_and_words(text, fires):
    assert ("TIM003" in codes(text, "2024-08-22")) == fires


@pytest.mark.parametrize("text, pub, fires", [
    # 2024-03-01 was a Friday; the years of "since 1997" and of another clause are not its year
    ("Drivers walked out on Friday, March 1, in the first strike since 1997.", "2024-03-14", False),
    ("The deal expired in June 2023, and drivers walked out on Friday, March 1.", "2024-03-14", False),
    # a year before the date, in its clause, is its year: 2019-03-01 was a Friday too, 2019-03-02 not
    ("In 2019, on Saturday, March 2, the drivers walked out.", "2024-03-14", False),
    ("In 2019, on Friday, March 2, the drivers walked out.", "2024-03-14", True),
])
def test_tim001_which_year_a_year_less_date_takes(text, pub, fires):
    assert ("TIM001" in codes(text, pub)) == fires


@pytest.mark.parametrize("text, fires", [
    # a bracketed conversion stays inside its clause; "to" before a name is the verb's recipient
    ("The insurer said it completed the €80 million (US$87 million) sale of its Lisbon offices to "
     "Tagus Partners on Friday, March 14.", True),
    ("The insurer completed the sale of its offices to Tagus Partners on Friday, March 14, it said.", True),
    # an amount is not words of distance
    ("The insurer said it completed the €80 million sale of its Lisbon headquarters offices to Tagus "
     "Property Partners on Friday, March 14.", True),
    # "to" before a verb starts a phrase of its own
    ("The insurer said it hired advisers to sell its Lisbon offices on Friday, March 14.", False),
    ("The insurer said it will complete the €80 million (US$87 million) sale on Friday, March 14.", False),
])
def test_tim003_figure_asides_and_named_recipients(text, fires):
    assert ("TIM003" in codes(text, "2025-03-10")) == fires


@pytest.mark.parametrize("text, fires", [
    ("The finance chief said she expects bad loans to peak in the first half of 2026.", False),
    ("The finance chief said the bank forecasts margins to narrow in March 2026.", False),
    ("The finance chief said bad loans peaked in the first half of 2026.", True),
])
def test_tim003_a_present_verb_looking_ahead_with_its_object(text, fires):
    assert ("TIM003" in codes(text, "2025-08-27")) == fires


@pytest.mark.parametrize("text, fires", [
    # "after" with a clause of its own orders that clause's event
    ("The ferry service resumed on 3 May, after engineers had finally repaired the damaged ramp at the "
     "northern terminal on 4 May, the operator said.", True),
    ("The ferry service resumed on 5 May, after engineers had repaired the ramp on 4 May, the operator said.", False),
    # a report is not the event
    ("The ferry service resumed on 3 May, after officials said on 4 May that it was safe.", False),
    # a verb phrase of its own between the first date and "since"
    ("She swam the Channel in 1979 and has entered every race it has held since it began in 2005.", False),
    ("The ferry has run every summer since 2005, a service first offered in 1979.", False),
])
def test_tim005_clauses_after_the_ordering_word(text, fires):
    assert ("TIM005" in codes(text, "2024-06-01")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Okafor, who was 31 when he founded the bakery chain in 2009, is now 52, the company said.", True),
    ("Okafor, who was 31 when he founded the bakery chain in 2009, is now 46, the company said.", False),
    ("The index, which was 31 when trading began in 2009, is now 52, the exchange said.", False),
])
def test_tim004_was_n_when_and_is_now(text, fires):
    assert ("TIM004" in codes(text, "2024-05-01")) == fires


@pytest.mark.parametrize("text, fires", [
    # a rate per year is not a span of one year
    ("The market has grown 7% a year since 2018, the trade body said.", False),
    # the main clause after an aside keeps its own year: Oct. 20, 2024 was a Sunday
    ("Rojas, 47, who entered politics in 2005 at the age of 28, will be sworn in on Sunday, Oct. 20, "
     "the electoral court said.", False),
])
def test_tim_rates_and_asides(text, fires):
    got = codes(text, "2024-10-08")
    assert (("TIM004" in got) or ("TIM001" in got)) == fires


@pytest.mark.parametrize("text, code, fires", [
    # the January after a December date in the same sentence: Jan. 1, 2024 was a Monday
    ("The truce, agreed on Friday, Dec. 29, 2023, collapsed on Monday, Jan. 1, the UN said.", "TIM001", False),
    ("The truce, agreed on Friday, Dec. 29, 2023, collapsed on Sunday, Jan. 1, the UN said.", "TIM001", True),
    # a year naming an edition is not an event told as past
    ("The school was ranked 12th in the World Campus Index 2025, up from 15th, according to QS.", "TIM003", False),
])
def test_tim_new_year_and_edition_names(text, code, fires):
    assert (code in codes(text, "2024-03-14")) == fires


def test_tim001_dates_opening_list_items_with_a_colon():
    text = "---\ndate: 2024-03-14\n---\n\n- March 9: staff spot the breach\n- Wednesday, March 12: the note arrives\n"
    import numcheck
    res = numcheck.check(text, format="markdown")
    assert [f.finding.code for f in res.findings if f.finding.code == "TIM001"] == ["TIM001"]


@pytest.mark.parametrize("text, fires", [
    ("The agency lifted its red alert for Lyon and Grenoble on Saturday, July 22, its office said.", True),
    ("The agency will lift its red alert for Lyon and Grenoble on Saturday, July 22, its office said.", False),
])
def test_tim003_places_named_after_the_object(text, fires):
    assert ("TIM003" in codes(text, "2023-07-20")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Drivers widened the strike on 12 May, after a driver and his colleague were attacked at a depot on 13 May.", True),
    ("Drivers widened the strike on 14 May, after a driver and his colleague were attacked at a depot on 13 May.", False),
    ("Drivers widened the strike on 12 May, after talks failed and the union said on 13 May that it would act.", False),
])
def test_tim005_two_nouns_joined_in_the_clause_after(text, fires):
    assert ("TIM005" in codes(text, "2024-06-01")) == fires


@pytest.mark.parametrize("text, fires", [
    ("The fund reported holding 8.2 tonnes of gold at the end of the month, its statement showed.", False),
    ("The fund reported holding 8.2 tonnes of gold at the end of this month, its statement showed.", True),
])
def test_tim003_the_month_of_the_story(text, fires):
    assert ("TIM003" in codes(text, "2023-03-15")) == fires


@pytest.mark.parametrize("text, fires", [
    # the setting of the verb: "at a meeting on" dates the verb's own event
    ("The bondholders backed the restructuring plan at a creditors' meeting on 19 March 2025, the "
     "administrator said.", True),
    ("Councillors rejected the parking scheme at a full council session on March 18, the clerk said.", True),
    # no noun on the way that happens on a day of its own
    ("Engineers laid the last section of the new water main beneath Carver Street on March 20.", False),
    ("Engineers laid the last section of water main beneath Carver Street on March 20, the utility said.", True),
    ("A relief convoy reached the flooded villages along the lower Sava valley on 17 March, the Red Cross said.",
     True),
    # nouns of events and changes keep their own dates
    ("The chancellor confirmed a rise in the state pension in the spring statement on March 26.", False),
    ("The board approved the closure of the two remaining smelters at Gladstone in June 2025.", False),
    ("The union announced a ballot of the cabin crew at all three bases in April.", False),
    ("The council adopted a recycling target for the three inner districts in May.", False),
])
def test_tim003_an_active_verb_reaching_across_its_object(text, fires):
    assert ("TIM003" in codes(text, "2025-03-14")) == fires


@pytest.mark.parametrize("text, fires", [
    # after an article, "run" and "cost" are nouns, and the past verb before them tells the tense
    ("The ferry made its first full run across the strait on 20 March, the operator said.", True),
    ("The ferries run across the strait on 20 March, the operator said.", False),
])
def test_tim003_a_present_word_after_an_article_is_a_noun(text, fires):
    assert ("TIM003" in codes(text, "2025-03-14")) == fires


@pytest.mark.parametrize("text, fires", [
    # a year before the noun it names is no date of the verb's event
    ("The assembly approved a record 2025 budget of 4.1 billion kroner late on Tuesday, the treasurer said.", False),
    ("The regulator published its 2025 targets for the water companies, the regulator said.", False),
    ("The bridge was completed in 2025, the council said.", True),
    ("The bridge was completed in 2025 ahead of schedule, the council said.", True),
])
def test_tim003_a_year_naming_a_noun(text, fires):
    assert ("TIM003" in codes(text, "2024-12-11")) == fires


@pytest.mark.parametrize("text, fires", [
    # an age at a moment, with its year right after it
    ("The dean, Ruth Okafor, 49, said she joined the college at 19, in 1981.", True),
    ("The dean, Ruth Okafor, 61, said she joined the college at 19, in 1981.", False),
    # "at 19" with no year is no age at a moment
    ("The index, at 19, was the lowest since records began, the dean said.", False),
])
def test_tim004_an_age_with_its_year_after_it(text, fires):
    assert ("TIM004" in codes(text, "2023-09-01")) == fires


@pytest.mark.parametrize("text, fires", [
    ("MERIT, a five-year trial that began enrolling patients in March 2021, finished collecting data "
     "in January, the sponsor said.", True),
    ("MERIT, a five-year trial that began enrolling patients in March 2018, finished collecting data "
     "in January, the sponsor said.", False),
])
def test_tim004_a_span_begun_doing_something(text, fires):
    assert ("TIM004" in codes(text, "2024-03-01")) == fires


@pytest.mark.parametrize("text, fires", [
    ("She won her first cap in 2016, six years after joining Atlético's academy in 2007.", True),
    ("She won her first cap in 2013, six years after joining Atlético's academy in 2007.", False),
])
def test_tim004_an_anchor_after_words_of_any_script(text, fires):
    assert ("TIM004" in codes(text, "2024-03-01")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Sato, who turned 61 last month and joined the bank in 1985 as a 24-year-old clerk, will retire.", True),
    ("Sato, who turned 63 last month and joined the bank in 1985 as a 24-year-old clerk, will retire.", False),
    # an age turned in a year long past is no age now
    ("Sato, who turned 40 in 2001, joined the bank in 1985 as a 24-year-old clerk.", False),
])
def test_tim004_turned_n_lately_and_as_a_n_year_old(text, fires):
    assert ("TIM004" in codes(text, "2024-05-09")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Results from the four-year study, which enrolled its first patient in May 2022, were presented "
     "on Monday in Boston.", True),
    ("Results from the four-year study, which enrolled its first patient in May 2019, were presented "
     "on Monday in Boston.", False),
])
def test_tim004_a_study_begun_with_its_first_patient(text, fires):
    assert ("TIM004" in codes(text, "2024-06-03")) == fires


@pytest.mark.parametrize("text, fires", [
    # the noun the ordering word takes is dated by a relative clause of its own
    ("The board adopted the plan on 3 June 2024, after a four-week review that ended on 28 June 2024.", True),
    ("The board adopted the plan on 3 July 2024, after a four-week review that ended on 28 June 2024.", False),
    ("Fares rose on May 2, ahead of the new timetable, which the operator introduced on April 14.", True),
    ("Fares rose on May 2, ahead of the new timetable, which the operator introduced on June 14.", False),
])
def test_tim005_a_noun_dated_by_its_relative_clause(text, fires):
    assert ("TIM005" in codes(text, "2024-08-01")) == fires


@pytest.mark.parametrize("text, fires", [
    ("The 27-year-old Pole, born in Gdansk in 2001, won the title.", True),
    ("The 22-year-old Pole, born in Gdansk in 2001, won the title.", False),
])
def test_tim004_an_age_beside_a_birth_place_and_year(text, fires):
    assert ("TIM004" in codes(text, "2023-11-22")) == fires


@pytest.mark.parametrize("text, pub, weekday_error", [
    # a year lent by another part of the sentence gives way to the weekday the writer gave
    ("The club, not promoted since the 2009-10 season, travels to Hull on Saturday 25 November.", "2023-11-11", False),
    ("The claim, covering transfers between 2020 and 2022, was filed on Monday 3 April.", "2023-06-20", False),
    # when neither year fits, the weekday is wrong
    ("The claim, covering transfers between 2020 and 2022, was filed on Tuesday 3 April.", "2023-06-20", True),
])
def test_tim001_an_inferred_year_gives_way_to_the_weekday(text, pub, weekday_error):
    assert ("TIM001" in codes(text, pub)) == weekday_error


@pytest.mark.parametrize("text, fires", [
    ("Examiners completed the first reviews of marking on 31 August, the board said.", True),
    ("The members gave the takeover their backing at a meeting of shareholders on 18 December.", True),
])
def test_tim003_completive_verbs_and_meetings_of_members(text, fires):
    pub = "2023-08-24" if "August" in text else "2023-12-14"
    assert ("TIM003" in codes(text, pub)) == fires


@pytest.mark.parametrize("text, fires", [
    ("Sonora has been the top exporter for a decade, ever since it overtook Sinaloa in 2019, the bank said.", True),
    ("Sonora has been the top exporter for five years, ever since it overtook Sinaloa in 2019, the bank said.", False),
])
def test_tim004_a_span_since_a_short_clause(text, fires):
    assert ("TIM004" in codes(text, "2024-02-01")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Lee was 16 when he joined the gang in March 2020, and 22 when he was arrested in June 2021.", True),
    ("Lee was 16 when he joined the gang in March 2020, and 17 when he was arrested in June 2021.", False),
])
def test_tim004_two_ages_at_two_moments(text, fires):
    assert ("TIM004" in codes(text)) == fires


@pytest.mark.parametrize("text, codes_wanted", [
    # a weekday set off after a date is that date's weekday
    ("Police arrested him on Jan. 19, a Friday, and he was charged three days later, on Jan. 22.", []),
    ("Police arrested him on Jan. 19, a Thursday, and he was charged three days later, on Jan. 22.", ["TIM001"]),
    ("Police arrested him on Jan. 19, 2023, a Friday, the force said.", ["TIM001"]),
])
def test_a_weekday_set_off_after_its_date(text, codes_wanted):
    assert codes(text, "2024-06-13") == codes_wanted


def test_tim003_quiet_in_a_table_row():
    import numcheck
    md = ("---\ndate: 2024-06-03\n---\n\nQuotas rose, the secretariat said.\n\n"
          "| Country | Required production in 2025 (bpd) |\n|---|---|\n| Iraq | 4,431,000 |\n")
    assert "TIM003" not in [f.code for f in numcheck.check(md, path="q.md").findings]
    assert "TIM003" in [f.code for f in numcheck.check("date 2024-06-03\nThe quota was required in 2025.").findings]


@pytest.mark.parametrize("text, fires", [
    ("Managing director Ana Toms, 61, said demand was weak.\n\nToms, who was 47 when she took the top job "
     "in 2015, said the firm would invest.", True),
    ("Managing director Ana Toms, 56, said demand was weak.\n\nToms, who was 47 when she took the top job "
     "in 2015, said the firm would invest.", False),
])
def test_tim004_an_age_then_against_the_age_given_with_the_name_earlier(text, fires):
    assert ("TIM004" in codes(text, "2024-09-26")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Visitors returned on Oct. 11, 2022, after the country dropped its last COVID-19 checks on April 29, 2023.", True),
    ("Visitors returned on Oct. 11, 2023, after the country dropped its last COVID-19 checks on April 29, 2023.", False),
])
def test_tim005_a_lead_with_a_code_name(text, fires):
    assert ("TIM005" in codes(text, "2024-07-17")) == fires


def test_tim005_and_has_not_since_is_a_verb_phrase_of_its_own():
    text = "She made her debut in 1974 at the age of 22 and has not missed a performance since 2009, her publicist said."
    assert "TIM005" not in codes(text, "2023-10-03")


@pytest.mark.parametrize("text, fires", [
    ("About 7,000 people arrived on 12 September 2023, the Red Cross said, in a surge that came before the "
     "EU signed its deal with Tunisia on 16 July 2023.", True),
    ("About 7,000 people arrived on 12 June 2023, the Red Cross said, in a surge that came before the "
     "EU signed its deal with Tunisia on 16 July 2023.", False),
])
def test_tim005_across_a_set_off_attribution(text, fires):
    assert ("TIM005" in codes(text, "2023-11-02")) == fires
