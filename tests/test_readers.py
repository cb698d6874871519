"""Readers: plain text, positions, encodings, bad input, path expansion, stdin."""
from __future__ import annotations

import datetime as dt
import io
import os
import sys
from pathlib import Path

import pytest

from numcheck.readers import (ARTICLE_SUFFIXES, ReadError, format_for, iter_article_paths,
                              read_bytes, read_path, read_text)
from numcheck.readers import encoding

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures" / "readers"
SHARED = Path("/work/shared/fixtures-dev")
SEED = ROOT / "fixtures" / "seed-article.txt"


def _span_text(doc, start, end):
    a, b = doc.original_span(start, end)
    return doc.original[a:b]


def _lines_cols_text(doc, start, end):
    """The original substring between the reported line/column positions."""
    line, col, eline, ecol = doc.position(start, end)
    lines = doc.original.split("\n")
    offs = [0]
    for ln in lines:
        offs.append(offs[-1] + len(ln) + 1)
    return doc.original[offs[line - 1] + col - 1: offs[eline - 1] + ecol - 1]


# -- plain text ----------------------------------------------------------------------

def test_plain_text_is_identity():
    src = "Line one has 5 apples.\nLine two has $3.\n"
    doc = read_text(src, "a.txt")
    assert doc.text == src
    assert doc.format == "text"
    i = src.index("$3")
    assert doc.position(i, i + 2) == (2, 14, 2, 16)


def test_seed_leading_date_is_not_prose_and_positions_hold():
    doc = read_path(str(SEED))
    assert doc.published == dt.date(2023, 12, 27)
    assert doc.published_from == "leading-date"
    assert doc.text.startswith("Iran’s Revolutionary Guards")
    assert "date 2023" not in doc.text
    i = doc.text.index("Oct. 7")
    # ' date 2023-12-27 ' is 17 characters: "Oct." starts at column 66 of line 1
    assert doc.original.split("\n")[0][65:71] == "Oct. 7"
    assert doc.position(i, i + 6) == (1, 66, 1, 72)
    j = doc.text.index("$50 billion")
    assert _lines_cols_text(doc, j, j + 11) == "$50 billion"
    assert doc.position(j, j + 11)[0] == 19


def test_option_date_wins_and_range_is_kept():
    doc = read_path(str(SEED), published=dt.date(2020, 1, 1), published_until=dt.date(2020, 12, 31))
    assert (doc.published, doc.published_until, doc.published_from) == (
        dt.date(2020, 1, 1), dt.date(2020, 12, 31), "option")
    assert doc.text.startswith("Iran’s")  # the leading date line is still not prose


def test_dateline_gives_date_only_with_a_year():
    doc = read_text("NAIROBI, Aug. 2, 2021 — Kenya said 5 people died.", "d.txt")
    assert (doc.published, doc.published_from) == (dt.date(2021, 8, 2), "dateline")
    doc = read_text("LONDON, March 3 (Reuters) - Oil rose 2%.", "d.txt")
    assert doc.published is None and doc.published_from is None


def test_undated_text():
    doc = read_path(str(SHARED / "waiting-lists.txt")) if SHARED.exists() else read_text("x 5.", "w.txt")
    assert doc.published is None


# -- encodings -----------------------------------------------------------------------

def test_utf8_bom_is_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfSales rose 5%.\n")
    doc = read_path(str(p))
    assert doc.text == "Sales rose 5%.\n"
    assert doc.position(11, 13) == (1, 12, 1, 14)


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("\ufeffCafé costs £5.\n".encode("utf-16-le"))
    assert read_path(str(p)).text == "Café costs £5.\n"
    p.write_bytes("\ufeffCafé costs £5.\n".encode("utf-16-be"))
    assert read_path(str(p)).text == "Café costs £5.\n"


def test_cp1252_news_text_is_sniffed():
    doc = read_path(str(FIX / "cp1252.txt"))
    assert doc.text.startswith("Café prices rose 5% to £3.20 in the “old town”")


def test_declared_html_charset_is_honoured():
    doc = read_path(str(FIX / "latin1.html"))
    assert doc.text == "Café £5"


