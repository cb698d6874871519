"""numcheck: a linter for the numbers in prose.

Library use::

    import numcheck
    result = numcheck.check("Revenue rose 12% to $56m from $50m.", published="2024-05-01")
    for f in result.findings:
        print(f.line, f.code, f.finding.message)
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# The extractors live in the subpackage ``numcheck.extract``; importing it here, before the
# function ``extract`` below is defined, keeps ``numcheck.extract`` the function even after
# the subpackage's modules are imported (Python binds a subpackage to its parent's
# attribute only on its first import).  The subpackage's __init__ is a docstring: cheap.
import numcheck.extract as _extractors  # noqa: E402,F401

if TYPE_CHECKING:  # pragma: no cover
    from numcheck.config import Config
    from numcheck.models import FileResult

__all__ = ["__version__", "check", "extract"]


def _as_date(value: "dt.date | str | None") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _document(text: str, published, path: str, format: str | None):
    from numcheck.readers import read_text
    return read_text(text, path, format=format, published=_as_date(published))


def check(text: str, published: "dt.date | str | None" = None, config: "Config | None" = None,
          *, path: str = "<string>", format: str | None = None) -> "FileResult":
    """Check ``text`` and return a :class:`~numcheck.models.FileResult` with located findings."""
    from numcheck.config import DEFAULT
    from numcheck.engine import check_document
    return check_document(_document(text, published, path, format), config or DEFAULT)


def extract(text: str, published: "dt.date | str | None" = None, config: "Config | None" = None,
            *, path: str = "<string>", format: str | None = None) -> "FileResult":
    """Extract every claim (figures, dates, durations, with their sources) from ``text``."""
    from numcheck.config import DEFAULT
    from numcheck.engine import extract_document
    return extract_document(_document(text, published, path, format), config or DEFAULT)
