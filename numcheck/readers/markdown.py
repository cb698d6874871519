"""Markdown: the prose of a CommonMark (+ tables) document, with exact positions.

markdown-it-py finds the block structure and, for each block, the line range it came
from (``token.map``).  The inline children give the prose runs; each run is located
in the original by a forward scan from the block's first line, so every character of
the analysed text maps back to its own character in the file.  Entities and backslash
escapes come as ``text_special`` tokens (the ``text_join`` rule is off) and map to
their whole source run.

Not prose: front matter (YAML ``---`` / TOML ``+++``), fenced and indented code, inline
code, link targets, autolinks, images, HTML comments and raw HTML.  Markup characters
(``#``, ``*``, ``_``, ``>``, bullets, table pipes) never reach the text.  Each block is
its own paragraph (separated by a blank line); a table row is a paragraph whose cells
are separated by tabs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from numcheck import fastre
from numcheck.readers.builder import TextBuilder

_FRONT = fastre.plain(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(.*?)(?:\r?\n)(\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FM_LINE = fastre.plain(r"""^[ \t]*([A-Za-z_][\w.-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$""", re.M)
_NEWLINE = fastre.plain(r"\r\n?|\n")

_md: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _md
    if _md is None:
        md = MarkdownIt("commonmark", {"html": True}).enable("table")
        md.disable("text_join")
        _md = md
    return _md


@dataclass
class MarkdownResult:
    text: str
    pieces: list[tuple[int, ...]]
    front_matter: dict[str, str] = field(default_factory=dict)


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Simple ``key: value`` pairs of a leading front matter block, and its length."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    pairs: dict[str, str] = {}
    for km in _FM_LINE.finditer(m.group(2)):
        key = km.group(1).lower()
        val = km.group(2)
        if len(val) >= 2 and val[0] == val[-1] and val[0] in "\"'":
            val = val[1:-1]
        pairs.setdefault(key, val)
    return pairs, m.end()


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _NEWLINE.finditer(text))
    return starts


def read_markdown(original: str) -> MarkdownResult:
    fm, fm_end = front_matter(original)
    src = original
    if fm_end:
        # blank the front matter out, keeping its line breaks so line numbers hold
        src = _NEWLINE.sub("\n", original[:fm_end])
        src = re.sub(r"[^\n]", " ", src) + original[fm_end:]
    tokens = _parser().parse(src)
    starts = _line_starts(original)
    b = TextBuilder()
    cursor = 0
    in_row = False
    row_cells = 0
    for tok in tokens:
        t = tok.type
        if t == "tr_open":
            in_row, row_cells = True, 0
            b.paragraph_break()
            continue
        if t == "tr_close":
            in_row = False
            continue
        if t != "inline":
            continue
        if tok.map:
            line = tok.map[0]
            cursor = max(cursor, starts[line] if line < len(starts) else len(original))
        if in_row:
            if row_cells:
                b.sep("\t")
            row_cells += 1
        else:
            b.paragraph_break()
        block_end = starts[tok.map[1]] if tok.map and tok.map[1] < len(starts) else len(original)
        cursor = _inline(tok.children or [], original, cursor, block_end, b)
    text, pieces = b.result()
    # drop a trailing separator
    stripped = text.rstrip()
    return MarkdownResult(stripped, pieces, fm)


def _find(src: str, needle: str, cursor: int, limit: int) -> int:
    i = src.find(needle, cursor, limit + len(needle) + 1 if limit >= cursor else len(src))
    if i == -1:
        i = src.find(needle, cursor)
    return i


def _skip_link_target(src: str, pos: int) -> int:
    """``pos`` at the ``]`` closing a link text: return the offset just past the target."""
    j = pos + 1
    n = len(src)
    if j < n and src[j] == "(":
        depth = 0
        k = j
        while k < n:
            c = src[k]
            if c == "\\":
                k += 2
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            elif c == "<":
                close = src.find(">", k)
                if close != -1 and "\n" not in src[k:close]:
                    k = close + 1
                    continue
            elif c == '"' and depth == 1:
                close = src.find('"', k + 1)
                if close != -1:
                    k = close + 1
                    continue
            k += 1
        return j
    if j < n and src[j] == "[":
        close = src.find("]", j)
        return close + 1 if close != -1 else j
    return j


def _inline(children: list, src: str, cursor: int, limit: int, b: TextBuilder) -> int:
    skip_depth = 0  # inside an autolink
    for i, c in enumerate(children):
        t = c.type
        if t == "text":
            if not c.content:
                continue
            pos = _find(src, c.content, cursor, limit)
            if pos == -1:
                continue
            if not skip_depth:
                b.copy(c.content, pos)
            cursor = pos + len(c.content)
        elif t == "text_special":
            raw = c.markup or c.content
            pos = _find(src, raw, cursor, limit)
            if pos == -1:
                continue
            if not skip_depth:
                b.decoded(c.content, pos, len(raw))
            cursor = pos + len(raw)
        elif t in ("softbreak", "hardbreak"):
            pos = src.find("\n", cursor)
            if pos == -1:
                b.sep("\n")
            else:
                # a line break ends the run; map it to the newline itself
                if src[pos - 1:pos] == "\r":
                    pos -= 1
                if not skip_depth:
                    b.decoded("\n", pos, 1)
                cursor = pos + 1
        elif t == "code_inline":
            m = c.markup or "`"
            o = _find(src, m, cursor, limit)
            if o == -1:
                continue
            close = src.find(m, o + len(m))
            while close != -1 and src.startswith("`", close + len(m)):
                close = src.find(m, close + len(m) + 1)
            cursor = (close + len(m)) if close != -1 else o + len(m)
        elif t == "html_inline":
            pos = _find(src, c.content, cursor, limit)
            if pos != -1:
                cursor = pos + len(c.content)
        elif t == "image":
            o = _find(src, "![", cursor, limit)
            if o == -1:
                continue
            # the alt text may contain brackets: find the matching ]
            depth, k = 0, o + 1
            while k < len(src):
                ch = src[k]
                if ch == "\\":
                    k += 2
                    continue
                if ch == "[":
                    depth += 1
                elif ch == "]":
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            cursor = _skip_link_target(src, k) if k < len(src) else cursor
        elif t == "link_open":
            if c.markup == "autolink" or c.info == "auto":
                skip_depth += 1
                o = _find(src, "<", cursor, limit)
                if o != -1:
                    cursor = o + 1
        elif t == "link_close":
            if c.markup == "autolink" or c.info == "auto":
                skip_depth = max(0, skip_depth - 1)
                o = _find(src, ">", cursor, limit)
                if o != -1:
                    cursor = o + 1
            else:
                o = _find(src, "]", cursor, limit)
                if o != -1:
                    cursor = _skip_link_target(src, o)
        # emphasis, strikethrough: markup only, nothing to copy
    return cursor
