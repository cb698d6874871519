"""JUnit XML, for the test tabs of GitLab, Jenkins and most CI servers.

One ``<testsuite>`` per file; one ``<testcase>`` per finding, failed with a
``<failure>`` whose ``type`` is the rule code; a clean file gets one passing testcase so
it shows as checked; an unreadable file gets a testcase with an ``<error>``.
Every finding is a failure whatever its severity (JUnit has no warnings): the severity
is in the failure's message and text.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, TextIO

from numcheck.models import Report
from numcheck.report.ci_common import display_path, error_message, full_message


def _clean(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry at all."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                                                              and ord(ch) not in (0xFFFE, 0xFFFF)))


def junit_tree(report: Report, cwd: str | None = None) -> ET.Element:
    root = ET.Element("testsuites", name="numcheck")
    total = failures = errors = 0
    for fr in report.files:
        path = _clean(display_path(fr.path, cwd))
        suite = ET.SubElement(root, "testsuite", name=path)
        if fr.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=path, file=path)
            msg = _clean(error_message(fr, path))
            err = ET.SubElement(case, "error", message=msg, type="unreadable")
            err.text = msg
            n, nf, ne = 1, 0, 1
        elif not fr.findings:
            ET.SubElement(suite, "testcase", name="numcheck", classname=path, file=path)
            n, nf, ne = 1, 0, 0
        else:
            for loc in fr.findings:
                f = loc.finding
                where = f"{path}:{loc.line}:{loc.column}"
                case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.name} at {loc.line}:{loc.column}",
                                     classname=path, file=path, line=str(loc.line))
                fail = ET.SubElement(case, "failure", message=_clean(f"[{f.severity}] {f.message}"), type=f.code)
                body = f"{where}: {f.code} [{f.severity}] {full_message(loc)}"
                if loc.text:
                    body += f"\n  text: {loc.text}"
                fail.text = _clean(body)
            n, nf, ne = len(fr.findings), len(fr.findings), 0
        suite.set("tests", str(n))
        suite.set("failures", str(nf))
        suite.set("errors", str(ne))
        suite.set("skipped", "0")
        total, failures, errors = total + n, failures + nf, errors + ne
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    return root


def render(report: Report, out: TextIO, *, options: Any = None) -> None:
    root = junit_tree(report)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
