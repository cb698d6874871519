"""SRC001-SRC003 on realistic sentences.

Rule logic is tested on hand-built figure claims (independent of the figure
extractor); the real attribution finder links them.  A last group runs the
whole pipeline over the sample article and the rule examples.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from numcheck import engine
from numcheck import rules as registry
from numcheck.config import Config, ConfigError
from numcheck.models import Claim, Document
from numcheck.rules import RuleContext

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared/fixtures-dev")


def fig(text: str, at: str, *, kind: str | None = None, value: float | None = None, nth: int = 0,
        equivalent_of: int | None = None) -> Claim:
    hits = [m.start() for m in re.finditer(r"(?<![\w.,$£€¥])" + re.escape(at) + r"(?!\w)", text)]
    start = hits[nth]
    if kind is None:
        kind = "money" if any(ch in at for ch in "$£€¥") else "percent" if "%" in at else "count"
    if value is None:
        m = re.search(r"\d[\d,]*(?:\.\d+)?", at)
        value = float(m.group().replace(",", "")) if m else None
    return Claim(kind=kind, start=start, end=start + len(at), text=at, value=value,
                 equivalent_of=equivalent_of)


def analyse(monkeypatch, text: str, figures: list[Claim], **settings):
    figures = sorted(figures, key=lambda c: c.start)
    monkeypatch.setattr(engine, "extract_figures", lambda doc, analysis: list(figures))
    monkeypatch.setattr(engine, "extract_temporal", lambda doc, analysis: [])
    return engine.Analysis(Document.build("<test>", text), Config(settings=settings))


def run(code: str, analysis, **options):
    r = registry.get(code)
    opts = dict(analysis.config.settings)
    opts.update(options)
    return list(r.func(RuleContext(analysis, r, opts)))


def spans(text: str, findings) -> list[str]:
    return [text[f.start:f.end] for f in findings]


# -- SRC001 -----------------------------------------------------------------------------

def test_src001_fires_on_a_figure_with_no_attribution(monkeypatch):
    text = ("According to MEMRI, the plan was Soleimani's. Trump had Soleimani killed in 2020 for "
            "attacks in Iraq, which killed over 600 Americans.")
    a = analyse(monkeypatch, text, [fig(text, "over 600 Americans", value=600)])
    [f] = run("SRC001", a)
    assert spans(text, [f]) == ["over 600 Americans"]
    assert f.severity == "warning" and "over 600 Americans" in f.message


def test_src001_headline_restating_an_attributed_figure_is_quiet(monkeypatch):
    text = ("Port authority seeks $310 million for new cargo terminal\n\n"
            "Officials on Monday asked the state for $310 million to build a cargo "
            "terminal, according to the Marin County Harbor Commission.\n")
    a = analyse(monkeypatch, text, [fig(text, "$310 million"), fig(text, "$310 million", nth=1)])
    assert run("SRC001", a) == []


def test_src001_headline_figure_missing_from_the_body_still_fires(monkeypatch):
    text = ("Port authority seeks $310 million for new cargo terminal\n\n"
            "Officials on Monday asked the state for $290 million to build a cargo "
            "terminal, according to the Marin County Harbor Commission.\n")
    a = analyse(monkeypatch, text, [fig(text, "$310 million"), fig(text, "$290 million")])
    assert spans(text, run("SRC001", a)) == ["$310 million"]

def test_src001_reports_a_sentence_once_and_lists_its_figures(monkeypatch):
    text = "Spending on agency staff reached £3.3bn last year, up from £2.9bn in 2021."
    a = analyse(monkeypatch, text, [fig(text, "£3.3bn"), fig(text, "£2.9bn")])
    [f] = run("SRC001", a)
    assert spans(text, [f]) == ["£3.3bn"]
    assert "2 figures" in f.message and "£2.9bn" in f.message


def test_src001_one_finding_per_unsourced_sentence(monkeypatch):
    text = ("Shares fell 11% on Monday. Revenue rose 5% to $8.9bn, the company said. "
            "The firm is worth $2.3bn.")
    a = analyse(monkeypatch, text, [fig(text, "11%"), fig(text, "5%"), fig(text, "$8.9bn"),
                                     fig(text, "$2.3bn")])
    assert spans(text, run("SRC001", a)) == ["11%", "$2.3bn"]


@pytest.mark.parametrize("text, figure", [
    ("The Biden administration has provided up to $50 billion in relief, according to the Foundation "
     "for the Defense of Democracies.", "up to $50 billion"),
    ("More than 7.6 million people are on waiting lists, the King's Fund said, while 7.4 million "
     "treatments were completed.", "7.4 million treatments"),
    ("Its 2,500 employees include 600 apprentices, a spokesperson said.", "600 apprentices"),
    ("Iran has spent £13.1 billion on proxies, former CIA official Marc Polymeropoulos told The "
     "Washington Post.", "£13.1 billion"),
    # reporting shapes of wire copy: appositions after a dateline, court tags,
    # documents that show, named pollsters, a time phrase before "that"
    ("DUBLIN (Reuters) - Corrib Dairies, the Irish butter maker, said on Thursday that "
     "profit rose 11% to €84 million.", "€84 million"),
    ("The director had taken £92,000 from the club over six years, Bristol Crown Court heard.", "£92,000"),
    ("The firm had been fined £19,000 for safety breaches, the inquest was told.", "£19,000"),
    ("Bus fares will rise to £2.40 from £2, a 20% increase, the papers show.", "20%"),
    ("A Deltapoll survey published on Sunday found that 44% of voters back the scheme.", "44%"),
    ("Head coach Rui Soares said after the match that the club had sold 31,000 tickets.", "31,000 tickets"),
])
def test_src001_quiet_under_an_attribution(monkeypatch, text, figure):
    a = analyse(monkeypatch, text, [fig(text, figure)])
    assert run("SRC001", a) == []


def test_src001_measures_and_small_counts_are_not_figures(monkeypatch):
    text = "Output rose to 42,500 tonnes last quarter. The village has 40 houses."
    a = analyse(monkeypatch, text, [fig(text, "42,500 tonnes", kind="measure"), fig(text, "40 houses")])
    assert run("SRC001", a) == []


def test_src001_min_count_option(monkeypatch):
    text = "The village has 40 houses and 120 residents."
    a = analyse(monkeypatch, text, [fig(text, "40 houses"), fig(text, "120 residents")])
    assert spans(text, run("SRC001", a)) == ["120 residents"]
    assert spans(text, run("SRC001", a, min_count=10)) == ["40 houses"]
    assert run("SRC001", a, min_count=1000) == []


def test_src001_a_stated_equivalent_does_not_count_separately(monkeypatch):
    text = "The deal is worth £3.6bn ($4.5bn)."
    a = analyse(monkeypatch, text, [fig(text, "£3.6bn"), fig(text, "$4.5bn", equivalent_of=0)])
    [f] = run("SRC001", a)
    assert "$4.5bn" not in f.message and f.message.endswith("£3.6bn")


def test_src001_paragraph_scope(monkeypatch):
    text = ("Unemployment rose to 4.4%, the statistics office said. Youth unemployment reached 13.2%."
            "\n\nMeanwhile 5,000 people marched.")
    figs = [fig(text, "4.4%"), fig(text, "13.2%"), fig(text, "5,000 people")]
    a = analyse(monkeypatch, text, figs)
    assert spans(text, run("SRC001", a)) == ["13.2%", "5,000 people"]
    a = analyse(monkeypatch, text, figs, attribution_scope="paragraph")
    [f] = run("SRC001", a)
    assert spans(text, [f]) == ["5,000 people"] and "paragraph" in f.message


# -- SRC002 -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, figure", [
    ("Copper prices could rise as much as 30% by the end of the year, some analysts believe.", "as much as 30%"),
    ("The militia has reportedly recruited more than 2,000 fighters since March.", "more than 2,000 fighters"),
    ("The cost of the repairs is estimated at $4 billion.", "$4 billion"),
    ("Sources said the fund lost $600 million in a week.", "$600 million"),
])
def test_src002_fires_on_a_vague_source(monkeypatch, text, figure):
    a = analyse(monkeypatch, text, [fig(text, figure)])
    [f] = run("SRC002", a)
    assert spans(text, [f]) == [figure]
    assert run("SRC001", a) == []   # sourced, just vaguely


@pytest.mark.parametrize("text, figure", [
    ("Copper prices could rise as much as 30% by the end of the year, Goldman Sachs analysts said.",
     "as much as 30%"),
    ("Its 2,500 employees include 600 apprentices, a spokesperson said.", "600 apprentices"),
    ("The exercises reportedly cost $3 million, JNS reports.", "$3 million"),
    ("Spending will rise 12% to $56 million, the department said.", "$56 million"),
    # "official" describing a document is not an unnamed official
    ("The mayor was re-elected with 53.1% of the vote, according to the official declaration of results.", "53.1%"),
])
def test_src002_quiet_for_named_sources_and_references(monkeypatch, text, figure):
    a = analyse(monkeypatch, text, [fig(text, figure)])
    assert run("SRC002", a) == []


# -- SRC003 -----------------------------------------------------------------------------

STATE = ("Iran has supplied 1,500 drones to Russia, a Revolutionary Guards commander told Iran's "
         "state-run ISNA news agency.")


def test_src003_quiet_without_a_policy(monkeypatch):
    a = analyse(monkeypatch, STATE, [fig(STATE, "1,500 drones")])
    assert run("SRC003", a) == []


def test_src003_requires_corroboration_for_state_run_media(monkeypatch):
    a = analyse(monkeypatch, STATE, [fig(STATE, "1,500 drones")])
    [f] = run("SRC003", a, require_corroboration=["state-run media"])
    assert spans(STATE, [f]) == ["1,500 drones"]
    assert "ISNA" in f.message and "state-run media" in f.message


def test_src003_names_in_the_policy_match_without_the_words_state_run(monkeypatch):
    text = "Russia has lost 5,000 tanks, Ukrainian officials told TASS."
    a = analyse(monkeypatch, text, [fig(text, "5,000 tanks")])
    assert len(run("SRC003", a, require_corroboration="state-run media")) == 1


def test_src003_quiet_when_an_independent_source_corroborates(monkeypatch):
    text = ("Iran has supplied 1,500 drones to Russia, a commander told Iran's state-run ISNA news "
            "agency, a figure that matches estimates by the Institute for the Study of War.")
    a = analyse(monkeypatch, text, [fig(text, "1,500 drones")])
    assert run("SRC003", a, require_corroboration=["state-run media"]) == []


def test_src003_quiet_for_unmarked_outlets(monkeypatch):
    text = "Iran has supplied 1,500 drones to Russia, a commander told the Financial Times."
    a = analyse(monkeypatch, text, [fig(text, "1,500 drones")])
    assert run("SRC003", a, require_corroboration=["state-run media"]) == []


def test_src003_flag_reports_even_when_corroborated(monkeypatch):
    text = ("Hezbollah fired 300 rockets, Al-Manar reported, and the Israeli army confirmed the barrage.")
    a = analyse(monkeypatch, text, [fig(text, "300 rockets")])
    [f] = run("SRC003", a, flag=["partisan outlets"])
    assert "Al-Manar" in f.message


def test_src003_policy_file_of_ones_own(monkeypatch, tmp_path):
    (tmp_path / "sources.toml").write_text(
        'require_corroboration = ["tabloids"]\n\n[mark.tabloids]\ndescription = "a tabloid"\n'
        'names = ["Daily Star"]\npatterns = []\n', encoding="utf-8")
    text = "The star earns £20 million a year, the Daily Star reported."
    a = analyse(monkeypatch, text, [fig(text, "£20 million")])
    [f] = run("SRC003", a, source_policy=str(tmp_path / "sources.toml"))
    assert "tabloid" in f.message
    assert run("SRC003", a) == []


def test_src003_unknown_mark_is_a_config_error(monkeypatch):
    a = analyse(monkeypatch, STATE, [fig(STATE, "1,500 drones")])
    with pytest.raises(ConfigError, match="state media"):
        run("SRC003", a, require_corroboration=["state media"])


def test_shipped_policy_is_not_active_by_default():
    import tomllib
    data = tomllib.loads((ROOT / "rules" / "policies.toml").read_text(encoding="utf-8"))
    assert not data.get("require_corroboration") and not data.get("flag")
    assert "state-run media" in data["mark"]


# -- the whole pipeline -----------------------------------------------------------------------

def _figures_available() -> bool:
    from numcheck.extract.figures import extract_figures
    from numcheck.segment import segment
    text = "Revenue rose 5% to $3bn."
    return bool(extract_figures(text, segment(text)[0]))


needs_figures = pytest.mark.skipif(not _figures_available(), reason="figure extractor not available")


@needs_figures
def test_seed_article_src_findings():
    from numcheck.engine import check_document
    from numcheck.readers import read_path
    fr = check_document(read_path(str(ROOT / "fixtures" / "seed-article.txt")))
    src = [(loc.line, loc.code, loc.text) for loc in fr.findings if loc.code.startswith("SRC")]
    assert src == [(17, "SRC001", "over 600 Americans")]


@needs_figures
@pytest.mark.skipif(not SHARED.is_dir(), reason="shared development fixtures not present")
def test_dev_fixtures_src_expectations_hit_without_false_positives():
    from numcheck.engine import check_document
    from numcheck.readers import read_path
    expected = json.loads((SHARED / "expected.json").read_text(encoding="utf-8"))
    for name, items in expected.items():
        if name.startswith("_"):
            continue
        want = {(e["line"], c) for e in items for c in e["codes"] if c.startswith("SRC")}
        fr = check_document(read_path(str(SHARED / name)))
        got = {(loc.line, loc.code) for loc in fr.findings if loc.code.startswith("SRC")}
        assert got == want, name


@needs_figures
@pytest.mark.parametrize("code", ["SRC001", "SRC002"])
def test_rule_examples(code):
    from numcheck.engine import check_document
    r = registry.get(code)
    assert r.fires and r.quiet and r.description
    for snippet in r.fires:
        fr = check_document(Document.build("<example>", snippet))
        assert code in {loc.code for loc in fr.findings}, snippet
    for snippet in r.quiet:
        fr = check_document(Document.build("<example>", snippet))
        assert code not in {loc.code for loc in fr.findings}, snippet


def test_src001_quiet_for_a_bare_scale_word_and_a_source_with_its_short_form():
    from numcheck import check
    r = check("Donors pledge millions for flood survivors\n\nDonors pledged US$262 million on Monday, "
              "the Office for the Coordination of Humanitarian Affairs (OCHA) said.", published="2025-10-07")
    assert [f.code for f in r.findings if f.code == "SRC001"] == []
    src = [c.source.text for c in r.claims if c.text == "US$262 million"]
    assert src == ["the Office for the Coordination of Humanitarian Affairs"]


def test_src001_quiet_when_the_sentence_holds_a_named_source_in_another_clause():
    from numcheck import check
    r = check("Bills will fall by 7% from July, after the regulator Ofgem said on Friday that it would "
              "lower its price cap.", published="2025-05-23")
    assert [f.code for f in r.findings if f.code == "SRC001"] == []
    r = check("Bills will fall by 7% from July.", published="2025-05-23")
    assert [f.code for f in r.findings if f.code == "SRC001"] == ["SRC001"]


@pytest.mark.parametrize("text, fires", [
    ("In a Bloomberg survey published on Friday, 17 of 22 analysts forecast a 50-basis-point rise.", False),
    ("In a survey published on Friday, 17 of 22 analysts forecast a 50-basis-point rise.", True),
    ("Some analysts forecast a 50-basis-point rise.", True),
])
def test_src002_respondents_of_a_named_poll(text, fires):
    import numcheck
    from numcheck.config import Config
    res = numcheck.check(text, published="2024-02-02", config=Config(select=("SRC002",)))
    assert bool(res.findings) == fires, [f.finding.message for f in res.findings]


@pytest.mark.parametrize("text, fires", [
    ("Analysts had expected earnings of 84 cents a share, according to Refinitiv data.", False),
    ("Analysts had expected earnings of 84 cents a share, according to people familiar with the matter.", True),
    ("Analysts had expected earnings of $1.2 billion, a person familiar with the matter said.", True),
])
def test_src002_a_named_provider_vouches_for_its_sentence(text, fires):
    import numcheck
    from numcheck.config import Config
    res = numcheck.check(text, published="2024-02-02", config=Config(select=("SRC002",)))
    assert bool(res.findings) == fires, [f.finding.message for f in res.findings]


_TABLE = """---
date: 2024-03-14
---

