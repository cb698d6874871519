"""Suppression comments: silence one finding on one line, or a stretch of a file.

Syntax (in every format; the comment is read from the file as given)::

    <!-- numcheck: ignore CUR002 -->                 Markdown and HTML
    [numcheck: ignore CUR002]                        plain text (also works elsewhere)

Directives:

``ignore [CODES]``
    Trailing text on a line: silences that line.  Alone on its line: silences the
    next line that has text (blank lines and other directives are skipped).
``ignore-next-line [CODES]``
    Silences the next line that has text, wherever the comment stands.
``off [CODES]`` ... ``on [CODES]``
    Silences every line from the ``off`` comment to the matching ``on`` (or the end
    of the file).  ``on`` without codes closes every open range; ``on CODES``
    closes the ranges opened with those codes.

CODES are rule codes (``CUR002``), prefixes (``CUR``, ``TIM00``) or names
(``conversion-mismatch``), separated by spaces or commas; none means every rule.
A reason may follow ``--``: ``<!-- numcheck: ignore SRC001 -- our own survey -->``.

A suppression that silences nothing is reported as NC001 (unused-suppression),
like ruff's unused ``noqa``; a directive that cannot be understood (unknown verb
or rule) as NC002 (invalid-suppression).  Both run after every other rule.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from numcheck.models import Finding
from numcheck.rules import rule
from numcheck import fastre

if TYPE_CHECKING:  # pragma: no cover
    from numcheck.config import Config
    from numcheck.engine import Analysis

VERBS = ("ignore", "ignore-next-line", "off", "on")

_DIRECTIVE = fastre.plain(
    r"<!--\s*numcheck\s*:(?P<c>.*?)-->"
    r"|\[\s*numcheck\s*:(?P<b>[^\]\n]*)\]",
    re.S | re.I,
)
_BODY = fastre.plain(r"^\s*(?P<verb>[A-Za-z][\w-]*)?\s*(?P<rest>.*?)\s*$", re.S)


@rule("NC001", "unused-suppression", "warning",
      "A suppression comment that silences no finding.",
      description=(
          "A `numcheck: ignore`, `ignore-next-line` or `off` comment whose rules report "
          "nothing where it applies: the problem it silenced was fixed, or the comment "
          "names the wrong rule or stands on the wrong line. Remove it (or correct it) so "
          "that suppressions keep meaning something. Codes of rules that are not enabled "
          "for the file are not reported. Runs after every other rule."),
      fires=(
          "The council met to discuss the new library. <!-- numcheck: ignore -->",
          "[numcheck: ignore-next-line SRC001]\nThe mayor opened the new library in the spring.",
      ),
      quiet=(
          "The clinic treated 4,500 patients last year. <!-- numcheck: ignore SRC001 -->",
          "The council met to discuss the new library.",
      ))
def _nc001(ctx) -> Iterator[Finding]:  # the work is done in apply_suppressions
    return iter(())


@rule("NC002", "invalid-suppression", "warning",
      "A suppression comment numcheck cannot understand.",
      description=(
          "A `numcheck:` comment with an unknown directive (the directives are ignore, "
          "ignore-next-line, off and on), an unknown rule code, or an `on` with no open "
          "`off`. The parts that can be understood still apply."),
      fires=(
          "The clinic treated 4,500 patients last year. <!-- numcheck: ignroe SRC001 -->",
          "The clinic treated 4,500 patients last year. [numcheck: ignore XYZ999]",
      ),
      quiet=(
          "The clinic treated 4,500 patients last year. "
          "<!-- numcheck: ignore SRC001 -- figure from our own survey -->",
          "The council met to discuss the new library. [numcheck: ignore-next-line TIM]",
      ))
def _nc002(ctx) -> Iterator[Finding]:
    return iter(())


@dataclass
class Directive:
    verb: str
    selectors: tuple[str, ...]          # as written; () means every rule
    codes: dict[str, frozenset[str]]    # selector -> rule codes it names
    reason: str
    ostart: int
    oend: int
    line: int                           # 1-based line of the comment's start
    text: str                           # the comment as written
    first: int = 0                      # target lines (inclusive); 0 = none
    last: int = 0
    used: set[str] = field(default_factory=set)

    def matching(self, code: str) -> list[str]:
        if not self.selectors:
            return ["ALL"]
        return [s for s, codes in self.codes.items() if code in codes]


@dataclass
class Parsed:
    directives: list[Directive]
    problems: list[tuple[int, int, str, str]]   # (ostart, oend, message, comment text)


def _line_bounds(original: str, starts: tuple[int, ...], line: int) -> tuple[int, int]:
    s = starts[line - 1]
    e = starts[line] - 1 if line < len(starts) else len(original)
    return s, e


def parse(original: str, line_starts: tuple[int, ...] | None = None) -> Parsed:
    """Find every ``numcheck:`` directive in ``original`` and work out the lines each covers."""
    from numcheck import rules as registry

    if line_starts is None:
        starts = [0] + [i + 1 for i, ch in enumerate(original) if ch == "\n"]
        line_starts = tuple(starts)
    matches = list(_DIRECTIVE.finditer(original))
    if not matches:
        return Parsed([], [])

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    # lines with prose once directives are removed
    spans_by_line: dict[int, list[tuple[int, int]]] = {}
    for m in matches:
        for ln in range(line_of(m.start()), line_of(max(m.start(), m.end() - 1)) + 1):
            spans_by_line.setdefault(ln, []).append(m.span())
    n_lines = len(line_starts)

    def has_text(ln: int) -> bool:
        s, e = _line_bounds(original, line_starts, ln)
        chunk = original[s:e]
        for ms, me in spans_by_line.get(ln, ()):
            a, b = max(ms, s) - s, min(me, e) - s
            chunk = chunk[:a] + " " * (b - a) + chunk[b:]
        return bool(chunk.strip())

    def next_text_line(after: int) -> int:
        ln = after + 1
        while ln <= n_lines:
            if has_text(ln):
                return ln
            ln += 1
        return 0

    directives: list[Directive] = []
    problems: list[tuple[int, int, str, str]] = []
    open_ranges: list[Directive] = []
    for m in matches:
        comment = " ".join(m.group(0).split())
        body = m.group("c") if m.group("c") is not None else m.group("b")
        head, _, reason = body.partition("--")
        bm = _BODY.match(head)
        verb = (bm.group("verb") or "").lower() if bm else ""
        rest = bm.group("rest") if bm else ""
        if verb not in VERBS:
            problems.append((m.start(), m.end(),
                             f"unknown suppression directive {verb or '(none)'!r} "
                             "(expected ignore, ignore-next-line, off or on)", comment))
            continue
        selectors = tuple(s for s in re.split(r"[\s,]+", rest) if s)
        codes: dict[str, frozenset[str]] = {}
        for sel in selectors:
            found = registry.resolve_selector(sel)
            if not found:
                problems.append((m.start(), m.end(),
                                 f"unknown rule {sel!r} in suppression comment (see 'numcheck rules')",
                                 comment))
                continue
            codes[sel] = frozenset(r.code for r in found)
        if selectors and not codes:
            continue  # nothing valid to suppress: never read as "every rule"
        valid = tuple(s for s in selectors if s in codes)
        first_line = line_of(m.start())
        last_line = line_of(max(m.start(), m.end() - 1))
        d = Directive(verb=verb, selectors=valid, codes=codes, reason=reason.strip(),
                      ostart=m.start(), oend=m.end(), line=first_line, text=comment)
        if verb == "ignore":
            s0, _ = _line_bounds(original, line_starts, first_line)
            _, e1 = _line_bounds(original, line_starts, last_line)
            before = original[s0:m.start()]
            after = original[m.end():e1]
            if _DIRECTIVE.sub(" ", before).strip():
                d.first = d.last = first_line
            elif _DIRECTIVE.sub(" ", after).strip():
                d.first = d.last = last_line
            else:
                d.first = d.last = next_text_line(last_line)
            directives.append(d)
        elif verb == "ignore-next-line":
            d.first = d.last = next_text_line(last_line)
            directives.append(d)
        elif verb == "off":
            d.first, d.last = first_line, n_lines
            open_ranges.append(d)
            directives.append(d)
        else:  # on
            closing = open_ranges if not valid else [
                o for o in open_ranges
                if o.selectors and set(o.selectors) <= set(valid)
                or (o.selectors and set().union(*o.codes.values()) <= set().union(*codes.values()))]
            if not closing:
                problems.append((m.start(), m.end(),
                                 "'numcheck: on' without a matching 'numcheck: off'", comment))
                continue
            for o in list(closing):
                o.last = last_line
                open_ranges.remove(o)
    return Parsed(directives, problems)


def _text_anchor(doc, ostart: int, oend: int) -> tuple[int, int]:
    """A span in ``doc.text`` to report a comment at ``original[ostart:oend]``.

    Plain text keeps comments in the analysed text, so the span is the comment
    itself; Markdown and HTML drop comments, so the span is empty, at the nearest
    text on the comment's line (or the text that follows it)."""
    text = doc.text
    if text == doc.original:
        return ostart, oend
    to_orig = doc.source_map.to_original
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        if to_orig(mid) < ostart:
            lo = mid + 1
        else:
            hi = mid
    return lo, lo


