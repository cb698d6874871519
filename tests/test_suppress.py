"""Suppression comments: lines, next lines, ranges, reasons, unused and invalid ones.

The house-style pack's HS001 (``bn`` -> ``billion``) is a rule that fires on plain
text, independent of the extractors, so it is the rule being silenced here.
"""
from __future__ import annotations

import numcheck
from numcheck.config import DEFAULT

# only the rules under test, so that other rules' findings do not blur the picture
HS = DEFAULT.evolve(select=("HS001", "HS005", "NC"))


def check(text: str, fmt: str = "markdown", config=HS):
    return numcheck.check(text, config=config, format=fmt)


def found(result, code: str | None = None) -> list[tuple[int, str]]:
    return [(l.line, l.code) for l in result.findings if code is None or l.code == code]


def test_trailing_comment_silences_its_own_line_only():
    text = ("The Treasury will borrow £3.6bn next year. <!-- numcheck: ignore HS001 -->\n"
            "The deficit reached £40bn in March, the Treasury said.\n")
    res = check(text)
    assert found(res, "HS001") == [(2, "HS001")]
    assert found(res, "NC001") == []


def test_comment_alone_silences_the_next_line_with_text():
    text = ("<!-- numcheck: ignore HS001 -- figure quoted from the budget as printed -->\n"
            "\n"
            "The Treasury will borrow £3.6bn next year.\n"
            "The deficit reached £40bn in March.\n")
    res = check(text)
    assert found(res, "HS001") == [(4, "HS001")]
    assert found(res, "NC001") == []


def test_stacked_comments_both_apply_to_the_next_line():
    text = ("<!-- numcheck: ignore HS001 -->\n"
            "<!-- numcheck: ignore HS005 -->\n"
            "A whopping £3.6bn will be borrowed next year.\n")
    res = check(text)
    assert found(res) == []


def test_ignore_next_line_even_when_trailing():
    text = ("The budget was published on time. <!-- numcheck: ignore-next-line HS001 -->\n"
            "The Treasury will borrow £3.6bn next year.\n")
    assert found(check(text)) == []


def test_codes_may_be_prefixes_or_names_and_reason_is_allowed():
    for sel in ("HS", "abbreviated-billion", "HS001,HS005", "HS001 HS005"):
        text = f"A whopping £3.6bn will be borrowed. <!-- numcheck: ignore {sel} -- as printed -->\n"
        res = check(text)
        assert found(res, "HS001") == [], sel
        assert found(res, "NC002") == [], sel


def test_ignore_without_codes_silences_every_rule_on_the_line():
    text = "A whopping £3.6bn will be borrowed. <!-- numcheck: ignore -->\n"
    assert found(check(text)) == []


def test_off_on_range():
    text = ("Intro line with £1bn.\n"
            "<!-- numcheck: off HS001 -->\n"
            "Table row: £2bn\n"
            "Table row: £3bn, a whopping rise\n"
            "<!-- numcheck: on HS001 -->\n"
            "After the table, £4bn.\n")
    res = check(text)
    assert found(res, "HS001") == [(1, "HS001"), (6, "HS001")]
    assert found(res, "HS005") == [(4, "HS005")]  # off named only HS001
    assert found(res, "NC") == []


def test_off_without_on_runs_to_the_end_of_the_file():
    text = "Intro with £1bn.\n<!-- numcheck: off -->\nLater £2bn.\n\nAnd £3bn.\n"
    assert found(check(text)) == [(1, "HS001")]


def test_unused_suppression_is_reported_at_the_comment():
    text = ("The Treasury will borrow £3.6bn next year.\n"
            "The council met to discuss the library. <!-- numcheck: ignore HS001 -->\n")
    res = check(text)
    assert found(res, "HS001") == [(1, "HS001")]
    (loc,) = [l for l in res.findings if l.code == "NC001"]
    assert loc.line == 2
    assert loc.severity == "warning"
    assert "HS001" in loc.finding.message


def test_unused_only_for_codes_that_are_enabled():
    text = "The council met to discuss the library. <!-- numcheck: ignore HS001 -->\n"
    # HS001's pack is off: the suppression cannot be judged, so it is not reported
    assert found(check(text, config=DEFAULT), "NC001") == []
    assert found(check(text, config=DEFAULT.evolve(select=("NC", "HS005"))), "NC001") == []
    cfg = HS.evolve(ignore=("HS001",))
    assert found(check(text, config=cfg), "NC001") == []


def test_nc001_respects_select_and_ignore_and_severity():
    text = "The council met to discuss the library. <!-- numcheck: ignore HS001 -->\n"
    assert found(check(text, config=HS.evolve(ignore=("NC001",))), "NC001") == []
    graded = check(text, config=HS.evolve(severity={"NC001": "error"}))
    assert [l.severity for l in graded.findings if l.code == "NC001"] == ["error"]


def test_invalid_suppressions_are_reported_and_valid_parts_still_apply():
    text = ("A whopping £3.6bn. <!-- numcheck: ignore HS001 XYZ999 -->\n"
            "Another £2bn. <!-- numcheck: ignroe HS001 -->\n")
    res = check(text)
    nc002 = [l for l in res.findings if l.code == "NC002"]
    assert [l.line for l in nc002] == [1, 2]
    assert "XYZ999" in nc002[0].finding.message
    assert "ignroe" in nc002[1].finding.message
    assert found(res, "HS001") == [(2, "HS001")]
    assert found(res, "HS005") == [(1, "HS005")]


def test_unknown_codes_only_never_mean_every_rule():
    text = "A whopping £3.6bn. <!-- numcheck: ignore XYZ999 -->\n"
    res = check(text)
    assert ("HS001" in [l.code for l in res.findings]) and ("NC002" in [l.code for l in res.findings])


def test_on_without_off_is_invalid():
    res = check("Plain line.\n<!-- numcheck: on -->\n", fmt="text")
    assert found(res, "NC002") == [(2, "NC002")]
    # Markdown drops the comment from the text: the message says where it is
    (loc,) = [l for l in check("Plain line.\n<!-- numcheck: on -->\n").findings if l.code == "NC002"]
    assert "without a matching" in loc.finding.message and "line 2" in loc.finding.message


def test_plain_text_bracket_form():
    text = ("The Treasury will borrow £3.6bn next year. [numcheck: ignore HS001 -- as printed]\n"
            "[numcheck: ignore-next-line HS001]\n"
            "The deficit reached £40bn in March.\n"
            "Spending rose to £1.2bn.\n")
    res = check(text, fmt="text")
    assert found(res, "HS001") == [(4, "HS001")]
    assert found(res, "NC") == []


def test_plain_text_unused_points_at_the_bracket():
    text = "No figure here. [numcheck: ignore HS001]\n"
    res = check(text, fmt="text")
    (loc,) = [l for l in res.findings if l.code == "NC001"]
    assert (loc.line, loc.column) == (1, 17)
    assert loc.text == "[numcheck: ignore HS001]"


def test_html_comment_in_html_document():
    html = ("<html><body>\n<p>The Treasury will borrow £3.6bn. <!-- numcheck: ignore HS001 --></p>\n"
            "<p>The deficit reached £40bn.</p>\n</body></html>\n")
    res = check(html, fmt="html")
    assert found(res, "HS001") == [(3, "HS001")]


def test_document_without_directives_is_untouched():
    res = check("The Treasury will borrow £3.6bn next year.\n")
    assert found(res) == [(1, "HS001")]
