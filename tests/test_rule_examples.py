"""Every registered rule documents itself with examples, and the examples are true.

The test iterates the registry, so a rule added anywhere (a built-in module or a
rule pack under rules/) is covered the moment it is registered.  Each example runs
through the real engine (``numcheck.check``) with the default settings plus the
rule explicitly selected (which also switches on a pack rule), and the options the rule
declares for its examples (a rule that is quiet until configured, like SRC003).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import numcheck
from numcheck import rules as registry
from numcheck.config import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
RULES = registry.all_rules()
_DATE_LINE = re.compile(r"^date (\d{4}-\d{2}-\d{2})\s*$")


def _run(code: str, example: str):
    """Findings of rule ``code`` on ``example``.  A first line ``date YYYY-MM-DD`` is
    the publication date, as numcheck reads it in a real article; the example goes
    through ``numcheck.check`` unchanged."""
    published = None
    first = example.split("\n", 1)[0]
    m = _DATE_LINE.match(first)
    if m:
        published = dt.date.fromisoformat(m.group(1))
    fmt = "markdown" if "<!--" in example else None
    cfg = DEFAULT.evolve(extend_select=(code,))
    rule_ = registry.get(code)
    if rule_ is not None and rule_.example_options:
        cfg = cfg.evolve(options={**cfg.options, code: dict(rule_.example_options)})
    result = numcheck.check(example, published=published, config=cfg, format=fmt)
    return [loc for loc in result.findings if loc.code == code]


def test_registry_is_not_empty():
    codes = {r.code for r in RULES}
    assert {"NC001", "NC002", "HS001"} <= codes


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_has_examples(r):
    assert r.fires, f"{r.code} {r.name}: no example that fires"
    assert r.quiet, f"{r.code} {r.name}: no example that stays quiet"
    assert r.summary.strip(), f"{r.code}: no summary"


EXAMPLES = [(r.code, kind, i, ex) for r in RULES
            for kind, exs in (("fires", r.fires), ("quiet", r.quiet)) for i, ex in enumerate(exs)]


@pytest.mark.parametrize("code,kind,i,example", EXAMPLES,
                         ids=[f"{c}-{k}-{i}" for c, k, i, _ in EXAMPLES])
def test_rule_example(code, kind, i, example):
    found = _run(code, example)
    if kind == "fires":
        assert found, f"{code} should fire on its example:\n{example}"
    else:
        assert not found, (f"{code} should stay quiet on its example:\n{example}\n"
                           f"but reported: {[loc.finding.message for loc in found]}")


def test_docs_rules_md_is_up_to_date():
    from numcheck.docs import default_path, render

    page = default_path()
    assert page.exists(), "docs/rules.md is missing: run 'python -m numcheck.docs'"
    assert page.read_text(encoding="utf-8") == render(), \
        "docs/rules.md is out of date: run 'python -m numcheck.docs'"


def test_docs_page_lists_every_rule_with_examples():
    from numcheck.docs import render

    page = render()
    for r in RULES:
        assert f"### {r.code} {r.name}" in page
    # options are documented in kebab-case, as they are written in numcheck.toml
    src001 = registry.get("SRC001")
    if src001 is not None and "min_count" in src001.options:
        assert "`min-count`" in page


def test_explain_shows_options(capsys):
    from numcheck.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["explain", "HS003"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert "min_value" in out and "pack house-style" in out
    assert "US$4.5 million" in out
