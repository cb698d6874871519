"""A real pre-commit run of the hook in .pre-commit-hooks.yaml.

The current working tree (tracked and untracked, not ignored files) is copied into a
temporary git repository and committed; a second temporary repository holds fixture
articles and a .pre-commit-config.yaml naming the first by path and commit.  pre-commit
(from PyPI) then clones it and pip-installs numcheck with its dependencies into its own
environment, as a user's pre-commit would.  That install needs PyPI and takes a minute:
the test is slow on purpose and skipped only when pre-commit itself is missing.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).resolve().parent / "golden" / "articles"

try:
    import pre_commit  # noqa: F401
    HAVE_PRE_COMMIT = True
except ImportError:
    HAVE_PRE_COMMIT = False

pytestmark = [
    pytest.mark.skipif(not HAVE_PRE_COMMIT, reason="pre-commit is not installed (pip install pre-commit, "
                                                   "or the project's [test] extra)"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def git(cwd: Path, *args: str, env: dict) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("home")
    e = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "PYTHONPATH"))}
    e.update({"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1",
              "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
              "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
              "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
              "PIP_DISABLE_PIP_VERSION_CHECK": "1", "NO_COLOR": "1"})
    return e


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """This project's working tree, committed in a temporary repository."""
    src = tmp_path_factory.mktemp("numcheck-src")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, listed.split(b"\0")):
        rel = os.fsdecode(name)
        source = ROOT / rel
        if source.is_file() and not source.is_symlink():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, src / rel)
    assert (src / ".pre-commit-hooks.yaml").is_file()
    git(src, "init", "-q", "-b", "main", env=env)
    git(src, "add", "-A", env=env)
    git(src, "commit", "-q", "-m", "numcheck under test", env=env)
    return src, git(src, "rev-parse", "HEAD", env=env).strip()


def pre_commit(cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=600)


def make_site(root: Path, hook_repo: tuple[Path, str], env: dict, args: list[str]) -> Path:
    src, sha = hook_repo
    site = root / "site"
    site.mkdir()
    shutil.copytree(ARTICLES, site / "articles")
    (site / "articles" / "script.py").write_text("x = 12  # 12% of $3.6bn: not prose\n")
    (site / "articles" / "data.yaml").write_text("share: 12%\n")
    (site / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {json.dumps(str(src))}\n"
        f"    rev: {sha}\n"
        "    hooks:\n"
        "      - id: numcheck\n"
        f"        args: {json.dumps(args)}\n"
        "        verbose: true\n", encoding="utf-8")
    git(site, "init", "-q", "-b", "main", env=env)
    git(site, "add", "-A", env=env)
    git(site, "commit", "-q", "-m", "fixture articles", env=env)
    return site


def _json_report(output: str) -> dict:
    start, end = output.index("{"), output.rindex("}")
    return json.loads(output[start:end + 1])


def test_pre_commit_runs_the_hook_on_articles_only(tmp_path, hook_repo, env):
    site = make_site(tmp_path, hook_repo, env, ["--format", "json", "--exit-zero"])
    proc = pre_commit(site, env, "run", "--all-files")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "numcheck (numbers in prose)" in output and "Passed" in output
    report = _json_report(proc.stdout)
    checked = sorted(f["path"] for f in report["files"])
    # Markdown, plain text and HTML; never the Python or YAML file
    assert checked == ["articles/notes.txt", "articles/page.html", "articles/story.md"]

    # real commits through the installed git hook: only the staged article is checked
    install = pre_commit(site, env, "install")
    assert install.returncode == 0, install.stdout + install.stderr
    (site / "articles" / "new.md").write_text("Sales rose 12% to $56m.\n")
    git(site, "add", "articles/new.md", env=env)
    ok = subprocess.run(["git", "commit", "-m", "new article"], cwd=site, capture_output=True, text=True,
                        env=env, timeout=600)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert [f["path"] for f in _json_report(ok.stdout + ok.stderr)["files"]] == ["articles/new.md"]

    # a failing hook blocks the commit
    config = site / ".pre-commit-config.yaml"
    config.write_text(config.read_text().replace('["--format", "json", "--exit-zero"]', '["--select", "NOPE999"]'))
    (site / "articles" / "new.md").write_text("Sales rose 13% to $57m.\n")
    git(site, "add", "-A", env=env)
    blocked = subprocess.run(["git", "commit", "-m", "edit"], cwd=site, capture_output=True, text=True,
                             env=env, timeout=600)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    assert "Failed" in out and "NOPE999" in out
    assert git(site, "log", "-1", "--format=%s", env=env).strip() == "new article"
