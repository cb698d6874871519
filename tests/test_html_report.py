"""The HTML review page, checked as markup: highlights on the right characters, the
finding list identical to the JSON report's findings, nesting, escaping, self-containment."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from numcheck.models import Claim, Document, FileResult, Finding, Located, Report, Source, SourceMap
from numcheck.report import FORMATTERS, FormatOptions, get_formatter
from numcheck.report.html import markup, paragraphs, render_page, _Span
from numcheck.report.json_format import report_dict

ROOT = Path(__file__).resolve().parents[1]

# -- a tiny DOM from html.parser --------------------------------------------------------

VOID = {"meta", "br", "input", "img", "link", "hr", "wbr", "source", "area", "base", "col", "embed",
        "param", "track"}
# SVG shapes written as empty elements (<line .../>) close themselves
SELF_CLOSING_OK = {"line", "circle", "path", "rect"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Node | None" = None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Node"]:
        out = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(n)
        return out

    def by_id(self, ident: str) -> "Node | None":
        return next((n for n in self.iter() if n.attrs.get("id") == ident), None)

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.cur = self.root
        self.mismatches: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))
        if tag not in VOID and tag not in SELF_CLOSING_OK:
            self.mismatches.append(f"<{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag != tag:
            self.mismatches.append(f"</{tag}> closes <{self.cur.tag}>")
            n = self.cur
            while n is not None and n.tag != tag:
                n = n.parent
            if n is None:
                return
            self.cur = n
        self.cur = self.cur.parent or self.root

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(page: str) -> Node:
    tb = TreeBuilder()
    tb.feed(page)
    tb.close()
    assert not tb.mismatches, tb.mismatches[:5]
    assert tb.cur is tb.root, f"unclosed <{tb.cur.tag}>"
    return tb.root


# -- hand-built reports --------------------------------------------------------------------

ARTICLE = (
    "Acme & Sons said on Friday, Aug. 8, 2025 that revenue rose 12% to \u00a33.6bn ($3.1bn).\n\n"
    "Of the 40 staff, 55 left <script>alert(\"x\")</script> in 2024, experts say.\n"
    "It covers 12 miles (31 km) and \"quotes\" 'too'."
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def make_doc(text: str = ARTICLE, header: str = "date 2025-08-10\n") -> Document:
    original = header + text
    return Document.build("news/acme.txt", text, original, format="text", published=dt.date(2025, 8, 10),
                          published_from="leading-date",
                          source_map=SourceMap([(0, len(header), len(text))]))


def claim(text: str, kind: str, needle: str, index: int, nth: int = 0, **kw) -> Claim:
    s, e = _span(text, needle, nth)
    return Claim(kind=kind, start=s, end=e, text=text[s:e], index=index, **kw)


def locate(doc: Document, f: Finding) -> Located:
    line, col, end_line, end_col = doc.position(f.start, f.end)
    return Located(f, line, col, end_line, end_col, doc.text[f.start:f.end])


def hand_report() -> tuple[Report, FileResult]:
    doc = make_doc()
    t = doc.text
    ss, se = _span(t, "Acme & Sons")
    acme = Source(text="Acme & Sons", cue="said", start=ss, end=se, kind="named",
                  cue_start=se + 1, cue_end=se + 5)
    claims = [
        claim(t, "date", "Friday, Aug. 8, 2025", 0, timex="2025-08-08", date_start=dt.date(2025, 8, 8),
              date_end=dt.date(2025, 8, 8)),
        claim(t, "percent", "12%", 1, value=12.0, unit="percent", source=acme),
        claim(t, "money", "\u00a33.6bn", 2, value=3.6e9, unit="GBP", source=acme),
        claim(t, "money", "$3.1bn", 3, value=3.1e9, unit="USD", equivalent_of=2, source=acme),
        claim(t, "count", "40 staff", 4, value=40.0, noun="staff"),
        claim(t, "count", "55", 5, value=55.0),
        claim(t, "date", "2024", 6, timex="2024", date_start=dt.date(2024, 1, 1), date_end=dt.date(2024, 12, 31)),
        claim(t, "measure", "12 miles", 7, value=12.0, unit="mile"),
        claim(t, "measure", "31 km", 8, value=31.0, unit="kilometer", equivalent_of=7),
    ]
    conv = _span(t, "\u00a33.6bn ($3.1bn)")
    part_s = _span(t, "40 staff")[0]
    part_e = _span(t, "55")[1]
    weekday = _span(t, "Friday, Aug. 8, 2025")
    # overlaps a claim partially: "rose 12" cuts "12%" in two
    partial = (_span(t, "rose 12")[0], _span(t, "rose 12")[1])
    findings = [
        Finding("TIM001", "weekday-mismatch", "error", "Aug. 8, 2025 is a Friday <b>really</b>", *weekday,
                notes=("2025-08-08 \u2192 Friday",)),
        Finding("FIG004", "change-arithmetic", "warning", "odd \"change\" & 'quotes'", *partial),
        Finding("CUR002", "conversion-mismatch", "error",
                "\u00a33.6bn is about $4.6bn at 1.27, not $3.1bn <script>alert(1)</script>", *conv,
                notes=("3.6e9 \u00d7 1.2745 = 4.588e9", "off by -32%")),
        Finding("FIG002", "part-exceeds-whole", "error", "55 is more than 40", part_s, part_e),
        Finding("SRC002", "vague-source", "warning", "only 'experts say'", *_span(t, "55")),
        Finding("TIM006", "unanchored", "info", "a point finding", len(t), len(t)),
    ]
    fr = FileResult(path="news/<acme>&.txt", document=doc, findings=tuple(locate(doc, f) for f in findings),
                    claims=tuple(claims), sources=(acme,))
    return Report((fr,)), fr


@pytest.fixture(scope="module")
def page() -> str:
    report, _ = hand_report()
    return render_page(report)


@pytest.fixture(scope="module")
def dom(page) -> Node:
    return parse(page)


# -- the tests -----------------------------------------------------------------------------

def test_registered_as_a_formatter():
    assert "html" in FORMATTERS
    report, _ = hand_report()
    buf = io.StringIO()
    get_formatter("html")(report, buf, options=FormatOptions(output_path="review.html"))
    assert buf.getvalue() == render_page(report)
    assert buf.getvalue().startswith("<!DOCTYPE html>")


def test_well_formed_and_self_contained(page, dom):
    # no network: no external scripts, styles, images or fonts
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert len(dom.find_all("script")) == 1 and "src" not in dom.find_all("script")[0].attrs
    assert len(dom.find_all("style")) == 1
    ids = [n.attrs["id"] for n in dom.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    # every in-page link and aria reference resolves
    for n in dom.iter():
        href = n.attrs.get("href") or ""
        if href.startswith("#"):
            assert dom.by_id(href[1:]) is not None, href
        for ref in ("aria-describedby", "aria-labelledby", "data-desc"):
            if n.attrs.get(ref):
                assert dom.by_id(n.attrs[ref]) is not None, (ref, n.attrs[ref])


def _pieces(dom: Node, attr: str, value: str) -> list[Node]:
    return [n for n in dom.find_all() if n.attrs.get(attr) == value]


def test_every_claim_highlighted_at_its_characters(dom):
    _, fr = hand_report()
    text = fr.document.text
    for i, c in enumerate(fr.claims):
        pieces = _pieces(dom, "data-claim", str(i))
        spans = [p for p in pieces if p.tag == "span"]
        assert spans, f"claim {c.text!r} not highlighted"
        assert "".join(p.text for p in spans) == text[c.start:c.end] == c.text
        assert all(f"k-{c.kind}" in p.classes() for p in spans)
        assert dom.by_id(f"f1-c{i}") is spans[0]


def test_sources_and_findings_highlighted(dom):
    _, fr = hand_report()
    text = fr.document.text
    art = dom.find_all("article")[0]
    src = art.find_all("span", cls="src")
    assert [s.text for s in src] == ["Acme & Sons"]
    assert [c.text for c in dom.find_all("span", cls="cue")] == ["said"]
    for j, loc in enumerate(fr.findings):
        f = loc.finding
        pieces = [p for p in _pieces(dom, "data-finding", str(j)) if p.tag == "mark"]
        assert pieces, loc.code
        first = dom.by_id(f"f1-x{j}")
        assert first is pieces[0]
        assert first.attrs["tabindex"] == "0"
        assert first.attrs["aria-describedby"] == f"f1-x{j}-d"
        assert f.message in first.attrs["title"]
        assert "".join(p.text for p in pieces) == text[f.start:f.end]
        # continuation pieces are not separate tab stops
        assert all("tabindex" not in p.attrs for p in pieces[1:])


def test_nesting_follows_the_spans(dom):
    _, fr = hand_report()
    # the conversion finding encloses both money claims
    conv = dom.by_id("f1-x2")
    inner = [n.attrs.get("data-claim") for n in conv.iter() if n.tag == "span" and "c" in n.classes()]
    assert inner == ["2", "3"]
    # the part-exceeds-whole finding encloses the 40 claim and the SRC002 finding, which encloses 55
    part = dom.by_id("f1-x3")
    src002 = dom.by_id("f1-x4")
    assert part in src002.ancestors()
    assert any(n.attrs.get("data-claim") == "5" for n in src002.iter())
    # a partial overlap splits the claim 12% into two pieces, the second a continuation
    pieces = [p for p in _pieces(dom, "data-claim", "1") if p.tag == "span"]
    assert [p.text for p in pieces] == ["12", "%"]
    assert "cont" in pieces[1].classes() and "cont" not in pieces[0].classes()


def test_markup_nests_from_sorted_boundaries():
    text = "abcdefghij"
    spans = [_Span(0, 10, 0, "mark", {"class": "f"}, {"id": "F"}),
             _Span(2, 6, 3, "span", {"class": "c"}, {"id": "A"}),
             _Span(4, 8, 3, "span", {"class": "c"}, {"id": "B"})]
    out = markup(text, 0, 10, spans, {5: ["<i></i>"]})
    assert out == ('<mark class="f" id="F">ab<span class="c" id="A">cd<span class="c" id="B">e<i></i>f'
                   '</span></span><span class="c cont">gh</span>ij</mark>')
    parse("<div>" + out + "</div>")
    # the text is intact whatever the nesting
    assert re.sub(r"<[^>]+>", "", out) == text


def test_paragraphs_split_on_blank_lines():
    t = "One.\nstill one.\n\n  \nTwo.\n\nThree.\n"
    assert [t[s:e] for s, e in paragraphs(t)] == ["One.\nstill one.", "Two.", "Three."]
    assert paragraphs("") == []


def test_article_text_is_shown_whole_with_original_line_numbers(dom):
    _, fr = hand_report()
    art = dom.find_all("article", cls="text")[0]
    ps = art.find_all("p")
    assert [p.text for p in ps] == [fr.document.text[s:e] for s, e in paragraphs(fr.document.text)]
    # the original has a date line first, so the article starts on line 2
    assert [p.attrs["data-line"] for p in ps] == ["2", "4"]


def _list_items(dom: Node) -> list[Node]:
    return dom.find_all("ol", cls="findings")[0].find_all("li", cls=None)


def finding_list(dom: Node) -> list[dict]:
    """The side list of the first (or only) file, as the JSON report's fields."""
    ol = dom if dom.tag == "ol" else dom.find_all("ol", cls="findings")[0]
    out = []
    for li in ol.children:
        if not isinstance(li, Node):
            continue
        msg = li.find_all("span", cls="msg")[0].text
        notes = [n.text for n in li.find_all("ul", cls="notes")[0].children if isinstance(n, Node)] \
            if li.find_all("ul", cls="notes") else []
        out.append({"code": li.attrs["data-code"], "severity": li.attrs["data-severity"],
                    "line": int(li.attrs["data-line"]), "column": int(li.attrs["data-column"]),
                    "end_line": int(li.attrs["data-end-line"]), "end_column": int(li.attrs["data-end-column"]),
                    "message": msg, "notes": notes})
    return out