def test_front_matter_encoding_is_honoured(tmp_path):
    p = tmp_path / "enc.md"
    p.write_bytes("---\nencoding: iso-8859-15\n---\nPrice: 5 €.\n".encode("iso-8859-15"))
    assert read_path(str(p)).text == "Price: 5 €."


def test_undecidable_bytes_are_a_clear_error(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 3)
    with pytest.raises(ReadError) as exc:
        read_path(str(p))
    msg = str(exc.value)
    assert msg.startswith(str(p) + ": ") and "\n" not in msg
    assert "UTF-8" in msg or "binary" in msg


# -- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize("name, needle", [
    ("binary.txt", "looks binary"),
    ("empty.txt", "empty file"),
    ("blank.txt", "empty file"),
    ("missing.txt", "no such file"),
])
def test_bad_inputs_give_one_line_naming_the_file(name, needle):
    path = str(FIX / name)
    before = (FIX / name).read_bytes() if (FIX / name).exists() else None
    with pytest.raises(ReadError) as exc:
        read_path(path)
    msg = str(exc.value)
    assert msg.startswith(path + ": ")
    assert needle in msg
    assert "\n" not in msg
    after = (FIX / name).read_bytes() if (FIX / name).exists() else None
    assert before == after  # never written


def test_directory_is_an_error():
    with pytest.raises(ReadError, match="is a directory"):
        read_path(str(FIX))


def test_too_large_is_checked_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:  # sparse: 50 MiB without writing 50 MiB
        fh.truncate(50 * 1024 * 1024)

    def no_open(*a, **k):  # reading the file at all would be a bug
        raise AssertionError("read before the size check")

    monkeypatch.setattr("builtins.open", no_open)
    with pytest.raises(ReadError) as exc:
        read_path(str(p))
    assert str(exc.value) == f"{p}: too large (52.4 MB > 10 MB limit)"


def test_max_bytes_constant_is_10_mb():
    assert encoding.MAX_BYTES == 10_000_000


def test_read_bytes_size_limit():
    with pytest.raises(ReadError, match="too large"):
        read_bytes(b"a" * (encoding.MAX_BYTES + 1), "x.txt")


# -- stdin -----------------------------------------------------------------------------

def test_stdin(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO("NAIROBI, Aug. 2, 2021 — It rose 5%.\n".encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    doc = read_path("-")
    assert doc.path == "<stdin>"
    assert doc.published == dt.date(2021, 8, 2)


def test_stdin_html_is_recognised(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"<html><body><p>It rose 5%.</p></body></html>"))
    monkeypatch.setattr(sys, "stdin", fake)
    doc = read_path("-")
    assert doc.format == "html" and doc.text == "It rose 5%."


def test_empty_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(ReadError, match=r"^<stdin>: empty file$"):
        read_path("-")


# -- paths -----------------------------------------------------------------------------

def test_format_for():
    assert [format_for(p) for p in ("a.MD", "b.markdown", "c.htm", "d.HTML", "e.txt", "f")] == [
        "markdown", "markdown", "html", "html", "text", "text"]


def test_iter_article_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "node_modules").mkdir()
    (tmp_path / ".venv").mkdir()
    for rel in ("z.md", "a.txt", "b/c.html", "b/d.htm", "b/e.markdown", "notes.pdf",
                ".git/x.md", "node_modules/y.md", ".venv/z.txt", ".hidden.md"):
        (tmp_path / rel).write_text("It rose 5%.")
    got = iter_article_paths([str(tmp_path)])
    rel = [os.path.relpath(p, tmp_path) for p in got]
    assert rel == ["a.txt", os.path.join("b", "c.html"), os.path.join("b", "d.htm"),
                   os.path.join("b", "e.markdown"), "z.md"]
    assert all(p.endswith(ARTICLE_SUFFIXES) for p in got)
    assert not any(".git" in p or "node_modules" in p or ".venv" in p or ".hidden" in p for p in got)
    # deterministic, no duplicates, stdin kept
    assert iter_article_paths([str(tmp_path), "-", str(tmp_path / "a.txt")]) == got + ["-"]


def test_iter_article_paths_errors(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        iter_article_paths([str(tmp_path / "nope")])
    (tmp_path / "only.pdf").write_text("x")
    with pytest.raises(ReadError) as exc:
        iter_article_paths([str(tmp_path)])
    assert str(exc.value).startswith(f"{tmp_path}: no articles found")