def _active_codes(analysis: "Analysis", config: "Config") -> set[str]:
    """Rules that can fire in this file: enabled by config, and for pack rules, their pack on."""
    from numcheck import rules as registry

    enabled = config.enabled_codes(analysis.document.path)
    try:
        from numcheck.rules.packs import pack_rule_active
    except ImportError:  # pragma: no cover
        return enabled
    return {c for c in enabled if pack_rule_active(registry.get(c), config)}


def apply_suppressions(analysis: "Analysis", findings: Iterable[Finding], config: "Config") -> list[Finding]:
    """Drop suppressed findings; add NC001 (unused) and NC002 (invalid) findings."""
    findings = list(findings)
    doc = analysis.document
    original = doc.original
    if "numcheck" not in original.lower():
        return findings
    parsed = parse(original, doc.line_starts or None)
    if not parsed.directives and not parsed.problems:
        return findings

    kept: list[Finding] = []
    for f in findings:
        line, _, end_line, _ = doc.position(f.start, f.end)
        silenced = False
        for d in parsed.directives:
            if d.first == 0 or d.last < line or d.first > end_line:
                continue
            hits = d.matching(f.code)
            if hits:
                d.used.update(hits)
                silenced = True
        if not silenced:
            kept.append(f)

    from numcheck import rules as registry
    active = _active_codes(analysis, config)
    for code, make in (("NC001", _unused), ("NC002", _invalid)):
        r = registry.get(code)
        if r is None or code not in active:
            continue
        severity = config.severity_of(code, r.severity)
        for ostart, oend, message, comment in make(parsed, active):
            start, end = _text_anchor(doc, ostart, oend)
            line = doc.line_col(ostart)[0]
            if doc.position(start, end)[0] != line:  # comment dropped from the text: say where
                message = f"{message} (comment on line {line})"
            kept.append(Finding(code=r.code, name=r.name, severity=severity, message=message,
                                start=start, end=end, fingerprint_text=comment))
    return kept


def _unused(parsed: Parsed, active: set[str]) -> Iterator[tuple[int, int, str, str]]:
    for d in parsed.directives:
        if not d.selectors:
            if "ALL" not in d.used:
                yield d.ostart, d.oend, _unused_message(d, ()), d.text
            continue
        unused = [s for s in d.selectors if s not in d.used and d.codes[s] & active]
        if unused:
            yield d.ostart, d.oend, _unused_message(d, unused), d.text


def _unused_message(d: Directive, unused: Iterable[str]) -> str:
    unused = list(unused)
    what = f"'numcheck: {d.verb}'"
    where = {"ignore": f"line {d.first}" if d.first else "no line",
             "ignore-next-line": f"line {d.first}" if d.first else "no line",
             "off": f"lines {d.first}-{d.last}"}[d.verb]
    if not unused:
        return f"unused suppression: {what} silences no finding on {where}"
    return f"unused suppression: {what} silences no {', '.join(unused)} finding on {where}"


def _invalid(parsed: Parsed, active: set[str]) -> Iterator[tuple[int, int, str, str]]:
    yield from parsed.problems