def json_findings(report: Report) -> list[dict]:
    d = json.loads(json.dumps(report_dict(report)))
    return [{k: f.get(k, []) if k == "notes" else f[k]
             for k in ("code", "severity", "line", "column", "end_line", "end_column", "message", "notes")}
            for fl in d["files"] for f in fl["findings"]]


def test_finding_list_matches_json(dom):
    report, _ = hand_report()
    assert finding_list(dom) == json_findings(report)
    assert len(finding_list(dom)) == 6


def test_list_items_link_to_their_marks(dom):
    _, fr = hand_report()
    for j, li in enumerate(x for x in dom.find_all("ol", cls="findings")[0].children if isinstance(x, Node)):
        a = li.find_all("a", cls="jump")[0]
        target = dom.by_id(a.attrs["href"][1:])
        assert target.tag == "mark" and target.attrs["data-code"] == fr.findings[j].code


def test_everything_from_the_article_is_escaped(page, dom):
    # the only script element is ours; the article's and the message's <script> are text
    assert page.count("<script>") == 1
    assert "<b>really</b>" not in page and "&lt;b&gt;really&lt;/b&gt;" in page
    assert '<script>alert("x")</script>' in dom.find_all("article")[0].text
    assert "alert" not in dom.find_all("script")[0].text
    assert "news/&lt;acme&gt;&amp;.txt" in page
    h2 = dom.find_all("h2")[0]
    assert h2.text == "news/<acme>&.txt"
    # quotes inside attributes cannot break out of them
    mark = dom.by_id("f1-x1")
    assert mark.attrs["title"].endswith("odd \"change\" & 'quotes'")
    assert "Acme & Sons" in dom.find_all("article")[0].text and "Acme &amp; Sons" in page


