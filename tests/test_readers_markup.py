"""Markdown and HTML readers: what is prose, and positions that point into the file."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings, strategies as st

from numcheck.readers import read_path, read_text
from numcheck.readers.html import html_published

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures" / "readers"
SHARED = Path("/work/shared/fixtures-dev")


def located(doc, needle, nth=0):
    """(line, col, end_line, end_col) of the nth occurrence of needle in the text."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(needle, i + 1)
    return doc.position(i, i + len(needle))


def where_in_original(doc, needle, nth=0):
    """The same, computed independently from the original file."""
    i = -1
    for _ in range(nth + 1):
        i = doc.original.index(needle, i + 1)
    before = doc.original[:i]
    line = before.count("\n") + 1
    col = i - (before.rfind("\n") + 1) + 1
    return line, col, line, col + len(needle)


# -- Markdown ---------------------------------------------------------------------

def test_markdown_fixture_prose_only():
    doc = read_path(str(FIX / "article.md"))
    assert (doc.published, doc.published_from) == (dt.date(2021, 3, 4), "front-matter")
    t = doc.text
    for absent in ("title", "---", "code 42", "indented 43", "inline 44", "https://", "7.pdf",
                   "Table 9", "numcheck:", "<span>", "auto.example", "chart 99", "img.png",
                   "#", "*", "|", ">", "- item"):
        assert absent not in t, absent
    for present in ("Heading with 5 stars", "The budget rose 12% to $56 million, see the table 7.",
                    "Quoted 3 &", "& more.", "item one,", "6 units", "item two", "2020\t$5m"):
        assert present in t, present
    # blocks are paragraphs; a heading is its own
    assert t.startswith("Heading with 5 stars\n\nThe budget")
    assert "\n\n\n" not in t


def test_markdown_positions_point_into_the_file():
    doc = read_path(str(FIX / "article.md"))
    for needle in ("$56 million", "12%", "the table 7", "stars", "6 units", "$5m", "more."):
        assert located(doc, needle) == where_in_original(doc, needle), needle
    # the decoded &amp; covers its whole entity
    i = doc.text.index("& more")
    a, b = doc.original_span(i, i + 1)
    assert doc.original[a:b] == "&amp;"


def test_markdown_toml_front_matter():
    doc = read_path(str(FIX / "toml.md"))
    assert doc.text == "The council said 5 people came."
    assert (doc.published, doc.published_from) == (dt.date(2019, 5, 6), "front-matter")
    assert located(doc, "5 people") == (5, 18, 5, 26)


def test_markdown_escapes_and_emphasis():
    src = "Profits rose \\*only\\* 5%, _said_ **Ms. Lee**.\n"
    doc = read_text(src, "e.md")
    assert doc.text == "Profits rose *only* 5%, said Ms. Lee."
    col = src.index("5%") + 1
    assert located(doc, "5%") == (1, col, 1, col + 2)
    i = doc.text.index("*only*")
    a, b = doc.original_span(i, i + 6)
    assert doc.original[a:b] == "\\*only\\*"


def test_markdown_code_in_lists_and_quotes_is_not_prose():
    src = "- one `x = 5`\n- two\n\n  ```\n  y = 6\n  ```\n\n> ```\n> z = 7\n> ```\n> after 8\n"
    doc = read_text(src, "c.md")
    assert "5" not in doc.text and "6" not in doc.text and "7" not in doc.text
    assert located(doc, "after 8") == (11, 3, 11, 10)


def test_markdown_link_text_kept_target_dropped():
    src = "See [2020 report](https://x.org/2020 \"2020 title\") and [ref 3][r] now 2020.\n\n[r]: https://r.org/3\n"
    doc = read_text(src, "l.md")
    assert doc.text == "See 2020 report and ref 3 now 2020."
    # the last 2020 is the prose one, not the one inside the URL or title
    col = src.rindex("2020") + 1
    assert located(doc, "2020", 1) == (1, col, 1, col + 4)


def test_shared_budget_notes():
    if not (SHARED / "budget-notes.md").exists():
        return
    doc = read_path(str(SHARED / "budget-notes.md"))
    assert "2_400_000_000" not in doc.text and "45%" not in doc.text
    assert "table-7-percent" not in doc.text
    assert located(doc, "$30 million") == where_in_original(doc, "$30 million")
    assert doc.published == dt.date(2020, 7, 9)


