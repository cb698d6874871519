"""Helpers shared by the CI formats (SARIF, GitHub annotations, JUnit, rdjsonl).

CI systems want paths relative to the checkout (the working directory of the run)
with forward slashes, and a link to each rule's documentation.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from numcheck.models import FileResult, Located

DOCS_ENV = "NUMCHECK_DOCS_URL"


def display_path(path: str, cwd: str | None = None) -> str:
    """``path`` relative to the working directory, with ``/`` separators.

    Paths outside the working directory stay absolute; pseudo paths (``<stdin>``)
    are kept as they are."""
    if not path or (path.startswith("<") and path.endswith(">")):
        return path
    cwd = cwd or os.getcwd()
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive (Windows)
        rel = absolute
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = absolute
    return rel.replace(os.sep, "/")


@lru_cache(maxsize=1)
def docs_base() -> str | None:
    """Absolute URL of numcheck's docs folder, or None when unknown.

    ``$NUMCHECK_DOCS_URL`` wins (the GitHub Action sets it to the docs of the action's
    own checkout); otherwise a ``Documentation`` (or ``Homepage``) Project-URL from the
    installed package's metadata."""
    env = os.environ.get(DOCS_ENV, "").strip()
    if env:
        return env.rstrip("/")
    try:
        from importlib.metadata import PackageNotFoundError, metadata
        meta = metadata("numcheck")
    except Exception:  # not installed, or broken metadata
        return None
    urls = {}
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("documentation", "docs", "homepage", "source"):
        url = urls.get(label)
        if url and "://" in url:
            if label in ("homepage", "source"):
                return url.rstrip("/") + "/docs"
            return url.rstrip("/")
    return None


def heading_anchor(heading: str) -> str:
    """The anchor GitHub (and most Markdown renderers) give a heading:
    ``CUR002 conversion-mismatch`` -> ``cur002-conversion-mismatch``."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def rule_help_uri(code: str, name: str = "") -> str | None:
    """``<docs>/rules.md#cur002-conversion-mismatch``: the rule's heading in docs/rules.md
    (``### CUR002 conversion-mismatch``)."""
    base = docs_base()
    if not base:
        return None
    return f"{base}/rules.md#{heading_anchor(f'{code} {name}' if name else code)}"


def full_message(loc: Located) -> str:
    """The finding's message followed by its notes, one per line."""
    f = loc.finding
    if not f.notes:
        return f.message
    return f.message + "".join(f"\nnote: {n}" for n in f.notes)


def error_message(fr: FileResult, shown: str) -> str:
    """The read error of ``fr``, naming the file as the report shows it."""
    msg = fr.error or ""
    if shown != fr.path and msg.startswith(fr.path + ":"):
        return shown + msg[len(fr.path):]
    return msg


def line_text(fr: FileResult, line: int) -> str | None:
    doc = fr.document
    if doc is None or line < 1 or line > len(doc.line_starts):
        return None
    start = doc.line_starts[line - 1]
    end = doc.line_starts[line] if line < len(doc.line_starts) else len(doc.original)
    return doc.original[start:end]


def rules_by_code() -> dict:
    """The registered rules by code (empty when the registry cannot load)."""
    from numcheck import rules as registry
    return {r.code: r for r in registry.all_rules()}
