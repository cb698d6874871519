"""CI formats: SARIF, GitHub annotations, JUnit XML, reviewdog rdjsonl.

Two layers:
- the formatters on a hand-built Report with known findings (fast, stable), compared
  with golden files in tests/golden/ and checked for the properties CI relies on
  (SARIF validates against the official schema, GitHub escaping, code point columns,
  relative paths);
- the real command line end to end on fixture articles, with three test-only rules
  registered in the rule registry (so findings do not move as built-in rules land),
  also compared with golden files.

Regenerate golden files after reviewing a change: NUMCHECK_UPDATE_GOLDEN=1 pytest tests/test_formats_ci.py
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from numcheck import rules as registry
from numcheck.models import Document, FileResult, Finding, Located, Report
from numcheck.report import FORMATTERS, FormatOptions, get_formatter
from numcheck.report.github import escape_data, escape_property

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
ARTICLES = GOLDEN / "articles"
SCHEMA = HERE / "schemas" / "sarif-schema-2.1.0.json"
UPDATE = bool(os.environ.get("NUMCHECK_UPDATE_GOLDEN"))
CI_FORMATS = ("sarif", "github", "junit", "rdjsonl")
EXT = {"sarif": "sarif.json", "github": "github.txt", "junit": "junit.xml", "rdjsonl": "rdjsonl"}


# -- test-only rules ----------------------------------------------------------------------

HOSTILE = "100% sure, see: a,b\r\nsecond line"


def _words(word: str, message: str):
    def rule_func(ctx):
        for m in re.finditer(rf"\b{word}\b", ctx.text):
            yield ctx.finding(m.start(), m.end(), message)
    return rule_func


_TST901 = _words("flagged", "the word is flagged: " + HOSTILE)
_TST902 = _words("dubious", "a dubious word")
_TST903 = _words("maybe", "maybe, perhaps")

TEST_RULES = (
    registry.Rule(code="TST901", name="flagged-word", severity="error", summary="The word flagged.",
                  description="Fires on the word `flagged` (test rule).", fires=(), quiet=(), options={},
                  func=_TST901),
    registry.Rule(code="TST902", name="dubious-word", severity="warning", summary="The word dubious.",
                  description="Fires on the word `dubious` (test rule).", fires=(), quiet=(), options={},
                  func=_TST902),
    registry.Rule(code="TST903", name="maybe-word", severity="info", summary="The word maybe.",
                  description="Fires on the word `maybe` (test rule).", fires=(), quiet=(), options={},
                  func=_TST903),
)


@pytest.fixture
def test_rules(monkeypatch):
    registry.load()
    for r in TEST_RULES:
        registry.register(r)
    monkeypatch.setenv("NUMCHECK_DOCS_URL", "https://numcheck.example/docs")
    from numcheck.report import ci_common
    ci_common.docs_base.cache_clear()
    yield TEST_RULES
    for r in TEST_RULES:
        registry._REGISTRY.pop(r.code, None)
    ci_common.docs_base.cache_clear()


# -- a hand-built report -------------------------------------------------------------------

TEXT_A = "Title\n\nCafé “Zoë” flagged 12% rise.\nA dubious\nfigure here.\n"


def _locate(doc: Document, f: Finding) -> Located:
    line, col, end_line, end_col = doc.position(f.start, f.end)
    s, e = doc.original_span(f.start, f.end)
    return Located(f, line, col, end_line, end_col, doc.original[s:e])


def hand_report(root: Path) -> Report:
    """Three files under ``root``: findings (non-ASCII before a span, a span over two lines,
    a hostile message with notes), a clean file, an unreadable file."""
    a_path = str(root / "news" / "a b,c:d.md")   # absolute: reports must show it relative
    doc = Document.build(a_path, TEXT_A, format="markdown")
    i = TEXT_A.index("flagged")
    j = TEXT_A.index("dubious\nfigure")
    k = TEXT_A.index("12%")
    findings = (
        Finding("TST901", "flagged-word", "error", "the word is flagged: " + HOSTILE, i, i + 7,
                fingerprint_text="flagged"),
        Finding("TST903", "maybe-word", "info", "50% more, maybe", k, k + 3,
                notes=("rounded: 12.4% -> 12%",), fingerprint_text="12%"),
        Finding("TST902", "dubious-word", "warning", "a dubious word", j, j + len("dubious\nfigure"),
                fingerprint_text="dubious figure"),
    )
    located = tuple(sorted((_locate(doc, f) for f in findings), key=lambda l: (l.line, l.column)))
    clean = Document.build("news/clean.txt", "Nothing to see.\n")
    return Report((
        FileResult(path=a_path, document=doc, findings=located),
        FileResult(path="news/clean.txt", document=clean),
        FileResult(path="news/empty.txt", document=None, error="news/empty.txt: empty file"),
    ))


def render(fmt: str, report: Report) -> str:
    buf = io.StringIO()
    get_formatter(fmt)(report, buf, options=FormatOptions())
    return buf.getvalue()


# -- golden comparison ---------------------------------------------------------------------

def normalise(fmt: str, text: str, root: Path) -> str:
    """Drop what legitimately varies: the working directory, the version, rules that are
    not test rules (built-in rules land over time)."""
    if fmt != "sarif":
        return text
    data = json.loads(text)
    run = data["runs"][0]
    run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///ROOT/"
    driver = run["tool"]["driver"]
    driver["version"] = driver["semanticVersion"] = "VERSION"
    keep = [r for r in driver["rules"] if r["id"].startswith("TST")]
    new_index = {r["id"]: i for i, r in enumerate(keep)}
    driver["rules"] = keep
    for res in run["results"]:
        assert driver is not None and res["ruleIndex"] is not None
        res["ruleIndex"] = new_index[res["ruleId"]]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"missing golden file {path} (run with NUMCHECK_UPDATE_GOLDEN=1 after review)")
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    expected = path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert json.loads(actual) == json.loads(expected), f"{name} differs from the golden file"
    elif name.endswith(".xml"):
        assert _xml_shape(actual) == _xml_shape(expected), f"{name} differs from the golden file"
    else:
        assert actual.splitlines() == expected.splitlines(), f"{name} differs from the golden file"


def _xml_shape(text: str):
    def walk(el):
        return (el.tag, sorted(el.attrib.items()), (el.text or "").strip(), [walk(c) for c in el])
    return walk(ET.fromstring(text.encode("utf-8")))


def test_help_uri_matches_the_rules_md_headings(test_rules):
    from numcheck.report.ci_common import heading_anchor, rule_help_uri
    assert heading_anchor("CUR002 conversion-mismatch") == "cur002-conversion-mismatch"
    assert rule_help_uri("CUR002", "conversion-mismatch") == \
        "https://numcheck.example/docs/rules.md#cur002-conversion-mismatch"
    rules_md = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    if rules_md.exists():
        headings = {heading_anchor(m.group(1)) for m in
                    re.finditer(r"^#+ (.+)$", rules_md.read_text(encoding="utf-8"), re.M)}
        for r in registry.all_rules():
            if not r.code.startswith("TST"):
                assert heading_anchor(f"{r.code} {r.name}") in headings, f"{r.code}: no heading in docs/rules.md"


def test_formats_registered():
    for fmt in CI_FORMATS:
        assert fmt in FORMATTERS
        assert callable(get_formatter(fmt))


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_hand_built_golden(fmt, tmp_path, monkeypatch, test_rules):
    monkeypatch.chdir(tmp_path)
    out = render(fmt, hand_report(tmp_path))
    assert str(tmp_path) not in out.replace(tmp_path.as_uri(), "")  # paths are relative
    check_golden(f"hand.{EXT[fmt]}", normalise(fmt, out, tmp_path))


# -- SARIF ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    # This copy keeps the log's top-level schema in definitions/Root, with nothing at the
    # root itself: validating against the document as is would accept anything.
    if "properties" not in schema and "Root" in schema.get("definitions", {}):
        schema = {**schema, "$ref": "#/definitions/Root"}
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_validates_and_has_what_code_scanning_needs(tmp_path, monkeypatch, test_rules, sarif_validator):
    monkeypatch.chdir(tmp_path)
    data = json.loads(render("sarif", hand_report(tmp_path)))
    sarif_validator.validate(data)
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "numcheck"
    assert driver["informationUri"] == "https://numcheck.example/docs"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and {"TST901", "TST902", "TST903"} <= set(ids)
    by_id = {r["id"]: r for r in driver["rules"]}
    assert by_id["TST903"]["defaultConfiguration"]["level"] == "note"
    assert by_id["TST901"]["helpUri"] == "https://numcheck.example/docs/rules.md#tst901-flagged-word"
    assert by_id["TST902"]["shortDescription"]["text"] == "The word dubious."
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["TST901", "TST903", "TST902"]
    assert [r["level"] for r in results] == ["error", "note", "warning"]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"] == {"uri": "news/a%20b%2Cc%3Ad.md", "uriBaseId": "%SRCROOT%"}
    line = TEXT_A.split("\n")[2]
    # code points: "Café “Zoë” " is 11 characters (more in UTF-8 or UTF-16 units)
    assert first["region"] == {"startLine": 3, "startColumn": line.index("flagged") + 1, "endLine": 3,
                               "endColumn": line.index("flagged") + 8, "snippet": {"text": "flagged"}}
    assert first["region"]["startColumn"] == 12
    multi = results[2]["locations"][0]["physicalLocation"]["region"]
    assert (multi["startLine"], multi["endLine"], multi["endColumn"]) == (4, 5, 7)
    assert results[1]["message"]["text"] == "50% more, maybe\nnote: rounded: 12.4% -> 12%"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "empty file" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/empty.txt"


def test_sarif_fingerprints_are_stable_and_distinct(tmp_path, monkeypatch, test_rules):
    monkeypatch.chdir(tmp_path)
    from numcheck.report.sarif import FINGERPRINT_KEY

    def prints(report):
        data = json.loads(render("sarif", report))
        return [r["partialFingerprints"][FINGERPRINT_KEY] for r in data["runs"][0]["results"]]

    first = prints(hand_report(tmp_path))
    assert len(set(first)) == len(first)
    assert first == prints(hand_report(tmp_path))
    # moving the findings down (an edit above them) keeps their fingerprints
    report = hand_report(tmp_path)
    fr = report.files[0]
    moved = tuple(Located(l.finding, l.line + 5, l.column, l.end_line + 5, l.end_column, l.text)
                  for l in fr.findings)
    shifted = Report((FileResult(fr.path, fr.document, moved),) + report.files[1:])
    assert prints(shifted) == first
    # the same text flagged twice by one rule: two distinct fingerprints
    twice = Report((FileResult(fr.path, fr.document, (fr.findings[0], fr.findings[0])),))
    a, b = prints(twice)
    assert a != b


def test_sarif_clean_run_is_successful(tmp_path, monkeypatch, sarif_validator):
    monkeypatch.chdir(tmp_path)
    report = Report((FileResult("x.md", Document.build("x.md", "Nothing.\n")),))
    data = json.loads(render("sarif", report))
    sarif_validator.validate(data)
    assert data["runs"][0]["results"] == []
    assert data["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_sarif_schema_rejects_a_broken_log(sarif_validator):
    """The validator is real: a result without a message is refused."""
    import jsonschema
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "numcheck"}},
                                         "results": [{"ruleId": "X"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator.validate(bad)


def test_sarif_path_outside_cwd_is_a_file_uri(tmp_path, monkeypatch):
    inner = tmp_path / "work"
    inner.mkdir()
    monkeypatch.chdir(inner)
    from numcheck.report.sarif import artifact_location
    loc = artifact_location(str(tmp_path / "other" / "é x.md"), str(inner))
    assert loc["uri"].startswith("file:///") and "uriBaseId" not in loc
    assert loc["uri"].endswith("/other/%C3%A9%20x.md")


# -- GitHub annotations -------------------------------------------------------------------------

def test_github_escaping_of_data_and_properties():
    assert escape_data("100%\r\nx: a,b") == "100%25%0D%0Ax: a,b"
    assert escape_property("100%\r\nx: a,b") == "100%25%0D%0Ax%3A a%2Cb"
    # escaping % first: an already-escaped looking text must survive a round trip
    assert escape_data("%0A") == "%250A"


def _unescape(value: str, prop: bool) -> str:
    """GitHub's runner decoding, as documented: the inverse of the escaping."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else [])
    for enc, dec in pairs:
        value = value.replace(enc, dec)
    return value.replace("%25", "%")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    m = re.fullmatch(r"::(\w+)(?: ([^:]*))?::(.*)", line)
    assert m, f"not a workflow command: {line!r}"
    props = {}
    if m.group(2):
        for part in m.group(2).split(","):
            k, _, v = part.partition("=")
            props[k] = _unescape(v, True)
    return m.group(1), props, _unescape(m.group(3), False)


