"""SARIF 2.1.0, for GitHub code scanning and any SARIF viewer.

- ``tool.driver.rules`` lists every registered rule (id, name, short and full
  description, help, ``defaultConfiguration.level``); each result points at its rule
  with ``ruleId`` and ``ruleIndex``.
- Locations: ``artifactLocation.uri`` is relative to the working directory, with
  ``uriBaseId`` ``%SRCROOT%`` (described in ``originalUriBaseIds``); files outside it
  get an absolute ``file://`` URI.  Regions are 1-based, ``endColumn`` exclusive, and
  columns count code points (``run.columnKind`` ``unicodeCodePoints``), as in numcheck's
  other reports.
- ``partialFingerprints["numcheckFingerprint/v1"]`` is stable across runs and edits
  elsewhere in the file: a hash of the path, the rule code, the finding's normalised
  text and its occurrence index among findings with the same path, code and text.
- Unreadable files become ``toolExecutionNotifications`` and make
  ``executionSuccessful`` false.
- ``helpUri`` (``<docs>/rules.md#cur002-conversion-mismatch``, the rule's heading in
  docs/rules.md) and ``informationUri`` are absolute URLs into numcheck's docs when the
  docs location is known (``$NUMCHECK_DOCS_URL`` or the package's Project-URL); they
  are left out otherwise (SARIF requires absolute URIs there).  ``help.text`` always
  carries the rule's description.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from numcheck import __version__
from numcheck.models import Report
from numcheck.report.ci_common import (display_path, docs_base, error_message, full_message,
                                         rule_help_uri, rules_by_code)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "numcheckFingerprint/v1"


def artifact_location(path: str, cwd: str) -> dict[str, Any]:
    shown = display_path(path, cwd)
    if shown.startswith("<") and shown.endswith(">"):
        return {"uri": quote(shown.strip("<>"), safe="")}
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": SRCROOT}


def fingerprint(path: str, code: str, text: str, occurrence: int) -> str:
    raw = "\0".join((path, code, text, str(occurrence))).encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()[:32]


def _rule_descriptor(code: str, rule: Any | None, fallback: tuple[str, str]) -> dict[str, Any]:
    if rule is None:  # a finding from a rule that is not registered here (a pack, a test)
        severity, name = fallback
        desc: dict[str, Any] = {"id": code, "defaultConfiguration": {"level": LEVELS.get(severity, "warning")}}
        if name:
            desc["name"] = name
        uri = rule_help_uri(code, name)
        if uri:
            desc["helpUri"] = uri
        return desc
    desc = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description or rule.summary},
        "help": {"text": rule.description or rule.summary, "markdown": rule.description or rule.summary},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": [rule.family.lower()] if rule.family else []},
    }
    uri = rule_help_uri(rule.code, rule.name)
    if uri:
        desc["helpUri"] = uri
    return desc


def sarif_dict(report: Report, cwd: str | None = None) -> dict[str, Any]:
    cwd = cwd or os.getcwd()
    registered = rules_by_code()
    codes = sorted(registered)
    fallback: dict[str, tuple[str, str]] = {}
    for fr in report.files:
        for loc in fr.findings:
            if loc.code not in registered and loc.code not in fallback:
                fallback[loc.code] = (loc.severity, loc.finding.name)
    codes = sorted(set(codes) | set(fallback))
    index = {code: i for i, code in enumerate(codes)}
    rules = [_rule_descriptor(c, registered.get(c), fallback.get(c, ("warning", ""))) for c in codes]

    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for fr in report.files:
        location = artifact_location(fr.path, cwd)
        if fr.error:
            notifications.append({
                "level": "error",
                "message": {"text": error_message(fr, display_path(fr.path, cwd))},
                "locations": [{"physicalLocation": {"artifactLocation": location}}],
            })
            continue
        shown = display_path(fr.path, cwd)
        seen: dict[tuple[str, str], int] = {}
        for loc in fr.findings:
            f = loc.finding
            key_text = f.fingerprint_text or " ".join(loc.text.split())
            occurrence = seen.get((f.code, key_text), 0)
            seen[(f.code, key_text)] = occurrence + 1
            region: dict[str, Any] = {
                "startLine": loc.line,
                "startColumn": loc.column,
                "endLine": loc.end_line,
                "endColumn": loc.end_column,
            }
            if loc.text:
                region["snippet"] = {"text": loc.text}
            results.append({
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": full_message(loc)},
                "locations": [{"physicalLocation": {"artifactLocation": dict(location), "region": region}}],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(shown, f.code, key_text, occurrence)},
            })

    driver: dict[str, Any] = {
        "name": "numcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": rules,
    }
    base = docs_base()
    if base:
        driver["informationUri"] = base
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": Path(cwd).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, out: TextIO, *, options: Any = None) -> None:
    json.dump(sarif_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
