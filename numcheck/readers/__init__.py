"""Readers: turn a file (plain text, Markdown, HTML) into a :class:`Document`.

``read_path`` reads bytes from disk (never writes), decodes them, picks a reader by
extension, and finds the publication date.  ``read_text`` does the same for a string.
Every failure is a :class:`ReadError` with one clear line naming the file.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from numcheck.models import Document

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


class ReadError(Exception):
    """An input that cannot be read; the message is one line naming the file."""


def format_for(path: str) -> str:
    low = path.lower()
    if low.endswith((".md", ".markdown")):
        return "markdown"
    if low.endswith((".html", ".htm")):
        return "html"
    return "text"


def read_text(text: str, path: str = "<string>", *, format: str | None = None,
              published: dt.date | None = None, published_until: dt.date | None = None) -> Document:
    fmt = format or format_for(path)
    return Document.build(path, text, text, format=fmt, published=published,
                          published_until=published_until,
                          published_from="option" if published else None)


def read_path(path: str, *, published: dt.date | None = None,
              published_until: dt.date | None = None) -> Document:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadError(f"{path}: not UTF-8 text") from None
    return read_text(text, path, published=published, published_until=published_until)
