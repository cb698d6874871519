"""Where numcheck's data packs live (attribution cues, vague phrases, currencies, policies).

In a wheel they are installed as the package ``numcheck.packs`` (pyproject maps the
top-level ``rules/`` folder there); in a source checkout or an editable install they are
the ``rules/`` folder beside the ``numcheck`` package.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def packs_dir() -> Path:
    here = Path(__file__).resolve().parent          # numcheck/
    installed = here / "packs"
    if installed.is_dir():
        return installed
    checkout = here.parent / "rules"
    if checkout.is_dir():
        return checkout
    try:
        from importlib.resources import files
        return Path(str(files("numcheck.packs")))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover
        return checkout


def data_path(name: str) -> Path:
    """The path of a built-in data file such as ``currencies.toml``."""
    return packs_dir() / name