def test_timeline_marks_conflicts(dom):
    svg = dom.find_all("svg", cls="tl")[0]
    pts = [a for a in svg.find_all("a") if "pt" in a.classes()]
    assert sorted(a.attrs["data-claim"] for a in pts) == ["0", "6"]
    bad = [a for a in pts if "bad" in a.classes()]
    # the Friday date sits under TIM001: red, and a cross rather than a dot
    assert [a.attrs["data-claim"] for a in bad] == ["0"]
    assert bad[0].find_all("path") and not bad[0].find_all("circle")
    assert "\u2716" in bad[0].find_all("text")[0].text
    assert [n for n in svg.iter() if "pub" in n.classes()], "publication date marked"


def test_claims_table_in_text_order(dom):
    _, fr = hand_report()
    table = dom.find_all("table", cls="claims")[0]
    rows = table.find_all("tbody")[0].find_all("tr")
    assert [r.find_all("a")[0].text for r in rows] == [c.text for c in sorted(fr.claims, key=lambda c: c.start)]
    heads = [th.text for th in table.find_all("th")]
    assert heads[:4] == ["#", "Line", "Kind", "Text"]
    assert table.find_all("th")[0].attrs.get("aria-sort") == "ascending"
    money = rows[2].find_all("td")
    assert money[4].text == "3,600,000,000" and money[5].text == "GBP"
    assert money[7].text == "Acme & Sons" and money[8].text == "CUR002"


