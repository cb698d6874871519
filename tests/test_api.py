"""The library API: numcheck.check / numcheck.extract without the CLI, typed and immutable."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import numcheck
from numcheck.config import Config
from numcheck.models import Claim, FileResult, Located


def test_extract_stays_callable_after_the_extractors_are_imported():
    import numcheck.engine  # noqa: F401  (imports numcheck.extract.* submodules)
    import numcheck.extract.figures  # noqa: F401

    result = numcheck.extract("Revenue rose 12% to $56m from $50m, the company said.", published="2024-05-01")
    assert isinstance(result, FileResult)
    money = [c for c in result.claims if c.kind == "money"]
    assert sorted(c.value for c in money) == [50e6, 56e6]
    assert all(isinstance(c, Claim) for c in result.claims)


def test_check_returns_located_findings_and_accepts_dates():
    text = "Of the company's 2,300 employees, 2,900 work in Perth, the company said."
    result = numcheck.check(text, published=dt.date(2023, 5, 18))
    assert result.published == dt.date(2023, 5, 18)
    assert all(isinstance(f, Located) for f in result.findings)
    fig002 = [f for f in result.findings if f.code == "FIG002"]
    assert len(fig002) == 1 and fig002[0].line == 1
    assert text[fig002[0].column - 1:fig002[0].end_column - 1] == fig002[0].text


def test_results_are_immutable():
    result = numcheck.extract("Profits fell 8% to $1.2bn.", published="2024-01-01")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.path = "x"  # type: ignore[misc]
    claim = result.claims[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.value = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        claim.extra["x"] = 1  # type: ignore[index]


def test_config_selects_rules():
    text = "Of the company's 2,300 employees, 2,900 work in Perth, the company said."
    quiet = numcheck.check(text, published="2023-05-18", config=Config(ignore=("FIG",)))
    assert not [f for f in quiet.findings if f.code.startswith("FIG")]


def test_bad_published_date_is_a_value_error():
    with pytest.raises(ValueError):
        numcheck.check("Nothing here.", published="2023-02-30")