def test_github_annotations_hostile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = render("github", hand_report(tmp_path))
    lines = out.splitlines()
    assert len(lines) == 4  # 3 findings + the unreadable file; CR/LF never split a command
    kind, props, msg = parse_command(lines[0])
    assert kind == "error"
    assert props == {"file": "news/a b,c:d.md", "line": "3", "col": "12", "endLine": "3",
                     "endColumn": "19", "title": "TST901"}
    assert msg == "the word is flagged: " + HOSTILE
    kind, props, msg = parse_command(lines[1])
    assert kind == "notice" and msg == "50% more, maybe\nnote: rounded: 12.4% -> 12%"
    kind, props, msg = parse_command(lines[2])
    # a span over two lines: no columns (GitHub ignores them across lines)
    assert kind == "warning" and props == {"file": "news/a b,c:d.md", "line": "4", "endLine": "5",
                                           "title": "TST902"}
    kind, props, msg = parse_command(lines[3])
    assert kind == "error" and props["file"] == "news/empty.txt" and msg.endswith("empty file")
    assert "\r" not in out.replace("\n", "")


# -- JUnit and rdjsonl --------------------------------------------------------------------------

def test_junit_structure(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = ET.fromstring(render("junit", hand_report(tmp_path)).encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "3", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/a b,c:d.md", "news/clean.txt", "news/empty.txt"]
    assert len(suites[0].findall("testcase/failure")) == 3
    assert suites[0].find("testcase/failure").get("type") == "TST901"
    assert "\r\n" in suites[0].find("testcase/failure").get("message")  # attributes keep CR/LF
    clean = suites[1].findall("testcase")
    assert len(clean) == 1 and list(clean[0]) == []
    assert suites[2].find("testcase/error") is not None


def test_rdjsonl_columns_are_utf8_bytes(tmp_path, monkeypatch, test_rules):
    monkeypatch.chdir(tmp_path)
    lines = render("rdjsonl", hand_report(tmp_path)).splitlines()
    diags = [json.loads(line) for line in lines]
    assert [d["severity"] for d in diags] == ["ERROR", "INFO", "WARNING", "ERROR"]
    first = diags[0]
    line = TEXT_A.split("\n")[2]
    prefix = line[: line.index("flagged")]
    assert first["location"]["path"] == "news/a b,c:d.md"
    assert first["location"]["range"]["start"] == {"line": 3, "column": len(prefix.encode()) + 1}
    assert first["location"]["range"]["end"] == {"line": 3, "column": len(prefix.encode()) + 8}
    assert first["code"] == {"value": "TST901", "url": "https://numcheck.example/docs/rules.md#tst901-flagged-word"}
    assert diags[3]["location"] == {"path": "news/empty.txt"}


# -- the real command line, end to end -------------------------------------------------------

@pytest.fixture
def articles(tmp_path, monkeypatch, test_rules):
    work = tmp_path / "repo"
    shutil.copytree(ARTICLES, work / "articles")
    (work / "articles" / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(work)
    return work


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    from numcheck.cli import main
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_cli_end_to_end_golden(fmt, articles, capsys, sarif_validator):
    # absolute folder on the command line: the reports still show paths relative to the cwd
    code, out, err = run_cli(capsys, "check", "--format", fmt, "--select", "TST", "-j", "1",
                             str(articles / "articles"))
    assert code == 2, err  # the empty file is unreadable
    assert "empty file" in err
    if fmt == "sarif":
        sarif_validator.validate(json.loads(out))
    assert str(articles) not in out.replace(articles.as_uri(), "")
    check_golden(f"cli.{EXT[fmt]}", normalise(fmt, out, articles))


def test_cli_sarif_to_file(articles, capsys):
    code, out, _ = run_cli(capsys, "check", "--format", "sarif", "--select", "TST", "-o", "numcheck.sarif",
                           "articles/story.md")
    assert code == 1 and out == ""
    data = json.loads((articles / "numcheck.sarif").read_text(encoding="utf-8"))
    results = data["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"TST901", "TST902", "TST903"}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/story.md"
               for r in results)


def test_cli_html_positions_point_into_the_file(articles, capsys):
    """Columns are code points in the file as given (markup and entities included)."""
    code, out, _ = run_cli(capsys, "check", "--format", "github", "--select", "TST901", "articles/page.html")
    assert code == 1
    original = (articles / "articles" / "page.html").read_text(encoding="utf-8").split("\n")
    for line in out.splitlines():
        _, props, _ = parse_command(line)
        row = original[int(props["line"]) - 1]
        assert row[int(props["col"]) - 1:int(props["endColumn"]) - 1] == "flagged"
