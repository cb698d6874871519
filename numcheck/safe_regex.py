"""Regular expressions written by users, run on a linear-time engine.

Rule packs let a newsroom write its own patterns.  A pattern such as ``(a+)+$``
takes exponential time on a backtracking engine (Python's ``re``) and could hang a
whole run; google-re2 matches in time linear in the input, whatever the pattern.
Features that need backtracking (backreferences like ``\\1``, lookahead
``(?=...)`` and lookbehind ``(?<=...)``) are not supported by re2: such a
pattern is rejected with a clear error instead of being run on ``re``.

Offsets returned by matches are character offsets, as with ``re``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

import re2

__all__ = ["RegexError", "compile_pattern", "SafePattern"]

# memory budget for one compiled pattern (re2 falls back to slower but still
# linear matching when the DFA outgrows it; a pattern too big to compile is an error)
_MAX_MEM = 64 << 20
_MAX_PATTERN_LEN = 5000


class RegexError(ValueError):
    """A pattern that cannot be used: the message says why, in one line."""


_UNSUPPORTED = (
    ("(?<=", "lookbehind '(?<=...)'"),
    ("(?<!", "negative lookbehind '(?<!...)'"),
    ("(?=", "lookahead '(?=...)'"),
    ("(?!", "negative lookahead '(?!...)'"),
    ("(?>", "atomic groups '(?>...)'"),
)


class SafePattern:
    """A compiled re2 pattern with the small ``re``-like surface rules need."""

    __slots__ = ("pattern", "_rx")

    def __init__(self, pattern: str, rx: Any) -> None:
        self.pattern = pattern
        self._rx = rx

    def search(self, text: str, pos: int = 0):
        return self._rx.search(text, pos)

    def finditer(self, text: str) -> Iterator[Any]:
        return self._rx.finditer(text)

    def matches(self, text: str) -> bool:
        return self._rx.search(text) is not None

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"SafePattern({self.pattern!r})"


def _explain(pattern: str, detail: str) -> str:
    why = "patterns run on a linear-time engine (re2) so that no pattern can hang a run"
    for token, feature in _UNSUPPORTED:
        if token in pattern:
            return f"{feature} is not supported: {why} ({detail})"
    if any(f"\\{d}" in pattern for d in "123456789"):
        return f"backreferences like '\\1' are not supported: {why} ({detail})"
    return detail


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, ignore_case: bool = False) -> SafePattern:
    """Compile ``pattern`` with re2; raise :class:`RegexError` when it cannot be."""
    if not isinstance(pattern, str):
        raise RegexError(f"a pattern must be a string, not {type(pattern).__name__}")
    if not pattern:
        raise RegexError("empty pattern")
    if len(pattern) > _MAX_PATTERN_LEN:
        raise RegexError(f"pattern longer than {_MAX_PATTERN_LEN} characters")
    opts = re2.Options()
    opts.log_errors = False
    opts.max_mem = _MAX_MEM
    if ignore_case:
        opts.case_sensitive = False
    try:
        rx = re2.compile(pattern, opts)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else str(exc)
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise RegexError(_explain(pattern, str(detail))) from None
    except Exception as exc:  # re2 raises TypeError/ValueError on odd input
        raise RegexError(str(exc)) from None
    return SafePattern(pattern, rx)


def expand(match: Any, template: str) -> str:
    """``template`` with ``\\1`` / ``\\g<name>`` replaced by the match's groups."""
    try:
        return match.expand(template)
    except Exception as exc:
        raise RegexError(f"bad replacement {template!r}: {exc}") from None