The waiting list by region, according to NHS England:

| Region | January | February | Change |
|---|---|---|---|
| London | 1,012 | 1,020 | +0.8% |
| Midlands | 1,482 | 1,488 | +0.4% |

{after}
"""


@pytest.mark.parametrize("lead, after, fires", [
    (True, "The list grew in every region.", False),
    (False, "Source: NHS England said so in its monthly release.", False),
    (False, "The list grew in every region.", True),
])
def test_src001_table_rows_take_the_source_of_their_lead_in(lead, after, fires):
    import numcheck
    from numcheck.config import Config
    text = _TABLE.format(after=after)
    if not lead:
        text = text.replace(", according to NHS England:", ":")
    res = numcheck.check(text, format="markdown", config=Config(select=("SRC001",)))
    assert bool(res.findings) == fires, [f.finding.message for f in res.findings]


@pytest.mark.parametrize("text, code", [
    ("As many as 9,000 people have fled, relief workers in the region estimate.", "SRC002"),
    ("Analysts at the consultancy Meridian Partners said the share was 2 per cent.", None),
    ("Ferry crossings topped 3 million in a single year for the first time.", "SRC001"),
    ("Ferry crossings topped 3 million in a single year, the port authority said.", None),
])
def test_unnamed_people_placed_somewhere_and_scaled_counts(text, code):
    import numcheck
    res = numcheck.check(text, published="2024-02-02")
    got = {f.finding.code for f in res.findings}
    assert (code in got) if code else not (got & {"SRC001", "SRC002"}), got


@pytest.mark.parametrize("text, code", [
    ("The rest of the $410 million is made up of unpaid wages and other claims, the company said.", None),
    ("A Bloomberg survey of 22 economists published on Friday found a median forecast of 4.1%.", None),
    ("Sutton Foods usually borrows against future sales, but said in May that it had raised $90 million.", None),
    ("The transfer fee of €60 million was confirmed by Sporting Lisbon.", None),
    ("A survey of 22 economists published on Friday found a median forecast of 4.1%.", "SRC002"),
])
def test_batch_of_sourcing_phrasings(text, code):
    import numcheck
    res = numcheck.check(text, published="2024-02-02")
    got = {f.finding.code for f in res.findings} & {"SRC001", "SRC002"}
    assert got == ({code} if code else set()), got


def _codes(text: str, published: str = "2024-07-25") -> list[str]:
    import numcheck
    return [f.code for f in numcheck.check(text, published=published).findings]


def test_src001_quiet_for_a_scale_with_no_number_but_src002_still_reads_the_hedge():
    assert "SRC001" not in _codes("The blaze crossed the river on Friday, forcing thousands of residents to flee.")
    assert "SRC001" in _codes("The blaze crossed the river on Friday, forcing 3,400 residents to flee.")
    assert "SRC002" in _codes("Hundreds of soldiers have reportedly crossed the border since Friday.")


@pytest.mark.parametrize("text", [
    "Harbour Town will pay Rovers £12m for the winger, a fee disclosed by both clubs on Monday.",
    "Harbour Town will pay Rovers £12m for the winger, both clubs said on Monday.",
    "Clubs may lose no more than £90m over three seasons under the rules, the league's handbook says.",
])
def test_src001_both_bodies_and_a_bodys_handbook_are_sources(text):
    assert "SRC001" not in _codes(text)
    assert "SRC002" not in _codes(text)


def test_src001_quiet_for_a_move_in_points_told_in_words():
    assert "SRC001" not in _codes("The report comes two weeks after the Fed cut its rate by a half-point.")
    assert "SRC001" not in _codes("Two members favoured a cut of a quarter of a percentage point.")
    assert "SRC001" in _codes("Two members favoured a cut of 0.25 percentage points.")
