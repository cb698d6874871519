"""Test-session setup: compiled patterns are cached in a folder of this session's own.

numcheck keeps the engine code of its patterns under the user's cache folder between
runs (``numcheck/fastre.py``).  The tests compile thousands of throwaway patterns
(hypothesis), which must not land in the user's cache, so every process the tests start
caches into a temporary folder instead.
"""
from __future__ import annotations

import os
import tempfile

if "NUMCHECK_CACHE_DIR" not in os.environ:
    os.environ["NUMCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="numcheck-test-cache-")
