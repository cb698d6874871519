"""The timeline picture: dates in calendar order, relative ones marked, conflicts highlighted."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console

import numcheck
from numcheck.timeline import build_entries, render_timeline

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """date 2024-06-14
The bridge reopened on Monday, June 10, after a closure that began on Feb. 5.

Work on the deck started in 2016, the council said.

The final load test was carried out on Wednesday, May 28, 2024.

A new lane will open on Aug. 1.
"""


def _render(result, width: int = 140) -> str:
    console = Console(record=True, width=width, color_system=None)
    render_timeline([result], console)
    return console.export_text()


def test_entries_are_in_calendar_order_with_relative_ones_marked():
    res = numcheck.check(ARTICLE)
    entries, unresolved = build_entries(res)
    starts = [e.start for e in entries]
    assert starts == sorted(starts)
    labels = [e.claim.text for e in entries]
    assert labels.index("2016") < labels.index("Feb. 5") < labels.index("Wednesday, May 28, 2024") \
        < labels.index("Monday, June 10") < labels.index("Aug. 1")
    feb5 = next(e for e in entries if e.claim.text == "Feb. 5")
    assert feb5.claim.relative and "resolved" in feb5.note
    assert not unresolved


def test_conflicts_are_highlighted_with_their_message():
    res = numcheck.check(ARTICLE)
    entries, _ = build_entries(res)
    bad = [e for e in entries if e.problems]
    assert [e.claim.text for e in bad] == ["Wednesday, May 28, 2024"]
    assert bad[0].problems[0].startswith("TIM001")
    out = _render(res)
    assert "✗ TIM001" in out and "Tuesday" in out


def test_render_shows_publication_marker_and_sentences():
    out = _render(numcheck.check(ARTICLE))
    assert "publication date" in out
    assert "June 14, 2024" in out
    assert "Work on the deck started in 2016" in out
    # the publication marker sits between the June 10 row and the Aug. 1 row
    assert out.index("June 10, 2024") < out.index("── publication date ──") < out.index("Aug. 1, 2024")


def test_render_without_publication_date_lists_unresolved():
    res = numcheck.check("The council met yesterday and will meet again on 4 March 2025.")
    out = _render(res)
    assert "no publication date" in out
    assert "unresolved (1)" in out and "yesterday" in out
    assert "March 4, 2025" in out


def test_render_with_no_dates():
    out = _render(numcheck.check("Nothing here has a date."))
    assert "no dates found" in out


def test_render_fixture_file():
    from numcheck.engine import check_document
    from numcheck.readers import read_path

    res = check_document(read_path(str(ROOT / "fixtures" / "timeline" / "harbour-bridge.md")))
    out = _render(res)
    for code in ("TIM001", "TIM003", "TIM004", "TIM005", "TIM002"):
        assert code in out


def test_findings_without_a_drawn_date_are_still_listed():
    # TIM006 sits on 'yesterday', which cannot be placed without a publication date
    out = _render(numcheck.check("The council met yesterday."))
    assert "TIM006" in out


def test_cli_timeline_command():
    from typer.testing import CliRunner

    from numcheck.cli import app

    path = str(ROOT / "fixtures" / "timeline" / "harbour-bridge.md")
    res = CliRunner().invoke(app, ["timeline", path, "--no-color"])
    assert res.exit_code == 0, res.output
    assert "publication date" in res.output and "TIM001" in res.output
    res = CliRunner().invoke(app, ["timeline", path, "--date", "2019-01-01", "--no-color"])
    assert res.exit_code == 0 and "Jan. 1, 2019" in res.output
