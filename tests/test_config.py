"""numcheck.toml / [tool.numcheck]: discovery, validation, origins, and `numcheck config`."""
from __future__ import annotations

import datetime as dt
import json
import os
import textwrap
from pathlib import Path

import pytest

from numcheck import configfile
from numcheck.cli import main
from numcheck.config import DEFAULT, ConfigError
from numcheck.configfile import config_for, find_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def error_of(tmp_path: Path, toml: str, name: str = "numcheck.toml") -> str:
    write(tmp_path / name, toml)
    with pytest.raises(ConfigError) as exc:
        config_for(str(tmp_path / "a.md"))
    msg = str(exc.value)
    assert "\n" not in msg
    assert name in msg
    return msg


# -- discovery ----------------------------------------------------------------------

def test_nearest_config_wins(tmp_path):
    write(tmp_path / "numcheck.toml", 'ignore = ["SRC"]\n')
    write(tmp_path / "desk" / "numcheck.toml", 'ignore = ["TIM"]\n')
    top = config_for(str(tmp_path / "a.md"))
    deep = config_for(str(tmp_path / "desk" / "sub" / "b.md"))
    assert top.ignore == ("SRC",)
    assert deep.ignore == ("TIM",)
    assert deep.root == str(tmp_path / "desk")


def test_pyproject_tool_table_and_pyproject_without_it_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.numcheck]
        fail-on = "error"
        """)
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "x"\n')
    cfg = config_for(str(tmp_path / "inner" / "a.md"))
    assert cfg.fail_on == "error"
    assert find_config(str(tmp_path / "inner" / "a.md")) == str(tmp_path / "pyproject.toml")


def test_numcheck_toml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.numcheck]\nfail-on = "error"\n')
    write(tmp_path / "numcheck.toml", 'fail-on = "info"\n')
    assert config_for(str(tmp_path / "a.md")).fail_on == "info"


def test_explicit_config_overrides_discovery(tmp_path):
    write(tmp_path / "numcheck.toml", 'fail-on = "info"\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'fail-on = "error"\n')
    assert config_for(str(tmp_path / "a.md"), explicit=str(other)).fail_on == "error"


def test_no_config_gives_defaults(tmp_path):
    assert config_for(str(tmp_path / "a.md")) is DEFAULT or \
        find_config(str(tmp_path / "a.md")) is not None  # a config above /tmp would be the machine's


def test_parsed_files_are_cached(tmp_path):
    write(tmp_path / "numcheck.toml", 'ignore = ["SRC"]\n')
    a = config_for(str(tmp_path / "a.md"))
    b = config_for(str(tmp_path / "b.md"))
    assert a is b


def test_edited_config_is_reread(tmp_path):
    cfg_file = write(tmp_path / "numcheck.toml", 'fail-on = "info"\n')
    assert config_for(str(tmp_path / "a.md")).fail_on == "info"
    cfg_file.write_text('fail-on = "error"\n# longer\n', encoding="utf-8")
    os.utime(cfg_file, ns=(1, 10**18))
    assert config_for(str(tmp_path / "a.md")).fail_on == "error"


# -- keys and values -------------------------------------------------------------------

def test_every_key(tmp_path):
    write(tmp_path / "numcheck.toml", """
        select = ["CUR", "TIM"]
        extend-select = ["HS001"]
        ignore = ["TIM006"]
        fail-on = "error"
        date = 2024-05-01
        packs = ["house-style"]
        house-currency = "gbp"
        attribution-scope = "paragraph"

        [per-file-ignores]
        "archive/*.md" = ["SRC", "unsourced-figure"]

        [severity]
        CUR003 = "info"
        TIM = "warning"

        [rules.HS003]
        min-value = 5e6
        """)
    cfg = config_for(str(tmp_path / "a.md"))
    assert cfg.select == ("CUR", "TIM") and cfg.extend_select == ("HS001",)
    assert cfg.ignore == ("TIM006",) and cfg.fail_on == "error"
    assert cfg.date == dt.date(2024, 5, 1) and cfg.date_until is None
    assert cfg.packs == ("house-style",)
    assert cfg.settings == {"house_currency": "GBP", "attribution_scope": "paragraph"}
    assert cfg.per_file_ignores["archive/*.md"] == ("SRC", "unsourced-figure")
    assert cfg.severity["CUR003"] == "info" and cfg.severity["TIM001"] == "warning"
    assert cfg.options["HS003"] == {"min_value": 5e6}
    assert cfg.rule_options("HS003")["min_value"] == 5e6
    origin = str(Path("numcheck.toml")) if Path.cwd() == tmp_path else configfile.display_path(
        str(tmp_path / "numcheck.toml"))
    assert cfg.origins["select"] == origin
    assert cfg.origins["options.HS003.min_value"] == origin
    assert "fail_on" in cfg.origins and "per_file_ignores" in cfg.origins


def test_per_file_ignores_apply_relative_to_the_config(tmp_path):
    write(tmp_path / "numcheck.toml", '[per-file-ignores]\n"archive/*.md" = ["TIM"]\n')
    cfg = config_for(str(tmp_path / "archive" / "old.md"))
    assert not any(c.startswith("TIM") for c in cfg.enabled_codes(str(tmp_path / "archive" / "old.md")))
    assert any(c.startswith("TIM") for c in cfg.enabled_codes(str(tmp_path / "news" / "new.md")))


def test_snake_case_keys_are_accepted(tmp_path):
    write(tmp_path / "numcheck.toml", 'extend_select = ["HS001"]\nfail_on = "info"\n')
    cfg = config_for(str(tmp_path / "a.md"))
    assert cfg.extend_select == ("HS001",) and cfg.fail_on == "info"


def test_date_range(tmp_path):
    write(tmp_path / "numcheck.toml", 'date = "2004-01-01..2005-12-31"\n')
    cfg = config_for(str(tmp_path / "a.md"))
    assert (cfg.date, cfg.date_until) == (dt.date(2004, 1, 1), dt.date(2005, 12, 31))


@pytest.mark.parametrize("toml,needle", [
    ('selct = ["CUR"]\n', "unknown key 'selct' (did you mean 'select'?)"),
    ('select = ["CURR"]\n', "select: unknown rule code, prefix or name 'CURR'"),
    ('ignore = "TIM999"\n', "ignore: unknown rule code"),
    ('fail-on = "fatal"\n', "fail-on: expected error, warning or info, not the string 'fatal'"),
    ('date = "May 1"\n', "date: expected a date like 2024-05-01"),
    ('house-currency = "pounds"\n', "house-currency: expected a three-letter currency code"),
    ('attribution-scope = "article"\n', "attribution-scope: expected \"sentence\" or \"paragraph\""),
    ('packs = ["no-such-pack"]\n', "no such pack 'no-such-pack'"),
    ('[severity]\nCUR002 = "fatal"\n', "severity.CUR002: expected error, warning or info"),
    ('[rules.HS003]\nmin-valu = 5\n', "rules.HS003: unknown option 'min-valu' (did you mean 'min-value'?)"),
    ('[rules.HS003]\nmin-value = "lots"\n', "rules.HS003.min-value: expected a number, not the string 'lots'"),
    ('[rules.XX999]\nfoo = 1\n', "rules.XX999: unknown rule"),
    ('[per-file-ignores]\n"*.md" = ["NOPE1"]\n', "per-file-ignores"),
    ('select = 5\n', "select: expected a list of strings, not the number 5"),
])
def test_bad_config_is_one_line_naming_file_and_key(tmp_path, toml, needle):
    msg = error_of(tmp_path, toml)
    assert needle in msg, msg


def test_options_are_validated_against_each_rules_registration(tmp_path):
    from numcheck import rules as registry
    src001 = registry.get("SRC001")
    if src001 is None or "min_count" not in src001.options:
        pytest.skip("SRC001 min_count not registered")
    write(tmp_path / "numcheck.toml", "[rules.SRC001]\nmin-count = 50\n")
    assert config_for(str(tmp_path / "a.md")).options["SRC001"] == {"min_count": 50}
    msg = error_of(tmp_path, "[rules.SRC001]\nmin-count = 2.5\n")
    assert "rules.SRC001.min-count: expected a whole number" in msg


def test_pyproject_errors_name_the_tool_table(tmp_path):
    msg = error_of(tmp_path, '[tool.numcheck]\nignor = ["SRC"]\n', name="pyproject.toml")
    assert "unknown key 'tool.numcheck.ignor' (did you mean 'ignore'?)" in msg


def test_broken_toml_names_file_and_position(tmp_path):
    msg = error_of(tmp_path, 'select = ["CUR"\nignore = 3\n')
    assert "invalid TOML" in msg and "line 2" in msg


# -- the command line ----------------------------------------------------------------

def test_cli_bad_config_exits_2_with_one_line_for_many_files(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numcheck.toml", 'selct = ["CUR"]\n')
    for name in ("a.md", "b.md", "c.txt"):
        write(tmp_path / name, "The council approved the plan.\n")
    code, _, err = run(capsys, "check", "a.md", "b.md", "c.txt")
    assert code == 2
    lines = [l for l in err.splitlines() if l.strip()]
    assert lines == ["numcheck: error: numcheck.toml: unknown key 'selct' (did you mean 'select'?)"]


def test_cli_config_command_text(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numcheck.toml", 'ignore = ["TIM006"]\n[rules.HS003]\nmin-value = 5e6\n')
    write(tmp_path / "news" / "a.md", "Text.\n")
    code, out, _ = run(capsys, "config", "news/a.md", "--fail-on", "error")
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert rows["ignore"].split()[-1] == "numcheck.toml"
    assert rows["fail-on"].split()[1:] == ["error", "command", "line"]
    assert rows["select"].split()[1:] == ["ALL", "default"]
    assert "5000000.0" in rows["rules.HS003.min-value"]
    assert "config file: numcheck.toml" in out
    assert "TIM006" not in out.split("enabled rules")[1]


def test_cli_config_command_json(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numcheck.toml", 'packs = ["house-style"]\n')
    code, out, _ = run(capsys, "config", "a.md", "--format", "json", "--select", "HS,NC")
    assert code == 0
    info = json.loads(out)
    settings = {s["key"]: s for s in info["settings"]}
    assert settings["packs"] == {"key": "packs", "value": ["house-style"], "origin": "numcheck.toml"}
    assert settings["select"]["origin"] == "command line"
    assert settings["date"] == {"key": "date", "value": None, "origin": "default"}
    assert set(info["enabled_rules"]) == {"HS001", "HS002", "HS003", "HS004", "HS005", "NC001", "NC002"}


def test_cli_config_command_bad_config(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numcheck.toml", 'fail-on = 3\n')
    code, out, err = run(capsys, "config", "a.md")
    assert code == 2 and out == ""
    assert err.strip() == "numcheck: error: numcheck.toml: fail-on: expected error, warning or info, not the number 3"


def test_check_uses_config_found_next_to_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "desk" / "numcheck.toml", 'select = ["HS001"]\n')
    write(tmp_path / "desk" / "a.txt", "The Treasury will borrow £3.6bn next year.\n")
    write(tmp_path / "other" / "b.txt", "The Treasury will borrow £3.6bn next year.\n")
    code, out, _ = run(capsys, "check", "--format", "json", "desk/a.txt", "other/b.txt")
    data = json.loads(out)
    by_file = {Path(f["path"]).parent.name: [x["code"] for x in f["findings"]] for f in data["files"]}
    assert by_file["desk"] == ["HS001"]
    assert "HS001" not in by_file["other"]