def test_scheme_print_and_palette(page):
    assert "prefers-color-scheme: dark" in page and '[data-theme="dark"]' in page
    assert "@media print" in page
    for colour in ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00"):
        assert colour in page
    # a second cue besides colour: underline styles per kind
    for style in ("double", "dotted", "dashed", "wavy"):
        assert f"text-decoration-style:{style}" in page


def test_error_and_empty_files():
    report = Report((FileResult(path="gone.txt", document=None, error="gone.txt: no such file"),
                     FileResult(path="empty.txt", document=make_doc("", header=""))))
    dom = parse(render_page(report))
    assert "no such file" in dom.find_all("p", cls="error")[0].text
    assert len(dom.find_all("section", cls="file")) == 2
    assert dom.find_all("nav", cls="toc")
    parse(render_page(Report(())))


def test_runner_writes_the_page(tmp_path):
    """Through the same pipeline as every format: runner -> FORMATTERS -> -o file."""
    from numcheck import runner

    out = tmp_path / "review.html"
    sample = ROOT / "fixtures" / "seed-article.txt"
    runner.run_check(runner.CheckOptions(paths=[str(sample)], format="html", output=str(out)))
    dom = parse(out.read_text(encoding="utf-8"))
    art = dom.find_all("article")[0]
    assert "Qassem Soleimani" in art.text
    assert not art.text.startswith("date 2023")  # the date line is metadata, not prose
    assert "published 2023-12-27" in dom.find_all("p", cls="meta")[0].text


ARTICLES = sorted(p for p in Path("/work/shared/fixtures-dev").glob("*.*") if p.suffix in (".txt", ".md", ".html")) \
    + [ROOT / "fixtures" / "seed-article.txt"] + sorted((ROOT / "fixtures" / "review").glob("*.*"))