def test_markdown_crlf_positions():
    src = "---\r\ndate: 2022-01-02\r\n---\r\n\r\n# Title\r\n\r\nIt rose 5%\r\nto 7%.\r\n"
    doc = read_text(src, "w.md")
    assert doc.published == dt.date(2022, 1, 2)
    assert located(doc, "7%") == (8, 4, 8, 6)
    assert "\r" not in doc.text.replace("\n", "")


# -- HTML -------------------------------------------------------------------------

def test_html_fixture_main_text():
    doc = read_path(str(FIX / "article.html"))
    t = doc.text
    for absent in ("Ignored 1", "Home 2", "Outside the article 3", "7 stories", "var n", "2018\n",
                   "©", "<", "&amp;"):
        assert absent not in t, absent
    assert "Prices up 4% in May" in t
    assert "Sales of AT&T rose to £5bn, up from $4bn." in t
    assert "The firm’s CEO said so.\n\nNew line 8." in t
    # JSON-LD: local date as written, not converted to UTC
    assert (doc.published, doc.published_from) == (dt.date(2018, 11, 2), "html-meta")


def test_html_entities_map_to_their_source():
    doc = read_path(str(FIX / "article.html"))
    for needle, raw in (("4%", "4&#37;"), ("£5bn", "&pound;5bn"), ("$4bn", "&#x24;4bn"),
                        ("AT&T", "AT&amp;T"), ("firm’s", "firm&rsquo;s")):
        i = doc.text.index(needle)
        a, b = doc.original_span(i, i + len(needle))
        assert doc.original[a:b] == raw, needle
    assert located(doc, "£5bn") == where_in_original(doc, "&pound;5bn")


def test_html_whitespace_collapses_but_maps():
    doc = read_path(str(FIX / "article.html"))
    i = doc.text.index("up from")
    a, b = doc.original_span(i, i + len("up from"))
    assert doc.original[a:b] == "up   from"


def test_solar_tariffs_boilerplate_outside_article():
    if not (SHARED / "solar-tariffs.html").exists():
        return
    doc = read_path(str(SHARED / "solar-tariffs.html"))
    assert "Join for" not in doc.text and "Example News" not in doc.text
    assert doc.text.startswith("India raises duties on imported solar panels\n\nIndia will raise")
    assert (doc.published, doc.published_from) == (dt.date(2020, 7, 9), "html-meta")
    assert located(doc, "$4.8bn") == where_in_original(doc, "$4.8bn") == (13, 47, 13, 53)


def test_html_body_fallback_drops_boilerplate():
    src = ("<html><head><title>T 1</title><style>p{x:2}</style></head><body>"
           "<header>Sub 3</header><div><p>Rates rose 4%.</p><form>Pay 5</form></div>"
           "<aside>6 links</aside><footer>7</footer></body></html>")
    doc = read_text(src, "b.html")
    assert doc.text == "Rates rose 4%."
    assert doc.published is None


def test_html_date_sources():
    tpl = "<html><head>{}</head><body><article>{}<p>x</p></article></body></html>"
    cases = [
        ('<meta property="og:published_time" content="2021-05-06T23:59:00-07:00">', "", dt.date(2021, 5, 6)),
        ('<meta name="DC.date.issued" content="2019-02-03">', "", dt.date(2019, 2, 3)),
        ('<meta name="sailthru.date" content="Tue, 04 Aug 2020 10:00:00 -0400">', "", dt.date(2020, 8, 4)),
        ('<meta itemprop="datePublished" content="2017-06-07">', "", dt.date(2017, 6, 7)),
        ("", '<time datetime="2016-01-02T08:00" pubdate>Jan 2</time>', dt.date(2016, 1, 2)),
        ("", '<time datetime="2016-01-02">Jan 2</time>', None),  # no published semantics
        ('<meta name="date" content="not a date">', "", None),
    ]
    for head, body, want in cases:
        assert html_published(tpl.format(head, body)) == want, (head, body)


def test_html_date_from_a_byline_time():
    # a page with no metadata shows its date in the byline or the header
    page = "<html><body>{}<article><p>Rates rose on {}.</p></article></body></html>"
    byline = ('<p class="byline">By A. Writer | <time datetime="2023-12-08T08:30:00-05:00">Dec. 8</time></p>')
    assert html_published(page.format(byline, "Monday")) == dt.date(2023, 12, 8)
    header = '<header><h1>Rates</h1><time datetime="2022-03-04">March 4</time></header>'
    assert html_published(page.format(header, "Monday")) == dt.date(2022, 3, 4)
    # a <time> in the story dates an event, not the page
    assert html_published(page.format("", '<time datetime="2021-07-01">July 1</time>')) is None
    doc = read_text(page.format(byline, "Monday"), "p.html")
    assert doc.published == dt.date(2023, 12, 8)


