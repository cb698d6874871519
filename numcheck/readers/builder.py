"""Build analysed text piece by piece while recording where each piece came from.

Readers append verbatim runs of the original (``copy``), decoded runs that stand for a
longer original run (``decoded``: an entity or escape), and separators that exist only in
the analysed text (``sep``: paragraph breaks between blocks).  The result is the text
plus the pieces of a :class:`~numcheck.models.SourceMap`.
"""
from __future__ import annotations

from numcheck.models import SourceMap


class TextBuilder:
    __slots__ = ("parts", "pieces", "length")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[tuple[int, ...]] = []
        self.length = 0

    def copy(self, chunk: str, orig_start: int) -> None:
        """Append ``chunk``, which is ``original[orig_start:orig_start+len(chunk)]``."""
        if not chunk:
            return
        n = len(chunk)
        last = self.pieces[-1] if self.pieces else None
        if (last is not None and len(last) == 3 and last[0] + last[2] == self.length
                and last[1] + last[2] == orig_start):
            self.pieces[-1] = (last[0], last[1], last[2] + n)
        else:
            self.pieces.append((self.length, orig_start, n))
        self.parts.append(chunk)
        self.length += n

    def decoded(self, chunk: str, orig_start: int, orig_length: int) -> None:
        """Append ``chunk`` standing for ``orig_length`` original characters."""
        if not chunk:
            return
        if orig_length == len(chunk):
            self.copy(chunk, orig_start)
            return
        self.pieces.append((self.length, orig_start, len(chunk), orig_length))
        self.parts.append(chunk)
        self.length += len(chunk)

    def sep(self, chunk: str) -> None:
        """Append text with no counterpart in the original (maps to the previous piece's end)."""
        if chunk:
            self.parts.append(chunk)
            self.length += len(chunk)

    def tail(self, n: int = 2) -> str:
        out = ""
        for p in reversed(self.parts):
            out = p + out
            if len(out) >= n:
                break
        return out[-n:]

    def paragraph_break(self) -> None:
        """Make sure the text so far ends with a blank line (unless it is empty)."""
        if not self.length:
            return
        t = self.tail(2)
        if t == "\n\n":
            return
        self.sep("\n" if t.endswith("\n") else "\n\n")

    def text(self) -> str:
        return "".join(self.parts)

    def result(self) -> tuple[str, list[tuple[int, ...]]]:
        return self.text(), self.pieces


def strip_prefix(text: str, pieces: list[tuple[int, ...]] | None, n: int
                 ) -> tuple[str, list[tuple[int, ...]]]:
    """Drop the first ``n`` characters of ``text``, shifting the pieces (None = identity)."""
    if pieces is None:
        pieces = [(0, 0, len(text))]
    out: list[tuple[int, ...]] = []
    for p in pieces:
        t, o, length = p[0], p[1], p[2]
        end = t + length
        if end <= n:
            continue
        if t < n:
            if len(p) > 3:  # a decoded run cut in half: map what is left to its start
                out.append((0, o, end - n, p[3]))
                continue
            cut = n - t
            out.append((0, o + cut, length - cut))
        else:
            out.append((t - n,) + tuple(p[1:]))
    return text[n:], out


def slice_text(text: str, pieces: list[tuple[int, ...]], a: int, b: int
               ) -> tuple[str, list[tuple[int, ...]]]:
    """Keep ``text[a:b]``, with the pieces that cover it shifted to start at 0."""
    text, pieces = strip_prefix(text[:b], pieces, a)
    n = len(text)
    out = []
    for p in pieces:
        if p[0] >= n:
            break
        if p[0] + p[2] > n and len(p) == 3:
            p = (p[0], p[1], n - p[0])
        out.append(p)
    return text, out


def make_map(pieces: list[tuple[int, ...]] | None) -> SourceMap:
    return SourceMap(pieces if pieces is not None else None)
