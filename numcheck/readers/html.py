"""HTML: the article's main text (with positions into the HTML file) and its date.

Two tools, each for what it does best:

* The text comes from the standard library's ``html.parser``: it reports the line and
  column of every tag and text chunk (``getpos``) and, with ``convert_charrefs=False``,
  hands entities over separately, so each character of the text, decoded entities
  included, maps to its own place in the file.  The main text is ``<article>`` if there
  is one (the longest, when there are several), else ``<main>``, else ``<body>``;
  boilerplate (header, footer, nav, aside, script, style, noscript, form, template...)
  is left out, and block elements become paragraph breaks.
* The publication date comes from selectolax (lexbor bindings: maintained, fast, a
  real HTML5 tree with CSS selectors) looking at the usual metadata.  Trafilatura
  would find main text well, but it is a heavy dependency tree and returns text
  without source positions, which a linter reporting line:column cannot use.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from html.parser import HTMLParser

from numcheck.readers.builder import TextBuilder, slice_text, strip_prefix
from numcheck.readers.pubdate import parse_date_value
from numcheck import fastre

BLOCK = frozenset("""
address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption
figure footer h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table
tbody td tfoot th thead tr ul body html
""".split())
SKIP = frozenset("""
script style noscript template form nav aside header footer head title svg math iframe
object embed button select textarea canvas audio video map dialog
""".split())
# inside the chosen <article>/<main> an article's own header (headline, byline) is kept
SKIP_IN_CONTAINER = SKIP - {"header", "footer"}
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

_WS_RUN = fastre.plain(r"\s+")
_HAS_NL = fastre.plain(r"[\r\n]")
_ENTITY = fastre.plain(r"&#?[A-Za-z0-9.-]+;?")


class _Extractor(HTMLParser):
    def __init__(self, original: str, container: str | None) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.container = container  # "article", "main" or None (the whole body)
        self.depth = 0  # nesting of the container tag while inside it
        self.open_at = 0
        self.regions: list[tuple[int, int]] = []  # text ranges of each top-level container
        self.skipping: list[str] = []
        self.b = TextBuilder()
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", original))

    # offset of the current event in the original
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    @property
    def capturing(self) -> bool:
        if self.skipping:
            return False
        return self.container is None or self.depth > 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.container and tag == self.container:
            self.depth += 1
            if self.depth == 1:
                self.b.paragraph_break()
                self.open_at = self.b.length
                return
        if not (self.container is None or self.depth > 0):
            return
        skip = SKIP_IN_CONTAINER if self.container else SKIP
        if tag in skip and tag not in VOID:
            self.skipping.append(tag)
            return
        if any(k == "hidden" for k, _ in attrs) and tag not in VOID:
            self.skipping.append(tag)
            return
        if tag in BLOCK and self.capturing:
            self.b.paragraph_break()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCK and self.capturing:
            self.b.paragraph_break()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if self.container and tag == self.container and self.depth > 0:
            self.depth -= 1
            if self.depth == 0:
                self.regions.append((self.open_at, self.b.length))
                self.b.paragraph_break()
            return
        if tag in BLOCK and self.capturing:
            self.b.paragraph_break()

    def handle_data(self, data: str) -> None:
        if not self.capturing or not data:
            return
        start = self._offset()
        pos = 0
        b = self.b
        for m in _WS_RUN.finditer(data):
            if m.start() > pos:
                b.copy(data[pos:m.start()], start + pos)
            run = m.group()
            if _HAS_NL.search(run) or run != " " and len(run) > 1:
                # collapse whitespace as a browser does; one space stands for the run
                if b.length and not b.tail(1).isspace():
                    b.decoded(" ", start + m.start(), len(run))
            else:
                b.copy(run, start + m.start())
            pos = m.end()
        if pos < len(data):
            b.copy(data[pos:], start + pos)

    def _entity(self, raw: str, decoded: str) -> None:
        if not self.capturing:
            return
        start = self._offset()
        m = _ENTITY.match(self.original, start)
        n = m.end() - start if m else len(raw)
        if decoded == "\xa0":
            decoded = " "
        self.b.decoded(decoded, start, n)

    def handle_entityref(self, name: str) -> None:
        decoded = unescape(f"&{name};")
        if decoded == f"&{name};":
            decoded = unescape(f"&{name}")
        self._entity("&" + name + ";", decoded)

    def handle_charref(self, name: str) -> None:
        self._entity("&#" + name + ";", unescape(f"&#{name};"))


def _container(original: str) -> str | None:
    low = original.lower()
    for tag in ("article", "main"):
        if re.search(r"<" + tag + r"[\s>/]", low):
            return tag
    return None


def _extract(original: str, container: str | None) -> tuple[str, list[tuple[int, ...]]]:
    ex = _Extractor(original, container)
    try:
        ex.feed(original)
        ex.close()
    except Exception:  # html.parser is lenient; never let odd markup crash a run
        pass
    text, pieces = ex.b.result()
    if container:
        if ex.depth > 0:  # unclosed container: it runs to the end
            ex.regions.append((ex.open_at, len(text)))
        if not ex.regions:
            return "", []
        # several <article>s (teasers, related stories): the longest is the article
        a, b = max(ex.regions, key=lambda r: (r[1] - r[0], -r[0]))
        text, pieces = slice_text(text, pieces, a, b)
    return text, pieces


def read_html(original: str) -> tuple[str, list[tuple[int, ...]]]:
    container = _container(original)
    text, pieces = _extract(original, container)
    if container and not text.strip():
        text, pieces = _extract(original, None)
    # trim surrounding whitespace and separators
    n = len(text) - len(text.lstrip())
    if n:
        text, pieces = strip_prefix(text, pieces, n)
    return text.rstrip(), pieces


# -- publication date ----------------------------------------------------------------

_META_KEYS = (
    ("property", "article:published_time"),
    ("property", "og:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "publication_date"),
    ("name", "dc.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.created"),
    ("name", "sailthru.date"),
    ("name", "parsely-pub-date"),
)


def html_published(original: str) -> dt.date | None:
    """The publication date from HTML metadata, JSON-LD or a ``<time>`` element."""
    try:
        from selectolax.lexbor import LexborHTMLParser as Parser
    except ImportError:  # pragma: no cover - older selectolax
        from selectolax.parser import HTMLParser as Parser
    tree = Parser(original)
    metas = tree.css("meta")
    index: dict[tuple[str, str], str] = {}
    for node in metas:
        attrs = node.attributes
        content = attrs.get("content") or attrs.get("datetime") or ""
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            v = attrs.get(attr)
            if v:
                index.setdefault((attr, v.strip().lower()), content)
    for attr, key in _META_KEYS:
        v = index.get((attr, key.lower()))
        if v:
            d = parse_date_value(v)
            if d:
                return d
    for node in tree.css('script[type="application/ld+json"]'):
        d = _jsonld_date(node.text() or "")
        if d:
            return d
    for sel in ("[itemprop=datePublished]", "time[pubdate]", "article time[class*=publish]",
                "time[class*=publish]"):
        for node in tree.css(sel):
            attrs = node.attributes
            v = attrs.get("datetime") or attrs.get("content") or node.text()
            d = parse_date_value(v or "")
            if d:
                return d
    # a <time datetime> in the page's header or byline ("By ... | <time ...>Dec. 8</time>"):
    # where a page without metadata shows when it was published.  A <time> in the body of
    # the story dates an event, so only these places count.
    for node in tree.css("time[datetime]"):
        if _in_byline(node):
            d = parse_date_value(node.attributes.get("datetime") or "")
            if d:
                return d
    return None


_BYLINE_WORDS = ("byline", "dateline", "date", "meta", "posted", "publish", "timestamp", "author", "credit")


def _in_byline(node) -> bool:
    """True when ``node`` sits in a header, or in an element whose class or id names a byline,
    a dateline or the article's metadata (up to four levels up)."""
    cur = node
    for _ in range(5):
        if cur is None:
            return False
        if cur.tag in ("header", "address"):
            return True
        if cur.tag in ("article", "main", "body", "section"):
            return False
        attrs = cur.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if any(w in names for w in _BYLINE_WORDS):
            return True
        cur = cur.parent
    return False


def _jsonld_date(raw: str) -> dt.date | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            v = item.get("datePublished")
            if isinstance(v, str):
                d = parse_date_value(v)
                if d:
                    return d
            stack.extend(x for x in item.values() if isinstance(x, (list, dict)))
    return None