def test_leading_date_beats_html_meta_and_dateline_is_last():
    src = ('<html><head><meta property="article:published_time" content="2020-01-01"></head>'
           "<body><p>WASHINGTON, May 5, 2019 — It rose.</p></body></html>")
    assert read_text(src, "a.html").published_from == "html-meta"
    src2 = src.replace('<meta property="article:published_time" content="2020-01-01">', "")
    doc = read_text(src2, "a.html")
    assert (doc.published, doc.published_from) == (dt.date(2019, 5, 5), "dateline")


# -- property: verbatim prose maps to itself ------------------------------------------

WORD = st.sampled_from(["rose", "5%", "$2.5bn", "Oct.", "café", "the", "U.S.", "—", "12,000",
                        "said", "“quote”", "x"])
SENT = st.lists(WORD, min_size=1, max_size=8).map(lambda ws: " ".join(ws) + ".")


@st.composite
def markdown_docs(draw):
    blocks = []
    if draw(st.booleans()):
        blocks.append("---\ntitle: t\ndate: 2020-01-02\n---")
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["p", "h", "quote", "list", "code", "link", "emph", "table"]))
        s = draw(SENT)
        if kind == "p":
            blocks.append(s + "\n" + draw(SENT))
        elif kind == "h":
            blocks.append("#" * draw(st.integers(1, 3)) + " " + s)
        elif kind == "quote":
            blocks.append("> " + s + "\n> " + draw(SENT))
        elif kind == "list":
            blocks.append("- " + s + "\n- " + draw(SENT))
        elif kind == "code":
            blocks.append("```\n" + s + "\n```")
        elif kind == "link":
            blocks.append(s + " [" + draw(SENT) + "](http://e.com/5) `c 1` " + draw(SENT))
        elif kind == "emph":
            blocks.append("**" + s + "** and _" + draw(SENT) + "_")
        else:
            blocks.append("| a | b |\n|---|---|\n| " + s + " | " + draw(SENT) + " |")
    return "\n\n".join(blocks) + "\n"


def _check_verbatim(doc, data):
    pieces = doc.source_map._pieces or [(0, 0, len(doc.text))]
    verbatim = [p for p in pieces if len(p) == 3 and p[2] > 0]
    for t, o, n in verbatim:
        assert doc.original[o:o + n] == doc.text[t:t + n]
    if not verbatim:
        return
    t, o, n = data.draw(st.sampled_from(verbatim))
    s = data.draw(st.integers(t, t + n - 1))
    e = data.draw(st.integers(s + 1, t + n))
    # through line/column, as a formatter would
    line, col, eline, ecol = doc.position(s, e)
    lines = doc.original.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    assert doc.original[starts[line - 1] + col - 1:starts[eline - 1] + ecol - 1] == doc.text[s:e]


@settings(max_examples=60, deadline=None)
@given(markdown_docs(), st.data())
def test_property_markdown_spans_map_back(src, data):
    _check_verbatim(read_text(src, "p.md"), data)


@settings(max_examples=40, deadline=None)
@given(st.lists(SENT, min_size=1, max_size=5), st.data())
def test_property_html_spans_map_back(sents, data):
    from html import escape
    src = "<html><body><article>" + "".join(
        f"<p>{escape(s)}\n  <b>{escape(s)}</b></p>" for s in sents) + "</article></body></html>"
    _check_verbatim(read_text(src, "p.html"), data)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80), st.data())
def test_property_text_identity(body, data):
    src = "date 2021-01-01\n" + body + " end."
    doc = read_text(src, "p.txt")
    _check_verbatim(doc, data)


def test_html_longest_article_wins_and_fake_article_falls_back():
    src = ("<html><body><article><p>Teaser 1.</p></article>"
           "<article><h1>Main</h1><p>Long story: rates rose 5% in May, the bank said.</p></article>"
           "<article><p>Related 2.</p></article></body></html>")
    doc = read_text(src, "a.html")
    assert doc.text == "Main\n\nLong story: rates rose 5% in May, the bank said."
    assert located(doc, "5%") == where_in_original(doc, "5%")
    src2 = '<html><body><script>var s = "<article>";</script><p>Body 7.</p></body></html>'
    assert read_text(src2, "b.html").text == "Body 7."
