"""--changed-since REF: git as a subprocess in a temporary repository."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from numcheck.gitdiff import changed_files

pytestmark = pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
                                reason="git is not installed")


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for k, v in {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Test",
                 "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
                 "GIT_COMMITTER_EMAIL": "test@example.org",
                 "GIT_CEILING_DIRECTORIES": str(tmp_path)}.items():
        monkeypatch.setenv(k, v)
    for k in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(k, raising=False)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, git_env, monkeypatch) -> Path:
    r = tmp_path / "repo"
    (r / "news").mkdir(parents=True)
    git(r, "init", "-q", "-b", "main")
    for name in ("a.md", "b.md", "c.txt", "same.md", "spaced name.md"):
        (r / "news" / name).write_text(f"{name}: 12 people.\n", encoding="utf-8")
    (r / ".gitignore").write_text("ignored.md\n")
    git(r, "add", "-A")
    git(r, "commit", "-q", "-m", "base")
    monkeypatch.chdir(r)
    return r


def all_articles(root: Path) -> list[str]:
    from numcheck.readers import iter_article_paths
    return iter_article_paths(["news"])


def test_modified_added_renamed_untracked_not_deleted_or_ignored(repo):
    (repo / "news" / "a.md").write_text("changed, not staged\n")
    (repo / "news" / "spaced name.md").write_text("changed and staged\n")
    git(repo, "add", "news/spaced name.md")
    git(repo, "mv", "news/c.txt", "news/renamed.txt")
    git(repo, "rm", "-q", "news/b.md")
    (repo / "news" / "new.md").write_text("untracked\n")
    (repo / "news" / "ignored.md").write_text("ignored\n")
    paths = all_articles(repo)
    assert "news/ignored.md" in paths  # numcheck itself would check it...
    got = changed_files(paths, "HEAD")
    # ...but it did not change as far as git is concerned; order is the input order
    assert got == [p for p in paths if p in {"news/a.md", "news/new.md", "news/renamed.txt",
                                                 "news/spaced name.md"}]
    assert len(got) == 4


def test_committed_changes_since_a_ref_and_merge_base(repo):
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "news" / "a.md").write_text("feature edit\n")
    git(repo, "commit", "-q", "-am", "feature")
    git(repo, "checkout", "-q", "main")
    (repo / "news" / "same.md").write_text("main moved on\n")
    git(repo, "commit", "-q", "-am", "main")
    git(repo, "checkout", "-q", "feature")
    paths = all_articles(repo)
    assert changed_files(paths, base) == ["news/a.md"]
    # against main: only the branch's own change, not main's later edit (merge base)
    assert changed_files(paths, "main") == ["news/a.md"]
    assert changed_files(paths, "HEAD") == []


def test_absolute_paths_and_subdirectory_cwd(repo, monkeypatch):
    (repo / "news" / "b.md").write_text("edited\n")
    monkeypatch.chdir(repo / "news")
    absolute = [str(repo / "news" / "a.md"), str(repo / "news" / "b.md")]
    assert changed_files(absolute, "HEAD") == [absolute[1]]
    assert changed_files(["a.md", "b.md", "-"], "HEAD") == ["b.md", "-"]


def test_unknown_ref_is_a_clear_error(repo):
    with pytest.raises(RuntimeError) as exc:
        changed_files(["news/a.md"], "no-such-branch")
    msg = str(exc.value)
    assert msg.startswith("--changed-since: unknown git ref 'no-such-branch'") and "\n" not in msg
    with pytest.raises(RuntimeError, match="not a git ref"):
        changed_files(["news/a.md"], "--output=/tmp/x")


def test_outside_a_repository(tmp_path, git_env, monkeypatch):
    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.chdir(plain)
    with pytest.raises(RuntimeError, match="is not inside a git repository"):
        changed_files(["a.md"], "HEAD")


def test_git_missing(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-bin-here"))
    with pytest.raises(RuntimeError, match="git is not installed"):
        changed_files(["news/a.md"], "HEAD")


# -- through the command line ----------------------------------------------------------------

def run_cli(capsys, *args):
    from numcheck.cli import main
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_cli_changed_since(repo, capsys):
    (repo / "news" / "b.md").write_text("Revenue rose to 12 million.\n")
    code, out, err = run_cli(capsys, "check", "--format", "json", "--changed-since", "HEAD", "news")
    assert code in (0, 1), err
    assert [f["path"] for f in json.loads(out)["files"]] == ["news/b.md"]


def test_cli_changed_since_errors_are_one_line(repo, capsys, tmp_path, monkeypatch):
    code, out, err = run_cli(capsys, "check", "--changed-since", "nope", "news")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == ["numcheck: error: --changed-since: unknown git ref 'nope' "
                                        "(is it fetched? shallow clones lack history)"]
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.md").write_text("12 people.\n")
    monkeypatch.chdir(outside)
    code, out, err = run_cli(capsys, "check", "--changed-since", "HEAD", "x.md")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "not inside a git repository" in err
