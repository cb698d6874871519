"""The review page in a real headless browser (Debian's chromium driven by Playwright).

Pages are produced the way a user produces them (``runner.run_check`` with ``--format
html -o``, beside ``--format json`` for the findings to compare with) and loaded from
disk with every network request refused.  Skipped, with the reason, where chromium or
Playwright is missing.

``NUMCHECK_UPDATE_SCREENSHOT=1`` also writes docs/review-page.png (the sample article).
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "seed-article.txt"
REVIEW = ROOT / "fixtures" / "review" / "harbour-sale.txt"
CHROMIUM = os.environ.get("NUMCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _why_no_browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"Playwright for Python is not importable ({exc}); pip install playwright"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    return None


pytestmark = pytest.mark.skipif(_why_no_browser() is not None, reason=_why_no_browser() or "")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        except Exception as exc:  # a chromium that cannot start here
            pytest.skip(f"chromium at {CHROMIUM} would not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    pg = ctx.new_page()
    pg.requested = []  # type: ignore[attr-defined]

    def gate(route):
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            pg.requested.append(url)  # type: ignore[attr-defined]
            route.abort()

    pg.route("**/*", gate)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors  # type: ignore[attr-defined]
    yield pg
    assert not pg.requested, f"the page asked the network for {pg.requested}"  # type: ignore[attr-defined]
    assert not errors, f"script errors: {errors}"
    ctx.close()


def produce(tmp_path: Path, article: Path) -> tuple[Path, dict, dict]:
    """Write the HTML page, the JSON report and the JSON claims for one article
    (named relative to the project, as a user in it would name it)."""
    from numcheck import runner

    article = article.relative_to(ROOT)

    html_out = tmp_path / (article.stem + ".html")
    json_out = tmp_path / (article.stem + ".json")
    claims_out = tmp_path / (article.stem + ".claims.json")
    runner.run_check(runner.CheckOptions(paths=[str(article)], format="html", output=str(html_out)))
    runner.run_check(runner.CheckOptions(paths=[str(article)], format="json", output=str(json_out)))
    runner.run_extract(runner.CheckOptions(paths=[str(article)], format="json", output=str(claims_out),
                                           command="extract"))
    return html_out, json.loads(json_out.read_text("utf-8")), json.loads(claims_out.read_text("utf-8"))


# -- a tiny PNG reader, enough to tell a blank screenshot from a page -------------------

def png_pixels(data: bytes) -> tuple[int, int, int, list[bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if ctype == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif ctype == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def assert_not_blank(png: bytes) -> None:
    width, height, bpp, rows = png_pixels(png)
    assert width > 200 and height > 200
    # grey levels on a sampling grid: a page has both ink and paper, and colour
    samples, colours = [], set()
    for y in range(0, height, 3):
        row = rows[y]
        for x in range(0, width, 3):
            r, g, b = row[x * bpp:x * bpp + 3]
            samples.append((r + g + b) / 3)
            colours.add((r // 32, g // 32, b // 32))
    mean = sum(samples) / len(samples)
    var = sum((s - mean) ** 2 for s in samples) / len(samples)
    dark = sum(1 for s in samples if s < 100) / len(samples)
    assert var > 100, f"screenshot looks blank (variance {var:.1f})"
    assert 0.001 < dark < 0.9, f"no text in the screenshot ({dark:.4f} dark)"
    assert len(colours) >= 6, "no highlight colours in the screenshot"


# -- the checks -------------------------------------------------------------------------

DOM_FINDINGS = """() => Array.from(document.querySelectorAll('ol.findings > li')).map(li => ({
  code: li.dataset.code, severity: li.dataset.severity,
  line: +li.dataset.line, column: +li.dataset.column,
  end_line: +li.dataset.endLine, end_column: +li.dataset.endColumn,
  message: li.querySelector('.msg').textContent,
  notes: Array.from(li.querySelectorAll('.notes li')).map(n => n.textContent)}))"""

DOM_CLAIMS = """() => { const out = {};
  for (const el of document.querySelectorAll('article.text span.c[data-claim]')) {
    const k = el.dataset.claim; const r = el.getBoundingClientRect();
    out[k] = out[k] || {text: '', kind: el.dataset.kind, visible: false};
    out[k].text += el.textContent; out[k].visible = out[k].visible || (r.width > 0 && r.height > 0);
  } return out; }"""


def json_findings(report: dict) -> list[dict]:
    return [{"code": f["code"], "severity": f["severity"], "line": f["line"], "column": f["column"],
             "end_line": f["end_line"], "end_column": f["end_column"], "message": f["message"],
             "notes": f.get("notes", [])} for fl in report["files"] for f in fl["findings"]]


def check_page(page, html_path: Path, report: dict, claims: dict) -> None:
    page.goto(html_path.as_uri())
    assert page.evaluate("document.documentElement.classList.contains('js')")
    # the finding list is the JSON report's
    assert page.evaluate(DOM_FINDINGS) == json_findings(report)
    # every extracted claim is highlighted, visibly, at its own text
    wanted = claims["files"][0]["claims"]
    got = page.evaluate(DOM_CLAIMS)
    assert len(got) == len(wanted)
    for i, c in enumerate(wanted):
        assert got[str(i)]["text"] == c["text"], (i, c)
        assert got[str(i)]["kind"] == c["kind"]
        assert got[str(i)]["visible"], c["text"]
    # each finding's mark covers the characters the JSON report quotes
    for j, f in enumerate(report["files"][0]["findings"]):
        text = page.evaluate("j => Array.from(document.querySelectorAll(`mark.f[data-finding='${j}']`))"
                             ".map(e => e.textContent).join('')", j)
        assert text == f["text"], (f["code"], text, f["text"])


@pytest.fixture(autouse=True)
def _in_project(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_sample_article(page, tmp_path):
    html_path, report, claims = produce(tmp_path, SAMPLE)
    check_page(page, html_path, report, claims)
    text = page.inner_text("article.text")
    assert "Qassem Soleimani" in text and "Oct. 7" in text
    # claims from the sample, when the extractors find them, sit on the right words
    found = {c["text"] for c in claims["files"][0]["claims"]}
    for phrase in ("£13.1 billion", "over 600 Americans"):
        if any(phrase in t for t in found):
            assert page.locator("article.text span.c", has_text=phrase).count() >= 1
    png = page.screenshot(full_page=True)
    assert_not_blank(png)
    if os.environ.get("NUMCHECK_UPDATE_SCREENSHOT"):
        page.set_viewport_size({"width": 1280, "height": 900})
        (ROOT / "docs").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "docs" / "review-page.png"), full_page=True)


def test_review_fixture_every_family(page, tmp_path):
    html_path, report, claims = produce(tmp_path, REVIEW)
    check_page(page, html_path, report, claims)
    codes = {f["code"][:3] for f in report["files"][0]["findings"]}
    # the fixture is written to trip one rule of each family; check those that exist
    from numcheck import rules as registry
    families = {r.code[:3] for r in registry.all_rules()}
    missing = {"CUR", "TIM", "FIG", "SRC"} & families - codes
    assert not missing, f"no finding of {sorted(missing)} on {REVIEW.name}: {sorted(codes)}"
    # the weekday mismatch, once found, is red on the timeline
    tim = [f for f in report["files"][0]["findings"] if f["code"].startswith("TIM")]
    if tim:
        assert page.locator("svg.tl a.pt.bad").count() >= 1
    assert_not_blank(page.screenshot(full_page=True))


def test_keyboard_focus_and_side_list(page, tmp_path):
    """Tab reaches a finding and reveals its message; the side list jumps to its mark."""
    from test_html_report import hand_report

    from numcheck.report.html import render_page

    report, fr = hand_report()
    path = tmp_path / "hand.html"
    path.write_text(render_page(report), encoding="utf-8")
    page.goto(path.as_uri())
    tip = page.locator("#nc-tip")
    assert tip.is_hidden()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.f')"):
            break
    else:
        pytest.fail("Tab never reached a finding")
    j = int(page.evaluate("document.activeElement.dataset.finding"))
    assert tip.is_visible()
    assert fr.findings[j].finding.message in tip.inner_text()
    for note in fr.findings[j].finding.notes:
        assert note in tip.inner_text()
    # the tooltip sits near the mark
    mark_box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                             " return [r.left, r.bottom]; })()")
    tip_box = tip.bounding_box()
    assert abs(tip_box["y"] - mark_box[1]) < 60
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    # hover shows it too
    page.hover("#f1-x2")
    assert "not $3.1bn" in tip.inner_text()
    # activating a list item (keyboard) scrolls to and focuses its mark
    page.focus("ol.findings > li:nth-child(4) a.jump")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "f1-x3"
    assert "55 is more than 40" in tip.inner_text()
    # n / p move between findings
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "f1-x4"
    # the article's <script> stayed text
    assert page.evaluate("typeof window.alert_called") == "undefined"
    assert page.locator("article.text script").count() == 0
    assert '<script>alert("x")</script>' in page.inner_text("article.text")


def test_table_sorts_and_scheme_toggles(page, tmp_path):
    from test_html_report import hand_report

    from numcheck.report.html import render_page

    report, fr = hand_report()
    path = tmp_path / "hand.html"
    path.write_text(render_page(report), encoding="utf-8")
    page.goto(path.as_uri())
    first_col = "Array.from(document.querySelectorAll('table.claims tbody tr')).map(r => r.cells[%d].textContent)"
    assert page.evaluate(first_col % 3) == [c.text for c in fr.claims]
    page.click("table.claims th:nth-child(3) button")  # Kind
    kinds = page.evaluate(first_col % 2)
    assert kinds == sorted(kinds, key=str.lower) and kinds != [c.kind for c in fr.claims]
    assert page.get_attribute("table.claims th:nth-child(3)", "aria-sort") == "ascending"
    page.click("table.claims th:nth-child(3) button")
    assert page.evaluate(first_col % 2) == sorted(kinds, key=str.lower, reverse=True)
    page.click("table.claims th:nth-child(5) button")  # Value, numeric
    keys = page.evaluate("Array.from(document.querySelectorAll('table.claims tbody tr'))"
                         ".map(r => r.cells[4].dataset.sort)")
    numeric = [k for k in keys if k.replace(".", "", 1).isdigit()]
    assert numeric and keys[:len(numeric)] == numeric, keys  # numbers first, then dates
    assert [float(k) for k in numeric] == sorted(float(k) for k in numeric)
    assert keys[len(numeric):] == sorted(keys[len(numeric):])
    # colour scheme: light by the system, then the toggle goes dark
    bg = "getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(bg) == "rgb(255, 255, 255)"
    page.click("#nc-theme")  # auto -> light
    page.click("#nc-theme")  # light -> dark
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate(bg) != "rgb(255, 255, 255)"
    # print: controls gone, the side list unrolled
    page.emulate_media(media="print")
    assert page.locator(".controls").is_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('.side')).position") == "static"