@pytest.mark.skipif(not ARTICLES, reason="no articles to render")
def test_real_articles_highlight_exactly():
    """Plain text, Markdown and HTML articles through the real pipeline: every claim and
    finding highlight holds exactly the analysed characters, and the list matches JSON."""
    from numcheck.runner import Job, process_file

    results = tuple(process_file(Job(path=str(p), command="check", published=None, published_until=None,
                                     config_path=None)) for p in ARTICLES)
    report = Report(results)
    dom = parse(render_page(report))
    sections = dom.find_all("section", cls="file")
    assert len(sections) == len(results)
    assert finding_list_all(dom) == json_findings(report)
    for fr, sec in zip(results, sections):
        if fr.error:
            assert fr.error in sec.find_all("p", cls="error")[0].text
            continue
        text = fr.document.text
        claims = {}
        for n in sec.find_all("span", cls="c"):
            claims[n.attrs["data-claim"]] = claims.get(n.attrs["data-claim"], "") + n.text
        assert claims == {str(i): c.text for i, c in enumerate(fr.claims)}
        for i, c in enumerate(fr.claims):
            assert c.text == text[c.start:c.end]
        marks = {}
        for n in sec.find_all("mark", cls="f"):
            marks[n.attrs["data-finding"]] = marks.get(n.attrs["data-finding"], "") + n.text
        assert marks == {str(j): text[loc.finding.start:loc.finding.end] for j, loc in enumerate(fr.findings)}


def finding_list_all(dom: Node) -> list[dict]:
    return [item for ol in dom.find_all("ol", cls="findings") for item in finding_list(ol)]


def test_markup_any_spans_nest_and_keep_their_text():
    """Random overlapping spans: well-formed markup, the text intact, each span's pieces
    (first one carrying the id) holding exactly its characters."""
    from hypothesis import given, settings, strategies as st

    text = "The <b>\u00a33.6bn</b> & \"$4.5bn\" deal, 12 miles (31 km) on Friday.\nNext line."

    span_st = st.tuples(st.integers(0, len(text)), st.integers(0, len(text)), st.integers(0, 3))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(span_st, max_size=8), st.lists(st.integers(0, len(text)), max_size=3))
    def check(raw, pts):
        spans = [_Span(min(a, b), max(a, b), pr, "span", {"data-k": str(k)}, {"id": f"s{k}"})
                 for k, (a, b, pr) in enumerate(raw)]
        points = {}
        for p in pts:
            points.setdefault(p, []).append("<i></i>")
        out = markup(text, 0, len(text), spans, points)
        root = parse("<div>" + out + "</div>")
        assert root.text == text
        assert len(root.find_all("i")) == len(pts)
        for k, s in enumerate(spans):
            pieces = [n for n in root.iter() if n.attrs.get("data-k") == str(k)]
            if s.end > s.start:
                assert "".join(p.text for p in pieces) == text[s.start:s.end]
                assert pieces[0].attrs.get("id") == f"s{k}"
                assert all("id" not in p.attrs for p in pieces[1:])
            else:
                assert not pieces

    check()


@pytest.mark.parametrize("dates", [
    [dt.date(1, 1, 1), dt.date(9999, 12, 31)],
    [dt.date(9999, 12, 30), dt.date(9999, 12, 31)],
    [dt.date(1, 1, 1)],
    [dt.date(2024, 3, 1), dt.date(2024, 3, 2)],
    [dt.date(1990, 1, 1), dt.date(2023, 5, 1), dt.date(2023, 6, 1)],
])
def test_timeline_survives_any_dates(dates):
    words = " ".join(f"d{k}" for k in range(len(dates)))
    doc = make_doc(words)
    claims = tuple(claim(words, "date", f"d{k}", k, date_start=d, date_end=d) for k, d in enumerate(dates))
    dom = parse(render_page(Report((FileResult(path="x.txt", document=doc, claims=claims),))))
    pts = [a for a in dom.find_all("svg", cls="whole")[0].find_all("a") if "pt" in a.classes()]
    assert len(pts) == len(dates)


def test_command_line_writes_the_page(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "review.html"
    proc = subprocess.run([sys.executable, "-m", "numcheck", "check", "--format", "html", "-o", str(out),
                           "fixtures/review/harbour-sale.txt"], cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert proc.stdout == b""
    dom = parse(out.read_text("utf-8"))
    assert dom.find_all("h2")[0].text == "fixtures/review/harbour-sale.txt"
    assert "Harbourton" in dom.find_all("article")[0].text
