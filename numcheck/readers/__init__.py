"""Readers: turn a file (plain text, Markdown, HTML) into a :class:`Document`.

``read_path`` reads bytes from disk (never writes), decodes them, picks a reader by
extension, and finds the publication date.  ``read_text`` does the same for a string.
Every failure is a :class:`ReadError` with one clear line naming the file.

Publication date precedence: the ``published`` argument (``--date``: ``option``) >
front matter ``date``/``published`` (``front-matter``) > a leading ``date YYYY-MM-DD``
(``leading-date``; that line is not prose) > HTML metadata (``html-meta``) > a dateline
opening the first paragraph (``dateline``).
"""
from __future__ import annotations

import datetime as dt
import os
import stat
import sys

from numcheck.models import Document, SourceMap
from numcheck.readers.builder import strip_prefix
from numcheck.readers.encoding import MAX_BYTES, DecodeProblem, decode, size_problem
from numcheck.readers.pubdate import (dateline, leading_date, parse_date_option,
                                      parse_date_value)

__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "ReadError", "format_for", "iter_article_paths",
           "parse_date_option", "read_bytes", "read_path", "read_text"]

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
STDIN = "-"
STDIN_NAME = "<stdin>"
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


class ReadError(Exception):
    """An input that cannot be read; the message is one line naming the file."""


def format_for(path: str) -> str:
    low = path.lower()
    if low.endswith((".md", ".markdown")):
        return "markdown"
    if low.endswith((".html", ".htm")):
        return "html"
    return "text"


def _sniff_format(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<article" in head:
        return "html"
    return "text"


def read_text(text: str, path: str = "<string>", *, format: str | None = None,
              published: dt.date | None = None, published_until: dt.date | None = None) -> Document:
    """Build a Document from decoded ``text`` (the file's content as given)."""
    fmt = format or (format_for(path) if path not in (STDIN, STDIN_NAME, "<string>")
                     else _sniff_format(text))
    pieces: list[tuple[int, ...]] | None
    fm: dict[str, str] = {}
    meta_date: dt.date | None = None
    if fmt == "markdown":
        from numcheck.readers.markdown import read_markdown
        res = read_markdown(text)
        prose, pieces, fm = res.text, res.pieces, res.front_matter
    elif fmt == "html":
        from numcheck.readers.html import html_published, read_html
        prose, pieces = read_html(text)
        try:
            meta_date = html_published(text)
        except Exception:  # metadata is a bonus: odd markup must not stop the read
            meta_date = None
    else:
        fmt = "text"
        prose, pieces = text, None

    lead = leading_date(prose)
    if lead:
        prose, pieces = strip_prefix(prose, pieces, lead[1])

    source: str | None = None
    date: dt.date | None = None
    until = published_until
    if published is not None:
        date, source = published, "option"
    else:
        until = None
        fm_date = None
        for key in ("date", "published", "pubdate", "publish_date", "published_at"):
            if fm.get(key):
                fm_date = parse_date_value(fm[key])
                if fm_date:
                    break
        if fm_date:
            date, source = fm_date, "front-matter"
        elif lead:
            date, source = lead[0], "leading-date"
        elif meta_date:
            date, source = meta_date, "html-meta"
        else:
            d = dateline(prose)
            if d:
                date, source = d, "dateline"
    return Document.build(path, prose, text, format=fmt, published=date, published_until=until,
                          published_from=source,
                          source_map=SourceMap(pieces) if pieces is not None else None)


def read_bytes(data: bytes, path: str, *, format: str | None = None,
               published: dt.date | None = None, published_until: dt.date | None = None) -> Document:
    """Decode ``data`` (checking size, binary content and encoding) and read it."""
    problem = size_problem(len(data))
    if problem:
        raise ReadError(f"{path}: {problem}")
    if not data.strip():
        raise ReadError(f"{path}: empty file")
    try:
        text, _enc = decode(data)
    except DecodeProblem as exc:
        raise ReadError(f"{path}: {exc}") from None
    if not text.strip():
        raise ReadError(f"{path}: empty file")
    return read_text(text, path, format=format, published=published,
                     published_until=published_until)


def read_path(path: str, *, published: dt.date | None = None,
              published_until: dt.date | None = None) -> Document:
    """Read a file (or ``-`` for standard input) into a Document.  Never writes."""
    if path == STDIN:
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except (OSError, ValueError, AttributeError) as exc:
            raise ReadError(f"{STDIN_NAME}: cannot read: {exc}") from None
        if len(data) > MAX_BYTES:
            raise ReadError(f"{STDIN_NAME}: too large (over the {MAX_BYTES / 1e6:g} MB limit)")
        return read_bytes(data, STDIN_NAME, published=published, published_until=published_until)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(f"{path}: not a regular file")
    problem = size_problem(st.st_size)
    if problem:
        raise ReadError(f"{path}: {problem}")
    if st.st_size == 0:
        raise ReadError(f"{path}: empty file")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return read_bytes(data, path, format=format_for(path), published=published,
                      published_until=published_until)


def iter_article_paths(paths: list[str] | tuple[str, ...]) -> list[str]:
    """Expand folders (recursively) into article files, in a deterministic order.

    Files named explicitly are kept whatever their suffix; ``-`` stands for stdin.
    Hidden directories (``.git``, ``.venv``), ``node_modules`` and ``__pycache__`` are
    skipped.  A missing path or a folder holding no article is a :class:`ReadError`.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            out.append(p)

    for p in paths:
        if p == STDIN:
            add(p)
            continue
        if os.path.isdir(p):
            found: list[str] = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                        found.append(os.path.join(root, name))
            found.sort(key=lambda f: f.split(os.sep))
            if not found:
                raise ReadError(f"{p}: no articles found (looked for "
                                f"{', '.join(ARTICLE_SUFFIXES)})")
            for f in found:
                add(f)
        elif os.path.exists(p):
            add(p)
        else:
            raise ReadError(f"{p}: no such file or directory")
    return out
